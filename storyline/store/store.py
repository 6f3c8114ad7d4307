"""The article database: records in, records out (``docs/storage.md``).

:func:`open_store` opens (and migrates) a database; :class:`Store` keeps
article records keyed by their content hash (the record's ``id``, the sha256
of the input bytes) with their entities, attributions, events and times in
queryable tables, and the stories that :func:`storyline.story.link_stories`
builds over them.

Rules:

- **Idempotent.** :meth:`Store.upsert_article` of a record already stored,
  unchanged, writes nothing and returns ``False``. The same input read again
  with a different result (a new storyline, another ``--published``) replaces
  the stored reading, and still returns ``False`` (the article is not new).
- **One transaction per article.** The article row and all its child rows are
  written in one transaction; any failure rolls all of it back.
- **One writer.** Write transactions start with ``BEGIN IMMEDIATE``, which
  takes SQLite's write lock at once; a second writer waits ``timeout``
  seconds and then fails with :class:`StoreError`. Readers are never blocked
  (WAL journal). A :class:`Store` object belongs to one thread.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from ..errors import StoreError
from ..record import Article, article_from_dict
from ..story.link import Story, link_stories
from .dialect import DB_ERRORS, Connection, Dialect, dialect_for, parse_target
from .migrations import MIGRATIONS, Migration, applied_migrations, apply_migrations, now_utc

LOGGER = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0
_HEX = re.compile(r"[0-9a-f]+")


@dataclass(frozen=True)
class ArticleRow:
    """One line of :meth:`Store.list_articles`."""

    id: str
    title: str | None
    published: str | None
    outlet: str | None
    agency: str | None
    n_entities: int
    n_attributions: int


def record_json(article: Article) -> str:
    """The canonical JSON of a record as stored (keys sorted, UTF-8 kept)."""
    return json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Store:
    """An open database. Use :func:`open_store`; close it with :meth:`close`
    or a ``with`` block."""

    def __init__(self, conn: Connection, dialect: Dialect, where: str,
                 migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
        self.conn = conn
        self.dialect = dialect
        self.where = where
        self.applied_now = apply_migrations(conn, dialect, migrations, where)

    # -- plumbing ---------------------------------------------------------

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.dialect.sql(sql), tuple(params))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite): committed when
        the block ends, rolled back when it raises (the error goes on; driver
        errors become :class:`StoreError`)."""
        try:
            self.conn.execute(self.dialect.begin_write)
        except DB_ERRORS as err:
            raise StoreError(f"cannot start a write transaction (another writer holds the database?): {err}",
                             self.where) from err
        try:
            yield
        except BaseException as exc:
            try:
                self.conn.execute("ROLLBACK")
            except DB_ERRORS:
                LOGGER.warning("%s: rollback failed", self.where, exc_info=True)
            if isinstance(exc, DB_ERRORS):
                raise StoreError(f"database write failed: {exc}", self.where) from exc
            raise
        try:
            self.conn.execute("COMMIT")
        except DB_ERRORS as err:
            try:
                self.conn.execute("ROLLBACK")
            except DB_ERRORS:
                LOGGER.debug("rollback after a failed commit failed", exc_info=True)
            raise StoreError(f"commit failed: {err}", self.where) from err

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return list(self._exec(sql, params).fetchall())
        except DB_ERRORS as err:
            raise StoreError(f"database read failed: {err}", self.where) from err

    # -- articles ---------------------------------------------------------

    def upsert_article(self, article: Article) -> bool:
        """Store ``article`` (one transaction). Returns ``True`` when its id
        was not in the database yet; ``False`` when it was (unchanged: nothing
        written; changed: the stored reading replaced)."""
        doc = record_json(article)
        with self.transaction():
            row = self._exec("SELECT record FROM articles WHERE id = ?", (article.id,)).fetchone()
            if row is not None and row[0] == doc:
                return False
            if row is not None:
                LOGGER.info("%s: article %s read differently; replacing the stored record", self.where,
                            article.id[:12])
                self._exec("DELETE FROM articles WHERE id = ?", (article.id,))
            self._insert_article(article, doc)
            self._insert_entities(article)
            self._insert_attributions(article)
            self._insert_events(article)
            self._insert_times(article)
        return row is None

    def _insert_article(self, article: Article, doc: str) -> None:
        md = article.metadata
        agency = None
        if md.dateline is not None:
            agency = md.dateline.agency or md.dateline.agency_code
        self._exec(
            "INSERT INTO articles (id, path, url, format, title, outlet, published, language, agency, "
            "ingested_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.input.path, article.input.url, article.input.format, md.title, md.outlet,
             md.published, md.language, agency, now_utc(), doc))

    def _insert_entities(self, article: Article) -> None:
        for e in article.entities:
            self._exec("INSERT INTO entities (article_id, entity_id, name, type, kind, mentions) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       (article.id, e.id, e.name, e.type, e.kind, len(e.mentions)))

    def _insert_attributions(self, article: Article) -> None:
        for a in article.attributions:
            self._exec("INSERT INTO attributions (article_id, attr_id, source_entity, source_name, source_kind, "
                       "cue, quote, certainty, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       (article.id, a.id, a.source.entity, a.source.name or a.source.text, a.source.kind,
                        a.cue.text if a.cue else None, a.quote, a.certainty.level, a.content.text))

    def _insert_events(self, article: Article) -> None:
        time_values = {t.id: t.value for t in article.times}
        for v in article.events:
            self._exec("INSERT INTO events (article_id, event_id, type, actor, recipient, status, time_value) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       (article.id, v.id, v.type, v.actor, v.recipient, v.status,
                        time_values.get(v.time) if v.time else None))

    def _insert_times(self, article: Article) -> None:
        for t in article.times:
            self._exec("INSERT INTO times (article_id, time_id, text, value, granularity, start_char, end_char) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       (article.id, t.id, t.text, t.value, t.granularity, t.start, t.end))

    def has_article(self, article_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def get_article(self, article_id: str) -> Article:
        """The stored record; :class:`StoreError` when there is none. A unique
        id prefix (at least 8 hex digits) is accepted too."""
        rows = self._read("SELECT record FROM articles WHERE id = ?", (article_id,))
        if not rows and len(article_id) >= 8 and _HEX.fullmatch(article_id):
            rows = self._read("SELECT record FROM articles WHERE id LIKE ?", (article_id + "%",))
            if len(rows) > 1:
                raise StoreError(f"article id prefix {article_id!r} is ambiguous ({len(rows)} articles)", self.where)
        if not rows:
            raise StoreError(f"no article {article_id!r} in the database", self.where)
        return article_from_dict(json.loads(rows[0][0]))

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored records (all, or those of ``ids`` that exist), in date order."""
        if ids is None:
            rows = self._read("SELECT record FROM articles ORDER BY published IS NULL, published, id")
            return [article_from_dict(json.loads(r[0])) for r in rows]
        out: list[Article] = []
        for article_id in ids:
            rows = self._read("SELECT record FROM articles WHERE id = ?", (article_id,))
            if rows:
                out.append(article_from_dict(json.loads(rows[0][0])))
        return out

    def list_articles(self) -> list[ArticleRow]:
        """A summary line per article, in date order (undated last)."""
        rows = self._read(
            "SELECT a.id, a.title, a.published, a.outlet, a.agency, "
            "(SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id), "
            "(SELECT COUNT(*) FROM attributions t WHERE t.article_id = a.id) "
            "FROM articles a ORDER BY a.published IS NULL, a.published, a.id")
        return [ArticleRow(str(r[0]), r[1], r[2], r[3], r[4], int(r[5]), int(r[6])) for r in rows]

    def count(self) -> int:
        """The number of stored articles."""
        return int(self._read("SELECT COUNT(*) FROM articles")[0][0])

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and its rows (stories keep their other articles)."""
        with self.transaction():
            cur = self._exec("DELETE FROM articles WHERE id = ?", (article_id,))
        return bool(cur.rowcount)

    def migrations(self) -> list[str]:
        """Names of the applied migrations, in order."""
        try:
            return applied_migrations(self.conn, self.dialect)
        except DB_ERRORS as err:
            raise StoreError(f"database read failed: {err}", self.where) from err

    # -- stories ----------------------------------------------------------

    def save_stories(self, stories: Sequence[Story], replace: bool = True) -> int:
        """Store ``stories`` in one transaction. With ``replace`` (the default:
        linking is re-run over all articles) the stories stored before are
        dropped first; otherwise each story replaces the one with its id.
        Article ids not in the database are skipped. Returns the number saved."""
        linked_at = now_utc()
        with self.transaction():
            if replace:
                self._exec("DELETE FROM stories")
            for story in stories:
                self._exec("DELETE FROM stories WHERE id = ?", (story.id,))
                self._exec("INSERT INTO stories (id, title, first_published, last_published, linked_at, record) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (story.id, story.title, story.first_published, story.last_published, linked_at,
                            json.dumps(story.to_dict(), ensure_ascii=False, sort_keys=True)))
                copy_of = story.copy_of()
                for position, article_id in enumerate(story.article_ids):
                    if not self._exec("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                        LOGGER.warning("%s: story %s names unknown article %s", self.where, story.id, article_id)
                        continue
                    self._exec("INSERT INTO story_articles (story_id, article_id, position, copy_of) "
                               "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                               (story.id, article_id, position, copy_of.get(article_id)))
        return len(stories)

    def relink_stories(self, **options: Any) -> int:
        """Link all stored articles into stories again (:func:`storyline.story.link_stories`
        with ``options``), replace the stored stories, return how many there are."""
        stories = link_stories(self.articles(), **options)
        return self.save_stories(stories, replace=True)

    def get_story(self, story_id: str) -> Story:
        """A stored story (prefixes of 8+ characters after ``story:`` accepted)."""
        rows = self._read("SELECT record FROM stories WHERE id = ?", (story_id,))
        if not rows:
            prefix = story_id if story_id.startswith("story:") else "story:" + story_id
            if len(prefix) >= len("story:") + 6 and _HEX.fullmatch(prefix[len("story:"):]):
                rows = self._read("SELECT record FROM stories WHERE id LIKE ?", (prefix + "%",))
                if len(rows) > 1:
                    raise StoreError(f"story id prefix {story_id!r} is ambiguous", self.where)
        if not rows:
            raise StoreError(f"no story {story_id!r} in the database", self.where)
        story = Story.from_dict(json.loads(rows[0][0]))
        present = {str(r[0]) for r in self._read("SELECT article_id FROM story_articles WHERE story_id = ?",
                                                 (story.id,))}
        story.article_ids = [a for a in story.article_ids if a in present]
        story.duplicates = [g for g in ([a for a in grp if a in present] for grp in story.duplicates) if len(g) > 1]
        return story

    def list_stories(self) -> list[Story]:
        """All stored stories, earliest first."""
        rows = self._read("SELECT id FROM stories ORDER BY first_published IS NULL, first_published, id")
        return [self.get_story(str(r[0])) for r in rows]

    def stories_of(self, article_id: str) -> list[str]:
        """Ids of the stories holding ``article_id``."""
        return [str(r[0]) for r in self._read("SELECT story_id FROM story_articles WHERE article_id = ?",
                                              (article_id,))]

    # -- life cycle -------------------------------------------------------

    def close(self) -> None:
        try:
            self.conn.close()
        except DB_ERRORS as err:
            raise StoreError(f"close failed: {err}", self.where) from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_store(url_or_path: str, timeout: float = DEFAULT_TIMEOUT) -> Store:
    """Open the database at ``url_or_path`` (a file path, ``sqlite:///path``
    or ``:memory:``), creating it and applying pending migrations.
    Other URL schemes raise :class:`StoreError`."""
    target = parse_target(url_or_path)
    dialect = dialect_for(target.scheme)
    conn = dialect.connect(target.address, timeout)
    try:
        return Store(conn, dialect, target.address)
    except BaseException:
        conn.close()
        raise
