"""Group articles into stories: near-duplicates first, then story links.

:func:`link_stories` takes :class:`~storyline.record.Article` records and
returns :class:`Story` groups.

1. **Copies.** The same dispatch carried by two portals (different page
   chrome, the same body) is found with MinHash over word shingles of the
   body (``datasketch`` LSH proposes candidates, the exact Jaccard of the
   shingle sets confirms them at ``duplicate_threshold``). Copies always
   share a story and are listed in :attr:`Story.duplicates`.
2. **Story links.** Two articles are linked when what they are about
   overlaps: the entities they name (``article.entities`` ids of people,
   organisations, places and nationalities mentioned at least twice) and the
   proper names in their title and body (capitalised words that the article
   never writes in lower case, so "President" in "the president" does not
   count), each weighted by rarity across the input (``log(1 + N/df)``), as
   a cosine over the features that occur in at least two articles. The score
   is damped by the distance between publication dates
   (``exp(-days/time_scale_days)``, no link beyond ``max_gap_days``; an
   undated article is not damped). Pairs at or over ``link_threshold`` are
   joined with union-find, strongest first, so a developing story chains day
   by day; two groups merge only when the average score over all their
   cross pairs (missing pairs count 0) is at least ``cohesion *
   link_threshold``, which stops one loose pair from chaining two topics
   together (sports results of one league, one motor show, …).

Defaults were chosen on hand-labelled story groups of the ScrapingHub pages
(``python -m storyline.eval.stories``; figures in
``docs/benchmarks.md``).

News agency and outlet names are ignored as features: every dispatch of an
agency names it, whatever the story.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from datasketch import MinHash, MinHashLSH
from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import load_json
from ..record import Article, calendar_date

LOGGER = logging.getLogger(__name__)

DEFAULT_DUPLICATE_THRESHOLD = 0.4
DEFAULT_LINK_THRESHOLD = 0.3
DEFAULT_COHESION = 0.75
DEFAULT_MAX_GAP_DAYS = 30
DEFAULT_TIME_SCALE_DAYS = 30.0
DEFAULT_SHINGLE = 3
DEFAULT_NUM_PERM = 128

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_OUTLET_KINDS = ("news agency", "news outlet", "outlet", "newspaper", "broadcaster")


@dataclass
class Story:
    """One developing story.

    ``id`` is ``story:`` + the first 16 hex digits of the sha256 of the
    earliest article's id, so it stays the same while later articles join.
    ``article_ids`` are in date order (undated last); ``title`` is the
    earliest article's; ``duplicates`` are the groups (two or more ids, in
    date order) of articles that are copies of one another."""

    id: str
    article_ids: list[str]
    title: str | None = None
    duplicates: list[list[str]] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None

    def copy_of(self) -> dict[str, str]:
        """Each copy's id → the id of the first article of its duplicate group."""
        out: dict[str, str] = {}
        for group in self.duplicates:
            for article_id in group[1:]:
                out[article_id] = group[0]
        return out

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(
            id=str(data["id"]),
            article_ids=[str(a) for a in data.get("article_ids") or []],
            title=data.get("title"),
            duplicates=[[str(a) for a in g] for g in data.get("duplicates") or []],
            first_published=data.get("first_published"),
            last_published=data.get("last_published"),
        )


def story_id(earliest_article_id: str) -> str:
    return "story:" + hashlib.sha256(earliest_article_id.encode("utf-8")).hexdigest()[:16]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller index (the earlier article) stays the root
            self.parent[max(ra, rb)] = min(ra, rb)


def date_key(article: Article) -> tuple[int, str, str]:
    """Sort key: dated articles by date, undated ones last, ties by id."""
    published = article.metadata.published
    return (0 if published else 1, published or "", article.id)


def _date(article: Article) -> dt.date | None:
    return calendar_date(article.metadata.published)


def body_of(article: Article) -> str:
    """The article's body text (all of ``text`` when no body region is marked)."""
    return article.body_text() or article.text


def shingles(text: str, size: int = DEFAULT_SHINGLE) -> set[str]:
    """Word ``size``-grams of ``text``, lower-cased (the words themselves when shorter)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return set(words)
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def find_duplicates(articles: Sequence[Article], threshold: float = DEFAULT_DUPLICATE_THRESHOLD,
                    shingle: int = DEFAULT_SHINGLE, num_perm: int = DEFAULT_NUM_PERM) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, jaccard)`` (``i < j``, indexes into ``articles``) whose body
    shingle sets have a Jaccard similarity of at least ``threshold``."""
    sets = [shingles(body_of(a), shingle) for a in articles]
    # LSH only proposes candidates (its bands need 0.1 <= threshold <= 0.9); the exact Jaccard decides
    lsh = MinHashLSH(threshold=min(0.9, max(0.1, threshold)), num_perm=num_perm)
    hashes: list[MinHash] = []
    for i, items in enumerate(sets):
        mh = MinHash(num_perm=num_perm, seed=1)
        mh.update_batch(s.encode("utf-8") for s in items)
        hashes.append(mh)
        if items:
            lsh.insert(str(i), mh)
    pairs: list[tuple[int, int, float]] = []
    for i, mh in enumerate(hashes):
        if not sets[i]:
            continue
        for key in lsh.query(mh):
            j = int(key)
            if j <= i:
                continue
            score = jaccard(sets[i], sets[j])
            if score >= threshold:
                pairs.append((i, j, score))
    return sorted(pairs)


@lru_cache(maxsize=1)
def _agency_words() -> frozenset[str]:
    words: set[str] = set()
    try:
        agencies = load_json("agencies.json")
    except OSError:
        LOGGER.warning("agencies.json not found; agency names count as story features")
        return frozenset()
    for agency in agencies:
        for name in [agency.get("name"), agency.get("code"), *(agency.get("aliases") or [])]:
            if name:
                words.update(w.lower() for w in _WORD.findall(str(name)))
    return frozenset(words)


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    names = [*calendar.day_name, *calendar.day_abbr, *calendar.month_name, *calendar.month_abbr]
    return frozenset(n.lower() for n in names if n)


def _outlet_words(article: Article) -> set[str]:
    md = article.metadata
    words: set[str] = set()
    for value in (md.outlet, md.dateline.agency if md.dateline else None,
                  md.dateline.agency_code if md.dateline else None):
        if value:
            words.update(w.lower() for w in _WORD.findall(value))
    for entity in article.entities:
        if entity.kind and any(k in entity.kind.lower() for k in _OUTLET_KINDS):
            words.update(w.lower() for w in _WORD.findall(entity.name))
    return words


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a quotation."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'(«":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\r—–-"


def name_words(article: Article) -> set[str]:
    """Proper-name words of the title and body: capitalised, not a stop word,
    a weekday or month, nor an agency or outlet name, never written in lower
    case anywhere in the article, and capitalised at least once inside a
    sentence (so "Satellite images …" at a sentence start does not count)."""
    text = "\n".join(t for t in (article.metadata.title, body_of(article)) if t)
    lower_seen: set[str] = set()
    candidates: dict[str, bool] = {}
    for m in _NAME_TOKEN.finditer(text):
        word = re.sub(r"['’]s$", "", m.group(0).rstrip("-'’"))
        if len(word) < 2:
            continue
        if not word[0].isupper():
            lower_seen.add(word.lower())
            continue
        inside = not _sentence_initial(text, m.start())
        low = word.lower()
        candidates[low] = candidates.get(low, False) or inside
    skip = _agency_words() | _calendar_words() | _outlet_words(article) | lower_seen
    return {w for w, inside in candidates.items() if inside and w not in STOP_WORDS and w not in skip}


_FEATURE_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")
_DEGENERATE_ID = re.compile(r"^[a-z]+:x(?:-\d+)?$")  # a name with no Latin letters slugs to "x"


def features(article: Article) -> set[str]:
    """What an article is about, for story linking: ``name:`` words and the ids
    of the named entities (people, organisations, places, nationalities) it
    mentions at least twice; agencies and outlets are left out, and so are
    ids that are no real name (``org:x-3``)."""
    feats: set[str] = set()
    for entity in article.entities:
        if entity.kind and any(k in entity.kind.lower() for k in _OUTLET_KINDS):
            continue
        if entity.type not in _FEATURE_TYPES or len(entity.mentions) < 2 or _DEGENERATE_ID.match(entity.id):
            continue
        feats.add(entity.id)
    feats.update("name:" + w for w in name_words(article))
    return feats


def link_scores(articles: Sequence[Article], max_gap_days: int = DEFAULT_MAX_GAP_DAYS,
                time_scale_days: float = DEFAULT_TIME_SCALE_DAYS,
                min_score: float = 0.0) -> dict[tuple[int, int], float]:
    """Story-link score of each pair of articles that share a feature (``i < j``).

    Pairs are proposed by the features that at most ``max(50, N/5)`` articles
    share (so a name in every article does not make every pair a candidate);
    a proposed pair's score then counts all the features it shares. Scores
    under ``min_score`` are left out."""
    feats = [features(a) for a in articles]
    df: dict[str, int] = defaultdict(int)
    for fs in feats:
        for f in fs:
            df[f] += 1
    n = len(articles)
    weight = {f: math.log(1.0 + n / d) for f, d in df.items() if d >= 2}
    norms = [math.sqrt(sum(weight.get(f, 0.0) for f in fs)) for fs in feats]
    cap = max(50, n // 5)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, fs in enumerate(feats):
        for f in fs:
            if f in weight and df[f] <= cap:
                postings[f].append(i)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for f, idx in postings.items():
        for a_pos, i in enumerate(idx):
            for j in idx[a_pos + 1:]:
                shared[(i, j)] += weight[f]
    common = {f for f, d in df.items() if d > cap and f in weight}
    if common:
        for (i, j) in shared:
            shared[(i, j)] += sum(weight[f] for f in feats[i] & feats[j] & common)
    dates = [_date(a) for a in articles]
    scores: dict[tuple[int, int], float] = {}
    for (i, j), total in shared.items():
        if not norms[i] or not norms[j]:
            continue
        score = total / (norms[i] * norms[j])
        di, dj = dates[i], dates[j]
        if di is not None and dj is not None:
            gap = abs((di - dj).days)
            if gap > max_gap_days:
                continue
            score *= math.exp(-gap / time_scale_days)
        if score >= min_score:
            scores[(i, j)] = score
    return scores


def link_stories(articles: Iterable[Article], *, duplicate_threshold: float = DEFAULT_DUPLICATE_THRESHOLD,
                 link_threshold: float = DEFAULT_LINK_THRESHOLD, cohesion: float = DEFAULT_COHESION,
                 max_gap_days: int = DEFAULT_MAX_GAP_DAYS,
                 time_scale_days: float = DEFAULT_TIME_SCALE_DAYS, shingle: int = DEFAULT_SHINGLE,
                 num_perm: int = DEFAULT_NUM_PERM) -> list[Story]:
    """Group ``articles`` into stories (every article in exactly one; a story
    may hold one article). Articles with the same id count once. Stories come
    in the order of their earliest article."""
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.id, article)
    ordered = sorted(unique.values(), key=date_key)
    if not ordered:
        return []
    stories_uf = _UnionFind(len(ordered))
    copies_uf = _UnionFind(len(ordered))
    for i, j, score in find_duplicates(ordered, duplicate_threshold, shingle, num_perm):
        LOGGER.debug("copies: %s ~ %s (jaccard %.2f)", ordered[i].id[:12], ordered[j].id[:12], score)
        copies_uf.union(i, j)
        stories_uf.union(i, j)
    scores = link_scores(ordered, max_gap_days, time_scale_days)
    groups: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    for i in range(len(ordered)):
        root = stories_uf.find(i)
        if root != i:
            groups[root].append(i)
            del groups[i]
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in scores.items():
        neighbours[i][j] = neighbours[j][i] = score
    # strongest links first; two groups merge only when their average pair score holds up
    strong = sorted(((p, v) for p, v in scores.items() if v >= link_threshold), key=lambda item: (-item[1], item[0]))
    for (i, j), score in strong:
        ri, rj = stories_uf.find(i), stories_uf.find(j)
        if ri == rj:
            continue
        a, b = groups[ri], groups[rj]
        small, other = (a, rj) if len(a) <= len(b) else (b, ri)
        total = sum(s for x in small for y, s in neighbours[x].items() if stories_uf.find(y) == other)
        mean = total / (len(a) * len(b))
        if mean < cohesion * link_threshold:
            LOGGER.debug("no merge: %s ~ %s (%.2f, group mean %.2f)", ordered[i].id[:12], ordered[j].id[:12],
                         score, mean)
            continue
        LOGGER.debug("link: %s ~ %s (%.2f)", ordered[i].id[:12], ordered[j].id[:12], score)
        stories_uf.union(ri, rj)
        root = stories_uf.find(ri)
        merged = a + b
        groups.pop(ri, None)
        groups.pop(rj, None)
        groups[root] = merged
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        members[stories_uf.find(i)].append(i)
    copy_groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        copy_groups[copies_uf.find(i)].append(i)
    stories: list[Story] = []
    for root in sorted(members):
        idx = sorted(members[root])
        first = ordered[idx[0]]
        dups = [[ordered[k].id for k in sorted(g)] for r, g in sorted(copy_groups.items())
                if len(g) > 1 and stories_uf.find(r) == root]
        dated = [p for p in (ordered[k].metadata.published for k in idx) if p]
        stories.append(Story(
            id=story_id(first.id),
            article_ids=[ordered[k].id for k in idx],
            title=first.metadata.title or _first_line(first.text),
            duplicates=dups,
            first_published=min(dated) if dated else None,
            last_published=max(dated) if dated else None,
        ))
    return stories


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None
