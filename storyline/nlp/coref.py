"""Coreference for ``storyline_entities``: one identity per actor.

Inputs: a parsed ``Doc`` and a :class:`Store` already holding the name mentions
(gazetteer-linked and model entities, byline and dateline). The passes add mentions
to existing entities; only anonymous groups and "the <Nationality> ministry"-type
organisations are new entities here, never a pronoun:

- :func:`pre_titles`: "Foreign Minister Aldo Ferrant", "US President Donald Trump":
  the title + name is a mention too, and gives the entity its role nouns, gender
  (honorifics, "spokeswoman") and country;
- :func:`appositions`: "his Russian counterpart, Vladimir Putin" / "Ferrant, the
  defence minister,": the description is a mention of the named entity;
- :func:`kb_titles`: gazetteer role titles standing alone ("the Russian president",
  "the Kremlin leader") → the person holding the role, preferring one already named;
- :func:`groups`: anonymous groups ("people familiar with the matter") → ``GROUP``;
- :func:`resolve_in_order`, left to right: :func:`description` ("the minister",
  "the company", "the ministry", "the people", "the country", "his Russian
  counterpart" → the closest compatible entity, subjects first; "the Valdorian
  president" / "Valdoria's president" only to a person whose title or apposition gave
  that role and country — "Valdorian President X", "Minister X of Valdoria",
  "X, Valdoria's president," — and "the agriculture minister" not to the prime
  minister; "the next president" refers to nobody) and :func:`pronoun` (see :func:`resolve_pronoun`: he/she/him/his/
  her → the most salient compatible person, gender-aware, the main clause's subject
  before a reported clause's, left alone on a tie or when an unnamed person is a closer
  subject; its → the nearest organisation or place;
  subject "it" only where it reports ("it said") or is reported on ("X said it would");
  they/them/their → a recent group). Pronouns inside quotations are left alone.

Metonymy ("Moscow", "the Kremlin" for Russia's government; not "in Moscow") is decided
by :func:`is_metonym`. Output: the :class:`Store`, turned into ``record.Entity`` objects by
:meth:`Store.to_records`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from .kb import KBEntry, KnowledgeBase, lexicon, slug

LOGGER = logging.getLogger(__name__)

_TYPE_PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "norp",
                "GROUP": "group", "OTHER": "other"}
_SUBJ = {"nsubj", "nsubjpass"}
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_NEUTER = {"it", "its", "itself"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_POSSESSIVE = {"his", "her", "its", "their"}
_QUOTES = re.compile(r"[\"“”]")


@dataclass
class Ment:
    """A mention: token range ``[start, end)`` and its kind."""

    start: int
    end: int
    kind: str


@dataclass
class Ent:
    """An entity under construction (the final id is given by :meth:`Store.to_records`)."""

    uid: int
    type: str
    kb: KBEntry | None = None
    names: list[str] = field(default_factory=list)
    kind: str | None = None
    mentions: list[Ment] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    country: str | None = None

    @property
    def name(self) -> str:
        if self.kb is not None:
            return self.kb.name
        if not self.names:
            return ""
        best = max(self.names, key=lambda n: (len(n.split()), len(n)))
        return best.title() if best.isupper() and len(best) > 4 else best


class Store:
    """Entities and mentions of one document."""

    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.doc = doc
        self.kb = kb
        self.lex: dict[str, Any] = lexicon()
        self.ents: list[Ent] = []
        self._by_kb: dict[str, Ent] = {}
        self.claimed: set[int] = set()  # tokens inside title/description mentions already resolved
        text = doc.text
        self.quotes = _quote_ranges(text)
        regions = doc._.regions
        self.content = [(r.start, r.end) for r in regions if r.kind != "chrome"] if regions else [(0, len(text))]

    # entities --------------------------------------------------------------
    def new(self, type_: str, kb: KBEntry | None = None, name: str | None = None) -> Ent:
        ent = Ent(uid=len(self.ents), type=type_, kb=kb, kind=kb.kind if kb else None)
        if kb is not None:
            ent.gender, ent.country = kb.gender, (f"country:{kb.country}" if kb.country else None)
            ent.roles.update(r.lower().split()[-1] for r in kb.roles)
            ent.roles.update(n.lower() for n in kb.nouns)
            ent.roles.update(self.lex["kind_nouns"].get(kb.kind or "", []))
            if kb.type == "PERSON":
                ent.roles.update(t.lower().split()[-1] for t in kb.titles)
            self._by_kb[kb.id] = ent
        if name:
            ent.names.append(name)
        self.ents.append(ent)
        return ent

    def for_kb(self, entry: KBEntry) -> Ent:
        return self._by_kb.get(entry.id) or self.new(entry.type, entry)

    def kb_mentioned(self) -> set[str]:
        """Gazetteer ids with at least one mention so far."""
        return {i for i, e in self._by_kb.items() if e.mentions}

    def add(self, ent: Ent, start: int, end: int, kind: str) -> None:
        for m in ent.mentions:
            if m.start == start and m.end == end:
                return
        ent.mentions.append(Ment(start, end, kind))

    def mention_at(self, start: int, end: int) -> tuple[Ent, Ment] | None:
        for ent in self.ents:
            for m in ent.mentions:
                if m.start == start and m.end == end:
                    return ent, m
        return None

    def covering(self, i: int, kinds: tuple[str, ...] | None = None) -> tuple[Ent, Ment] | None:
        """The longest mention covering token ``i``."""
        best: tuple[Ent, Ment] | None = None
        for ent in self.ents:
            for m in ent.mentions:
                if m.start <= i < m.end and (kinds is None or m.kind in kinds):
                    if best is None or m.end - m.start > best[1].end - best[1].start:
                        best = (ent, m)
        return best

    def merge(self, keep: Ent, gone: Ent) -> None:
        if keep is gone:
            return
        for m in gone.mentions:
            self.add(keep, m.start, m.end, m.kind)
        keep.names.extend(gone.names)
        keep.roles |= gone.roles
        keep.gender = keep.gender or gone.gender
        keep.country = keep.country or gone.country
        keep.kind = keep.kind or gone.kind
        self.ents.remove(gone)

    def in_content(self, start: int, end: int) -> bool:
        """Inside a content region (not chrome); cf. :func:`extensions.in_content`, computed once."""
        return any(s <= start and end <= e for s, e in self.content)

    def in_quote(self, char: int) -> bool:
        return any(s < char < e for s, e in self.quotes)

    # output ------------------------------------------------------------------
    def to_records(self) -> list[Any]:
        from ..record import Entity, Mention

        doc = self.doc
        out: list[Entity] = []
        used: set[str] = set()
        live = [e for e in self.ents if e.mentions]
        live.sort(key=lambda e: min(m.start for m in e.mentions))
        for ent in live:
            if ent.kb is not None:
                eid = ent.kb.id
            else:
                eid = f"{_TYPE_PREFIX.get(ent.type, 'other')}:{slug(ent.name)}"
                base, n = eid, 2
                while eid in used:
                    eid, n = f"{base}-{n}", n + 1
            used.add(eid)
            mentions = []
            for m in sorted(ent.mentions, key=lambda m: (m.start, m.end)):
                span = doc[m.start:m.end]
                mentions.append(Mention(start=span.start_char, end=span.end_char, text=span.text, kind=m.kind))
            out.append(Entity(id=eid, name=ent.name, type=ent.type,  # type: ignore[arg-type]
                              kind=ent.kind, mentions=mentions))
        return out


def _quote_ranges(text: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in _QUOTES.finditer(text)]
    out = []
    for i in range(0, len(marks) - 1, 2):
        if "\n" not in text[marks[i]:marks[i + 1]]:
            out.append((marks[i], marks[i + 1]))
    return out


def sent_index(doc: Doc) -> list[int]:
    """Sentence number of each token (one sentence when the doc is unparsed; cached on the doc)."""
    cached = doc.user_data.get("sl_sent_index")
    if isinstance(cached, list) and len(cached) == len(doc):
        return cached
    idx = [0] * len(doc)
    doc.user_data["sl_sent_index"] = idx
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return idx
    for n, sent in enumerate(doc.sents):
        for t in sent:
            idx[t.i] = n
    return idx


# metonymy ------------------------------------------------------------------------

def is_metonym(span: Span, lex: dict[str, Any]) -> bool:
    """A capital or seat of power standing for its government: not after a locative
    preposition ("in Moscow", "a visit to Kyiv") and not a noun modifier ("Kyiv residents")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s"):
        return True  # "the Kremlin's war chest", "Moscow's demands"
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].lower_ in lex["locative_prepositions"]:
        return False
    root = span.root
    if root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end:
        return False
    if span.end < len(doc) and doc[span.end].text in ("-", "–") and span.end + 1 < len(doc):
        return False  # "Moscow-based"
    return True


# titles ---------------------------------------------------------------------------

def _country_key(store: Store, tok: Token) -> str | None:
    """The country a title word names: a gazetteer adjective/name, or an unknown NORP/GPE."""
    text = tok.text
    ids = store.kb.adjectives.get(text) or store.kb.forms.get(text)
    if ids:
        entry = store.kb.entries[ids[0]]
        if entry.type in ("GPE", "LOC", "ORG"):
            return entry.metonym_for if entry.metonym_for and entry.kind != "country" else entry.id
    if not tok.text[:1].isupper():
        return None
    covering = store.covering(tok.i, ("adjective", "name"))
    if covering is None:
        return None
    ent, ment = covering
    if tok.ent_type_ in ("NORP", "GPE") or ment.kind == "adjective" or ent.type in ("GPE", "NORP"):
        # the model may leave a nationality adjective untagged after a dateline ("SERAV - Valdorian
        # President …") while the entity layer has it as the adjective of a place
        if ent.kb is not None and ent.kb.type in ("GPE", "LOC"):
            return ent.kb.id
        return f"uid:{ent.uid}"
    return None


def _is_title_word(store: Store, tok: Token) -> bool:
    low = tok.lower_
    return (low in store.lex["person_nouns"] or low in store.lex["title_modifiers"]
            or _country_key(store, tok) is not None)


def pre_titles(store: Store) -> None:
    """Titles written before a person's name join the name mention."""
    doc, lex = store.doc, store.lex
    honorifics = set(lex["honorifics"])
    for ent in list(store.ents):
        if ent.type != "PERSON":
            continue
        for m in list(ent.mentions):
            if m.kind != "name":
                continue
            i = m.start - 1
            nouns: list[str] = []
            country: str | None = None
            while i >= 0:
                tok = doc[i]
                if tok.text in honorifics:
                    ent.gender = ent.gender or lex["honorific_gender"].get(tok.text)
                elif tok.is_punct or not _is_title_word(store, tok):
                    break
                elif tok.lower_ == "of" and not (i + 1 < m.start and doc[i + 1].lower_ in lex["title_modifiers"]
                                                 and i > 0 and doc[i - 1].lower_ in lex["person_nouns"]):
                    break  # "Secretary of State Marco Rubio", not "the chair of Clinton" nor "the government of
                    # Prime Minister Daniel Ferreira"
                elif tok.lower_ in lex["person_nouns"]:
                    nouns.append(tok.lower_)
                    ent.gender = ent.gender or lex["person_nouns"][tok.lower_]
                else:
                    country = country or _country_key(store, tok)
                i -= 1
                if tok.is_sent_start:
                    break
            first = i + 1
            while first < m.start and doc[first].lower_ == "of":
                first += 1
            if not nouns:
                continue
            _drop_inside(store, first, m.start, ent)
            ent.roles.update(nouns)
            country = country or _country_after(store, m.end)
            if country and not ent.country:
                ent.country = country
            if ent.kind is None:
                ent.kind = " ".join(t.lower_ for t in doc[first:m.start] if t.lower_ in lex["title_modifiers"]
                                    or t.lower_ in lex["person_nouns"]) or None
            store.claimed.update(range(first, m.start))
            store.add(ent, first, m.end, "title")


def _country_after(store: Store, end: int) -> str | None:
    """"Foreign Minister Piotr Danek of Zamora": the country named after a titled name."""
    doc = store.doc
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    i = end + 1
    if doc[i].lower_ == "the" and i + 1 < len(doc):
        i += 1
    hit = store.covering(i, ("name", "metonym"))
    if hit is None and doc[i].pos_ == "PROPN" and doc[i].is_title:  # the model missed this one occurrence
        same = [e for e in store.ents if e.type != "PERSON"
                and any(m.kind == "name" and doc[m.start:m.end].text == doc[i].text for m in e.mentions)]
        if len(same) == 1:
            return _ent_country_key(same[0])
    if hit is None or hit[0].type == "PERSON" or hit[1].start != i:
        return None  # a place, or an organisation ("Chief Executive Jane Doe of Acme … the Acme chief")
    return _ent_country_key(hit[0])


def _ent_country_key(ent: Ent) -> str:
    """The key a place entity has as a country (cf. :func:`_country_key`)."""
    if ent.kb is not None:
        if ent.kb.metonym_for and ent.kb.kind != "country":
            return ent.kb.metonym_for
        return ent.kb.id
    return f"uid:{ent.uid}"


def _drop_inside(store: Store, start: int, end: int, keep: Ent) -> None:
    """Unknown names inside a title are the model's mistakes ("Defence" in "Defence Minister")."""
    for other in list(store.ents):
        if other is keep or other.kb is not None:
            continue
        inside = [m for m in other.mentions if start <= m.start and m.end <= end and m.kind == "name"]
        for m in inside:
            other.mentions.remove(m)
        if inside and not other.mentions:
            store.ents.remove(other)


def _np_left(tok: Token) -> int:
    """Start of the noun phrase headed by ``tok`` (its leftmost pre-modifier)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod", "advmod", "quantmod"):
            start = min(start, child.left_edge.i)
    return start


def appositions(store: Store) -> None:
    """"NAME, the X" and "the X, NAME": the description joins the named entity."""
    doc, lex = store.doc, store.lex
    role_nouns = set(lex["person_nouns"]) | set(lex["org_nouns"]) | set(lex["place_apposition_nouns"])
    for tok in doc:
        if tok.dep_ != "appos":
            continue
        head = tok.head
        for name_tok, desc_tok in ((head, tok), (tok, head)):
            hit = store.covering(name_tok.i, ("name",)) or _unseen_person(store, name_tok, desc_tok)
            if hit is None or desc_tok.lower_ not in role_nouns or store.covering(desc_tok.i, ("name",)):
                continue
            ent = hit[0]
            start, end = _np_left(desc_tok), desc_tok.i + 1
            lo, hi = (hit[1].end, start) if hit[1].end <= start else (end, hit[1].start)
            if hi > lo and not any(t.text in (",", "(", "—", "–") for t in doc[lo:hi]):
                continue  # an apposition is set off by punctuation; anything else is a parse slip
            if any(t.ent_type_ == "PERSON" and not ((h := store.covering(t.i)) is not None and h[0].type != "PERSON")
                   for t in doc[start:end]):
                continue  # "Trump's envoy": a person in the description; "Tervia's minister" mis-tagged is not
            if desc_tok.lower_ in lex["person_nouns"] and ent.type != "PERSON":
                if ent.kb is not None:
                    continue
                ent.type = "PERSON"  # "Its prime minister, Nadia Osei": the model called her an ORG
            if desc_tok.lower_ in lex["org_nouns"] and ent.type == "PERSON":
                if ent.kb is not None:
                    continue
                ent.type = "ORG"  # "The port operator, Meridian Terminals": the model called it a person
            if desc_tok.lower_ in lex["place_apposition_nouns"]:
                if ent.kb is None:
                    ent.type = "GPE"  # "the Lusoran capital, Porto Alvo"
                elif ent.type != "GPE":
                    continue
            ent.roles.add(desc_tok.lower_)
            if ent.type == "PERSON" and not ent.country:
                ent.country = _description_country(store, start, desc_tok.i)
            store.add(ent, start, end, "title")
            store.claimed.update(range(start, end))
            break


def _description_country(store: Store, start: int, head: int) -> str | None:
    """The country a description names: "the Valdorian president", "Valdoria's president"."""
    doc = store.doc
    for t in doc[start:head]:
        if t.text in ("'s", "’s"):
            continue
        hit = store.covering(t.i, ("name", "metonym"))
        if hit is not None and hit[0].type in ("GPE", "LOC") and hit[1].end < len(doc) \
                and doc[hit[1].end].text in ("'s", "’s"):
            return _ent_country_key(hit[0])
        key = _country_key(store, t)
        if key:
            return key
    return None


def _unseen_person(store: Store, name_tok: Token, desc_tok: Token) -> tuple[Ent, Ment] | None:
    """"Ilsa Marrow, Valdoria's president,": a full name the model missed, in apposition to a
    person noun, becomes a person (two to four capitalised proper nouns, no mention there yet)."""
    doc = store.doc
    if desc_tok.lower_ not in store.lex["person_nouns"] or name_tok.pos_ != "PROPN":
        return None
    start = name_tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == name_tok.i \
            and doc[start - 1].dep_ == "compound":
        start -= 1
    toks = doc[start:name_tok.i + 1]
    if not 2 <= len(toks) <= 4 or any(not t.text[:1].isupper() or t.text.isupper() or store.covering(t.i)
                                      or _is_title_word(store, t) for t in toks):
        return None
    ent = store.new("PERSON", name=toks.text)
    store.add(ent, start, name_tok.i + 1, "name")
    return ent, ent.mentions[0]


def kb_titles(store: Store) -> None:
    """Gazetteer role titles standing alone ("the Russian president") → the role holder."""
    doc = store.doc
    for start, end, ids in doc.user_data.get("sl_titles", []):
        if not ids or any(i in store.claimed for i in range(start, end)):
            continue
        if any(store.covering(i, ("name",)) and store.covering(i, ("name",))[0].type == "PERSON"  # type: ignore[index]
               for i in range(start, end)):
            continue
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            continue  # a title before a name: pre_titles' business
        entry = _pick_holder(store, ids)
        if entry is None:
            continue
        if start > 0 and doc[start - 1].lower_ in {"the"} | _POSSESSIVE:
            start -= 1
        store.add(store.for_kb(entry), start, end, "title")
        store.claimed.update(range(start, end))


def _pick_holder(store: Store, ids: list[str]) -> KBEntry | None:
    present = [i for i in ids if i in store._by_kb and store._by_kb[i].mentions]
    if len(present) == 1:
        return store.kb.entries[present[0]]
    if present:
        return None
    current = [i for i in ids if not store.kb.entries[i].former]
    return store.kb.entries[current[0]] if len(current) == 1 else None


# groups ---------------------------------------------------------------------------

def groups(store: Store) -> None:
    """Anonymous groups: "people familiar with the matter", "officials briefed on the talks"."""
    doc, lex = store.doc, store.lex
    heads, markers = set(lex["group_heads"]), set(lex["group_markers"])
    for tok in doc:
        if tok.lower_ not in heads or tok.pos_ not in ("NOUN", "PROPN") or tok.i in store.claimed:
            continue
        right = [t for t in tok.subtree if t.i > tok.i]
        if not any(t.lower_ in markers for t in right[:3]):
            continue
        start = tok.i
        for child in tok.lefts:
            if child.dep_ in ("nummod", "amod", "quantmod") or child.lower_ in ("two", "three", "several", "some"):
                start = min(start, child.left_edge.i)
        end = min(tok.right_edge.i + 1, tok.i + 9)
        while end > tok.i + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("and", "or")):
            end -= 1
        text = doc[tok.i:end].text.lower()
        ent = next((e for e in store.ents if e.type == "GROUP" and e.names and e.names[0].lower() == text), None)
        if ent is None:
            ent = store.new("GROUP", name=doc[tok.i:end].text)
            ent.roles.add(tok.lower_)
            ent.kind = "anonymous"
        store.add(ent, start, end, "name")
        store.claimed.update(range(start, end))


# descriptions -------------------------------------------------------------------

def _mentions_before(store: Store, i: int) -> list[tuple[int, Ent, Ment]]:
    out = [(m.start, e, m) for e in store.ents for m in e.mentions if m.end <= i]
    out.sort(key=lambda x: -x[0])
    return out


def resolve_in_order(store: Store) -> None:
    """Descriptions and pronouns, left to right, so each resolution informs the next
    (a pronoun fixes a person's gender; "the minister" then "he")."""
    sents = sent_index(store.doc)
    for tok in store.doc:
        if tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_lower:
            description(store, tok)
        else:
            pronoun(store, tok, sents)


def description(store: Store, tok: Token) -> None:
    """A definite description ("the minister", "the company", "the people") or
    "his Russian counterpart" → the most recent compatible entity."""
    doc, lex = store.doc, store.lex
    person_nouns, org_nouns = lex["person_nouns"], set(lex["org_nouns"])
    group_heads, place_nouns = set(lex["group_heads"]), set(lex["place_nouns"])
    low = tok.lower_
    hit = store.covering(tok.i)
    nested_owner = tok.dep_ == "poss" and (hit is None or hit[1].kind == "title")  # "The company's chief"
    if (tok.i in store.claimed or hit is not None) and not nested_owner:
        return
    if low not in person_nouns and low not in org_nouns and low not in group_heads and low not in place_nouns:
        return
    dets = [c for c in tok.lefts if c.dep_ in ("det", "poss")]
    if not dets:
        return
    det = dets[0]
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
        return
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and not _country_key(store, c) for c in tok.lefts):
        return
    start, end = _np_left(tok), tok.i + 1
    if any(t.lower_ in lex["non_referring_modifiers"] for t in doc[start:tok.i]):
        return  # "the next president", "the only candidate": not a reference back
    countries = {k for t in doc[start:tok.i] if (k := _country_key(store, t))}
    if low == "counterpart" and det.lower_ in _POSSESSIVE:
        _counterpart(store, tok, det, start, countries)
        return
    owner = store.covering(det.i, ("name", "metonym")) if det.dep_ == "poss" and det.pos_ == "PROPN" else None
    if owner is not None and owner[0].type == "GPE":  # "Sudan's health ministry"
        countries.add(owner[0].kb.id if owner[0].kb else f"uid:{owner[0].uid}")
        start = owner[1].end + (1 if owner[1].end < tok.i and doc[owner[1].end].text in ("'s", "’s") else 0)
        start -= 1  # keep the slot of a determiner
    elif det.lower_ != "the" or tok.tag_ in ("NNS", "NNPS") and low not in group_heads:
        return
    if low in place_nouns:
        _place_description(store, start, end, countries)
        return
    want = "PERSON" if low in person_nouns else ("GROUP" if low in group_heads else "ORG")
    sents = sent_index(doc)
    best: tuple[tuple[int, int, int], Ent] | None = None
    modifiers = {t.lower_ for t in doc[start:tok.i] if t.lower_ in lex["title_modifiers"]} - _RANK_WORDS
    for _, ent, m in _mentions_before(store, start):
        if ent.type != want or low not in ent.roles or m.kind in ("adjective",):
            continue
        if countries and ent.country not in countries and f"uid:{ent.uid}" not in countries:
            continue
        if want == "PERSON" and modifiers and ent.kb is None and ent.kind and not modifiers <= set(ent.kind.split()):
            continue  # "the agriculture minister" is not the prime minister
        key = (sents[start] - sents[m.start], 0 if _is_subject(doc[m.start:m.end].root) else 1, start - m.end)
        if best is None or key < best[0]:
            best = (key, ent)
    if best is not None and (owner is None or want == "PERSON"):
        first = owner[1].start if owner is not None else start  # "Valdoria's foreign minister said"
        store.add(best[1], first, end, "title")
        store.claimed.update(range(first, end))
        return
    phrase = doc[start + 1:end].text
    if owner is not None:
        start += 1
        phrase = doc[owner[1].start:end].text
    if want == "ORG" and countries and any(phrase.lower().endswith(n) for n in lex["new_org_nouns"]):
        ent = store.new("ORG", name=phrase)  # "the Chinese defence ministry": a new organisation
        ent.roles.add(low)
        ent.country = next(iter(countries))
        first = owner[1].start if owner is not None else start + 1
        store.add(ent, first, end, "name")
        store.claimed.update(range(first, end))


def _countryish(store: Store, ent: Ent) -> bool:
    """A country: in the gazetteer as one, or an unknown place with a nationality adjective
    ("Velorian") or a title of its own ("Marland's President")."""
    if ent.kb is not None:
        return ent.kb.kind == "country"
    doc = store.doc
    for m in ent.mentions:
        if m.kind == "adjective":
            return True
        after = doc[m.end + 1].lower_ if m.end + 1 < len(doc) else ""
        if m.end < len(doc) and doc[m.end].text in ("'s", "’s") and (
                after in store.lex["person_nouns"] or after in store.lex["title_modifiers"]):
            return True
    return False


def _place_description(store: Store, start: int, end: int, countries: set[str]) -> None:
    """"the country", "the kingdom", "the island" → the most recent country (not a city)."""
    for _, ent, m in _mentions_before(store, start):
        if ent.type != "GPE" or m.kind in ("dateline", "byline") or not _countryish(store, ent):
            continue
        if countries and ent.kb is not None and ent.kb.id not in countries:
            continue
        store.add(ent, start, end, "title")
        store.claimed.update(range(start, end))
        return


def _counterpart(store: Store, tok: Token, det: Token, start: int, countries: set[str]) -> None:
    """"his Russian counterpart": the person of that country holding the possessor's role."""
    owner = resolve_pronoun(store, det, sent_index(store.doc))
    if owner is None or not countries:
        return
    store.add(owner, det.i, det.i + 1, "pronoun")
    country = next(iter(countries))
    match: Ent | None = None
    for ent in store.ents:
        if ent.type == "PERSON" and ent is not owner and ent.country == country and ent.mentions and (
                (owner.kind and ent.kind == owner.kind) or owner.roles & ent.roles):
            match = ent
            break
    if match is None and owner.kb is not None:
        cands = [e for e in store.kb.entries.values() if e.type == "PERSON" and not e.former
                 and f"country:{e.country}" == country and e.kind == owner.kb.kind]
        if len(cands) == 1:
            match = store.for_kb(cands[0])
    if match is not None:
        store.add(match, start, tok.i + 1, "title")
        store.claimed.update(range(start, tok.i + 1))


# pronouns -----------------------------------------------------------------------

def _compatible(ent: Ent, low: str) -> bool:
    if low in _MALE or low in _FEMALE:
        if ent.type != "PERSON":
            return False
        want = "m" if low in _MALE else "f"
        return ent.gender in (None, want)
    if low in _NEUTER:
        return ent.type in ("ORG", "GPE", "LOC")
    if low in _PLURAL:
        return ent.type == "GROUP"
    return False


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in _SUBJ


def _resolve_it(store: Store, tok: Token, sents: list[int]) -> Ent | None:
    """Subject "it" only where it reports or is reported on: "Bloomberg News reported …
    Citing people …, it said" (the last reporting organisation) and "the company said it
    had …" (the subject of the reporting verb). Other "it" is mostly the situation."""
    if not _is_subject(tok):
        return None
    verbs = store.lex["reporting_verbs"]
    head = tok.head
    if head.dep_ in ("ccomp", "conj") and head.head.lemma_ in verbs:
        found: list[Ent] = []
        for child in head.head.children:
            if _is_subject(child):
                hit = store.covering(child.i)
                if hit is not None and hit[0].type in ("ORG", "GPE") and hit[1].kind not in ("dateline", "byline"):
                    found.append(hit[0])
        found.sort(key=lambda e: e.type != "ORG")
        return found[0] if found else None
    if head.lemma_ not in verbs:
        return None
    here = sents[tok.i]
    best: tuple[tuple[int, int, int], Ent] | None = None
    for ent in store.ents:
        if ent.type != "ORG":
            continue
        for m in ent.mentions:
            dist = here - sents[m.start]
            if m.end > tok.i or not 0 <= dist <= 1 or m.kind == "adjective":
                continue
            key = (dist, 0 if _is_subject(store.doc[m.start:m.end].root) else 1, tok.i - m.end)
            if best is None or key < best[0]:
                best = (key, ent)
    return best[1] if best else None


def resolve_pronoun(store: Store, tok: Token, sents: list[int]) -> Ent | None:
    """The antecedent of a third-person pronoun, or ``None`` when unclear.

    Candidates are earlier mentions of compatible entities (gender and animacy for
    he/she, organisations and places for its, groups for they) in the same or the two
    previous sentences, ranked by sentence distance, then subjects first, then
    recency ("its": recency only). When the best is not a subject and another entity
    ranks the same, the pronoun is left unresolved."""
    doc, low = store.doc, tok.lower_
    if low == "it":
        return _resolve_it(store, tok, sents)
    window = 1 if low in _NEUTER else 2
    here = sents[tok.i]
    scored: list[tuple[tuple[int, int, int, int], Ent]] = []
    for ent in store.ents:
        if not _compatible(ent, low):
            continue
        for m in ent.mentions:
            if m.end > tok.i or m.kind in ("adjective", "byline", "dateline") or m.start <= tok.i < m.end:
                continue
            dist = here - sents[m.start]
            if dist < 0 or dist > window:
                continue
            root = doc[m.start:m.end].root
            if low in _NEUTER and _inside_unnamed_subject(store, root):
                continue  # "The central bank of Ostravia raised its rate": the bank's, not Ostravia's
            if low in ("him", "her", "them") and tok.dep_ in ("dobj", "pobj", "dative") and _is_subject(root) \
                    and root.head == tok.head:
                continue  # "Trump told him": not Trump
            subject = 0 if _is_subject(root) else 1
            if low in _MALE or low in _FEMALE:
                subject += 0 if ent.gender else 2  # a known matching gender beats an unknown one
            if low == "its" and dist == 0:
                subject = 0  # "Russia's occupation … during its war": the nearest
            clause = 0 if low in _NEUTER or low in _PLURAL or _main_clause(root) else 1  # he/she: the main subject
            key = (dist, subject, clause, tok.i - m.end)
            scored.append((key, ent))
    if not scored:
        return None
    scored.sort(key=lambda x: x[0])
    best_key, best = scored[0]
    if (low in _MALE or low in _FEMALE) and _unnamed_subject_between(store, tok, sents, best_key[0]):
        return None
    tie = any(k[:2] == best_key[:2] and e is not best for k, e in scored)
    if tie and best_key[1] % 2 == 1 and not (low == "its" and best_key[0] == 0):
        return None  # two equally placed candidates: unclear
    return best


def _main_clause(root: Token) -> bool:
    """``root`` is the subject of its sentence's main verb (or of a verb coordinated with it), not of
    a reported clause: in "Castellan said Kestrel had no drones. She …", Castellan."""
    if not _is_subject(root):
        return False
    verb = root.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _inside_unnamed_subject(store: Store, root: Token) -> bool:
    """``root`` names the "of" complement of a subject that is a thing and no mention ("the central bank
    of X", "the economy of X"): that subject, not ``root``, is what a following "its" refers to."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of":
        return False
    noun = prep.head
    return noun.pos_ == "NOUN" and _is_subject(noun) and noun.lower_ not in store.lex["person_nouns"] \
        and store.covering(noun.i) is None


def _unnamed_subject_between(store: Store, tok: Token, sents: list[int], dist: int) -> bool:
    """"… a ministry spokeswoman said. She …": a person described but not named is a closer
    subject than any named candidate, so the pronoun is left unresolved."""
    person_nouns = store.lex["person_nouns"]
    here = sents[tok.i]
    first = tok.i
    while first > 0 and here - sents[first - 1] <= dist:
        first -= 1
    for t in store.doc[first:tok.i]:
        if not _is_subject(t):
            continue
        if t.lower_ in person_nouns and store.covering(t.i) is None and t.tag_ in ("NN", "NNP"):
            named = any(c.dep_ == "appos" and (h := store.covering(c.i)) is not None and h[0].type == "PERSON"
                        for c in t.children)
            if not named:  # "Altamira's chief executive, Henrik Dahl, said …": named by its apposition
                return True
    return False


def pronoun(store: Store, tok: Token, sents: list[int]) -> None:
    """Resolve one third-person pronoun outside quotations (see :func:`resolve_pronoun`)."""
    low = tok.lower_
    if low not in _TARGETS or tok.pos_ != "PRON" and tok.tag_ not in ("PRP", "PRP$"):
        return
    if store.mention_at(tok.i, tok.i + 1) is not None or store.in_quote(tok.idx):
        return
    hit = store.covering(tok.i)
    if hit is not None and hit[1].kind not in ("title",):
        return  # inside a name; possessives inside descriptions ("its chief executive") are resolved
    ent = resolve_pronoun(store, tok, sents)
    if ent is None:
        return
    if ent.type == "PERSON" and ent.gender is None and (low in _MALE or low in _FEMALE):
        ent.gender = "m" if low in _MALE else "f"
    store.add(ent, tok.i, tok.i + 1, "pronoun")


_TARGETS = _MALE | _FEMALE | _NEUTER | _PLURAL
_RANK_WORDS = {"senior", "top", "former", "acting", "interim", "chief", "first", "national", "government",
               "of", "state"}  # modifiers that do not name a portfolio
