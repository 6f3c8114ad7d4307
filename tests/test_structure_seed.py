"""The founding seed's structure against its gold reading (no spaCy model needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyline.ingest import sources
from storyline.read import prepare
from storyline.structure.layout import Layout


def _layout(seed_path: Path) -> Layout:
    return prepare(sources.load(str(seed_path), 5_000_000)).layout


def test_structure_seed_metadata(seed_path: Path, gold: dict[str, Any]) -> None:
    layout = _layout(seed_path)
    md, want = layout.metadata, gold["metadata"]
    assert md.title == want["title"]
    assert md.standfirst == want["standfirst"]
    assert md.authors == want["authors"] == ["Diyar Guldogan"]
    assert md.dateline is not None
    assert (md.dateline.place, md.dateline.agency, md.dateline.agency_code) == ("Washington", "Anadolu Agency", "AA")
    assert md.language == "en"
    assert md.published is None and md.published_from is None
    assert layout.text == seed_path.read_text(encoding="utf-8")


def test_structure_seed_regions(seed_path: Path, gold: dict[str, Any]) -> None:
    layout = _layout(seed_path)
    text = layout.text
    kinds = [r.kind for r in layout.regions]
    assert kinds[:4] == ["title", "standfirst", "byline", "dateline"]
    dateline = layout.regions[3]
    assert text[dateline.start:dateline.end] == "WASHINGTON (AA) - "
    body = [r for r in layout.regions if r.kind == "body"]
    assert body[0].start == dateline.end
    assert text[body[0].start:].startswith(gold["metadata"]["body_first_words"])
    assert text[:body[-1].end].endswith(gold["metadata"]["body_last_words"])
    assert kinds[-3:] == ["chrome", "chrome", "chrome"]
    chrome_texts = [text[r.start:r.end] for r in layout.regions if r.kind == "chrome"]
    assert chrome_texts == gold["metadata"]["page_chrome"]
    # regions are ordered and never overlap
    for a, b in zip(layout.regions, layout.regions[1:], strict=False):
        assert a.end <= b.start


def test_structure_seed_chrome(seed_path: Path) -> None:
    chrome = _layout(seed_path).metadata.chrome
    assert [(c.kind, c.value, c.language) for c in chrome] == [
        ("source_label", None, "tr"),
        ("views", 157, "en"),
        ("comment_policy", None, "tr"),
    ]
    assert chrome[1].text == "This news has been read 157 times in total"
    for c in chrome:
        assert c.start is not None and c.end is not None
