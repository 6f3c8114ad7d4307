"""``storyline.eval.times``: the test set loads, and the evaluation scores what the pipeline finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval import times as eval_times
from storyline.settings import Config


def test_eval_times_bench_set_is_well_formed() -> None:
    cases = eval_times.load_cases(eval_times.DEFAULT_PATH)
    assert len(cases) >= 150
    assert {c["granularity"] for c in cases} >= {"day", "week", "month", "year", "interval"}
    assert any(c["anchor"] is None for c in cases)


def test_eval_times_bench_rejects_bad_case(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps({"sentence": "Talks ended.", "expression": "on Monday", "anchor": None,
                                "value": None, "granularity": "day"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError):
        eval_times.load_cases(path)


@pytest.mark.model
def test_eval_times_bench_scores(tmp_path: Path, config: Config) -> None:
    rows = [
        {"sentence": "Putin said on Thursday that he would go.", "expression": "on Thursday",
         "anchor": "2025-08-08", "value": "2025-08-07", "granularity": "day"},
        {"sentence": "Talks ended last week.", "expression": "last week",
         "anchor": "2025-08-08", "value": "1999-W01", "granularity": "week"},  # deliberately wrong value
        {"sentence": "Nothing happened here.", "expression": "here",
         "anchor": "2025-08-08", "value": "2025", "granularity": "year"},  # nothing to find
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = eval_times.evaluate(str(path), config)
    assert result["cases"] == 3
    assert result["detection"] == pytest.approx(2 / 3)
    assert result["value"] == pytest.approx(1 / 3)
    assert [f["line"] for f in result["failures"]] == [2, 3]
    text = eval_times.render(result)
    assert "value accuracy" in text and "cases.jsonl:2" in text
