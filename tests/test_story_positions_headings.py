"""Per-actor positions from an article's events: headings, names, reporters, rendering."""

from __future__ import annotations

from storyline.record import (
    Article,
    Attribution,
    Cites,
    Content,
    Entity,
    Event,
    Evidence,
    InputInfo,
    Source,
    TimeExpr,
)
from storyline.story.positions import heading, positions, render_positions


def _event(i: int, typ: str, status: str, actor: str | None, recipient: str | None = None,
           attribution: str | None = None, places: list[str] | None = None, time: str | None = None) -> Event:
    return Event(id=f"v{i}", type=typ, status=status,  # type: ignore[arg-type]
                 evidence=Evidence(0, 10, f"evidence {i}"), actor=actor, recipient=recipient,
                 attribution=attribution, places=places or [], time=time)


def _article(events: list[Event]) -> Article:
    entities = [Entity("person:vladimir-putin", "Vladimir Putin", "PERSON"), Entity("country:ua", "Ukraine", "GPE"),
                Entity("country:ru", "Russia", "GPE"), Entity("region:ua-43", "Crimea", "LOC")]
    attributions = [
        Attribution("a1", Source("Bloomberg", 0, 9, "org:bloomberg-news", "Bloomberg News", "outlet"), None,
                    Content("…", [(0, 10)])),
        Attribution("a2", Source("the people", 0, 9, None, None, "anonymous"), None, Content("…", [(0, 10)]),
                    via="a1", cites=Cites("people familiar with the matter", anonymous=True)),
    ]
    return Article(id="x", input=InputInfo(), text="x" * 20, entities=entities, attributions=attributions,
                   times=[TimeExpr("t1", "next week", 0, 9, "2025-W33", "week")], events=events)


def test_story_positions_headings() -> None:
    assert heading(_event(1, "REQUEST", "ongoing", "a")) == "demands"
    assert heading(_event(1, "RETREAT", "conditional", "a")) == "offers"
    assert heading(_event(1, "CONSULT", "planned", "a")) == "plans"
    assert heading(_event(1, "AGREE", "occurred", "a")) == "agreed"
    assert heading(_event(1, "REJECT", "occurred", "a")) == "rejected"
    assert heading(_event(1, "ASSAULT", "denied", "a")) == "rejected"
    assert heading(_event(1, "ASSAULT", "occurred", "a")) == "did"


def test_story_positions_per_actor() -> None:
    art = _article([
        _event(1, "REQUEST", "ongoing", "person:vladimir-putin", "country:ua", "a1", ["region:ua-43"]),
        _event(2, "RETREAT", "conditional", "country:ru", None, "a2", time="t1"),
        _event(3, "CONSULT", "planned", "person:vladimir-putin", "country:ua", "a1"),
        _event(4, "ASSAULT", "occurred", None),  # no actor: no position
    ])
    table = {p.name: p for p in positions(art)}
    assert list(table) == ["Vladimir Putin", "Russia"]  # most active first
    putin = table["Vladimir Putin"]
    assert [p.event for p in putin.demands] == ["v1"] and putin.demands[0].recipient == "Ukraine"
    assert putin.demands[0].places == ["Crimea"] and [p.event for p in putin.plans] == ["v3"]
    russia = table["Russia"]
    assert russia.offers[0].time == "2025-W33"
    assert russia.offers[0].reported_by == "people familiar with the matter via Bloomberg News"
    text = render_positions(positions(art))
    lines = text.splitlines()
    assert lines[0] == "positions:" and "Vladimir Putin (reported by Bloomberg News)" in lines[1]
    assert any(line.startswith("    demands: REQUEST → Ukraine [ongoing, Crimea]") for line in lines)
    assert all(len(line) <= 100 for line in lines)
    assert render_positions([]) == ""
