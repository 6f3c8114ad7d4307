"""The knowledge base behind ``storyline_gazetteer`` and ``storyline_entities``.

Inputs: the bundled gazetteer (``storyline/data/gazetteer/*.jsonl``: countries and
ISO 3166-2 regions generated from pycountry, places, people, organisations), the news
agencies of ``storyline/data/agencies.json`` and, optionally, a user JSON Lines file
(setting ``knowledge_base``) whose entries are merged over the bundled ones.

Output: a :class:`KnowledgeBase`: entries by id, surface forms (names, aliases,
upper-case dateline forms), nationality adjectives and role titles, each mapped to
entry ids, plus spaCy PhraseMatchers built once per vocabulary.

One entry a line::

    {"id": "person:aldo-ferrant", "name": "Aldo Ferrant", "type": "PERSON",
     "kind": "foreign minister", "country": "vl", "aliases": ["Ferrant"], "gender": "m",
     "roles": ["foreign minister"], "titles": ["Velorian top diplomat"]}

Required: ``id`` (``prefix:slug``, lower case), ``name``, ``type`` (PERSON, ORG, GPE,
LOC, NORP, GROUP, OTHER). Optional: ``kind``, ``country`` (ISO alpha-2), ``aliases``,
``adjectives``, ``metonym_for`` (an id), ``roles``, ``titles``, ``nouns``, ``gender``
(``m``/``f``), ``former`` (bool). A bad entry raises
:class:`~storyline.errors.KnowledgeBaseError` (E201) naming the file and line.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

from ..errors import KnowledgeBaseError
from ..lexicon import DATA_DIR, load_json, read_jsonl

LOGGER = logging.getLogger(__name__)

GAZETTEER_DIR = DATA_DIR / "gazetteer"
BUNDLED_FILES = ("countries.jsonl", "regions.jsonl", "places.jsonl", "orgs.jsonl", "people.jsonl")
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP", "OTHER"})
ID_RE = re.compile(r"^[a-z]+:[a-z0-9][a-z0-9._-]*$")
_LIST_FIELDS = ("aliases", "adjectives", "roles", "titles", "nouns")
_STR_FIELDS = ("kind", "country", "metonym_for", "gender")
# surface-form conflicts: the higher wins ("Georgia" the country over a region)
_PRIORITY = {"person": 6, "org": 5, "country": 4, "city": 3, "place": 2, "region": 1}


def slug(text: str) -> str:
    """``Diyar Güldoğan`` → ``diyar-guldogan``: the name part of a stable id."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = folded.replace("ı", "i").replace("’", "").replace("'", "")
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if ascii_slug:
        return ascii_slug
    # no Latin letters (Cyrillic, Arabic, CJK names): a stable hash of the normalised name
    key = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return "u" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


@dataclass
class KBEntry:
    """One knowledge-base entity."""

    id: str
    name: str
    type: str
    kind: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    metonym_for: str | None = None
    roles: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)
    gender: str | None = None
    former: bool = False

    @property
    def priority(self) -> int:
        return _PRIORITY.get(self.id.split(":", 1)[0], 0)


def _entry(row: dict[str, Any], path: str) -> KBEntry:
    line = row.get("_line")
    for key in ("id", "name", "type"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            raise KnowledgeBaseError(f"entry needs a non-empty string {key!r}", path, line)
    if not ID_RE.match(row["id"]):
        raise KnowledgeBaseError(f"id {row['id']!r} must look like 'prefix:slug' (lower case)", path, line)
    if row["type"] not in ENTITY_TYPES:
        raise KnowledgeBaseError(f"type {row['type']!r} is not one of {sorted(ENTITY_TYPES)}", path, line)
    values: dict[str, Any] = {"id": row["id"], "name": row["name"].strip(), "type": row["type"]}
    for key in _LIST_FIELDS:
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeBaseError(f"{key!r} must be a list of strings", path, line)
        values[key] = [v.strip() for v in value if v.strip()]
    for key in _STR_FIELDS:
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            raise KnowledgeBaseError(f"{key!r} must be a string", path, line)
        if isinstance(value, str):
            value = value.strip().lower() if key in ("country", "gender") else value.strip()
        values[key] = value or None
    if values["gender"] not in (None, "m", "f"):
        raise KnowledgeBaseError(f"gender {row.get('gender')!r} must be 'm' or 'f'", path, line)
    if not isinstance(row.get("former", False), bool):
        raise KnowledgeBaseError("'former' must be true or false", path, line)
    values["former"] = bool(row.get("former", False))
    return KBEntry(**values)


def _agency_entries() -> list[KBEntry]:
    out = []
    for row in load_json("agencies.json"):
        aliases = [a for a in [row.get("code"), *row.get("aliases", [])] if a and a != row["name"]]
        out.append(KBEntry(id=row["id"], name=row["name"], type="ORG", kind=row.get("kind") or "news agency",
                           country=row.get("country"), aliases=aliases,
                           nouns=["agency"] if row.get("kind", "news agency") == "news agency" else ["outlet"]))
    return out


def _variants(form: str) -> list[str]:
    """Surface variants matched case-sensitively: the form, without a leading 'the',
    and the upper-case form used in datelines (for forms of 4+ letters)."""
    forms = [form]
    if form.lower().startswith("the ") and len(form) > 4:
        forms.append(form[4:])
    out: list[str] = []
    for f in forms:
        out.append(f)
        if len(f) >= 4 and not f.isupper():
            out.append(f.upper())
    return out


def _is_plural_demonym(adj: str) -> bool:
    return adj.endswith("s") and not adj.endswith(("ss", "ese", "ish")) and adj.lower() not in {"swiss"}


class KnowledgeBase:
    """Entries plus lookup tables; build with :func:`load_kb`."""

    def __init__(self, entries: list[KBEntry]) -> None:
        self.entries: dict[str, KBEntry] = {}
        for e in entries:
            old = self.entries.get(e.id)
            if old is not None:  # later files (the user's) override fields and add aliases
                e.aliases = list(dict.fromkeys(old.aliases + [old.name] + e.aliases))
            self.entries[e.id] = e
        self.forms: dict[str, list[str]] = {}
        self.adjectives: dict[str, list[str]] = {}
        self.titles: dict[str, list[str]] = {}
        self.by_lower: dict[str, list[str]] = {}
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher]] = {}
        self._index()

    def _add(self, table: dict[str, list[str]], key: str, entry_id: str) -> None:
        ids = table.setdefault(key, [])
        if entry_id not in ids:
            ids.append(entry_id)

    def _index(self) -> None:
        for e in self.entries.values():
            for form in [e.name, *e.aliases]:
                for v in _variants(form):
                    self._add(self.forms, v, e.id)
                self._add(self.by_lower, form.lower().removeprefix("the "), e.id)
            for adj in e.adjectives:
                self._add(self.adjectives, adj, e.id)
            for title in e.titles:
                self._add(self.titles, title.lower(), e.id)
            if e.type == "PERSON" and e.country:
                country = self.entries.get(f"country:{e.country}")
                if country is not None:
                    for title in self._role_titles(e, country):
                        self._add(self.titles, title, e.id)
        for table in (self.forms, self.adjectives, self.by_lower):
            for ids in table.values():
                ids.sort(key=lambda i: -self.entries[i].priority)

    @staticmethod
    def _role_titles(person: KBEntry, country: KBEntry) -> list[str]:
        adjs = [a for a in country.adjectives if not _is_plural_demonym(a)]
        names = [country.name] + [a for a in country.aliases if len(a) <= 4 or a in ("America", "Britain")]
        out = []
        for role in person.roles:
            for adj in adjs:
                out.append(f"{adj} {role}")
            for name in names:
                out.append(f"{name} {role}")
                out.append(f"{name}'s {role}")
                out.append(f"{name}’s {role}")
            out.append(f"{role} of {country.name}")
        return [t.lower() for t in out]

    def get(self, entry_id: str | None) -> KBEntry | None:
        return self.entries.get(entry_id) if entry_id else None

    def lookup(self, text: str) -> KBEntry | None:
        """The best entry for a surface form, case-insensitively (datelines, bylines)."""
        ids = self.forms.get(text) or self.by_lower.get(text.lower().removeprefix("the "))
        return self.entries[ids[0]] if ids else None

    def matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher]:
        """``(names, titles)``: an ORTH matcher over names, aliases and adjectives (match ids
        ``name`` / ``adj``) and a LOWER matcher over role titles. Built once per vocab."""
        key = id(vocab)
        if key not in self._matchers:
            start = time.perf_counter()
            names = PhraseMatcher(vocab, attr="ORTH")
            names.add("name", [vocab_doc(vocab, f) for f in self.forms])
            names.add("adj", [vocab_doc(vocab, a) for a in self.adjectives])
            titles = PhraseMatcher(vocab, attr="LOWER")
            titles.add("title", [vocab_doc(vocab, t) for t in self.titles])
            self._matchers[key] = (names, titles)
            LOGGER.debug("gazetteer matchers built in %.2fs", time.perf_counter() - start)
        return self._matchers[key]


_TOKENIZERS: dict[int, Any] = {}


def vocab_doc(vocab: Vocab, text: str) -> Any:
    """Tokenise a pattern with the default English tokenizer rules on ``vocab``."""
    tok = _TOKENIZERS.get(id(vocab))
    if tok is None:
        from spacy.lang.en import English

        tok = English(vocab=vocab).tokenizer
        _TOKENIZERS[id(vocab)] = tok
    return tok(text)


@lru_cache(maxsize=1)
def bundled_entries() -> tuple[KBEntry, ...]:
    entries: list[KBEntry] = []
    for name in BUNDLED_FILES:
        path = GAZETTEER_DIR / name
        entries.extend(_entry(row, str(path)) for row in read_jsonl(path))
    entries.extend(_agency_entries())
    return tuple(entries)


def user_entries(path: str | Path) -> list[KBEntry]:
    """Entries of a user knowledge-base file (E201 on a bad line)."""
    return [_entry(row, str(path)) for row in read_jsonl(path)]


@lru_cache(maxsize=8)
def load_kb(use_gazetteer: bool = True, knowledge_base: str = "") -> KnowledgeBase:
    """The knowledge base: bundled gazetteer (when ``use_gazetteer``) plus the user's file."""
    entries: list[KBEntry] = []
    if use_gazetteer:
        entries.extend(KBEntry(**{**e.__dict__, "aliases": list(e.aliases)}) for e in bundled_entries())
    if knowledge_base:
        entries.extend(user_entries(knowledge_base))
    return KnowledgeBase(entries)


def lexicon() -> dict[str, Any]:
    """The role/org-noun lexicon (``gazetteer/roles.json``)."""
    return load_json("gazetteer/roles.json")  # type: ignore[no-any-return]
