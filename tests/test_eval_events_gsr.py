"""The PLOVER gold-standard evaluation: category mapping, split, head-word matching, and the scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import EvalError
from storyline.eval import events as ev
from storyline.settings import Config


def test_eval_events_gsr_mapping_and_split() -> None:
    assert ev.gold_type({"event": "DEMAND"}) == "REQUEST"
    assert ev.gold_type({"event": "DISAPPROVE"}) == "ACCUSE"
    assert ev.gold_type({"event": "FIGHT"}) == "ASSAULT"
    assert ev.gold_type({"event": "INVESTIGATE"}) == "INVESTIGATE"
    assert ev.split_of({"id": "PLOVER-GSR01-AGREE-0007"}) == "dev"
    assert ev.split_of({"id": "PLOVER-GSR01-AGREE-0012"}) == "heldout"


def test_eval_events_gsr_head_word_match() -> None:
    assert ev.mention_matches("Russian", ["Russian negotiators"])
    assert ev.mention_matches("it / Hungary", ["Hungary"])
    assert ev.mention_matches("Palestinians", ["Palestinian"])  # same stem
    assert not ev.mention_matches("officials", ["Senior officials"])  # titles and generic heads do not count
    assert not ev.mention_matches(None, ["Iran"])
    assert not ev.mention_matches("Iraq", ["Iran"])


def test_eval_events_gsr_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "gsr.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvalError):
        ev.load_records(bad)


@pytest.mark.model
def test_eval_events_gsr_scores(config: Config) -> None:
    path = ev.default_path()
    if not path.exists():
        pytest.skip("shared/bench/plover not present")
    result = ev.evaluate(str(path), config)
    assert result["all"]["records"] == 322
    assert result["all"]["type_accuracy"] >= 0.75
    assert result["heldout"]["type_accuracy"] >= 0.70
    assert result["all"]["source_accuracy"] >= 0.60
    text = ev.render(result)
    assert "heldout" in text and "type-acc" in text
