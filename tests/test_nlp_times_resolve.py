"""``storyline.nlp.times.resolve`` and the grammar, without the spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.times import resolve
from storyline.nlp.timex_grammar import find_candidates

FRI = dt.date(2025, 8, 8)  # Friday, ISO week 32


@pytest.mark.parametrize(("text", "tense", "value", "gran"), [
    ("on Friday", "past", "2025-08-08", "day"),
    ("as early as next week", None, "2025-W33", "week"),
    ("in 2014", None, "2014", "year"),
    ("in February 2022", None, "2022-02", "month"),
    ("next week", "future", "2025-W33", "week"),
    ("on Thursday", "past", "2025-08-07", "day"),
])
def test_nlp_times_resolve_seed_values(text: str, tense: str | None, value: str, gran: str) -> None:
    assert resolve(text, FRI, tense) == (value, gran)


def test_nlp_times_resolve_next_weekday() -> None:
    # dateparser gives nothing for "next <weekday>"; ours is the first one strictly after the anchor
    assert resolve("next Monday", FRI, "future") == ("2025-08-11", "day")
    assert resolve("next Friday", FRI, "future") == ("2025-08-15", "day")
    assert resolve("next Wednesday", dt.date(2024, 3, 13)) == ("2024-03-20", "day")
    assert resolve("last Saturday", FRI, "past") == ("2025-08-02", "day")
    assert resolve("this Friday", dt.date(2024, 3, 13), "future") == ("2024-03-15", "day")


def test_nlp_times_resolve_weekday_direction_follows_tense() -> None:
    assert resolve("on Wednesday", FRI, "past") == ("2025-08-06", "day")
    assert resolve("on Wednesday", FRI, "future") == ("2025-08-13", "day")
    assert resolve("on Monday", FRI, "present") == ("2025-08-11", "day")  # "talks begin on Monday"
    assert resolve("on Saturday", FRI, None) == ("2025-08-09", "day")  # no verb: the nearest
    # the anchor's own weekday is the anchor day in either direction
    assert resolve("on Friday", FRI, "future") == ("2025-08-08", "day")


def test_nlp_times_resolve_following_day_counts_from_ref() -> None:
    assert resolve("the following day", FRI, "past", ref=dt.date(2025, 8, 4)) == ("2025-08-05", "day")
    assert resolve("two days later", None, "past", ref=dt.date(2025, 7, 28)) == ("2025-07-30", "day")
    assert resolve("the day before", FRI, "past", ref=dt.date(2025, 8, 2)) == ("2025-08-01", "day")
    assert resolve("the following day", FRI, "past") == (None, "day")  # nothing to count from


@pytest.mark.parametrize(("text", "anchor", "tense", "value", "gran"), [
    ("yesterday", FRI, "past", "2025-08-07", "day"),
    ("tomorrow", dt.date(2026, 2, 28), "present", "2026-03-01", "day"),
    ("Aug. 21", FRI, "past", "2024-08-21", "day"),
    ("Aug. 21", FRI, "future", "2025-08-21", "day"),
    ("21 August", FRI, None, "2025-08-21", "day"),
    ("August 21, 2025", None, None, "2025-08-21", "day"),
    ("two days ago", FRI, "past", "2025-08-06", "day"),
    ("this week", dt.date(2024, 12, 30), "present", "2025-W01", "week"),
    ("last week", dt.date(2025, 1, 5), "past", "2024-W52", "week"),
    ("in two weeks", FRI, "future", "2025-W34", "week"),
    ("last month", dt.date(2025, 1, 5), "past", "2024-12", "month"),
    ("in December", dt.date(2024, 3, 13), "past", "2023-12", "month"),
    ("in January", dt.date(2024, 3, 13), "future", "2025-01", "month"),
    ("until September", FRI, "past", "2025-09", "month"),
    ("earlier this year", FRI, "past", "2025", "year"),
    ("by the end of the year", FRI, "future", "2025", "year"),
    ("mid-2024", FRI, None, "2024", "year"),
    ("this year", dt.date(2024, 12, 30), "present", "2024", "year"),
    ("the 1990s", FRI, None, "1990/1999", "interval"),
    ("the '90s", FRI, None, "1990/1999", "interval"),
    ("spring 2023", None, None, "2023-03/2023-05", "interval"),
    ("Q3", FRI, "future", "2025-07/2025-09", "interval"),
    ("the fourth quarter", dt.date(2024, 3, 13), "past", "2023-10/2023-12", "interval"),
    ("this weekend", FRI, "future", "2025-08-09/2025-08-10", "interval"),
    ("from Aug. 20 to Aug. 24", FRI, "present", "2025-08-20/2025-08-24", "interval"),
    ("Between 2014 and 2022", FRI, "past", "2014/2022", "interval"),
    ("Aug. 4-6", FRI, "past", "2025-08-04/2025-08-06", "interval"),
])
def test_nlp_times_resolve_granularities(text: str, anchor: dt.date | None, tense: str | None, value: str,
                                         gran: str) -> None:
    assert resolve(text, anchor, tense) == (value, gran)


@pytest.mark.parametrize(("text", "gran"), [
    ("next week", "week"), ("on Thursday", "day"), ("last month", "month"), ("earlier this year", "year"),
    ("Aug. 21", "day"), ("Q3", "interval"), ("yesterday", "day"), ("in two weeks", "week"),
])
def test_nlp_times_resolve_no_anchor_relative_is_null(text: str, gran: str) -> None:
    assert resolve(text, None, "past") == (None, gran)


def test_nlp_times_resolve_no_anchor_absolute_kept() -> None:
    assert resolve("in 2014", None) == ("2014", "year")
    assert resolve("February 2022", None) == ("2022-02", "month")
    assert resolve("on 1 September 2022", None, "past") == ("2022-09-01", "day")


def test_nlp_times_resolve_unknown_text() -> None:
    assert resolve("the talks", FRI) == (None, "unknown")


def _found(text: str) -> list[str]:
    return [text[c.start:c.end] for c in find_candidates(text)]


def test_nlp_times_grammar_keeps_prepositions() -> None:
    text = "Putin said on Thursday that a summit could come as early as next week, as in 2014."
    assert _found(text) == ["on Thursday", "as early as next week", "in 2014"]


@pytest.mark.parametrize("text", [
    "Prices rose for two weeks.",            # a duration
    "The war has lasted three years.",       # a duration
    "The company said it may cut 2,000 jobs.",
    "Theresa May met the president.",
    "Protesters march through the city.",
    "The army lost 2014 soldiers.",
    "The fall of Kabul shocked the world.",
    "Russia Today reported the strike.",
    "He stayed at Mar-a-Lago.",
    "He appeared on CBS's \u201cThis Morning,\u201d on cable.",
])
def test_nlp_times_grammar_rejects_non_times(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "anchor", "tense", "value", "gran"), [
    ("last Thursday", dt.date(2023, 9, 1), "past", "2023-08-24", "day"),   # Friday report: not yesterday
    ("last Monday", dt.date(2024, 10, 16), "past", "2024-10-14", "day"),
    ("this past Thursday", dt.date(2023, 9, 1), "past", "2023-08-31", "day"),
    ("on the 28th", dt.date(2023, 9, 1), "past", "2023-08-28", "day"),
    ("on Christmas Day", dt.date(2026, 1, 9), "past", "2025-12-25", "day"),
    ("the day after tomorrow", dt.date(2024, 10, 16), "future", "2024-10-18", "day"),
    ("a fortnight ago", dt.date(2024, 10, 16), "past", "2024-W40", "week"),
    ("Seventy-four years ago", dt.date(2016, 6, 4), "past", "1942", "year"),
    ("the week before last", dt.date(2024, 10, 16), "past", "2024-W40", "week"),
    ("in the fourth quarter of last year", dt.date(2026, 1, 9), "past", "2025-10/2025-12", "interval"),
    ("from Monday to Wednesday", dt.date(2024, 10, 16), "future", "2024-10-21/2024-10-23", "interval"),
])
def test_nlp_times_resolve_harder_forms(text: str, anchor: dt.date, tense: str, value: str, gran: str) -> None:
    assert resolve(text, anchor, tense) == (value, gran)


def test_nlp_times_grammar_day_of_month_needs_on() -> None:
    assert _found("He served in the 3rd Battalion.") == []
    assert _found("Talks broke down on the 28th.") == ["on the 28th"]
