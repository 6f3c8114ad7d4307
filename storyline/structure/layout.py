"""The output of the structure stage, for text dumps and HTML alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Metadata, Region


@dataclass
class Layout:
    """``text`` with its ``regions`` and the ``metadata`` read from it.

    For a text dump ``text`` is the input unchanged; for HTML it is the
    extracted article. ``published`` in the metadata is set only when the
    page or text states a date (``published_from`` says which)."""

    text: str
    regions: list[Region] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[str] = field(default_factory=list)
    url: str | None = None  # the page's own address (canonical link or og:url), when it states one
