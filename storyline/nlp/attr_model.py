"""The trained attribution tagger (``storyline/models/attribution``) run over storyline's own tokens.

Inputs: a ``Doc`` tokenized by the main pipeline. Output: :func:`tag_doc` returns
``(label, start, end)`` token spans of the main doc, labels ``SOURCE``, ``CUE`` and
``CONTENT``. The tagger was trained on paragraphs (one line of text), so it runs on
the doc's lines: each line's tokens are copied, unchanged, into a ``Doc`` of the
tagger's vocabulary (no second tokenization), and its entities map back one to one.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError

LOGGER = logging.getLogger(__name__)

TaggedSpan = tuple[str, int, int]


@lru_cache(maxsize=4)
def load_tagger(model_path: str) -> Language:
    """Load the tagger at ``model_path`` (cached). Raises :class:`ModelError` (E203) when missing."""
    path = Path(model_path)
    if not model_path or not (path / "config.cfg").is_file():
        raise ModelError(f"attribution model not found at {model_path!r}; "
                         "train it with `storyline train attributions` or set STORYLINE_ATTRIBUTION_MODEL")
    try:
        return spacy.load(path)
    except (OSError, ValueError) as err:
        raise ModelError(f"cannot load attribution model {model_path!r}: {err}") from err


def line_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the doc's lines (split at white-space tokens holding a line break)."""
    out = []
    start = 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                out.append((start, tok.i))
            start = tok.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return [(s, e) for s, e in out if any(not t.is_space for t in doc[s:e])]


def tag_docs(tagger: Language, docs: list[Doc], batch_size: int = 64) -> list[list[TaggedSpan]]:
    """Tagged spans for each doc of ``docs`` (token offsets into that doc)."""
    pieces: list[Doc] = []
    owners: list[tuple[int, int]] = []
    for n, doc in enumerate(docs):
        for s, e in line_ranges(doc):
            words = [t.text for t in doc[s:e]]
            spaces = [bool(t.whitespace_) for t in doc[s:e]]
            pieces.append(Doc(tagger.vocab, words=words, spaces=spaces))
            owners.append((n, s))
    out: list[list[TaggedSpan]] = [[] for _ in docs]
    for (n, offset), tagged in zip(owners, tagger.pipe(pieces, batch_size=batch_size), strict=True):
        for ent in tagged.ents:
            out[n].append((ent.label_, ent.start + offset, ent.end + offset))
    return out


def tag_doc(tagger: Language, doc: Doc) -> list[TaggedSpan]:
    """Tagged ``(label, start, end)`` token spans of ``doc``."""
    return tag_docs(tagger, [doc])[0]
