"""Names the gazetteer does not know still become entities, with name-based stable ids."""

from __future__ import annotations

import pytest

from storyline.nlp.entities import entity_for_span
from storyline.read import read_text
from storyline.settings import Config

pytestmark = pytest.mark.model

TEXT = ("Acme Corp cuts jobs in Lusora\n"
        "By Diyar Guldogan\n"
        "LUSORA (AA) - Acme Corp said on Monday it would cut 300 jobs at its plant in Lusora. "
        "Chief executive Dana Whitfield said the company had no choice. Whitfield said she regretted the move.\n")


def test_nlp_entities_unknown_ids_and_merging(config: Config) -> None:
    first = read_text(TEXT, config=config)
    second = read_text(TEXT, config=config)
    ids = [e.id for e in first.entities]
    assert ids == [e.id for e in second.entities]
    by_id = {e.id: e for e in first.entities}
    acme = by_id["org:acme-corp"]
    assert acme.type == "ORG"
    assert {"Acme Corp", "it", "its", "the company"} <= {m.text for m in acme.mentions}
    whitfield = by_id["person:dana-whitfield"]
    assert {"Dana Whitfield", "Whitfield", "she"} <= {m.text for m in whitfield.mentions}
    author = by_id["person:diyar-guldogan"]
    assert author.type == "PERSON" and author.mentions[0].kind == "byline"
    assert by_id["org:anadolu-agency"].mentions[0].text == "AA"
    lusora = by_id["place:lusora"]
    assert lusora.type == "GPE" and {m.kind for m in lusora.mentions} >= {"dateline", "name"}


def test_nlp_entities_unknown_entity_for_span(nlp: object) -> None:
    doc = nlp("Aldo Ferrant said the plan failed. He blamed Marland.\n")  # type: ignore[operator]
    he = doc.text.index("He")
    entity = entity_for_span(doc, he, he + 2)
    assert entity is not None and entity.id == "person:aldo-ferrant"
    assert entity_for_span(doc, 0, len(doc.text)) is not None
    assert entity_for_span(doc, doc.text.index("said"), doc.text.index("said") + 4) is None
