"""Compiled lexicons of the structure stage, read once from ``storyline/data``.

Inputs: ``chrome.json`` (page-chrome line patterns per kind and language),
``structure.json`` (byline markers, words that are not names, dateline and
date words) and ``agencies.json`` (news agencies: code, name, aliases).
Outputs: cached, compiled views of them for :mod:`.chrome`, :mod:`.byline`,
:mod:`.dateline` and :mod:`.dates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import KnowledgeBaseError
from ..lexicon import data_path, load_json


@dataclass(frozen=True)
class ChromeRule:
    """One page-chrome pattern: a whole-line regular expression and what a match means."""

    kind: str
    language: str | None
    value: str | None  # "int" | "text" | None
    starts_list: bool
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def chrome_rules() -> tuple[ChromeRule, ...]:
    data = load_json("chrome.json")
    rules: list[ChromeRule] = []
    for row in data.get("chrome", []):
        for pattern in row.get("patterns", []):
            try:
                regex = re.compile(pattern, re.IGNORECASE)
            except re.error as err:
                where = str(data_path("chrome.json"))
                raise KnowledgeBaseError(f"bad chrome pattern {pattern!r}: {err}", where) from err
            rules.append(ChromeRule(row["kind"], row.get("language"), row.get("value"), bool(row.get("list")), regex))
    return tuple(rules)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """``structure.json`` as a dict (do not mutate)."""
    data: dict[str, Any] = load_json("structure.json")
    return data


@lru_cache(maxsize=1)
def word_set(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon().get(name, []))


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    country: str | None = None


@lru_cache(maxsize=1)
def agencies() -> dict[str, Agency]:
    """Every code, name and alias of ``agencies.json``, case-folded, to its agency."""
    table: dict[str, Agency] = {}
    for row in load_json("agencies.json"):
        agency = Agency(row["code"], row["name"], row.get("country"))
        for key in [row["code"], row["name"], *row.get("aliases", [])]:
            table.setdefault(key.casefold(), agency)
    return table


def find_agency(text: str) -> Agency | None:
    """The agency named exactly by ``text`` (code, name or alias; case-insensitive), if any."""
    key = " ".join(text.split()).strip(" .,;:|()[]").casefold()
    if not key:
        return None
    found = agencies().get(key)
    if found is None and key.startswith("the "):
        found = agencies().get(key[4:])
    return found


@lru_cache(maxsize=1)
def month_table() -> dict[str, int]:
    """Month names and abbreviations of several languages to 1..12."""
    table: dict[str, int] = {}
    for names in lexicon().get("months", {}).values():
        if isinstance(names, dict):
            for name, number in names.items():
                table[name.casefold()] = int(number)
        else:
            for i, name in enumerate(names, 1):
                table.setdefault(name.casefold(), i)
    return table


def month_number(word: str) -> int | None:
    return month_table().get(word.casefold().rstrip("."))


@lru_cache(maxsize=1)
def month_alternation() -> str:
    """A regex alternation of every month word, longest first."""
    names = sorted(month_table(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)
