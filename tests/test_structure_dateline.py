"""Datelines at the start of the first paragraph."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.structure.dateline import match_dateline


@pytest.mark.parametrize(("text", "prefix", "place", "agency", "code"), [
    ("WASHINGTON (AA) - The US and", "WASHINGTON (AA) - ", "Washington", "Anadolu Agency", "AA"),
    ("LONDON (Reuters) - Britain said", "LONDON (Reuters) - ", "London", "Reuters", "Reuters"),
    ("KYIV, Ukraine (AP) — Russian drones", "KYIV, Ukraine (AP) — ", "Kyiv", "Associated Press", "AP"),
    ("MOSCOW, Aug 8 (Reuters) - Russia", "MOSCOW, Aug 8 (Reuters) - ", "Moscow", "Reuters", "Reuters"),
    ("PARIS (AFP) – France will", "PARIS (AFP) – ", "Paris", "Agence France-Presse", "AFP"),
    ("Berlin, 8 August (dpa) - Die Regierung", "Berlin, 8 August (dpa) - ", "Berlin", "Deutsche Presse-Agentur",
     "dpa"),
    ("ANKARA – Turkey's parliament", "ANKARA – ", "Ankara", None, None),
    ("RIO DE JANEIRO (Reuters) - Brazil", "RIO DE JANEIRO (Reuters) - ", "Rio de Janeiro", "Reuters", "Reuters"),
    ("BEIJING (Xinhua) -- China", "BEIJING (Xinhua) -- ", "Beijing", "Xinhua News Agency", "Xinhua"),
    ("Madrid, 8 ago (EFE).- El Gobierno", "Madrid, 8 ago (EFE).- ", "Madrid", "Agencia EFE", "EFE"),
    ("NEW DELHI/ISLAMABAD (Reuters) - India", "NEW DELHI/ISLAMABAD (Reuters) - ", "New Delhi/Islamabad", "Reuters",
     "Reuters"),
    ("DİYARBAKIR (AA) - Kentte", "DİYARBAKIR (AA) - ", "Diyarbakır", "Anadolu Agency", "AA"),
    ("МОСКВА, 8 августа. /ТАСС/. Президент", "МОСКВА, 8 августа. /ТАСС/. ", "Москва", "TASS", "TASS"),
    ("МОСКВА, 8 авг — РИА Новости. Президент", "МОСКВА, 8 авг — РИА Новости. ", "Москва", "RIA Novosti", "RIA"),
    ("ST. JOSEPH, Mich. (AP) — A man", "ST. JOSEPH, Mich. (AP) — ", "St. Joseph", "Associated Press", "AP"),
])
def test_structure_dateline_forms(text: str, prefix: str, place: str, agency: str | None, code: str | None) -> None:
    m = match_dateline(text)
    assert m is not None
    assert text[:m.end] == prefix
    assert (m.dateline.place, m.dateline.agency, m.dateline.agency_code) == (place, agency, code)


@pytest.mark.parametrize("text", [
    "Paris - the city of light - is",
    "BREAKING: Something happened",
    "The US and Russia are aiming - to agree",
    "ISTANBUL: Turkey said",
    "Putin said on Thursday that",
])
def test_structure_dateline_rejects(text: str) -> None:
    assert match_dateline(text) is None


def test_structure_dateline_date() -> None:
    m = match_dateline("NEW YORK, Aug. 8, 2025 (AP) — Stocks rose")
    assert m is not None and m.date == dt.date(2025, 8, 8)
    m = match_dateline("MOSCOW, Aug 8 (Reuters) - Russia")
    assert m is not None and m.date is None  # no year: not a full date
