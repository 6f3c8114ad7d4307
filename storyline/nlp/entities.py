"""``storyline_entities``: entities linked, merged and resolved.

Inputs: ``doc.ents`` typed by ``storyline_gazetteer`` (``kb_id_`` = gazetteer id),
``doc.user_data["sl_kb"]`` / ``["sl_gazetteer"]`` / ``["sl_titles"]`` (see
:mod:`storyline.nlp.gazetteer`), ``doc._.regions`` (byline and dateline regions are read
for authors, the dateline place and agency; chrome regions hold no entities).

Output: ``doc._.sl_entities``: ``list[record.Entity]``, one per actor, with stable ids
(gazetteer ids such as ``country:us``, ``region:ua-43``, ``person:vladimir-putin``,
``org:bloomberg-news``; otherwise ``type:slug-of-name`` such as ``person:diyar-guldogan``)
and every mention (``kind``: name, title, pronoun, metonym, adjective, byline, dateline).

Name mentions of one entity are merged across spellings and short forms (gazetteer
aliases; a surname after a full name; "Bloomberg" / "Bloomberg News"; acronyms).
Titles, descriptions, pronouns and metonyms are added by :mod:`storyline.nlp.coref`.
Other components find the entity of a span with :func:`entity_for_span`.
"""

from __future__ import annotations

import logging
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..record import Entity
from ..structure.byline import parse_byline
from ..structure.dateline import match_dateline
from . import coref
from .coref import Ent, Store
from .extensions import get_list
from .kb import KnowledgeBase, load_kb

LOGGER = logging.getLogger(__name__)

NAME_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}
_STOP_INITIALS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "&"}
_POSSESSIVE_TAIL = {"'s", "’s", "'", "’"}


@Language.component("storyline_entities")
def storyline_entities(doc: Doc) -> Doc:
    """Set ``doc._.sl_entities`` (see the module docstring)."""
    key = doc.user_data.get("sl_kb")
    kb = load_kb(bool(key[0]), str(key[1])) if isinstance(key, list) and len(key) == 2 else load_kb(True, "")
    entities = get_list(doc, "sl_entities")
    entities[:] = build_entities(doc, kb)
    return doc


def build_entities(doc: Doc, kb: KnowledgeBase) -> list[Entity]:
    """All passes over one parsed document; returns the record entities."""
    store = Store(doc, kb)
    special = _dateline_and_byline(store)
    _names(store, special)
    _nested_adjectives(store, special)
    _missed_names(store, special)
    _acronyms(store)
    _propagate_names(store, special)
    _unify(store)
    _demonym_people(store)
    coref.pre_titles(store)
    coref.appositions(store)
    _short_names(store)
    coref.kb_titles(store)
    coref.groups(store)
    coref.resolve_in_order(store)
    return store.to_records()  # type: ignore[no-any-return]


def entity_for_span(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention inside ``[start, end)`` (character offsets; the longest, then the last)."""
    best: tuple[int, Entity] | None = None
    for entity in doc._.sl_entities or []:
        for m in entity.mentions:
            if start <= m.start and m.end <= end:
                size = m.end - m.start
                if best is None or size >= best[0]:
                    best = (size, entity)
    return best[1] if best else None


# names -----------------------------------------------------------------------------

def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and doc[start].lower_ == "the":
        start += 1
    while end - start > 1 and doc[end - 1].text in _POSSESSIVE_TAIL:
        end -= 1
    return start, end


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _STOP_INITIALS]
    return "".join(w[0] for w in words).upper()


def _link_unknown(store: Store, text: str, type_: str) -> Ent | None:
    """An existing entity this unknown name refers to, by spelling, short form or acronym."""
    low = text.lower()
    words = text.split()
    if len(words) == 1 and text[:1].isupper():
        same = [e for e in store.ents if e.type == "PERSON" and e.mentions and any(
                len(n.split()) > 1 and n.split()[-1] == text for n in [e.name, *e.names])]
        if same:  # two Clintons: the one named most often so far (then the latest)
            return max(reversed(same), key=lambda e: sum(m.kind == "name" for m in e.mentions))
    for ent in reversed(store.ents):
        if not ent.mentions:
            continue
        names = [ent.name, *ent.names] + ([*ent.kb.aliases] if ent.kb else [])
        if any(low == n.lower() for n in names) and (ent.type == type_ or type_ in ("GPE", "LOC", "NORP")
                                                     and ent.type in ("GPE", "LOC")):
            return ent
    if type_ == "PERSON":
        for ent in reversed(store.ents):
            if ent.type != "PERSON" or not ent.mentions:
                continue
            for name in [ent.name, *ent.names]:
                parts = name.split()
                if len(words) == 1 and len(parts) > 1 and words[0] in (parts[-1], parts[0]):
                    return ent
                if len(parts) == 1 and len(words) > 1 and parts[0] in (words[-1], words[0]):
                    return ent
    if len(words) == 1 and len(text) > 3 and text[:1].isupper():
        for ent in reversed(store.ents):  # "Vantor" after "Vantor Motors", whatever the model's label
            if ent.type == "ORG" and ent.kb is None and len(ent.name.split()) > 1 and ent.name.split()[0] == text \
                    and all(w.lower() in store.lex["org_name_heads"] for w in ent.name.split()[1:]):
                return ent
    if type_ == "ORG":
        heads = store.lex["org_name_heads"]
        for ent in reversed(store.ents):
            if ent.type != "ORG" or not ent.mentions:
                continue
            for name in [ent.name, *ent.names]:
                parts = name.split()
                if len(words) == 1 and len(parts) > 1 and parts[-1] == text and text.lower() in heads:
                    return ent  # "the Post" after "New York Post"
                if len(words) < len(parts) and parts[:len(words)] == words and len(words[0]) > 3 \
                        and all(p.lower() in heads for p in parts[len(words):]):
                    return ent  # "Northwind Energy" / "Northwind Energy Corp"
                if len(parts) < len(words) and words[:len(parts)] == parts and len(parts[0]) > 3 \
                        and all(w.lower() in heads for w in words[len(parts):]):
                    return ent
                if text.isupper() and 2 <= len(text) <= 6 and _initials(name) == text:
                    return ent
                if name.isupper() and 2 <= len(name) <= 6 and _initials(text) == name:
                    return ent
    return None


def _org_nouns(store: Store, ent: Ent, text: str) -> None:
    heads = store.lex["org_name_heads"]
    for word in text.lower().split():
        if word in heads:
            ent.roles.add(heads[word])
            if heads[word] == "company":
                ent.roles.update(("company", "firm"))
                ent.kind = ent.kind or "company"
    first = text.lower().split()[0] if text.split() else ""
    if first in heads:
        ent.roles.add(heads[first])
    if not ent.roles or "carmaker" in ent.roles:  # a bare brand name is most often a company
        ent.roles.update(store.lex["company_nouns"])


def add_name(store: Store, start: int, end: int, label: str, kb_id: str = "", kind: str = "name") -> Ent | None:
    """Add one name mention (linking it to the gazetteer entry or an earlier entity)."""
    doc, kb = store.doc, store.kb
    entry = kb.get(kb_id)
    span = doc[start:end]
    if entry is not None:
        if label == "NORP" and kind == "name":
            kind = "adjective"
        if entry.metonym_for and kind == "name" and kb.get(entry.metonym_for) is not None \
                and coref.is_metonym(span, store.lex):
            target = kb.entries[entry.metonym_for]
            ent = store.for_kb(target)
            store.add(ent, start, end, "metonym")
            return ent
        if entry.type == "PERSON" and end - start == 1 and entry.id not in store.kb_mentioned():
            other = next((e for e in reversed(store.ents) if e.kb is None and e.type == "PERSON"
                          and any(n.split()[-1] == span.text and len(n.split()) > 1 for n in e.names)), None)
            if other is not None:  # "Luis Rubio … Mr. Rubio": not the Rubio of the gazetteer
                store.add(other, start, end, kind)
                return other
        ent = store.for_kb(entry)
        store.add(ent, start, end, kind)
        return ent
    type_ = NAME_LABELS.get(label)
    if type_ is None:
        return None
    text = span.text
    if type_ == "NORP":
        text = text.rstrip("s") if text.endswith("ans") else text
    found = _link_unknown(store, text, type_)
    if found is None:
        ent = store.new(type_, name=text)
        if type_ == "ORG":
            _org_nouns(store, ent, text)
    else:
        ent = found
        if ent.kb is None:
            ent.names.append(text)
    store.add(ent, start, end, "adjective" if type_ == "NORP" and kind == "name" else kind)
    return ent


def _names(store: Store, special: set[int]) -> None:
    doc = store.doc
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS and not ent.kb_id_:
            continue
        if any(i in special for i in range(ent.start, ent.end)):
            continue
        if not store.in_content(ent.start_char, ent.end_char):
            continue
        start, end = _trim(ent)
        if ent.label_ == "PERSON" and not ent.kb_id_:
            start = _strip_titles(store, start, end)
        if ent.label_ in ("LOC", "GPE", "ORG", "FAC") and not ent.kb_id_:
            start = _extend_left(store, start, end)
        if end <= start or not any(t.is_alpha for t in doc[start:end]):
            continue
        if ent.label_ in ("ORG", "GPE", "NORP", "FAC") and not ent.kb_id_:
            split = _titled_person(store, start, end)
            if split is not None:  # "Belmoran President Anouk Savel" tagged an organisation
                prefix_end, name_start = split
                if prefix_end == start + 1 and _demonym_stem(doc[start].text):
                    add_name(store, start, prefix_end, "NORP")
                add_name(store, name_start, end, "PERSON")
                continue
        add_name(store, start, end, ent.label_, ent.kb_id_)


def _titled_person(store: Store, start: int, end: int) -> tuple[int, int] | None:
    """"(Belmoran) President Anouk Savel" read whole as one non-person name: the first capitalised
    role noun (and title modifiers after it) followed by two or three capitalised words that are
    neither: returns (end of the words before the title, start of the person's name)."""
    doc, lex = store.doc, store.lex
    person_nouns, modifiers = lex["person_nouns"], lex["title_modifiers"]
    for i in range(start, min(end, start + 2)):
        if not (doc[i].is_title and doc[i].lower_ in person_nouns):
            continue
        j = i + 1
        while j < end and doc[j].is_title and (doc[j].lower_ in person_nouns or doc[j].lower_ in modifiers):
            j += 1
        rest = doc[j:end]
        if 2 <= len(rest) <= 3 and all(t.is_title and t.pos_ == "PROPN" and t.lower_ not in person_nouns
                                       and t.lower_ not in modifiers for t in rest):
            first = i
            while first > start and doc[first - 1].lower_ in modifiers:
                first -= 1
            return first, j
    return None


def _strip_titles(store: Store, start: int, end: int) -> int:
    """"Bishop Emmanuel Tshabalala" tagged whole by the model: the name starts after the title words
    (role nouns and honorifics), keeping at least two words."""
    doc, lex = store.doc, store.lex
    while end - start > 2 and doc[start].is_title and (doc[start].lower_ in lex["person_nouns"]
                                                       or doc[start].text in lex["honorifics"]):
        start += 1
    return start


def _extend_left(store: Store, start: int, end: int) -> int:
    """"the disputed Tarn Valley": a proper-noun compound left of a place or organisation name."""
    doc = store.doc
    while start > 0:
        tok = doc[start - 1]
        if tok.pos_ != "PROPN" or tok.dep_ != "compound" or not start <= tok.head.i < end or tok.ent_type_ \
                or tok.lower_ in store.lex["person_nouns"] or tok.lower_ in store.lex["title_modifiers"]:
            break
        start -= 1
        if tok.is_sent_start:
            break
    return start


def _missed_names(store: Store, special: set[int]) -> None:
    """People the model missed after an honorific or a capitalised title: "Ms Ilse Kovacs",
    "President Ilse Kovacs" (one to three capitalised proper nouns, not already a name)."""
    doc, lex = store.doc, store.lex
    honorifics = set(lex["honorifics"])
    for tok in doc:
        if not (tok.text in honorifics or tok.is_title and tok.lower_ in lex["person_nouns"]):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and not doc[end].ent_type_ and doc[end].lower_ not in lex["person_nouns"]:
            end += 1
        hit = store.covering(tok.i + 1, ("name",))
        if hit is not None and hit[0].kb is None and hit[0].type != "PERSON" and hit[1].start == tok.i + 1 \
                and len(hit[0].mentions) == 1:
            hit[0].type = "PERSON"  # "Governor Ana Brill" tagged ORG by the model
            continue
        if end == tok.i + 1 or any(i in special for i in range(tok.i + 1, end)):
            continue
        if store.covering(tok.i + 1) is not None or not store.in_content(doc[tok.i + 1].idx, doc[end - 1].idx):
            continue
        ent = add_name(store, tok.i + 1, end, "PERSON")
        if ent is not None and tok.text in honorifics:
            ent.gender = ent.gender or lex["honorific_gender"].get(tok.text)


def _acronyms(store: Store) -> None:
    """"the Organisation of Free Traders (OFT)": the bracketed acronym joins the organisation."""
    doc = store.doc
    for ent in list(store.ents):
        if ent.type != "ORG":
            continue
        for m in list(ent.mentions):
            i = m.end
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                acr = doc[i + 1].text
                if acr.isupper() and acr.isalpha() and 2 <= len(acr) <= 8:
                    hit = store.covering(i + 1)
                    if hit is not None and hit[0] is not ent and hit[0].kb is None:
                        store.merge(ent, hit[0])
                    elif hit is None:
                        store.add(ent, i + 1, i + 2, "name")
                    ent.names.append(acr)


def _propagate_names(store: Store, special: set[int]) -> None:
    """Names the model caught once and missed elsewhere: a surname alone after the full name
    ("Ferrant said"), an organisation's acronym ("OFT said"), other occurrences of an unknown
    place, people or organisation name ("Acme Corp", "Lusora", "Velorian")."""
    doc = store.doc
    wanted: dict[str, Ent] = {}
    for ent in store.ents:
        if ent.type == "PERSON":
            for name in [ent.name, *ent.names]:
                parts = name.split()
                if len(parts) > 1 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
                    wanted.setdefault(parts[-1], ent)
        elif ent.type == "ORG" and ent.kb is None:
            for name in ent.names:
                if name.isupper() and name.isalpha() and 2 <= len(name) <= 8:
                    wanted.setdefault(name, ent)
        if ent.kb is None and ent.type in ("GPE", "LOC", "NORP", "ORG"):
            for name in ent.names:  # a single-word place, people or organisation name the model missed
                if len(name.split()) == 1 and name[:1].isupper() and len(name) > 3 and not name.isupper():
                    wanted.setdefault(name, ent)
    text = doc.text
    for ent in list(store.ents):  # multi-word names the model caught once and missed elsewhere ("Acme Corp")
        if ent.kb is not None or ent.type not in ("ORG", "GPE", "LOC", "PERSON"):
            continue
        for name in set(ent.names):
            if not 2 <= len(name.split()) <= 5 or not name[:1].isupper():
                continue
            for found in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                span = doc.char_span(found.start(), found.end())
                if span is None or any(i in special or store.covering(i) is not None
                                       for i in range(span.start, span.end)):
                    continue
                if store.in_content(found.start(), found.end()):
                    store.add(ent, span.start, span.end, "name")
    if not wanted:
        return
    for tok in doc:
        hit = wanted.get(tok.text)
        if hit is None or tok.i in special or store.covering(tok.i) is not None:
            continue
        if hit.type == "PERSON" and tok.i < min(m.start for m in hit.mentions):
            continue
        if not store.in_content(tok.idx, tok.idx + len(tok.text)):
            continue
        store.add(hit, tok.i, tok.i + 1, "adjective" if hit.type == "NORP" else "name")


_DEMONYM_SUFFIXES = ("ians", "ian", "eans", "ean", "ans", "an", "ese", "ish", "ic", "is", "i")


def _unify(store: Store) -> None:
    """Unknown entities of one name merged across model labels ("LUSORA" in the dateline,
    "Lusora" tagged ORG in the body → one place); an unknown nationality adjective joins the
    place it derives from ("Velorian" → "Velora", which becomes a GPE)."""
    unknown = [e for e in store.ents if e.kb is None and e.type in ("GPE", "LOC", "ORG", "PERSON", "NORP")]
    places = [e for e in unknown if len(e.name.split()) == 1 and (e.type != "NORP" or _demonym_stem(e.name) is None)]
    adjectives = [e for e in unknown if e.type == "NORP" and e not in places]
    # an adjective the model tagged as a place ("Zamoran rebels" GPE) next to its place ("Zamora")
    adjectives += [e for e in unknown if e.type == "GPE" and len(e.name.split()) == 1 and e.name.endswith(("an", "ese"))
                   and any(p is not e and _derives(e.name, p.name) for p in places)]
    places = [p for p in places if p not in adjectives]
    for norp in adjectives:
        word = norp.name
        for suffix in _DEMONYM_SUFFIXES:
            if word.lower().endswith(suffix) and len(word) - len(suffix) >= 4:
                stem = word[:len(word) - len(suffix)].lower()
                target = next((p for p in places if p.name.lower().startswith(stem)
                               and len(p.name) - len(stem) <= 3), None)
                if target is not None:
                    target.type = "GPE"
                    for m in norp.mentions:
                        m.kind = "adjective"
                    norp.names = []
                    store.merge(target, norp)
                    break
    _stem_places(store)
    _retype_places(store)
    groups: dict[str, list[Ent]] = {}
    for ent in [e for e in store.ents if e.kb is None and e.type != "GROUP"]:
        groups.setdefault(ent.name.lower(), []).append(ent)
    rank = {"GPE": 0, "LOC": 1, "ORG": 2, "PERSON": 3, "NORP": 4}
    for same in groups.values():
        if len(same) < 2:
            continue
        # a name the byline gives as a person stays a person ("Written by Amara Okonkwo … Amara Okonkwo is …")
        same.sort(key=lambda e: (not (e.type == "PERSON" and any(m.kind == "byline" for m in e.mentions)),
                                 rank.get(e.type, 5)))
        if same[0].type == "PERSON" and not any(m.kind == "byline" for m in same[0].mentions) \
                and any(e.type == "NORP" for e in same) and len(same[0].name.split()) == 1 \
                and not any(e.type == "ORG" and e.kb is None and n.startswith(same[0].name + " ")
                            for e in store.ents for n in e.names):  # "Helix" of "Helix Dynamics": a brand
            same[0].type = "GPE"  # "Kestrel" read as a people in "Kestrel soldiers": a place, not a person
        for other in same[1:]:
            if other.type == "NORP" and same[0].type != "NORP":
                for m in other.mentions:
                    m.kind = "name" if m.kind == "adjective" else m.kind
            store.merge(same[0], other)
    _retype_places(store)  # once more, now that one-name entities hold all their mentions


def _derives(adjective: str, place: str) -> bool:
    """"Zamoran" derives from "Zamora" (a demonym suffix on a stem of four letters or more)."""
    stem = _demonym_stem(adjective)
    return stem is not None and place.lower().startswith(stem.lower()) and len(place) - len(stem) <= 3 \
        and place.lower() != adjective.lower()


def _demonym_stem(word: str) -> str | None:
    for suffix in _DEMONYM_SUFFIXES:
        if word.lower().endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:len(word) - len(suffix)]
    return None


def _stem_places(store: Store) -> None:
    """An unknown adjective ("Lusoran") whose place the model missed everywhere: capitalised
    proper nouns spelled like its stem ("Lusora") become that place."""
    doc = store.doc
    for adj in [e for e in store.ents if e.kb is None and e.type in ("NORP", "GPE") and len(e.name.split()) == 1]:
        stem = _demonym_stem(adj.name)
        if stem is None or any(e is not adj and e.name.lower().startswith(stem.lower()) for e in store.ents):
            continue
        hits = [t for t in doc if t.text.startswith(stem) and t.text != adj.name and len(t.text) - len(stem) <= 3
                and t.pos_ == "PROPN" and not t.text.lower().endswith(("an", "ian", "ese"))
                and store.covering(t.i) is None and store.in_content(t.idx, t.idx + len(t.text))]
        if not hits:
            continue
        place = store.new("GPE", name=hits[0].text)
        for t in hits:
            store.add(place, t.i, t.i + 1, "name")
        for m in adj.mentions:
            m.kind = "adjective"
        adj.names = []
        store.merge(place, adj)


def _retype_places(store: Store) -> None:
    """An unknown one-word "person" coordinated with a place ("between Velora and Marland") or
    owning a title ("Marland's President"), and an unknown one-word "person" or "organisation"
    owning what only a state has ("Zamora's government", "Norland's President Johan Eklund"),
    or named after a place noun ("the border town of Velika"), is a place; an unknown name
    with a geographic head word ("the River Fenn", "Ister River") is a location; an unknown
    "place" named like an organisation ("Green Alliance") is an organisation, one-word
    "nationalities" shaped like a country ("Castoria") are places, and a one-word "person"
    right after an organisation noun ("the energy company Veltgas") is an organisation; an unknown
    "organisation" only ever naming a thing or a place ("the Cerro Blanco copper mine", "the Eastgate
    estate … in Eastgate") is a location."""
    doc, person_nouns = store.doc, set(store.lex["person_nouns"])
    state_nouns = set(store.lex.get("state_nouns", []))
    place_nouns = set(store.lex["place_apposition_nouns"]) | set(store.lex["place_nouns"])
    geo_words = set(store.lex.get("geo_name_words", []))
    state_of = set(store.lex.get("state_of_nouns", []))
    org_words = set(store.lex["org_nouns"]) | set(store.lex["org_name_heads"]) | set(store.lex["company_nouns"])
    for ent in [e for e in store.ents if e.kb is None and e.type in ("GPE", "LOC", "NORP")]:
        words = [n.split() for n in ent.names if n.split()]
        if words and all(len(w) > 1 and w[-1].lower() in org_words for w in words):
            ent.type = "ORG"  # "the opposition Green Alliance" tagged a place
        elif ent.type == "NORP" and len(ent.names) >= 1 and all(
                len(n.split()) == 1 and n.endswith(("ia", "land", "stan")) for n in ent.names):
            ent.type = "GPE"  # "neighbouring Castoria" tagged a nationality
            for m in ent.mentions:
                m.kind = "name" if m.kind == "adjective" else m.kind
    for ent in [e for e in store.ents if e.kb is None and e.type == "PERSON"
                and all(len(n.split()) == 1 for n in e.names)]:
        if any(m.start > 0 and doc[m.start - 1].lower_ in org_words for m in ent.mentions):
            ent.type = "ORG"  # "the state energy company Veltgas"
    for ent in [e for e in store.ents if e.kb is None and e.type == "ORG" and e.mentions]:
        heads = [doc[m.start:m.end].root for m in ent.mentions if m.kind == "name"]
        site = [r.dep_ == "compound" and r.head.pos_ == "NOUN" and r.head.lower_ not in org_words
                and r.head.lower_ not in person_nouns for r in heads]
        located = [r.dep_ == "pobj" and r.head.lower_ in store.lex["locative_prepositions"] for r in heads]
        if any(site) and all(a or b for a, b in zip(site, located, strict=True)):
            ent.type = "LOC"  # "the Cerro Blanco copper mine", "the Eastgate estate": a named site, not a body
    for ent in [e for e in store.ents if e.kb is None and e.type in ("PERSON", "ORG")]:
        if ent.type == "ORG" and any(w.lower() in geo_words for n in ent.names for w in n.split()[1:] + n.split()[:1]) \
                and not any(w.lower() in store.lex["org_name_heads"] or w.lower() in store.lex["org_nouns"]
                            for n in ent.names for w in n.split()):
            ent.type = "LOC"
            continue
        if any(len(n.split()) > 1 for n in ent.names):
            continue
        for m in ent.mentions:
            root = doc[m.start:m.end].root
            near = [root.head] if root.dep_ == "conj" else []
            near += [c for c in root.children if c.dep_ == "conj"]
            placed = ent.type == "PERSON" and any((h := store.covering(t.i)) is not None and h[0].type == "GPE"
                                                  for t in near)
            owned = {root.head.lower_} | {c.lower_ for c in root.head.children if c.dep_ == "compound"}
            owner = root.dep_ == "poss" and bool(owned & (state_nouns | (person_nouns if ent.type == "PERSON"
                                                                            else set())))
            # "Kestrel President Tomas Arlen", "two Kestrel soldiers": a one-word "person" modifying a title
            owner = owner or ent.type == "PERSON" and root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN") \
                and root.head.lower_ in state_nouns
            prep = doc[m.start - 1] if m.start > 0 else None
            named = prep is not None and prep.lower_ == "of" and m.start > 1 and doc[m.start - 2].lower_ in (
                place_nouns | state_of)  # "the border town of Velika", "the government of Carvossa"
            if placed or owner or named or ent.type == "PERSON" and _before_title(store, m.start, m.end):
                ent.type = "GPE"
                break


def _before_title(store: Store, start: int, end: int) -> bool:
    """"the Kestrel defence minister": a word between "the" and a role (title modifiers, then a person
    noun) names the role's country, not a person."""
    doc, lex = store.doc, store.lex
    if start == 0 or doc[start - 1].lower_ != "the":
        return False
    i = end
    while i < len(doc) and doc[i].lower_ in lex["title_modifiers"] and doc[i].is_lower:
        i += 1
    return i > end and i < len(doc) and doc[i].lower_ in lex["person_nouns"]


def _demonym_people(store: Store) -> None:
    """A one-word "person" that is a place's nationality adjective ("The Zamoran foreign minister"
    tagged PERSON while "Zamoran" elsewhere is Zamora's adjective) joins that place as an adjective."""
    places = [e for e in store.ents if e.type in ("GPE", "NORP") and e.mentions]
    for ent in [e for e in store.ents if e.kb is None and e.type in ("PERSON", "GPE", "LOC", "NORP") and e.names
                and all(len(n.split()) == 1 for n in e.names)]:
        word = ent.names[0]
        if not _demonym_stem(word) or ent.type == "GPE" and any(m.kind == "adjective" for m in ent.mentions):
            continue
        doc = store.doc
        owners = [p for p in places if p is not ent and (
            any(m.kind == "adjective" and doc[m.start:m.end].text == word for m in p.mentions)
            or any(_derives(word, n) for n in p.names))]
        if not owners:  # "Minister Piotr Danek of Zamora … the Zamoran minister", both read as people
            owners = [e for e in store.ents if e is not ent and e.kb is None and e.type in ("PERSON", "ORG")
                      and len(e.names) >= 1 and all(len(n.split()) == 1 and _derives(word, n) for n in e.names)]
            if len(owners) == 1:
                owners[0].type = "GPE"
                places.append(owners[0])
        if len(owners) != 1:
            continue
        for m in ent.mentions:
            m.kind = "adjective"
        ent.names = []
        store.merge(owners[0], ent)


def _short_names(store: Store) -> None:
    """A one-word name left on its own, joined to the one full name it shortens, once every full name
    is known (appositions add some late): a surname ("Ana Petrescu … Petrescu said", even when the
    model tagged the first "Petrescu" a place) or the first word of an organisation's name
    ("Helix Dynamics Inc. … Helix's warehouse business")."""
    unknown = [e for e in store.ents if e.kb is None and e.mentions]
    for short in [e for e in unknown if e.type in ("PERSON", "ORG") and e.names
                  and all(len(n.split()) == 1 for n in e.names)]:
        word = short.names[0]
        if len(word) < 3 or not word[:1].isupper() or word.isupper():
            continue
        people = [e for e in unknown if e is not short and e.type == "PERSON"
                  and any(len(n.split()) > 1 and n.split()[-1] == word for n in e.names)]
        orgs = [e for e in unknown if e is not short and e.type == "ORG"
                and any(len(n.split()) > 1 and n.split()[0] == word for n in e.names)]
        if short.type == "PERSON" and len(people) == 1:
            store.merge(people[0], short)
        elif len(orgs) == 1 and not people and not _place_context(store, short):
            store.merge(orgs[0], short)  # a brand the model read as a person; a country stays itself


def _place_context(store: Store, ent: Ent) -> bool:
    """Some mention of ``ent`` reads as a place: after a locative preposition ("in Vellmar") or "of"
    ("the Supreme Court of Belmor"), or owning what a state owns ("Vellmar's government")."""
    doc, lex = store.doc, store.lex
    state_nouns = set(lex.get("state_nouns", []))
    for m in ent.mentions:
        before = doc[m.start - 1].lower_ if m.start > 0 else ""
        root = doc[m.start:m.end].root
        if before in lex["locative_prepositions"] or before == "of" \
                or root.dep_ == "poss" and root.head.lower_ in state_nouns:
            return True
    return False


def _nested_adjectives(store: Store, special: set[int]) -> None:
    """Nationality adjectives inside longer names ("Russian Defence Ministry")."""
    for start, end, kind, ids in store.doc.user_data.get("sl_gazetteer", []):
        if kind != "adj" or any(i in special for i in range(start, end)) or store.mention_at(start, end):
            continue
        entry = store.kb.entries.get(ids[0])
        if entry is not None:
            store.add(store.for_kb(entry), start, end, "adjective")


# byline and dateline ----------------------------------------------------------------

def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _dateline_and_byline(store: Store) -> set[int]:
    """Authors (byline) and the dateline place and agency as mentions; returns their tokens."""
    doc = store.doc
    used: set[int] = set()
    for region in doc._.regions or []:
        text = doc.text[region.start:region.end]
        if region.kind == "byline":
            used |= _byline(store, region.start, text)
        elif region.kind == "dateline":
            used |= _dateline(store, region.start, text)
    return used


def _find(text: str, needle: str, offset: int) -> tuple[int, int] | None:
    i = text.lower().find(needle.lower())
    return (offset + i, offset + i + len(needle)) if i >= 0 and needle else None


def _byline(store: Store, offset: int, text: str) -> set[int]:
    doc, used = store.doc, set[int]()
    parsed = parse_byline(text)
    if parsed is None:
        return used
    for name in parsed.authors:
        where = _find(text, name, offset)
        toks = where and _token_range(doc, *where)
        if not toks:
            continue
        entry = store.kb.lookup(name)
        ent = add_name(store, toks[0], toks[1], "PERSON", entry.id if entry and entry.type == "PERSON" else "",
                       kind="byline")
        if ent is not None and ent.kb is None:
            ent.kind = "journalist"
        used.update(range(*toks))
    for agency in parsed.agencies:
        used |= _agency(store, text, agency, offset, "byline")
    return used


def _agency(store: Store, text: str, agency: str, offset: int, kind: str) -> set[int]:
    entry = store.kb.lookup(agency)
    where = _find(text, agency, offset)
    if where is None and entry is not None:
        for form in [entry.name, *entry.aliases]:
            where = _find(text, form, offset)
            if where:
                break
    toks = where and _token_range(store.doc, *where)
    if not toks:
        return set()
    if entry is not None:
        add_name(store, toks[0], toks[1], "ORG", entry.id, kind=kind)
    else:
        ent = _link_unknown(store, agency, "ORG") or store.new("ORG", name=agency)
        ent.kind = ent.kind or "news agency"
        store.add(ent, toks[0], toks[1], kind)
    return set(range(*toks))


def _dateline(store: Store, offset: int, text: str) -> set[int]:
    doc, used = store.doc, set[int]()
    found = match_dateline(text if text.endswith((" ", "\n")) else text + " ")
    if found is None:
        return used
    place, agency = found.dateline.place, found.dateline.agency_code or found.dateline.agency
    if place:
        where = _find(text, place, offset)
        toks = where and _token_range(doc, *where)
        if toks:
            entry = store.kb.lookup(place)
            if entry is not None:  # the dateline city stays the city (never a metonym)
                store.add(store.for_kb(entry), toks[0], toks[1], "dateline")
            else:
                ent = _link_unknown(store, place, "GPE") or store.new("GPE", name=place)
                store.add(ent, toks[0], toks[1], "dateline")
            used.update(range(*toks))
    if agency:
        inner = re.search(r"\(([^)]*)\)", text)
        written = inner.group(1).strip() if inner else agency  # "AA" as printed
        entry = store.kb.lookup(found.dateline.agency or "") or store.kb.lookup(written)
        if entry is None:
            used |= _agency(store, text, written, offset, "dateline")
        else:
            used |= _agency_entry(store, text, written, entry.id, offset)
    return used


def _agency_entry(store: Store, text: str, form: str, entry_id: str, offset: int) -> set[int]:
    where = _find(text, form, offset)
    toks = where and _token_range(store.doc, *where)
    if not toks:
        return set()
    add_name(store, toks[0], toks[1], "ORG", entry_id, kind="dateline")
    return set(range(*toks))
