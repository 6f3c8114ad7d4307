"""Segment a plain-text dump into regions and metadata.

Input: the decoded text of a ``.txt`` article (title, standfirst, byline,
dateline, body and page chrome on their own lines, like the founding seed).
Output: a :class:`~storyline.structure.layout.Layout` whose ``text`` is the
input unchanged, with regions (``title``, ``standfirst``, ``byline``,
``dateline``, ``body`` one per paragraph, ``chrome``) and metadata (title,
standfirst, authors, dateline, published when the text states it
unambiguously — ``published_from: "text"`` —, chrome). Nothing is deleted:
chrome is a region and its meaning goes to ``metadata.chrome``. Raises
:class:`~storyline.errors.NotAnArticleError` (E105) when the text holds
nothing but page chrome. The language is set by :func:`storyline.read.prepare`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import NotAnArticleError
from ..record import Metadata, Region
from .layout import Layout
from .segment import Reading, analyse, chrome_record

_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` with their offsets, surrounding white space excluded."""
    out: list[Line] = []
    for m in _LINE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        out.append(Line(start, start + len(stripped), stripped))
    return out


WRAP_MIN_CHARS = 50
WRAP_MAX_CHARS = 100
_SENTENCE_END = (".", "?", "!", "…", ":", '"', "”", "'", "’", ")")


def merge_wrapped(text: str, lines: list[Line]) -> list[Line]:
    """Join the lines of hard-wrapped paragraphs (e-mail style: paragraphs separated by blank lines, long
    lines broken by single newlines) into one unit each; other texts keep one unit per line."""
    if not re.search(r"\n[ \t]*\r?\n", text) or len(lines) < 3:
        return lines
    if sum(len(ln.text) <= WRAP_MAX_CHARS for ln in lines) < 0.95 * len(lines):
        return lines  # long lines: paragraphs are lines, not wrapped
    units: list[Line] = []
    for line in lines:
        prev = units[-1] if units else None
        if prev is not None and text[prev.end:line.start].count("\n") == 1 and len(prev.text) >= WRAP_MIN_CHARS \
                and (not prev.text.endswith(_SENTENCE_END) or line.text[:1].islower()):
            units[-1] = Line(prev.start, line.end, prev.text + " " + line.text)
        else:
            units.append(line)
    return units


def segment_text(text: str) -> Layout:
    """Regions and metadata of a plain-text article; ``text`` is kept as it is. Body regions are one per
    paragraph: a line, or the lines of a hard-wrapped paragraph."""
    lines = merge_wrapped(text, split_lines(text))
    if not lines:
        raise NotAnArticleError("the text holds no lines")
    reading = analyse([ln.text for ln in lines])
    if not any(r.kind == "body" for r in reading.roles):
        # a header with nothing under it: read every non-chrome line as body rather than lose the text
        reading = analyse([ln.text for ln in lines], find_title=False, find_standfirst=False)
        if not any(r.kind == "body" for r in reading.roles):
            for role in reading.roles:
                if role.kind != "chrome":
                    role.kind = "body"
        if not any(r.kind == "body" for r in reading.roles):
            raise NotAnArticleError("the text holds only page chrome (share prompts, counters, labels)")
    return layout_from_reading(text, lines, reading, published_from="text")


def layout_from_reading(text: str, lines: list[Line], reading: Reading, published_from: str) -> Layout:
    """Regions and metadata from the roles of ``lines`` (paragraph units with offsets into ``text``)."""
    md = Metadata(authors=list(reading.authors), dateline=reading.dateline)
    regions: list[Region] = []
    for line, role in zip(lines, reading.roles, strict=True):
        if role.kind == "title":
            md.title = line.text
            regions.append(Region("title", line.start, line.end))
        elif role.kind == "standfirst":
            md.standfirst = line.text
            regions.append(Region("standfirst", line.start, line.end))
        elif role.kind == "byline":
            regions.append(Region("byline", line.start, line.end))
        elif role.kind == "chrome" and role.chrome is not None:
            regions.append(Region("chrome", line.start, line.end))
            md.chrome.append(chrome_record(role.chrome, line.text, line.start, line.end))
        else:
            start = line.start
            if role.dateline is not None:
                start = min(line.end, line.start + role.dateline.end)
                regions.append(Region("dateline", line.start, start))
            if start < line.end:
                regions.append(Region("body", start, line.end))
    if reading.published is not None:
        md.published = reading.published.isoformat()
        md.published_from = published_from  # type: ignore[assignment]
    return Layout(text=text, regions=regions, metadata=md)
