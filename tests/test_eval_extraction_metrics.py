"""The extraction benchmarks' measures (no benchmark data needed)."""

from __future__ import annotations

import pytest

from storyline.eval.extraction import (
    author_match,
    date_match,
    lang_match,
    metrics_from_counts,
    norm_title,
    render,
    shingle_matching,
)


def test_eval_extraction_metrics_shingles() -> None:
    truth = "one two three four five six"
    assert shingle_matching(truth, truth) == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_matching(truth, "one two three four five six seven")
    assert tp == pytest.approx(3 / 4) and fp == pytest.approx(1 / 4) and fn == 0.0
    assert shingle_matching(truth, "") == (0.0, 0.0, 1.0)


def test_eval_extraction_metrics_averages() -> None:
    m = metrics_from_counts([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert m["precision"] == pytest.approx(0.75)
    assert m["recall"] == pytest.approx(1.0)
    assert m["f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_eval_extraction_metrics_fields() -> None:
    assert norm_title("Apple’s  Vision Pro") == norm_title("apple's vision pro")
    assert author_match("By Nathan Willis\n   March 25, 2015", ["Nathan Willis"])
    assert author_match("Jane Doe and John Roe", ["Jane Doe", "John Roe"])
    assert not author_match("Jane Doe", ["John Roe"])
    assert not author_match("Jane Doe", [])
    assert date_match("2018-04-05T06:00", "2018-04-05")
    assert not date_match("2018-04-05T06:00", None)
    assert lang_match("en-US", "en") and not lang_match("fr", "en")


def test_eval_extraction_metrics_render() -> None:
    result = {"benchmark": "scrapinghub", "pages": 1,
              "systems": {"storyline": {"f1": 1.0, "precision": 1.0, "recall": 1.0, "seconds": 0.1}}}
    assert "| storyline | 1.000 |" in render(result)
