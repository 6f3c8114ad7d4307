"""storyline's database (SQLite today; see ``docs/storage.md``).

    from storyline.store import open_store
    with open_store("storyline.db") as store:
        is_new = store.upsert_article(article)
"""

from __future__ import annotations

from .dialect import DIALECTS, Dialect, SQLiteDialect, parse_target
from .migrations import MIGRATIONS, Migration
from .store import ArticleRow, Store, open_store, record_json

__all__ = ["DIALECTS", "MIGRATIONS", "ArticleRow", "Dialect", "Migration", "SQLiteDialect", "Store",
           "open_store", "parse_target", "record_json"]
