"""The database schema as an ordered list of migrations.

Each :class:`Migration` has a unique, sortable ``name`` and the portable SQL
statements that move the schema one step. :func:`apply_migrations` runs the
ones not yet in the ``_migrations`` table (name, applied_at), each in its own
write transaction together with the row that records it, so a failed step
leaves the schema as it was. Applied migrations are never edited: change the
schema by appending a new one. ``{json}`` in a statement is the dialect's type
for JSON documents.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from ..errors import MigrationError
from .dialect import DB_ERRORS, Connection, Dialect

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_articles", (
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            path TEXT,
            url TEXT,
            format TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            published TEXT,
            language TEXT,
            agency TEXT,
            ingested_at TEXT NOT NULL,
            record {json} NOT NULL
        )""",
        "CREATE INDEX articles_published ON articles (published)",
        """CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            kind TEXT,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id)
        )""",
        "CREATE INDEX entities_entity ON entities (entity_id)",
        """CREATE TABLE attributions (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            attr_id TEXT NOT NULL,
            source_entity TEXT,
            source_name TEXT,
            source_kind TEXT NOT NULL,
            cue TEXT,
            quote TEXT NOT NULL,
            certainty TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (article_id, attr_id)
        )""",
        "CREATE INDEX attributions_source ON attributions (source_entity)",
        """CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            type TEXT NOT NULL,
            actor TEXT,
            recipient TEXT,
            status TEXT NOT NULL,
            time_value TEXT,
            PRIMARY KEY (article_id, event_id)
        )""",
        "CREATE INDEX events_actor ON events (actor)",
        """CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            time_id TEXT NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            granularity TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            PRIMARY KEY (article_id, time_id)
        )""",
    )),
    Migration("0002_stories", (
        """CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT,
            first_published TEXT,
            last_published TEXT,
            linked_at TEXT NOT NULL,
            record {json} NOT NULL
        )""",
        """CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            copy_of TEXT,
            PRIMARY KEY (story_id, article_id)
        )""",
        "CREATE INDEX story_articles_article ON story_articles (article_id)",
    )),
)


def now_utc() -> str:
    """The current time, ISO 8601 in UTC to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def applied_migrations(conn: Connection, dialect: Dialect) -> list[str]:
    if not dialect.table_exists(conn, "_migrations"):
        return []
    rows = conn.execute("SELECT name FROM _migrations ORDER BY name").fetchall()
    return [str(r[0]) for r in rows]


def apply_migrations(conn: Connection, dialect: Dialect, migrations: tuple[Migration, ...] = MIGRATIONS,
                     where: str | None = None) -> list[str]:
    """Bring the schema up to date; returns the names applied now (empty when
    it already was). Raises :class:`MigrationError` when the database has
    migrations this storyline does not know (it was written by a newer one)
    or when a step fails (that step is rolled back)."""
    known = [m.name for m in migrations]
    if known != sorted(known) or len(set(known)) != len(known):
        raise MigrationError("migration names must be unique and in order", where)
    try:
        if not dialect.table_exists(conn, "_migrations"):
            conn.execute(dialect.sql("CREATE TABLE IF NOT EXISTS _migrations "
                                     "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"))
        done = set(applied_migrations(conn, dialect))
    except DB_ERRORS as err:
        raise MigrationError(f"cannot read the migrations table: {err}", where) from err
    unknown = sorted(done - set(known))
    if unknown:
        raise MigrationError(f"the database has migrations this storyline does not know ({', '.join(unknown)}): "
                             "it was written by a newer version", where)
    applied: list[str] = []
    for migration in migrations:
        if migration.name in done:
            continue
        try:
            conn.execute(dialect.begin_write)
            # another writer may have applied it between our read and our lock
            if conn.execute(dialect.sql("SELECT 1 FROM _migrations WHERE name = ?"),
                            (migration.name,)).fetchone():
                conn.execute("COMMIT")
                continue
            for statement in migration.statements:
                conn.execute(dialect.sql(statement.format(json=dialect.json_type)))
            conn.execute(dialect.sql("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)"),
                         (migration.name, now_utc()))
            conn.execute("COMMIT")
        except DB_ERRORS as err:
            try:
                conn.execute("ROLLBACK")
            except DB_ERRORS:
                LOGGER.debug("rollback after a failed migration failed", exc_info=True)
            raise MigrationError(f"migration {migration.name} failed: {err}", where) from err
        LOGGER.info("%s: applied migration %s", where or "database", migration.name)
        applied.append(migration.name)
    return applied
