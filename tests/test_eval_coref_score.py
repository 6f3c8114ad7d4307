"""The coreference scorer: gold placement, majority-mapping accuracy, B³, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval.coref import evaluate, gold_mentions, render, score_article
from storyline.eval.paths import bench_dir
from storyline.record import Article, Entity, InputInfo, Mention
from storyline.settings import Config

TEXT = "Aldo Ferrant met Ilse Kovacs. Ferrant said he was happy. Kovacs said she was not."
GOLD = {"entities": {"f": {"mentions": ["Aldo Ferrant", "Ferrant", "he#1"]},
                     "k": {"mentions": ["Ilse Kovacs", "Kovacs", "she"]}}}


def _article(groups: dict[str, list[str]]) -> Article:
    entities = []
    for eid, texts in groups.items():
        mentions = []
        for spec in texts:
            surface, _, nth = spec.partition("#")
            start = -1
            for _ in range(int(nth or 1)):
                start = TEXT.index(surface, start + 1)
            mentions.append(Mention(start, start + len(surface), surface))
        entities.append(Entity(id=eid, name=eid, type="PERSON", mentions=mentions))
    return Article(id="x", input=InputInfo(), text=TEXT, entities=entities)


def test_eval_coref_score_gold_placement() -> None:
    placed = gold_mentions(TEXT, GOLD)
    assert [(TEXT[s:e], k) for s, e, k, _ in placed] == [
        ("Aldo Ferrant", "f"), ("Ilse Kovacs", "k"), ("Ferrant", "f"), ("he", "f"), ("Kovacs", "k"), ("she", "k")]
    with pytest.raises(EvalError):
        gold_mentions(TEXT, {"entities": {"f": {"mentions": ["he#2"]}}})


def test_eval_coref_score_perfect_and_merged() -> None:
    gold = gold_mentions(TEXT, GOLD)
    perfect = score_article(_article({"a": ["Aldo Ferrant", "Ferrant#2", "he"], "b": ["Ilse Kovacs", "Kovacs#2",
                                                                                        "she"]}), gold)
    assert perfect["correct"] == 6 and perfect["b3_p"] == 6 and perfect["b3_r"] == 6
    merged = score_article(_article({"a": ["Aldo Ferrant", "Ferrant#2", "he", "Ilse Kovacs", "Kovacs#2", "she"]}),
                           gold)
    assert merged["correct"] == 3  # one system entity maps to one gold entity only
    assert merged["b3_p"] == pytest.approx(3.0) and merged["b3_r"] == pytest.approx(6.0)
    missing = score_article(_article({"a": ["Aldo Ferrant", "Ferrant#2"], "b": ["Ilse Kovacs"]}), gold)
    assert missing["correct"] == 3
    assert missing["by_form"]["pronoun"] == [0, 2]
    assert len(missing["errors"]) == 3


@pytest.mark.model
def test_eval_coref_score_evaluate(tmp_path: Path, config: Config) -> None:
    source = bench_dir() / "coref"
    for name in ("inv_01_ferrant_rejects_plan", "real_13_nato_summit"):
        shutil.copy(source / f"{name}.txt", tmp_path)
        shutil.copy(source / f"{name}.json", tmp_path)
    result = evaluate(str(tmp_path), config)
    on, off = result["gazetteer_on"], result["gazetteer_off"]
    assert on["articles"] == 2 and on["mentions"] == off["mentions"] > 30
    assert on["accuracy"] >= 0.8
    assert on["accuracy"] >= off["accuracy"]
    table = render(result)
    assert "mention accuracy" in table and "| on |" in table
    json.dumps(result)


def test_eval_coref_score_missing_dir(tmp_path: Path, config: Config) -> None:
    with pytest.raises(EvalError):
        evaluate(str(tmp_path / "none"), config)
