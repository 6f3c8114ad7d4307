"""Dates written in article text: ``Published: 08.08.2025``, ``Aug 8, 2025``,
``8 August 2025``, ``8 Ağustos 2025``, ``8 августа 2025``, ``2025-08-08``.

Input: a short string (a header line, a byline, a dateline). Output: the
calendar dates it states unambiguously (:func:`find_dates`), and whether the
line is nothing but a date with its label (:func:`date_line`). Numeric
``a/b/yyyy`` with both parts ≤ 12 and different is ambiguous and skipped;
dotted ``dd.mm.yyyy`` is read day first (the convention wherever dots are used).
Month names come from ``storyline/data/structure.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .patterns import month_alternation, month_number, word_set

_WEEKDAYS = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|"
    r"pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|"
    r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
)
_TIME = (r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
         r"(?:\s*(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*|[+-]\d{2}:?\d{2}))?")


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    m = month_alternation()
    return (
        re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
                   r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"),
        re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)"),
        re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
        re.compile(rf"(?<!\w)(?P<mon>{m})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
                   re.IGNORECASE),
        re.compile(rf"(?<!\w)(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.|er)?\s+(?:de\s+)?(?P<mon>{m})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})(?!\d)",
                   re.IGNORECASE),
    )


def _make(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every unambiguous full date (day, month and year) stated in ``text``."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _patterns():
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            y = int(g["y"])
            date: dt.date | None = None
            if g.get("mon"):
                month = month_number(g["mon"])
                date = _make(y, month, int(g["d"])) if month else None
            elif g.get("a"):
                a, b = int(g["a"]), int(g["b"])
                if a > 12 >= b:
                    date = _make(y, b, a)
                elif b > 12 >= a:
                    date = _make(y, a, b)
                elif a == b:
                    date = _make(y, a, b)
            else:
                date = _make(y, int(g["m"]), int(g["d"]))
            if date is not None and 1900 <= date.year <= 2100:
                found.append(FoundDate(date, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found


@dataclass(frozen=True)
class DateLine:
    date: dt.date
    label: str  # "published" | "updated" | ""


def _label_regex(name: str) -> str:
    words = sorted(word_set(name), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=1)
def _line_regex() -> re.Pattern[str]:
    return re.compile(
        rf"^[\s\-–—•|]*(?:(?P<pub>{_label_regex('published_labels')})|(?P<upd>{_label_regex('updated_labels')}))?"
        r"\s*(?:on|at|am|le|el|em|il)?\s*[:\-–—]?\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )


_FILLER = re.compile(
    rf"(?:{_WEEKDAYS}|{_TIME}|\bat\b|\bum\b|\bà\b|\ba las\b|\bsaat\b|\bв\b|\bг\.|\bgmt\b|\butc\b|[,|/()\[\]\-–—:.])",
    re.IGNORECASE,
)


def date_line(line: str) -> DateLine | None:
    """``line`` when it is only a (labelled) date: "Published: 08.08.2025", "Aug 8, 2025 14:05 GMT"."""
    text = " ".join(line.split())
    if not text or len(text) > 90:
        return None
    m = _line_regex().match(text)
    if m is None:
        return None
    rest = m.group("rest")
    dates = find_dates(rest)
    if len(dates) != 1:
        return None
    leftover = rest[:dates[0].start] + " " + rest[dates[0].end:]
    if _FILLER.sub(" ", leftover).strip():
        return None
    label = "published" if m.group("pub") else "updated" if m.group("upd") else ""
    return DateLine(dates[0].date, label)
