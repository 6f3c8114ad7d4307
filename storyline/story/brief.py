"""A short text brief of one story, for a person at a terminal.

:func:`story_brief` takes the story's :class:`~storyline.record.Article`
records and its :class:`~storyline.story.link.Story` and returns plain text
(under 60 lines, at most :data:`WIDTH` columns):

- the story title, its span of dates and its id;
- the articles in date order: date, agency / outlet, title; copies of an
  earlier article (the same dispatch on another portal) are marked;
- the main actors: entities by mention count across the articles;
- per claim source, its claims (from ``attributions``): a claim first seen
  in an article is *new*; the same source saying the same thing again in a
  later article makes it *repeated* (counted per article; word-set Jaccard
  of at least :data:`REPEAT_JACCARD` counts as the same claim); when its
  certainty differs between articles it is marked *changed* (e.g.
  ``asserted → denied``). Claims in the headline or standfirst are left
  out (they restate the body). Copies are not
  counted twice: only the first article of a duplicate group is read for
  actors and claims.

Empty ``entities`` / ``attributions`` lists are fine: the sections then say
that nothing was found.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..record import Article, Attribution
from .link import Story, date_key

LOGGER = logging.getLogger(__name__)

WIDTH = 100
MAX_LINES = 59
MAX_ARTICLES = 12
MAX_ACTORS = 6
MAX_SOURCES = 5
MAX_CLAIMS = 3
REPEAT_JACCARD = 0.6

_OUTLET_KINDS = ("news agency", "news outlet", "outlet", "newspaper", "broadcaster")
_WORD = re.compile(r"\w+")


def _clip(text: str, width: int) -> str:
    """``text`` on one line (leading indentation kept), cut to ``width`` with an ellipsis."""
    indent = text[:len(text) - len(text.lstrip(" "))]
    text = indent + " ".join(text.split())
    return text if len(text) <= width else text[:max(0, width - 1)].rstrip() + "…"


def _day(published: str | None) -> str:
    return published[:10] if published else "undated"


def _carrier(article: Article) -> str:
    md = article.metadata
    parts: list[str] = []
    if md.dateline and (md.dateline.agency_code or md.dateline.agency):
        parts.append(str(md.dateline.agency_code or md.dateline.agency))
    if md.outlet and md.outlet not in parts:
        parts.append(md.outlet)
    return " / ".join(parts) if parts else "-"


def _title(article: Article) -> str:
    if article.metadata.title:
        return article.metadata.title
    for line in article.text.splitlines():
        if line.strip():
            return line.strip()
    return "(untitled)"


@dataclass
class _Claim:
    text: str
    words: set[str]
    first: str  # date of the first article carrying it
    articles: set[str] = field(default_factory=set)
    levels: list[str] = field(default_factory=list)  # certainty per article, in date order
    quote: str = "indirect"


@dataclass
class _Source:
    label: str
    claims: list[_Claim] = field(default_factory=list)


def _source_key(attribution: Attribution) -> tuple[str, str]:
    """(grouping key, label) of an attribution's source."""
    src = attribution.source
    if src.kind == "anonymous" and not src.entity:
        label = f"anonymous ({_clip(src.text, 40)})" if src.text else "anonymous sources"
        return "anonymous", label
    if src.entity:
        return src.entity, f"{src.name or src.text or src.entity} ({src.kind})"
    name = src.name or src.text
    if name:
        return "name:" + name.lower(), f"{name} ({src.kind})"
    return "kind:" + src.kind, f"unnamed {src.kind} source"


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _same(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= REPEAT_JACCARD


def _in_body(attribution: Attribution, spans: list[tuple[int, int]]) -> bool:
    """Whether the attribution's content starts in the article body (not the
    headline or standfirst, which restate the body's claims)."""
    if not spans:
        return True
    starts = [s for s, _ in attribution.content.spans] or ([attribution.cue.start] if attribution.cue else [])
    if not starts:
        return True
    return any(s <= starts[0] < e for s, e in spans)


def _collect_claims(articles: list[Article]) -> list[_Source]:
    sources: dict[str, _Source] = {}
    for article in articles:
        day = _day(article.metadata.published)
        body = [(r.start, r.end) for r in article.regions if r.kind in ("body", "dateline")]
        for attribution in article.attributions:
            content = attribution.content.text.strip()
            if not content or not _in_body(attribution, body):
                continue
            key, label = _source_key(attribution)
            source = sources.setdefault(key, _Source(label))
            words = _words(content)
            claim = next((c for c in source.claims if _same(c.words, words)), None)
            if claim is None:
                claim = _Claim(content, words, day, quote=attribution.quote)
                source.claims.append(claim)
            if article.id not in claim.articles:
                claim.articles.add(article.id)
                claim.levels.append(attribution.certainty.level)
    return sorted(sources.values(), key=lambda s: (-len(s.claims), s.label))


def _claim_line(claim: _Claim) -> str:
    status = "new" if len(claim.articles) == 1 else f"repeated x{len(claim.articles) - 1}"
    levels = list(dict.fromkeys(claim.levels))
    if len(levels) > 1:
        tag = f" [changed: {' → '.join(levels)}]"
    else:
        tag = f" [{levels[0]}]" if levels and levels[0] != "asserted" else ""
    day = claim.first[5:] if claim.first != "undated" else "undated"
    head = f"    {day:<7} {status:<12} "
    room = WIDTH - len(head) - len(tag) - 2
    text = _clip(claim.text, room)
    if claim.quote == "direct":
        text = f"“{text}”"
    return head + text + tag


def story_brief(articles: list[Article], story: Story) -> str:
    """The brief of ``story`` from its ``articles`` (others in the list are
    ignored; ids of the story missing from the list are reported)."""
    by_id = {a.id: a for a in articles}
    members = [by_id[i] for i in story.article_ids if i in by_id]
    members.sort(key=date_key)
    missing = [i for i in story.article_ids if i not in by_id]
    copy_of = story.copy_of()
    number = {a.id: n for n, a in enumerate(members, 1)}
    originals = [a for a in members if a.id not in copy_of or copy_of[a.id] not in by_id]

    lines: list[str] = []
    title = story.title or (_title(members[0]) if members else "(untitled story)")
    lines.append("STORY  " + _clip(title, WIDTH - 7))
    dates = [a.metadata.published for a in members if a.metadata.published]
    span = f"{_day(min(dates))} to {_day(max(dates))}" if dates else "no dates"
    n_copies = sum(1 for a in members if a.id in copy_of)
    copies = f"{n_copies} {'copy' if n_copies == 1 else 'copies'}"
    lines.append(f"       {len(members)} article{'s' if len(members) != 1 else ''} ({copies}), {span}; id {story.id}")
    lines.append("")

    lines.append("ARTICLES")
    shown = members[:MAX_ARTICLES]
    col = min(24, max((len(_carrier(a)) for a in shown), default=1))
    for article in shown:
        mark = ""
        if article.id in copy_of and copy_of[article.id] in number:
            mark = f"  [copy of {number[copy_of[article.id]]}]"
        carrier = _clip(_carrier(article), col)
        head = f"  {number[article.id]:>2}. {_day(article.metadata.published):<10}  {carrier:<{col}}  "
        lines.append(head + _clip(_title(article), WIDTH - len(head) - len(mark)) + mark)
    if len(members) > MAX_ARTICLES:
        lines.append(f"      … and {len(members) - MAX_ARTICLES} more")
    if missing:
        lines.append(f"      ({len(missing)} article(s) of this story not given)")
    lines.append("")

    lines.append("MAIN ACTORS")
    mentions: dict[str, int] = defaultdict(int)
    in_articles: dict[str, set[str]] = defaultdict(set)
    label: dict[str, str] = {}
    for article in originals:
        for entity in article.entities:
            if entity.kind and any(k in entity.kind.lower() for k in _OUTLET_KINDS):
                continue
            mentions[entity.id] += max(1, len(entity.mentions))
            in_articles[entity.id].add(article.id)
            label.setdefault(entity.id, f"{entity.name} ({entity.kind or entity.type})")
    ranked = sorted(mentions, key=lambda e: (-mentions[e], -len(in_articles[e]), label[e]))
    if not ranked:
        lines.append("  none found")
    for entity_id in ranked[:MAX_ACTORS]:
        n = len(in_articles[entity_id])
        lines.append(_clip(f"  {label[entity_id]}: {mentions[entity_id]} mentions in {n} "
                           f"article{'s' if n != 1 else ''}", WIDTH))
    lines.append("")

    lines.append("CLAIMS BY SOURCE  (new: first seen there; repeated xN: said again in N later articles)")
    sources = _collect_claims(originals)
    if not sources:
        lines.append("  none found")
    for source in sources[:MAX_SOURCES]:
        lines.append(_clip(f"  {source.label}", WIDTH))
        # repeated claims first (what the story keeps saying), then in date order
        claims = sorted(source.claims, key=lambda c: (-len(c.articles), c.first == "undated", c.first))
        for claim in claims[:MAX_CLAIMS]:
            lines.append(_claim_line(claim))
        if len(claims) > MAX_CLAIMS:
            lines.append(f"    … {len(claims) - MAX_CLAIMS} more")
    if len(sources) > MAX_SOURCES:
        lines.append(f"  … {len(sources) - MAX_SOURCES} more sources")

    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES - 1] + ["  …"]
    return "\n".join(line.rstrip() for line in lines)
