"""Coreference on invented text: names, surnames, titles, pronouns, metonyms, groups."""

from __future__ import annotations

import pytest

from storyline.read import read_text
from storyline.record import Article, Entity
from storyline.settings import Config

pytestmark = pytest.mark.model


def _entity(article: Article, entity_id: str) -> Entity:
    for e in article.entities:
        if e.id == entity_id:
            return e
    raise AssertionError(f"{entity_id} not in {[e.id for e in article.entities]}")


def _texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


def test_nlp_coref_resolution_unknown_minister(config: Config) -> None:
    text = ("Velorian Foreign Minister Aldo Ferrant rejected the plan on Tuesday.\n"
            "Ferrant said the proposal would leave foreign troops in the valley. "
            "The minister added that he would travel to Geneva next week.\n")
    article = read_text(text, config=config)
    ferrant = _entity(article, "person:aldo-ferrant")
    texts = _texts(ferrant)
    assert "Aldo Ferrant" in texts and "Ferrant" in texts
    assert "The minister" in texts and "he" in texts
    assert ferrant.type == "PERSON"


def test_nlp_coref_resolution_unclear_pronoun_left_alone(config: Config) -> None:
    text = "The talks between Aldo Ferrant and Dario Lenz ended on Monday. He left early.\n"
    article = read_text(text, config=config)
    assert "He" not in {m.text for e in article.entities for m in e.mentions}


def test_nlp_coref_resolution_gender(config: Config) -> None:
    text = "Aldo Ferrant met Ms Ilse Kovacs in Lusora on Monday. She said the talks had gone well.\n"
    article = read_text(text, config=config)
    assert "She" in _texts(_entity(article, "person:ilse-kovacs"))
    assert "She" not in _texts(_entity(article, "person:aldo-ferrant"))


def test_nlp_coref_resolution_metonyms(config: Config) -> None:
    text = ("Moscow rejected the proposal on Friday, and the Kremlin said talks were over.\n"
            "Thousands of people marched in Moscow on Saturday.\n")
    article = read_text(text, config=config)
    russia = _entity(article, "country:ru")
    kinds = {m.text: m.kind for m in russia.mentions}
    assert kinds.get("Moscow") == "metonym" and kinds.get("Kremlin") == "metonym"
    city = _entity(article, "city:moscow")
    assert [m.text for m in city.mentions] == ["Moscow"]
    assert city.mentions[0].start > text.index("marched")


def test_nlp_coref_resolution_organisations(config: Config) -> None:
    text = ("The Organisation of Free Traders (OFT) criticised Northwind Energy Corp on Monday.\n"
            "OFT said the firm had broken the rules. Northwind Energy Corp said it would appeal. "
            "The company denied any wrongdoing.\n")
    article = read_text(text, config=config)
    oft = next(e for e in article.entities if "Organisation of Free Traders" in _texts(e))
    assert "OFT" in _texts(oft)
    corp = _entity(article, "org:northwind-energy-corp")
    assert {"it", "The company"} <= set(_texts(corp))


def test_nlp_coref_resolution_kb_titles(config: Config) -> None:
    text = ("Donald Trump spoke with his Russian counterpart on Monday.\n"
            "The Russian president said the call was useful.\n")
    article = read_text(text, config=config)
    putin = _entity(article, "person:vladimir-putin")
    assert {"his Russian counterpart", "The Russian president"} <= set(_texts(putin))
    assert "his" in _texts(_entity(article, "person:donald-trump"))


def test_nlp_coref_resolution_ids_stable_across_articles(config: Config) -> None:
    one = read_text("Aldo Ferrant visited Kyiv on Monday. Ferrant met officials.\n", config=config)
    two = read_text("Officials in Lusora said Aldo Ferrant would resign.\n", config=config)
    assert "person:aldo-ferrant" in {e.id for e in one.entities}
    assert "person:aldo-ferrant" in {e.id for e in two.entities}
