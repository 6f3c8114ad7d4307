"""``storyline_times``: time expressions found and put on the calendar.

Inputs: ``doc._.published`` (``datetime.date`` or ``None``, the anchor), ``doc._.regions`` (chrome
regions are skipped), the model's parse (tags and dependencies give the tense of the clause).

Output: ``doc._.sl_times``, a list of :class:`~storyline.record.TimeExpr` with ids ``t1, t2, …`` in
text order, character offsets into ``doc.text``, an ISO 8601 ``value`` and a ``granularity``. With
no anchor, relative expressions keep ``value=None`` and ``doc._.sl_warnings`` gets
:data:`NO_DATE_WARNING`; written dates ("in 2014", "August 21, 2025") keep their values.

Expressions are found by the grammar of :mod:`storyline.nlp.timex_grammar` (words in
``storyline/data/times.json``) and resolved by :mod:`storyline.nlp.timex_resolve`, whose docstring
lists the conventions. Durations ("for two weeks", "three years") are skipped, not output.

:func:`resolve` is the same logic for one expression, without spaCy.
"""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..record import Granularity, TimeExpr
from .extensions import content_regions, get_list
from .timex_grammar import Candidate, find_candidates, lexicon, parse
from .timex_resolve import Ref, ref_point, resolve_spec

LOGGER = logging.getLogger(__name__)

NO_DATE_WARNING = "no publication date: relative dates left unresolved"
"""The warning added when there is no anchor (``storyline.read`` should import it from here)."""

Tense = str  # "past" | "present" | "future"


def resolve(text: str, anchor: dt.date | None, tense: str | None = None,
            ref: dt.date | None = None) -> tuple[str | None, Granularity]:
    """``(value, granularity)`` of one time expression, e.g. ``resolve("on Thursday", date(2025, 8, 8),
    "past") == ("2025-08-07", "day")``. ``tense`` is ``"past"``, ``"present"``, ``"future"`` or
    ``None``; ``ref`` is the date that "the following day" counts from. Unknown text gives
    ``(None, "unknown")``."""
    cand = parse(text)
    if cand is None:
        return None, "unknown"
    ref_pair: Ref | None = (ref, "day") if ref is not None else None
    return resolve_spec(cand.spec, anchor, tense, ref_pair, cand.prep)


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    return (frozenset(lex["future_cue_lemmas"]), frozenset(lex["future_modals"]),
            frozenset(lex["not_after_in_n_units"]))


def _governing_verb(span: Span) -> Token | None:
    tok: Token = span.root
    seen = 0
    while seen < 30:
        if tok.pos_ in {"VERB", "AUX"} and not (span.start <= tok.i < span.end):
            return tok
        if tok.head.i == tok.i:
            return tok if tok.pos_ in {"VERB", "AUX"} else None
        tok = tok.head
        seen += 1
    return None


def tense_of(verb: Token | None, depth: int = 0) -> Tense | None:
    """The tense of ``verb``'s clause: ``future`` (will/would/modals, "going to", "expected to",
    "plans to", a "to"-infinitive), ``past`` (VBD, have + VBN, was/were + VBN), ``present`` or
    ``None``."""
    if verb is None:
        return None
    future_lemmas, modals, _ = _words()
    if verb.dep_ in {"aux", "auxpass"} and verb.head.i != verb.i:
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & modals:
        return "future"
    if "to" in aux_words or verb.tag_ == "VB" and any(a.tag_ == "TO" for a in auxes):
        return "future"
    if verb.lemma_.lower() in future_lemmas and verb.tag_ == "VBN":
        return "future"  # "is expected to", "is set to", "planned for Nov. 4", "scheduled for Saturday"
    if verb.lemma_.lower() in future_lemmas and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"  # "was going to"
    if verb.lemma_.lower() in future_lemmas and any(c.dep_ == "xcomp" for c in verb.children) and \
            verb.tag_ in {"VBZ", "VBP"}:
        return "future"  # "plans to", "aims to"
    if aux_words & {"has", "have", "had", "'ve", "'d"}:
        return "past"  # "has said", "has been targeting"
    if verb.tag_ in {"VBG", "VB"} and not auxes and depth < 3 and verb.dep_ in {"xcomp", "advcl", "conj", "ccomp"} \
            and verb.head.i != verb.i and verb.head.pos_ in {"VERB", "AUX"}:
        return tense_of(verb.head, depth + 1)  # "kept going until Friday", "Speaking on Friday, he said"
    tags = {a.tag_ for a in auxes}
    if verb.tag_ == "VBD" or "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN":
        if aux_words & {"has", "have", "'ve", "'s"} or not auxes:
            return "past"
        return "present"
    if verb.tag_ in {"VBZ", "VBP", "VBG", "VB"}:
        return "present"
    return None


def _tense_for(doc: Doc, cand: Candidate) -> Tense | None:
    span = doc.char_span(cand.core_start, cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if not doc.has_annotation("DEP"):
        return None
    tense = tense_of(_governing_verb(span))
    if tense == "present" and cand.spec.kind == "weekday" and span.root.dep_ == "poss":
        return "past"  # "the impact of Monday's debate is small": a day already reported
    return tense


def _is_duration(doc: Doc, cand: Candidate, tense: Tense | None) -> bool:
    """"in three years" / "within two weeks" measure a duration in a past-tense clause
    ("rose 5% in two years") and after "first time" / "highest" ("the highest in three years")."""
    if cand.rule not in {"shift_in", "within"}:
        return False
    if tense == "past":
        return True
    _, _, blockers = _words()
    before = doc.text[max(0, cand.start - 25):cand.start].split()
    return bool(before) and (before[-1].lower() in blockers or before[-1].lower().endswith("est"))


def find_times(doc: Doc) -> list[TimeExpr]:
    """Time expressions of ``doc`` (content regions only), resolved against ``doc._.published``."""
    anchor: dt.date | None = doc._.published
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    out: list[TimeExpr] = []
    ref: Ref | None = None
    for start, end in sorted(content_regions(doc)):
        for cand in find_candidates(doc.text[start:end], offset=start):
            tense = _tense_for(doc, cand)
            if _is_duration(doc, cand, tense):
                continue
            value, gran = resolve_spec(cand.spec, anchor, tense, ref, cand.prep)
            point = ref_point(value, gran)
            if point is not None:
                ref = point
            out.append(TimeExpr(id=f"t{len(out) + 1}", text=doc.text[cand.start:cand.end], start=cand.start,
                                end=cand.end, value=value, granularity=gran))
            LOGGER.debug("time %r tense=%s -> %s (%s)", out[-1].text, tense, value, gran)
    return out


@Language.component("storyline_times")
def storyline_times(doc: Doc) -> Doc:
    """Sets ``doc._.sl_times`` (and the no-date warning when ``doc._.published`` is ``None``)."""
    times = get_list(doc, "sl_times")
    times.clear()
    times.extend(find_times(doc))
    if doc._.published is None:
        warnings = get_list(doc, "sl_warnings")
        if NO_DATE_WARNING not in warnings:
            warnings.append(NO_DATE_WARNING)
    return doc
