"""Attribution sources on invented text with no knowledge base: descriptions, appositions, surnames
and pronouns carry the person's entity id and name; headline conventions (", X says" and
"CLAIM: X") take the speaker after the comma or colon."""

from __future__ import annotations

import pytest

from storyline.read import read_text
from storyline.record import Article, Attribution
from storyline.settings import Config

pytestmark = pytest.mark.model


def _by_cue(article: Article, cue: str, source_text: str | None = None) -> Attribution:
    for a in article.attributions:
        if a.cue is not None and a.cue.text == cue and (source_text is None or a.source.text == source_text):
            return a
    raise AssertionError(f"no attribution with cue {cue!r} / source {source_text!r} in "
                         f"{[(a.source.text, a.cue.text if a.cue else None) for a in article.attributions]}")


def _entity_id(article: Article, name: str) -> str:
    for e in article.entities:
        if e.name == name:
            return e.id
    raise AssertionError(f"{name} not among {[e.name for e in article.entities]}")


def test_nlp_attributions_sources_description_and_pronoun(config: Config) -> None:
    text = ("Talvet rejects border plan\n\n"
            "VELL, March 2 — Orsanian President Mira Talvet on Monday rejected a proposal to reopen the "
            "northern border crossings.\n\n"
            "The Orsanian president told reporters in the capital that the plan ignored the concerns of "
            "farmers. She said talks would continue next week.\n")
    article = read_text(text, config=config)
    talvet = _entity_id(article, "Mira Talvet")
    told = _by_cue(article, "told")
    assert told.source.text == "The Orsanian president"
    assert (told.source.entity, told.source.name) == (talvet, "Mira Talvet")
    said = _by_cue(article, "said", "She")
    assert (said.source.entity, said.source.name) == (talvet, "Mira Talvet")
    headline = _by_cue(article, "rejects")
    assert headline.source.text == "Talvet"
    assert (headline.source.entity, headline.source.name) == (talvet, "Mira Talvet")


def test_nlp_attributions_sources_apposition(config: Config) -> None:
    text = ("Drone strike hits depot near Oskany\n\n"
            "OSKANY, June 7 — A drone struck a fuel depot on Saturday. Lusora's foreign minister, Adaeze "
            "Ferrand, condemned the attack. Marel's chief executive, Henrik Dahl, said production would "
            "resume on Thursday.\n")
    article = read_text(text, config=config)
    condemned = _by_cue(article, "condemned")
    assert condemned.source.name == "Adaeze Ferrand"
    assert condemned.source.entity == _entity_id(article, "Adaeze Ferrand")
    said = _by_cue(article, "said")
    assert said.source.name == "Henrik Dahl"
    assert said.source.entity == _entity_id(article, "Henrik Dahl")


def test_nlp_attributions_sources_pronoun_main_subject(config: Config) -> None:
    text = ("Talks to go ahead\n\n"
            "VELL, June 8 — Defence Minister Noor Castellan said Marko Venn had been misinformed about the "
            "drills. She said her delegation would still travel to Vell on Sunday.\n")
    article = read_text(text, config=config)
    she = _by_cue(article, "said", "She")
    assert she.source.name == "Noor Castellan"
    assert she.source.entity == _entity_id(article, "Noor Castellan")


def test_nlp_attributions_sources_headline_trailing_says(config: Config) -> None:
    text = ("Two Kestrian soldiers killed in border clash, defence ministry says\n\n"
            "PORT ARDENT, March 1 — Two soldiers were killed near the border on Sunday, the Kestrian defence "
            "ministry said in a statement.\n")
    article = read_text(text, config=config)
    says = _by_cue(article, "says")
    assert says.source.text == "defence ministry"
    assert says.content.text.startswith("Two Kestrian soldiers killed in border clash")
    assert not any(a.source.text and a.source.text.startswith("Two Kestrian soldiers") for a in article.attributions)


def test_nlp_attributions_sources_headline_colon_description(config: Config) -> None:
    text = ("Shelling will stop at midnight: Valdorian army\n\n"
            "SERAV, March 3 — The army said on Monday that its units would hold their fire from midnight.\n")
    article = read_text(text, config=config)
    headline = [a for a in article.attributions if a.cue is None and a.source.text == "Valdorian army"]
    assert headline, [(a.source.text, a.content.text) for a in article.attributions]
    assert headline[0].content.text == "Shelling will stop at midnight"
