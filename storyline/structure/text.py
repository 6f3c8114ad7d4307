"""Segment a plain-text dump (stub, to be replaced)."""
from __future__ import annotations

from ..record import Metadata, Region
from .layout import Layout


def segment_text(text: str) -> Layout:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    title = lines[0].strip() if lines else None
    return Layout(text=text, regions=[Region("body", 0, len(text))], metadata=Metadata(title=title))
