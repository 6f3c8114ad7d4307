"""PolNeAR scoring: BRAT reading, annotator choice, exact/overlap/token matching."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.errors import EvalError
from storyline.eval.attributions import evaluate, render, score
from storyline.learn.brat import gold_spans, parse_ann, read_split
from storyline.settings import Config

ANN = ("T1\tSource 0 10\tThe senator\nT2\tCue 11 15\tsaid\nT3\tContent 16 30;31 40\tthe bill would pass\n"
       "T4\tAttribution 11 15\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T1\tnote\n")


def test_eval_attributions_score_parse_ann() -> None:
    spans, relations = parse_ann(ANN)
    assert spans["T3"].pieces == [(16, 30), (31, 40)]
    assert relations == [{"Attribution": "T4", "Content": "T3", "Cue": "T2", "Source": "T1"}]


def _split(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    text = "The senator said the bill would pass\nnext week.\n"
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    ann = "T1\tSource 0 11\tThe senator\nT2\tCue 12 16\tsaid\nT3\tContent 17 47\tthe bill would pass next week\n"
    (tmp_path / "attributions" / "a_bbbb.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "attributions" / "a_aaaa.ann").write_text(ann.replace("Cue 12 16", "Cue 12 15"), encoding="utf-8")
    return tmp_path


def test_eval_attributions_score_first_annotator_and_line_split(tmp_path: Path, vocab_nlp: Any) -> None:
    (article,) = read_split(_split(tmp_path))
    assert article.spans["T2"].pieces == [(12, 15)]  # the _aaaa file
    doc = vocab_nlp(article.text)
    got = [(sp.label_, sp.text) for sp in gold_spans(doc, article)]
    assert ("CONTENT", "the bill would pass") in got and ("CONTENT", "next week.") in got
    assert ("SOURCE", "The senator") in got


def test_eval_attributions_score_matching() -> None:
    gold = [[("SOURCE", 0, 2), ("CUE", 2, 3), ("CONTENT", 3, 10)]]
    pred = [[("SOURCE", 0, 2), ("CUE", 2, 3), ("CONTENT", 4, 10), ("CONTENT", 20, 22)]]
    s = score(gold, pred)
    assert s["source"]["exact"]["f1"] == 100.0
    assert s["content"]["exact"]["f1"] == 0.0
    assert s["content"]["overlap"]["p"] == 50.0 and s["content"]["overlap"]["r"] == 100.0
    assert s["content"]["token"]["r"] == round(100 * 6 / 7, 1)


def test_eval_attributions_score_bad_dir(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        read_split(tmp_path)


@pytest.mark.model
def test_eval_attributions_score_evaluate_runs(tmp_path: Path, config: Config) -> None:
    result = evaluate(str(_split(tmp_path)), config)
    assert result["articles"] == 1
    assert result["scores"]["cue"]["n_gold"]["spans"] == 1
    assert "| source |" in render(result)
