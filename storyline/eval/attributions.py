"""``storyline eval attributions DIR``: source, cue and content spans scored on PolNeAR.

Input: a PolNeAR split directory (``text/*.txt`` and BRAT ``attributions/*.ann``).
Output of :func:`evaluate`: per label (``source``, ``cue``, ``content``) precision,
recall and F1 under three matchings, as in the attribution literature (Pareti 2016;
Newell et al. 2018; CofeNet, Wang et al. 2022):

- ``exact``: a predicted span is right when a gold span of the same label has exactly its
  token boundaries;
- ``overlap``: a predicted span is right when it shares at least one token with a gold span
  of the same label (recall: a gold span is found when some prediction overlaps it);
- ``token``: token-level precision and recall of the label.

What is scored: the trained tagger of ``config.attribution_model`` run as the pipeline runs it
(storyline's tokenizer, one pass per line of the article). Spans are token runs on storyline's
tokens: gold pieces are split at line breaks and touching pieces of one span merged
(:mod:`storyline.learn.brat`). Articles with several annotators are scored against one
annotator, the one whose file suffix sorts first.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..learn.brat import gold_spans as brat_gold_spans
from ..learn.brat import read_split
from ..nlp.attr_model import load_tagger, tag_docs
from ..nlp.pipeline import load_model
from ..settings import Config

LOGGER = logging.getLogger(__name__)

LABELS = ("SOURCE", "CUE", "CONTENT")
Span3 = tuple[str, int, int]


def _prf(tp_p: float, n_pred: float, tp_r: float, n_gold: float) -> dict[str, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1)}


def score(gold: list[list[Span3]], pred: list[list[Span3]]) -> dict[str, dict[str, dict[str, float]]]:
    """Exact, overlap and token scores per label over parallel lists of documents' spans."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for label in LABELS:
        counts = {"exact": [0, 0, 0, 0], "overlap": [0, 0, 0, 0], "token": [0, 0, 0, 0]}
        for g_doc, p_doc in zip(gold, pred, strict=True):
            g = [(s, e) for lab, s, e in g_doc if lab == label]
            p = [(s, e) for lab, s, e in p_doc if lab == label]
            gset, pset = set(g), set(p)
            exact = len(gset & pset)
            counts["exact"][0] += exact
            counts["exact"][1] += len(p)
            counts["exact"][2] += exact
            counts["exact"][3] += len(g)
            counts["overlap"][0] += sum(1 for ps, pe in p if any(ps < ge and gs < pe for gs, ge in g))
            counts["overlap"][1] += len(p)
            counts["overlap"][2] += sum(1 for gs, ge in g if any(ps < ge and gs < pe for ps, pe in p))
            counts["overlap"][3] += len(g)
            gtok = {i for s, e in g for i in range(s, e)}
            ptok = {i for s, e in p for i in range(s, e)}
            both = len(gtok & ptok)
            counts["token"][0] += both
            counts["token"][1] += len(ptok)
            counts["token"][2] += both
            counts["token"][3] += len(gtok)
        out[label.lower()] = {kind: _prf(*vals) for kind, vals in counts.items()}
        out[label.lower()]["n_gold"] = {"spans": counts["exact"][3]}  # type: ignore[dict-item]
        out[label.lower()]["n_pred"] = {"spans": counts["exact"][1]}  # type: ignore[dict-item]
    return out


def record_spans(doc: Any) -> list[Span3]:
    """The source, cue and content spans of the attribution records storyline produced for ``doc``
    (``doc._.sl_attributions``), as token spans, contents split at line breaks as gold is."""
    out: list[Span3] = []
    for a in doc._.sl_attributions or []:
        ranges: list[tuple[str, int, int]] = []
        if a.source.start is not None and a.source.end is not None:
            ranges.append(("SOURCE", a.source.start, a.source.end))
        if a.cue is not None:
            ranges.append(("CUE", a.cue.start, a.cue.end))
        ranges.extend(("CONTENT", s, e) for s, e in a.content.spans)
        for label, start, end in ranges:
            pos = start
            for part in doc.text[start:end].split("\n"):
                s, e = pos, pos + len(part)
                pos = e + 1
                span = doc.char_span(s, e, alignment_mode="expand") if part.strip() else None
                if span is not None and len(span):
                    out.append((label, span.start, span.end))
    return out


def evaluate_records(path: str, config: Config, limit: int = 0) -> dict[str, Any]:
    """Score storyline's attribution records (rules + tagger, the whole pipeline) on a PolNeAR split."""
    from ..nlp.pipeline import get_pipeline

    articles = read_split(Path(path), limit=limit)
    nlp = get_pipeline(config)
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=config.batch_size))
    seconds = time.perf_counter() - started
    gold = [[(sp.label_, sp.start, sp.end) for sp in brat_gold_spans(doc, art)]
            for doc, art in zip(docs, articles, strict=True)]
    pred = [record_spans(doc) for doc in docs]
    return {"benchmark": "polnear-records", "path": path, "articles": len(articles),
            "tokens": sum(len(d) for d in docs), "seconds": round(seconds, 2),
            "model": config.attribution_model, "scores": score(gold, pred)}


def evaluate(path: str, config: Config, limit: int = 0) -> dict[str, Any]:
    """Score the attribution tagger on the PolNeAR split at ``path``."""
    root = Path(path)
    if not root.is_dir():
        raise EvalError(f"no such directory: {path}", path)
    articles = read_split(root, limit=limit)
    nlp = load_model(config.model)
    tagger = load_tagger(config.attribution_model)
    docs = [nlp.make_doc(a.text) for a in articles]
    gold = [[(sp.label_, sp.start, sp.end) for sp in brat_gold_spans(doc, art)]
            for doc, art in zip(docs, articles, strict=True)]
    started = time.perf_counter()
    pred = tag_docs(tagger, docs)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "benchmark": "polnear", "path": str(root), "articles": len(articles),
        "tokens": sum(len(d) for d in docs), "seconds": round(seconds, 2),
        "model": config.attribution_model, "scores": score(gold, pred),
    }
    return result


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the longer of the two ranges."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def check_seed(article: Any, gold: dict[str, Any]) -> dict[str, Any]:
    """Compare an article's attributions and hedges with a ``storyline-gold/1`` reading.

    A gold attribution is found by the predicted one with the same cue words (or both none) whose
    content shares the most characters with it (at least half of the longer). For each found one
    the source (resolved name among the gold names), quote type, anonymous origin (source kind
    ``anonymous`` or ``cites.anonymous``), ``implicit`` and relay (``via`` leads to a gold relay
    name) are checked. Each gold uncertain claim must lie in a hedged or uncertain ``Hedge``."""
    text = article.text
    by_id = {a.id: a for a in article.attributions}
    rows = []
    for g in gold["attributions"]:
        gstart = text.find(g["content"])
        grange = (gstart, gstart + len(g["content"]))
        best = None
        for a in article.attributions:
            cue = a.cue.text.lower() if a.cue else None
            if cue != (g["cue"].lower() if g["cue"] else None) or not a.content.spans:
                continue
            ov = _overlap((a.content.spans[0][0], a.content.spans[-1][1]), grange)
            if ov >= 0.5 and (best is None or ov > best[0]):
                best = (ov, a)
        row: dict[str, Any] = {"cue": g["cue"], "content": g["content"][:60], "found": best is not None}
        if best is not None:
            a = best[1]
            names = [n.lower() for n in g["source"]]
            row["id"] = a.id
            row["source"] = (a.source.name or "").lower() in names
            row["quote"] = a.quote == g["quote"]
            anon = a.source.kind == "anonymous" or bool(a.cites and a.cites.anonymous)
            row["anonymous"] = anon == bool(g.get("origin_anonymous"))
            row["implicit"] = a.implicit == bool(g.get("implicit"))
            if g.get("relayed_by"):
                via = by_id.get(a.via or "")
                relay = [n.lower() for n in g["relayed_by"]]
                ok = False
                while via is not None and not ok:
                    ok = (via.source.name or "").lower() in relay
                    via = by_id.get(via.via or "")
                row["relay"] = ok
        rows.append(row)
    hedges = []
    for claim in gold.get("uncertain_claims", []):
        start = text.find(claim)
        ok = any(h.level in ("hedged", "uncertain") and _overlap((h.start, h.end), (start, start + len(claim))) > 0
                 for h in article.hedges)
        owner = [a for a in article.attributions if any(s <= start < e for s, e in a.content.spans)]
        hedges.append({"claim": claim, "hedge": ok,
                       "attribution_level": [a.certainty.level for a in owner]})
    checks = [v for r in rows for k, v in r.items() if isinstance(v, bool)]
    return {"attributions": rows, "found": sum(r["found"] for r in rows), "gold": len(rows),
            "predicted": len(article.attributions), "checks_passed": sum(checks), "checks": len(checks),
            "hedges": hedges}


PUBLISHED = {  # exact-match F1 on PolNeAR test (source, cue, content)
    "rule baseline": (10.7, 22.8, 5.6), "CoreNLP": (13.9, None, 17.5), "CRF": (50.6, 53.4, 28.6),
    "BiLSTM-CRF": (69.6, 66.7, 59.0), "BERT-CRF": (82.2, 74.9, 71.0), "BERT-CofeNet": (83.2, 75.3, 72.9),
}


def render(result: dict[str, Any]) -> str:
    """A Markdown table of the scores, with the published test figures beside them."""
    what = "attribution records (whole pipeline)" if result["benchmark"] == "polnear-records" else "tagger"
    lines = [f"PolNeAR `{result['path']}`, {what}: {result['articles']} articles, {result['tokens']} tokens, "
             f"{result['seconds']} s", "",
             "| label | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | token F1 | gold spans |",
             "|---|---|---|---|---|---|---|---|---|"]
    for label in ("source", "cue", "content"):
        s = result["scores"][label]
        lines.append(f"| {label} | {s['exact']['p']} | {s['exact']['r']} | {s['exact']['f1']} | "
                     f"{s['overlap']['p']} | {s['overlap']['r']} | {s['overlap']['f1']} | {s['token']['f1']} | "
                     f"{s['n_gold']['spans']} |")
    lines += ["", "Published exact F1 on PolNeAR test (source / cue / content): " + "; ".join(
        f"{name} {'/'.join('–' if v is None else str(v) for v in vals)}" for name, vals in PUBLISHED.items())]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import argparse
    import json

    parser = argparse.ArgumentParser(description="score the attribution tagger on a PolNeAR split")
    parser.add_argument("path")
    parser.add_argument("--model", default=None, help="attribution model directory (default: the setting)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seed", action="store_true", help="PATH is a seed article; compare with gold/seed.json")
    parser.add_argument("--records", action="store_true",
                        help="score the attribution records of the whole pipeline instead of the tagger alone")
    args = parser.parse_args()
    if args.seed:
        from ..read import read_path
        from .paths import shared_dir

        gold_data = json.loads((shared_dir() / "gold" / "seed.json").read_text(encoding="utf-8"))
        art = read_path(args.path, published=gold_data.get("published"), config=Config.load())
        print(json.dumps(check_seed(art, gold_data), indent=1))
        raise SystemExit(0)
    cfg = Config.load({"attribution_model": args.model} if args.model else None)
    res = (evaluate_records if args.records else evaluate)(args.path, cfg, limit=args.limit)
    print(json.dumps(res, indent=1) if args.json else render(res))
