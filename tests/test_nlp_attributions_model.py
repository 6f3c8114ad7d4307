"""The trained tagger: loaded from model_path, ModelError (E203) when missing, run on the main tokens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyline.errors import ModelError
from storyline.nlp.attr_model import line_ranges, load_tagger, tag_doc
from storyline.settings import Config


def test_nlp_attributions_model_missing_raises_e203(tmp_path: Path, vocab_nlp: Any) -> None:
    from storyline.nlp.attributions import make_attributions

    with pytest.raises(ModelError) as err:
        make_attributions(vocab_nlp, "storyline_attributions", str(tmp_path / "none"), True)
    assert err.value.code == "E203"
    with pytest.raises(ModelError):
        load_tagger("")


def test_nlp_attributions_model_line_ranges(vocab_nlp: Any) -> None:
    doc = vocab_nlp("First line here.\n\nSecond line.\n")
    ranges = line_ranges(doc)
    assert [doc[s:e].text for s, e in ranges] == ["First line here.", "Second line."]


@pytest.mark.model
def test_nlp_attributions_model_tags_main_tokens(config: Config, vocab_nlp: Any) -> None:
    tagger = load_tagger(config.attribution_model)
    doc = vocab_nlp("Intro line.\n\nThe senator said that the bill would pass easily next week.")
    spans = {(label, doc[s:e].text) for label, s, e in tag_doc(tagger, doc)}
    assert ("CUE", "said") in spans
    assert ("SOURCE", "The senator") in spans
    assert any(label == "CONTENT" and "bill would pass" in text for label, text in spans)
