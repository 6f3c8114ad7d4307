"""``storyline_events`` (stub, to be replaced)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import get_list


@Language.component("storyline_events")
def storyline_events(doc: Doc) -> Doc:
    get_list(doc, "sl_events")
    return doc
