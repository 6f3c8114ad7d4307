"""Extraction benchmarks: storyline's structure stage beside plain trafilatura, in one run.

Two benchmarks, chosen by the folder given to :func:`evaluate`:

* **ScrapingHub article-extraction-benchmark** (``bench/scrapinghub``: ``ground-truth.json`` maps a page id
  to ``{"articleBody", "url"}``, pages are ``html/<id>.html.gz``). The measure is the benchmark's own
  (``evaluate.py`` upstream): text is tokenised with ``\\w+``; each text gives a multiset of word
  4-gram shingles; per page tp/fp/fn are counted over the shingles and normalised by their sum, so
  that long pages do not weigh more; precision is the mean over pages with ``tp + fp > 0``, recall the
  mean over pages with ``tp + fn > 0`` (``fp == fn == 0`` counts 1); F1 is the harmonic mean of the
  averaged precision and recall. The baseline is exactly upstream's ``run_trafilatura.py``:
  ``trafilatura.extract(html, include_comments=False)``. storyline's prediction is what it treats as
  the body: the ``body`` regions of :func:`storyline.read.prepare`'s layout joined by newlines (no
  title, standfirst, byline, dateline or chrome).

* **Readability metadata** (``bench/readability/<case>/{source.html,expected-metadata.json}``, Mozilla
  Readability's test pages): accuracy per field, counted only over cases whose expected field is
  non-null and non-empty:

  - ``title``: normalised exact match (Unicode NFKC, case-folded, white space collapsed, quotes and
    dashes unified) of ``metadata.title`` against ``title``;
  - ``author``: ``byline`` against the predicted authors joined — both sides case-folded, with a
    leading "By", parenthesised asides and URLs, a trailing date ("March 25, 2015", "Updated …"),
    punctuation and "and" removed, compared as word sequences;
  - ``date``: ``publishedTime`` against ``metadata.published`` on the calendar day (the first 10
    characters);
  - ``lang``: ``lang`` against ``metadata.language`` on the primary subtag (``en-US`` → ``en``).

  trafilatura's side is ``trafilatura.bare_extraction(html, with_metadata=True)``: its ``title``,
  ``author``, ``date`` and ``language`` (the page's declared language as trafilatura reads it).

Both are run on the structure stage only (``read.prepare``: ingest + structure + language), no spaCy
model, so they take a minute or two. Run::

    .venv/bin/python -m storyline.eval.extraction ../shared/bench/scrapinghub
    .venv/bin/python -m storyline.eval.extraction ../shared/bench/readability
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura

from ..errors import EvalError, StorylineError
from ..ingest import sources
from ..settings import Config

LOGGER = logging.getLogger(__name__)

TpFpFn = tuple[float, float, float]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


# ---------------------------------------------------------------- the ScrapingHub measure


def _ngrams(text: str, n: int) -> list[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    out: list[tuple[str, ...]] = []
    for i in range(0, max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i:i + n])
        if shingle:
            out.append(shingle)
    return out


def shingle_matching(true: str, pred: str, n: int = 4) -> TpFpFn:
    """tp/fp/fn over word ``n``-gram shingles, normalised to sum 1 (upstream ``string_shingle_matching``)."""
    t, p = Counter(_ngrams(true, n)), Counter(_ngrams(pred, n))
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return tp, fp, fn


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics_from_counts(counts: list[TpFpFn]) -> dict[str, float]:
    """Averaged precision and recall over pages, and F1 of the averages (upstream ``metrics_from_tp_fp_fns``)."""
    precision = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def storyline_layout(html_bytes: bytes, path: str | None, config: Config) -> Any:
    """storyline's structure stage on one page: the ``Layout`` or ``None`` when it refuses the page."""
    from ..read import prepare

    try:
        raw = sources.from_bytes(html_bytes, path, config.max_bytes)
        raw.format = "html"
        return prepare(raw).layout
    except StorylineError as err:
        LOGGER.info("%s: %s", path, err)
        return None


def storyline_body(layout: Any) -> str:
    if layout is None:
        return ""
    return "\n".join(layout.text[r.start:r.end] for r in layout.regions if r.kind == "body")


def evaluate_scrapinghub(path: str, config: Config, limit: int | None = None) -> dict[str, Any]:
    """Body F1 of storyline and plain trafilatura on the ScrapingHub benchmark folder ``path``."""
    root = Path(path)
    truth_path = root / "ground-truth.json"
    if not truth_path.exists():
        raise EvalError("no ground-truth.json (is this the scrapinghub benchmark?)", str(root))
    truth: dict[str, dict[str, Any]] = json.loads(truth_path.read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    systems: dict[str, Callable[[bytes, str], str]] = {
        "storyline": lambda data, p: storyline_body(storyline_layout(data, p, config)),
        "trafilatura": lambda data, p: trafilatura.extract(gzip.decompress(data).decode("utf-8"),
                                                           include_comments=False) or "",
    }
    counts: dict[str, list[TpFpFn]] = {name: [] for name in systems}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    if ids:  # warm up (imports, the language detector) outside the timings
        first = root / "html" / f"{ids[0]}.html.gz"
        if first.exists():
            for system in systems.values():
                system(first.read_bytes(), str(first))
    pages: list[dict[str, Any]] = []
    for item in ids:
        page = root / "html" / f"{item}.html.gz"
        if not page.exists():
            raise EvalError(f"missing page {page.name}", str(root))
        data = page.read_bytes()
        gold = truth[item].get("articleBody") or ""
        row: dict[str, Any] = {"id": item}
        for name, system in systems.items():
            t0 = time.perf_counter()
            pred = system(data, str(page))
            seconds[name] += time.perf_counter() - t0
            c = shingle_matching(gold, pred)
            counts[name].append(c)
            row[name] = {"precision": _precision(*c), "recall": _recall(*c)}
        pages.append(row)
    return {
        "benchmark": "scrapinghub",
        "pages": len(ids),
        "systems": {name: {**metrics_from_counts(counts[name]), "seconds": round(seconds[name], 1)}
                    for name in systems},
        "per_page": pages,
        "published": {"trafilatura 2.0.0": {"f1": 0.958, "precision": 0.938, "recall": 0.978}},
    }


# ---------------------------------------------------------------- readability metadata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                         "\u00a0": " "})


def norm_title(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    return " ".join(text.split())


_MONTHS = ("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|august|"
           "september|october|november|december")
_DATE_TAIL = re.compile(
    rf"\s(?:(?:{_MONTHS})\.?\s+\d|\d{{1,2}}\s+(?:{_MONTHS})\b|\d{{4}}-\d\d|updated\b|published\b).*$",
    re.IGNORECASE | re.DOTALL,
)


def _name_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\([^)]*\)|https?://\S+", " ", text)
    text = _DATE_TAIL.sub("", " " + text).casefold()
    text = re.sub(r"^\s*by\b[:\s]*", "", text)
    return [w for w in re.findall(r"\w+", text) if w not in {"and", "by"}]


def author_match(expected: str, authors: list[str] | str | None) -> bool:
    """``expected`` (Readability's byline) against predicted author names, ignoring case, "By", punctuation."""
    if not authors:
        return False
    pred = authors if isinstance(authors, str) else ", ".join(authors)
    return _name_words(expected) == _name_words(pred)


def date_match(expected: str, predicted: str | None) -> bool:
    return bool(predicted) and expected.strip()[:10] == str(predicted).strip()[:10]


def lang_match(expected: str, predicted: str | None) -> bool:
    return bool(predicted) and expected.strip().lower().replace("_", "-").split("-")[0] == \
        str(predicted).strip().lower().replace("_", "-").split("-")[0]


FIELDS = ("title", "author", "date", "lang")


def _compare(expected: dict[str, Any], got: dict[str, Any]) -> dict[str, bool | None]:
    out: dict[str, bool | None] = dict.fromkeys(FIELDS)
    if expected.get("title"):
        out["title"] = norm_title(expected["title"]) == norm_title(got.get("title"))
    if expected.get("byline"):
        out["author"] = author_match(expected["byline"], got.get("author"))
    if expected.get("publishedTime"):
        out["date"] = date_match(expected["publishedTime"], got.get("date"))
    if expected.get("lang"):
        out["lang"] = lang_match(expected["lang"], got.get("lang"))
    return out


def evaluate_readability(path: str, config: Config) -> dict[str, Any]:
    """Metadata accuracy per field of storyline and trafilatura on Readability's test pages under ``path``."""
    root = Path(path)
    cases = sorted(p.parent for p in root.glob("*/expected-metadata.json") if (p.parent / "source.html").exists())
    if not cases:
        raise EvalError("no */expected-metadata.json with source.html (is this the readability benchmark?)", str(root))
    hits: dict[str, dict[str, list[bool]]] = {s: {f: [] for f in FIELDS} for s in ("storyline", "trafilatura")}
    rows: list[dict[str, Any]] = []
    for case in cases:
        expected = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
        data = (case / "source.html").read_bytes()
        layout = storyline_layout(data, str(case / "source.html"), config)
        md = layout.metadata if layout is not None else None
        ours = {"title": md.title, "author": md.authors, "date": md.published, "lang": md.language} if md else {}
        doc = trafilatura.bare_extraction(data.decode("utf-8", errors="replace"), with_metadata=True)
        theirs: dict[str, Any] = {}
        if doc is not None:
            d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            theirs = {"title": d.get("title"), "author": d.get("author"), "date": d.get("date"),
                      "lang": d.get("language")}
        row: dict[str, Any] = {"case": case.name, "expected": {k: expected.get(k) for k in
                                                               ("title", "byline", "publishedTime", "lang")}}
        for name, got in (("storyline", ours), ("trafilatura", theirs)):
            cmp = _compare(expected, got)
            row[name] = {"got": got, "match": cmp}
            for f, ok in cmp.items():
                if ok is not None:
                    hits[name][f].append(ok)
        rows.append(row)
    systems = {s: {f: {"accuracy": (sum(v) / len(v)) if v else None, "n": len(v), "correct": sum(v)}
                   for f, v in per.items()} for s, per in hits.items()}
    return {"benchmark": "readability", "cases": len(cases), "systems": systems, "per_case": rows}


# ---------------------------------------------------------------- entry points


def evaluate(path: str, config: Config) -> dict[str, Any]:
    """Run the benchmark found at ``path`` (a scrapinghub or readability folder)."""
    root = Path(path)
    if (root / "ground-truth.json").exists():
        return evaluate_scrapinghub(path, config)
    if any(root.glob("*/expected-metadata.json")):
        return evaluate_readability(path, config)
    raise EvalError("not a known extraction benchmark folder (scrapinghub or readability)", path)


def render(result: dict[str, Any]) -> str:
    """A Markdown table of :func:`evaluate`'s result."""
    lines: list[str] = []
    if result.get("benchmark") == "scrapinghub":
        lines.append(f"ScrapingHub article body, {result['pages']} pages (word 4-gram shingles)")
        lines.append("")
        lines.append("| system | F1 | precision | recall | seconds |")
        lines.append("|---|---|---|---|---|")
        for name, m in result["systems"].items():
            lines.append(f"| {name} | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {m['seconds']} |")
        for name, m in result.get("published", {}).items():
            lines.append(f"| {name} (published) | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | |")
    else:
        lines.append(f"Readability metadata, {result['cases']} pages (accuracy where the expected field is set)")
        lines.append("")
        lines.append("| system | " + " | ".join(FIELDS) + " |")
        lines.append("|---|" + "---|" * len(FIELDS))
        for name, per in result["systems"].items():
            cells = []
            for f in FIELDS:
                m = per[f]
                acc = "-" if m["accuracy"] is None else f"{m['accuracy']:.3f}"
                cells.append(f"{acc} ({m['correct']}/{m['n']})")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING)
    if not argv:
        print("usage: python -m storyline.eval.extraction BENCH_DIR [--json OUT]", file=sys.stderr)
        return 2
    result = evaluate(argv[0], Config.load())
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(result, indent=1, ensure_ascii=False),
                                                         encoding="utf-8")
    print(render(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
