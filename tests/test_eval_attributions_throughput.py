"""Throughput evaluation: the whole read beside the bare model on the same texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval.throughput import evaluate, render
from storyline.settings import Config


def test_eval_attributions_throughput_empty_dir(tmp_path: Path, config: Config) -> None:
    with pytest.raises(EvalError):
        evaluate(str(tmp_path), config)


@pytest.mark.model
def test_eval_attributions_throughput_runs(tmp_path: Path, config: Config) -> None:
    (tmp_path / "text").mkdir()
    for n in range(2):
        (tmp_path / "text" / f"{n}.txt").write_text(
            f"Talks resume\n\nThe talks will resume on Monday, officials said. Item {n}.\n", encoding="utf-8")
    result = evaluate(str(tmp_path), config)
    assert result["articles"] == 2 and result["errors"] == 0
    assert result["attributions"] >= 2
    assert result["storyline_read"]["articles_per_s"] > 0 and result["bare_model"]["articles_per_s"] > 0
    assert "whole `storyline read`" in render(result)
