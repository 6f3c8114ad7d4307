"""Certainty of claims: hedge, uncertainty and denial cues (lexicon ``data/hedges.json``).

Inputs: a parsed ``Doc`` (dependency parse for clause boundaries). Outputs:
:func:`find_cues` lists every cue phrase in the text; :func:`clause_of` gives the
clause a cue governs; :func:`level_of` ranks levels. The attribution component uses
them to set ``Attribution.certainty`` and to build ``doc._.sl_hedges``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..lexicon import load_json

LOGGER = logging.getLogger(__name__)

RANK = {"asserted": 0, "hedged": 1, "uncertain": 2, "denied": 3}
_CLAUSE_DEPS = {"ROOT", "ccomp", "relcl", "advcl", "conj", "xcomp", "csubj", "parataxis", "acl", "pcomp"}


@dataclass(frozen=True)
class CertaintyCue:
    """A matched cue: token span ``[start, end)`` of the doc, its text and level."""

    start: int
    end: int
    text: str
    level: str


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    return {str(p["text"]).lower(): str(p["level"]) for p in load_json("hedges.json")["phrases"]}


@lru_cache(maxsize=1)
def verb_levels() -> dict[str, str]:
    """Cue-verb lemma -> the certainty level it gives its own attribution (``deny`` -> denied)."""
    return dict(load_json("hedges.json").get("verb_levels", {}))


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    key = id(vocab)
    if key not in _MATCHERS:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        tokenizer_nlp = _blank()
        for text in _phrases():
            matcher.add(text, [tokenizer_nlp.make_doc(text)])
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


@lru_cache(maxsize=1)
def _blank():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en")


def find_cues(doc: Doc) -> list[CertaintyCue]:
    """Every certainty cue in ``doc``; overlapping matches keep the longest."""
    phrases = _phrases()
    spans = [Span(doc, s, e) for _, s, e in _matcher(doc.vocab)(doc)]
    spans.sort(key=lambda sp: (-(sp.end - sp.start), sp.start))
    taken: set[int] = set()
    out = []
    for sp in spans:
        if any(i in taken for i in range(sp.start, sp.end)):
            continue
        taken.update(range(sp.start, sp.end))
        out.append(CertaintyCue(sp.start, sp.end, sp.text, phrases[sp.text.lower()]))
    out.sort(key=lambda c: c.start)
    return out


def level_of(levels: list[str]) -> str:
    """The strongest of ``levels`` (denied > uncertain > hedged > asserted)."""
    return max(levels, key=lambda lv: RANK.get(lv, 0), default="asserted")


def clause_of(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of the smallest clause that contains the cue ``[start, end)``: the cue's head
    chain is climbed to the first clausal head (verb or copula) and its subtree is taken."""
    tok = doc[start]
    for cand in doc[start:end]:
        if cand.head.i < start or cand.head.i >= end or cand.head == cand:
            tok = cand
            break
    node = tok
    steps = 0
    while steps < 50:
        steps += 1
        if node.pos_ in ("VERB", "AUX") and (node.dep_ in _CLAUSE_DEPS or node.head == node):
            if node.pos_ == "AUX" and node.dep_ in ("aux", "auxpass"):
                node = node.head
                continue
            break
        if node.dep_ in ("relcl", "ccomp", "advcl", "acl") or node.head == node:
            break
        node = node.head
    left, right = node.left_edge.i, node.right_edge.i + 1
    left, right = min(left, start), max(right, end)
    while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space) and doc[right - 1].text not in "\"”’'":
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space) and doc[left].text not in "\"“‘'":
        left += 1
    return left, right
