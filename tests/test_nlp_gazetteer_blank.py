"""The gazetteer and entity components on a blank pipeline (no model): hand-built Docs."""

from __future__ import annotations

import spacy

from storyline.nlp import entities as _entities  # noqa: F401  (registers the components)
from storyline.nlp import gazetteer as _gazetteer  # noqa: F401
from storyline.record import Region


def test_nlp_gazetteer_blank_matches_and_chrome() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_gazetteer")
    nlp.add_pipe("storyline_entities")
    text = "Zelensky visited Kiev and the Donbass.\nTürkiye news read 10 times in Ankara\n"
    doc = nlp.make_doc(text)
    cut = text.index("Türkiye")
    doc._.regions = [Region("body", 0, cut - 1), Region("chrome", cut, len(text) - 1)]
    doc = nlp(doc)
    ents = {e.text: (e.label_, e.kb_id_) for e in doc.ents}
    assert ents == {"Zelensky": ("PERSON", "person:volodymyr-zelenskyy"), "Kiev": ("GPE", "city:kyiv"),
                    "Donbass": ("LOC", "region:donbas")}
    ids = [e.id for e in doc._.sl_entities]
    assert ids == ["person:volodymyr-zelenskyy", "city:kyiv", "region:donbas"]  # nothing from chrome
    kyiv = doc._.sl_entities[1]
    assert kyiv.mentions[0].kind == "name"  # "visited Kiev": the city, not the government


def test_nlp_gazetteer_blank_metonym_and_adjective() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_gazetteer")
    nlp.add_pipe("storyline_entities")
    doc = nlp("Moscow rejected the offer made by Ukrainian officials")
    by_id = {e.id: e for e in doc._.sl_entities}
    assert [(m.text, m.kind) for m in by_id["country:ru"].mentions] == [("Moscow", "metonym")]
    assert [(m.text, m.kind) for m in by_id["country:ua"].mentions] == [("Ukrainian", "adjective")]
    assert "city:moscow" not in by_id


def test_nlp_gazetteer_blank_off() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_gazetteer", config={"use_gazetteer": False, "knowledge_base": ""})
    nlp.add_pipe("storyline_entities")
    doc = nlp("Zelensky visited Kiev")
    assert list(doc.ents) == [] and doc._.sl_entities == []
