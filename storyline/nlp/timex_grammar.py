"""Finding time expressions in text: a small grammar of regular expressions over characters.

Input: a string (a document's text or one expression). Output: :class:`Candidate` objects, each
a character span with a :class:`Spec`, the anchor-free meaning of the expression ("the Thursday
nearest the anchor in the direction of the tense", "the ISO week after the anchor's", "2014").
:mod:`storyline.nlp.timex_resolve` turns a Spec into an ISO 8601 value once the anchor, the tense
and the previous time are known.

Words come from ``storyline/data/times.json``. Month and weekday names must be capitalised (news
writes them so; it keeps the modal "may" and the verb "march" out); the other words match in any
case. The span keeps a preposition that belongs to the expression ("on Friday", "in 2014",
"as early as next week", "since February"), as the gold readings do.

Durations ("for two weeks", "three years") are not calendar points and are not matched; "in two
weeks" and "within two weeks" are (the component drops them when the clause is in the past tense,
where they measure a duration).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..lexicon import load_json
from ..record import Granularity

DATA_FILE = "times.json"


@dataclass(frozen=True)
class Spec:
    """The meaning of one time expression before anchoring.

    ``kind`` is one of: ``date`` (year/month/day, year may be missing), ``month`` (year may be
    missing), ``year``, ``decade``, ``weekday``, ``deictic`` (``n`` days from the anchor),
    ``unit_rel`` (this/last/next ``unit``: ``n`` in -1/0/1, ``None`` for a bare "the weekend"),
    ``shift`` (``n`` units from the anchor: "two days ago", "in two weeks"), ``within`` (from the
    anchor to ``n`` units later), ``ref_shift`` (``n`` units from the previous time: "the
    following day"), ``quarter`` / ``half`` / ``season`` (``part`` = number or first month),
    ``interval`` (``start`` to ``end``).
    """

    kind: str
    granularity: Granularity
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: str | None = None  # "this" | "last" | "next" for weekdays, months, seasons
    unit: str | None = None
    n: int | None = 0
    part: int | None = None
    start: Spec | None = None
    end: Spec | None = None
    year_offset: int | None = None  # "June 16th of last year": the anchor's year - 1

    @property
    def absolute(self) -> bool:
        """True when the value needs no anchor (a year is written)."""
        if self.kind == "interval":
            return bool(self.start and self.end and self.start.absolute and self.end.absolute)
        return self.kind in {"date", "month", "year", "decade", "quarter", "half", "season"} and self.year is not None

    @property
    def relative_to_ref(self) -> bool:
        return self.kind == "ref_shift"


@dataclass
class Candidate:
    """A time expression found in text: ``[start, end)`` with its meaning.

    ``core_start`` is where the expression starts without its preposition; ``prep`` is that
    preposition in lower case (or ``None``); ``needs_context`` marks words that are time
    expressions only after a preposition or inside a range ("in May", "since 2014")."""

    start: int
    end: int
    spec: Spec
    rule: str
    needs_context: bool = False
    core_start: int = -1
    prep: str | None = None

    def __post_init__(self) -> None:
        if self.core_start < 0:
            self.core_start = self.start


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    return load_json(DATA_FILE)  # type: ignore[no-any-return]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def month_number(word: str) -> int:
    word = word.rstrip(".")
    months: dict[str, int] = lexicon()["months"]
    return months[word]


def number_value(word: str) -> int:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    numbers: dict[str, int] = lexicon()["numbers"]
    if word in numbers:
        return numbers[word]
    return sum(numbers[w] for w in re.split(r"[-\u2010 ]+", word))  # "seventy-four"


@dataclass(frozen=True)
class _Pieces:
    month: str
    weekday: str
    num: str
    ordinal: str
    season: str
    deictic: str
    dayparts: str
    prep: str
    holiday: str


@lru_cache(maxsize=1)
def _pieces() -> _Pieces:
    lex = lexicon()
    longest: dict[int, str] = {}
    for word, number in lex["months"].items():
        if len(word) > len(longest.get(number, "")):
            longest[number] = word
    names = list(longest.values())
    abbrs = [m for m in lex["months"] if m not in names]
    month = rf"(?:(?:{_alt(names)})\b|(?:{_alt(abbrs)})(?:\.|\b))(?![-\u2010\u2011][A-Za-z])"
    ones = _alt([w for w, v in lex["numbers"].items() if 1 <= v <= 9 and w not in {"a", "an"}])
    return _Pieces(
        month=month,
        weekday=rf"(?:{_alt(list(lex['weekdays']))})\b",
        num=rf"(?<![-\u2010\w])(?:\d{{1,3}}|(?i:(?:{_alt(list(lex['tens']))})[-\u2010\s]+(?:{ones})"
            rf"|{_alt(list(lex['numbers']))}))",
        ordinal=rf"(?i:{_alt(list(lex['ordinals']))})",
        season=rf"(?i:{_alt(list(lex['seasons']))})",
        deictic=rf"(?i:{_alt(list(lex['deictic_days']))})",
        dayparts=rf"(?i:{_alt(list(lex['day_parts']))})",
        prep=rf"(?i:{_alt(list(lex['prepositions']))})",
        holiday="|".join(_alt([h]).replace("'", "['\u2019]") for h in sorted(lex["holidays"], key=len, reverse=True)),
    )


YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d,.]\d)"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
MOD = (r"(?i:(?:early|earlier|late|later)\s+in\s+|(?:early|earlier|mid|late|later)(?:\s+|-)"
       r"|(?:the\s+)?(?:end|beginning|start|middle|turn|close)\s+of\s+)")
YREL = r"|\s+(?i:of\s+)(?P<yrel>(?i:last|this|next))\s+(?i:year)\b"
UNIT = r"(?i:day|week|fortnight|month|year|decade)"
DASH = r"\s*[-\u2013\u2014]\s*"

Builder = Callable[["re.Match[str]"], "Spec | None"]


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _year(m: re.Match[str], name: str = "y") -> int | None:
    y = _g(m, name)
    if not y:
        return None
    y = y.strip("'")
    return int(y) if len(y) == 4 else None


def _build_date(m: re.Match[str]) -> Spec | None:
    day = int(re.sub(r"\D", "", m.group("d")))
    month = month_number(m.group("mo"))
    if not 1 <= day <= 31:
        return None
    year = _year(m)
    d2 = _g(m, "d2")
    if d2:
        end_day = int(re.sub(r"\D", "", d2))
        if not day < end_day <= 31:
            return None
        start = Spec("date", "day", year=year, month=month, day=day, year_offset=_year_offset(m))
        return Spec("interval", "interval", start=start, end=replace(start, day=end_day))
    return Spec("date", "day", year=year, month=month, day=day, year_offset=_year_offset(m))


def _year_offset(m: re.Match[str]) -> int | None:
    word = (_g(m, "yrel") or "").lower()
    return {"last": -1, "this": 0, "next": 1}.get(word)


def _build_day_of_month(m: re.Match[str]) -> Spec | None:
    day = int(re.sub(r"\D", "", m.group("d")))
    return Spec("date", "day", day=day) if 1 <= day <= 31 else None


def _build_iso(m: re.Match[str]) -> Spec | None:
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Spec("date", "day", year=y, month=mo, day=d)


def _build_month(m: re.Match[str]) -> Spec | None:
    rel = (_g(m, "rel") or "").lower() or None
    return Spec("month", "month", year=_year(m), month=month_number(m.group("mo")), rel=rel,
                year_offset=_year_offset(m))


def _build_year(m: re.Match[str]) -> Spec | None:
    y2 = _g(m, "y2")
    year = int(m.group("y"))
    if y2:
        end = int(y2) if len(y2) == 4 else (year // 100) * 100 + int(y2)
        if not year < end <= year + 100:
            return None
        return Spec("interval", "interval", start=Spec("year", "year", year=year), end=Spec("year", "year", year=end))
    return Spec("year", "year", year=year)


def _build_decade(m: re.Match[str]) -> Spec | None:
    if _g(m, "dec2"):  # "the '90s": the century comes from the anchor
        return Spec("decade", "interval", part=int(m.group("dec2")))
    return Spec("decade", "interval", year=int(m.group("dec")))


def _build_deictic(m: re.Match[str]) -> Spec | None:
    word = re.sub(r"\s+", " ", m.group("w").lower())
    days: dict[str, int] = lexicon()["deictic_days"]
    return Spec("deictic", "day", n=days[word])


def _norm_rel(word: str | None) -> str | None:
    """this / last / next (or "the"); "this past" and "past" are "last", "coming" is "next"."""
    if not word:
        return None
    rel = re.sub(r"\s+", " ", word.lower())
    return {"coming": "next", "past": "last", "this past": "last"}.get(rel, rel)


def _build_weekday(m: re.Match[str]) -> Spec | None:
    """rel: ``last`` / ``next`` / ``this`` (previous, next, current ISO week), ``past`` / ``coming``
    (the latest before / first after the anchor: "this past Sunday", "this coming Friday")."""
    word = re.sub(r"\s+", " ", (_g(m, "rel") or "").lower())
    rel = {"this past": "past", "this coming": "coming"}.get(word, word) or None
    weekdays: dict[str, int] = lexicon()["weekdays"]
    return Spec("weekday", "day", weekday=weekdays[m.group("wd")], rel=rel)


_UNIT_GRAN: dict[str, Granularity] = {"day": "day", "week": "week", "month": "month", "year": "year",
                                      "weekend": "interval", "quarter": "interval", "decade": "interval"}


def _build_unit_rel(m: re.Match[str]) -> Spec | None:
    rel = _norm_rel(m.group("rel")) or ""
    unit = m.group("unit").lower()
    mod = _g(m, "mod")
    if rel == "the" and not mod and unit != "weekend":
        return None
    n = {"this": 0, "last": -1, "next": 1, "the": 0 if mod else None}[rel]
    return Spec("unit_rel", _UNIT_GRAN[unit], unit=unit, n=n)


def _unit_n(unit: str, n: int) -> tuple[str, int]:
    unit = unit.lower()
    return ("week", 2 * n) if unit == "fortnight" else (unit, n)


def _build_shift(m: re.Match[str]) -> Spec | None:
    unit, n = _unit_n(m.group("unit"), number_value(m.group("num")))
    sign = -1 if (_g(m, "ago") or "").lower() == "ago" else 1
    return Spec("shift", _UNIT_GRAN[unit] if unit != "decade" else "year", unit=unit, n=sign * n)


def _build_within(m: re.Match[str]) -> Spec | None:
    unit, n = _unit_n(m.group("unit"), number_value(m.group("num")))
    return Spec("within", "interval", unit=unit, n=n)


def _build_ref(m: re.Match[str]) -> Spec | None:
    rel = (_g(m, "rel") or "").lower()
    unit = (_g(m, "unit") or _g(m, "unit2") or _g(m, "unit3") or "day").lower()
    if unit in {"morning", "afternoon", "evening", "night"}:
        unit = "day"
    if rel in {"same", "that"}:
        n = 0
    elif rel in {"following", "next"}:
        n = 1
    elif rel in {"previous", "prior"}:
        n = -1
    else:
        direction = (_g(m, "dir") or _g(m, "dir3") or "").lower()
        n = number_value(_g(m, "num") or "1") if _g(m, "num") else 1
        unit, n = _unit_n(unit, n)
        n = -n if direction in {"earlier", "before"} else n
    return Spec("ref_shift", _UNIT_GRAN[unit], unit=unit, n=n)


def _build_quarter(m: re.Match[str]) -> Spec | None:
    ordinals: dict[str, int] = lexicon()["ordinals"]
    q = _g(m, "q")
    part = int(q) if q else ordinals[m.group("ord").lower()]
    year = _year(m)
    yy = _g(m, "yy")
    if yy:
        year = 2000 + int(yy)
    return Spec("quarter", "interval", year=year, part=part, rel=_of_year(m))


def _build_half(m: re.Match[str]) -> Spec | None:
    h = _g(m, "h")
    part = int(h) if h else (1 if m.group("ord").lower() == "first" else 2)
    return Spec("half", "interval", year=_year(m), part=part, rel=_of_year(m))


def _of_year(m: re.Match[str]) -> str | None:
    """"of this year" / "of the year" → this, "of last year" → last, "of next year" → next."""
    word = (_g(m, "thisyear") or "").split()
    return None if not word else {"the": "this"}.get(word[0].lower(), word[0].lower())


def _build_holiday(m: re.Match[str]) -> Spec | None:
    holidays: dict[str, str] = lexicon()["holidays"]
    name = re.sub(r"\s+", " ", m.group("hol")).replace("\u2019", "'")
    month, day = (int(x) for x in holidays[name].split("-"))
    return Spec("date", "day", year=_year(m), month=month, day=day)


def _build_before_last(m: re.Match[str]) -> Spec | None:
    unit = m.group("unit").lower()
    return Spec("unit_rel", _UNIT_GRAN[unit], unit=unit, n=-2)


def _build_season(m: re.Match[str]) -> Spec | None:
    seasons: dict[str, int] = lexicon()["seasons"]
    rel = _norm_rel(_g(m, "rel"))
    return Spec("season", "interval", year=_year(m), part=seasons[m.group("s").lower()], rel=rel)


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    build: Builder
    needs_context: Callable[[re.Match[str]], bool] = lambda m: False
    trigger: re.Pattern[str] | None = None  # a cheap test: the rule cannot match a text without it


def _ctx_month(m: re.Match[str]) -> bool:
    return not (_g(m, "rel") or _g(m, "mod") or _g(m, "y") or _g(m, "yrel"))


def _ctx_year(m: re.Match[str]) -> bool:
    return not (_g(m, "mod") or _g(m, "y2"))


def _ctx_season(m: re.Match[str]) -> bool:
    return not (_g(m, "rel") or _g(m, "y"))


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    p = _pieces()
    mo, wd, num = p.month, p.weekday, p.num
    wd_prefix = rf"(?:{wd},?\s+)?"
    rs: list[tuple[str, str, Builder, Callable[[re.Match[str]], bool] | None]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b", _build_iso, None),
        ("date_mdy", rf"\b{wd_prefix}(?P<mo>{mo})\s+(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?(?:,?\s+(?P<y>{YEAR}){YREL})?",
         _build_date, None),
        ("date_dmy", rf"\b{wd_prefix}(?:(?i:the)\s+)?(?P<d>{DAY})(?:{DASH}(?P<d2>{DAY}))?\s+(?:(?i:of)\s+)?"
                     rf"(?P<mo>{mo})(?:,?\s+(?P<y>{YEAR}){YREL})?", _build_date, None),
        ("month", rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<mod>{MOD})?(?P<mo>{mo})(?!\s+[0-3]?\d(?:st|nd|rd|th)?\b)"
                  rf"(?:,?\s+(?i:of\s+)?(?P<y>{YEAR}){YREL})?(?!(?<=May)['\u2019]s)",
         _build_month, _ctx_month),
        ("decade", rf"\b(?i:the\s+)(?P<mod>{MOD})?"
                   rf"(?:(?P<dec>1[89]\d0|20\d0)['\u2019]?s|['\u2018\u2019](?P<dec2>[1-9]0)s)\b",
         _build_decade, None),
        ("year", rf"(?<![\d$\u20ac\u00a3.,-])\b(?P<mod>{MOD})?(?P<y>{YEAR})(?:{DASH}(?P<y2>{YEAR}|\d\d?(?!\d)))?\b"
                 rf"(?!\s*(?:%|(?i:percent|per\s+cent)))", _build_year, _ctx_year),
        ("deictic", rf"\b(?P<w>{p.deictic})(?:\s+{p.dayparts})?\b", _build_deictic, None),
        ("day_of_month", r"\b(?i:the)\s+(?P<d>[0-3]?\d(?:st|nd|rd|th))\b"
                         r"(?!\s+(?:[A-Z]|(?i:of|century|anniversary|time|day)))",
         _build_day_of_month, lambda m: True),
        ("weekday", rf"\b(?:(?P<rel>(?i:next|last|this\s+past|this\s+coming|this|coming|past))\s+"
                    rf"|(?P<mod>(?i:early|late|earlier|later))\s+)?(?P<wd>{wd})(?:\s+{p.dayparts})?",
         _build_weekday, None),
        ("unit_rel", rf"(?<!\bthe\s)(?<!\bThe\s)\b(?P<mod>{MOD})?(?P<rel>(?i:this\s+past|this|last|next|the))\s+"
                     rf"(?P<unit>(?i:week|month|year|weekend|quarter))\b", _build_unit_rel, None),
        ("before_last", r"\b(?i:the\s+(?P<unit>week|month|year|weekend)\s+before\s+last)\b", _build_before_last,
         None),
        ("holiday", rf"\b(?P<hol>{p.holiday})(?:,?\s+(?P<y>{YEAR}))?\b", _build_holiday,
         lambda m: not (_g(m, "y") or re.search(r"(?:Day|Eve)$", m.group("hol")))),
        ("shift_ago", rf"\b(?P<num>{num})\s+(?P<unit>{UNIT})s?\s+(?P<ago>(?i:ago))\b", _build_shift, None),
        ("shift_in", rf"\b(?i:in)\s+(?P<num>{num})\s+(?P<unit>{UNIT})s?(?:(?:'s?|\u2019s?)?\s+(?i:time))?\b"
                     rf"(?!\s+(?i:later|earlier|ago|before|after)\b)",
         _build_shift, None),
        ("within", rf"\b(?i:within|(?:in|over)(?=\s+the\s+(?:next|coming)))\s+(?i:the\s+(?:next|coming)\s+)?"
                   rf"(?P<num>{num})\s+(?P<unit>{UNIT})s?\b", _build_within, None),
        ("ref", rf"\b(?i:the\s+(?:very\s+)?(?P<rel>following|next|previous|prior|same)\s+"
                rf"(?P<unit>day|week|month|year|morning|afternoon|evening|night)|(?P<rel2>that)\s+day"
                rf"|(?P<num>{num})\s+(?P<unit2>{UNIT})s?\s+(?P<dir>later|earlier)"
                rf"|the\s+(?P<unit3>day|week|month|year)\s+(?P<dir3>before|after)(?=\s*(?:[,.;:)]|$)))\b",
         _build_ref, None),
        ("quarter", rf"\b(?:(?i:the)\s+)?(?P<ord>{p.ordinal})\s+(?i:quarter)(?:\s+(?i:of\s+)?(?P<y>{YEAR})"
                    rf"|\s+(?i:of\s+)(?P<thisyear>(?i:this|the|last|next)\s+year))?\b"
                    rf"|\b(?:(?P<q_the>(?i:the))\s+)?Q(?P<q>[1-4])(?:\s+(?P<y2q>{YEAR})|\s*'?(?P<yy>\d\d)\b)?\b",
         _build_quarter_any, None),
        ("half", rf"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second))\s+(?i:half)\s+(?i:of\s+)(?:(?P<y>{YEAR})"
                 rf"|(?P<thisyear>(?i:this|the|last|next)\s+year))\b|\bH(?P<h>[12])\s+(?P<yh>{YEAR})\b",
         _build_half_any, None),
        ("season", rf"\b(?:(?P<rel>(?i:this\s+past|this|last|next))\s+|(?P<the>(?i:the))\s+)?"
                   rf"(?P<mod>{MOD})?(?P<s>{p.season})"
                   rf"(?:(?:\s+(?i:of))?\s+(?P<y>{YEAR}))?\b(?!\s+(?i:of|in)\s+(?!\d))", _build_season, _ctx_season),
    ]
    triggers = {
        "iso": r"\d{4}-\d\d-\d\d", "decade": r"0['\u2019]?s\b", "day_of_month": r"\d(?:st|nd|rd|th)\b",
        "weekday": p.weekday, "deictic": p.deictic, "before_last": r"(?i:before\s+last)",
        "holiday": p.holiday, "shift_ago": r"(?i:\bago\b)", "shift_in": r"(?i:\bin\s)",
        "within": r"(?i:\b(?:within|next|coming)\b)", "quarter": r"(?i:quarter)|Q[1-4]",
        "half": r"(?i:\bhalf\b)|H[12]", "season": p.season,
        "ref": r"(?i:\b(?:following|next|previous|prior|same|that|later|earlier|before|after)\b)",
        "unit_rel": r"(?i:\b(?:week|month|year|weekend|quarter)\b)",
    }
    out = []
    for name, pattern, build, ctx in rs:
        trigger = re.compile(triggers[name]) if name in triggers else None
        out.append(Rule(name, re.compile(pattern), build, ctx or (lambda m: False), trigger))
    return tuple(out)


def _build_quarter_any(m: re.Match[str]) -> Spec | None:
    if _g(m, "ord") and m.group("ord").lower() == "last" and not (_g(m, "y") or _g(m, "thisyear")):
        return None  # "the last quarter": the previous one or the fourth? left to unit_rel / not guessed
    spec = _build_quarter(m)
    if spec and _g(m, "y2q"):
        spec = replace(spec, year=int(m.group("y2q")))
    return spec


def _build_half_any(m: re.Match[str]) -> Spec | None:
    spec = _build_half(m)
    if spec and _g(m, "yh"):
        spec = replace(spec, year=int(m.group("yh")))
    return spec


@lru_cache(maxsize=1)
def _prep_re() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[\s(\"'\u201c\u2018,;:\u2014-]))(?P<prep>{_pieces().prep})\s+$")


_DET_YEAR_RE = re.compile(r"(?i:\b(?:the|its|his|her|their|our|this|that|a|an|of)\s+|\w['\u2019]s\s+)$")
_DET_MONTH_RE = re.compile(r"(?i:\b(?:the|its|his|her|their|our|this|that|a|an)\s+)$")
_RANGE_LINK = re.compile(r"^\s*(?:(?i:to|until|till|through|and)\s+|[-\u2013\u2014]\s*)$")


def _prefix(text: str, start: int) -> tuple[int, str | None]:
    """The preposition right before ``start`` (start of it, lower-cased words) or (start, None)."""
    before = text[max(0, start - 30):start]
    m = _prep_re().search(before)
    if not m:
        return start, None
    return start - (len(before) - m.start("prep")), re.sub(r"\s+", " ", m.group("prep").lower())


def _raw_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for rule in rules():
        if rule.trigger is not None and not rule.trigger.search(text):
            continue
        for m in rule.regex.finditer(text):
            if m.end() == m.start():
                continue
            spec = rule.build(m)
            if spec is None:
                continue
            found.append(Candidate(m.start(), m.end(), spec, rule.name, rule.needs_context(m)))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[Candidate] = []
    last_end = -1
    for c in found:
        if c.start >= last_end:
            chosen.append(c)
            last_end = c.end
    return chosen


def _is_point(spec: Spec) -> bool:
    return spec.kind in {"date", "month", "year", "weekday", "deictic", "quarter", "season"}


def _merge_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``from X to Y`` / ``between X and Y`` become one interval."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        if i + 1 < len(cands) and c.prep in {"from", "between"} and _is_point(c.spec) and _is_point(cands[i + 1].spec):
            nxt = cands[i + 1]
            link = text[c.end:nxt.core_start]
            ok = _RANGE_LINK.match(link) and (c.prep == "between") == link.strip().lower().startswith("and")
            if ok:
                spec = Spec("interval", "interval", start=c.spec, end=nxt.spec)
                out.append(Candidate(c.start, nxt.end, spec, "range", False, c.core_start, c.prep))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


_DAY_OF_MONTH_PREPS = frozenset({"on", "by", "until", "till", "since", "before", "after", "from", "as of"})


def _context_ok(text: str, c: Candidate) -> bool:
    if c.rule == "day_of_month":  # "on the 28th", never "in the 3rd Battalion"
        return c.prep in _DAY_OF_MONTH_PREPS
    if not c.needs_context or c.prep is not None or c.rule == "range":
        return True
    if c.spec.kind == "year":
        before = text[max(0, c.core_start - 12):c.core_start]
        after = text[c.end:c.end + 2]
        return bool(_DET_YEAR_RE.search(before)) and bool(re.match(r"\s[^\W\d_]", after))
    if c.spec.kind == "month" and text[c.core_start:c.core_start + 3] != "May":
        before = text[max(0, c.core_start - 8):c.core_start]
        if re.search(r"\b(?:to|and|or)\s+$", before):
            return True  # "the three months to September", "in February or March"
        after = text[c.end:c.end + 4]  # "the November election", "October's debate"
        return bool(_DET_MONTH_RE.search(before)) and bool(re.match(r"(?:['\u2019]s)?\s[a-z]", after))
    return False


_CAP_WORD_BEFORE = re.compile(r"\b[A-Z][\w.]*\s+$")
_CLOSING_QUOTE = re.compile(r"^[,.]?(?:''|[\"\u201d\u2019])")


def _looks_like_title(text: str, c: Candidate, word: str) -> bool:
    words = word.split()
    if c.rule == "deictic" and word[:1].isupper() and _CAP_WORD_BEFORE.search(text[max(0, c.core_start - 30):
                                                                                    c.core_start]):
        return True
    if len(words) > 1 and words[-1][:1].isupper() and words[-1].lower() in lexicon()["day_parts"]:
        return True  # "This Morning", "Sunday Morning Futures"
    return c.rule == "deictic" and word[:1].isupper() and bool(_CLOSING_QUOTE.match(text[c.end:c.end + 3]))


def find_candidates(text: str, offset: int = 0) -> Iterator[Candidate]:
    """Time expressions in ``text`` (offsets shifted by ``offset``), in text order."""
    cands = _raw_candidates(text)
    for c in cands:
        if c.rule in {"shift_in", "within"}:
            continue
        start, prep = _prefix(text, c.start)
        if prep == "in" and c.rule in {"ref", "shift_ago"}:
            continue  # "moved in three days later": a particle, not the expression's preposition
        c.core_start, c.start, c.prep = c.start, start, prep
    for c in _merge_ranges(text, cands):
        if not _context_ok(text, c):
            continue
        word = text[c.core_start:c.end]
        if c.rule in {"deictic", "weekday"} and _looks_like_title(text, c, word):
            continue  # "Russia Today", "USA Today", CBS's "This Morning": a name
        yield Candidate(c.start + offset, c.end + offset, c.spec, c.rule, c.needs_context, c.core_start + offset,
                        c.prep)


def parse(text: str) -> Candidate | None:
    """The one expression that ``text`` is (the longest found when it holds more), or ``None``."""
    text = text.strip()
    best: Candidate | None = None
    for c in find_candidates(text):
        if best is None or (c.end - c.start) > (best.end - best.start):
            best = c
    if best is None:
        for c in _raw_candidates(text):  # a bare "May" or "2014" given alone is still meant as a time
            if best is None or (c.end - c.start) > (best.end - best.start):
                best = c
    return best
