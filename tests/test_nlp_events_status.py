"""Event status from grammar, on hand-built parses (no model)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from storyline.nlp.event_lexicon import lexicon
from storyline.nlp.event_status import event_status
from storyline.nlp.events import extract_candidates

# (word, head index, dep, pos, tag, lemma)
Row = tuple[str, int, str, str, str, str]


def build(nlp: Any, rows: list[Row]) -> Doc:
    doc = Doc(nlp.vocab, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
              sent_starts=[True] + [False] * (len(rows) - 1))
    return doc


HALT = [("Russia", 2, "nsubj", "PROPN", "NNP", "Russia"), ("would", 2, "aux", "AUX", "MD", "would"),
        ("halt", 2, "ROOT", "VERB", "VB", "halt"), ("its", 4, "poss", "PRON", "PRP$", "its"),
        ("offensive", 2, "dobj", "NOUN", "NN", "offensive"), ("as", 2, "prep", "ADP", "IN", "as"),
        ("part", 5, "pobj", "NOUN", "NN", "part"), ("of", 6, "prep", "ADP", "IN", "of"),
        ("the", 9, "det", "DET", "DT", "the"), ("deal", 7, "pobj", "NOUN", "NN", "deal"),
        (".", 2, "punct", "PUNCT", ".", ".")]


def test_nlp_events_status_conditional(vocab_nlp: Any) -> None:
    doc = build(vocab_nlp, HALT)
    status, cues = event_status(doc[2], lexicon())
    assert status == "conditional"
    assert "would" in cues and "as part of" in cues


def test_nlp_events_status_object_rule_and_actor(vocab_nlp: Any) -> None:
    doc = build(vocab_nlp, HALT)
    cands = extract_candidates(doc)
    assert [c.type for c in cands] == ["RETREAT"]  # "halt" + a military object; "offensive" is its content
    assert cands[0].actor is not None and cands[0].actor.id == "country:ru"


def test_nlp_events_status_ongoing_and_planned(vocab_nlp: Any) -> None:
    rows: list[Row] = [("Putin", 2, "nsubj", "PROPN", "NNP", "Putin"), ("is", 2, "aux", "AUX", "VBZ", "be"),
                       ("demanding", 2, "ROOT", "VERB", "VBG", "demand"), ("a", 5, "det", "DET", "DT", "a"),
                       ("planned", 5, "amod", "VERB", "VBN", "plan"), ("meeting", 2, "dobj", "NOUN", "NN", "meeting")]
    doc = build(vocab_nlp, rows)
    assert event_status(doc[2], lexicon())[0] == "ongoing"
    assert event_status(doc[5], lexicon())[0] == "planned"


def test_nlp_events_status_uncertain_and_denied(vocab_nlp: Any) -> None:
    rows: list[Row] = [("it", 1, "nsubj", "PRON", "PRP", "it"), ("is", 1, "ROOT", "AUX", "VBZ", "be"),
                       ("unclear", 1, "acomp", "ADJ", "JJ", "unclear"), ("if", 5, "mark", "SCONJ", "IN", "if"),
                       ("Putin", 5, "nsubj", "PROPN", "NNP", "Putin"), ("would", 5, "aux", "AUX", "MD", "would"),
                       ("agree", 1, "advcl", "VERB", "VB", "agree")]
    # "would agree" nested under "it is unclear if": uncertain wins over conditional
    doc = build(vocab_nlp, rows)
    assert event_status(doc[6], lexicon())[0] == "uncertain"
    denied: list[Row] = [("Iran", 3, "nsubj", "PROPN", "NNP", "Iran"), ("did", 3, "aux", "AUX", "VBD", "do"),
                         ("not", 3, "neg", "PART", "RB", "not"), ("attack", 3, "ROOT", "VERB", "VB", "attack")]
    doc = build(vocab_nlp, denied)
    assert event_status(doc[3], lexicon())[0] == "denied"


def test_nlp_events_status_past_occurred(vocab_nlp: Any) -> None:
    rows: list[Row] = [("Crimea", 0, "ROOT", "PROPN", "NNP", "Crimea"), ("was", 2, "auxpass", "AUX", "VBD", "be"),
                       ("annexed", 0, "relcl", "VERB", "VBN", "annex"), ("by", 2, "agent", "ADP", "IN", "by"),
                       ("Moscow", 3, "pobj", "PROPN", "NNP", "Moscow")]
    doc = build(vocab_nlp, rows)
    assert event_status(doc[2], lexicon())[0] == "occurred"


def test_nlp_events_status_needs_a_parse(vocab_nlp: Any) -> None:
    from storyline.nlp.events import extract_events

    assert extract_events(vocab_nlp("Russia attacked Ukraine on Monday.")) == []  # no parse, no guessing
