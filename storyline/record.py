"""The article record of ``../shared/SPEC.md`` (``storyline/article@1``) as dataclasses.

Everything storyline produces is one of these types; the JSON printed by
``storyline read --format json``, the database and the exports are
``Article.to_dict()``. Fields keep the SPEC's names and meanings; extra fields
may be added but never change meaning without a new schema version.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "storyline/article@1"

RegionKind = Literal["title", "standfirst", "byline", "dateline", "body", "chrome"]
InputFormat = Literal["text", "html", "warc", "feed", "jsonl"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP", "OTHER"]
SourceKind = Literal["person", "organization", "outlet", "document", "anonymous", "group", "unknown"]
QuoteType = Literal["direct", "indirect", "mixed"]
CertaintyLevel = Literal["asserted", "hedged", "uncertain", "denied"]
Granularity = Literal["day", "week", "month", "year", "interval", "unknown"]
EventStatus = Literal["occurred", "ongoing", "planned", "conditional", "uncertain", "denied"]
ChromeKind = Literal["views", "source_label", "comment_policy", "share", "related", "other"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "INVESTIGATE",
)


@dataclass
class InputInfo:
    path: str | None = None
    url: str | None = None
    format: InputFormat = "text"


@dataclass
class Region:
    kind: RegionKind
    start: int
    end: int


@dataclass
class Dateline:
    place: str | None = None
    agency: str | None = None
    agency_code: str | None = None


@dataclass
class Chrome:
    kind: ChromeKind
    text: str
    value: int | str | None = None
    language: str | None = None
    start: int | None = None  # extra: offsets of the chrome line in `text` when it is there
    end: int | None = None


@dataclass
class Metadata:
    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    published: str | None = None
    published_from: Literal["user", "html", "text"] | None = None
    language: str | None = None
    outlet: str | None = None
    chrome: list[Chrome] = field(default_factory=list)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str = "name"  # extra: name | title | pronoun | metonym | adjective | byline | dateline


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    kind: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Source:
    text: str | None
    start: int | None
    end: int | None
    entity: str | None = None
    name: str | None = None
    kind: SourceKind = "unknown"


@dataclass
class Cue:
    text: str
    start: int
    end: int


@dataclass
class Content:
    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Cites:
    text: str
    anonymous: bool = False
    start: int | None = None
    end: int | None = None
    entity: str | None = None


@dataclass
class Certainty:
    level: CertaintyLevel = "asserted"
    cues: list[str] = field(default_factory=list)


@dataclass
class Attribution:
    id: str
    source: Source
    cue: Cue | None
    content: Content
    quote: QuoteType = "indirect"
    via: str | None = None
    cites: Cites | None = None
    implicit: bool = False
    certainty: Certainty = field(default_factory=Certainty)
    time: str | None = None


@dataclass
class TimeExpr:
    id: str
    text: str
    start: int
    end: int
    value: str | None
    granularity: Granularity = "unknown"


@dataclass
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class Event:
    id: str
    type: str
    evidence: Evidence
    status: EventStatus = "occurred"
    mode: str | None = None
    actor: str | None = None
    recipient: str | None = None
    places: list[str] = field(default_factory=list)
    time: str | None = None
    attribution: str | None = None


@dataclass
class Hedge:
    start: int
    end: int
    text: str
    level: Literal["hedged", "uncertain", "denied"]
    cues: list[str] = field(default_factory=list)
    attribution: str | None = None


@dataclass
class Article:
    id: str
    input: InputInfo
    text: str
    regions: list[Region] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The SPEC's JSON object, ``schema`` first."""
        data = dataclasses.asdict(self)
        out: dict[str, Any] = {"schema": data.pop("schema")}
        out.update(data)
        for attribution in out["attributions"]:
            attribution["content"]["spans"] = [list(s) for s in attribution["content"]["spans"]]
        return out

    def regions_of(self, kind: RegionKind) -> list[Region]:
        return [r for r in self.regions if r.kind == kind]

    def body_text(self) -> str:
        return "\n".join(self.text[r.start:r.end] for r in self.regions_of("body"))


def calendar_date(published: str | None) -> dt.date | None:
    """The calendar day of a ``metadata.published`` value (date or datetime), or ``None``."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _build(cls: Any, data: Any) -> Any:
    if data is None or not dataclasses.is_dataclass(cls) or not isinstance(cls, type):
        return data
    kwargs: dict[str, Any] = {}
    hints = {f.name: f for f in dataclasses.fields(cls)}
    for name, value in data.items():
        if name not in hints:
            continue
        kwargs[name] = value
    return cls(**kwargs)


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`Article` from ``to_dict()`` output (database rows, JSON files)."""
    md = dict(data.get("metadata") or {})
    md["dateline"] = _build(Dateline, md.get("dateline"))
    md["chrome"] = [_build(Chrome, c) for c in md.get("chrome") or []]
    entities = []
    for e in data.get("entities") or []:
        e = dict(e)
        e["mentions"] = [_build(Mention, m) for m in e.get("mentions") or []]
        entities.append(_build(Entity, e))
    attributions = []
    for a in data.get("attributions") or []:
        a = dict(a)
        a["source"] = _build(Source, a["source"])
        a["cue"] = _build(Cue, a.get("cue"))
        content = dict(a["content"])
        content["spans"] = [tuple(s) for s in content.get("spans") or []]
        a["content"] = _build(Content, content)
        a["cites"] = _build(Cites, a.get("cites"))
        a["certainty"] = _build(Certainty, a.get("certainty") or {})
        attributions.append(_build(Attribution, a))
    events = []
    for v in data.get("events") or []:
        v = dict(v)
        v["evidence"] = _build(Evidence, v["evidence"])
        events.append(_build(Event, v))
    return Article(
        id=data["id"],
        input=_build(InputInfo, data.get("input") or {}),
        text=data["text"],
        regions=[_build(Region, r) for r in data.get("regions") or []],
        metadata=_build(Metadata, md),
        entities=entities,
        attributions=attributions,
        times=[_build(TimeExpr, t) for t in data.get("times") or []],
        events=events,
        hedges=[_build(Hedge, h) for h in data.get("hedges") or []],
        warnings=list(data.get("warnings") or []),
        schema=data.get("schema", SCHEMA),
    )
