"""Dates stated in article text."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.structure.dates import date_line, find_dates

AUG8 = dt.date(2025, 8, 8)


@pytest.mark.parametrize("text", [
    "Published: 08.08.2025", "Aug 8, 2025", "8 August 2025", "8 Ağustos 2025", "8 августа 2025 г.",
    "2025-08-08T14:05:00+03:00", "Friday, August 8, 2025 14:05 GMT", "8 de agosto de 2025", "le 8 août 2025",
    "Veröffentlicht am 8. August 2025",
])
def test_structure_dates_date_lines(text: str) -> None:
    found = date_line(text)
    assert found is not None and found.date == AUG8


def test_structure_dates_labels() -> None:
    assert date_line("Published: 08.08.2025").label == "published"  # type: ignore[union-attr]
    assert date_line("UPDATED: Tue., Nov. 19, 2019").label == "updated"  # type: ignore[union-attr]
    assert date_line("Aug 8, 2025").label == ""  # type: ignore[union-attr]


def test_structure_dates_ambiguous_and_prose() -> None:
    assert find_dates("05/10/2018") == []  # day or month first? not said
    assert [f.date for f in find_dates("13/10/2018")] == [dt.date(2018, 10, 13)]
    assert date_line("Putin said on August 8, 2025 that he would meet Trump") is None
    assert find_dates("Aug 8") == []  # no year
