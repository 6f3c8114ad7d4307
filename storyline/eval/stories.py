"""Evaluation of near-duplicate detection (``storyline.story.link``) on the ScrapingHub pages.

Each of the benchmark's 181 pages is an article twice over: the HTML page as
a portal served it (read by storyline's ingest and structure stages, no NLP)
and the benchmark's clean ``articleBody`` read as a plain-text dump. Those two
are the same article with different page chrome and different extraction,
like one dispatch carried by two portals: each such pair should be found as
copies, and no pair of two different pages should be.

Scores, at each Jaccard threshold of :data:`THRESHOLDS` (the default of
``link_stories`` marked):

- ``recall``: found copy pairs / pages;
- ``precision``: true pairs / all pairs found;
- ``copy_in_same_story``: pages that ``link_stories`` (defaults) put in the
  same story as their copy.

Also the Jaccard of each true pair (low tail) and the highest Jaccard of two
different pages (the margin a threshold has).

**Story linking** is scored on the pages alone (no copies) against
``bench/stories/scrapinghub_stories.json``, groups of pages on one story
labelled by hand (``core`` members must be linked; pairs with a ``loose``
member are not scored; every other pair must not be linked): pairwise
precision, recall and F1 of "same story" at each ``link_threshold`` of
:data:`LINK_THRESHOLDS`. By default pages go through ingest and structure
only, so the features are name words (no entities); ``nlp=True`` reads them
with the full pipeline.

Run: ``python -m storyline.eval.stories [PATH] [--nlp]`` (``PATH`` defaults to
``../shared/bench/scrapinghub``; ``--nlp`` links pages read by the full
pipeline, so entity ids count too).
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
from pathlib import Path
from typing import Any

from ..errors import EvalError, StorylineError
from ..ingest import sources
from ..read import prepare
from ..record import Article, InputInfo
from ..settings import Config
from ..story.link import (
    DEFAULT_COHESION,
    DEFAULT_DUPLICATE_THRESHOLD,
    DEFAULT_LINK_THRESHOLD,
    DEFAULT_SHINGLE,
    find_duplicates,
    jaccard,
    link_stories,
    shingles,
)
from .paths import bench_dir, shared_dir

LOGGER = logging.getLogger(__name__)

DEFAULT_PATH = shared_dir() / "bench" / "scrapinghub"
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
LINK_THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
COHESIONS = (0.0, 0.5, 0.75, 1.0)
GOLD_STORIES = bench_dir() / "stories" / "scrapinghub_stories.json"


def load_gold_stories(keys: list[str], path: Path = GOLD_STORIES) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(positive pairs, unscored pairs) of page indexes for the labelled story groups."""
    if not path.exists():
        raise EvalError("story groups not found", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))

    def index(prefix: str) -> int:
        found = [i for i, k in enumerate(keys) if k.startswith(prefix)]
        if len(found) != 1:
            raise EvalError(f"key prefix {prefix!r} matches {len(found)} pages", str(path))
        return found[0]

    positive: set[tuple[int, int]] = set()
    unscored: set[tuple[int, int]] = set()
    for story in data["stories"]:
        core = sorted(index(k) for k in story.get("core", []))
        members = sorted(set(core) | {index(k) for k in story.get("loose", [])})
        for a, i in enumerate(members):
            for j in members[a + 1:]:
                (positive if i in core and j in core else unscored).add((i, j))
    return positive, unscored - positive


def _pairs_of(stories: list[Any], index: dict[str, int]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for story in stories:
        idx = sorted(index[a] for a in story.article_ids)
        for a, i in enumerate(idx):
            for j in idx[a + 1:]:
                pairs.add((i, j))
    return pairs


def evaluate_linking(pages: list[Article], keys: list[str]) -> dict[str, Any]:
    positive, unscored = load_gold_stories(keys)
    index = {a.id: i for i, a in enumerate(pages)}
    def score(threshold: float, cohesion: float) -> dict[str, float]:
        stories = link_stories(pages, link_threshold=threshold, cohesion=cohesion)
        predicted = _pairs_of(stories, index) - unscored
        tp = len(predicted & positive)
        p = tp / len(predicted) if predicted else 1.0
        r = tp / len(positive) if positive else 1.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                "pairs": len(predicted), "stories": len(stories)}

    rows = {f"{t:.2f}": score(t, DEFAULT_COHESION) for t in LINK_THRESHOLDS}
    by_cohesion = {f"{c:.2f}": score(DEFAULT_LINK_THRESHOLD, c) for c in COHESIONS}
    return {"gold_pairs": len(positive), "unscored_pairs": len(unscored),
            "default_link_threshold": DEFAULT_LINK_THRESHOLD, "default_cohesion": DEFAULT_COHESION,
            "by_link_threshold": rows, "by_cohesion": by_cohesion}


def _article(data: bytes, path: str, config: Config) -> Article:
    raw = sources.from_bytes(data, path, config.max_bytes)
    prepared = prepare(raw)
    layout = prepared.layout
    return Article(id=raw.id, input=InputInfo(path=path, format="html" if raw.format == "html" else "text"),
                   text=layout.text, regions=layout.regions, metadata=layout.metadata)


def load_pairs(path: str | Path, config: Config) -> tuple[list[Article], list[str]]:
    """The page articles then the gold-body articles, in the same order, and the page keys."""
    root = Path(path)
    truth_path = root / "ground-truth.json"
    if not truth_path.exists():
        raise EvalError("ScrapingHub ground-truth.json not found", str(truth_path))
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages: list[Article] = []
    bodies: list[Article] = []
    keys: list[str] = []
    for key in sorted(truth):
        html_path = root / "html" / f"{key}.html.gz"
        body = (truth[key].get("articleBody") or "").strip()
        if not html_path.exists() or not body:
            continue
        try:
            page = _article(html_path.read_bytes(), str(html_path), config)
            gold = _article(body.encode("utf-8"), f"{key}.txt", config)
        except StorylineError as err:
            LOGGER.info("%s: skipped (%s)", key, err)
            continue
        pages.append(page)
        bodies.append(gold)
        keys.append(key)
    if not keys:
        raise EvalError("no usable pages", str(root))
    return pages + bodies, keys


def read_pages_nlp(path: str | Path, keys: list[str], config: Config) -> list[Article]:
    """The pages of ``keys`` read by the full pipeline (entities included)."""
    from ..read import read_paths

    paths = [str(Path(path) / "html" / f"{k}.html.gz") for k in keys]
    pages: list[Article] = []
    for outcome in read_paths(paths, config=config):
        if outcome.article is None:
            raise EvalError(f"page could not be read: {outcome.error}", outcome.path)
        pages.append(outcome.article)
    return pages


def evaluate(path: str, config: Config, nlp: bool = False) -> dict[str, Any]:
    """Score copies (ingest + structure) and story linking; with ``nlp`` the
    linking runs on pages read by the full pipeline (entity ids as features
    too; about 3 minutes on one core)."""
    articles, keys = load_pairs(path, config)
    n = len(keys)
    truth = {(i, i + n) for i in range(n)}
    by_threshold: dict[str, dict[str, float]] = {}
    for threshold in THRESHOLDS:
        found = {(i, j) for i, j, _ in find_duplicates(articles, threshold=threshold)}
        hit = len(found & truth)
        by_threshold[f"{threshold:.1f}"] = {
            "recall": hit / n,
            "precision": hit / len(found) if found else 1.0,
            "pairs_found": len(found),
        }
    sets = [shingles(a.body_text() or a.text, DEFAULT_SHINGLE) for a in articles]
    true_j = sorted(jaccard(sets[i], sets[j]) for i, j in truth)
    worst_false = 0.0
    worst_pair: tuple[str, str] = ("", "")
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if (i, j) in truth or j == i + n:
                continue
            score = jaccard(sets[i], sets[j])
            if score > worst_false:
                worst_false, worst_pair = score, (keys[i % n][:12], keys[j % n][:12])
    stories = link_stories(articles)
    together = sum(1 for st in stories for i in range(n)
                   if articles[i].id in st.article_ids and articles[i + n].id in st.article_ids)
    return {
        "pages": n,
        "default_threshold": DEFAULT_DUPLICATE_THRESHOLD,
        "by_threshold": by_threshold,
        "true_pair_jaccard": {"min": true_j[0], "p05": true_j[max(0, int(0.05 * n) - 1)],
                              "median": statistics.median(true_j)},
        "max_false_pair_jaccard": worst_false,
        "max_false_pair": list(worst_pair),
        "stories": len(stories),
        "copy_in_same_story": together / n,
        "linking": evaluate_linking(read_pages_nlp(path, keys, config) if nlp else articles[:n], keys),
        "linking_features": "name words and entity ids (full pipeline)" if nlp else "name words (no NLP)",
    }


def render(result: dict[str, Any]) -> str:
    lines = [f"near-duplicates on {result['pages']} ScrapingHub pages (page vs its gold body as text)",
             "threshold  recall  precision  pairs"]
    for threshold, row in result["by_threshold"].items():
        mark = "  <- default" if float(threshold) == result["default_threshold"] else ""
        lines.append(f"{threshold:>9}  {row['recall']:.3f}  {row['precision']:.3f}      {row['pairs_found']:>5}{mark}")
    tj = result["true_pair_jaccard"]
    lines.append(f"true-pair Jaccard: min {tj['min']:.3f}, 5th percentile {tj['p05']:.3f}, median {tj['median']:.3f}")
    lines.append(f"highest Jaccard of two different pages: {result['max_false_pair_jaccard']:.3f} "
                 f"({' vs '.join(result['max_false_pair'])})")
    lines.append(f"link_stories at defaults over pages and copies: {result['stories']} stories; "
                 f"pages in the same story as their copy: {result['copy_in_same_story']:.3f}")
    link = result["linking"]
    lines.append("")
    lines.append(f"story linking on the {result['pages']} pages ({link['gold_pairs']} same-story pairs labelled, "
                 f"{link['unscored_pairs']} not scored); features: {result['linking_features']}")
    lines.append(f"link_threshold (cohesion {link['default_cohesion']})  precision  recall  f1     pairs  stories")
    for threshold, row in link["by_link_threshold"].items():
        mark = "  <- default" if float(threshold) == link["default_link_threshold"] else ""
        lines.append(f"{threshold:>30}  {row['precision']:.3f}      {row['recall']:.3f}   {row['f1']:.3f}  "
                     f"{row['pairs']:>5}  {row['stories']:>7}{mark}")
    head = f"cohesion (link_threshold {link['default_link_threshold']})"
    lines.append(f"{head}  precision  recall  f1     pairs  stories")
    for cohesion, row in link["by_cohesion"].items():
        mark = "  <- default" if float(cohesion) == link["default_cohesion"] else ""
        lines.append(f"{cohesion:>30}  {row['precision']:.3f}      {row['recall']:.3f}   {row['f1']:.3f}  "
                     f"{row['pairs']:>5}  {row['stories']:>7}{mark}")
    return "\n".join(lines)


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    args = [a for a in sys.argv[1:] if a != "--nlp"]
    print(render(evaluate(args[0] if args else str(DEFAULT_PATH), Config.load(), nlp="--nlp" in sys.argv[1:])))
