"""The seed's seven gold events: right PLOVER type and actor for all, right status for at least six."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.eval.events import gold_ids, match_gold_events
from storyline.record import Article, Event


def _ids(name: str, gold: dict[str, Any], article: Article) -> set[str]:
    return gold_ids(name, gold, article)


def _assign(gold: dict[str, Any], article: Article) -> list[tuple[dict[str, Any], Event | None]]:
    return match_gold_events(gold, article)


@pytest.mark.model
def test_nlp_events_seed_types_actors_statuses(seed_article: Article, gold: dict[str, Any]) -> None:
    pairs = _assign(gold, seed_article)
    missing = [g["what"] for g, e in pairs if e is None]
    assert not missing, f"gold events without a predicted event of that type and actor: {missing}"
    right_status = [g["what"] for g, e in pairs if e is not None and e.status == g["status"]]
    assert len(right_status) >= 6, [(g["what"], g["status"], e.status if e else None) for g, e in pairs]


@pytest.mark.model
def test_nlp_events_seed_places_and_recipients(seed_article: Article, gold: dict[str, Any]) -> None:
    pairs = dict((g["what"], e) for g, e in _assign(gold, seed_article))
    demand = pairs["Ukraine to cede all of Donbas and Crimea"]
    assert demand is not None and demand.recipient in _ids("Ukraine", gold, seed_article)
    assert _ids("Crimea", gold, seed_article) & set(demand.places)
    halt = pairs["halt the offensive along current battle lines, as part of the deal"]
    assert halt is not None
    assert _ids("Kherson Oblast", gold, seed_article) & set(halt.places)
    assert not set(halt.places) & _ids("Ukraine", gold, seed_article)  # "regions of Ukraine" is no place of action
    summit = pairs["summit meeting as early as next week"]
    assert summit is not None and summit.recipient in _ids("Vladimir Putin", gold, seed_article)


@pytest.mark.model
def test_nlp_events_seed_no_flood(seed_article: Article) -> None:
    """Precision: a dozen sentences give a handful of events, not one per verb, and none from chrome."""
    assert 7 <= len(seed_article.events) <= 14
    chrome = [r for r in seed_article.regions if r.kind == "chrome"]
    for e in seed_article.events:
        assert not any(r.start <= e.evidence.start < r.end for r in chrome)
        assert seed_article.text[e.evidence.start:e.evidence.end] == e.evidence.text
