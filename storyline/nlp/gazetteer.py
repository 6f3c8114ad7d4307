"""``storyline_gazetteer`` (stub, to be replaced)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class GazetteerComponent:
    def __init__(self, nlp: Language, name: str, use_gazetteer: bool, knowledge_base: str) -> None:
        self.use_gazetteer = use_gazetteer
        self.knowledge_base = knowledge_base

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("storyline_gazetteer", default_config={"use_gazetteer": True, "knowledge_base": ""})
def make_gazetteer(nlp: Language, name: str, use_gazetteer: bool, knowledge_base: str) -> GazetteerComponent:
    return GazetteerComponent(nlp, name, use_gazetteer, knowledge_base)
