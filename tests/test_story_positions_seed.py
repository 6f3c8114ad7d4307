"""Positions on the seed: who demands, offers and plans what, and who reports it."""

from __future__ import annotations

import pytest

from storyline.record import Article
from storyline.story.positions import positions, render_positions


@pytest.mark.model
def test_story_positions_seed(seed_article: Article) -> None:
    table = {p.actor: p for p in positions(seed_article)}
    putin = next(p for p in table.values() if p.name == "Vladimir Putin")
    assert [d.type for d in putin.demands] == ["REQUEST"]
    assert putin.demands[0].status == "ongoing" and putin.demands[0].recipient == "Ukraine"
    russia = next(p for p in table.values() if p.name == "Russia")
    assert any(o.type == "RETREAT" and o.status == "conditional" for o in russia.offers)
    trump = next(p for p in table.values() if p.name == "Donald Trump")
    assert {p.status for p in trump.plans} >= {"planned", "uncertain"}
    text = render_positions(positions(seed_article))
    assert "Bloomberg News" in text and "demands: REQUEST → Ukraine" in text
    assert len(text.splitlines()) <= 30
