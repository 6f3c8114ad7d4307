"""Store: idempotent upserts keyed by the record's content hash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import StoreError
from storyline.record import (
    Article,
    Attribution,
    Certainty,
    Content,
    Cue,
    Dateline,
    Entity,
    Event,
    Evidence,
    InputInfo,
    Mention,
    Metadata,
    Source,
    TimeExpr,
)
from storyline.store import open_store

TABLES = ("articles", "entities", "attributions", "events", "times")


def make_article(article_id: str = "ab" * 32, title: str = "Kestrel and Valdoria agree ceasefire") -> Article:
    text = f"{title}\nPresident Ilsa Marrow said on Tuesday that talks would go on."
    return Article(
        id=article_id,
        input=InputInfo(path="x.txt", format="text"),
        text=text,
        metadata=Metadata(title=title, published="2031-03-12", language="en", outlet="Valdoria Today",
                          dateline=Dateline(place="Vell", agency="Meridian Press Agency", agency_code="MPA")),
        entities=[Entity("person:ilsa-marrow", "Ilsa Marrow", "PERSON", "head of state",
                         [Mention(47, 58, "Ilsa Marrow"), Mention(0, 0, "she", "pronoun")]),
                  Entity("country:valdoria", "Valdoria", "GPE", "country", [Mention(25, 33, "Valdoria")])],
        attributions=[Attribution("a1", Source("President Ilsa Marrow", 37, 58, "person:ilsa-marrow", "Ilsa Marrow",
                                               "person"),
                                  Cue("said", 59, 63), Content("that talks would go on", [(78, 100)]),
                                  certainty=Certainty("hedged", ["would"]), time="t1")],
        times=[TimeExpr("t1", "on Tuesday", 64, 74, "2031-03-11", "day")],
        events=[Event("v1", "CONSULT", Evidence(78, 100, "talks would go on"), status="planned",
                      actor="country:valdoria", time="t1")],
    )


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def test_store_upsert_twice_is_one_row_and_no_change(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    article = make_article()
    with open_store(str(db)) as store:
        assert store.upsert_article(article) is True
        first = snapshot(db)
        assert store.upsert_article(article) is False
        assert store.count() == 1
    assert snapshot(db) == first
    assert len(first["entities"]) == 2 and len(first["attributions"]) == 1
    assert len(first["events"]) == 1 and len(first["times"]) == 1
    # the child rows carry the SPEC fields
    event = first["events"][0]
    assert event[2:] == ("CONSULT", "country:valdoria", None, "planned", "2031-03-11")


def test_store_upsert_roundtrip_rebuilds_the_record(tmp_path: Path) -> None:
    article = make_article()
    with open_store(f"sqlite:///{tmp_path}/s.db") as store:
        store.upsert_article(article)
        back = store.get_article(article.id)
        assert back.to_dict() == article.to_dict()
        assert store.get_article(article.id[:10]).id == article.id
        with pytest.raises(StoreError, match="no article"):
            store.get_article("ff" * 32)


def test_store_upsert_changed_reading_replaces_rows(tmp_path: Path) -> None:
    article = make_article()
    with open_store(str(tmp_path / "s.db")) as store:
        store.upsert_article(article)
        article.entities = article.entities[:1]
        article.metadata.title = "A new reading"
        assert store.upsert_article(article) is False
        assert store.count() == 1
        rows = store.list_articles()
        assert rows[0].title == "A new reading" and rows[0].n_entities == 1
        assert store.get_article(article.id).metadata.title == "A new reading"


def test_store_upsert_list_articles_in_date_order(tmp_path: Path) -> None:
    late, early, undated = make_article("cc" * 32, "Late"), make_article("dd" * 32, "Early"), make_article("ee" * 32)
    late.metadata.published, early.metadata.published, undated.metadata.published = "2031-03-12", "2031-03-02", None
    undated.attributions = []
    with open_store(str(tmp_path / "s.db")) as store:
        assert [store.upsert_article(a) for a in (late, undated, early)] == [True, True, True]
        rows = store.list_articles()
    assert [r.id for r in rows] == [early.id, late.id, undated.id]
    assert rows[0].agency == "Meridian Press Agency" and rows[0].outlet == "Valdoria Today"
    assert (rows[2].n_entities, rows[2].n_attributions) == (2, 0)
