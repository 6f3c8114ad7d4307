"""``storyline_gazetteer``: entity types fixed for news from a gazetteer (data, not code).

Runs after the model's ``ner``. Config: ``use_gazetteer`` (bundled gazetteer on/off) and
``knowledge_base`` (a user JSON Lines file merged over it; see :mod:`storyline.nlp.kb`).

Inputs: ``doc.ents`` (the model's entities), ``doc._.regions`` (only content regions,
never chrome, may hold entities).

Outputs:

- ``doc.ents``: gazetteer matches (countries, regions, cities, leaders, organisations,
  agencies, outlets) overwrite overlapping model entities with the gazetteer's type and
  ``kb_id_`` set to the entry id; nationality adjectives become ``NORP`` with the
  country's id; model entities outside content regions are dropped.
- ``doc.user_data["sl_kb"]``: ``[use_gazetteer, knowledge_base]``, the arguments of
  :func:`~storyline.nlp.kb.load_kb` for the knowledge base used (plain data, so the Doc
  still serialises; ``load_kb`` is cached).
- ``doc.user_data["sl_gazetteer"]``: every gazetteer match kept, as
  ``(start_token, end_token, "name" | "adj", [entry ids])``, including adjectives nested
  in longer model entities ("Russian" in "Russian Defence Ministry").
- ``doc.user_data["sl_titles"]``: role-title matches ("Russian president",
  "Kremlin leader") as ``(start_token, end_token, [person ids])``.
"""

from __future__ import annotations

import logging
import time

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extensions import content_regions
from .kb import KnowledgeBase, lexicon, load_kb

LOGGER = logging.getLogger(__name__)

# model labels that keep a longer span over a gazetteer match inside it ("Bank of Russia")
_KEEP_LONGER = frozenset({"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})

GazMatch = tuple[int, int, str, list[str]]


def _title_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset([*lex["person_nouns"], *lex["title_modifiers"], *(h.lower() for h in lex["honorifics"])])


_TITLE_WORDS = _title_words()


def _in_content(doc: Doc, span: Span, regions: list[tuple[int, int]]) -> bool:
    return any(s <= span.start_char and span.end_char <= e for s, e in regions)


def _longest_first(matches: list[GazMatch]) -> list[GazMatch]:
    """Non-overlapping matches, longest first, names before adjectives on ties."""
    ordered = sorted(matches, key=lambda m: (-(m[1] - m[0]), m[2] != "name", m[0]))
    taken: set[int] = set()
    out = []
    for m in ordered:
        toks = set(range(m[0], m[1]))
        if toks & taken:
            continue
        taken |= toks
        out.append(m)
    return sorted(out)


class GazetteerComponent:
    """See the module docstring."""

    def __init__(self, nlp: Language, name: str, use_gazetteer: bool, knowledge_base: str) -> None:
        self.name = name
        self.use_gazetteer = use_gazetteer
        self.knowledge_base = knowledge_base
        start = time.perf_counter()
        self.kb: KnowledgeBase = load_kb(use_gazetteer, knowledge_base or "")
        self.kb.matchers(nlp.vocab)
        LOGGER.debug("gazetteer loaded (%d entries) in %.2fs", len(self.kb.entries), time.perf_counter() - start)

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data["sl_kb"] = [self.use_gazetteer, self.knowledge_base or ""]
        regions = content_regions(doc)
        kept_model = [e for e in doc.ents if _in_content(doc, e, regions)]
        if not self.kb.entries:
            doc.user_data["sl_gazetteer"] = []
            doc.user_data["sl_titles"] = []
            doc.ents = kept_model
            return doc
        names, titles = self.kb.matchers(doc.vocab)
        raw: list[GazMatch] = []
        for match_id, start, end in names(doc):
            span = doc[start:end]
            if not _in_content(doc, span, regions):
                continue
            kind = doc.vocab.strings[match_id]
            ids = (self.kb.forms if kind == "name" else self.kb.adjectives).get(span.text, [])
            if ids:
                raw.append((start, end, kind, list(ids)))
        matches = _longest_first(raw)
        doc.user_data["sl_gazetteer"] = matches
        doc.user_data["sl_titles"] = [
            (start, end, list(self.kb.titles.get(doc[start:end].text.lower(), [])))
            for _, start, end in titles(doc) if _in_content(doc, doc[start:end], regions)
        ]
        doc.ents = self._merge(doc, kept_model, matches)
        return doc

    def _model_wins(self, ent: Span, core: Span, g: Span) -> bool:
        """A longer model entity keeps a gazetteer match inside it when it is another name:
        "Bank of Russia", "Kansas City", "Luis Rubio" (not "President Putin", "The White House")."""
        if not (ent.start <= g.start and g.end <= ent.end and len(g) < len(ent)):
            return False
        if g.start == core.start and g.end == core.end:
            return False
        extra = [t for t in core if not g.start <= t.i < g.end]
        entry = self.kb.entries[g.kb_id_]
        if entry.type == "PERSON":
            return ent.label_ == "PERSON" and any(t.is_title and t.lower_ not in _TITLE_WORDS for t in extra)
        if ent.label_ in ("GPE", "LOC"):
            return all(t.is_title or not t.is_alpha for t in extra) and any(t.is_alpha for t in extra)
        return ent.label_ in _KEEP_LONGER

    def _merge(self, doc: Doc, model: list[Span], matches: list[GazMatch]) -> list[Span]:
        gaz: list[Span] = []
        for start, end, kind, ids in matches:
            entry = self.kb.entries[ids[0]]
            label = "NORP" if kind == "adj" else entry.type
            gaz.append(Span(doc, start, end, label=label, kb_id=entry.id))
        out: list[Span] = []
        dropped_gaz: set[int] = set()
        for ent in model:
            inside = [i for i, g in enumerate(gaz) if g.start < ent.end and ent.start < g.end]
            if not inside:
                out.append(ent)
                continue
            core = ent
            while len(core) > 1 and core[0].lower_ == "the":
                core = core[1:]
            while len(core) > 1 and core[-1].text in ("'s", "’s"):
                core = core[:-1]
            keep_model = all(self._model_wins(ent, core, gaz[i]) for i in inside)
            if keep_model:
                out.append(ent)
                dropped_gaz.update(inside)
        out.extend(g for i, g in enumerate(gaz) if i not in dropped_gaz)
        out.sort(key=lambda s: s.start)
        final: list[Span] = []
        for span in out:  # a gazetteer span may overlap two model spans: keep the first
            if final and span.start < final[-1].end:
                continue
            final.append(span)
        return final


@Language.factory("storyline_gazetteer", default_config={"use_gazetteer": True, "knowledge_base": ""})
def make_gazetteer(nlp: Language, name: str, use_gazetteer: bool, knowledge_base: str) -> GazetteerComponent:
    """Factory: ``nlp.add_pipe("storyline_gazetteer", config={...})`` after ``ner``."""
    return GazetteerComponent(nlp, name, use_gazetteer, knowledge_base)
