"""``storyline_attributions`` (stub, to be replaced)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import get_list


class AttributionComponent:
    def __init__(self, nlp: Language, name: str, model_path: str) -> None:
        self.model_path = model_path

    def __call__(self, doc: Doc) -> Doc:
        get_list(doc, "sl_attributions")
        get_list(doc, "sl_hedges")
        return doc


@Language.factory("storyline_attributions", default_config={"model_path": ""})
def make_attributions(nlp: Language, name: str, model_path: str) -> AttributionComponent:
    return AttributionComponent(nlp, name, model_path)
