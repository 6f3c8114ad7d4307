"""HTML pages to article text, regions and metadata.

Input: a decoded HTML page (``.html.gz`` is gunzipped by :mod:`.sources`), its
path and URL when known. Output: a :class:`~storyline.structure.layout.Layout`
whose ``text`` is the extracted article — title, standfirst, byline and body
paragraphs, one a line — with regions indexing it, and metadata.

Built on trafilatura (``bare_extraction(with_metadata=True,
include_comments=False)``: the same body text as ``trafilatura.extract``, plus
title, author, site name, description) and htmldate (through trafilatura;
original publication date, metadata only, no guessing from free text). What
storyline adds, with the line reader shared with text dumps
(:mod:`storyline.structure.segment`):

* the title repeated at the top of the extracted text is dropped, the page's
  description becomes the standfirst when the page shows it above the body;
* a dateline at the start of the body becomes a region and ``metadata.dateline``;
* bylines in the text and the page's author field are cleaned to people
  ("By", agency names, "| Reuters", job titles, e-mails dropped);
* chrome lines that survive extraction ("Read more: …", "Share on Facebook",
  newsletter prompts, view counters) leave the text and go to ``metadata.chrome``
  (``start``/``end`` null); credit lines ("Reporting by …") stay as bylines;
* ``metadata.outlet`` is the site name.

Raises :class:`~storyline.errors.NotAnArticleError` (E105) when no article
text is found.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import logging
import re
import unicodedata
from typing import Any

import trafilatura

from ..errors import NotAnArticleError
from ..record import Metadata, Region
from ..structure.byline import clean_authors, parse_byline
from ..structure.chrome import ChromeMatch
from ..structure.dateline import match_dateline
from ..structure.layout import Layout
from ..structure.segment import analyse, chrome_record, ends_with_full_stop

LOGGER = logging.getLogger(__name__)

#: htmldate settings: the original publication date, from the page's metadata and markup only (no guessing
#: from free text); a stated date is trusted even when it lies after today (archives, test and demo pages)
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}
TITLE_LOOKAHEAD = 3


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(re.findall(r"\w+", text))


def _same(a: str | None, b: str | None) -> bool:
    na, nb = _norm(a), _norm(b)
    return bool(na) and na == nb


def _extract(html: str, url: str | None) -> Any:
    params = dict(DATE_PARAMS)
    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           date_extraction_params=params)
    except (ValueError, TypeError, AttributeError) as err:  # lxml and trafilatura failures on broken pages
        LOGGER.info("trafilatura failed: %s", err)
        return None


def _field(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def extract_html(html: str, path: str | None = None, url: str | None = None) -> Layout:
    """Extract the article of an HTML page as a :class:`Layout` (see the module docstring)."""
    doc = _extract(html, url)
    body_text = getattr(doc, "text", None) if doc is not None else None
    if not body_text or not body_text.strip():
        raise NotAnArticleError("no article text found in the page", path)
    lines = [" ".join(line.split()) for line in body_text.splitlines()]
    lines = [line for line in lines if line]

    title = _field(doc, "title")
    description = _field(doc, "description")
    standfirst: str | None = None
    kickers: list[str] = []
    # the title repeated at the top of the extracted text; short lines above it are kickers (chrome)
    idx = next((i for i, line in enumerate(lines[:TITLE_LOOKAHEAD]) if _like_title(line, title)), None)
    if idx is not None and len(lines) > 1:
        if all(len(k) <= 80 and not ends_with_full_stop(k) for k in lines[:idx]):
            kickers = lines[:idx]
            del lines[:idx + 1]
            idx = 0
        else:
            del lines[idx]
    # the page's summary shown under the title: the standfirst
    sub = next((i for i, line in enumerate(lines[:TITLE_LOOKAHEAD]) if _same(line, description)), None)
    if sub is not None and sub + 1 < len(lines) and (
            _dek(lines[sub], lines[sub + 1]) or (sub == idx == 0 and _one_sentence(lines[sub]))):
        standfirst = lines.pop(sub)
    elif sub is None and standfirst_shown_above(html, description, lines):
        standfirst = description  # a dek the extractor left out of the text ("<p class=standfirst>")
    reading = analyse(lines, find_title=False, find_standfirst=standfirst is None, standfirst_by_shape=False)
    if not any(r.kind == "body" for r in reading.roles):
        raise NotAnArticleError("no article body found in the page", path)

    md = Metadata(title=title, dateline=reading.dateline, outlet=_field(doc, "sitename"))
    parts: list[tuple[str, str]] = []
    if title:
        parts.append(("title", title))
    if standfirst:
        parts.append(("standfirst", standfirst))
    for line, role in zip(lines, reading.roles, strict=True):
        if role.kind == "standfirst" and standfirst is None and not any(k == "byline" for k, _ in parts):
            standfirst = line
            parts.append(("standfirst", line))
    md.standfirst = standfirst
    authors = list(reading.authors)
    page_authors = clean_authors(_field(doc, "author"))
    has_text_byline = any(r.kind == "byline" for r in reading.roles)
    if not authors:
        authors = page_authors
    md.authors = authors
    if authors and not has_text_byline:
        parts.append(("byline", "By " + _join_names(authors)))

    text_parts: list[str] = []
    regions: list[Region] = []
    offset = 0

    def add(kind: str, line: str) -> int:
        nonlocal offset
        start = offset
        text_parts.append(line)
        offset += len(line) + 1
        if kind:
            regions.append(Region(kind, start, start + len(line)))  # type: ignore[arg-type]
        return start

    for kind, line in parts:
        add(kind, line)
    for line in kickers:
        md.chrome.append(chrome_record(ChromeMatch("other", None, None), line, None, None))
    for line, role in zip(lines, reading.roles, strict=True):
        if role.kind == "chrome" and role.chrome is not None:
            md.chrome.append(chrome_record(role.chrome, line, None, None))
        elif role.kind == "standfirst":
            continue
        elif role.kind == "body" and role.dateline is not None:
            start = add("", line)
            cut = min(start + len(line), start + role.dateline.end)
            regions.append(Region("dateline", start, cut))
            if cut < start + len(line):
                regions.append(Region("body", cut, start + len(line)))
        elif role.kind == "title":
            continue
        else:
            add(role.kind, line)
    text = "\n".join(text_parts)
    date = _field(doc, "date")
    if date:
        md.published, md.published_from = _with_time(html, date), "html"
    elif reading.published is not None:
        md.published, md.published_from = reading.published.isoformat(), "text"
    return Layout(text=text, regions=regions, metadata=md, url=_field(doc, "url") or url)


def _like_title(line: str, title: str | None) -> bool:
    """``line`` is the page title (the same words, or nearly: headlines differ slightly from ``og:title``)."""
    if not title or len(line) > 300:
        return False
    if _same(line, title):
        return True
    a, b = set(_norm(line).split()), set(_norm(title).split())
    return len(a) >= 3 and len(a & b) / len(a | b) >= 0.6


_TIME_KEYS = ("article:published_time", "datePublished", "og:published_time", "publishdate", "publish_date",
              "publish-date", "DatePublished", "PublishDate")
_TIME_VALUE = re.compile(
    r"[\"']?\s*(?:content\s*=|:)\s*[\"']"
    r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))[\"']",
)


def _with_time(html: str, day: str) -> str:
    """htmldate's day, with the time and offset of the page's ``article:published_time`` / ``datePublished``
    when that names the same day (``2025-08-08T14:05:00+03:00``)."""
    for key in _TIME_KEYS:
        pos = html.find(key)
        while pos >= 0:
            m = _TIME_VALUE.match(html, pos + len(key))
            if m is not None:
                try:
                    stamp = dt.datetime.fromisoformat(m.group(1).replace("Z", "+00:00"))
                except ValueError:
                    stamp = None
                if stamp is not None and stamp.date().isoformat() == day[:10]:
                    return stamp.isoformat()
            pos = html.find(key, pos + len(key))
    return day


_INVISIBLE = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def standfirst_shown_above(html: str, description: str | None, lines: list[str]) -> bool:
    """The page's description is printed in the page (not only in ``<meta>``), above the first extracted
    line, and is not itself one of the extracted lines: a standfirst that the extractor dropped."""
    if not description or len(description.split()) < 4 or len(description) > 400 or not lines:
        return False
    want = _norm(description)
    if any(want in _norm(line) for line in lines[:TITLE_LOOKAHEAD + 2]):
        return False
    visible = _norm(html_lib.unescape(_TAG.sub(" ", _INVISIBLE.sub(" ", html))))
    pos = visible.find(want)
    first = _norm(lines[0])[:80]
    body_pos = visible.find(first) if first else -1
    return pos >= 0 and (body_pos < 0 or pos < body_pos)


def _one_sentence(line: str) -> bool:
    return len(line) <= 250 and re.search(r"[.!?…][\"'”’)]?\s+[\"'“‘(]?[A-Z0-9]", line) is None


def _dek(line: str, following: str) -> bool:
    """The page's summary shown above the body is a standfirst when it is shaped like one (no final full stop)
    or a byline or dateline follows it; a summary that is the lead paragraph (a dateline, a full stop) is body."""
    if match_dateline(line) is not None:
        return False
    if parse_byline(following) is not None or match_dateline(following) is not None:
        return True
    return not ends_with_full_stop(line) and len(line.split()) >= 4


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
