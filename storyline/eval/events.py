"""Event evaluation on the PLOVER gold-standard records (``shared/bench/plover/PLOVER_GSR_CAMEO.txt``).

Each record is one coded sentence: ``text``, ``event`` (draft PLOVER category),
``source[].actorText`` and ``target[].actorText``. The sentence is read with the
real pipeline (spaCy parse and storyline's components), and the sentence's
*primary* event (the candidate nearest the root of the parse, then the first) is
compared with the record:

- type: :func:`storyline.nlp.events.plover_code` of the primary event against the
  record's category mapped to today's PLOVER (DEMAND → REQUEST, DISAPPROVE →
  ACCUSE, FIGHT → ASSAULT; INVESTIGATE kept). No event counts as wrong.
- source / target: the words of the actor (recipient) mention against each
  ``actorText`` of the record: a match when they share a content word (lower
  case, stop words and titles dropped), i.e. the head words overlap. Scored over
  the records that have a source (target); no mention counts as wrong.

The file has no train/dev split, so a deterministic one is made: records whose
id number is odd are ``dev`` (the lexicon was tuned on them), even are
``heldout``. Figures are given per split and for all records.

``evaluate(path, config)`` → dict; ``render(result)`` → text. Run:
``python -m storyline.eval.events [PATH] [--parse-only]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import EvalError
from ..nlp.event_actors import Ref, lookup, slug
from ..nlp.events import Candidate, extract_candidates, plover_code
from ..record import Article, Event
from ..settings import Config
from .paths import shared_dir

LOGGER = logging.getLogger(__name__)

GSR_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
_STOP = frozenset("""a an the of and or in on at to for from by with its his her their our
president prime minister foreign secretary general senior official officials leader leaders government
top new former chief deputy group members member""".split())
_EVT = re.compile(r"\(EVT:\s*([^)]*)\)")
_WORD = re.compile(r"[\w'-]+")


def default_path() -> Path:
    return shared_dir() / "bench" / "plover" / "PLOVER_GSR_CAMEO.txt"


def load_records(path: str | Path) -> list[dict[str, Any]]:
    """The coded sentences of the file (documentation records dropped)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read PLOVER records: {err}", str(p)) from err
    if not isinstance(data, list):
        raise EvalError("expected a JSON list of records", str(p))
    return [r for r in data if isinstance(r, dict) and r.get("text") and r.get("event") != "DOCUMENT"]


def gold_type(record: dict[str, Any]) -> str:
    event = str(record["event"]).upper()
    return GSR_MAP.get(event, event)


def split_of(record: dict[str, Any]) -> str:
    """``dev`` for odd id numbers, ``heldout`` for even ones."""
    tail = str(record.get("id", "")).rsplit("-", 1)[-1]
    number = int(tail) if tail.isdigit() else 0
    return "dev" if number % 2 == 1 else "heldout"


def actor_texts(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = item.get("actorText") if isinstance(item, dict) else item
        if isinstance(text, str) and text.strip():
            out.append(text)
    return out


def content_words(text: str) -> set[str]:
    words = {w.lower().strip("'-") for w in _WORD.findall(text)}
    words = {w.removesuffix("'s") for w in words}
    return {w for w in words if w and w not in _STOP and len(w) > 1}


def mention_matches(predicted: str | None, gold: list[str]) -> bool:
    """Head-word overlap: the predicted mention shares a content word with a gold actorText."""
    if not predicted:
        return False
    words = content_words(predicted)
    stems = {w[:5] for w in words if len(w) >= 5}
    for g in gold:
        gw = content_words(g)
        if words & gw or stems & {w[:5] for w in gw if len(w) >= 5}:
            return True
    return False


def _names(ref: Ref) -> str:
    """The mention's words, with the resolved entity's name when it differs ("it" → "it / Hungary")."""
    return ref.text if not ref.name or ref.name == ref.text else f"{ref.text} / {ref.name}"


def primary(cands: list[Candidate]) -> Candidate | None:
    """The sentence's main event: nearest the root of the parse, then the first."""
    if not cands:
        return None
    return min(cands, key=lambda c: (c.depth, c.match.anchor.i))


def parse_only_pipeline(config: Config) -> Language:
    """The spaCy model with storyline's line splitter and event component only (no entities,
    times or attributions): the events' own grammar and fallbacks."""
    from ..nlp import events as _events  # noqa: F401  (registers the component)
    from ..nlp import lines as _lines  # noqa: F401
    from ..nlp.pipeline import load_model

    nlp = load_model(config.model)
    nlp.add_pipe("storyline_lines", before="parser" if "parser" in nlp.pipe_names else None)
    nlp.add_pipe("storyline_events")
    return nlp


def _score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(rows)
    with_src = [r for r in rows if r["gold_source"]]
    with_tgt = [r for r in rows if r["gold_target"]]
    types = sorted({r["gold"] for r in rows} | {r["pred"] for r in rows if r["pred"]})
    f1s: list[float] = []
    per_type: dict[str, dict[str, float]] = {}
    for t in types:
        tp = sum(1 for r in rows if r["gold"] == t and r["pred"] == t)
        fp = sum(1 for r in rows if r["gold"] != t and r["pred"] == t)
        fn = sum(1 for r in rows if r["gold"] == t and r["pred"] != t)
        p = tp / (tp + fp) if tp + fp else 0.0
        rcl = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rcl / (p + rcl) if p + rcl else 0.0
        if any(r["gold"] == t for r in rows):
            f1s.append(f1)
        per_type[t] = {"gold": tp + fn, "tp": tp, "precision": round(p, 3), "recall": round(rcl, 3), "f1": round(f1, 3)}
    return {
        "records": n,
        "type_accuracy": round(sum(r["pred"] == r["gold"] for r in rows) / n, 4) if n else 0.0,
        "type_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        # the record's own type, without the intention → AGREE/THREATEN/REJECT convention
        "own_type_accuracy": round(sum(r["own_type"] == r["gold"] for r in rows) / n, 4) if n else 0.0,
        "no_event": sum(1 for r in rows if r["pred"] is None),
        "source_records": len(with_src),
        "source_accuracy": round(sum(r["source_ok"] for r in with_src) / len(with_src), 4) if with_src else 0.0,
        "target_records": len(with_tgt),
        "target_accuracy": round(sum(r["target_ok"] for r in with_tgt) / len(with_tgt), 4) if with_tgt else 0.0,
        "per_type": per_type,
    }


def evaluate_docs(records: list[dict[str, Any]], docs: list[Doc]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for rec, doc in zip(records, docs, strict=True):
        cands = extract_candidates(doc)
        best = primary(cands)
        src, tgt = actor_texts(rec.get("source")), actor_texts(rec.get("target"))
        actor = _names(best.actor) if best and best.actor else None
        recipient = _names(best.recipient) if best and best.recipient else None
        rows.append({
            "id": rec.get("id"), "split": split_of(rec), "gold": gold_type(rec),
            "pred": plover_code(best) if best else None,
            "own_type": best.type if best else None,
            "status": best.status if best else None,
            "trigger": best.match.anchor.text if best else None,
            "actor": actor, "recipient": recipient,
            "gold_source": src, "gold_target": tgt,
            "source_ok": mention_matches(actor, src),
            "target_ok": mention_matches(recipient, tgt),
            "gold_trigger": _EVT.findall(str(rec.get("textInfo"))),
            "text": rec["text"],
        })
    result: dict[str, Any] = {"all": _score(rows)}
    for split in ("dev", "heldout"):
        result[split] = _score([r for r in rows if r["split"] == split])
    result["rows"] = rows
    return result


def evaluate(path: str, config: Config, parse_only: bool = False) -> dict[str, Any]:
    """Score the pipeline's events on the PLOVER records at ``path`` (a file, or a folder holding it)."""
    p = Path(path) if path else default_path()
    if p.is_dir():
        p = p / "PLOVER_GSR_CAMEO.txt"
    records = load_records(p)
    if parse_only:
        nlp = parse_only_pipeline(config)
    else:
        from ..nlp.pipeline import get_pipeline

        nlp = get_pipeline(config)
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=config.batch_size))
    result = evaluate_docs(records, docs)
    result["path"] = str(p)
    result["pipeline"] = "parse-only" if parse_only else "full"
    return result


def render(result: dict[str, Any]) -> str:
    lines = [f"PLOVER gold-standard records: {result.get('path', '')} (pipeline: {result.get('pipeline', 'full')})",
             "split     records  type-acc  macro-F1  no-event  source-acc (n)   target-acc (n)"]
    for split in ("dev", "heldout", "all"):
        s = result[split]
        lines.append(f"{split:<9} {s['records']:>7}  {s['type_accuracy']:>8.1%}  {s['type_macro_f1']:>8.3f}  "
                     f"{s['no_event']:>8}  {s['source_accuracy']:>7.1%} ({s['source_records']:>3})  "
                     f"{s['target_accuracy']:>7.1%} ({s['target_records']:>3})")
    lines.append("record's own type (no intention convention): " + ", ".join(
        f"{split} {result[split]['own_type_accuracy']:.1%}" for split in ("dev", "heldout", "all")))
    lines.append("per type (all): " + ", ".join(
        f"{t} {v['tp']}/{v['gold']} F1 {v['f1']:.2f}" for t, v in sorted(result["all"]["per_type"].items())))
    return "\n".join(lines)


def gold_ids(name: str, gold: dict[str, Any], article: Article) -> set[str]:
    """Every id the gold entity called ``name`` may carry: the entity layer's (by name or
    mention), the gold id hint, the gazetteer's, and the fallback person id."""
    ids: set[str] = set()
    for e in article.entities:
        if e.name == name or any(m.text == name for m in e.mentions):
            ids.add(e.id)
    for g in gold.get("entities", []):
        if g["name"] != name:
            continue
        if g.get("id_hint"):
            ids.add(str(g["id_hint"]).lower())
        for form in [g["name"], *g.get("mentions", [])]:
            hit = lookup(form)
            if hit is not None and (hit[1] == g["type"] or g["type"] in ("GPE", "LOC")):
                ids.add(hit[0])
        if g["type"] == "PERSON":
            ids.add("person:" + slug(name))
    return ids


def match_gold_events(gold: dict[str, Any], article: Article) -> list[tuple[dict[str, Any], Event | None]]:
    """Each gold event with the predicted event of the same type whose actor is the gold actor
    (or an ``actor_also``), preferring the right status, each predicted event used once."""
    used: set[str] = set()
    pairs: list[tuple[dict[str, Any], Event | None]] = []
    for g in gold.get("events", []):
        actors: set[str] = set()
        for n in [g["actor"], *g.get("actor_also", [])]:
            actors |= gold_ids(n, gold, article)
        options = [e for e in article.events if e.type == g["type"] and e.actor in actors and e.id not in used]
        options.sort(key=lambda e: (e.status != g["status"], e.recipient is None))
        best = options[0] if options else None
        if best is not None:
            used.add(best.id)
        pairs.append((g, best))
    return pairs


def evaluate_seed(config: Config) -> dict[str, Any]:
    """The seed article against ``shared/gold/seed.json``: type+actor and status per gold event."""
    from ..read import read_path

    gold_path = shared_dir() / "gold" / "seed.json"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise EvalError(f"cannot read the seed gold: {err}", str(gold_path)) from err
    article = read_path(str(shared_dir() / gold["doc"]), published=gold.get("published"), config=config)
    rows = []
    for g, e in match_gold_events(gold, article):
        rows.append({"gold": f"{g['type']} {g['actor']} {g['status']}", "what": g["what"],
                     "found": e is not None, "status_ok": e is not None and e.status == g["status"],
                     "predicted": None if e is None else f"{e.id} {e.type} {e.actor} -> {e.recipient} {e.status} "
                                                         f"places={e.places} time={e.time}"})
    return {"events": rows, "gold": len(rows), "type_actor_ok": sum(r["found"] for r in rows),
            "status_ok": sum(r["status_ok"] for r in rows), "predicted": len(article.events)}


def render_seed(result: dict[str, Any]) -> str:
    lines = [f"seed: {result['type_actor_ok']}/{result['gold']} gold events with the right type and actor, "
             f"{result['status_ok']}/{result['gold']} with the right status; {result['predicted']} events predicted"]
    for r in result["events"]:
        mark = "ok " if r["status_ok"] else ("typ" if r["found"] else "-- ")
        lines.append(f"  {mark} {r['gold']:<45} {r['predicted']}")
    return "\n".join(lines)


def event_volume(folder: str, config: Config, limit: int = 60, parse_only: bool = False) -> dict[str, Any]:
    """Events per sentence, by type and status, over the first ``limit`` ``*.txt`` files of
    ``folder`` (running text, no gold: a check that events are not emitted for every verb)."""
    from collections import Counter

    from ..nlp.events import extract_events

    files = sorted(Path(folder).glob("*.txt"))[:limit]
    if not files:
        raise EvalError("no .txt files", folder)
    nlp = parse_only_pipeline(config) if parse_only else _full(config)
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    sentences = 0
    for doc in nlp.pipe((f.read_text(encoding="utf-8", errors="replace") for f in files), batch_size=8):
        sentences += sum(1 for _ in doc.sents)
        for e in extract_events(doc):
            types[e.type] += 1
            statuses[e.status] += 1
    total = sum(types.values())
    return {"files": len(files), "sentences": sentences, "events": total,
            "per_sentence": round(total / sentences, 3) if sentences else 0.0,
            "types": dict(types.most_common()), "statuses": dict(statuses.most_common())}


def _full(config: Config) -> Language:
    from ..nlp.pipeline import get_pipeline

    return get_pipeline(config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", nargs="?", default=str(default_path()))
    parser.add_argument("--parse-only", action="store_true", help="spaCy parse + events only (no entity layer)")
    parser.add_argument("--errors", choices=("dev", "heldout", "all"), help="print the wrong records of a split")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seed", action="store_true", help="score the seed article's gold events instead")
    parser.add_argument("--volume", metavar="DIR", help="count events in the first 60 .txt files of DIR instead")
    args = parser.parse_args(argv)
    if args.volume:
        print(json.dumps(event_volume(args.volume, Config.load(), parse_only=args.parse_only)))
        return 0
    if args.seed:
        print(render_seed(evaluate_seed(Config.load())))
        return 0
    result = evaluate(args.path, Config.load(), parse_only=args.parse_only)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "rows"}, indent=1))
    else:
        print(render(result))
    if args.errors:
        for r in result["rows"]:
            if args.errors != "all" and r["split"] != args.errors:
                continue
            if r["pred"] != r["gold"] or not r["source_ok"]:
                print(f"- {r['id']} gold={r['gold']} pred={r['pred']} ({r['own_type']}/{r['status']}) "
                      f"trig={r['trigger']} "
                      f"actor={r['actor']!r} src={r['gold_source']} rcp={r['recipient']!r} tgt={r['gold_target']} "
                      f"evt={r['gold_trigger']}\n    {r['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
