"""Evaluation of ``storyline_times`` on storyline's own test set (``bench/times/cases.jsonl``).

Each case is one sentence with one expected time expression::

    {"sentence": "...", "expression": "on Thursday", "anchor": "2025-08-08" | null,
     "value": "2025-08-07" | null, "granularity": "day"}

The sentence goes through the real pipeline (model parse, so tense works) up to
``storyline_times`` with ``doc._.published`` set to the anchor. Scores:

- ``detection``: an output time overlaps the expected span;
- ``strict_span``: an output time has exactly the expected span;
- ``value``: the overlapping time has the expected value (``null`` included);
- ``value_granularity``: value and granularity both right.

Run: ``python -m storyline.eval.times [PATH]``; ``PATH`` is a JSONL file or a folder (all its
``*.jsonl``); it defaults to ``bench/times/cases.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..lexicon import read_jsonl
from ..nlp.extensions import get_list
from ..nlp.pipeline import get_pipeline
from ..record import TimeExpr
from ..settings import Config
from .paths import bench_dir

LOGGER = logging.getLogger(__name__)

DEFAULT_PATH = bench_dir() / "times" / "cases.jsonl"
REQUIRED = ("sentence", "expression", "anchor", "value", "granularity")


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    """Cases of one JSONL file, or of every ``*.jsonl`` file in a folder."""
    p = Path(path)
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    if not files or not all(f.exists() for f in files):
        raise EvalError("time test set not found", str(p))
    cases: list[dict[str, Any]] = []
    for f in files:
        rows = read_jsonl(f)
        for row in rows:
            row["_file"] = f.name
        cases.extend(rows)
    for case in cases:
        missing = [k for k in REQUIRED if k not in case]
        if missing:
            raise EvalError(f"line {case['_line']}: missing {', '.join(missing)}", str(p))
        if case["expression"] not in case["sentence"]:
            raise EvalError(f"line {case['_line']}: expression not in sentence", str(p))
    return cases


def _overlap(t: TimeExpr, start: int, end: int) -> int:
    return max(0, min(t.end, end) - max(t.start, start))


def evaluate(path: str, config: Config) -> dict[str, Any]:
    """Run the pipeline over the cases of ``path`` (a JSONL file or a folder holding cases.jsonl)."""
    cases = load_cases(path)
    nlp = get_pipeline(config)
    names = list(nlp.pipe_names)
    after = names[names.index("storyline_times") + 1:] if "storyline_times" in names else []
    docs = []
    for case in cases:
        doc = nlp.make_doc(case["sentence"])
        doc._.published = dt.date.fromisoformat(case["anchor"]) if case["anchor"] else None
        doc._.regions = []
        docs.append(doc)
    with nlp.select_pipes(disable=after):
        docs = list(nlp.pipe(docs, batch_size=config.batch_size))
    totals: Counter[str] = Counter()
    by_gran: dict[str, Counter[str]] = {}
    failures: list[dict[str, Any]] = []
    extra = 0
    for case, doc in zip(cases, docs, strict=True):
        times: list[TimeExpr] = get_list(doc, "sl_times")
        start = case["sentence"].index(case["expression"])
        end = start + len(case["expression"])
        hits = sorted((t for t in times if _overlap(t, start, end) > 0), key=lambda t: -_overlap(t, start, end))
        extra += len(times) - (1 if hits else 0)
        best = hits[0] if hits else None
        scores = {
            "detection": best is not None,
            "strict_span": any(t.start == start and t.end == end for t in times),
            "value": best is not None and best.value == case["value"],
        }
        scores["value_granularity"] = scores["value"] and best is not None and best.granularity == case["granularity"]
        group = by_gran.setdefault(case["granularity"] + ("" if case["anchor"] else " (no anchor)"), Counter())
        group["n"] += 1
        totals["n"] += 1
        for key, ok in scores.items():
            totals[key] += ok
            group[key] += ok
        if not all(scores.values()):
            failures.append({"file": case["_file"], "line": case["_line"], "sentence": case["sentence"],
                             "expected": case["expression"],
                             "anchor": case["anchor"], "value": case["value"], "granularity": case["granularity"],
                             "got": [(t.text, t.value, t.granularity) for t in times]})
    n = totals["n"] or 1
    return {
        "path": str(path),
        "cases": totals["n"],
        "detection": totals["detection"] / n,
        "strict_span": totals["strict_span"] / n,
        "value": totals["value"] / n,
        "value_granularity": totals["value_granularity"] / n,
        "extra_detections": extra,
        "by_granularity": {k: dict(v) for k, v in sorted(by_gran.items())},
        "failures": failures,
    }


def render(result: dict[str, Any]) -> str:
    lines = [
        f"time expressions: {result['path']} ({result['cases']} cases)",
        f"  value accuracy          {result['value']:.3f}",
        f"  value + granularity     {result['value_granularity']:.3f}",
        f"  detection recall        {result['detection']:.3f}",
        f"  strict span match       {result['strict_span']:.3f}",
        f"  other times found       {result['extra_detections']}",
        "  by expected granularity (n: detection / strict span / value):",
    ]
    for name, c in result["by_granularity"].items():
        counts = f"{c.get('detection', 0)}/{c.get('strict_span', 0)}/{c.get('value', 0)}"
        lines.append(f"    {name:<22} {c['n']:>3}: {counts}")
    if result["failures"]:
        lines.append(f"  failures ({len(result['failures'])}):")
        for f in result["failures"]:
            lines.append(f"    {f['file']}:{f['line']}: {f['expected']!r} want {f['value']} ({f['granularity']}, "
                         f"anchor {f['anchor']}); got {f['got']}")
    return "\n".join(lines)




def evaluate_baseline(path: str, config: Config) -> dict[str, Any]:
    """A reference point: the model's DATE entities read by ``dateparser`` (anchor as RELATIVE_BASE,
    past preferred), the date formatted at the *expected* granularity (generous to the baseline)."""
    import dateparser  # local: only this baseline uses it

    cases = load_cases(path)
    nlp = get_pipeline(config)
    keep = [n for n in nlp.pipe_names if n in {"tok2vec", "tagger", "parser", "ner", "attribute_ruler", "lemmatizer"}]
    with nlp.select_pipes(enable=keep):
        docs = list(nlp.pipe([c["sentence"] for c in cases]))
    hits = {"detection": 0, "value": 0}
    for case, doc in zip(cases, docs, strict=True):
        start = case["sentence"].index(case["expression"])
        end = start + len(case["expression"])
        ents = [e for e in doc.ents if e.label_ == "DATE" and e.start_char < end and start < e.end_char]
        if not ents:
            continue
        hits["detection"] += 1
        if case["anchor"] is None:
            hits["value"] += case["value"] is None  # dateparser would guess from today: count only nulls
            continue
        base = dt.datetime.fromisoformat(case["anchor"])
        got = dateparser.parse(ents[0].text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        if got is None:
            continue
        gran, d = case["granularity"], got.date()
        value = {"day": d.isoformat(), "month": d.strftime("%Y-%m"), "year": f"{d.year:04d}",
                 "week": f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}"}.get(gran)
        hits["value"] += value == case["value"]
    n = len(cases) or 1
    return {"path": str(path), "cases": len(cases), "detection": hits["detection"] / n, "value": hits["value"] / n}


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    args = [a for a in sys.argv[1:] if a != "--baseline"]
    target = args[0] if args else str(DEFAULT_PATH)
    if "--baseline" in sys.argv:
        base = evaluate_baseline(target, Config.load())
        print(f"baseline (model DATE entities + dateparser): {base['path']} ({base['cases']} cases)\n"
              f"  value accuracy          {base['value']:.3f}\n  detection recall        {base['detection']:.3f}")
    else:
        print(render(evaluate(target, Config.load())))
