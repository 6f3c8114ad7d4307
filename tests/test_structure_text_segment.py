"""Segmentation of plain-text dumps: title, standfirst, bylines, datelines, body, chrome."""

from __future__ import annotations

import pytest

from storyline.errors import NotAnArticleError
from storyline.structure.layout import Layout
from storyline.structure.text import segment_text


def _spans(layout: Layout) -> list[tuple[str, str]]:
    return [(r.kind, layout.text[r.start:r.end]) for r in layout.regions]


def test_structure_text_segment_full_header() -> None:
    text = ("Title of the story here\n"
            "By Jane Doe | Reuters\n"
            "Published: 08.08.2025\n"
            "LONDON (Reuters) - The government said on Friday it would act.\n"
            "It gave no details.\n"
            "Reporting by Jane Doe; Editing by John Roe\n"
            "Share on Facebook\n")
    layout = segment_text(text)
    assert layout.text == text
    assert _spans(layout) == [
        ("title", "Title of the story here"),
        ("byline", "By Jane Doe | Reuters"),
        ("chrome", "Published: 08.08.2025"),
        ("dateline", "LONDON (Reuters) - "),
        ("body", "The government said on Friday it would act."),
        ("body", "It gave no details."),
        ("byline", "Reporting by Jane Doe; Editing by John Roe"),
        ("chrome", "Share on Facebook"),
    ]
    md = layout.metadata
    assert md.authors == ["Jane Doe"]
    assert md.published == "2025-08-08" and md.published_from == "text"
    assert md.dateline is not None and md.dateline.agency == "Reuters"
    assert [c.kind for c in md.chrome] == ["other", "share"]


def test_structure_text_segment_standfirst_by_shape() -> None:
    text = ("Ministers agree budget after long night\n"
            "Deal ends months of wrangling over spending, officials say\n"
            "The cabinet approved the budget early on Tuesday.\n"
            "Opposition parties criticised it.\n")
    layout = segment_text(text)
    assert layout.metadata.standfirst == "Deal ends months of wrangling over spending, officials say"
    assert [k for k, _ in _spans(layout)] == ["title", "standfirst", "body", "body"]


def test_structure_text_segment_no_standfirst_for_prose() -> None:
    text = ("Ministers agree budget\n"
            "The cabinet approved the budget early on Tuesday.\n"
            "Opposition parties criticised it.\n")
    layout = segment_text(text)
    assert layout.metadata.standfirst is None
    assert [k for k, _ in _spans(layout)] == ["title", "body", "body"]
    assert layout.metadata.published is None


def test_structure_text_segment_chrome_top_and_middle() -> None:
    text = ("Share on Facebook\n"
            "Floods hit the north\n"
            "ANKARA – Heavy rain flooded several towns on Monday.\n"
            "Related:\n"
            "Storm warnings issued for coast\n"
            "Rescue teams deployed in three provinces\n"
            "Officials said the water was receding.\n"
            "Bu haber 1.234 kez okundu\n")
    layout = segment_text(text)
    assert _spans(layout) == [
        ("chrome", "Share on Facebook"),
        ("title", "Floods hit the north"),
        ("dateline", "ANKARA – "),
        ("body", "Heavy rain flooded several towns on Monday."),
        ("chrome", "Related:"),
        ("chrome", "Storm warnings issued for coast"),
        ("chrome", "Rescue teams deployed in three provinces"),
        ("body", "Officials said the water was receding."),
        ("chrome", "Bu haber 1.234 kez okundu"),
    ]
    md = layout.metadata
    assert md.title == "Floods hit the north"
    assert md.dateline is not None and md.dateline.place == "Ankara" and md.dateline.agency is None
    assert [(c.kind, c.value) for c in md.chrome][-1] == ("views", 1234)


def test_structure_text_segment_single_paragraph() -> None:
    layout = segment_text("Just one paragraph of text without any header at all.")
    assert [r.kind for r in layout.regions] == ["body"]
    assert layout.metadata.title is None


def test_structure_text_segment_crlf_offsets() -> None:
    text = "Title here\r\nBy Jane Doe\r\n  Body paragraph one.  \r\nBody two.\r\n"
    layout = segment_text(text)
    assert _spans(layout) == [("title", "Title here"), ("byline", "By Jane Doe"),
                              ("body", "Body paragraph one."), ("body", "Body two.")]


def test_structure_text_segment_wrapped_paragraphs() -> None:
    text = ("Title here\n\n"
            "First paragraph starts here and goes on for a while\nwraps onto a second line.\n\n"
            "Second paragraph.\n")
    layout = segment_text(text)
    first = "First paragraph starts here and goes on for a while\nwraps onto a second line."
    assert _spans(layout) == [("title", "Title here"), ("body", first), ("body", "Second paragraph.")]


def test_structure_text_segment_header_only() -> None:
    layout = segment_text("Ceasefire agreed in the north\nBy Jane Doe\n")
    assert "body" in [r.kind for r in layout.regions]


def test_structure_text_segment_only_chrome() -> None:
    with pytest.raises(NotAnArticleError):
        segment_text("Share on Facebook\nThis news has been read 157 times in total\n")


def test_structure_text_segment_published_unlabelled_and_conflicting() -> None:
    head, body = "Floods hit the north\n", "Heavy rain flooded several towns on Monday.\nMore rain is due.\n"
    one = segment_text(head + "Aug 8, 2025\n" + body)
    assert one.metadata.published == "2025-08-08" and one.metadata.published_from == "text"
    two = segment_text(head + "Aug 8, 2025\nAug 9, 2025\n" + body)
    assert two.metadata.published is None  # two different days: not unambiguous
    dated = segment_text(head + "NEW YORK, Aug. 8, 2025 (AP) — " + body)
    assert dated.metadata.published == "2025-08-08"
    updated = segment_text(head + "Updated: Aug 9, 2025\n" + body)
    assert updated.metadata.published is None  # an update is not the publication


def test_structure_text_segment_no_title_when_lead_first() -> None:
    lead = ("The city council voted on Tuesday to build a new bridge across the river, ending a debate that lasted "
            "more than ten years and divided the residents of both banks of the river.")
    layout = segment_text(lead + "\nConstruction starts next spring.\n")
    assert layout.metadata.title is None
    assert [r.kind for r in layout.regions] == ["body", "body"]


def test_structure_text_segment_turkish_portal() -> None:
    text = ("Dışişleri Bakanı Ankara'da mevkidaşıyla görüştü\n"
            "Görüşmede iki ülke arasındaki ilişkiler ele alındı\n"
            "Ahmet Yılmaz   |08.08.2025\n"
            "ANKARA (AA) - Dışişleri Bakanı, bugün Ankara'da mevkidaşıyla bir araya geldi.\n"
            "Görüşmede bölgesel konular da ele alındı.\n"
            "İlgili Haberler\n"
            "Bakan yarın Brüksel'e gidecek\n"
            "Bu haber 1.234 kez okundu\n")
    layout = segment_text(text)
    assert [k for k, _ in _spans(layout)] == ["title", "standfirst", "byline", "dateline", "body", "body",
                                              "chrome", "chrome", "chrome"]
    md = layout.metadata
    assert md.authors == ["Ahmet Yılmaz"]
    assert md.published == "2025-08-08"
    assert md.dateline is not None and md.dateline.agency_code == "AA"
    assert [(c.kind, c.value, c.language) for c in md.chrome] == [
        ("related", None, "tr"), ("related", None, "tr"), ("views", 1234, "tr")]
