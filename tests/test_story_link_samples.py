"""Story linking over the bundled samples read by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.read import read_paths
from storyline.settings import Config
from storyline.store import open_store
from storyline.story import link_stories, story_brief

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.model
def test_story_link_samples_one_story_and_portal_copies(config: Config, seed_path: Path, tmp_path: Path) -> None:
    outcomes = list(read_paths([str(SAMPLES), str(seed_path)], config=config))
    assert all(o.error is None for o in outcomes), [str(o.error) for o in outcomes if o.error]
    articles = [o.article for o in outcomes if o.article is not None]
    by_name = {Path(a.input.path or "").name: a for a in articles}
    samples = [a for name, a in by_name.items() if not name.startswith("000_")]
    assert len(samples) == 8
    stories = link_stories(articles)
    assert len(stories) == 2
    big = next(s for s in stories if len(s.article_ids) > 1)
    assert set(big.article_ids) == {a.id for a in samples}
    assert [sorted(g) for g in big.duplicates] == [sorted([by_name["04_lusora_to_host_talks.txt"].id,
                                                           by_name["05_lusora_to_host_talks_harborpost.html"].id])]
    seed_story = next(s for s in stories if s is not big)
    assert seed_story.article_ids == [by_name[seed_path.name].id]
    brief = story_brief(articles, big)
    assert len(brief.splitlines()) < 60 and "[copy of" in brief
    # stored and read back through the database
    with open_store(str(tmp_path / "s.db")) as store:
        assert all(store.upsert_article(a) for a in articles)
        assert not any(store.upsert_article(a) for a in articles)
        store.save_stories(stories)
        assert store.get_story(big.id) == big
        assert len(store.articles(big.article_ids)) == 8
