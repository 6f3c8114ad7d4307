"""Bylines and credit lines to author names (people only).

Inputs: one line (:func:`parse_byline`, :func:`parse_credits`) or a metadata
author field (:func:`clean_authors`). Outputs: person names, without "By",
agency names (``storyline/data/agencies.json``), job titles, e-mail
addresses, handles or dates.

Forms read: "By X and Y", "By X, Y and Z", "X | Reuters", "Written by X",
"X and Y, Reuters", "Von X" / "Par X" / "Por X", "Author: X",
"Reporting by X; Editing by Y" (the reporters and writers, not editors),
"X contributed to this report". Markers and role words are data
(``storyline/data/structure.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import find_dates
from .patterns import find_agency, lexicon, month_number, word_set

MAX_BYLINE_CHARS = 200

_EMAIL = re.compile(r"\S+@\S+\.\S+|@\w+|(?:https?://|www\.)\S+")
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’.\-]*|[^\W\d_]\.)$")
_SPLIT_SEGMENTS = re.compile(r"\s*(?:\||;|/|·|•|\s[-–—]\s|\n)\s*")


@dataclass
class Byline:
    """A byline's reading: the people, and the agencies it names."""

    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)


def _is_upper_start(token: str) -> bool:
    return bool(token) and token[0].isupper()


def looks_like_name(text: str) -> bool:
    """Two to five capitalised name words (particles like "van", "al-" allowed), no digits, no role words."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or len(text) > 60:
        return False
    particles = word_set("name_particles")
    banned = word_set("not_name_words")
    capitals = 0
    for token in tokens:
        if not _NAME_TOKEN.match(token):
            return False
        low = token.casefold().strip(".,")
        if low in banned:
            return False
        if low in particles:
            continue
        head, _, tail = token.partition("-")
        if tail and head.casefold() in particles and _is_upper_start(tail):
            capitals += 1  # "al-Masri", "el-Sisi", "bin-Laden"
            continue
        if not _is_upper_start(token):
            return False
        capitals += 1
    return capitals >= 2 or (capitals >= 1 and len(tokens) >= 2 and tokens[0].casefold() not in particles)


def _normalise_name(text: str) -> str:
    words = text.split()
    honorifics = word_set("name_honorifics")
    while len(words) > 2 and words[0].casefold() in honorifics:
        words.pop(0)  # "Dr. Amara Okonkwo" -> "Amara Okonkwo"
    name = " ".join(words).strip(" ,.;:|-–—'\"")
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                        for w in name.split())
    return name


@lru_cache(maxsize=1)
def _conjunction_regex() -> re.Pattern[str]:
    words = sorted(word_set("conjunctions") - {"i", "a", "e", "y", "en"}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s*,\s*(?:(?:{alt})\s+)?|\s+(?:{alt}|e|y|i|en)\s+", re.IGNORECASE)


def _strip_place(piece: str) -> str:
    # "Jane Doe in Kyiv", "Jane Doe in New York" -> "Jane Doe"; "Jane Doe March" (a date cut short) -> "Jane Doe"
    piece = re.sub(r"\s+(?:in|from|à|en|aus|em|из|в)\s+[^\W\d_][\w'’.\- ]*$", "", piece)
    words = piece.split()
    while len(words) > 2 and month_number(words[-1]) is not None:
        words.pop()
    return " ".join(words)


def split_names(text: str) -> Byline | None:
    """People and agencies of a byline body ("X and Y, Reuters"); ``None`` when some piece is neither
    a name, an agency nor a role/title (so the text is not a byline)."""
    text = _EMAIL.sub(" ", text)
    for found in reversed(find_dates(text)):
        text = text[:found.start] + " " + text[found.end:]
    result = Byline()
    banned = word_set("not_name_words")
    unknown = 0
    for segment in _SPLIT_SEGMENTS.split(text):
        segment = segment.strip(" ,.;:()[]")
        if not segment:
            continue
        agency = find_agency(segment)
        if agency is not None:
            result.agencies.append(agency.name)
            continue
        for piece in _conjunction_regex().split(segment):
            piece = _strip_place(piece.strip(" ,.;:()[]"))
            if not piece:
                continue
            agency = find_agency(piece)
            if agency is not None:
                result.agencies.append(agency.name)
            elif looks_like_name(piece):
                name = _normalise_name(piece)
                if name not in result.authors:
                    result.authors.append(name)
            elif any(w.casefold().strip(".,") in banned for w in piece.split()) or re.fullmatch(r"[\d\W]*", piece):
                # a job title, a desk, a time: dropped; "Reuters Staff" still names its agency
                kept = " ".join(w for w in piece.split() if w.casefold().strip(".,") not in banned)
                agency = find_agency(kept) if kept else None
                if agency is not None:
                    result.agencies.append(agency.name)
            else:
                unknown += 1
    if unknown:
        return None
    return result


@lru_cache(maxsize=1)
def _prefix_regex() -> re.Pattern[str]:
    plain = sorted(lexicon().get("byline_prefixes", []), key=len, reverse=True)
    labels = sorted(lexicon().get("byline_label_prefixes", []), key=len, reverse=True)
    p = "|".join(re.escape(w) for w in plain)
    lab = "|".join(re.escape(w) for w in labels)
    return re.compile(rf"^\s*(?:(?:{lab})\s*:\s*|(?:{p})\s+(?=\S))", re.IGNORECASE)


def parse_byline(line: str) -> Byline | None:
    """A header byline's reading, or ``None`` when ``line`` is not a byline.

    A byline starts with a marker ("By", "Written by", "Von", "Author:") or
    names an agency after the people ("X | Reuters", "X and Y, Reuters"); a
    marker followed by only an agency or desk ("By Reuters Staff") is a
    byline with no authors."""
    text = " ".join(line.split())
    if not text or len(text) > MAX_BYLINE_CHARS:
        return None
    m = _prefix_regex().match(text)
    if m is not None:
        if m.group(0).strip().casefold() == "by" and not text[:2] == "By" and not text[:2] == "BY":
            return None
        rest = text[m.end():]
        parsed = split_names(rest)
        if parsed is not None and (parsed.authors or parsed.agencies or only_roles(rest)):
            return parsed
        return None
    parsed = split_names(text)
    if parsed is not None and parsed.authors and parsed.agencies:
        return parsed
    return None


def only_roles(text: str) -> bool:
    """Nothing but role and desk words ("Political correspondent", "Staff Writer")."""
    banned = word_set("not_name_words")
    words = [w.casefold().strip(".,") for w in re.findall(r"[^\W\d_][\w'’.\-]*", text)]
    return bool(words) and all(w in banned for w in words)


def parse_bare_names(line: str) -> Byline | None:
    """A header line that is nothing but person names ("Jane Doe and John Roe")."""
    text = " ".join(line.split())
    if not text or len(text) > 120 or text.endswith((".", "?", "!", ":")):
        return None
    parsed = split_names(text)
    if parsed is not None and parsed.authors:
        return parsed
    return None


@lru_cache(maxsize=1)
def _role_regex() -> re.Pattern[str]:
    roles = lexicon().get("credit_roles", {})
    alt = "|".join(re.escape(r) for r in sorted([*roles.get("author", []), *roles.get("other", [])],
                                                key=len, reverse=True))
    return re.compile(rf"(?:^|[;,.]?\s*(?:with\s+|and\s+)?)\b(?P<role>{alt})\s+by\s+", re.IGNORECASE)


_CONTRIB = re.compile(
    r"^(?P<names>.{3,200}?)\s+(?:also\s+)?contributed(?:\s+(?:reporting|to this (?:report|story|article)|"
    r"additional reporting|research|from [\w .,'-]+))+\.?$",
    re.IGNORECASE,
)


def parse_credits(line: str) -> Byline | None:
    """A credit line ("Reporting by X and Y; Editing by Z", "X contributed to this report"): the
    reporters and writers as authors (contributors and editors are not); ``None`` when ``line`` is not one."""
    text = " ".join(line.split()).strip()
    inner = text[1:-1] if text.startswith("(") and text.endswith(")") else text
    if not inner or len(inner) > 400:
        return None
    if _CONTRIB.match(inner) is not None:
        return Byline()
    matches = list(_role_regex().finditer(inner))
    if not matches or matches[0].start() != 0:
        return None
    author_roles = {r.casefold() for r in lexicon().get("credit_roles", {}).get("author", [])}
    result = Byline()
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(inner)
        parsed = split_names(inner[m.end():end].strip(" .;,)"))
        if parsed is None:
            return None
        if m.group("role").casefold() in author_roles:
            result.authors.extend(a for a in parsed.authors if a not in result.authors)
        result.agencies.extend(parsed.agencies)
    return result


def clean_authors(raw: str | None) -> list[str]:
    """A metadata author field ("Jane Doe; Reuters", "By JANE DOE, Staff Writer") to person names."""
    if not raw:
        return []
    text = _prefix_regex().sub("", raw.strip())
    names: list[str] = []
    for part in re.split(r"\s*[;|]\s*|\s*,\s*(?=by\s)", text):
        part = re.sub(r"\([^)]*\)", " ", _prefix_regex().sub("", part))
        words = part.split()
        while len(words) > 2 and words[-1][:1].islower() and words[-1].casefold() not in word_set("name_particles"):
            words.pop()  # a stray trailing word of the page ("před", "http")
        parsed = split_names(" ".join(words))
        if parsed is None:
            continue
        names.extend(a for a in parsed.authors if a not in names)
    return names
