"""The roles of an article's lines: title, standfirst, byline, dateline, body, chrome.

Input: the article's non-empty lines, in order (a text dump's lines, or the
lines trafilatura extracted from a page). Output: one :class:`LineRole` per
line and the metadata they state (:class:`Reading`). :mod:`.text` maps the
roles onto offsets of the input text; :mod:`storyline.ingest.html` assembles
the extracted text from them.

How lines are read:

* chrome (:mod:`.chrome`) anywhere — at the top, between paragraphs, after the
  body; a bare "Related:"/"Read more" (or "Media contact:") header makes the
  short headline-like lines after it items of the same kind;
* the title is the first line that is not chrome, when it is headline-sized
  and more lines follow;
* after it, a header zone of bylines, date lines, chrome and at most one
  standfirst (a job line right under a byline and a news agency's name on
  its own line are byline lines too): a line before any byline/dateline that is followed by a
  byline, date line or dateline, or is shaped like a summary (no final full
  stop, question or exclamation mark; quote-ended summaries included);
* the body is everything after the header that is not chrome; its first
  paragraph may open with a dateline, which becomes a region of its own;
  credit lines ("Reporting by …", "… contributed to this report") are bylines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..record import Chrome, Dateline
from .byline import Byline, only_roles, parse_bare_names, parse_byline, parse_credits
from .chrome import ChromeMatch, looks_like_list_item, match_chrome
from .dateline import DatelineMatch, match_dateline
from .dates import DateLine, date_line, find_dates
from .patterns import find_agency

MAX_TITLE_CHARS = 300
MAX_TITLE_WORDS = 30
MAX_STANDFIRST_CHARS = 600
MAX_SHAPED_STANDFIRST_CHARS = 400
HEADER_LINES = 8
LIST_ITEMS_MAX = 20

_CLOSERS = "\"'”’»)]} "


@dataclass
class LineRole:
    kind: str  # title | standfirst | byline | body | chrome
    chrome: ChromeMatch | None = None
    byline: Byline | None = None
    dateline: DatelineMatch | None = None  # a body line (or a line of its own) opening with a dateline
    date: DateLine | None = None


@dataclass
class Reading:
    roles: list[LineRole]
    authors: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    published: dt.date | None = None
    agencies: list[str] = field(default_factory=list)


def ends_with_full_stop(line: str) -> bool:
    """Ends like a sentence of prose (". ? ! …", closing quotes ignored): not the shape of a standfirst."""
    return line.rstrip(_CLOSERS).endswith((".", "…", ";", "?", "!", "。", "？", "！"))


def _is_header_marker(line: str) -> bool:
    return bool(parse_byline(line) or date_line(line) or match_dateline(line) or parse_bare_names(line))


def _title_shaped(line: str) -> bool:
    """Headline-sized (a lead paragraph of 30+ words is not a title) and not a byline, date or dateline."""
    return 0 < len(line) <= MAX_TITLE_CHARS and len(line.split()) <= MAX_TITLE_WORDS \
        and match_dateline(line) is None and parse_byline(line) is None and date_line(line) is None


def _standfirst_shaped(lines: list[str], pos: int, chrome: list[ChromeMatch | None], by_shape: bool = True) -> bool:
    """A standfirst: followed by a byline, date line or dateline; or (``by_shape``) summary-shaped."""
    line = lines[pos]
    if len(line) > MAX_STANDFIRST_CHARS or match_dateline(line) is not None or len(line.split()) < 4:
        return False
    nxt = next((k for k in range(pos + 1, len(lines)) if chrome[k] is None), None)
    if nxt is None:
        return False
    if _is_header_marker(lines[nxt]):
        return True
    return by_shape and not ends_with_full_stop(line) and len(line) <= MAX_SHAPED_STANDFIRST_CHARS


def analyse(lines: list[str], *, find_title: bool = True, find_standfirst: bool = True,
            standfirst_by_shape: bool = True) -> Reading:
    """The role of each line of ``lines`` (non-empty, stripped) and what they state.

    ``find_title``: the first content line may be the title (text dumps; for HTML the page title is
    known). ``find_standfirst``: look for a standfirst after the title; ``standfirst_by_shape``: accept
    one by its shape alone, not only when a byline, date line or dateline follows it."""
    n = len(lines)
    chrome = [match_chrome(line) for line in lines]
    dates = [date_line(line) for line in lines]
    roles: list[LineRole | None] = [None] * n
    for i in range(n):
        found, match = dates[i], chrome[i]
        if found is not None:
            match = chrome[i] = ChromeMatch("other", found.date.isoformat(), match.language if match else None)
        if match is not None:
            roles[i] = LineRole("chrome", chrome=match, date=found)
    reading = Reading(roles=[])
    pos = 0
    header_dates: list[DateLine] = []
    title_seen = False
    content = [i for i in range(n) if chrome[i] is None]
    if find_title and len(content) >= 2 and _title_shaped(lines[content[0]]):
        roles[content[0]] = LineRole("title")
        pos = content[0] + 1
        title_seen = True
    standfirst_done = not find_standfirst
    header_end = min(n, pos + HEADER_LINES)
    while pos < header_end:
        line = lines[pos]
        if roles[pos] is not None:
            found = dates[pos]
            if found is not None:
                header_dates.append(found)
            pos += 1
            continue
        byline = parse_byline(line) or parse_credits(line)
        if byline is None and title_seen and pos + 1 < n:
            byline = parse_bare_names(line)
        previous = roles[pos - 1] if pos > 0 else None
        if byline is None and previous is not None and previous.kind == "byline" and only_roles(line):
            byline = Byline()  # the job under a byline ("Political correspondent")
        if byline is None and title_seen:
            agency = find_agency(line)  # "Associated Press" on a line of its own under the byline
            if agency is not None:
                byline = Byline(agencies=[agency.name])
        if byline is not None:
            roles[pos] = LineRole("byline", byline=byline)
            header_dates.extend(DateLine(f.date, "") for f in find_dates(line))
            standfirst_done = True
            pos += 1
            continue
        if not standfirst_done and (title_seen or not find_title) and _standfirst_shaped(lines, pos, chrome,
                                                                                         standfirst_by_shape):
            roles[pos] = LineRole("standfirst")
            standfirst_done = True
            pos += 1
            continue
        break
    list_mode: ChromeMatch | None = None
    list_items = 0
    first_body = True
    for i in range(pos, n):
        role = roles[i]
        if role is not None:
            if role.chrome is not None and role.chrome.starts_list:
                list_mode, list_items = role.chrome, 0
            elif role.chrome is None:
                list_mode = None
            if role.date is not None and role.date.label == "published":
                header_dates.append(role.date)
            continue
        line = lines[i]
        if list_mode is not None and list_items < LIST_ITEMS_MAX and looks_like_list_item(line):
            roles[i] = LineRole("chrome", chrome=ChromeMatch(list_mode.kind, None, list_mode.language))
            list_items += 1
            continue
        list_mode = None
        credits = parse_credits(line)
        if credits is not None:
            roles[i] = LineRole("byline", byline=credits)
            continue
        role = LineRole("body")
        if first_body:
            first_body = False
            role.dateline = match_dateline(line)
            if role.dateline is not None:
                reading.dateline = role.dateline.dateline
                if role.dateline.date is not None:
                    header_dates.append(DateLine(role.dateline.date, ""))
        roles[i] = role
    reading.roles = [r if r is not None else LineRole("body") for r in roles]
    # authors: header bylines first, credit lines when the header names nobody
    header_authors: list[str] = []
    credit_authors: list[str] = []
    for i, r in enumerate(reading.roles):
        if r.kind == "byline" and r.byline is not None:
            target = header_authors if i < pos else credit_authors
            target.extend(a for a in r.byline.authors if a not in target)
            reading.agencies.extend(a for a in r.byline.agencies if a not in reading.agencies)
    reading.authors = header_authors or credit_authors
    reading.published = _published(header_dates)
    return reading


def _published(candidates: list[DateLine]) -> dt.date | None:
    """The one publication day the header states: a "Published" label wins; otherwise unlabelled dates
    must agree; "Updated" dates never count."""
    labelled = {c.date for c in candidates if c.label == "published"}
    if len(labelled) == 1:
        return labelled.pop()
    if labelled:
        return None
    plain = {c.date for c in candidates if c.label == ""}
    return plain.pop() if len(plain) == 1 else None


def chrome_record(match: ChromeMatch, text: str, start: int | None, end: int | None) -> Chrome:
    """The SPEC's chrome object for one chrome line."""
    language = match.language
    if language is None and len(text.split()) >= 3:
        from .language import detect_language

        language = detect_language(text)
    return Chrome(kind=match.kind, text=text, value=match.value, language=language,  # type: ignore[arg-type]
                  start=start, end=end)
