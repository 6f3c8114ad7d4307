"""Datelines at the start of an article's first paragraph.

Input: a paragraph. Output: a :class:`DatelineMatch` — where the dateline ends
(after its dash and spaces), the place in normal case ("WASHINGTON" →
"Washington"), the agency expanded from ``storyline/data/agencies.json``
("AA" → "Anadolu Agency") and a date when it states a full one — or ``None``.

Forms: "WASHINGTON (AA) - ", "LONDON (Reuters) -", "KYIV, Ukraine (AP) —",
"MOSCOW, Aug 8 (Reuters) -", "PARIS (AFP) –", "Berlin, 8 August (dpa) - ",
"ANKARA –", "Madrid, 8 ago (EFE).- ", "NEW DELHI/ISLAMABAD (Reuters) -", AFP's
"Kalindi (Zamora) (AFP) - ", the press-release wire form "BOSTON, May 5, 2031 /PRNewswire/ -- ", and the
Russian wire forms "МОСКВА, 8 августа. /ТАСС/. " and "МОСКВА, 8 авг — РИА Новости. ".
A place in capitals may stand alone before the dash; a place in ordinary case
needs an agency or a date, so that "Paris - the city" is not read as a
dateline. Capitals are normalised with Turkish rules (İ/ı) when the place has
a dotted capital İ.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..record import Dateline
from .dates import find_dates
from .patterns import find_agency, month_alternation, word_set

_NOT_PLACES = frozenset({
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS", "OPINION", "EDITORIAL", "VIDEO",
    "PHOTOS", "PHOTO", "NOTE", "EDITOR'S NOTE", "FILE", "REVIEW", "COMMENT", "INTERVIEW", "FACT CHECK", "URGENT",
    "FLASH", "ALERT", "NEWS", "READ MORE", "RELATED", "UPDATE 1", "CORRECTED", "REFILE", "WRAPUP", "FACTBOX",
})

_WORD = r"[^\W\d_][\w'’.\-]*"


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline found at the start of a paragraph: ``[0, end)`` is the dateline region."""

    end: int
    dateline: Dateline
    date: dt.date | None
    text: str


@lru_cache(maxsize=1)
def _regex() -> re.Pattern[str]:
    months = month_alternation()
    date = (rf"(?:(?:{months})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\.?\s+(?:{months})\.?(?:,?\s+\d{{4}})?|"
            r"\d{1,2}\.\d{1,2}\.(?:\d{4})?|\d{4}-\d{2}-\d{2})")
    return re.compile(
        rf"^\s*(?P<place>{_WORD}(?:(?:[ \-]|\s*/\s*){_WORD}){{0,3}})"
        rf"(?:\s*,\s*(?P<region>{_WORD}(?:[ \-]{_WORD}){{0,2}}))?"
        rf"(?:\s*,\s*(?P<date>{date}))?"
        rf"(?:\s*\((?P<country>{_WORD}(?:[ \-]{_WORD}){{0,2}})\)(?=\s*\())?"
        r"\s*(?:\((?P<agency>[^()\n]{1,40})\)\.?|/(?P<wire>[^/\n]{2,40})/)?"
        r"\s*(?P<dash>--|[-–—:])(?:\s+|$)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _russian_regex() -> re.Pattern[str]:
    """TASS "МОСКВА, 8 августа. /ТАСС/. " and RIA "МОСКВА, 8 авг — РИА Новости. "."""
    months = month_alternation()
    return re.compile(
        rf"^\s*(?P<place>{_WORD}(?:[ \-]{_WORD}){{0,2}}),\s*(?P<date>\d{{1,2}}\s+(?:{months})\.?)"
        r"(?:\s*\.\s*/(?P<slash>[^/\n]{2,30})/\s*\.?|\s*[—–-]\s*(?P<trail>[^.\n]{2,30})\.)(?:\s+|$)",
        re.IGNORECASE,
    )


def _lower(text: str, turkish: bool) -> str:
    if turkish:
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


def normalise_place(place: str, turkish: bool = False) -> str:
    """"WASHINGTON" → "Washington", "RIO DE JANEIRO" → "Rio de Janeiro", "DİYARBAKIR" → "Diyarbakır"
    (Turkish rules when ``turkish`` or the place has a dotted İ), "NEW DELHI/ISLAMABAD" → "New Delhi/Islamabad";
    mixed case is kept."""
    if not place.isupper():
        return place
    turkish = turkish or "İ" in place
    small = word_set("place_lowercase_words")
    words = []
    for i, word in enumerate(place.split()):
        low = _lower(word, turkish)
        if i > 0 and low in small:
            words.append(low)
        else:
            words.append(re.sub(r"[^\W\d_]+", lambda w: w.group(0)[:1] + _lower(w.group(0)[1:], turkish), word))
    return " ".join(words)


def match_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline at the start of ``paragraph``, or ``None``."""
    russian = _match_russian(paragraph)
    if russian is not None:
        return russian
    m = _regex().match(paragraph)
    if m is None:
        return None
    place = " ".join(m.group("place").split())
    agency_text = (m.group("agency") or m.group("wire") or "").strip()
    date_text = m.group("date")
    dash = m.group("dash")
    upper = place.isupper() and sum(ch.isalpha() for ch in place) >= 3
    if place.upper() in _NOT_PLACES or (m.group("region") or "").upper() in _NOT_PLACES:
        return None
    if not upper:
        if not (agency_text or date_text):
            return None
        if not all(w[:1].isupper() for w in place.split() if w.lower() not in word_set("place_lowercase_words")):
            return None
    if dash == ":" and not (agency_text or date_text):
        return None
    region = m.group("region")
    if region and not (region[:1].isupper()):
        return None
    agency_name: str | None = None
    agency_code: str | None = None
    if agency_text:
        agency = find_agency(agency_text)
        if agency is not None:
            agency_name, agency_code = agency.name, agency.code
        elif len(agency_text.split()) <= 4 and agency_text[:1].isupper():
            agency_name = agency_text
        else:
            return None
    date: dt.date | None = None
    if date_text:
        found = find_dates(date_text)
        date = found[0].date if found else None
    rest = paragraph[m.end():]
    if not rest.strip() and not agency_text and not upper:
        return None
    return DatelineMatch(
        end=m.end(),
        dateline=Dateline(place=normalise_place(place), agency=agency_name, agency_code=agency_code),
        date=date,
        text=paragraph[:m.end()],
    )


def _match_russian(paragraph: str) -> DatelineMatch | None:
    m = _russian_regex().match(paragraph)
    if m is None:
        return None
    place = " ".join(m.group("place").split())
    agency = find_agency((m.group("slash") or m.group("trail") or "").strip())
    if agency is None or not place.isupper():
        return None
    return DatelineMatch(
        end=m.end(),
        dateline=Dateline(place=normalise_place(place), agency=agency.name, agency_code=agency.code),
        date=None,
        text=paragraph[:m.end()],
    )
