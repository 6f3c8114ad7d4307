"""Attribution frames found by rules over the dependency parse (cue lexicon ``data/cues.json``).

Inputs: a parsed ``Doc`` (tokens, sentences, dependencies; ``doc._.regions`` for the title).
Output: :func:`find_frames` returns :class:`Frame` objects (token ranges for cue, source,
content and a cited origin) in document order. Resolution to entities, relay chains and
certainty are done by :mod:`storyline.nlp.attributions`.

Forms covered: reporting verbs with a complement clause ("X said (that) …"), the clause
around a parenthetical or inverted cue ("…, X said." / "…, said X."), a direct quote
before or after its cue, a colon-introduced quote, coordinated and participial cues
whose source is the main-clause subject ("…, cautioning that …", "… but reaffirmed …"),
passive cues with an agent, "according to X" (the cue may split the content), "citing X"
(an origin relayed by the main cue), and headline conventions in titles and standfirsts
("CLAIM: Outlet", "CLAIM, defence ministry says", whatever the parse of the claim).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..lexicon import load_json
from .kb import lexicon as role_lexicon

LOGGER = logging.getLogger(__name__)

TokRange = tuple[int, int]
QUOTES_OPEN = "\"“‘'«"
QUOTES_CLOSE = "\"”’'»"
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_ADDRESSEE_VERBS = {"tell", "inform", "brief", "assure", "reassure", "ask", "urge", "warn", "remind"}


@dataclass
class Frame:
    """One attribution found in the text, as token ranges of the doc.

    ``kind``: ``verb`` (a cue verb), ``according`` ("according to X"), ``headline``
    ("CLAIM: Source", no cue), ``implicit`` (carried over, no cue), ``model`` (from the tagger).
    ``inherit`` is the token index of the verb whose subject is this frame's source when
    the cue has none of its own (coordinated or participial cues)."""

    kind: str
    cue: TokRange | None
    source: TokRange | None
    content: list[TokRange]
    cue_head: int | None = None
    inherit: int | None = None
    cites: TokRange | None = None
    sent_start: int = 0
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def start(self) -> int:
        points = [r[0] for r in self.content]
        if self.cue:
            points.append(self.cue[0])
        if self.source:
            points.append(self.source[0])
        return min(points) if points else 0


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, frozenset[str]]:
    """The cue lexicon of ``data/cues.json`` as sets of lower-cased strings."""
    data = load_json("cues.json")
    return {key: frozenset(str(v).lower() for v in values) for key, values in data.items()
            if isinstance(values, list)}


def is_cue_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cue_lexicon()["verbs"]


def _trim(doc: Doc, start: int, end: int, keep_quotes: bool = True) -> TokRange:
    """Shrink ``[start, end)`` past white space and punctuation at both edges (quote marks
    kept when ``keep_quotes`` and balanced inside)."""
    while start < end:
        tok = doc[start]
        keep = keep_quotes and tok.text in QUOTES_OPEN and _closes(doc, start, end)
        if tok.is_space or (tok.is_punct and not keep):
            start += 1
        elif tok.dep_ == "mark" and tok.lower_ == "that" and start == tok.i:
            start += 1
        elif tok.dep_ == "cc" and tok.lower_ in ("and", "but"):
            start += 1
        else:
            break
    while end > start:
        tok = doc[end - 1]
        keep = keep_quotes and tok.text in QUOTES_CLOSE and _opens(doc, start, end - 1)
        if tok.is_space or (tok.is_punct and not keep):
            end -= 1
        else:
            break
    return start, end


def _closes(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].text in QUOTES_CLOSE for i in range(start + 1, end))


def _opens(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].text in QUOTES_OPEN for i in range(start, end))


def _subtree_range(tok: Token) -> TokRange:
    return tok.left_edge.i, tok.right_edge.i + 1


def _minus(whole: TokRange, holes: list[TokRange]) -> list[TokRange]:
    """``whole`` with ``holes`` cut out, as ordered ranges."""
    parts = [whole]
    for hs, he in sorted(holes):
        nxt = []
        for s, e in parts:
            if he <= s or hs >= e:
                nxt.append((s, e))
                continue
            if hs > s:
                nxt.append((s, hs))
            if he < e:
                nxt.append((he, e))
        parts = nxt
    return [p for p in parts if p[1] > p[0]]


def _clean(doc: Doc, ranges: list[TokRange]) -> list[TokRange]:
    out = []
    for s, e in ranges:
        s, e = _trim(doc, s, e)
        if e > s and any(not t.is_punct and not t.is_space for t in doc[s:e]):
            out.append((s, e))
    return out


def _cue_range(tok: Token) -> TokRange:
    """The cue verb with its auxiliaries ("is demanding", "has said") and particle ("pointed out")."""
    start, end = tok.i, tok.i + 1
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and child.i < tok.i and child.tag_ != "MD" and child.lower_ != "to":
            start = min(start, child.i)
        if child.dep_ == "prt" and child.i == end:
            end = child.i + 1
    # auxiliaries must be contiguous with the verb (no adverb or subject between)
    while start < tok.i and any(t.dep_ not in ("aux", "auxpass") for t in tok.doc[start:tok.i]):
        start += 1
    return start, end


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ in _SUBJ:
            return child
    return None


def _agent(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _source_range(tok: Token) -> TokRange:
    """The source noun phrase: the subject's subtree without appositives, relative clauses or
    trailing punctuation ("X, a spokesman for Y," gives "X")."""
    start, end = _subtree_range(tok)
    for child in tok.children:
        if child.i <= tok.i:
            continue
        parenthetical = child.left_edge.i > 0 and tok.doc[child.left_edge.i - 1].text in (",", "(", "—", "–")
        if child.dep_ == "appos" or (child.dep_ in ("relcl", "acl") and parenthetical):
            end = min(end, child.left_edge.i)
    return _trim(tok.doc, start, max(end, tok.i + 1), keep_quotes=False)


def _quote_before(doc: Doc, sent: Span, cue: Token, source: TokRange | None) -> TokRange | None:
    """A quoted segment right before the cue frame: ``"…," X said`` / ``"…," said X``."""
    left = min(cue.i, source[0]) if source else cue.i
    line_start = _line_start(doc, sent.start)
    j = left - 1
    while j >= line_start and (doc[j].is_punct and doc[j].text not in QUOTES_CLOSE):
        j -= 1
    if j < line_start or doc[j].text not in QUOTES_CLOSE:
        return None
    k = j - 1
    while k >= line_start and doc[k].text not in QUOTES_OPEN:
        k -= 1
    if k < line_start:
        k = line_start - 1
    return (k + 1, j)


def _line_start(doc: Doc, i: int) -> int:
    """First token of the line holding token ``i``."""
    while i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text):
        i -= 1
    return i


def _balance_quotes(doc: Doc, start: int, end: int, limit: int) -> int:
    """Extend ``end`` to the closing quote mark when the range opens a quote it does not close."""
    depth = 0
    for tok in doc[start:end]:
        if tok.text in ("“", "«") or (tok.text == '"' and depth == 0):
            depth += 1
        elif tok.text in ("”", "»") or (tok.text == '"' and depth > 0):
            depth -= 1
    if depth <= 0:
        return end
    j = end
    while j < min(limit, len(doc)) and not (doc[j].is_space and "\n" in doc[j].text):
        if doc[j].text in ('"', "”", "»"):
            return j + 1
        j += 1
    return end


def _quote_resumed(doc: Doc, i: int) -> TokRange | None:
    """A quote split by its cue: ``"…," X said, "and …"`` — the part after the cue."""
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    if i >= len(doc) or doc[i].text not in (",", ":"):
        return None
    i += 1
    if i >= len(doc) or doc[i].text not in QUOTES_OPEN:
        return None
    k = i + 1
    while k < len(doc) and doc[k].text not in QUOTES_CLOSE and "\n" not in doc[k].text:
        k += 1
    return (i + 1, k) if k > i + 1 else None


def _earlier_paragraphs(doc: Doc, start: int) -> list[TokRange]:
    """A quote running over several paragraphs, only the last of which closes it: each earlier
    paragraph opens with a quote mark and closes none."""
    out: list[TokRange] = []
    line = _line_start(doc, max(start - 1, 0))
    if line >= start or doc[line].text not in QUOTES_OPEN:
        return out
    while line > 0:
        prev_end = line - 1  # the line-break token
        prev_start = _line_start(doc, prev_end)
        toks = [t for t in doc[prev_start:prev_end] if not t.is_space]
        if not toks or toks[0].text not in QUOTES_OPEN or any(t.text in ("”", "»") for t in toks) or \
                sum(1 for t in toks if t.text == '"') != 1:
            break
        out.insert(0, (toks[0].i + 1, toks[-1].i + 1))
        line = prev_start
    return out


def _quote_after(doc: Doc, sent: Span, cue: Token) -> TokRange | None:
    """A colon-introduced or directly following quote: ``X said: "…"``."""
    j = cue.right_edge.i + 1 if cue.right_edge.i >= cue.i else cue.i + 1
    j = cue.i + 1
    while j < sent.end and doc[j].is_space:
        j += 1
    if j < sent.end and doc[j].text in (":", ","):
        j += 1
    while j < sent.end and doc[j].is_space:
        j += 1
    if j >= sent.end or doc[j].text not in QUOTES_OPEN:
        return None
    k = j + 1
    while k < len(doc) and doc[k].text not in QUOTES_CLOSE:
        k += 1
    return (j + 1, min(k, len(doc)))


def raising_passive(tok: Token) -> bool:
    """"X is expected to return", "X is said to be": a passive cue verb with an infinitive; its
    subject is the content's subject, not a source (a hedge, not an attribution)."""
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children) and any(
        c.dep_ == "xcomp" for c in tok.children)


def verb_frames(doc: Doc, sent: Span) -> list[Frame]:
    """Frames headed by cue verbs in ``sent``."""
    lex = cue_lexicon()
    frames = []
    for tok in sent:
        if not is_cue_verb(tok):
            continue
        lemma = tok.lemma_.lower()
        strong = lemma in lex["strong_verbs"]
        if tok.dep_ in ("amod", "compound", "acl") or (tok.dep_ == "xcomp" and tok.head.lemma_ in ("be",)):
            continue
        if raising_passive(tok):
            continue  # "is said to be": a hedge, not an attribution
        subj = _subject(tok)
        agent = _agent(tok)
        source: TokRange | None = None
        inherit: int | None = None
        if subj is not None and subj.dep_ == "nsubjpass" and subj.lower_ in ("it",):
            subj = None
        if agent is not None:
            source = _source_range(agent)
        elif subj is not None and subj.dep_ != "csubj":
            source = _source_range(subj)
        elif tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
            inherit = tok.head.i
        content: list[TokRange] = []
        comps = [c for c in tok.children if c.dep_ in ("ccomp",) and c.i != tok.i]
        quoted = _quote_before(doc, sent, tok, source) if strong else None
        if quoted is not None and (not comps or comps[0].i < tok.i):
            content.extend(_earlier_paragraphs(doc, quoted[0]))
            content.append(quoted)
            frame_end = max(tok.i + 1, source[1] if source else 0)
            resumed = _quote_resumed(doc, frame_end)
            if resumed is not None:
                content.append(resumed)
        elif comps:
            for comp in comps:
                s, e = _subtree_range(comp)
                holes = []
                for grand in comp.children:
                    # a coordinated cue inside the clause ("… that X but reaffirmed Y") is its own frame
                    if grand.dep_ == "conj" and is_cue_verb(grand) and _subject(grand) is None:
                        holes.append((grand.left_edge.i, grand.right_edge.i + 1))
                        for cc in comp.children:
                            if cc.dep_ == "cc" and cc.i < grand.i:
                                holes.append((cc.i, cc.i + 1))
                content.extend(_minus((s, e), holes))
        elif tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i and (subj is not None or strong) \
                and not any(c.dep_ == "mark" for c in tok.children) \
                and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text in ",—–-\"”":
            head = tok.head
            hs, he = _subtree_range(head)
            own = _subtree_range(tok)
            content.extend(_minus((max(hs, sent.start), min(he, sent.end)), [own]))
        else:
            if strong:
                quoted = _quote_after(doc, sent, tok)
            if quoted is not None:
                content.append(quoted)
            elif lemma not in _ADDRESSEE_VERBS or lemma in ("warn",):
                for child in tok.children:
                    if child.dep_ in ("dobj",) and strong and child.pos_ in ("NOUN", "PRON", "PROPN") and \
                            child.lower_ not in ("it", "this", "that"):
                        content.append(_subtree_range(child))
                    if child.dep_ == "xcomp" and lemma in ("urge", "demand", "promise", "vow", "pledge",
                                                           "threaten", "ask", "warn", "call"):
                        content.append(_subtree_range(child))
        content = _clean(doc, content)
        if content:
            last = content[-1]
            content[-1] = (last[0], _balance_quotes(doc, last[0], last[1], sent.end + 40))
        if not content:
            continue
        if source is None and inherit is None and tok.dep_ == "ROOT" and not strong:
            continue
        frames.append(Frame("verb", _cue_range(tok), source, content, cue_head=tok.i, inherit=inherit,
                            sent_start=sent.start))
    return frames


def citing(doc: Doc, frame: Frame) -> TokRange | None:
    """The origin named by a "citing X" / "quoting X" participle on the frame's cue verb."""
    if frame.cue_head is None:
        return None
    verbs = cue_lexicon()["citing"]
    for child in doc[frame.cue_head].children:
        if child.dep_ in ("advcl", "xcomp", "prep", "conj") and child.lower_ in verbs:
            for grand in child.children:
                if grand.dep_ in ("dobj", "pobj"):
                    return _trim(doc, grand.left_edge.i, grand.right_edge.i + 1, keep_quotes=False)
    return None


def according_frames(doc: Doc, sent: Span) -> list[Frame]:
    """"according to X": the rest of the sentence (one or two spans) is X's content."""
    frames = []
    for tok in sent:
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        phrase_end = max(pobj.right_edge.i + 1, to.i + 1)
        source = _source_range(pobj)
        content = _clean(doc, _minus((sent.start, sent.end), [(tok.i, phrase_end)]))
        if not content and sent.start > 0:
            # the parser split "…, according to X" off its clause: take the clause before, same line
            prev = doc[sent.start - 1].sent
            if prev.start >= _line_start(doc, sent.start):
                content = _clean(doc, [(prev.start, prev.end)])
        if not content:
            continue
        frames.append(Frame("according", (tok.i, tok.i + 2), source, content, cue_head=tok.i,
                            sent_start=sent.start))
    return frames


def headline_frame(doc: Doc, start: int, end: int) -> Frame | None:
    """"CLAIM: Source" in a title line (the cue is the colon convention, recorded as null)."""
    colon = None
    for tok in doc[start:end]:
        if tok.text in (":", "-", "–", "—", "|") and tok.whitespace_:
            colon = tok.i
    if colon is None or colon == start:
        return None
    tail = [t for t in doc[colon + 1:end] if not t.is_space]
    lex = cue_lexicon()
    generic = len(tail) <= 2 and tail and tail[-1].lower_ in lex["report_nouns"] | {"sources", "source"}
    if not tail or len(tail) > 5 or not (tail[0].text[:1].isupper() or generic):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in tail) or not (generic or any(_names_speaker(t) for t in tail)
                                                             or _speaker_head(tail[-1])):
        return None
    content = _clean(doc, [(start, colon)])
    if not content:
        return None
    return Frame("headline", None, (tail[0].i, tail[-1].i + 1), content, sent_start=start)


def _names_speaker(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")


def _speaker_head(tok: Token) -> bool:
    """A noun that names who speaks ("army", "ministry", "officials", "police")."""
    low, lex = tok.lower_, role_lexicon()
    return low in lex["person_nouns"] or low in lex["org_nouns"] or low in lex["group_heads"] \
        or tok.lemma_.lower() in lex["person_nouns"] or tok.lemma_.lower() in lex["org_nouns"]


def trailing_says_frames(doc: Doc, start: int, end: int) -> list[Frame]:
    """"Two soldiers killed in clash, defence ministry says" in a title or standfirst: in headline
    style the speaker is the short phrase between the last comma of a clause and its closing cue
    verb, and the claim is everything before that comma (clauses split at ";")."""
    frames: list[Frame] = []
    verbs = cue_lexicon()["verbs"]
    clause_start = start
    bounds = [t.i for t in doc[start:end] if t.text in (";", "|")] + [end]
    for stop in bounds:
        toks = [t for t in doc[clause_start:stop] if not t.is_space]
        while toks and toks[-1].is_punct:
            toks.pop()
        if len(toks) >= 4 and toks[-1].lemma_.lower() in verbs | {"say"} and toks[-1].tag_ in ("VBZ", "VBD", "VBP"):
            verb = toks[-1]
            comma = next((t for t in reversed(toks[:-1]) if t.text in (",", "—", "–")), None)
            if comma is not None:
                speaker = [t for t in toks if comma.i < t.i < verb.i]
                content = _clean(doc, [(toks[0].i, comma.i)])
                if 1 <= len(speaker) <= 6 and content and not any(t.pos_ in ("VERB", "AUX") for t in speaker):
                    frames.append(Frame("verb", (verb.i, verb.i + 1), (speaker[0].i, speaker[-1].i + 1), content,
                                        cue_head=verb.i, sent_start=toks[0].i))
        clause_start = stop + 1
    return frames


def headline_ranges(doc: Doc) -> list[TokRange]:
    """Token ranges of the title (see :func:`title_range`) and the standfirst regions."""
    out: list[TokRange] = []
    title = title_range(doc)
    if title is not None:
        out.append(title)
    for region in doc._.regions or []:
        if region.kind == "standfirst":
            span = doc.char_span(region.start, region.end, alignment_mode="expand")
            if span is not None:
                out.append((span.start, span.end))
    return out


def title_range(doc: Doc) -> TokRange | None:
    """Token range of the title: the ``title`` region, else the first line when it reads like one
    (short, no final full stop)."""
    regions = doc._.regions or []
    for region in regions:
        if region.kind == "title":
            span = doc.char_span(region.start, region.end, alignment_mode="expand")
            return (span.start, span.end) if span is not None else None
    if any(r.kind == "title" for r in regions):
        return None
    end = 0
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    if 0 < end <= 30 and doc[end - 1].text not in (".", "!", "?"):
        return (0, end)
    return None


def find_frames(doc: Doc) -> list[Frame]:
    """All rule frames of ``doc`` in document order (one per cue; the headline frame first)."""
    frames: list[Frame] = []
    conventions: list[Frame] = []
    for rng in headline_ranges(doc):
        said = trailing_says_frames(doc, *rng)
        conventions.extend(said)
        frame = headline_frame(doc, *rng) if not said else None
        if frame is not None:
            frames.append(frame)
    frames.extend(conventions)
    taken = {f.cue_head for f in conventions}
    for sent in doc.sents:
        found = [f for f in verb_frames(doc, sent) + according_frames(doc, sent) if f.cue_head not in taken]
        for frame in found:
            cites = citing(doc, frame)
            if cites is not None:
                frame.cites = cites
                frame.content = _clean(doc, [p for c in frame.content for p in _minus(c, [cites])])
                # the "citing X," phrase is not content
                frame.content = [c for c in frame.content if c[1] - c[0] > 0]
        frames.extend(found)
    frames.sort(key=lambda f: f.start)
    return frames
