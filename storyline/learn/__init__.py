"""Training code for storyline's learned components (``storyline train …``)."""
