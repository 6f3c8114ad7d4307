"""The small dialect layer between :class:`~storyline.store.store.Store` and a database driver.

The store writes portable SQL (``CREATE TABLE``, ``INSERT … ON CONFLICT DO
NOTHING``, plain ``SELECT``s, ``?`` placeholders). A :class:`Dialect` knows
what differs between engines: how to connect, the placeholder style, how to
open a write transaction and how to spell the few types that differ. Only
SQLite (stdlib :mod:`sqlite3`) exists today; a PostgreSQL dialect would
subclass :class:`Dialect`, connect with a driver such as psycopg, use ``%s``
placeholders and ``BEGIN`` (PostgreSQL's row locks replace SQLite's
database-wide write lock), and register its URL scheme in :data:`DIALECTS`.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import StoreError

LOGGER = logging.getLogger(__name__)


class Connection(Protocol):
    """What the store needs of a DB-API 2.0 connection."""

    def execute(self, sql: str, params: Any = ...) -> Any: ...

    def close(self) -> None: ...


#: Exceptions a driver raises for database failures (wrapped in :class:`StoreError`).
DB_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error,)


@dataclass(frozen=True)
class Target:
    """A parsed database location: the dialect's scheme and its address."""

    scheme: str
    address: str


class Dialect:
    """Engine-specific bits. Subclasses set :attr:`name` and implement :meth:`connect`."""

    name = "abstract"
    placeholder = "?"
    #: statement that opens a transaction holding the write lock
    begin_write = "BEGIN"
    #: column type of JSON documents and long text
    json_type = "TEXT"

    def connect(self, address: str, timeout: float) -> Connection:
        raise NotImplementedError

    def sql(self, statement: str) -> str:
        """``statement`` with the store's ``?`` placeholders in this dialect's style."""
        if self.placeholder == "?":
            return statement
        return statement.replace("?", self.placeholder)

    def table_exists(self, conn: Connection, table: str) -> bool:
        raise NotImplementedError


class SQLiteDialect(Dialect):
    """SQLite through :mod:`sqlite3`: WAL journal, foreign keys on, autocommit
    mode (the store issues ``BEGIN IMMEDIATE`` / ``COMMIT`` / ``ROLLBACK`` itself)."""

    name = "sqlite"
    placeholder = "?"
    begin_write = "BEGIN IMMEDIATE"
    json_type = "TEXT"

    def connect(self, address: str, timeout: float) -> Connection:
        if address != ":memory:":
            parent = Path(address).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"the folder {str(parent)!r} of the database does not exist", address)
        try:
            conn = sqlite3.connect(address, timeout=timeout, isolation_level=None, check_same_thread=True)
            conn.execute("PRAGMA foreign_keys = ON")
            if address != ":memory:":
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
                if mode and str(mode[0]).lower() != "wal":
                    LOGGER.warning("%s: journal mode is %s, not WAL", address, mode[0])
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the SQLite database: {err}", address) from err
        return conn

    def table_exists(self, conn: Connection, table: str) -> bool:
        row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
        return row is not None


#: URL scheme → dialect class. ``postgresql`` is reserved for a later backend.
DIALECTS: dict[str, type[Dialect]] = {"sqlite": SQLiteDialect}
PLANNED = {"postgresql", "postgres"}


def parse_target(url_or_path: str) -> Target:
    """``sqlite:///path``, ``sqlite:///:memory:`` or a plain file path → :class:`Target`.

    ``sqlite:///rel/path`` is relative to the working folder and
    ``sqlite:////abs/path`` absolute (SQLAlchemy's convention). Any other
    ``scheme://`` raises :class:`StoreError`."""
    text = url_or_path.strip()
    if not text:
        raise StoreError("no database given (setting db)")
    if "://" not in text:
        return Target("sqlite", text)
    scheme, _, rest = text.partition("://")
    scheme = scheme.lower()
    if scheme == "sqlite":
        if not rest.startswith("/"):
            raise StoreError(f"bad SQLite URL {text!r}: write sqlite:///relative/path or sqlite:////absolute/path")
        address = rest[1:]
        if not address:
            raise StoreError(f"bad SQLite URL {text!r}: no file path")
        return Target("sqlite", address)
    if scheme in PLANNED:
        raise StoreError(f"database scheme {scheme!r} is not supported yet: only SQLite "
                         "(a file path or sqlite:///path)")
    raise StoreError(f"unknown database scheme {scheme!r}: use a file path or sqlite:///path")


def dialect_for(scheme: str) -> Dialect:
    try:
        return DIALECTS[scheme]()
    except KeyError:
        raise StoreError(f"no database backend for {scheme!r}") from None
