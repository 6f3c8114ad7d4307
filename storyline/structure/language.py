"""Language identification of the body (stub, to be replaced)."""
from __future__ import annotations


def detect_language(text: str) -> str | None:
    return "en" if text.strip() else None
