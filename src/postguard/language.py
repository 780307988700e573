"""Is the post in English? postguard's rules are English; anything else is reported unchecked.

The script decides first (Han, Kana, Hangul, Arabic, Cyrillic... are never English); a post
with no words at all (emoji, numbers, versions, hashes, links, @mentions) has nothing for the
text rules to read. Then a cheap gate (share of common English words) clears almost every
English post; only the rest reach lingua's detector, loaded lazily with a short list of likely
languages, which must be confident before a short reply is called another language.
"""

from __future__ import annotations

import re
import unicodedata
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

# Short replies that are plainly English though they hold none of the words above.
_ENGLISH_SHORT = frozenset(
    [
        "yes",
        "yeah",
        "yep",
        "yup",
        "nope",
        "ok",
        "okay",
        "lol",
        "lmao",
        "omg",
        "wow",
        "aw",
        "aww",
        "haha",
        "hahaha",
        "hehe",
        "ha",
        "oh",
        "hi",
        "hey",
        "hello",
        "bye",
        "congrats",
        "congratulations",
        "cheers",
        "ta",
        "thx",
        "ty",
        "nice",
        "cool",
        "same",
        "sure",
        "thing",
        "things",
        "done",
        "yay",
        "agreed",
        "absolutely",
        "definitely",
        "exactly",
        "indeed",
        "true",
        "totally",
        "brilliant",
        "amazing",
        "awesome",
        "lovely",
        "beautiful",
        "gorgeous",
        "stunning",
        "wonderful",
        "fab",
        "fabulous",
        "gutted",
        "sorry",
        "happy",
        "birthday",
        "christmas",
        "merry",
        "welcome",
        "morning",
        "night",
        "evening",
        "afternoon",
        "weekend",
        "tonight",
        "tomorrow",
        "yesterday",
        "soon",
        "later",
        "again",
        "always",
        "never",
        "ever",
        "maybe",
        "perhaps",
        "please",
        "thanks",
        "thank",
        "bless",
        "blessed",
        "cute",
        "sweet",
        "proud",
        "excited",
        "tired",
        "hungry",
        "sad",
        "mad",
        "glad",
        "bad",
        "fine",
        "best",
        "better",
        "worst",
        "right",
        "wrong",
        "wait",
        "what",
        "why",
        "where",
        "when",
        "who",
        "how",
        "news",
        "update",
        "follow",
        "listen",
        "watch",
        "read",
        "look",
        "check",
        "pic",
        "photo",
        "video",
        "link",
        "here",
        "there",
        "back",
        "home",
        "work",
        "job",
        "team",
        "friend",
        "friends",
        "family",
        "mum",
        "dad",
        "mom",
        "baby",
        "kids",
        "cat",
        "dog",
        "coffee",
        "tea",
        "lunch",
        "dinner",
    ]
)
_LETTERS_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
_NOT_WORDS = re.compile(
    r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]++@[^\s@]+\.\w+|(?<![\w@])@\w+(?:@[\w.-]+)?", re.IGNORECASE
)
# Scripts whose letters are never English; the language when lingua cannot say which it is.
_SCRIPT_LANGUAGE = {
    "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "ARABIC": "ar", "CYRILLIC": "ru",
    "DEVANAGARI": "hi", "GREEK": "el", "HEBREW": "he", "THAI": "th", "BENGALI": "bn", "GURMUKHI": "pa",
    "TAMIL": "ta", "TELUGU": "te", "GUJARATI": "gu", "KANNADA": "kn", "MALAYALAM": "ml",
    "SINHALA": "si", "ARMENIAN": "hy", "GEORGIAN": "ka", "ETHIOPIC": "am", "KHMER": "km", "LAO": "lo",
    "MYANMAR": "my", "TIBETAN": "bo",
}  # fmt: skip
# What detect_language returns for a post with no words at all (ISO 639-2 "no linguistic content").
NO_WORDS = "zxx"
LINGUA_SURE = 0.6  # confidence lingua needs to call a short post another language


def _words(readable: str) -> list[str]:
    """The words of a post (links, @mentions and emails already blanked): letters only, so
    numbers, versions, hashes and emoji are not words ("bd03b8f", "v2.3.1", "40/40" have none)."""
    return [
        token.lower()
        for raw in _TOKEN.findall(readable)
        if not any(ch.isdigit() for ch in raw)
        for token in _LETTERS_WORD.findall(raw)
        if len(token) >= 2 or token.lower() in ("i", "a")
    ]


def _script(readable: str) -> str | None:
    """The non-Latin script most of the letters are written in, if most are."""
    if readable.isascii():
        return None
    counts: dict[str, int] = {}
    latin = 0
    for ch in readable:
        if not ch.isalpha():
            continue
        if ch.isascii():
            latin += 1
            continue
        name = unicodedata.name(ch, "").split(" ")[0]
        if name == "LATIN":
            latin += 1
        else:
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda name: counts[name])
    return best if sum(counts.values()) > latin else None


def looks_english(found: list[str]) -> bool:
    """Enough common English words among a post's words (used on posts of four or more)."""
    return sum(w in _ENGLISH for w in found) / len(found) >= 0.12


@cache
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _LANGUAGES if hasattr(Language, name)]
    # low-accuracy mode keeps only trigram models: ~10x less memory, still right on whole posts
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the post's language, 'en' when it is (or may well be) English, and
    NO_WORDS when it has no words to read (only emoji, numbers, links or mentions).

    The script decides first (Han, Kana, Hangul, Arabic, Cyrillic, ... are never English);
    then a post of four words or more is English when enough of them are common English words,
    and a short one when any is, or when lingua is not confident it is another language."""
    readable = _NOT_WORDS.sub(" ", text)
    script = _script(readable)
    if script is not None:
        code = _lingua(text)
        return code if code not in (None, "en") else _SCRIPT_LANGUAGE.get(script, "und")
    found = _words(readable)
    if not found:
        return NO_WORDS
    if len(found) >= 4:
        return "en" if looks_english(found) else _lingua(text) or "en"
    if any(w in _ENGLISH or w in _ENGLISH_SHORT for w in found):
        return "en"
    values = _detector().compute_language_confidence_values(" ".join(found))
    if values and values[0].value >= LINGUA_SURE:
        return str(values[0].language.iso_code_639_1.name).lower()
    return "en"


def _lingua(text: str) -> str | None:
    language = _detector().detect_language_of(text)
    return None if language is None else str(language.iso_code_639_1.name).lower()


def language_name(code: str) -> str:
    if code == NO_WORDS:
        return "no words (only emoji, numbers, links or mentions)"
    if code == "und":
        return "another script"
    try:
        from lingua import IsoCode639_1, Language

        return str(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())).name).title()
    except (ImportError, AttributeError, ValueError):
        return code
