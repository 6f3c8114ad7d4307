"""Per-actor positions: what each actor demands, offers or concedes, plans, agreed, rejected
and did, and who reports it.

Input: one :class:`~storyline.record.Article` (its ``events``, ``entities``,
``attributions`` and ``times``). Output: :func:`positions` → a list of
:class:`ActorPositions`, most active actor first; :func:`render_positions` → a
few lines of text for the brief.

Each event goes to one heading by its PLOVER type and status:

- *demands*: REQUEST (and THREATEN: a demand backed by a threat)
- *offers*: AGREE, CONCEDE, RETREAT, AID, SUPPORT, COOPERATE that are planned,
  conditional or uncertain (an offer, a deal's terms, a possible concession)
- *plans*: other events that are planned or uncertain (a planned summit)
- *agreed*: AGREE, SUPPORT, COOPERATE, CONCEDE that occurred or go on
- *rejected*: REJECT, and anything the actor is said not to do (denied)
- *did*: everything else that occurred or goes on (meetings, attacks, accusations)

"Who reports it" is the attribution the event rests on, followed through its
relay chain ("people familiar with the matter via Bloomberg News").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..record import Article, Attribution, Event

LOGGER = logging.getLogger(__name__)

HEADINGS = ("demands", "offers", "plans", "agreed", "rejected", "did")
_OFFER_TYPES = frozenset({"AGREE", "CONCEDE", "RETREAT", "AID", "SUPPORT", "COOPERATE"})
_AGREED_TYPES = frozenset({"AGREE", "SUPPORT", "COOPERATE", "CONCEDE"})
_NOT_YET = frozenset({"planned", "conditional", "uncertain"})
MAX_ACTORS = 6
MAX_ITEMS = 3


@dataclass
class Position:
    """One event seen from its actor's side."""

    event: str                 # the event id
    type: str                  # PLOVER type
    status: str
    what: str                  # the evidence words
    recipient: str | None      # the other party's name
    places: list[str] = field(default_factory=list)
    time: str | None = None    # the time expression's value (or its words)
    reported_by: str | None = None  # "people familiar with the matter via Bloomberg News"


@dataclass
class ActorPositions:
    """What one actor demands, offers, plans, agreed, rejected and did."""

    actor: str                 # entity id
    name: str
    demands: list[Position] = field(default_factory=list)
    offers: list[Position] = field(default_factory=list)
    plans: list[Position] = field(default_factory=list)
    agreed: list[Position] = field(default_factory=list)
    rejected: list[Position] = field(default_factory=list)
    did: list[Position] = field(default_factory=list)

    def count(self) -> int:
        return sum(len(getattr(self, h)) for h in HEADINGS)

    def reporters(self) -> list[str]:
        """Everyone reporting this actor's positions, in first-seen order."""
        seen: list[str] = []
        for h in HEADINGS:
            for p in getattr(self, h):
                if p.reported_by and p.reported_by not in seen:
                    seen.append(p.reported_by)
        return seen


def heading(event: Event) -> str:
    """The heading an event goes under (see the module doc)."""
    if event.type == "REJECT" or event.status == "denied":
        return "rejected"
    if event.type in ("REQUEST", "THREATEN"):
        return "demands"
    if event.status in _NOT_YET:
        return "offers" if event.type in _OFFER_TYPES else "plans"
    if event.type in _AGREED_TYPES:
        return "agreed"
    return "did"


def _name(article: Article, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    for e in article.entities:
        if e.id == entity_id:
            return e.name
    tail = entity_id.split(":", 1)[-1]
    return tail.upper() if len(tail) == 2 else tail.replace("-", " ").title()


def reporter_chain(article: Article, attribution_id: str | None) -> str | None:
    """The source of an attribution and the reports relaying it: "X via Y via Z"."""
    by_id: dict[str, Attribution] = {a.id: a for a in article.attributions}
    names: list[str] = []
    current = by_id.get(attribution_id) if attribution_id else None
    while current is not None and len(names) < 5:
        src = current.source
        name = src.name or (_name(article, src.entity) if src.entity else None)
        if current.cites is not None and current.cites.text:
            if current.cites.text not in names:
                names.append(current.cites.text)
        elif name is None:
            name = src.text  # the words only when nothing better names the source
        if name and name not in names:
            names.append(name)
        current = by_id.get(current.via) if current.via else None
    return " via ".join(names) if names else None


def _time(article: Article, time_id: str | None) -> str | None:
    for t in article.times:
        if t.id == time_id:
            return t.value or t.text
    return None


def positions(article: Article) -> list[ActorPositions]:
    """Each actor's positions in ``article``, the most active actor first."""
    table: dict[str, ActorPositions] = {}
    for event in article.events:
        if event.actor is None:
            continue
        entry = table.get(event.actor)
        if entry is None:
            entry = table[event.actor] = ActorPositions(event.actor, _name(article, event.actor) or event.actor)
        pos = Position(
            event=event.id, type=event.type, status=event.status, what=event.evidence.text,
            recipient=_name(article, event.recipient),
            places=[n for n in (_name(article, p) for p in event.places) if n],
            time=_time(article, event.time),
            reported_by=reporter_chain(article, event.attribution),
        )
        getattr(entry, heading(event)).append(pos)
    return sorted(table.values(), key=lambda a: -a.count())


def _clip(text: str, width: int) -> str:
    """``text`` on one line (leading indentation kept), cut to ``width`` with an ellipsis."""
    indent = text[:len(text) - len(text.lstrip(" "))]
    text = indent + " ".join(text.split())
    return text if len(text) <= width else text[:max(0, width - 1)].rstrip() + "…"


def render_positions(actors: list[ActorPositions], width: int = 100) -> str:
    """A few lines: per actor (with who reports it), each heading's events with type, other party,
    status, places and time, then the words of the text."""
    if not actors:
        return ""
    lines = ["positions:"]
    for actor in actors[:MAX_ACTORS]:
        reporters = actor.reporters()
        told = f" (reported by {'; '.join(reporters)})" if reporters else ""
        lines.append(_clip(f"  {actor.name}{told}", width))
        for h in HEADINGS:
            for p in getattr(actor, h)[:MAX_ITEMS]:
                facts = [p.status] + p.places + ([p.time] if p.time else [])
                to = f" → {p.recipient}" if p.recipient else ""
                lines.append(_clip(f"    {h}: {p.type}{to} [{', '.join(facts)}] “{' '.join(p.what.split())}”", width))
    return "\n".join(lines)
