"""``storyline eval throughput DIR``: articles per second of the whole ``storyline read``
beside the bare spaCy model parsing the same texts, in the same run.

Input: a directory of ``.txt`` articles (or a PolNeAR split: its ``text/`` is used).
Output of :func:`evaluate`: article and token counts, seconds and articles/second for
(1) the bare model (``config.model``, ``nlp.pipe``), (2) storyline's attribution tagger alone
on the same tokens, (3) the whole ``storyline read`` (ingest, structure, every component),
and the ratio of (3) to (1). Each pipeline is loaded and warmed on one text before timing.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..nlp.attr_model import load_tagger, tag_docs
from ..nlp.pipeline import get_pipeline, load_model
from ..read import read_paths
from ..settings import Config

LOGGER = logging.getLogger(__name__)


def _texts(path: str, limit: int) -> list[Path]:
    root = Path(path)
    if (root / "text").is_dir():
        root = root / "text"
    if not root.is_dir():
        raise EvalError(f"no such directory: {path}", path)
    files = sorted(root.glob("*.txt"))
    if limit:
        files = files[:limit]
    if not files:
        raise EvalError(f"no .txt files in {root}", path)
    return files


def evaluate(path: str, config: Config, limit: int = 0) -> dict[str, Any]:
    """Time the bare model, the attribution tagger and the whole read over the texts at ``path``."""
    files = _texts(path, limit)
    texts = [f.read_text(encoding="utf-8") for f in files]
    n = len(texts)

    bare = load_model(config.model)
    list(bare.pipe(texts[:1]))
    started = time.perf_counter()
    docs = list(bare.pipe(texts, batch_size=config.batch_size))
    bare_s = time.perf_counter() - started
    tokens = sum(len(d) for d in docs)

    tagger = load_tagger(config.attribution_model)
    started = time.perf_counter()
    tag_docs(tagger, docs)
    tagger_s = time.perf_counter() - started

    get_pipeline(config)
    list(read_paths([str(files[0])], config=config))
    started = time.perf_counter()
    outcomes = list(read_paths([str(f) for f in files], config=config))
    read_s = time.perf_counter() - started
    errors = sum(1 for o in outcomes if o.error is not None)
    attributions = sum(len(o.article.attributions) for o in outcomes if o.article is not None)

    def rate(seconds: float) -> float:
        return round(n / seconds, 2) if seconds else 0.0

    return {
        "benchmark": "throughput", "path": path, "articles": n, "tokens": tokens, "errors": errors,
        "attributions": attributions, "cpus": os.cpu_count(), "model": config.model,
        "bare_model": {"seconds": round(bare_s, 2), "articles_per_s": rate(bare_s)},
        "attribution_tagger": {"seconds": round(tagger_s, 2), "articles_per_s": rate(tagger_s)},
        "storyline_read": {"seconds": round(read_s, 2), "articles_per_s": rate(read_s)},
        "read_vs_bare": round(read_s / bare_s, 2) if bare_s else None,
    }


def render(result: dict[str, Any]) -> str:
    """A Markdown table of the timings."""
    lines = [f"Throughput on `{result['path']}`: {result['articles']} articles, {result['tokens']} tokens, "
             f"{result['cpus']} CPUs visible", "",
             "| what | seconds | articles/s |", "|---|---|---|"]
    for key, label in (("bare_model", f"bare spaCy `{result['model']}` (nlp.pipe)"),
                       ("attribution_tagger", "attribution tagger alone (same tokens)"),
                       ("storyline_read", "whole `storyline read`")):
        lines.append(f"| {label} | {result[key]['seconds']} | {result[key]['articles_per_s']} |")
    lines += ["", f"`storyline read` takes {result['read_vs_bare']}x the bare model's time; "
              f"{result['errors']} errors, {result['attributions']} attributions."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="articles/second: storyline read vs the bare spaCy model")
    parser.add_argument("path")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    print(render(evaluate(args.path, Config.load(), limit=args.limit)))
