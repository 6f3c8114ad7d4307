"""Articles in formats no one here tuned on (tests/data/unseen, invented text): metadata and regions.

Every expected value below was written from reading the articles, not from the tool's output.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from storyline.record import Article

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
MARKER = "SAMPLE — invented text for tests"
PUBLISHED = "2031-05-06"

pytestmark = pytest.mark.model


@cache
def read(name: str, published: str | None = PUBLISHED) -> Article:
    from storyline.read import read_path

    return read_path(str(UNSEEN / name), published=published)


def region_texts(article: Article, kind: str) -> list[str]:
    return [article.text[r.start:r.end] for r in article.regions if r.kind == kind]


def chrome_texts(article: Article) -> dict[str, tuple[str, object, str | None]]:
    return {c.text: (c.kind, c.value, c.language) for c in article.metadata.chrome}


# name: (title, standfirst, authors, dateline place, dateline agency, first body words, last body words)
EXPECTED = {
    "01_reuters_wire.txt": ("Ostravian central bank raises rates to curb inflation", None, ["Tomas Hallberg"],
                            "Geneva", "Reuters", "The central bank of Ostravia", "new forecasts next month."),
    "02_ap_story.txt": ("Floods force thousands from their homes in northern Marvania", None,
                        ["Anna Kowalczyk", "David Okafor"], "Brask", "Associated Press", "Heavy rain swept",
                        "could fall later this week."),
    "03_afp_dispatch.txt": ("Zamoran rebels free 12 hostages after church mediation", None, [], "Kalindi",
                            "Agence France-Presse", "Rebels of the Eastern Liberation Front",
                            "Bishop Emmanuel Tshabalala said."),
    "04_bbc_page.txt": ("Bravonian prime minister resigns after coalition collapses", None, ["Hannah Ellory"],
                        None, None, "Bravonia's Prime Minister Oskar Lindqvist", "in the autumn is likely."),
    "05_local_news.html": ("Council approves new bridge over the River Fenn",
                           "The £12m crossing will link the Eastgate estate with the town centre by 2033",
                           ["Megan Doyle"], None, None, "Riverton councillors voted", "due to start next spring."),
    "06_german_portal.txt": ("Veltrian foreign minister visits Norland for energy talks", None, [], None, None,
                             "Foreign Minister Klara Weiss of Veltria", "to pay higher transit fees."),
    "07_russian_portal.txt": ("Kardania and Solvenia agree to reopen border crossing", None, [], None, None,
                              "The governments of Kardania and Solvenia", "losses of millions of dollars."),
    "08_press_release.txt": ("Helix Dynamics to acquire Norwind Robotics for $420 million",
                             "Deal expands Helix's warehouse automation business", [], "Boston", "PR Newswire",
                             "Helix Dynamics Inc., a maker of industrial sensors", "The company is based in Boston."),
    "09_opinion.txt": ("Tessaly cannot afford to ignore its shrinking rivers",
                       "The government's new water plan is too little, too late", ["Amara Okonkwo"], None, None,
                       "Tessaly's rivers are running dry.", "at the University of Port Lowa."),
    "10_news_site.html": ("Corvan miners end three-week strike after pay deal",
                          "Workers at Corvan's largest copper mine accept an 8% raise from Altamira Mining",
                          ["Lucas Ferrante"], "San Telmo", None, "Miners at the Cerro Blanco copper mine",
                          "The government welcomed the agreement."),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_read_unseen_header_and_body(name: str) -> None:
    title, standfirst, authors, place, agency, first, last = EXPECTED[name]
    article = read(name)
    md = article.metadata
    assert md.title == title
    assert md.standfirst == standfirst
    assert md.authors == authors
    assert md.language == "en"
    if place is None:
        assert md.dateline is None
    else:
        assert md.dateline is not None and md.dateline.place == place and md.dateline.agency == agency
    body = region_texts(article, "body")
    assert body and body[0].startswith(first) and body[-1].rstrip().endswith(last)
    joined = "\n".join(body)
    assert MARKER not in joined and "Share" not in joined.split() and "Read more" not in joined
    if name.endswith(".txt"):
        assert MARKER in chrome_texts(article)  # the marker line is page chrome, never body
        assert region_texts(article, "title") == [title]


def test_read_unseen_datelines_are_regions() -> None:
    assert region_texts(read("01_reuters_wire.txt"), "dateline") == ["GENEVA, May 5 (Reuters) - "]
    assert region_texts(read("02_ap_story.txt"), "dateline") == ["BRASK, Marvania (AP) — "]
    assert read("02_ap_story.txt").metadata.dateline.agency_code == "AP"  # type: ignore[union-attr]
    assert region_texts(read("03_afp_dispatch.txt"), "dateline") == ["KALINDI, Zamora, May 3, 2031 (AFP) - "]
    assert region_texts(read("08_press_release.txt"), "dateline") == ["BOSTON, May 5, 2031 /PRNewswire/ -- "]
    assert region_texts(read("10_news_site.html"), "dateline") == ["SAN TELMO, Corvan — "]
    from storyline.structure.dateline import match_dateline

    afp = match_dateline("Kalindi (Zamora) (AFP) - Rebels freed 12 hostages on Saturday.")  # AFP's English form
    assert afp is not None and afp.text == "Kalindi (Zamora) (AFP) - " and afp.dateline.place == "Kalindi"
    assert afp.dateline.agency_code == "AFP"


def test_read_unseen_bylines_and_credits() -> None:
    # the agency line under an AP byline and the job under a bare BBC byline are byline lines, not body
    assert region_texts(read("02_ap_story.txt"), "byline")[:2] == ["By ANNA KOWALCZYK and DAVID OKAFOR",
                                                                  "Associated Press"]
    assert region_texts(read("04_bbc_page.txt"), "byline") == ["Hannah Ellory", "Political correspondent"]
    # credit lines: reporters are authors, editors and contributors are not
    assert "Reporting by Tomas Hallberg; Editing by Ruth Abernathy" in region_texts(read("01_reuters_wire.txt"),
                                                                                    "byline")
    assert read("02_ap_story.txt").metadata.authors == ["Anna Kowalczyk", "David Okafor"]
    assert region_texts(read("09_opinion.txt"), "byline") == ["Written by Dr. Amara Okonkwo"]  # author: no "Dr."


def test_read_unseen_navigation_and_kickers_are_chrome() -> None:
    bbc = chrome_texts(read("04_bbc_page.txt"))
    for line in ("Skip to content", "Home", "News", "Sport", "Weather", "2 hours ago", "Save", "Published",
                 "4 days ago", "Bravonia", "Elections", "Bravonia coalition on brink over budget"):
        assert line in bbc, line
    assert bbc["Share"][0] == "share"
    assert bbc["Related Topics"][0] == "related" and bbc["More on this story"][0] == "related"
    german = chrome_texts(read("06_german_portal.txt"))
    assert german["Quelle: dpa"] == ("source_label", "dpa", "de")
    assert german["Teilen"][0] == "share"
    assert {"Startseite", "Politik", "Twittern", "Artikel drucken", "Kommentare (0)"} <= set(german)
    russian = chrome_texts(read("07_russian_portal.txt"))
    assert russian["Источник: ТАСС"] == ("source_label", "ТАСС", "ru")
    assert russian["Просмотров: 523"] == ("views", 523, "ru")
    assert russian["Главная / В мире"][2] == "ru"
    assert "Поделиться" in russian
    release = chrome_texts(read("08_press_release.txt"))
    assert {"FOR IMMEDIATE RELEASE", "Media contact:", "Jon Pryor", "press@helixdynamics.example"} <= set(release)
    assert release["SOURCE Helix Dynamics Inc."][:2] == ("source_label", "Helix Dynamics Inc.")
    opinion = chrome_texts(read("09_opinion.txt"))
    assert "Opinion" in opinion and "The views expressed in this article are the author's own." in opinion
    wire = chrome_texts(read("03_afp_dispatch.txt"))
    assert "jm/dw/rl" in wire and "© Agence France-Presse" in wire
    assert "___" in chrome_texts(read("02_ap_story.txt"))


def test_read_unseen_html_pages() -> None:
    local = read("05_local_news.html", None)
    assert local.metadata.outlet == "Riverton Gazette"
    assert str(local.metadata.published).startswith("2031-05-01") and local.metadata.published_from == "html"
    assert "cookies" not in local.text and "Read more" not in local.text and "Privacy policy" not in local.text
    assert any(c.kind == "related" and "parking charges" in c.text for c in local.metadata.chrome)
    news = read("10_news_site.html", None)
    assert news.metadata.outlet == "The Northern Ledger"
    assert news.metadata.published == "2031-04-29T16:20:00-03:00"
    assert "Most read" not in news.text and "Subscribe" not in news.text


def test_read_unseen_published_from_text_dateline() -> None:
    afp = read("03_afp_dispatch.txt", None)
    assert afp.metadata.published == "2031-05-03" and afp.metadata.published_from == "text"
    undated = read("06_german_portal.txt", None)
    assert undated.metadata.published is None
    assert all(t.value is None for t in undated.times if t.text.startswith("on "))
