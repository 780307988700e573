"""Is the post in English? postguard's rules are English; anything else is reported unchecked.

A cheap gate (share of common English words) clears almost every English post; only the rest
reach lingua's detector, loaded lazily with a short list of likely languages.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_ENGLISH = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "day",
        "did",
        "do",
        "does",
        "don't",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "i'm",
        "if",
        "in",
        "into",
        "is",
        "it",
        "it's",
        "just",
        "know",
        "like",
        "me",
        "more",
        "my",
        "new",
        "no",
        "not",
        "now",
        "of",
        "on",
        "one",
        "only",
        "or",
        "our",
        "out",
        "people",
        "really",
        "see",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "they",
        "this",
        "time",
        "to",
        "today",
        "too",
        "up",
        "us",
        "very",
        "was",
        "we",
        "well",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "thank",
        "thanks",
        "please",
        "great",
        "good",
        "love",
        "feel",
        "help",
        "really",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LANGUAGES = [
    "ENGLISH",
    "FRENCH",
    "GERMAN",
    "SPANISH",
    "ITALIAN",
    "PORTUGUESE",
    "DUTCH",
    "WELSH",
    "IRISH",
    "POLISH",
    "ROMANIAN",
    "TURKISH",
    "ARABIC",
    "URDU",
    "HINDI",
    "BENGALI",
    "PUNJABI",
    "CHINESE",
    "JAPANESE",
    "KOREAN",
    "RUSSIAN",
    "UKRAINIAN",
    "GREEK",
    "SWEDISH",
    "DANISH",
    "FINNISH",
    "SOMALI",
    "LITHUANIAN",
    "CZECH",
    "HUNGARIAN",
]


def looks_english(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 4:
        return True  # too short to judge: check it rather than skip it
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.12


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LANGUAGES if hasattr(Language, name)]
    # low-accuracy mode keeps only trigram models: ~10x less memory, still right on whole posts
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the post's language, 'en' when it is (or may well be) English."""
    if looks_english(text):
        return "en"
    language = _detector().detect_language_of(text)
    if language is None:
        return "en"
    return str(language.iso_code_639_1.name).lower()


def language_name(code: str) -> str:
    try:
        from lingua import IsoCode639_1, Language

        return str(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name).title()
    except (ImportError, AttributeError, ValueError):
        return code
