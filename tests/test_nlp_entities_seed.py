"""The seed article's entities against its gold reading (all 17, types, merged mentions)."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.record import Article, Entity

pytestmark = pytest.mark.model


def _find(article: Article, gold_entity: dict[str, Any]) -> Entity | None:
    for entity in article.entities:
        texts = {m.text for m in entity.mentions}
        if gold_entity["mentions"][0] in texts and entity.name == gold_entity["name"]:
            return entity
    return None


def test_nlp_entities_seed_all_gold_entities(seed_article: Article, gold: dict[str, Any]) -> None:
    assert len(gold["entities"]) == 17
    for g in gold["entities"]:
        entity = _find(seed_article, g)
        assert entity is not None, g["name"]
        assert entity.type == g["type"], g["name"]
        texts = {m.text for m in entity.mentions}
        missing = set(g["mentions"]) - texts
        assert not missing, (g["name"], missing)
        if "id_hint" in g:
            assert entity.id == g["id_hint"].lower()


def test_nlp_entities_seed_one_entity_per_actor(seed_article: Article, gold: dict[str, Any]) -> None:
    for g in gold["entities"]:
        holders = {e.id for e in seed_article.entities for m in e.mentions
                   if m.text in g["mentions"] and m.kind != "pronoun"}
        assert len(holders) == 1, (g["name"], holders)


def test_nlp_entities_seed_not_entities(seed_article: Article, gold: dict[str, Any]) -> None:
    texts = {m.text for e in seed_article.entities for m in e.mentions}
    for word in gold["not_entities"]:
        assert word not in texts
        assert not any(word in t for t in texts)


def test_nlp_entities_seed_resolved_references(seed_article: Article) -> None:
    by_id = {e.id: e for e in seed_article.entities}
    text = seed_article.text
    bloomberg = by_id["org:bloomberg-news"]
    it_at = text.index("it said US and Russian")
    assert any(m.start == it_at and m.kind == "pronoun" for m in bloomberg.mentions)
    group = by_id["group:people-familiar-with-the-matter"]
    assert {"they", "the people"} <= {m.text for m in group.mentions}
    moscow = [m for m in by_id["country:ru"].mentions if m.text == "Moscow"]
    assert moscow and moscow[0].kind == "metonym"
    assert by_id["city:washington"].mentions[0].kind == "dateline"
    assert by_id["person:diyar-guldogan"].mentions[0].kind == "byline"
    assert "Washington" not in {m.text for m in by_id["country:us"].mentions}


def test_nlp_entities_seed_ids_stable(seed_article: Article, seed_article_undated: Article) -> None:
    first = [(e.id, len(e.mentions)) for e in seed_article.entities]
    second = [(e.id, len(e.mentions)) for e in seed_article_undated.entities]
    assert first == second
    assert len({e.id for e in seed_article.entities}) == len(seed_article.entities)
