"""Coreference evaluation on ``bench/coref`` (storyline's own test set).

Input: a directory of ``NAME.txt`` articles with ``NAME.json`` gold files (format in
``bench/coref/README.md``), or one ``.txt`` file with its ``.json`` beside it.
Each article is read with :func:`storyline.read.read_path`, once with the gazetteer
and once without (``config.replace(gazetteer=False)``).

Metrics, over gold mentions only (system mentions that match no gold mention are ignored):

- **mention accuracy**: gold entities are mapped one-to-one onto system entities,
  greedily by the number of gold mentions they share (largest first); a gold mention
  is correct when the system put it in the entity its gold entity is mapped to. A gold
  mention the system did not find, or put elsewhere, is wrong. Also broken down by
  mention form (name, description, pronoun).
- **B³** precision, recall and F1 (Bagga & Baldwin 1998) restricted to gold mentions;
  a gold mention the system missed is a singleton.

A system mention matches a gold mention when the spans are equal, else when they
share their start or end and overlap by at least half of their union ("The Supreme
Court of Belmor" / "Supreme Court of Belmor"; not "Its" / "Its chief executive").

Run: ``python -m storyline.eval.coref bench/coref`` (defaults to ``bench/coref``).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..read import read_path
from ..record import Article
from ..settings import Config
from .paths import bench_dir

LOGGER = logging.getLogger(__name__)

_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}

GoldMention = tuple[int, int, str, str]  # start, end, entity key, text


def _occurrences(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text)]


def gold_mentions(text: str, gold: dict[str, Any], where: str = "") -> list[GoldMention]:
    """Place the gold mention strings in ``text`` (longest first; an occurrence that
    overlaps a placed mention of the same entity is skipped)."""
    specs: list[tuple[str, int | None, str]] = []
    for key, entity in gold.get("entities", {}).items():
        for spec in entity.get("mentions", []):
            surface, _, nth = spec.partition("#")
            specs.append((surface, int(nth) if nth else None, key))
    specs.sort(key=lambda s: -len(s[0]))
    placed: list[GoldMention] = []
    for surface, nth, key in specs:
        starts = _occurrences(text, surface)
        if not starts or (nth is not None and nth > len(starts)):
            raise EvalError(f"gold mention {surface!r} (#{nth}) not in the text", where or None)
        chosen = [starts[nth - 1]] if nth is not None else starts
        for s in chosen:
            e = s + len(surface)
            if any(k == key and s < pe and ps < e for ps, pe, k, _ in placed):
                continue
            if any(ps == s and pe == e for ps, pe, _, _ in placed):
                continue
            placed.append((s, e, key, surface))
    return sorted(placed)


def _system_entity(article: Article, start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for entity in article.entities:
        for m in entity.mentions:
            if m.start == start and m.end == end:
                return entity.id
            overlap = min(end, m.end) - max(start, m.start)
            union = max(end, m.end) - min(start, m.start)
            if overlap > 0 and 2 * overlap >= union and (m.start == start or m.end == end) \
                    and (best is None or overlap > best[0]):
                best = (overlap, entity.id)
    return best[1] if best else None


def form_of(text: str) -> str:
    low = text.lower()
    if low in _PRONOUNS:
        return "pronoun"
    if low.split()[0] in _DETERMINERS:
        return "description"
    return "name"


def score_article(article: Article, gold: list[GoldMention]) -> dict[str, Any]:
    """Per-article counts: correct mentions (majority mapping), B³ sums, by form."""
    assigned = [(g, _system_entity(article, g[0], g[1])) for g in gold]
    shared = Counter((g[2], sys_id) for g, sys_id in assigned if sys_id is not None)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for (key, sys_id), _n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
        if key not in mapping and sys_id not in used:
            mapping[key] = sys_id
            used.add(sys_id)
    by_form: dict[str, list[int]] = {}
    correct = 0
    for g, found in assigned:
        ok = found is not None and mapping.get(g[2]) == found
        correct += ok
        cell = by_form.setdefault(form_of(g[3]), [0, 0])
        cell[0] += ok
        cell[1] += 1
    p_sum = r_sum = 0.0
    for i, (g, found) in enumerate(assigned):
        gold_cluster = {j for j, (h, _) in enumerate(assigned) if h[2] == g[2]}
        sys_cluster = {j for j, (_, s) in enumerate(assigned) if s is not None and s == found} if found else {i}
        both = len(gold_cluster & sys_cluster)
        p_sum += both / len(sys_cluster)
        r_sum += both / len(gold_cluster)
    errors = [f"{g[3]!r}@{g[0]} gold={g[2]} system={found}" for g, found in assigned
              if not (found is not None and mapping.get(g[2]) == found)]
    return {"mentions": len(gold), "correct": correct, "b3_p": p_sum, "b3_r": r_sum, "by_form": by_form,
            "errors": errors}


def _pairs(path: str) -> list[tuple[Path, Path]]:
    root = Path(path)
    if root.is_file():
        gold = root.with_suffix(".json")
        if not gold.exists():
            raise EvalError("no gold .json beside the article", str(root))
        return [(root, gold)]
    if not root.is_dir():
        raise EvalError("no such benchmark directory", str(root))
    pairs = [(t, t.with_suffix(".json")) for t in sorted(root.glob("*.txt")) if t.with_suffix(".json").exists()]
    if not pairs:
        raise EvalError("no NAME.txt + NAME.json pairs", str(root))
    return pairs


def _run(pairs: list[tuple[Path, Path]], config: Config) -> dict[str, Any]:
    totals: dict[str, Any] = {"articles": 0, "mentions": 0, "correct": 0, "b3_p": 0.0, "b3_r": 0.0,
                              "by_form": {}, "by_split": {}, "errors": {}}
    for txt, gold_path in pairs:
        try:
            gold_data = json.loads(gold_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise EvalError(f"bad gold JSON: {err.msg}", str(gold_path)) from err
        article = read_path(str(txt), config=config)
        gold = gold_mentions(article.text, gold_data, str(gold_path))
        result = score_article(article, gold)
        totals["articles"] += 1
        for key in ("mentions", "correct", "b3_p", "b3_r"):
            totals[key] += result[key]
        for form, (ok, n) in result["by_form"].items():
            cell = totals["by_form"].setdefault(form, [0, 0])
            cell[0] += ok
            cell[1] += n
        split = txt.name.split("_", 1)[0]
        cell = totals["by_split"].setdefault(split, [0, 0])
        cell[0] += result["correct"]
        cell[1] += result["mentions"]
        totals["errors"][txt.stem] = result["errors"]
    n = max(totals["mentions"], 1)
    p, r = totals["b3_p"] / n, totals["b3_r"] / n
    totals.update(accuracy=totals["correct"] / n, b3_precision=p, b3_recall=r,
                  b3_f1=(2 * p * r / (p + r)) if p + r else 0.0)
    del totals["b3_p"], totals["b3_r"]
    return totals


def evaluate(path: str, config: Config) -> dict[str, Any]:
    """Score the articles under ``path`` with the gazetteer on and off."""
    pairs = _pairs(path)
    return {"path": path, "gazetteer_on": _run(pairs, config.replace(gazetteer=True)),
            "gazetteer_off": _run(pairs, config.replace(gazetteer=False))}


def render(result: dict[str, Any]) -> str:
    """A Markdown table of :func:`evaluate`'s result."""
    lines = [f"coreference on {result['path']}", "",
             "| gazetteer | articles | gold mentions | mention accuracy | B³ P | B³ R | B³ F1 |",
             "|---|---|---|---|---|---|---|"]
    for label in ("gazetteer_on", "gazetteer_off"):
        r = result[label]
        lines.append(f"| {label.split('_')[1]} | {r['articles']} | {r['mentions']} | {r['accuracy']:.3f} | "
                     f"{r['b3_precision']:.3f} | {r['b3_recall']:.3f} | {r['b3_f1']:.3f} |")
    splits = sorted(result["gazetteer_on"]["by_split"])
    columns = [("by_form", "name"), ("by_form", "description"), ("by_form", "pronoun")]
    columns += [("by_split", s) for s in splits]
    lines += ["", "mention accuracy by form and by split (file-name prefix):", "",
              "| gazetteer | " + " | ".join(key for _, key in columns) + " |",
              "|---|" + "---|" * len(columns)]
    for label in ("gazetteer_on", "gazetteer_off"):
        r = result[label]
        cells = []
        for table, key in columns:
            ok, n = r[table].get(key, [0, 0])
            cells.append(f"{ok}/{n} ({ok / n:.2f})" if n else "-")
        lines.append(f"| {label.split('_')[1]} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    path = argv[0] if argv else str(bench_dir() / "coref")
    result = evaluate(path, Config.load())
    sys.stdout.write(render(result))
    if "-v" in argv:
        for name, errors in result["gazetteer_on"]["errors"].items():
            for err in errors:
                sys.stdout.write(f"{name}: {err}\n")


if __name__ == "__main__":
    main([a for a in sys.argv[1:]])
