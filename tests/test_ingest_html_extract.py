"""HTML pages to article text, regions and metadata (invented pages)."""

from __future__ import annotations

import pytest

from storyline.errors import NotAnArticleError
from storyline.ingest.html import extract_html

PARAS = [
    "The city council voted on Tuesday to build a new bridge across the river, ending a debate that lasted "
    "more than ten years and divided residents of both banks.",
    "Supporters said the bridge would cut travel times in half for thousands of commuters, while opponents "
    "warned that the cost could rise well beyond the budget approved by the council.",
    "Construction is expected to begin next spring and to take about three years, according to the plan "
    "published by the city's transport department on its website.",
    "The mayor said she was confident the project would be finished on time and that local firms would get "
    "a fair share of the contracts.",
]

PAGE = f"""<!doctype html>
<html lang="en"><head>
<title>Council approves new river bridge | Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<meta property="og:title" content="Council approves new river bridge">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-08-08T09:30:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council approves new river bridge</h1>
<p class="byline">By Jane Doe | Reuters</p>
<p>RIVERSIDE (Reuters) - {PARAS[0]}</p>
<p>{PARAS[1]}</p>
<p>Read more: Council election results announced</p>
<p>{PARAS[2]}</p>
<p>{PARAS[3]}</p>
<p>Share on Facebook</p>
</article>
<footer>Copyright 2025 Riverside Gazette. All rights reserved.</footer>
</body></html>
"""


def test_ingest_html_extract_article() -> None:
    layout = extract_html(PAGE, "page.html")
    md = layout.metadata
    assert md.title == "Council approves new river bridge"
    assert md.authors == ["Jane Doe"]
    assert md.outlet == "Riverside Gazette"
    assert md.published == "2025-08-08T09:30:00+02:00" and md.published_from == "html"
    assert md.dateline is not None
    assert (md.dateline.place, md.dateline.agency, md.dateline.agency_code) == ("Riverside", "Reuters", "Reuters")
    text = layout.text
    kinds = [r.kind for r in layout.regions]
    assert kinds[0] == "title" and "dateline" in kinds
    body = [text[r.start:r.end] for r in layout.regions if r.kind == "body"]
    assert body == PARAS
    assert "Read more" not in text and "Share on Facebook" not in text
    assert {c.kind for c in md.chrome} >= {"related", "share"}
    dateline = next(r for r in layout.regions if r.kind == "dateline")
    assert text[dateline.start:dateline.end] == "RIVERSIDE (Reuters) - "
    title = layout.regions[0]
    assert text[title.start:title.end] == md.title


def test_ingest_html_extract_byline_from_meta() -> None:
    page = PAGE.replace('<p class="byline">By Jane Doe | Reuters</p>', "")
    layout = extract_html(page)
    assert layout.metadata.authors == ["Jane Doe"]
    byline = [layout.text[r.start:r.end] for r in layout.regions if r.kind == "byline"]
    assert byline == ["By Jane Doe"]


def test_ingest_html_extract_not_an_article() -> None:
    page = "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav>" \
           "<form><input name='user'><button>Sign in</button></form></body></html>"
    with pytest.raises(NotAnArticleError) as err:
        extract_html(page, "login.html")
    assert err.value.code == "E105"
