"""``storyline_lines``: a sentence boundary at every line break and region edge.

Input: ``doc._.regions`` (optional). Output: ``token.is_sent_start`` set to
``True`` on the first token after a newline or a region boundary, so that the
parser never joins a headline to the standfirst or a dateline to the chrome.
Runs before the parser, which respects preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storyline_lines")
def storyline_lines(doc: Doc) -> Doc:
    edges = {r.start for r in (doc._.regions or [])}
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_ or token.idx in edges:
            token.is_sent_start = True
    return doc
