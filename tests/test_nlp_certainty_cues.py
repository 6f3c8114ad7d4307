"""Certainty cues from data/hedges.json, and quote typing (no parser needed)."""

from __future__ import annotations

from typing import Any

from storyline.nlp.attributions import quote_type
from storyline.nlp.certainty import find_cues, level_of


def test_nlp_certainty_cues_found_longest_first(vocab_nlp: Any) -> None:
    doc = vocab_nlp("The deal is far from certain and reportedly it is still unclear, officials denied.")
    cues = {(c.text.lower(), c.level) for c in find_cues(doc)}
    assert ("far from certain", "uncertain") in cues
    assert ("reportedly", "hedged") in cues
    assert ("still unclear", "uncertain") in cues
    assert ("unclear", "uncertain") not in cues  # inside the longer match
    assert ("denied", "denied") in cues


def test_nlp_certainty_cues_levels_rank() -> None:
    assert level_of([]) == "asserted"
    assert level_of(["hedged", "uncertain"]) == "uncertain"
    assert level_of(["uncertain", "denied", "hedged"]) == "denied"


def test_nlp_certainty_cues_plain_sentence_has_none(vocab_nlp: Any) -> None:
    assert find_cues(vocab_nlp("The minister arrived in Paris on Monday.")) == []


def test_nlp_certainty_cues_quote_types() -> None:
    text = '"We will win," she said. He said it was "a disaster" for all. He said it was over. Putin’s aides agreed.'
    assert quote_type(text, [(1, 12)]) == "direct"
    start = text.index("it was \"a")
    assert quote_type(text, [(start, text.index(" for all") + 8)]) == "mixed"
    start = text.index("it was over")
    assert quote_type(text, [(start, start + 11)]) == "indirect"
    start = text.index("Putin")
    assert quote_type(text, [(start, len(text) - 1)]) == "indirect"
