"""Store: one transaction per article; a failure mid-article leaves nothing of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_store_upsert import make_article, snapshot

from storyline.errors import StoreError
from storyline.store import open_store
from storyline.store.store import Store


class Boom(RuntimeError):
    pass


def test_store_transaction_failure_mid_article_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    store = open_store(str(db))
    calls: list[str] = []

    def fail(self: Store, article: object) -> None:
        calls.append("events")
        raise Boom("disk on fire")

    monkeypatch.setattr(Store, "_insert_events", fail)
    with pytest.raises(Boom):
        store.upsert_article(make_article())
    assert calls == ["events"]  # the article, entity and attribution rows were written before the failure
    assert store.count() == 0
    assert all(rows == [] for rows in snapshot(db).values())
    monkeypatch.undo()
    assert store.upsert_article(make_article()) is True  # the store is usable again
    store.close()


def test_store_transaction_database_error_is_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    store = open_store(str(db))
    article = make_article()
    store.upsert_article(article)
    before = snapshot(db)

    def bad_sql(self: Store, article: object) -> None:
        self._exec("INSERT INTO times (article_id) VALUES (?)", ("x",))  # violates NOT NULL

    monkeypatch.setattr(Store, "_insert_times", bad_sql)
    article.metadata.title = "changed, so the stored reading is replaced"
    with pytest.raises(StoreError, match="E300"):
        store.upsert_article(article)
    # the old reading is intact: the delete and the new rows were rolled back together
    assert snapshot(db) == before
    store.close()


def test_store_transaction_one_writer(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = open_store(str(db), timeout=0.1)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(StoreError, match="another writer"):
            store.upsert_article(make_article())
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.upsert_article(make_article()) is True
    store.close()
