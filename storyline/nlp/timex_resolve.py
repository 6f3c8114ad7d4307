"""Putting a :class:`~storyline.nlp.timex_grammar.Spec` on the calendar.

Input: a Spec, the anchor (publication date or ``None``), the tense of the clause (``"past"``,
``"present"``, ``"future"`` or ``None``), the previous resolved time (``ref``) and the preposition.
Output: ``(value, granularity)`` with an ISO 8601 value, or ``None`` when it cannot be known.

Conventions (documented in ``docs/benchmarks.md`` too):

- A bare weekday is the closest such day in the direction of the tense, the anchor day included:
  past → on or before the anchor ("said on Friday" in a Friday report is that Friday); future or
  present ("talks begin on Monday") → on or after; no verb → the nearest.
- ``last <weekday>`` / ``next <weekday>`` are the closest such day at least two days before / after
  the anchor (news says "yesterday" / "tomorrow" or "on Thursday" for the day next to it, so "last
  Thursday" in a Friday report is eight days back); ``this <weekday>`` is the one in the anchor's ISO
  week; ``this past`` / ``this coming <weekday>`` are the closest strictly before / after.
- A month, a day of a month, a quarter or a season without a year: past → the latest that began on
  or before the anchor, future → the first that has not ended, present/none → the nearest.
  "until"/"till" point forward whatever the tense ("postponed until September").
- Modifiers keep the unit's granularity: "mid-2024" → ``2024``, "early next week" → the week,
  "by the end of the year" → the year, "in early February" → the month.
- "in two weeks" → the ISO week of anchor + 14 days; "two days ago" → a day; "a week ago" → a week.
- "within (the next) two weeks" → an interval from the anchor.
- "the 1990s" → ``1990/1999``; seasons are meteorological, northern hemisphere (spring 03-05,
  summer 06-08, autumn 09-11, winter 12-02); quarters and halves are month intervals.
- "the following day", "two days later", "the day before" count from the previous resolved time
  in the text (``ref``), not the anchor; with no usable ref they stay ``None``.
- With no anchor every relative expression is ``None``; written years keep their values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from ..record import Granularity
from .timex_grammar import Spec

Ref = tuple[dt.date, Granularity]
Instance = tuple[dt.date, dt.date, str]  # first day, last day, ISO value


def iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + (d.month - 1) + n
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(d.day, _month_end(year, month + 1).day))


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _month_span(year: int, month: int, months: int) -> Instance:
    first = dt.date(year, month, 1)
    last_month = add_months(first, months - 1)
    last = _month_end(last_month.year, last_month.month)
    value = _month_value(year, month) if months == 1 else \
        f"{_month_value(year, month)}/{_month_value(last.year, last.month)}"
    return first, last, value


def direction_for(spec: Spec, tense: str | None, prep: str | None) -> str:
    """``past`` | ``future`` | ``nearest`` for an expression without a written year."""
    if prep in {"until", "till"} and tense == "past":
        return "nearest"
    if tense == "past":
        return "past"
    if tense == "future":
        return "future"
    if tense == "present" and spec.kind == "weekday":
        return "future"
    return "nearest"


def pick(instances: list[Instance], anchor: dt.date, direction: str) -> str | None:
    """The instance to use. ``past``: the latest begun on or before the anchor; ``future``: the first
    not ended; ``nearest``: the one holding the anchor or the closest (ties go forward); ``last`` /
    ``next``: the latest ended before / first begun after the anchor."""
    ordered = sorted(instances)
    if direction == "past":
        chosen = [i for i in ordered if i[0] <= anchor]
        return chosen[-1][2] if chosen else None
    if direction == "future":
        chosen = [i for i in ordered if i[1] >= anchor]
        return chosen[0][2] if chosen else None
    if direction == "last":
        chosen = [i for i in ordered if i[1] < anchor]
        return chosen[-1][2] if chosen else None
    if direction == "next":
        chosen = [i for i in ordered if i[0] > anchor]
        return chosen[0][2] if chosen else None

    def distance(i: Instance) -> tuple[int, int]:
        if i[0] <= anchor <= i[1]:
            return 0, 0
        gap = (i[0] - anchor).days if i[0] > anchor else (anchor - i[1]).days
        return gap, 0 if i[0] > anchor else 1

    return min(ordered, key=distance)[2] if ordered else None


def _years_around(anchor: dt.date, make: Callable[[int], Instance | None], before: int = 1,
                  after: int = 1) -> list[Instance]:
    out = []
    for year in range(anchor.year - before, anchor.year + after + 1):
        inst = make(year)
        if inst is not None:
            out.append(inst)
    return out


def _day_instance(year: int, month: int, day: int) -> Instance | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return d, d, d.isoformat()


def _rel_direction(spec: Spec, tense: str | None, prep: str | None) -> str:
    if spec.rel == "last":
        return "last"
    if spec.rel == "next":
        return "next"
    if spec.rel == "this":
        return "nearest"
    return direction_for(spec, tense, prep)


def _season_instance(year: int, first_month: int) -> Instance:
    return _month_span(year, first_month, 3)


def resolve_spec(spec: Spec, anchor: dt.date | None, tense: str | None = None, ref: Ref | None = None,
                 prep: str | None = None) -> tuple[str | None, Granularity]:
    """``(value, granularity)`` of ``spec``; ``value`` is ``None`` when it cannot be known."""
    gran = spec.granularity
    if spec.kind == "interval":
        return _resolve_interval(spec, anchor, tense, ref, prep)
    if spec.kind == "ref_shift":
        return _resolve_ref(spec, ref), gran
    if spec.absolute:
        return _resolve_absolute(spec), gran
    if anchor is None:
        return None, gran
    if spec.year_offset is not None and spec.kind in {"date", "month"}:  # "June 16th of last year"
        return _resolve_absolute(replace(spec, year=anchor.year + spec.year_offset, year_offset=None)), gran
    return _resolve_relative(spec, anchor, tense, prep), gran


def _resolve_absolute(spec: Spec) -> str | None:
    year = spec.year
    assert year is not None
    if spec.kind == "date" and spec.month and spec.day:
        inst = _day_instance(year, spec.month, spec.day)
        return inst[2] if inst else None
    if spec.kind == "month" and spec.month:
        return _month_value(year, spec.month)
    if spec.kind == "year":
        return f"{year:04d}"
    if spec.kind == "decade":
        return f"{year:04d}/{year + 9:04d}"
    if spec.kind == "quarter" and spec.part:
        return _month_span(year, 3 * spec.part - 2, 3)[2]
    if spec.kind == "half" and spec.part:
        return _month_span(year, 6 * spec.part - 5, 6)[2]
    if spec.kind == "season" and spec.part:
        return _season_instance(year, spec.part)[2]
    return None


def _resolve_relative(spec: Spec, anchor: dt.date, tense: str | None, prep: str | None) -> str | None:
    kind = spec.kind
    if kind == "deictic":
        return (anchor + dt.timedelta(days=spec.n or 0)).isoformat()
    if kind == "weekday" and spec.weekday is not None:
        if spec.rel == "this":  # the day in the anchor's ISO week
            monday = anchor - dt.timedelta(days=anchor.weekday())
            return (monday + dt.timedelta(days=spec.weekday)).isoformat()
        days = [anchor + dt.timedelta(days=k) for k in range(-9, 10)]
        insts = [(d, d, d.isoformat()) for d in days if d.weekday() == spec.weekday]
        if spec.rel in {"last", "next"}:  # a day or less away would be "yesterday" / "tomorrow" in news
            sign = -1 if spec.rel == "last" else 1
            far = [i for i in insts if sign * (i[0] - anchor).days >= 2]
            return (far[-1] if sign < 0 else far[0])[2]
        direction = {"past": "last", "coming": "next"}.get(spec.rel or "") or direction_for(spec, tense, prep)
        return pick(insts, anchor, direction)
    if kind == "date" and spec.day and not spec.month:  # "on the 28th": a day of this or a near month
        day = spec.day
        firsts = [add_months(dt.date(anchor.year, anchor.month, 1), k) for k in range(-2, 3)]
        dom = [_day_instance(f.year, f.month, day) for f in firsts]
        return pick([i for i in dom if i is not None], anchor, direction_for(spec, tense, prep))
    if kind == "date" and spec.month and spec.day:
        month, day = spec.month, spec.day
        insts = _years_around(anchor, lambda y: _day_instance(y, month, day), 4, 4)
        return pick(insts, anchor, direction_for(spec, tense, prep))
    if kind == "month" and spec.month:
        month = spec.month
        if spec.rel == "this":
            return _month_value(anchor.year, month)
        insts = _years_around(anchor, lambda y: _month_span(y, month, 1))
        return pick(insts, anchor, _rel_direction(spec, tense, prep))
    year_of = {"this": 0, "last": -1, "next": 1}
    if kind in ("quarter", "half") and spec.part:
        months = 3 if kind == "quarter" else 6
        first = months * (spec.part - 1) + 1
        if spec.rel in year_of:
            return _month_span(anchor.year + year_of[spec.rel], first, months)[2]
        return pick(_years_around(anchor, lambda y: _month_span(y, first, months)), anchor,
                    direction_for(spec, tense, prep))
    if kind == "season" and spec.part:
        part = spec.part
        insts = _years_around(anchor, lambda y: _season_instance(y, part), 2, 1)
        return pick(insts, anchor, _rel_direction(spec, tense, prep))
    if kind == "decade" and spec.part is not None:  # "the '90s": the latest such decade begun by the anchor
        start = (anchor.year // 100) * 100 + spec.part
        if start > anchor.year:
            start -= 100
        return f"{start:04d}/{start + 9:04d}"
    if kind == "unit_rel":
        return _resolve_unit_rel(spec, anchor, tense)
    if kind == "shift":
        return _shift(anchor, spec.unit or "day", spec.n or 0)
    if kind == "within":
        n = spec.n or 0
        unit = spec.unit or "day"
        if unit == "day":
            end = anchor + dt.timedelta(days=n)
        elif unit == "week":
            end = anchor + dt.timedelta(weeks=n)
        elif unit == "month":
            end = add_months(anchor, n)
        else:
            end = add_months(anchor, 12 * n * (10 if unit == "decade" else 1))
        return f"{anchor.isoformat()}/{end.isoformat()}"
    return None


def _shift(base: dt.date, unit: str, n: int) -> str:
    if unit == "day":
        return (base + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return iso_week(base + dt.timedelta(weeks=n))
    if unit == "month":
        d = add_months(base, n)
        return _month_value(d.year, d.month)
    if unit == "decade":
        return f"{base.year + 10 * n:04d}"
    return f"{base.year + n:04d}"


def _weekend(anchor: dt.date, weeks: int) -> str:
    saturday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=5, weeks=weeks)
    return f"{saturday.isoformat()}/{(saturday + dt.timedelta(days=1)).isoformat()}"


def _resolve_unit_rel(spec: Spec, anchor: dt.date, tense: str | None) -> str | None:
    unit = spec.unit
    if unit == "weekend":
        if spec.n in (None, 0):  # "(this) weekend": the one just past in past tense, else this week's
            return _weekend(anchor, 0 if anchor.weekday() >= 5 or tense != "past" else -1)
        return _weekend(anchor, spec.n)
    n = spec.n or 0
    if unit == "quarter":
        q_first = add_months(dt.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1), 3 * n)
        return _month_span(q_first.year, q_first.month, 3)[2]
    return _shift(anchor, unit or "day", n)


def _resolve_ref(spec: Spec, ref: Ref | None) -> str | None:
    if ref is None:
        return None
    base, base_gran = ref
    unit = spec.unit or "day"
    allowed: dict[str, set[str]] = {"day": {"day"}, "week": {"day", "week"}, "month": {"day", "week", "month"},
                                    "year": {"day", "week", "month", "year"}, "decade": {"year"}}
    if base_gran not in allowed.get(unit, set()):
        return None
    return _shift(base, unit, spec.n or 0)


def _resolve_interval(spec: Spec, anchor: dt.date | None, tense: str | None, ref: Ref | None,
                      prep: str | None) -> tuple[str | None, Granularity]:
    assert spec.start is not None and spec.end is not None
    start, end = spec.start, spec.end
    if start.year is None and end.year is not None and start.kind in {"date", "month"}:
        start = Spec(start.kind, start.granularity, year=end.year, month=start.month, day=start.day)
    if end.year is None and start.year is not None and end.kind in {"date", "month"}:
        end = Spec(end.kind, end.granularity, year=start.year, month=end.month, day=end.day)
    a, _ = resolve_spec(start, anchor, tense, ref, prep)
    b, _ = resolve_spec(end, anchor, tense, ref, prep)
    if a and b and b < a and len(a) == 10 and end.kind in {"weekday", "date"} and not end.absolute:
        # the end of a range comes on or after its start: "from Monday to Wednesday"
        b, _ = resolve_spec(end, dt.date.fromisoformat(a), "future", ref, prep)
    if a is None or b is None:
        return None, "interval"
    return f"{a}/{b}", "interval"


def ref_point(value: str | None, granularity: Granularity) -> Ref | None:
    """The date a later "the following day" counts from, for a resolved value."""
    if not value or granularity not in {"day", "week", "month", "year"}:
        return None
    try:
        if granularity == "day":
            return dt.date.fromisoformat(value), "day"
        if granularity == "week":
            year, week = value.split("-W")
            return dt.date.fromisocalendar(int(year), int(week), 1), "week"
        if granularity == "month":
            return dt.date.fromisoformat(value + "-01"), "month"
        return dt.date(int(value), 1, 1), "year"
    except ValueError:
        return None
