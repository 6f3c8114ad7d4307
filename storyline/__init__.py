"""storyline: who claims what, through whom, how firmly, about which places and dates."""

from __future__ import annotations

__version__ = "0.1.0"

from .read import read_bytes, read_path, read_paths, read_text  # noqa: E402
from .record import Article  # noqa: E402

__all__ = ["Article", "__version__", "read_bytes", "read_path", "read_paths", "read_text"]
