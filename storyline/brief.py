"""A short brief of one article for a person (``storyline read --format brief``)."""

from __future__ import annotations

from collections import defaultdict

from .record import Article

TYPE_ORDER = ("PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP", "OTHER")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def article_brief(article: Article, width: int = 100) -> str:
    md = article.metadata
    lines = [md.title or "(untitled)"]
    if md.standfirst:
        lines.append("  " + _clip(md.standfirst, width - 2))
    where: list[str] = []
    if md.outlet:
        where.append(md.outlet)
    if md.dateline:
        dl = md.dateline
        agency = f"{dl.agency} ({dl.agency_code})" if dl.agency and dl.agency_code else (dl.agency or "")
        where.append(", ".join(x for x in (dl.place or "", agency) if x))
    if where:
        lines.append("from:      " + " · ".join(where) + ("  (dateline)" if md.dateline else ""))
    if md.authors:
        lines.append("by:        " + ", ".join(md.authors))
    pub = md.published or "unknown"
    lines.append(f"published: {pub}" + (f" (from {md.published_from})" if md.published_from else ""))
    lines.append(f"language:  {md.language or 'unknown'}")
    by_type: dict[str, list[str]] = defaultdict(list)
    for entity in sorted(article.entities, key=lambda e: -len(e.mentions)):
        by_type[entity.type].append(f"{entity.name} ({len(entity.mentions)})")
    if by_type:
        lines.append("entities:")
        for etype in TYPE_ORDER:
            if by_type.get(etype):
                lines.append(f"  {etype:<7} " + _clip(", ".join(by_type[etype]), width - 10))
    if article.attributions:
        lines.append("claims:")
        for a in article.attributions:
            who = a.source.name or a.source.text or "(implicit)"
            via = ""
            if a.via:
                parent = next((p for p in article.attributions if p.id == a.via), None)
                if parent is not None:
                    via = f" via {parent.source.name or parent.source.text}"
            level = "" if a.certainty.level == "asserted" else f" [{a.certainty.level}]"
            lines.append("  " + _clip(f"{who}{via}{level}: {a.content.text}", width - 2))
    positions = _positions(article)
    if positions:
        lines.append(positions)
    if article.warnings:
        lines.append("warnings:  " + "; ".join(article.warnings))
    return "\n".join(lines)


def _positions(article: Article) -> str:
    """Per-actor demands, offers and plans (events); empty when there are none."""
    if not article.events:
        return ""
    from .story.positions import positions, render_positions

    return render_positions(positions(article))
