"""Evaluations against ../shared benchmark data and storyline's own test sets.

Each module exposes ``evaluate(path, config) -> dict`` and ``render(result) -> str``;
``storyline eval NAME PATH`` calls them."""
