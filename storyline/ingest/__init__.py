"""Ingest: turn paths, stdin and bytes into decoded inputs (``sources``) and
HTML pages into article text (``html``)."""
