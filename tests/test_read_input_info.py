"""The record's `input` says where the article came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.read import read_path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.model
def test_read_input_html_page_url_and_format() -> None:
    page = SAMPLES / "02_arlen_ultimatum.html"
    html = page.read_text(encoding="utf-8")
    article = read_path(str(page))
    assert article.input.format == "html"
    assert article.input.url is not None and article.input.url in html
    assert article.metadata.published_from == "html"


@pytest.mark.model
def test_read_input_text_dump_has_no_url(seed_path: Path) -> None:
    article = read_path(str(seed_path))
    assert article.input.format == "text" and article.input.url is None
    assert article.text == seed_path.read_text(encoding="utf-8")
