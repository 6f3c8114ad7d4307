"""Event forms met in unseen news (invented texts, expectations from a careful reading): aid
given as an amount "in aid", artillery fired at a target, and the object as the doer of an
"accused X of doing" complement."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.record import Event


def _events(nlp: Any, text: str) -> list[Event]:
    return list(nlp(text)._.sl_events)


@pytest.mark.model
def test_nlp_events_unseen_amount_in_aid(nlp: Any) -> None:
    events = _events(nlp, "Norvane will send 40 million crowns in emergency aid to Tessaly, the ministry said.")
    aid = [e for e in events if e.type == "AID"]
    assert len(aid) == 1
    assert aid[0].actor is not None and aid[0].actor.endswith("norvane")
    assert aid[0].recipient is not None and aid[0].recipient.endswith("tessaly")


@pytest.mark.model
def test_nlp_events_unseen_fire_artillery(nlp: Any) -> None:
    events = _events(nlp, "The Carvossan army fired artillery at Halden positions overnight.")
    assert [e.type for e in events] == ["ASSAULT"]
    fired = _events(nlp, "The president fired his defence minister on Friday.")
    assert all(e.type != "ASSAULT" for e in fired)


@pytest.mark.model
def test_nlp_events_unseen_accused_of_doing(nlp: Any) -> None:
    text = "Halden's foreign minister, Greta Olsund, accused Carvossa of violating a 2029 agreement."
    events = _events(nlp, text)
    assert any(e.type == "ACCUSE" for e in events)
    # the violation is Carvossa's, never the accuser's
    others = [e for e in events if e.type != "ACCUSE"]
    assert others and all(e.actor is not None and e.actor.endswith("carvossa") for e in others)
