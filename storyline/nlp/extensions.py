"""Custom ``Doc`` attributes shared by storyline's pipeline components.

Inputs set before the pipeline runs (by :mod:`storyline.read`):

- ``doc._.published``: ``datetime.date`` or ``None``, the anchor for relative dates
- ``doc._.regions``: ``list[record.Region]``, the article's structure
- ``doc._.language``: ISO 639-1 code of the body, or ``None`` (English-only grammar is skipped for others)

Outputs, one per component:

- ``doc._.sl_entities``: ``list[record.Entity]`` (``storyline_entities``)
- ``doc._.sl_times``: ``list[record.TimeExpr]`` (``storyline_times``)
- ``doc._.sl_attributions``: ``list[record.Attribution]`` (``storyline_attributions``)
- ``doc._.sl_hedges``: ``list[record.Hedge]`` (``storyline_attributions``)
- ``doc._.sl_events``: ``list[record.Event]`` (``storyline_events``)
- ``doc._.sl_warnings``: ``list[str]`` (any component)
"""

from __future__ import annotations

from spacy.tokens import Doc

_DOC_ATTRS = ("published", "regions", "language", "sl_entities", "sl_times", "sl_attributions",
              "sl_hedges", "sl_events", "sl_warnings")


def register() -> None:
    """Register the extensions (idempotent). List attributes default to ``None``;
    use :func:`get_list` to read them."""
    for name in _DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def get_list(doc: Doc, name: str) -> list:  # type: ignore[type-arg]
    value = getattr(doc._, name)
    if value is None:
        value = []
        setattr(doc._, name, value)
    return value  # type: ignore[no-any-return]


def content_regions(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges that hold article text (everything but chrome).
    With no regions set, the whole document."""
    regions = doc._.regions
    if not regions:
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text) rebuilds the text
        return [(0, end)]
    return [(r.start, r.end) for r in regions if r.kind != "chrome"]


def in_content(doc: Doc, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in content_regions(doc))


register()
