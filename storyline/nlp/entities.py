"""``storyline_entities`` (stub, to be replaced)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..record import Entity
from .extensions import get_list


@Language.component("storyline_entities")
def storyline_entities(doc: Doc) -> Doc:
    get_list(doc, "sl_entities")
    return doc


def entity_for_span(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention inside ``[start, end)`` (the longest, then the last)."""
    best: tuple[int, Entity] | None = None
    for entity in doc._.sl_entities or []:
        for m in entity.mentions:
            if start <= m.start and m.end <= end:
                size = m.end - m.start
                if best is None or size >= best[0]:
                    best = (size, entity)
    return best[1] if best else None
