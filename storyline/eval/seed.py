"""The seed article against its perfect reading (``../shared/gold/seed.json``).

``storyline eval seed`` reads the seed with the gold's publication date and
checks each layer: metadata, entities, times, attributions and events.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..record import Article
from ..settings import Config
from .paths import shared_dir


def _gold(path: str | None) -> tuple[Path, dict[str, Any]]:
    seed = Path(path) if path else shared_dir() / "seed" / "000_dd434dec23945da0.txt"
    gold_path = shared_dir() / "gold" / "seed.json"
    try:
        return seed, json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read the gold reading: {err}", str(gold_path)) from err


def check_metadata(article: Article, gold: dict[str, Any]) -> dict[str, bool]:
    md, g = article.metadata, gold["metadata"]
    body = [article.text[r.start:r.end] for r in article.regions if r.kind == "body"]
    chrome = [article.text[r.start:r.end].strip() for r in article.regions if r.kind == "chrome"]
    views = [c.value for c in md.chrome if c.kind == "views"]
    dl = md.dateline
    return {
        "title": md.title == g["title"],
        "standfirst": md.standfirst == g["standfirst"],
        "authors": md.authors == g["authors"],
        "dateline": bool(dl) and (dl.place, dl.agency, dl.agency_code) == (  # type: ignore[union-attr]
            g["dateline"]["place"], g["dateline"]["agency"], g["dateline"]["agency_code"]),
        "language": md.language == g["language"],
        "body_first_words": bool(body) and body[0].startswith(g["body_first_words"]),
        "body_last_words": bool(body) and body[-1].rstrip().endswith(g["body_last_words"]),
        "chrome_outside_body": chrome == g["page_chrome"],
        "views": views == [g["page_chrome_meaning"]["views"]],
    }


def check_entities(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for g in gold["entities"]:
        holders = {e.id for e in article.entities for m in e.mentions if m.text in g["mentions"]}
        entity = next((e for e in article.entities if e.id in holders), None)
        texts = {m.text for m in entity.mentions} if entity else set()
        ok = (len(holders) == 1 and entity is not None and entity.type == g["type"]
              and set(g["mentions"]) <= texts)
        rows.append({"gold": g["name"], "ok": ok, "id": entity.id if entity else None,
                     "type": entity.type if entity else None, "missing": sorted(set(g["mentions"]) - texts)})
    names = {m.text for e in article.entities for m in e.mentions}
    leaks = [w for w in gold.get("not_entities", []) if any(w in n for n in names)]
    return {"ok": sum(r["ok"] for r in rows), "gold": len(rows), "entities": rows, "not_entities_found": leaks}


def check_times(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    rows = []
    for g in gold["times"]:
        found = [t for t in article.times if t.text == g["text"]]
        rows.append({"text": g["text"], "gold": g["value"], "found": [t.value for t in found],
                     "ok": bool(found) and all(t.value == g["value"] for t in found)})
    return {"ok": sum(r["ok"] for r in rows), "gold": len(rows), "times": rows}


def evaluate(path: str | None, config: Config) -> dict[str, Any]:
    from ..read import read_path
    from .attributions import check_seed
    from .events import evaluate_seed

    seed, gold = _gold(path)
    article = read_path(str(seed), published=gold.get("published"), config=config)
    undated = read_path(str(seed), config=config)
    return {
        "metadata": check_metadata(article, gold),
        "entities": check_entities(article, gold),
        "times": check_times(article, gold),
        "undated": {"relative_times_null": all(t.value is None for t in undated.times
                                               if not re.search(r"\b\d{4}\b", t.text)),
                    "warnings": undated.warnings},
        "attributions": check_seed(article, gold),
        "events": evaluate_seed(config),
    }


def render(result: dict[str, Any]) -> str:
    from .events import render_seed

    md = result["metadata"]
    lines = [f"metadata: {sum(md.values())}/{len(md)} fields right"
             + ("" if all(md.values()) else f" (wrong: {', '.join(k for k, v in md.items() if not v)})")]
    ents = result["entities"]
    lines.append(f"entities: {ents['ok']}/{ents['gold']} gold entities whole, right type; "
                 f"not_entities found: {ents['not_entities_found'] or 'none'}")
    lines += [f"  -- {r['gold']}: id {r['id']} type {r['type']} missing {r['missing']}"
              for r in ents["entities"] if not r["ok"]]
    times = result["times"]
    lines.append(f"times: {times['ok']}/{times['gold']} gold times with the gold value")
    und = result["undated"]
    lines.append(f"without --published: relative times null: {und['relative_times_null']}; "
                 f"warnings: {und['warnings']}")
    att = result["attributions"]
    summary = {k: v for k, v in att.items() if not isinstance(v, list | dict)}
    lines.append("attributions: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    lines.append(render_seed(result["events"]))
    return "\n".join(lines)
