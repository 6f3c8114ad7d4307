"""``storyline_lines``: a sentence boundary at every region edge and blank line.

Input: ``doc._.regions`` (optional). Output: ``token.is_sent_start`` set to
``True`` on the first token of each region (so the parser never joins a
headline to the standfirst or a dateline to the chrome) and after a blank
line; a title, standfirst, byline or dateline is kept one sentence.
Single line breaks inside a region (hard-wrapped paragraphs) are left to the
parser. With no regions every line break is a boundary. Runs before
the parser, which respects preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ONE_SENTENCE = {"title", "standfirst", "byline", "dateline"}


@Language.component("storyline_lines")
def storyline_lines(doc: Doc) -> Doc:
    regions = doc._.regions or []
    edges = {r.start for r in regions} | {r.end for r in regions}
    units = [(r.start, r.end) for r in regions if r.kind in ONE_SENTENCE]
    for token in doc[1:]:
        if any(s < token.idx < e for s, e in units):
            token.is_sent_start = False
            continue
        prev = doc[token.i - 1]
        gap = prev.text + prev.whitespace_ if prev.is_space else prev.whitespace_
        breaks = gap.count("\n")
        if token.is_space:
            continue
        if breaks >= (1 if not regions else 2) or token.idx in edges or _edge_between(prev, token, edges):
            token.is_sent_start = True
    return doc


def _edge_between(prev: object, token: object, edges: set[int]) -> bool:
    start = prev.idx + len(prev.text)  # type: ignore[attr-defined]
    return any(start <= e <= token.idx for e in edges)  # type: ignore[attr-defined]
