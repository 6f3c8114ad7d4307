"""Page chrome: lines that belong to the page, not to the article.

Input: one line of text. Output: a :class:`ChromeMatch` (kind ``views``,
``source_label``, ``comment_policy``, ``share``, ``related`` or ``other``, a
value — the read count for ``views``, the named source for ``source_label`` —
and the language of the pattern's words) or ``None``. The patterns are data
(``storyline/data/chrome.json``), whole-line regular expressions in English,
Turkish, German, French, Spanish, Russian, Portuguese, Italian and a few more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import chrome_rules

MAX_CHROME_CHARS = 400

_BULLET = re.compile(r"^[\s\-–—•·*|>]+")


@dataclass(frozen=True)
class ChromeMatch:
    kind: str
    value: int | str | None
    language: str | None
    starts_list: bool = False  # a bare header ("Related:", "Read more") whose following short lines are items


def _count(raw: str) -> int | None:
    digits = re.sub(r"[^\d]", "", raw)
    return int(digits) if digits else None


def match_chrome(line: str) -> ChromeMatch | None:
    """What kind of chrome ``line`` is, or ``None`` when it is not chrome."""
    text = " ".join(line.split())
    if not text or len(text) > MAX_CHROME_CHARS:
        return None
    candidates = [text]
    unbulleted = _BULLET.sub("", text)
    if unbulleted and unbulleted != text:
        candidates.append(unbulleted)
    for candidate in candidates:
        for rule in chrome_rules():
            m = rule.regex.fullmatch(candidate)
            if m is None:
                continue
            value: int | str | None = None
            raw = m.groupdict().get("value")
            if rule.value == "int" and raw:
                value = _count(raw)
            elif rule.value == "text" and raw and raw.strip():
                value = raw.strip()
            bare = rule.starts_list and (not m.groupdict().get("value")) and not re.search(r":\s*\S", candidate)
            return ChromeMatch(rule.kind, value, rule.language, bare)
    return None


def looks_like_list_item(line: str) -> bool:
    """A short line that can be one item of a related-links list (a headline, a bullet)."""
    text = line.strip()
    if not text or len(text) > 200:
        return False
    if _BULLET.match(text):
        return True
    return not text.rstrip("\"'”’)]").endswith((".", ":", ";")) and len(text.split()) <= 25
