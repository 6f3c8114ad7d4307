"""``storyline_times`` (stub, to be replaced)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import get_list


@Language.component("storyline_times")
def storyline_times(doc: Doc) -> Doc:
    get_list(doc, "sl_times")
    return doc
