"""Coreference of definite descriptions ("the Orsanian president", "the Zamoran foreign minister",
"the minister") to the person introduced earlier with that role and country, on invented text
with no knowledge base; a later he/she then goes to that person."""

from __future__ import annotations

import pytest

from storyline.read import read_text
from storyline.record import Article, Entity
from storyline.settings import Config

pytestmark = pytest.mark.model


def _person(article: Article, name: str) -> Entity:
    for e in article.entities:
        if e.type == "PERSON" and e.name == name:
            return e
    raise AssertionError(f"{name} not among {[(e.id, e.name, e.type) for e in article.entities]}")


def _texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


def _owner(article: Article, text: str) -> str | None:
    """The name of the entity holding a mention with exactly this text (None when unresolved)."""
    for e in article.entities:
        if any(m.text == text for m in e.mentions):
            return e.name
    return None


def test_nlp_coref_descriptions_adjective_and_role(config: Config) -> None:
    text = ("Talvet rejects border plan\n\n"
            "VELL, March 2 — Orsanian President Mira Talvet on Monday rejected a proposal to reopen the "
            "northern border crossings.\n\n"
            "The Orsanian president told reporters in the capital that the plan ignored the concerns of "
            "farmers. She said talks would continue next week.\n")
    article = read_text(text, config=config)
    talvet = _person(article, "Mira Talvet")
    texts = _texts(talvet)
    assert "The Orsanian president" in texts
    assert "She" in texts


def test_nlp_coref_descriptions_possessive_apposition_intro(config: Config) -> None:
    text = ("Ostravia seeks new loan\n\n"
            "RIMSBY, May 4 — Teodor Vask, Ostravia's prime minister, met bank officials on Tuesday to discuss "
            "a new loan.\n\n"
            "The talks lasted three hours. Afterwards the Ostravian prime minister said the terms were fair. "
            "He will present the deal to parliament on Friday.\n")
    article = read_text(text, config=config)
    vask = _person(article, "Teodor Vask")
    texts = _texts(vask)
    assert "the Ostravian prime minister" in texts
    assert "He" in texts


def test_nlp_coref_descriptions_country_after_name(config: Config) -> None:
    text = ("Foreign Minister Piotr Danek of Zamora arrived in Porto Alvo on Tuesday for two days of talks. "
            "The Zamoran foreign minister said his government wanted a lasting settlement. "
            "He will meet the Lusoran delegation on Wednesday.\n")
    article = read_text(text, config=config)
    danek = _person(article, "Piotr Danek")
    texts = _texts(danek)
    assert "The Zamoran foreign minister" in texts
    assert "He" in texts
    # "Zamoran" is Zamora's adjective, never a person of its own
    assert not any(e.type == "PERSON" and e.name == "Zamoran" for e in article.entities)


def test_nlp_coref_descriptions_country_must_match(config: Config) -> None:
    text = ("Belmoran President Anouk Savel met Tarvian President Jonas Rieck in Dorna on Friday. "
            "The Tarvian president said the two countries would reopen their embassies. "
            "The Belmoran president called the meeting a turning point.\n")
    article = read_text(text, config=config)
    assert _owner(article, "The Tarvian president") == "Jonas Rieck"
    assert _owner(article, "The Belmoran president") == "Anouk Savel"


def test_nlp_coref_descriptions_no_match_without_the_role_holder(config: Config) -> None:
    text = ("Belmoran President Anouk Savel arrived in Dorna on Friday. "
            "The Tarvian president did not attend the meeting.\n")
    article = read_text(text, config=config)
    assert _owner(article, "The Tarvian president") != "Anouk Savel"


def test_nlp_coref_descriptions_his_minister(config: Config) -> None:
    text = ("Prime Minister Oren Kael of Marland announced a new budget on Friday. Kael said his finance "
            "minister, Lena Sorr, would present the details next week.\n\n"
            "The minister said spending on hospitals would rise by 4 percent. She added that taxes would "
            "not change.\n")
    article = read_text(text, config=config)
    sorr = _person(article, "Lena Sorr")
    texts = _texts(sorr)
    assert "The minister" in texts and "She" in texts
    assert "The minister" not in _texts(_person(article, "Oren Kael"))


def test_nlp_coref_descriptions_main_subject_for_pronoun(config: Config) -> None:
    text = ("Defence Minister Noor Castellan said Marko Venn had been misinformed about the drills. "
            "She said her delegation would still travel to Vell on Sunday.\n")
    article = read_text(text, config=config)
    assert _owner(article, "She") == "Noor Castellan"


def test_nlp_coref_descriptions_possessive_and_country_name(config: Config) -> None:
    text = ("Kestrel warns of reprisals\n\n"
            "PORT ARDENT, March 2 — Defence Minister Noor Castellan of Kestrel said on Monday that the army would "
            "respond to any new attack.\n\n"
            "The Kestrel defence minister told reporters that troops had been moved to the valley. Valdoria's "
            "foreign minister, Piotr Danek, called the move reckless. Valdoria's foreign minister said he would "
            "raise the matter at the United Nations.\n")
    article = read_text(text, config=config)
    assert _owner(article, "The Kestrel defence minister") == "Noor Castellan"
    danek = _texts(_person(article, "Piotr Danek"))
    assert danek.count("Valdoria's foreign minister") == 2
    assert "he" in danek


def test_nlp_coref_descriptions_portfolio_must_match(config: Config) -> None:
    text = ("Tervian Prime Minister Jonas Rieck opened the port on Thursday. Tervia's agriculture minister, "
            "Elena Moss, welcomed the deal. The agriculture minister said farmers had lost millions.\n")
    article = read_text(text, config=config)
    moss = _texts(_person(article, "Elena Moss"))
    assert "Tervia's agriculture minister" in moss
    assert "The agriculture minister" in moss
    assert "The agriculture minister" not in _texts(_person(article, "Jonas Rieck"))
