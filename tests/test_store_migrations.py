"""Store: migrations recorded in ``_migrations``; reopening is a no-op; URLs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyline.errors import MigrationError, StoreError
from storyline.store import MIGRATIONS, Migration, open_store, parse_target
from storyline.store.dialect import SQLiteDialect
from storyline.store.store import Store


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_store_migrations_recorded_and_reopen_is_noop(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    names = [m.name for m in MIGRATIONS]
    with open_store(str(db)) as store:
        assert store.applied_now == names
        assert store.migrations() == names
    recorded = rows(db, "SELECT name, applied_at FROM _migrations ORDER BY name")
    assert [r[0] for r in recorded] == names
    with open_store(str(db)) as store:
        assert store.applied_now == []
    assert rows(db, "SELECT name, applied_at FROM _migrations ORDER BY name") == recorded
    tables = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "entities", "attributions", "events", "times", "stories", "story_articles"} <= tables


def test_store_migrations_newer_database_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(str(db)).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', '2031-01-01T00:00:00+00:00')")
    conn.commit()
    conn.close()
    with pytest.raises(MigrationError, match="9999_from_the_future"):
        open_store(str(db))


def test_store_migrations_failed_step_rolled_back(tmp_path: Path) -> None:
    dialect = SQLiteDialect()
    conn = dialect.connect(str(tmp_path / "s.db"), 1.0)
    broken = (*MIGRATIONS, Migration("9000_broken", ("CREATE TABLE half (x TEXT)", "CREATE TABLE oops (")))
    with pytest.raises(MigrationError, match="9000_broken"):
        Store(conn, dialect, "s.db", broken)
    names = [r[0] for r in conn.execute("SELECT name FROM _migrations").fetchall()]
    assert names == [m.name for m in MIGRATIONS]  # the good ones stay applied
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'half'").fetchone() is None
    conn.close()


def test_store_migrations_sqlite_settings(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_store_migrations_urls(tmp_path: Path) -> None:
    assert parse_target("data/x.db").address == "data/x.db"
    assert parse_target("sqlite:///data/x.db").address == "data/x.db"
    assert parse_target("sqlite:////abs/x.db").address == "/abs/x.db"
    with pytest.raises(StoreError, match="not supported yet"):
        open_store("postgresql://user@localhost/storyline")
    with pytest.raises(StoreError, match="unknown database scheme"):
        open_store("mongodb://localhost")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "x.db"))
    with open_store("sqlite:///:memory:") as store:
        assert store.count() == 0
