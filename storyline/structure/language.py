"""Language identification with lingua (``lingua-language-detector``).

Input: text (an article body, a chrome line). Output: its ISO 639-1 code, or
``None`` for empty or undecidable text.

The detector is built once, lazily, on first use, and restricted to 24
languages: the major languages of international news (English, the main
European languages, Russian and Ukrainian, Turkish, Arabic, Persian, Hebrew,
Hindi, Chinese, Japanese, Korean, Indonesian). Loading every one of lingua's
75 language models costs seconds and hundreds of MB and makes short texts
less certain (more close neighbours to confuse); news the pipeline reads is
almost always in one of these. Only the first 1,500 characters are
looked at: a body's language is settled long before that.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

LOGGER = logging.getLogger(__name__)

LANGUAGES = (
    "ENGLISH", "TURKISH", "GERMAN", "FRENCH", "SPANISH", "PORTUGUESE", "ITALIAN", "DUTCH", "POLISH", "CZECH",
    "SWEDISH", "ROMANIAN", "HUNGARIAN", "GREEK", "RUSSIAN", "UKRAINIAN", "ARABIC", "PERSIAN", "HEBREW",
    "HINDI", "CHINESE", "JAPANESE", "KOREAN", "INDONESIAN",
)
MAX_CHARS = 1500
MIN_LETTERS = 12

_LOCK = threading.Lock()
_DETECTOR: Any = None


def _detector() -> Any:
    global _DETECTOR
    if _DETECTOR is None:
        with _LOCK:
            if _DETECTOR is None:
                from lingua import Language, LanguageDetectorBuilder

                languages = [getattr(Language, name) for name in LANGUAGES]
                _DETECTOR = LanguageDetectorBuilder.from_languages(*languages).build()
    return _DETECTOR


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, ``None`` when there is too little text to tell."""
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return str(language.iso_code_639_1.name).lower()
