"""Reading PolNeAR's BRAT standoff annotations and turning them into tagged spaCy Docs.

Inputs: a split directory in the PolNeAR layout (``text/<name>.txt`` and
``attributions/<name>[_<annotator>].ann``). Outputs: :class:`BratArticle` records
(text plus Source/Cue/Content spans grouped by attribution) and, from them,
spaCy ``Doc`` objects whose ``doc.ents`` carry the labels ``SOURCE``, ``CUE``
and ``CONTENT``.

Decisions (stated once, used by training and evaluation alike):

- Several annotator files for one article: the file whose annotator suffix sorts
  first is used, for training and for scoring dev (one reading per article).
- Discontinuous spans (``;`` in offsets) become one fragment per piece; pieces
  are further split at line breaks. Fragments of one span that touch (nothing
  but spaces between) are merged back into one run.
- PolNeAR is univocal (a token belongs to at most one span); where annotations
  still overlap, the longer span wins (:func:`spacy.util.filter_spans`).
- Only ``Source``, ``Cue`` and ``Content`` are used; ``Discuss``/``Discard``
  and the duplicated ``Attribution`` trigger are ignored.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import EvalError

LOGGER = logging.getLogger(__name__)

LABELS = ("SOURCE", "CUE", "CONTENT")
_BRAT_LABELS = {"Source": "SOURCE", "Cue": "CUE", "Content": "CONTENT"}
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass
class BratSpan:
    """One annotated text-bound span: its label and its (start, end) character pieces."""

    ident: str
    label: str
    pieces: list[tuple[int, int]]


@dataclass
class BratArticle:
    """One article: its text, its spans and the attributions (label -> span ids) joining them."""

    name: str
    text: str
    spans: dict[str, BratSpan] = field(default_factory=dict)
    relations: list[dict[str, str]] = field(default_factory=list)


def parse_ann(ann: str) -> tuple[dict[str, BratSpan], list[dict[str, str]]]:
    """Text-bound spans and event relations of a BRAT ``.ann`` file (other lines ignored)."""
    spans: dict[str, BratSpan] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        match = _T_LINE.match(line)
        if match:
            pieces = []
            for piece in match.group(3).split(";"):
                start, end = piece.split()
                pieces.append((int(start), int(end)))
            spans[match.group(1)] = BratSpan(match.group(1), match.group(2), pieces)
            continue
        ematch = _E_LINE.match(line)
        if ematch:
            rel: dict[str, str] = {}
            for arg in ematch.group(2).split():
                if ":" in arg:
                    role, ref = arg.split(":", 1)
                    rel[role] = ref
            relations.append(rel)
    return spans, relations


def annotation_files(split_dir: Path) -> dict[str, Path]:
    """Article name -> the one ``.ann`` file used for it (first annotator suffix in sort order)."""
    ann_dir = split_dir / "attributions"
    text_dir = split_dir / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise EvalError(f"not a PolNeAR split (needs text/ and attributions/): {split_dir}")
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        stem = path.stem
        name = stem
        if not (text_dir / f"{stem}.txt").exists() and "_" in stem:
            name = stem.rsplit("_", 1)[0]
        if not (text_dir / f"{name}.txt").exists():
            LOGGER.warning("no text for %s", path)
            continue
        chosen.setdefault(name, path)
    return chosen


def read_split(split_dir: str | Path, limit: int = 0) -> list[BratArticle]:
    """All articles of a PolNeAR split directory, one annotator each."""
    root = Path(split_dir)
    articles = []
    for name, ann_path in sorted(annotation_files(root).items()):
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        spans, relations = parse_ann(ann_path.read_text(encoding="utf-8"))
        articles.append(BratArticle(name, text, spans, relations))
        if limit and len(articles) >= limit:
            break
    if not articles:
        raise EvalError(f"no annotated articles in {root}")
    return articles


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at line breaks, trimming white space from each piece."""
    out = []
    pos = start
    for part in text[start:end].split("\n"):
        s, e = pos, pos + len(part)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def gold_spans(doc: Doc, article: BratArticle, offset: int = 0) -> list[Span]:
    """The article's Source/Cue/Content spans as token spans of ``doc``.

    ``doc`` holds ``article.text[offset:offset + len(doc.text)]`` (a paragraph or the whole
    text). Pieces outside it are dropped; touching pieces of one span are merged."""
    end_doc = offset + len(doc.text)
    out: list[Span] = []
    for bspan in article.spans.values():
        label = _BRAT_LABELS.get(bspan.label)
        if label is None:
            continue
        runs: list[tuple[int, int]] = []
        for start, end in bspan.pieces:
            for s, e in _line_pieces(article.text, start, end):
                s, e = max(s, offset), min(e, end_doc)
                if e <= s:
                    continue
                span = doc.char_span(s - offset, e - offset, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                if runs and span.start <= runs[-1][1] + 0 and span.start >= runs[-1][0]:
                    runs[-1] = (runs[-1][0], max(runs[-1][1], span.end))
                elif runs and _only_spaces(doc, runs[-1][1], span.start):
                    runs[-1] = (runs[-1][0], span.end)
                else:
                    runs.append((span.start, span.end))
        out.extend(Span(doc, s, e, label=label) for s, e in runs)
    return filter_spans(out)


def _only_spaces(doc: Doc, start: int, end: int) -> bool:
    if end < start:
        return False
    return all(tok.is_space and "\n" not in tok.text for tok in doc[start:end])


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines of ``text`` (PolNeAR has one paragraph a line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
