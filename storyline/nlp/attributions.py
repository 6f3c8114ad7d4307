"""``storyline_attributions``: who said what, through whom, and how firmly.

Inputs: a parsed ``Doc`` (tokens, sentences, dependencies, the model's entity types),
``doc._.regions`` (title, body, chrome), ``doc._.sl_entities`` and
:func:`storyline.nlp.entities.entity_for_span` (resolved entities, used when present),
``doc._.sl_times`` (to date a claim). Outputs: ``doc._.sl_attributions``
(``list[record.Attribution]``) and ``doc._.sl_hedges`` (``list[record.Hedge]``).

Steps:

1. frames: rule frames over the parse (:mod:`.attr_rules`) plus the trained tagger's
   cue/source/content spans (:mod:`.attr_model`) where the rules found nothing;
2. sources resolved: names, descriptions ("the Valdorian president"), appositions
   ("Lusora's foreign minister, Adaeze Ferrand,"), headline surnames and he/she through
   the entity layer; other pronouns and descriptions ("it", "they", "the people", "the
   report") to earlier sources and cited origins; anonymous origins recognised from
   ``data/sources.json``;
3. relay chains: ``cites`` ("citing X"), ``via`` (a claim inside another's content, a
   speaker first cited by a report, anonymous speakers continuing a report), and
   ``implicit`` attributions for a sentence with no cue of its own between two sentences
   relaying the same report;
4. certainty from ``data/hedges.json`` (:mod:`.certainty`), and every hedged, uncertain
   or denied statement recorded as a ``Hedge``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import load_json
from ..record import Attribution, Certainty, Cites, Content, Cue, Entity, Hedge, Source, TimeExpr
from . import certainty as cert
from .attr_model import load_tagger, tag_doc
from .attr_rules import QUOTES_CLOSE, QUOTES_OPEN, Frame, cue_lexicon, find_frames
from .entities import entity_for_span as _entity_in_span
from .extensions import get_list, in_content

LOGGER = logging.getLogger(__name__)

TokRange = tuple[int, int]


@dataclass
class Referent:
    """A resolved speaker: stable key, display name, entity id, source kind, head lemma, plural."""

    key: str
    name: str
    entity: str | None
    kind: str
    head: str
    plural: bool


@lru_cache(maxsize=1)
def _sources_lexicon() -> dict[str, Any]:
    return dict(load_json("sources.json"))


@lru_cache(maxsize=1)
def _outlets() -> dict[str, tuple[str, str]]:
    """Lower-cased outlet/agency names and aliases -> (entity id, canonical name)."""
    out: dict[str, tuple[str, str]] = {}
    for row in load_json("agencies.json"):
        ident = str(row.get("id") or "")
        name = str(row.get("name") or "")
        for alias in [name, row.get("code") or "", *(row.get("aliases") or [])]:
            if alias:
                out[str(alias).lower()] = (ident, name)
    return out


def is_anonymous(span: Span) -> bool:
    """True for anonymous origins: "people familiar with the matter", "sources", "a person briefed
    on the talks", "officials who spoke on condition of anonymity" (phrases in ``data/sources.json``)."""
    lex = _sources_lexicon()
    text = span.text.lower()
    heads = {str(h) for h in lex["anonymous_heads"]}
    root = span.root
    if any(t.pos_ == "PROPN" for t in span) and root.pos_ == "PROPN":
        return False
    phrase_hit = any(str(p) in text for p in lex["anonymous_phrases"])
    bare = text.strip() in {str(b) for b in lex["anonymous_bare"]}
    if bare or (phrase_hit and (root.lemma_.lower() in heads or root.lower_ in heads)):
        return True
    if root.lower_ in {str(h) for h in lex.get("anonymous_always_heads", [])}:
        return True  # "a senior military source", "Western security sources"
    # the relative clause may sit outside the trimmed source ("officials who spoke on condition of anonymity")
    full = span.doc[root.left_edge.i:root.right_edge.i + 1].text.lower()
    return root.lower_ in heads and any(str(p) in full for p in lex["anonymous_phrases"])


def entity_for_span(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity layer's entity for a source span, only when one of its mentions covers the span's
    head word ("a spokesman for the army" is not the army; "the Russian president" may be Putin)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    best: tuple[int, Entity] | None = None
    for entity in doc._.sl_entities or []:
        for m in entity.mentions:
            if m.start <= root.idx and root.idx + len(root) <= m.end and start <= m.start + 1 and m.end <= end + 1:
                size = m.end - m.start
                if best is None or size > best[0]:
                    best = (size, entity)
    if best is not None:
        return best[1]
    found = _entity_in_span(doc, start, end)
    if found is not None and any(m.start <= root.idx < m.end for m in found.mentions):
        return found
    return _apposed_person(doc, span)


def _apposed_person(doc: Doc, span: Span) -> Entity | None:
    """"Lusora's foreign minister, Adaeze Ferrand,": a description whose apposition inside the
    span names a person is that person."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in root.children:
        if child.dep_ != "appos" or child.i < span.start:
            continue
        for entity in doc._.sl_entities or []:
            if entity.type == "PERSON" and any(m.kind in ("name", "title") and m.start <= child.idx < m.end
                                               for m in entity.mentions):
                return entity
    return None


def _person_by_surname(doc: Doc, word: str) -> Entity | None:
    """The one person entity whose name ends with ``word`` ("Marrow" in a headline → Ilsa Marrow)."""
    found = [e for e in doc._.sl_entities or [] if e.type == "PERSON" and len(e.name.split()) > 1
             and e.name.split()[-1] == word]
    return found[0] if len(found) == 1 else None


def _anonymous_name(name: str) -> bool:
    """True when a resolved name is itself an anonymous origin ("people familiar with the matter")."""
    lex = _sources_lexicon()
    low = name.lower()
    return any(str(p) in low for p in lex["anonymous_phrases"]) or low in {str(b) for b in lex["anonymous_bare"]}


def _strip_det(span: Span) -> str:
    toks = list(span)
    while toks and toks[0].dep_ in ("det", "poss") and toks[0].lower_ in ("the", "a", "an", "some", "several",
                                                                          "two", "three", "one"):
        toks = toks[1:]
    if not toks:
        return span.text
    return span.doc[toks[0].i:toks[-1].i + 1].text


def _entity_kind(entity: Entity) -> str:
    kind = (entity.kind or "").lower()
    if any(w in kind for w in ("news", "outlet", "newspaper", "broadcaster", "agency")) and "intelligence" not in kind:
        return "outlet"
    if entity.type == "PERSON":
        return "person"
    if entity.type in ("ORG", "GPE", "NORP", "LOC"):
        return "organization"
    if entity.type == "GROUP":
        return "group"
    return "unknown"


class Resolver:
    """Resolves source spans to :class:`Referent` objects, in document order."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.seen: list[Referent] = []
        lex = cue_lexicon()
        self.report_nouns = lex["report_nouns"]
        self.document_nouns = lex["document_nouns"]
        self.pronouns: dict[str, str] = dict(_sources_lexicon()["pronouns"])
        self.first_outlet: Referent | None = None

    def note(self, ref: Referent) -> None:
        self.seen.append(ref)

    def _named(self, span: Span) -> Referent | None:
        """A named speaker: the entity layer, the outlet list, then the model's entity types."""
        root = span.root
        entity = entity_for_span(self.doc, span.start_char, span.end_char)
        plural = root.tag_ in ("NNS", "NNPS")
        if entity is not None and root.lower_ not in self.pronouns:
            return Referent(entity.id, entity.name, entity.id, _entity_kind(entity), root.lemma_.lower(), plural)
        if root.lower_ in self.pronouns or root.pos_ == "PRON":
            return None
        text = _strip_det(span)
        outlet = _outlets().get(text.lower()) or _outlets().get(root.text.lower())
        if outlet is not None:
            return Referent(outlet[0], outlet[1], outlet[0], "outlet", root.lemma_.lower(), False)
        person = _person_by_surname(self.doc, root.text) if len(span) == 1 and root.is_title else None
        if person is not None:  # "Talvet rejects plan": a headline surname (often mis-tagged) of a named person
            return Referent(person.id, person.name, person.id, "person", root.lemma_.lower(), False)
        if root.pos_ != "PROPN":
            return None
        ent_type = root.ent_type_
        if len(span) == 1:  # a surname: the fuller name the text gives ("Putin" -> "Vladimir Putin")
            for ent in self.doc.ents:
                if len(ent) > 1 and ent[-1].lower_ == root.lower_ and ent.label_ == (ent_type or ent.label_):
                    text, ent_type = ent.text, ent.label_
                    break
        kind = {"PERSON": "person", "ORG": "organization", "GPE": "organization",
                "NORP": "group"}.get(ent_type, "unknown")
        return Referent("name:" + text.lower(), text, None, kind, root.lemma_.lower(), plural)

    def prescan(self, spans: list[Span]) -> None:
        """Remember the first outlet named anywhere (for "the report" before the outlet's name)."""
        for span in spans:
            ref = self._named(span)
            if ref is not None and ref.kind == "outlet":
                self.first_outlet = ref
                return

    def resolve(self, span: Span) -> Referent:
        root = span.root
        lower = span.text.lower()
        head = root.lemma_.lower()
        plural = root.tag_ in ("NNS", "NNPS") or root.lower_ in ("they", "them")
        if is_anonymous(span):
            name = _strip_det(span)
            for ref in reversed(self.seen):  # the same anonymous origin named again
                if ref.kind == "anonymous" and ref.name.lower() == name.lower():
                    return ref
            entity = entity_for_span(self.doc, span.start_char, span.end_char)
            if entity is not None and entity.type not in ("PERSON",) and _anonymous_name(entity.name):
                return Referent(entity.id, entity.name, entity.id, "anonymous", head, True)
            return Referent("anon:" + name.lower(), name, None, "anonymous", head, True)
        named = self._named(span)
        if named is not None:
            if _anonymous_name(named.name):
                named.kind = "anonymous"
                for ref in reversed(self.seen):  # the entity layer and the rules may name it apart
                    if ref.kind == "anonymous" and ref.name.lower() == named.name.lower():
                        return ref
            return named
        pron = self.pronouns.get(lower)
        if pron is not None:
            if pron == "person":  # he/she: the entity layer's resolution (gender, salience) comes first
                entity = entity_for_span(self.doc, span.start_char, span.end_char)
                if entity is not None and entity.type == "PERSON":
                    return Referent(entity.id, entity.name, entity.id, "person", head, False)
            found = self._antecedent(pron, span.start)
            if found is not None:
                return found
            entity = entity_for_span(self.doc, span.start_char, span.end_char)
            if entity is not None:
                return Referent(entity.id, entity.name, entity.id, _entity_kind(entity), head, False)
            return Referent("text:" + lower, span.text, None, "person" if pron == "person" else "unknown", head,
                            plural)
        if head in self.report_nouns:
            for ref in reversed(self.seen):
                if ref.kind == "outlet":
                    return ref
            if self.first_outlet is not None:
                return self.first_outlet
            return Referent("text:" + lower, span.text, None, "document", head, False)
        if any(t.dep_ == "det" and t.lower_ in ("the", "this", "these", "that", "those") for t in span):
            for ref in reversed(self.seen):
                if ref.head == head:
                    return ref
        entity = entity_for_span(self.doc, span.start_char, span.end_char)
        if entity is not None:
            return Referent(entity.id, entity.name, entity.id, _entity_kind(entity), head, plural)
        kind = "document" if head in self.document_nouns else ("group" if plural else "unknown")
        if root.ent_type_ == "PERSON" or head in _sources_lexicon()["person_heads"]:
            kind = "group" if plural else "person"
        return Referent("text:" + lower, _strip_det(span), None, kind, head, plural)

    def _antecedent(self, pron: str, before: int) -> Referent | None:
        for ref in reversed(self.seen):
            if pron == "thing" and ref.kind in ("outlet", "organization", "document") and not ref.plural:
                return ref
            if pron == "plural" and (ref.plural or ref.kind in ("anonymous", "group")):
                return ref
            if pron == "person" and ref.kind == "person":
                return ref
        if pron == "person":
            entity_for = None
            for ent in self.doc.ents:
                if ent.label_ == "PERSON" and ent.end <= before:
                    entity_for = ent
            if entity_for is not None:
                return self._named(entity_for)
        return None


def _char_range(doc: Doc, rng: TokRange) -> tuple[int, int]:
    span = doc[rng[0]:rng[1]]
    return span.start_char, span.end_char


def _is_open(text: str, i: int) -> bool:
    return text[i] in QUOTES_OPEN and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) \
        and not text[i + 1].isspace()


def _is_close(text: str, i: int) -> bool:
    return text[i] in QUOTES_CLOSE and i > 0 and not text[i - 1].isspace() and \
        (i + 1 >= len(text) or not text[i + 1].isalnum())


def quote_type(text: str, spans: list[tuple[int, int]]) -> str:
    """``direct`` when the content is a quotation, ``mixed`` when it holds one, else ``indirect``."""
    if not spans:
        return "indirect"
    start, end = spans[0][0], spans[-1][1]
    inner = [i for i in range(start, end) if _is_open(text, i) or _is_close(text, i)]
    before = start - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    after = end
    while after < len(text) and text[after] in " ,.;:!?":
        after += 1
    wrapped_outside = before >= 0 and _is_open(text, before) and after < len(text) and _is_close(text, after)
    wrapped_inside = bool(inner) and _is_open(text, start) and inner[-1] >= end - 2 and _is_close(text, inner[-1]) \
        and len(inner) == 2
    if wrapped_outside or wrapped_inside:
        return "direct"
    opens = [i for i in inner if _is_open(text, i)]
    closes = [i for i in inner if _is_close(text, i)]
    if opens and closes and closes[-1] > opens[0]:
        return "mixed"
    return "indirect"


class AttributionComponent:
    """The ``storyline_attributions`` component (see the module docstring for inputs and outputs)."""

    def __init__(self, nlp: Language, name: str, model_path: str, use_model: bool = True) -> None:
        self.name = name
        self.model_path = model_path
        self.tagger = load_tagger(model_path) if use_model else None

    def __call__(self, doc: Doc) -> Doc:
        attributions, hedges = extract(doc, self.tagger)
        get_list(doc, "sl_attributions").extend(attributions)
        get_list(doc, "sl_hedges").extend(hedges)
        return doc


@Language.factory("storyline_attributions", default_config={"model_path": "", "use_model": True})
def make_attributions(nlp: Language, name: str, model_path: str, use_model: bool) -> AttributionComponent:
    """Factory; ``model_path`` is the trained tagger (missing: :class:`ModelError`, E203)."""
    return AttributionComponent(nlp, name, model_path, use_model)


def _overlaps(a: TokRange, b: TokRange) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def model_frames(doc: Doc, tagged: list[tuple[str, int, int]], frames: list[Frame]) -> list[Frame]:
    """Frames built from the tagger's spans for cues the rules did not find: a CUE with the
    nearest SOURCE and the CONTENT spans next to it in its sentence (the sentence before for a
    source, when the sentence has none)."""
    taken: list[TokRange] = []
    for f in frames:
        taken.extend(r for r in (f.cue, f.source, f.cites) if r is not None)
    # PolNeAR is univocal: the tagger never nests a cue inside another attribution's content
    inside = [r for f in frames for r in f.content]
    known_cues = [(s, e) for lab, s, e in tagged if lab == "CUE" and _known_cue(doc[s:e])
                  and not any(_overlaps((s, e), t) for t in taken + inside)]
    out = []
    for label, start, end in tagged:
        if label != "CUE" or any(_overlaps((start, end), t) for t in taken + inside):
            continue
        if doc[start:end].text.lower() in cue_lexicon()["citing"]:
            continue
        sent = doc[start].sent
        # a tagged cue with no lexicon cue word must be the content's nearest cue to claim it
        if any(t.pos_ == "VERB" and t.lemma_.lower() in cue_lexicon().get("not_cues", ()) for t in doc[start:end]):
            continue  # an act, not speech ("signed the deal", "voted to approve")
        known = _known_cue(doc[start:end])
        contents = [(s, e) for lab, s, e in tagged if lab == "CONTENT" and sent.start <= s < sent.end
                    and not any(_overlaps((s, e), t) for t in taken + inside)
                    and (known or _claims_content(known_cues, (start, end), (s, e), sent))]
        if not contents:
            continue
        sources = [(s, e) for lab, s, e in tagged if lab == "SOURCE" and sent.start <= s < sent.end]
        source = min(sources, key=lambda r: abs(r[0] - start)) if sources else None
        if source is None or any(_overlaps(source, t) for t in taken):
            continue
        cue_tokens = [t for t in doc[start:end] if t.pos_ in ("VERB", "AUX", "NOUN", "ADP")]
        out.append(Frame("model", (start, end), source, sorted(contents),
                         cue_head=cue_tokens[0].i if cue_tokens else start, sent_start=sent.start))
    return out


def _nearest_cue(cues: list[TokRange], content: TokRange, sent: Span) -> TokRange | None:
    """The tagged cue of ``sent`` nearest to ``content`` (token gap): a content span belongs to one
    cue only ("X talks stall as Y accuses Z of stalling": the claim is Y's, not X's)."""
    near = [c for c in cues if sent.start <= c[0] < sent.end]
    if not near:
        return None
    return min(near, key=lambda c: max(content[0] - c[1], c[0] - content[1], 0))


def _known_cue(span: Span) -> bool:
    """A cue holding a lexicon cue word (a reporting verb, a document noun, "according to")."""
    lex = cue_lexicon()
    return any(t.lemma_.lower() in lex["verbs"] or t.lower_ in lex["document_nouns"] for t in span) \
        or any(str(n) in span.text.lower() for n in lex["nominal"])


def _claims_content(cues: list[TokRange], cue: TokRange, content: TokRange, sent: Span) -> bool:
    """False when another tagged lexicon cue (``cues``) of ``sent`` stands between ``cue`` and
    ``content`` and is nearer to it: the content is that cue's ("X talks stall as Y accuses Z of
    stalling")."""
    near = _nearest_cue(cues, content, sent)
    if near is None or near == cue:
        return True
    lo, hi = (cue[1], content[0]) if cue[1] <= content[0] else (content[1], cue[0])
    return not (lo <= near[0] and near[1] <= hi)


def _sentence_index(doc: Doc) -> tuple[list[Span], dict[int, int]]:
    sents = [s for s in doc.sents if any(not t.is_space and not t.is_punct for t in s)]
    index = {}
    for n, s in enumerate(sents):
        for i in range(s.start, s.end):
            index[i] = n
    return sents, index


def extract(doc: Doc, tagger: Language | None = None) -> tuple[list[Attribution], list[Hedge]]:
    """Attributions and hedges of a parsed ``doc`` (the component's work, as a plain function)."""
    frames = [f for f in find_frames(doc) if _in_text(doc, f)]
    if tagger is not None and len(doc):
        frames.extend(f for f in model_frames(doc, tag_doc(tagger, doc), frames) if _in_text(doc, f))
        frames.sort(key=lambda f: f.start)
    resolver = Resolver(doc)
    resolver.prescan([doc[f.source[0]:f.source[1]] for f in frames if f.source])
    refs: list[Referent | None] = []
    cites_refs: list[Referent | None] = []
    by_head: dict[int, int] = {f.cue_head: n for n, f in enumerate(frames) if f.cue_head is not None}
    for frame in frames:
        cref = None
        if frame.cites:
            cref = resolver.resolve(doc[frame.cites[0]:frame.cites[1]])
            resolver.note(cref)
        cites_refs.append(cref)
        ref = None
        if frame.source:
            ref = resolver.resolve(doc[frame.source[0]:frame.source[1]])
        elif frame.inherit is not None:
            ref = _inherited(doc, frame.inherit, frames, refs, by_head, resolver)
        refs.append(ref)
        if ref is not None and frame.source:
            resolver.note(ref)
    _add_implicit(doc, frames, refs, cites_refs)
    _add_floating(doc, frames, refs, cites_refs)
    vias = _relays(frames, refs, cites_refs)
    return _records(doc, frames, refs, cites_refs, vias)


def _in_text(doc: Doc, frame: Frame) -> bool:
    points = [r for r in frame.content]
    if frame.cue:
        points.append(frame.cue)
    if not points:
        return False
    start, end = _char_range(doc, points[0])
    return in_content(doc, start, end)


def _inherited(doc: Doc, head: int, frames: list[Frame], refs: list[Referent | None],
               by_head: dict[int, int], resolver: Resolver) -> Referent | None:
    """The source of a cue with no subject: the frame of the verb it hangs from, else that verb's
    subject (climbing out of a cue's complement clause)."""
    tok = doc[head]
    for _ in range(6):
        if tok.i in by_head and by_head[tok.i] < len(refs):
            return refs[by_head[tok.i]]
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if tok.dep_ == "ccomp" and tok.head.i in by_head:
            tok = tok.head
            continue
        if subj is not None:
            return resolver.resolve(doc[subj.left_edge.i:subj.right_edge.i + 1])
        if tok.head == tok:
            break
        tok = tok.head
    return None


def _chain_key(n: int, frames: list[Frame], refs: list[Referent | None], vias: dict[int, int]) -> str | None:
    """The report a frame belongs to: its own source when that is an outlet or document, else its via's."""
    seen = set()
    while n not in seen:
        seen.add(n)
        ref = refs[n]
        if ref is not None and ref.kind in ("outlet", "document"):
            return ref.key
        if n not in vias:
            return None
        n = vias[n]
    return None


def _add_implicit(doc: Doc, frames: list[Frame], refs: list[Referent | None],
                  cites_refs: list[Referent | None]) -> None:
    """A sentence with no reporting cue of its own, between two sentences relaying the same report,
    carries that report's attribution over (``implicit``)."""
    sents, index = _sentence_index(doc)
    vias = _relays(frames, refs, cites_refs)
    chain_of: dict[int, str] = {}
    covered: set[int] = set()
    for n, frame in enumerate(frames):
        key = _chain_key(n, frames, refs, vias)
        anchor = frame.cue[0] if frame.cue else frame.content[0][0]
        for s, e in frame.content:
            if index.get(s) != index.get(anchor):  # a quote running on past its cue's sentence
                covered.update(range(s, e))
        if key is None:
            continue
        for i in ([anchor] + [frame.content[0][0]]):
            if i in index:
                chain_of.setdefault(index[i], key)
    new = []
    for k in range(1, len(sents) - 1):
        if k in chain_of:
            continue
        sent = sents[k]
        if chain_of.get(k - 1) is None or chain_of.get(k - 1) != chain_of.get(k + 1):
            continue
        if sum(1 for t in sent if not t.is_punct and not t.is_space) < 5:
            continue
        if sum(1 for t in sent if t.i in covered) > len(sent) // 2:
            continue
        if not in_content(doc, sent.start_char, sent.end_char):
            continue
        key = chain_of[k - 1]
        ref = next(r for r in refs if r is not None and r.key == key)
        start, end = sent.start, sent.end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) \
                and doc[end - 1].text not in QUOTES_CLOSE:
            end -= 1
        new.append((Frame("implicit", None, None, [(start, end)], sent_start=start), ref))
    _insert_frames(frames, refs, cites_refs, new)


def _insert_frames(frames: list[Frame], refs: list[Referent | None], cites_refs: list[Referent | None],
                   new: Sequence[tuple[Frame, Referent | None]]) -> None:
    """Add uncued frames with their referents, keeping the three parallel lists in text order."""
    for frame, ref in new:
        frames.append(frame)
        refs.append(ref)
        cites_refs.append(None)
    order = sorted(range(len(frames)), key=lambda n: (frames[n].start, frames[n].kind != "implicit"))
    frames[:] = [frames[n] for n in order]
    refs[:] = [refs[n] for n in order]
    cites_refs[:] = [cites_refs[n] for n in order]


def _add_floating(doc: Doc, frames: list[Frame], refs: list[Referent | None],
                  cites_refs: list[Referent | None]) -> None:
    """A floating quote (a sentence or paragraph that is wholly a quotation, with no cue) goes to the
    speaker of the nearest quoted attribution: the two sentences before, else the one after."""
    sents, index = _sentence_index(doc)
    covered = {i for f in frames for s, e in f.content for i in range(s, e)}
    quoted_by_sent: dict[int, int] = {}
    for n, frame in enumerate(frames):
        if frame.kind in ("verb", "model") and refs[n] is not None and frame.content:
            if quote_type(doc.text, [_char_range(doc, r) for r in frame.content]) != "indirect":
                quoted_by_sent.setdefault(index.get(frame.content[-1][0], -1), n)
    new = []
    for k, sent in enumerate(sents):
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 4 or toks[0].text not in QUOTES_OPEN or any(t.i in covered for t in toks):
            continue
        while toks[-1].i + 1 < len(doc) and doc[toks[-1].i + 1].text in QUOTES_CLOSE \
                and toks[-1].text not in QUOTES_CLOSE:
            toks.append(doc[toks[-1].i + 1])  # a closing quote the sentence splitter left to the next sentence
        if toks[-1].text not in QUOTES_CLOSE and not (toks[-1].is_punct and toks[-2].text in QUOTES_CLOSE):
            continue
        inner = [t for t in toks[1:-1] if t.text in QUOTES_OPEN or t.text in QUOTES_CLOSE]
        if inner and not (len(inner) == 1 and toks[-1].is_punct):
            continue
        if not in_content(doc, sent.start_char, sent.end_char):
            continue
        owner = next((quoted_by_sent[j] for j in (k - 1, k - 2, k + 1) if j in quoted_by_sent), None)
        if owner is None:
            continue
        start = toks[0].i + 1
        end = toks[-1].i if toks[-1].text in QUOTES_CLOSE else toks[-2].i
        new.append((Frame("implicit", None, None, [(start, end)], sent_start=sent.start), refs[owner]))
    for frame, _ in new:
        frame.extra["floating"] = True
    _insert_frames(frames, refs, cites_refs, new)


def _relays(frames: list[Frame], refs: list[Referent | None], cites_refs: list[Referent | None]) -> dict[int, int]:
    """``via`` links (frame index -> frame index).

    - a speaker that an earlier attribution cites ("citing people familiar…" then "the people said");
    - a cue inside another attribution's content (a claim reported inside a report);
    - an anonymous speaker continuing: the same anonymous source as an earlier relayed attribution."""
    vias: dict[int, int] = {}
    for n, frame in enumerate(frames):
        ref = refs[n]
        if ref is not None:
            for m in range(n - 1, -1, -1):
                cref = cites_refs[m]
                if cref is not None and cref.key == ref.key:
                    vias[n] = m
                    break
        if n in vias:
            continue
        anchor = frame.cue or (frame.source if frame.source else None)
        if anchor is not None:
            best = None
            for m, other in enumerate(frames):
                if m == n or other.kind == "headline":
                    continue
                if any(s <= anchor[0] and anchor[1] <= e for s, e in other.content):
                    size = sum(e - s for s, e in other.content)
                    if best is None or size < best[0]:
                        best = (size, m)
            outer = refs[best[1]] if best is not None else None
            if best is not None and outer is not None and (ref is None or outer.key != ref.key):
                vias[n] = best[1]
                continue
        if ref is not None and ref.kind == "anonymous":
            for m in range(n - 1, -1, -1):
                prev = refs[m]
                if prev is not None and prev.key == ref.key and m in vias:
                    vias[n] = vias[m]
                    break
    return vias


def _records(doc: Doc, frames: list[Frame], refs: list[Referent | None], cites_refs: list[Referent | None],
             vias: dict[int, int]) -> tuple[list[Attribution], list[Hedge]]:
    text = doc.text
    ids = [f"a{n + 1}" for n in range(len(frames))]
    cues = [c for c in cert.find_cues(doc) if in_content(doc, doc[c.start].idx, doc[c.end - 1].idx)]
    verb_levels = cert.verb_levels()
    times = get_list(doc, "sl_times")
    out: list[Attribution] = []
    for n, frame in enumerate(frames):
        ref = refs[n]
        if frame.source:
            s, e = _char_range(doc, frame.source)
            source = Source(text[s:e], s, e, ref.entity if ref else None, ref.name if ref else None,
                            ref.kind if ref else "unknown")  # type: ignore[arg-type]
        else:
            source = Source(None, None, None, ref.entity if ref else None, ref.name if ref else None,
                            ref.kind if ref else "unknown")  # type: ignore[arg-type]
        cue = None
        if frame.cue:
            s, e = _char_range(doc, frame.cue)
            cue = Cue(text[s:e], s, e)
        spans = [_char_range(doc, r) for r in frame.content]
        content = Content(" … ".join(text[s:e] for s, e in spans), spans)
        levels, words = [], []
        for c in cues:
            if any(a <= c.start and c.end <= b for a, b in frame.content):
                levels.append(c.level)
                words.append(c.text)
        if frame.cue_head is not None and doc[frame.cue_head].lemma_.lower() in verb_levels:
            levels.append(verb_levels[doc[frame.cue_head].lemma_.lower()])
            words.append(doc[frame.cue_head].text)
        level = cert.level_of(levels)
        cites = None
        if frame.cites:
            s, e = _char_range(doc, frame.cites)
            cref = cites_refs[n]
            cites = Cites(text[s:e], bool(cref and cref.kind == "anonymous"), s, e, cref.entity if cref else None)
        out.append(Attribution(
            id=ids[n], source=source, cue=cue, content=content,
            quote=quote_type(text, spans),  # type: ignore[arg-type]
            via=ids[vias[n]] if n in vias else None, cites=cites, implicit=frame.kind == "implicit",
            certainty=Certainty(level, list(dict.fromkeys(words))),  # type: ignore[arg-type]
            time=_time_for(doc, frame, times)))
    return out, _hedges(doc, cues, frames, ids)


def _time_for(doc: Doc, frame: Frame, times: list[TimeExpr]) -> str | None:
    """The time expression attached to the cue verb itself ("reported on Friday")."""
    if frame.cue_head is None or not times:
        return None
    tok = doc[frame.cue_head]
    ranges = []
    for child in tok.children:
        if child.dep_ in ("prep", "npadvmod", "tmod", "advmod") and child.i not in range(*frame.content[0]):
            ranges.append((doc[child.left_edge.i].idx, doc[child.right_edge.i].idx + len(doc[child.right_edge.i])))
    for t in times:
        if any(s <= t.start < e for s, e in ranges):
            return t.id
    return None


def _hedges(doc: Doc, cues: list[cert.CertaintyCue], frames: list[Frame], ids: list[str]) -> list[Hedge]:
    """Every hedged, uncertain or denied statement: the clause each cue governs, cut to the content
    of the innermost attribution holding it (whose id it carries)."""
    merged: dict[tuple[int, int], tuple[list[str], list[str], str | None]] = {}
    for c in cues:
        owner = None
        for n, frame in enumerate(frames):
            for s, e in frame.content:
                if s <= c.start and c.end <= e and (owner is None or e - s < owner[1][1] - owner[1][0]):
                    owner = (n, (s, e))
        start, end = cert.clause_of(doc, c.start, c.end)
        if owner is None:  # the cue word is the attribution's own cue ("denied")
            for n, frame in enumerate(frames):
                if frame.cue and frame.cue[0] <= c.start and c.end <= frame.cue[1]:
                    owner = (n, (start, end))
        if owner is not None:
            start, end = max(start, owner[1][0]), min(end, owner[1][1])
            if frames[owner[0]].kind == "headline" and c.level == "asserted":
                continue
        key = (start, end)
        levels, words, att = merged.get(key, ([], [], ids[owner[0]] if owner else None))
        levels.append(c.level)
        words.append(c.text)
        merged[key] = (levels, words, att)
    # a cue's clause inside another hedge's clause of the same attribution joins it
    for key in sorted(merged, key=lambda k: k[1] - k[0]):
        for other in merged:
            if other != key and other[0] <= key[0] and key[1] <= other[1] and merged[other][2] == merged[key][2]:
                merged[other][0].extend(merged[key][0])
                merged[other][1].extend(merged[key][1])
                del merged[key]
                break
    out = []
    for (start, end), (levels, words, att) in sorted(merged.items()):
        span = doc[start:end]
        out.append(Hedge(span.start_char, span.end_char, span.text, cert.level_of(levels),  # type: ignore[arg-type]
                         list(dict.fromkeys(words)), att))
    return out
