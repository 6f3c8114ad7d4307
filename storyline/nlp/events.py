"""``storyline_events``: PLOVER events with actor, recipient, places, time, status and attribution.

Inputs (set by earlier components): the parse, ``doc._.sl_entities`` (through
:func:`storyline.nlp.entities.entity_for_span`, with a fallback over ``doc.ents``
and the gazetteer, see :mod:`storyline.nlp.event_actors`), ``doc._.sl_times``
(``storyline_times``), ``doc._.sl_attributions`` (``storyline_attributions``) and
``doc._.regions`` (chrome is skipped).

Output: ``doc._.sl_events``, a list of :class:`storyline.record.Event`.

Triggers come from the lexicon in ``storyline/data/events.json``: verb lemmas
(``demand`` → REQUEST), verbs whose type depends on their object (``halt`` +
``offensive`` → RETREAT, ``halt`` + ``aid`` → SANCTION), phrasal verbs (``call
for``), light verbs with an event noun (``hold talks``, ``order a withdrawal``)
and nominal triggers with their own participants (``a summit meeting between
A and B``). A trigger inside the complement of another trigger is that event's
content (``demanding that Ukraine cede…`` is one REQUEST, not a CONCEDE too),
except relative clauses with their own agent. When an agreement verb is itself
only possible (``unclear if Putin would agree to take part in a meeting``), the
event is the complement's, with that status. ``X said Y must …`` is a REQUEST by X
of Y. Events with neither actor nor recipient are dropped, and repeats (same
type, actor, recipient and status; a headline restated in the body) are merged.

:func:`extract_candidates` exposes the richer internal view used by the
evaluation (``storyline.eval.events``), and :func:`plover_code` maps an event to
the PLOVER coding convention of the gold-standard records (a stated intention to
cooperate is AGREE, to act against someone THREATEN, a refused one REJECT).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..record import Attribution, Event, EventStatus, Evidence, TimeExpr
from .event_actors import Ref, participants, place_ref, slug
from .event_lexicon import EventLexicon, lexicon
from .event_status import event_status
from .extensions import get_list, in_content

LOGGER = logging.getLogger(__name__)

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})
POSITION_GOVERNORS = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE", "INVESTIGATE", "SUPPORT"})
AGREE_SOFT = frozenset({"agree", "accept", "consent"})
REQUEST_MODES = {"AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist", "CONSULT": "meet", "AGREE": "meet",
                 "RETREAT": "yield", "CONCEDE": "yield"}
_MUST = frozenset({"must", "should"})
LOCATIVE_TARGETS = frozenset({"COERCE", "CONCEDE", "MOBILIZE", "ASSAULT", "SANCTION", "AID"})
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "acl", "nsubjpass", "oprd", "attr", "pcomp", "conj", "advcl"})


@dataclass
class Match:
    """A trigger found in the text, before participants are resolved."""

    type: str
    mode: str | None
    anchor: Token                 # the verb (or the noun of a nominal event)
    kind: str                     # verb | object | phrasal | light | noun | participation | must
    noun: Token | None = None     # the event noun of a light verb / participation
    particle: Token | None = None  # the particle or preposition of a phrasal verb
    lemma: str = ""
    suppressed: bool = False
    content: list[Match] = field(default_factory=list)


@dataclass
class Candidate:
    """An event with the details the evaluation needs (tokens, mention texts, cues)."""

    match: Match
    type: str
    mode: str | None
    actor: Ref | None
    recipient: Ref | None
    others: list[Ref]
    places: list[Ref]
    status: EventStatus
    cues: list[str]
    depth: int
    start: int
    end: int
    time: str | None = None
    attribution: str | None = None
    located: bool = False  # the recipient is the place where it happened (no other party named)

    @property
    def intent(self) -> bool:
        lex = lexicon()
        words = set(self.cues)
        return bool(words & ({"will", "would", "'ll", "shall", "wo"} | lex.words("intent_verbs")
                             | lex.words("intent_adjectives")))


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _noun_keys(tok: Token) -> list[str]:
    """Look-up keys of a noun: "buy-in", "hunger strike", the noun and its lemma; for a
    generic head ("a mediation effort") the compound's too; for a partitive ("10 days of
    war games") the complement's."""
    lex = lexicon()
    if tok.lemma_.lower() in lex.words("partitive_heads") or tok.lower_ in lex.words("partitive_heads"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = [p for p in c.children if p.dep_ == "pobj"]
                if inner:
                    return _noun_keys(inner[0])
    keys = [tok.lower_, tok.lemma_.lower()]
    if tok.lemma_.lower() in lex.words("generic_event_heads") or tok.lower_ in lex.words("generic_event_heads"):
        keys = [c.lemma_.lower() for c in tok.children if c.dep_ == "compound"] + keys
    parts = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    if parts:
        first = parts[0]
        text = tok.doc[first.i:tok.i + 1].text.lower()
        keys = [text.replace(" - ", "-").replace(" -", "-").replace("- ", "-"), *keys]
        keys.insert(1, " ".join(t.lower_ for t in tok.doc[parts[-1].i:tok.i + 1] if t.text != "-"))
    return keys


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if not objs:
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        objs = passive
    out: list[Token] = []
    for o in objs:
        out.append(o)
        out.extend(o.conjuncts)
    return out


def _object_words(objs: list[Token]) -> list[str]:
    """Keys for the object nouns, their compounds ("ceasefire agreement" → ceasefire) and
    "of" complements ("a state of siege", "10 days of war games"), "in" complements of an amount
    ("40 million crowns in aid")."""
    words: list[str] = []
    for o in objs:
        words.extend(_noun_keys(o))
        words.extend(c.lemma_.lower() for c in o.children if c.dep_ == "compound")
        amount = o.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL") or any(ch.dep_ == "nummod" for ch in o.children)
        for c in o.children:
            # "of" complements; "in" after an amount ("$40 million in emergency aid")
            if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and amount)):
                for p in c.children:
                    if p.dep_ == "pobj":
                        words.extend(_noun_keys(p))
    return words


def verb_lemma(tok: Token, lex: EventLexicon) -> str:
    """The tagger's lemma, or a suffix-stripped form the lexicon knows ("staged" → "stage")."""
    lemma = tok.lemma_.lower()
    known = lex.verbs.keys() | lex.object_rules.keys() | lex.light_verbs | lex.words("reporting_verbs")
    if lemma in known:
        return lemma
    low = tok.lower_
    forms = [low]
    for suffix, add in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"),
                        ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.append(low[: -len(suffix)] + add)
    for form in forms:
        if form in known:
            return form
    return lemma


def match_token(tok: Token, lex: EventLexicon) -> Match | None:
    """The trigger anchored at ``tok``, if any (nominal triggers are checked separately)."""
    if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.lemma_ in ("have", "be")
                                   and tok.dep_ not in ("aux", "auxpass")):
        return None
    lemma = verb_lemma(tok, lex)
    if lemma in lex.words("reporting_verbs") and lemma not in ("declare", "announce", "insist"):
        return None
    objs = _objects(tok)
    # participation: "take part in a meeting", "attend the summit"
    for child in tok.children:
        key = f"{lemma} {child.lower_}"
        joins = lemma in lex.words("participation") and child.dep_ in ("dobj", "prep")
        if key in lex.words("participation") or joins:
            noun = _participation_noun(tok, child)
            if noun is not None:
                trig = lex.nouns.get(noun.lemma_.lower()) or lex.nouns.get(noun.lower_)
                if trig:
                    return Match(trig[0], trig[1], tok, "participation", noun=noun, lemma=lemma)
    # phrasal verbs: "call for", "pull back", "open fire", "hand over" (+ object rules)
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod"):
            key = f"{lemma} {child.lower_}"
            if key in lex.phrasal or key in lex.object_rules:
                rule = lex.object_rule(key, _object_words(objs)) or lex.phrasal.get(key)
                if rule is not None:
                    return Match(rule[0], rule[1], tok, "phrasal", particle=child, lemma=lemma)
    # a state entered: "went on strike", "remained on alert", "put troops on alert"
    if lemma in lex.words("state_verbs") or tok.lemma_.lower() in lex.words("state_verbs"):
        for _prep, o in _prep_objects(tok, {"on"}):
            over = lex.noun_object_overrides.get(tok.lemma_.lower(), {})
            for key in _noun_keys(o):
                state = over.get(key) or lex.nouns.get(key)
                if state is not None and key not in lex.words("nominal_stoplist"):
                    return Match(state[0], state[1], tok, "light", noun=o, lemma=tok.lemma_.lower())
    # light verb + event noun: "hold talks", "order a withdrawal", "get buy-in from"
    if lemma in lex.light_verbs or lemma in lex.noun_object_overrides:
        for o in objs:
            over = lex.noun_object_overrides.get(lemma, {})
            for key in _noun_keys(o):
                if key in over:
                    return Match(over[key][0], over[key][1], tok, "light", noun=o, lemma=lemma)
            if lemma in lex.light_verbs:
                for key in _noun_keys(o):
                    if key in lex.nouns:
                        t = lex.nouns[key]
                        return Match(t[0], t[1], tok, "light", noun=o, lemma=lemma)
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if subj and lemma in lex.subject_rules:
        rule = lex.subject_rule(lemma, subj[0].lemma_.lower()) or lex.subject_rule(lemma, subj[0].lower_)
        if rule is not None:
            return Match(rule[0], rule[1], tok, "verb", lemma=lemma)
    rule = lex.object_rule(lemma, _object_words(objs))
    if rule is not None:
        return Match(rule[0], rule[1], tok, "object", lemma=lemma)
    if lemma in lex.object_rules and lemma not in lex.verbs:
        return None
    if lemma in lex.verbs:
        t = lex.verbs[lemma]
        return Match(t[0], t[1], tok, "verb", lemma=lemma)
    return None


def _participation_noun(verb: Token, child: Token) -> Token | None:
    for c in [child, *verb.children]:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
        if c.dep_ == "dobj" and c.lower_ != "part":
            return c
    return None


def _noun_has_participants(noun: Token) -> bool:
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her", "our", "my", "your"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("between", "by", "with", "among"):
            return True
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN"):
            return True
    return False


def _verbal(verb: Token, lex: EventLexicon) -> bool:
    """An attack made in words: "attacked Machado in early-morning tweets", "hit out in a statement"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "during", "via", "with", "through", "at"):
            if any(o.dep_ == "pobj" and o.lemma_.lower() in lex.words("speech_nouns") for o in prep.children):
                return True
    return False


def _find_matches(sent: Span, lex: EventLexicon) -> list[Match]:
    matches: dict[int, Match] = {}
    claimed: set[int] = set()
    for tok in sent:
        m = match_token(tok, lex)
        if m is not None and m.type == "ASSAULT" and m.lemma in lex.words("verbal_attack_verbs") and _verbal(tok, lex):
            m.type, m.mode = "ACCUSE", "disapprove"
        if m is not None:
            matches[tok.i] = m
            if m.noun is not None:
                claimed.add(m.noun.i)
            for o in _objects(tok):
                claimed.add(o.i)
            if m.particle is not None:
                for o in m.particle.children:
                    if o.dep_ == "pobj":
                        claimed.add(o.i)
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in claimed or tok.i in matches:
            continue
        trig = None
        for key in _noun_keys(tok):
            if key in lex.nouns:
                trig = lex.nouns[key]
                break
        if trig is None or not _noun_has_participants(tok):
            continue
        if any(k in lex.words("nominal_stoplist") for k in _noun_keys(tok)):
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
            continue
        matches[tok.i] = Match(trig[0], trig[1], tok, "noun", noun=tok, lemma=tok.lemma_.lower())
    _musts(sent, lex, matches)
    return sorted(matches.values(), key=lambda m: m.anchor.i)


def _musts(sent: Span, lex: EventLexicon, matches: dict[int, Match]) -> None:
    """``X said (that) Y must …`` is a REQUEST by X of Y."""
    for tok in sent:
        if tok.lemma_.lower() not in lex.words("reporting_verbs") or tok.i in matches:
            continue
        for comp in tok.children:
            if comp.dep_ != "ccomp":
                continue
            if not any(c.dep_ == "aux" and c.lower_ in _MUST for c in comp.children):
                continue
            subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or subj[0].lower_ in ("it", "he", "she", "they", "we", "i"):
                continue
            matches[tok.i] = Match("REQUEST", None, tok, "must", lemma=tok.lemma_.lower())


def _governor(m: Match, by_anchor: dict[int, Match], lex: EventLexicon) -> Match | None:
    """The trigger whose complement holds ``m`` (its content), if any."""
    x = m.anchor
    path: list[str] = []
    for _ in range(8):
        if x.head.i == x.i:
            return None
        dep = x.dep_
        head = x.head
        if dep == "pobj" and head.dep_ == "prep":
            prep = head
            owner = by_anchor.get(prep.head.i)
            if owner is not None and owner.particle is not None and owner.particle.i == prep.i:
                return owner
            if prep.lower_ in ("of", "to") and prep.head.i in by_anchor and \
                    by_anchor[prep.head.i].kind in ("verb", "object", "phrasal", "must"):
                return by_anchor[prep.head.i]
            return None
        if dep not in _CONTENT_DEPS:
            return None
        if dep == "conj":
            return None
        if dep == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            return None
        path.append(dep)
        if head.i in by_anchor:
            gov = by_anchor[head.i]
            if gov.kind == "participation" or gov.lemma in lex.words("transparent_verbs"):
                x = head
                continue
            if gov.noun is not None and gov.noun.i == m.anchor.i:
                return None
            return gov
        if head.lemma_.lower() in lex.words("reporting_verbs"):
            return None
        x = head
    return None


def _has_own_agent(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "agent") and c.lower_ not in ("which", "that", "who") or c.dep_ == "agent"
               for c in tok.children)


def _subject_tokens(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The subject of ``verb`` (inherited through control, conjunction and participles) and
    whether it is a passive agent."""
    if depth > 5:
        return [], False
    agent = [c for c in verb.children if c.dep_ == "agent"]
    if agent:
        objs = [o for o in agent[0].children if o.dep_ == "pobj"]
        if objs:
            return objs, True
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subj:
        s = subj[0]
        if s.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            return [verb.head], False
        return [s], False
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return [], True
    head = verb.head
    if verb.dep_ == "xcomp":
        dobj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if dobj and head.lemma_.lower() in lexicon().words("object_control"):
            return [dobj[0]], False
        return _subject_tokens(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in lexicon().words("object_pcomp_preps"):
        # "accused Carvossa of violating", "blamed the army for shelling": the object does it
        dobj = [c for c in head.head.children if c.dep_ == "dobj"]
        if dobj and head.head.pos_ == "VERB":
            return [dobj[0]], False
    if verb.dep_ in ("conj", "advcl", "pcomp") and head.pos_ in ("VERB", "AUX"):
        return _subject_tokens(head, depth + 1)
    if verb.dep_ == "pcomp" or (verb.dep_ in ("pobj",) and head.dep_ == "prep"):
        return _subject_tokens(head.head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        if verb.tag_ == "VBN":
            return [], True
        return [head], False
    if verb.dep_ == "acomp" or head.pos_ == "ADJ":
        return _subject_tokens(head, depth + 1)
    return [], False


def _is_reference(tok: Token) -> bool:
    """A pronoun, or a phrase owned by one ("their forces"), that the entity layer left unresolved."""
    if tok.pos_ == "PRON":
        return True
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def _antecedent(tok: Token, lex: EventLexicon) -> list[Token]:
    """Fallback coreference: the subject of the reporting verb whose report holds ``tok``
    ("Hungary has said it will support…" → Hungary), else the previous clause's subject."""
    x = tok.head
    for _ in range(10):
        if x.lemma_.lower() in lex.words("reporting_verbs") or verb_lemma(x, lex) in lex.words("reporting_verbs"):
            subj = [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
            if subj and not _is_reference(subj[0]):
                return subj
        if x.head.i == x.i:
            break
        x = x.head
    x = tok.head  # else the nearest governing clause with a named subject ("Marrow denies her army shelled…")
    for _ in range(10):
        subj = [c for c in x.children if c.dep_ == "nsubj" and c.i != tok.i and not tok.is_ancestor(c)]
        if x.pos_ in ("VERB", "AUX") and subj and not _is_reference(subj[0]) and not subj[0].is_ancestor(tok):
            return subj
        if x.head.i == x.i:
            break
        x = x.head
    return []


def _prep_objects(tok: Token, preps: set[str] | None = None) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for c in tok.children:
        if c.dep_ == "prep" and (preps is None or c.lower_ in preps):
            for o in c.children:
                if o.dep_ == "pobj":
                    out.append((c.lower_, o))
    return out


def _recipient_tokens(m: Match, lex: EventLexicon) -> list[Token]:
    verb = m.anchor
    out: list[Token] = []

    def allowed(prep: str) -> bool:
        types = lex.recipient_preps.get(prep)
        return bool(types) and ("*" in types or m.type in types)  # type: ignore[operator]

    if m.kind == "must":
        comp = next(c for c in verb.children if c.dep_ == "ccomp")
        return [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
    if m.kind == "noun":
        noun = verb
        for prep, o in _prep_objects(noun):
            if prep == "between":
                continue
            if allowed(prep) or prep == "with":
                out.append(o)
        return out
    for c in verb.children:
        if c.dep_ == "ccomp":
            out.extend(s for s in c.children if s.dep_ in ("nsubj", "nsubjpass"))
        if c.dep_ == "nsubjpass":  # "Crimea, which was annexed": the relative pronoun stands for Crimea
            out.append(verb.head if c.lower_ in ("which", "that", "who", "whom") and verb.dep_ == "relcl" else c)
        if c.dep_ in ("dobj", "dative") and (m.noun is None or c.i != m.noun.i):
            out.append(c)
    if m.particle is not None:
        out.extend(o for o in m.particle.children if o.dep_ == "pobj")
    if m.noun is not None:
        out.extend(_between(m.noun))
    holders = [verb] + ([m.noun] if m.noun is not None else [])
    for h in holders:
        for prep, o in _prep_objects(h):
            if allowed(prep):
                out.append(o)
    for c in verb.children:
        if c.dep_ == "dobj":
            out.extend(o for p, o in _prep_objects(c, {"from", "by"}))
    # "conceded to demands from UNITA", "rejected calls by Kofi Annan": the owner of the thing
    out.extend(o for t in list(out) if t.pos_ == "NOUN" for p, o in _prep_objects(t, {"from", "by"}))
    return out


def _between(noun: Token) -> list[Token]:
    return [o for p, o in _prep_objects(noun, {"between", "among"})]


def _resolve_many(tokens: list[Token], prefer_state: bool) -> list[Ref]:
    refs: list[Ref] = []
    for t in tokens:
        for ref in participants(t, prefer_state):
            if ref.id not in {r.id for r in refs}:
                refs.append(ref)
    return refs


def _places(m: Match, actor_ids: set[str], lex: EventLexicon) -> list[Ref]:
    doc = m.anchor.doc
    roots = [m.anchor]
    subject_ids: set[int] = set()
    for c in m.anchor.children:
        if c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj"):
            subject_ids.update(t.i for t in c.subtree)
    toks = [t for r in roots for t in r.subtree if t.i not in subject_ids]
    out: list[Ref] = []
    seen: set[int] = set()
    for t in toks:
        if t.i in seen or t.pos_ not in ("PROPN", "NOUN"):
            continue
        if t.dep_ in ("nsubj", "nsubjpass", "poss") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            continue
        ref = place_ref(t)
        under_place_noun = t.head.lower_ in lex.words("place_nouns") and t.dep_ in ("nmod", "compound") or (
            t.dep_ == "conj" and t.head.dep_ in ("nmod", "compound") and t.head.head.lower_ in lex.words("place_nouns"))
        if ref is None and under_place_noun and t.pos_ == "PROPN":
            ref = Ref("place:" + slug(t.text), t.text, t.idx, t.idx + len(t.text), "LOC", "region")
        if ref is None:
            continue
        seen.update(range(t.i, t.i + 1))
        if ref.id in actor_ids or ref.id in {r.id for r in out}:
            continue
        is_country = ref.kind == "country" or ref.id.startswith("country:")
        if is_country and not _locative(t, lex):
            continue
        if ref.type == "LOC" and ref.kind is None and ref.id.startswith("place:") and not under_place_noun and \
                not _locative(t, lex) and doc[t.i].ent_type_ not in ("GPE", "LOC"):
            continue
        out.append(ref)
    return out


def _locative(t: Token, lex: EventLexicon) -> bool:
    x = t
    while x.dep_ == "conj" and x.head.i != x.i:
        x = x.head
    if x.dep_ in ("compound", "nmod", "amod") and x.head.pos_ == "NOUN":
        x = x.head
    return x.dep_ == "pobj" and x.head.lower_ in lex.words("locative_preps")


def _span_of(m: Match, refs: list[Ref]) -> tuple[int, int]:
    sent = m.anchor.sent
    sub = list(m.anchor.subtree)
    start = min(t.idx for t in sub)
    end = max(t.idx + len(t.text) for t in sub)
    for r in refs:
        if sent.start_char <= r.start and r.end <= sent.end_char:
            start, end = min(start, r.start), max(end, r.end)
    start, end = max(start, sent.start_char), min(end, sent.end_char)
    text = m.anchor.doc.text
    while end > start and text[end - 1] in " \n\t,;:.":
        end -= 1
    return start, end


def _time_for(m: Match, times: list[TimeExpr], start: int, end: int) -> str | None:
    """The time expression of the event's clause (relative clauses inside it excluded: "Crimea,
    which was annexed in 2014" does not date a demand), else of its governing verb's clause."""
    nested = [(min(t.idx for t in r.subtree), max(t.idx + len(t.text) for t in r.subtree))
              for r in m.anchor.subtree if r.dep_ == "relcl" and r.i != m.anchor.i]
    times = [t for t in times if not any(s <= t.start and t.end <= e for s, e in nested)]
    inside = [t for t in times if start <= t.start and t.end <= end]
    if not inside:
        verb = m.anchor
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        s = min(t.idx for t in verb.subtree)
        e = max(t.idx + len(t.text) for t in verb.subtree)
        inside = [t for t in times if s <= t.start and t.end <= e]
    if not inside:
        return None
    anchor = m.anchor.idx
    return min(inside, key=lambda t: abs(t.start - anchor)).id


def _attribution_for(attrs: list[Attribution], start: int, end: int, anchor: int) -> str | None:
    best: tuple[int, str] | None = None
    for a in attrs:
        for s, e in a.content.spans:
            if s <= anchor < e and (s <= start and end <= e or s <= anchor < e):
                size = e - s
                if best is None or size < best[0]:
                    best = (size, a.id)
    return best[1] if best else None


def _build(m: Match, lex: EventLexicon, times: list[TimeExpr], attrs: list[Attribution]) -> Candidate:
    state = m.type in lex.words("state_action_types")
    verb = m.anchor
    actor_refs: list[Ref] = []
    recipient_refs: list[Ref] = []
    if m.kind == "noun":
        noun = m.anchor
        owners = [c for c in noun.children if c.dep_ == "poss"] + \
                 [o for p, o in _prep_objects(noun, {"by"})] + \
                 [c for c in noun.children if c.dep_ in ("amod", "compound") and
                  (c.ent_type_ in ("NORP", "GPE", "PERSON", "ORG") or c.pos_ == "PROPN")]
        between = _between(noun)
        actor_refs = _resolve_many(owners, state)
        between_refs = _resolve_many(between, state)
        if not actor_refs:
            actor_refs = between_refs
        else:
            recipient_refs = between_refs
    else:
        subj, _passive = _subject_tokens(verb)
        actor_refs = _resolve_many(subj, state)
        if not actor_refs and subj and _is_reference(subj[0]):
            actor_refs = _resolve_many(_antecedent(subj[0], lex), state)
        if not actor_refs and verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "pobj", "nsubj"):
            holder = verb.head.head if verb.head.dep_ != "pobj" else verb.head.head.head
            if holder.pos_ in ("VERB", "AUX"):
                actor_refs = _resolve_many(_subject_tokens(holder)[0], state)
    recipient_refs += _resolve_many(_recipient_tokens(m, lex), False)
    if m.kind == "participation" and m.noun is not None:
        withs = [o for p, o in _prep_objects(m.noun, {"with"})] + [o for p, o in _prep_objects(verb, {"with"})]
        host = _resolve_many(withs, False)
        if host:
            recipient_refs = actor_refs + [r for r in recipient_refs if r.id not in {h.id for h in host}]
            actor_refs = host
    if m.type == "RETREAT":  # "withdraw from parts of the Luhansk region": a place, not a party
        recipient_refs = [r for r in recipient_refs if not r.id.startswith("region:")]
    actor = actor_refs[0] if actor_refs else None
    others: list[Ref] = []
    recips = [r for r in recipient_refs if actor is None or r.id != actor.id]
    if m.type in lex.words("symmetric_types") and not recips and len(actor_refs) > 1:
        recips = actor_refs[1:]
    elif len(actor_refs) > 1:
        others.extend(actor_refs[1:])
    if not recips and m.content:  # "threatened to break relations with Russia": the content names the other party
        for inner in m.content:
            found = _resolve_many(_recipient_tokens(inner, lex), False)
            recips = [r for r in found if actor is None or r.id != actor.id]
            if recips:
                break
    if not recips and m.type in ("REQUEST", "THREATEN", "REJECT", "ACCUSE"):  # "threatened to cut off X to Y"
        for comp in verb.children:
            if comp.dep_ in ("xcomp", "ccomp") and comp.pos_ == "VERB":
                toks = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
                toks += [o for p, o in _prep_objects(comp, {"to", "with", "against", "on", "from"})]
                found = _resolve_many(toks, False)
                recips = [r for r in found if actor is None or r.id != actor.id]
                if recips:
                    break
    recipient = recips[0] if recips else None
    others.extend(r for r in recips[1:] if r.id not in {o.id for o in others})
    if (m.type == "ASSAULT" and m.lemma in lex.words("verbal_attack_verbs") and actor is not None
            and recipient is not None and actor.type == "PERSON" and recipient.type == "PERSON"):
        m.type, m.mode = "ACCUSE", "disapprove"  # one person "attacking" another named person: in words
    ids = {r.id for r in ([actor] if actor else []) + ([recipient] if recipient else []) + others}
    places = _places(m, ids, lex)
    located = recipient is None and m.type in LOCATIVE_TARGETS and bool(places)
    if located:
        recipient = places[0]  # "imposed a curfew in Cizre": the place's people bear it
    status, cues = event_status(verb, lex)
    mode = m.mode
    if m.type == "REQUEST" and mode is None and m.content:
        mode = REQUEST_MODES.get(m.content[0].type, "change")
    refs = [r for r in [actor, recipient] if r is not None]
    start, end = _span_of(m, refs)
    cand = Candidate(m, m.type, mode, actor, recipient, others, places, status, cues, _depth(verb), start, end)
    cand.located = located
    cand.time = _time_for(m, times, start, end)
    cand.attribution = _attribution_for(attrs, start, end, m.anchor.idx)
    if cand.status in ("ongoing", "occurred") and _present_simple(verb) and cand.time is not None:
        # "Trump meets Putin next week": a present tense with a time after publication is a plan
        when = next((t for t in times if t.id == cand.time), None)
        published = verb.doc._.published
        future = when is not None and (
            any(w in when.text.lower() for w in lex.words("future_time_words"))
            or bool(when.value and published is not None and _starts_after(when.value, published)))
        if when is not None and future:
            cand.status, cand.cues = "planned", [*cand.cues, when.text]
    return cand


def _present_simple(verb: Token) -> bool:
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _starts_after(value: str, published: dt.date) -> bool:
    """Whether the ISO 8601 value (day, week, month, year or interval) begins after ``published``."""
    start = value.split("/", 1)[0]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", start):
            return dt.date.fromisoformat(start) > published
        if re.fullmatch(r"\d{4}-W\d{2}", start):
            return dt.date.fromisocalendar(int(start[:4]), int(start[6:]), 1) > published
        if re.fullmatch(r"\d{4}-\d{2}", start):
            return (int(start[:4]), int(start[5:])) > (published.year, published.month)
        if re.fullmatch(r"\d{4}", start):
            return int(start) > published.year
    except ValueError:
        return False
    return False


def extract_candidates(doc: Doc) -> list[Candidate]:
    """Every event the grammar finds, content suppressed, before the record's filtering."""
    if not doc.has_annotation("DEP"):
        LOGGER.debug("events: no dependency parse, no events")
        return []
    lex = lexicon()
    times = list(doc._.sl_times or [])
    attrs = list(doc._.sl_attributions or [])
    out: list[Candidate] = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words or not in_content(doc, words[0].idx, words[-1].idx + len(words[-1].text)):
            continue
        try:
            out.extend(_sentence_candidates(sent, lex, times, attrs))
        except (KeyError, IndexError, ValueError, AttributeError, StopIteration) as err:  # a bad parse: skip it
            LOGGER.warning("events: sentence at %d skipped: %r", sent.start_char, err)
    return out


def _sentence_candidates(sent: Span, lex: EventLexicon, times: list[TimeExpr],
                         attrs: list[Attribution]) -> list[Candidate]:
    out: list[Candidate] = []
    matches = _find_matches(sent, lex)
    by_anchor = {m.anchor.i: m for m in matches}
    for m in matches:
        gov = _governor(m, by_anchor, lex)
        if gov is None:
            continue
        if m.anchor.dep_ == "relcl" or any(t.dep_ == "relcl" for t in _path(m.anchor, gov.anchor)):
            if _has_own_agent(m.anchor):
                continue
        m.suppressed = True
        gov.content.append(m)
    built = {id(m): _build(m, lex, times, attrs) for m in matches}
    for m in matches:
        if m.suppressed:
            continue
        cand = built[id(m)]
        if (m.type == "AGREE" and m.lemma in AGREE_SOFT and m.content
                and cand.status in ("uncertain", "conditional", "planned")):
            out.append(built[id(m.content[0])])
            continue
        clausal = [c for c in m.content if c.anchor.dep_ in ("ccomp", "xcomp") and c.anchor.head.i == m.anchor.i]
        if m.lemma in lex.words("deny_verbs") and m.lemma != "fail" and clausal:
            out.extend(built[id(c)] for c in clausal)  # "denies her army shelled X": a denied ASSAULT
            continue
        out.append(cand)
    return out


def _path(tok: Token, top: Token) -> list[Token]:
    path: list[Token] = []
    x = tok
    while x.i != top.i and x.head.i != x.i and len(path) < 12:
        path.append(x)
        x = x.head
    return path


def _in_body(doc: Doc, start: int) -> bool:
    return any(r.kind == "body" and r.start <= start < r.end for r in (doc._.regions or []))


def _known(cand: Candidate, doc: Doc) -> None:
    """With the entity layer on, keep only references to its entities (the fallback may name a
    fragment such as "Tarn" of "Tarn Valley" that the entity layer merged into a longer name)."""
    known = {e.id for e in (doc._.sl_entities or [])}
    if not known:
        return
    if cand.actor is not None and cand.actor.id not in known:
        cand.actor = None
    if cand.recipient is not None and cand.recipient.id not in known:
        cand.recipient = None
    cand.places = [p for p in cand.places if p.id in known]


def extract_events(doc: Doc) -> list[Event]:
    """The record's events: candidates with an actor or a recipient (entities of the entity
    layer when it ran), repeats merged."""
    Key = tuple[str, str | None, str | None, str]
    kept: dict[Key, tuple[Candidate, bool]] = {}
    order: list[Key] = []
    for cand in extract_candidates(doc):
        _known(cand, doc)
        if cand.actor is None and (cand.recipient is None or cand.located):
            continue
        key: Key = (cand.type, cand.actor.id if cand.actor else None,
                    cand.recipient.id if cand.recipient else None, str(cand.status))
        body = _in_body(doc, cand.start)
        if key in kept:
            old, old_body = kept[key]
            if body and not old_body:
                cand.places = cand.places + [p for p in old.places if p.id not in {q.id for q in cand.places}]
                cand.time = cand.time or old.time
                kept[key] = (cand, body)
            else:
                old.places = old.places + [p for p in cand.places if p.id not in {q.id for q in old.places}]
                old.time = old.time or cand.time
            continue
        kept[key] = (cand, body)
        order.append(key)
    events: list[Event] = []
    for n, key in enumerate(order, 1):
        cand = kept[key][0]
        events.append(Event(
            id=f"v{n}", type=cand.type, mode=cand.mode,
            actor=cand.actor.id if cand.actor else None,
            recipient=cand.recipient.id if cand.recipient else None,
            places=[p.id for p in cand.places], time=cand.time, status=cand.status,
            attribution=cand.attribution,
            evidence=Evidence(cand.start, cand.end, doc.text[cand.start:cand.end]),
        ))
    return events


def plover_code(cand: Candidate) -> str:
    """The PLOVER category under the gold-standard records' convention: a stated intention
    to do something cooperative is AGREE, something hostile THREATEN (or with ``unless`` /
    ``if``), and a refused cooperation REJECT; otherwise the event's own type."""
    if cand.status == "denied" and cand.type in COOPERATIVE | {"AGREE"}:
        return "REJECT"
    if cand.status in ("planned", "conditional") and cand.intent:
        conditioned = any(w in ("unless", "if") for w in cand.cues)
        if cand.type in CONFLICTUAL or (conditioned and cand.type in ("RETREAT", "SANCTION")):
            return "THREATEN"
        if cand.type in COOPERATIVE:
            return "AGREE"
    return cand.type


@Language.component("storyline_events")
def storyline_events(doc: Doc) -> Doc:
    """Set ``doc._.sl_events`` (see the module doc for inputs and rules)."""
    events = get_list(doc, "sl_events")
    if doc._.language not in (None, "en"):
        return doc  # the trigger lexicon and grammar are English
    events.extend(extract_events(doc))
    return doc
