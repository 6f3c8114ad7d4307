"""The hand-labelled story groups of the ScrapingHub pages resolve to pages, and scoring pairs works."""

from __future__ import annotations

import json

import pytest

from storyline.eval.stories import DEFAULT_PATH, load_gold_stories


def test_story_link_gold_groups_resolve() -> None:
    truth = DEFAULT_PATH / "ground-truth.json"
    if not truth.exists():
        pytest.skip("../shared/bench/scrapinghub not present")
    keys = sorted(json.loads(truth.read_text(encoding="utf-8")))
    positive, unscored = load_gold_stories(keys)
    assert len(positive) >= 40
    assert not positive & unscored
    assert all(i < j for i, j in positive | unscored)
