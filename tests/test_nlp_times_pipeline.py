"""``storyline_times`` through the pipeline: seed times, tense from the parse, no-anchor nulls."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyline.nlp.times import NO_DATE_WARNING, storyline_times
from storyline.record import Article, Region

FRI = dt.date(2025, 8, 8)


def _times(nlp: Any, text: str, published: dt.date | None) -> list[tuple[str, str | None, str]]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc._.regions = []
    names = list(nlp.pipe_names)
    with nlp.select_pipes(disable=names[names.index("storyline_times") + 1:]):
        doc = nlp(doc)
    return [(t.text, t.value, t.granularity) for t in doc._.sl_times]


@pytest.mark.model
def test_nlp_times_pipeline_seed_times(seed_article: Article, gold: dict[str, Any]) -> None:
    got = [(t.text, t.value) for t in seed_article.times]
    want = {(g["text"], g["value"]) for g in gold["times"]}
    assert set(got) == want
    assert got.count(("on Thursday", "2025-08-07")) == 2
    assert got.count(("as early as next week", "2025-W33")) == 2
    assert [t.id for t in seed_article.times] == [f"t{i}" for i in range(1, len(got) + 1)]
    for t in seed_article.times:
        assert seed_article.text[t.start:t.end] == t.text


@pytest.mark.model
def test_nlp_times_pipeline_seed_undated_nulls(seed_article_undated: Article) -> None:
    by_text = {t.text: t for t in seed_article_undated.times}
    assert by_text["in 2014"].value == "2014"
    assert by_text["in February 2022"].value == "2022-02"
    for text in ("on Friday", "on Thursday", "next week", "as early as next week"):
        assert by_text[text].value is None
    assert by_text["next week"].granularity == "week"
    assert NO_DATE_WARNING in seed_article_undated.warnings


@pytest.mark.model
def test_nlp_times_pipeline_weekday_tense(nlp: Any) -> None:
    assert _times(nlp, "The envoy travelled to Moscow on Wednesday.", FRI) == [("on Wednesday", "2025-08-06", "day")]
    assert _times(nlp, "The envoy will travel to Moscow on Wednesday.", FRI) == [("on Wednesday", "2025-08-13", "day")]
    assert _times(nlp, "The ministers are expected to sign the accord on Tuesday.", FRI) == \
        [("on Tuesday", "2025-08-12", "day")]
    assert _times(nlp, "The president will address the nation next Monday.", FRI) == \
        [("next Monday", "2025-08-11", "day")]


@pytest.mark.model
def test_nlp_times_pipeline_following_day(nlp: Any) -> None:
    got = _times(nlp, "The talks opened on Aug. 4 and the text was signed the following day.", FRI)
    assert got == [("on Aug. 4", "2025-08-04", "day"), ("the following day", "2025-08-05", "day")]


@pytest.mark.model
def test_nlp_times_pipeline_durations_skipped(nlp: Any) -> None:
    assert _times(nlp, "The economy grew 5 percent in two years.", FRI) == []
    assert _times(nlp, "Fighting lasted for two weeks.", FRI) == []


def test_nlp_times_pipeline_chrome_ignored_and_warning(vocab_nlp: Any) -> None:
    text = "Talks ended on Monday.\nShared on Tuesday"
    doc = vocab_nlp.make_doc(text)
    doc._.published = None
    doc._.regions = [Region("body", 0, 22), Region("chrome", 23, len(text))]
    doc = storyline_times(doc)
    assert [(t.id, t.text, t.value, t.granularity) for t in doc._.sl_times] == [("t1", "on Monday", None, "day")]
    assert doc._.sl_warnings == [NO_DATE_WARNING]


def test_nlp_times_pipeline_no_warning_with_anchor(vocab_nlp: Any) -> None:
    doc = vocab_nlp.make_doc("Talks ended in 2014.")
    doc._.published = FRI
    doc._.regions = []
    doc = storyline_times(doc)
    assert [(t.start, t.end, t.value) for t in doc._.sl_times] == [(12, 19, "2014")]
    assert not doc._.sl_warnings


@pytest.mark.model
def test_nlp_times_pipeline_tense_through_clauses(nlp: Any) -> None:
    sun = dt.date(2016, 9, 25)
    # "going" takes its tense from "kept": a past Friday, not the coming one
    assert _times(nlp, "Marchers kept going until nearly 2 a.m. Friday in defiance of the curfew.", sun) == \
        [("Friday", "2016-09-23", "day")]
    # present perfect progressive is past
    assert _times(nlp, "Trump has been attacking her since Monday.", sun) == [("since Monday", "2016-09-19", "day")]
    # "planned for" points forward even when the main verb is past
    assert _times(nlp, "The summit, planned for Nov. 4-5, was cancelled.", dt.date(2024, 10, 16)) == \
        [("Nov. 4-5", "2024-11-04/2024-11-05", "interval")]
