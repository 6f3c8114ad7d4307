"""Event grammar on parsed sentences: triggers, participants, status and the PLOVER coding convention."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.nlp.events import Candidate, extract_candidates, plover_code


def _main(nlp: Any, text: str) -> Candidate:
    cands = extract_candidates(nlp(text))
    assert cands, text
    return min(cands, key=lambda c: (c.depth, c.match.anchor.i))


@pytest.mark.model
def test_nlp_events_grammar_intention_and_refusal(nlp: Any) -> None:
    c = _main(nlp, "Hungary has said it will support a U.N. Security Council resolution.")
    assert (c.type, c.status, plover_code(c)) == ("SUPPORT", "planned", "AGREE")
    assert c.actor is not None and c.actor.id == "country:hu"  # "it" followed to the reporting verb's subject
    c = _main(nlp, "Syria says it will not accept any more refugees.")
    assert c.status == "denied" and plover_code(c) == "REJECT"
    c = _main(nlp, "Iran threatened to cut off electricity to Azerbaijan.")
    assert c.type == "THREATEN" and c.recipient is not None and c.recipient.id == "country:az"


@pytest.mark.model
def test_nlp_events_grammar_denial_and_words(nlp: Any) -> None:
    c = _main(nlp, "The president denied that her army had shelled the town of Millbridge.")
    assert (c.type, c.status) == ("ASSAULT", "denied")  # the denied act, not a REJECT
    c = _main(nlp, "Trump attacked Machado in early-morning tweets.")
    assert c.type == "ACCUSE"  # an attack in words
    c = _main(nlp, "Russian troops attacked the town on Monday.")
    assert c.type == "ASSAULT" and c.actor is not None and c.actor.id == "country:ru"


@pytest.mark.model
def test_nlp_events_grammar_symmetric_and_nominal(nlp: Any) -> None:
    c = _main(nlp, "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.")
    assert c.type == "AGREE" and c.status == "occurred"
    assert c.actor is not None and c.recipient is not None
    assert {c.actor.id, c.recipient.id} == {"country:hu", "country:ro"}
    c = _main(nlp, "Israel and Lebanon renewed negotiations today.")
    assert c.type == "CONSULT"


@pytest.mark.model
def test_nlp_events_grammar_future_time_makes_a_plan() -> None:
    from storyline.read import read_text

    article = read_text("Donald Trump meets Vladimir Putin in Alaska next week, the White House said on Friday. "
                        "Putin met Xi Jinping on Tuesday.", published="2025-08-08")
    by_recipient = {e.recipient: e for e in article.events if e.type == "CONSULT"}
    assert by_recipient["person:vladimir-putin"].status == "planned"
    assert [e.status for e in article.events if e.recipient != "person:vladimir-putin"] == ["occurred"]
    undated = read_text("Donald Trump meets Vladimir Putin in Alaska next week. Putin meets Xi Jinping on Tuesday.")
    # without a publication date "next week" is still ahead; "on Tuesday" could be either: left as it is
    assert [e.status for e in undated.events] == ["planned", "ongoing"]
