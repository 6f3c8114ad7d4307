"""Store: stories saved and read back."""

from __future__ import annotations

from pathlib import Path

from test_store_upsert import make_article

from storyline.store import open_store
from storyline.story.link import Story


def test_store_stories_roundtrip_and_replace(tmp_path: Path) -> None:
    a, b, c = make_article("a1" * 32), make_article("b2" * 32), make_article("c3" * 32)
    story = Story("story:0123456789abcdef", [a.id, b.id, c.id], "Ceasefire", [[a.id, c.id]],
                  "2031-03-02", "2031-03-12")
    with open_store(str(tmp_path / "s.db")) as store:
        for article in (a, b, c):
            store.upsert_article(article)
        assert store.save_stories([story]) == 1
        back = store.get_story(story.id)
        assert back == story
        assert store.get_story("0123456789") == story
        assert store.stories_of(b.id) == [story.id]
        assert [s.id for s in store.list_stories()] == [story.id]
        # re-linking replaces what was there
        other = Story("story:fedcba9876543210", [b.id], "Other")
        store.save_stories([other])
        assert [s.id for s in store.list_stories()] == [other.id]
        # deleting an article drops it from its story
        store.save_stories([story])
        assert store.delete_article(c.id)
        back = store.get_story(story.id)
        assert back.article_ids == [a.id, b.id] and back.duplicates == []


def test_store_stories_unknown_article_skipped(tmp_path: Path) -> None:
    a = make_article()
    with open_store(str(tmp_path / "s.db")) as store:
        store.upsert_article(a)
        store.save_stories([Story("story:00000000000000aa", [a.id, "9f" * 32], "T")])
        assert store.get_story("story:00000000000000aa").article_ids == [a.id]


def test_store_stories_relink_all(tmp_path: Path) -> None:
    a, b = make_article("a1" * 32, "Ceasefire agreed"), make_article("b2" * 32, "Ceasefire agreed (copy)")
    c = make_article("c3" * 32, "Harbour flood")
    c.text = "Harbour flood\nHeavy rain flooded the harbour district of Port Meral in Orsinia on Sunday."
    c.entities, c.attributions, c.events, c.times = [], [], [], []
    c.metadata.published = "2031-01-01"
    with open_store(str(tmp_path / "s.db")) as store:
        for article in (a, b, c):
            store.upsert_article(article)
        assert store.relink_stories() == 2
        stories = store.list_stories()
    assert [s.article_ids for s in stories] == [[c.id], [a.id, b.id]]
    assert [sorted(g) for g in stories[1].duplicates] == [[a.id, b.id]]
