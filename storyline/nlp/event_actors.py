"""Who takes part in an event: noun phrases resolved to entity ids.

Input: a parsed ``Doc`` (after ``storyline_entities``) and a token heading a noun
phrase. Output: :class:`Ref` objects (entity id, mention text and offsets).

Resolution order: the entity layer's :func:`storyline.nlp.entities.entity_for_span`
(names, titles, pronouns, metonyms), then a fallback over ``doc.ents`` and the
bundled gazetteer surface forms (``storyline/data/gazetteer/*.jsonl``), giving ids
like ``country:ru`` or ``person:vladimir-putin`` so that events keep working
while the entity layer is absent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .entities import entity_for_span
from .event_lexicon import lexicon
from .kb import bundled_entries, slug

LOGGER = logging.getLogger(__name__)

_NP_SKIP_DEPS = frozenset({"relcl", "acl", "prep", "punct", "cc", "conj", "advcl", "appos", "case"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "we", "us", "i", "me", "you", "who", "which",
                       "that", "his", "its", "their", "our", "my"})


@dataclass(frozen=True)
class Ref:
    """One resolved participant: ``id`` of an entity, the words that name it and where."""

    id: str
    text: str
    start: int
    end: int
    type: str = "OTHER"
    kind: str | None = None
    name: str | None = None  # the entity's name when the entity layer resolved it ("it" → "Hungary")


@lru_cache(maxsize=1)
def _surface_forms() -> dict[str, tuple[str, str, str | None]]:
    """Lower-cased names, aliases and adjectives of the bundled gazetteer → (id, type, kind).
    Metonyms (a capital for its state) map to the entity they stand for."""
    forms: dict[str, tuple[str, str, str | None]] = {}
    for entry in bundled_entries():
        target = (entry.metonym_for, "GPE", "country") if entry.metonym_for else (entry.id, entry.type, entry.kind)
        for surface in (entry.name, *entry.aliases, *entry.adjectives):
            if surface:
                forms.setdefault(surface.lower().removeprefix("the "), target)
    return forms


def lookup(text: str) -> tuple[str, str, str | None] | None:
    """The gazetteer entry (id, type, kind) named by ``text``, or None."""
    key = text.lower().strip().removeprefix("the ").replace("’s", "").replace("'s", "").strip()
    return _surface_forms().get(key)


def _np_span(tok: Token) -> Span:
    """The core of the noun phrase headed by ``tok``: modifiers and compounds, no clauses or PPs."""
    doc = tok.doc
    left, right = tok.i, tok.i
    for child in tok.children:
        if child.dep_ in _NP_SKIP_DEPS and not (child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "PROPN"):
            continue  # clauses and PPs are not the name, but "the Republic of Kestrel" is
        left = min(left, child.left_edge.i)
        right = max(right, child.right_edge.i)
    return doc[left:right + 1]


def _ent_ref(ent: Span) -> Ref | None:
    found = lookup(ent.text)
    if found is not None:
        return Ref(found[0], ent.text, ent.start_char, ent.end_char, found[1], found[2])
    label = ent.label_
    if label == "PERSON":
        return Ref("person:" + slug(_full_person_name(ent)), ent.text, ent.start_char, ent.end_char, "PERSON")
    if label in ("ORG", "NORP"):
        return Ref(("org:" if label == "ORG" else "group:") + slug(ent.text.removeprefix("the ")), ent.text,
                   ent.start_char, ent.end_char, label)
    if label in ("GPE", "LOC", "FAC"):
        return Ref("place:" + slug(ent.text.removeprefix("the ")), ent.text, ent.start_char, ent.end_char,
                   "GPE" if label == "GPE" else "LOC", "place")
    return None


def _full_person_name(ent: Span) -> str:
    """The longest PERSON name in the document ending with the same surname ("Putin" → "Vladimir Putin")."""
    last = ent.text.split()[-1] if ent.text.split() else ent.text
    best = ent.text
    for other in ent.doc.ents:
        words = other.text.split()
        if other.label_ == "PERSON" and words and words[-1] == last and len(other.text) > len(best):
            best = other.text
    return best


def _entity_layer(doc: Doc, start: int, end: int) -> Ref | None:
    entity = entity_for_span(doc, start, end)
    if entity is None:
        return None
    inside = [m for m in entity.mentions if start <= m.start and m.end <= end]
    mention = max(inside, key=lambda m: m.end - m.start) if inside else None
    if mention is None:
        return Ref(entity.id, doc.text[start:end], start, end, entity.type, entity.kind, entity.name)
    return Ref(entity.id, mention.text, mention.start, mention.end, entity.type, entity.kind, entity.name)


def resolve_token(tok: Token, prefer_state: bool = False) -> Ref | None:
    """The entity named by the noun phrase headed by ``tok`` (appositions followed).

    ``prefer_state``: when the phrase is a person or body with a nationality ("Ukrainian
    President Volodymyr Zelenskyy", "Russian troops"), return the state."""
    doc = tok.doc
    lex = lexicon()
    inner = _partitive(tok)
    if inner is not None:
        return resolve_token(inner, prefer_state)
    for child in tok.children:  # "his Russian counterpart, Vladimir Putin"
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            found = resolve_token(child, prefer_state)
            if found is not None:
                return found
    span = _np_span(tok)
    head_collective = tok.lemma_.lower() in lex.words("collective_heads") or tok.lower_ in lex.words("collective_heads")
    layer = _entity_layer(doc, span.start_char, span.end_char)
    if layer is not None and not (prefer_state and layer.type == "PERSON"):
        return layer
    if prefer_state or head_collective:
        for t in span:
            if t.i == tok.i and not head_collective:
                continue
            if t.dep_ in ("amod", "compound", "nmod", "poss") or t.i == tok.i:
                ref = _single_token_state(t)
                if ref is not None and (head_collective or t.i != tok.i):
                    if prefer_state or not _has_person(span):
                        return ref
    if layer is not None:
        return layer
    if tok.pos_ == "PRON" or (tok.lower_ in _PRONOUNS and tok.pos_ != "PROPN"):
        return None
    ents = [e for e in doc.ents if e.start >= span.start and e.end <= span.end]
    if not ents:
        hit = lookup(span.text) or lookup(tok.text)
        if hit is not None:
            return Ref(hit[0], span.text, span.start_char, span.end_char, hit[1], hit[2])
        multiword = sum(1 for t in span if t.pos_ == "PROPN") > 1
        if tok.pos_ == "PROPN" and tok.is_title and (multiword or not tok.is_sent_start):
            # a name the model did not tag ("the Third World Water Forum")
            name = " ".join(t.text for t in span if t.pos_ == "PROPN" or t.i == tok.i)
            return Ref("org:" + slug(name), span.text, span.start_char, span.end_char, "ORG")
        return None
    order = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}
    ents.sort(key=lambda e: (0 if e.start <= tok.i < e.end else 1, order.get(e.label_, 9)))
    for ent in ents:
        ref = _ent_ref(ent)
        if ref is not None:
            return ref
    return None


def _partitive(tok: Token) -> Token | None:
    """"A group of Moroccan diplomats" → diplomats; "members of the Association" → Association;
    "delegations from Kestrel and Valdoria" → Kestrel (with its conjuncts)."""
    lex = lexicon()
    heads = lex.words("partitive_heads")
    preps = {"of"}
    named = any(c.dep_ in ("amod", "compound", "nmod", "poss") and (c.ent_type_ or c.pos_ == "PROPN")
                for c in tok.children)
    if tok.lemma_.lower() in lex.words("collective_heads") and tok.pos_ == "NOUN" and not named:
        preps = {"from", "of"}
        if tok.lemma_.lower() in lex.words("state_collectives") or tok.lower_ in lex.words("state_collectives"):
            preps.add("in")  # "security forces in Guinea": that state's forces
    elif tok.lemma_.lower() not in heads and tok.lower_ not in heads:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _has_person(span: Span) -> bool:
    return any(t.ent_type_ == "PERSON" for t in span)


def _single_token_state(t: Token) -> Ref | None:
    doc = t.doc
    ref = _entity_layer(doc, t.idx, t.idx + len(t.text))
    if ref is not None and (ref.kind == "country" or ref.id.startswith("country:") or
                            (ref.type == "GPE" and t.pos_ == "ADJ")):  # "Valdorian" → Valdoria
        return ref
    found = lookup(t.text)
    if found is not None and found[0].startswith("country:"):
        return Ref(found[0], t.text, t.idx, t.idx + len(t.text), "GPE", "country")
    return None


def participants(tok: Token, prefer_state: bool = False) -> list[Ref]:
    """Every entity of a coordinated phrase: "US and Russian officials" → [US, Russia];
    "Senior Hungarian and Romanian officials" → [Hungary, Romania]."""
    refs: list[Ref] = []
    inner = _partitive(tok)
    if inner is not None and not tok.conjuncts:
        tok = inner
    heads = [tok, *tok.conjuncts]
    lex = lexicon()
    if tok.lemma_.lower() in lex.words("collective_heads") or tok.pos_ == "NOUN":
        # modifiers coordinated inside the phrase: "US and Russian officials"
        for child in tok.children:
            if child.dep_ in ("amod", "nmod", "compound") and child.conjuncts:
                for t in sorted([child, *child.conjuncts], key=lambda x: x.i):
                    ref = _single_token_state(t) or resolve_token(t)
                    if ref is not None:
                        refs.append(ref)
    for head in sorted(heads, key=lambda x: x.i):
        if head.dep_ == "conj" and head.i != tok.i and head.head.i < tok.i and head.head not in heads:
            continue
        ref = resolve_token(head, prefer_state)
        if ref is not None:
            refs.append(ref)
    out: list[Ref] = []
    seen: set[str] = set()
    for ref in sorted(refs, key=lambda r: r.start):
        if ref.id not in seen:
            seen.add(ref.id)
            out.append(ref)
    return out


def place_ref(tok: Token) -> Ref | None:
    """The place named at ``tok`` (entity layer, then gazetteer, then NER), or None when it is not a place."""
    doc = tok.doc
    start, end = tok.idx, tok.idx + len(tok.text)
    ents = [e for e in doc.ents if e.start <= tok.i < e.end]
    if ents:
        start, end = ents[0].start_char, ents[0].end_char
    ref = _entity_layer(doc, start, end)
    if ref is not None:
        return ref if ref.type in ("GPE", "LOC") else None
    text = doc.text[start:end]
    found = lookup(text)
    if found is not None:
        if found[1] in ("GPE", "LOC"):
            return Ref(found[0], text, start, end, found[1], found[2])
        return None
    if ents and ents[0].label_ in ("GPE", "LOC", "FAC"):
        return _ent_ref(ents[0])
    return None
