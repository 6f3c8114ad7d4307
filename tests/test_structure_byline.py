"""Bylines and credit lines to people."""

from __future__ import annotations

import pytest

from storyline.structure.byline import clean_authors, parse_byline, parse_credits


@pytest.mark.parametrize(("line", "authors"), [
    ("By Diyar Guldogan", ["Diyar Guldogan"]),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, John Roe and Ann Smith", ["Jane Doe", "John Roe", "Ann Smith"]),
    ("Jane Doe | Reuters", ["Jane Doe"]),
    ("Written by Jane Doe", ["Jane Doe"]),
    ("Jane Doe and John Roe, Reuters", ["Jane Doe", "John Roe"]),
    ("By JANE DOE, Senior Correspondent", ["Jane Doe"]),
    ("By Jane Doe jane.doe@example.com", ["Jane Doe"]),
    ("By Jane Doe | Aug 8, 2025", ["Jane Doe"]),
    ("By Ahmed al-Masri in Cairo", ["Ahmed al-Masri"]),
    ("Von Hans Müller", ["Hans Müller"]),
    ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
    ("Por María García y José López", ["María García", "José López"]),
    ("By Reuters Staff", []),
    ("By AFP", []),
])
def test_structure_byline_forms(line: str, authors: list[str]) -> None:
    parsed = parse_byline(line)
    assert parsed is not None
    assert parsed.authors == authors


def test_structure_byline_agencies_named() -> None:
    parsed = parse_byline("Jane Doe | Reuters")
    assert parsed is not None and parsed.agencies == ["Reuters"]
    parsed = parse_byline("By AA")
    assert parsed is not None and parsed.agencies == ["Anadolu Agency"] and parsed.authors == []


@pytest.mark.parametrize("line", [
    "The US and Russia are aiming to reach a deal",
    "By the way, this is a sentence about something",
    "by Jane Doe",  # lower-case "by" opens sentences, not bylines
    "Jane Doe",
    "Donald Trump | Putin talks stall as Kyiv objects",
])
def test_structure_byline_rejects(line: str) -> None:
    assert parse_byline(line) is None


def test_structure_byline_credits() -> None:
    parsed = parse_credits("Reporting by Jane Doe and John Roe in Moscow; Editing by Ann Smith")
    assert parsed is not None and parsed.authors == ["Jane Doe", "John Roe"]
    parsed = parse_credits("(Reporting by Will Dunham; Additional reporting by Mark Hosenball; Editing by Tom Brown)")
    assert parsed is not None and parsed.authors == ["Will Dunham", "Mark Hosenball"]
    parsed = parse_credits("Keith Bradsher contributed reporting from Hong Kong.")
    assert parsed is not None and parsed.authors == []
    assert parse_credits("The reporting by officials was thin, he said.") is None


def test_structure_byline_clean_authors() -> None:
    assert clean_authors("Diyar Guldogan; Reuters") == ["Diyar Guldogan"]
    assert clean_authors("By JANE DOE, Staff Writer") == ["Jane Doe"]
    assert clean_authors("Jane Doe March") == ["Jane Doe"]
    assert clean_authors(None) == []
    assert clean_authors("Associated Press") == []
