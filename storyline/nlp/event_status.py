"""The status of an event from grammar and context.

Input: the token anchoring an event (its verb, or its noun when the event is
nominal) in a parsed ``Doc``, and the event lexicon's cue lists. Output:
``(status, cues)`` with status one of occurred, ongoing, planned, conditional,
uncertain, denied.

The anchor's chain of governors is climbed (complement, adverbial and
prepositional links) up to a reporting verb or the sentence root. Each level
gives cues: modals (would/could → conditional, will → planned, may/might →
uncertain), negation (denied, on the anchor's own clause only), progressive
aspect (ongoing), attributive adjectives ("planned", "upcoming" → planned;
"possible" → uncertain), intent governors ("plans to", "is ready to" → planned),
conditions ("if", "unless", "as part of the deal", "under the plan" →
conditional) and uncertainty predicates ("it is unclear if/whether" →
uncertain). Denial and uncertainty anywhere on the chain win; otherwise the
nearest level with a cue decides (conditional > planned > ongoing > occurred).
An infinitive with no other cue is planned; a bare past tense is occurred.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..record import EventStatus
from .event_lexicon import EventLexicon

_CLIMB_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pobj", "prep", "dobj", "conj", "pcomp", "acomp", "attr",
                         "oprd", "dative", "relcl", "compound", "amod", "npadvmod", "appos", "nmod"})
_PRIORITY: dict[str, int] = {"conditional": 4, "planned": 3, "ongoing": 2, "occurred": 1}


def _level_cues(x: Token, lex: EventLexicon, level: int, first_verb: int) -> list[tuple[str, str]]:
    cues: list[tuple[str, str]] = []
    children = list(x.children)
    lemma = x.lemma_.lower()
    is_intent_head = lemma in lex.words("intent_verbs") or lemma in lex.words("intent_adjectives")
    for child in children:
        cl, ct = child.lemma_.lower(), child.lower_
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD":
            if cl in lex.words("uncertain_modals") or ct in lex.words("uncertain_modals"):
                cues.append(("uncertain", ct))
            elif ct in lex.words("planned_modals") or cl in lex.words("planned_modals"):
                cues.append(("planned", ct))
            elif cl in lex.words("conditional_modals") or ct in lex.words("conditional_modals"):
                cues.append(("planned" if is_intent_head else "conditional", ct))
        elif child.dep_ == "aux" and cl == "be" and x.tag_ == "VBG":
            cues.append(("ongoing", f"{ct} {x.lower_}"))
        elif child.dep_ == "amod" and x.pos_ in ("NOUN", "PROPN"):
            if ct in lex.words("planned_modifiers"):
                cues.append(("planned", ct))
            elif ct in lex.words("uncertain_modifiers"):
                cues.append(("uncertain", ct))
        elif child.dep_ == "mark" and x.dep_ in ("advcl",) and ct in lex.words("conditional_marks"):
            cues.append(("conditional", ct))
        elif child.dep_ == "advmod" and ct in lex.words("ongoing_adverbs") and level <= 1:
            cues.append(("ongoing", ct))
        elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.words("conditional_marks")
                                           for m in child.children):
            cues.append(("conditional", next(m.lower_ for m in child.children if m.dep_ == "mark")))
        elif child.dep_ == "prep":
            cue = _conditional_prep(child, lex)
            if cue:
                cues.append(("conditional", cue))
    if x.dep_ == "acl" and x.tag_ == "VBG":
        cues.append(("ongoing", x.lower_))
    if level == 0 and x.pos_ == "VERB" and x.tag_ not in ("VBD", "VBN") and lemma in lex.words("intent_verbs") and any(
            c.dep_ in ("dobj", "xcomp") for c in children):
        cues.append(("planned", x.lower_))
    if x.pos_ in ("VERB", "AUX") and not any(c[0] in _PRIORITY for c in cues) and level <= first_verb:
        aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
        if x.tag_ == "VBD" or (x.tag_ == "VBN" and aux and any(a.lemma_ in ("have", "be") for a in aux)):
            cues.append(("occurred", x.lower_))
        elif x.tag_ in ("VBZ", "VBP") and x.dep_ not in ("aux", "auxpass"):
            cues.append(("ongoing", x.lower_))
    return cues


def _conditional_prep(prep: Token, lex: EventLexicon) -> str | None:
    word = prep.lower_
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    for phrase, heads in lex.conditional_preps.items():
        parts = phrase.split()
        if parts[0] != word:
            continue
        if len(parts) == 1:
            if any(o.lemma_.lower() in heads for o in objs):
                return phrase
            continue
        # "as part of the deal", "in exchange for"
        node = objs[0] if objs else None
        if node is None or node.lower_ != parts[1]:
            continue
        inner = [c for c in node.children if c.dep_ == "prep" and c.lower_ == parts[2]]
        if not inner:
            continue
        if "*" in heads:
            return phrase
        inner_objs = [c for c in inner[0].children if c.dep_ == "pobj"]
        if any(o.lemma_.lower() in heads for o in inner_objs):
            return phrase
    return None


def _negated(x: Token, lex: EventLexicon) -> str | None:
    for child in x.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and x.pos_ == "NOUN"):
            if child.lower_ in lex.words("negations") or child.dep_ == "neg":
                return child.lower_
    return None


def event_status(anchor: Token, lex: EventLexicon, stop_at: Token | None = None) -> tuple[EventStatus, list[str]]:
    """``(status, cue words)`` for the event anchored at ``anchor`` (see the module doc)."""
    levels: list[Token] = []
    x = anchor
    past_report = False
    while True:
        levels.append(x)
        if x.head.i == x.i or x.dep_ not in _CLIMB_DEPS:
            break
        head = x.head
        reported = x.dep_ in ("ccomp", "conj", "advcl", "xcomp", "parataxis")
        if head.lemma_.lower() in lex.words("reporting_verbs") and reported:
            past_report = head.tag_ == "VBD" and x.dep_ == "ccomp"
            break
        if stop_at is not None and head.i == stop_at.i:
            break
        x = head
        if len(levels) > 12:
            break
    cues: list[tuple[int, str, str]] = []
    first_verb = next((i for i, t in enumerate(levels) if t.pos_ in ("VERB", "AUX")), 0)
    for i, tok in enumerate(levels):
        for kind, word in _level_cues(tok, lex, i, first_verb):
            cues.append((i, kind, word))
        if i <= first_verb:
            neg = _negated(tok, lex)
            if neg:
                cues.append((i, "denied", neg))
        if i > 0:
            below = levels[i - 1]
            lemma = tok.lemma_.lower()
            # "it is still unclear if/whether …"; "doubts whether …"
            if lemma in lex.words("uncertain_verbs") and below.dep_ in ("ccomp", "xcomp"):
                cues.append((i, "uncertain", tok.lower_))
            if below.dep_ in ("ccomp", "advcl", "xcomp") and (
                    lemma in lex.words("uncertain_predicates")
                    or any(c.dep_ in ("acomp", "attr") and c.lower_ in lex.words("uncertain_predicates")
                           for c in tok.children)):
                cues.append((i, "uncertain", "unclear"))
            if below.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in below.children):
                cues.append((i, "uncertain", "whether"))
            if below.dep_ in ("xcomp", "ccomp") and lemma in lex.words("deny_verbs") and i == 1:
                cues.append((i, "denied", tok.lower_))
            intent = lemma in lex.words("intent_verbs") or lemma in lex.words("intent_adjectives")
            if below.dep_ == "xcomp" and intent:
                cues.append((i, "planned", tok.lower_))
    conditions = [w for _, k, w in cues if k == "conditional" and (w in lex.words("conditional_marks") or " " in w)]
    if past_report and not conditions:
        # "Iraq said it would allow…": future in the past, not a condition
        cues = [(i, "planned" if k == "conditional" and w == "would" else k, w) for i, k, w in cues]
    words = [w for _, _, w in cues]
    if any(k == "denied" for _, k, _ in cues):
        return "denied", words
    if any(k == "uncertain" for _, k, _ in cues):
        return "uncertain", words
    strong = [(i, k) for i, k, _ in cues if k in _PRIORITY]
    if strong:
        nearest = min(i for i, _ in strong)
        kinds = [k for i, k in strong if i == nearest]
        best: EventStatus = max(kinds, key=lambda k: _PRIORITY[k])  # type: ignore[assignment,arg-type]
        return best, words
    # an infinitive with no other cue describes something not (yet) done
    for tok in levels:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            head = tok.head
            if head.lemma_.lower() not in lex.words("transparent_verbs"):
                return "planned", [*words, "to"]
    return "occurred", words
