"""One normalisation step in front of every text detector, with offsets back to what was typed.

Real posts are written in styled letters (LinkedIn's 𝗯𝗼𝗹𝗱 and 𝘪𝘵𝘢𝘭𝘪𝘤, fullwidth, circled, small
capitals), padded with invisible characters (zero-width spaces, soft hyphens, variation
selectors, emoji joiners) and full of emoji, links, @mentions and #hashtags. Patterns and the
classifier should read the words, not the typography:

- ``normalize`` folds the text for the detectors (Unicode NFKC, styled letters to plain ones,
  invisible characters dropped) and keeps, for every character, where it came from, so a
  finding's excerpt and highlight are exact in the original.
- ``for_model`` is what the classifier reads (in training too): that text with links and
  mentions as placeholders, hashtags as their words and emoji by name, so an emoji is a meaning
  the model can weigh, not an unknown token it learnt to fear.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import emoji

# Characters that change nothing a reader sees: dropped before detection.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
# Letters NFKC leaves styled: small capitals and the negative circled / squared Latin capitals.
_SMALL_CAPS = dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrstuvwyz", strict=True))
_LETTER_SQUARES = {
    **{chr(0x1F150 + i): chr(ord("A") + i) for i in range(26)},  # negative circled
    **{chr(0x1F170 + i): chr(ord("A") + i) for i in range(26)},  # negative squared
}
_FOLD = {**_SMALL_CAPS, **_LETTER_SQUARES}


@dataclass(frozen=True)
class Normalized:
    """The folded text and, per character, the span of the original it came from (empty when
    nothing was folded: then every offset is its own)."""

    original: str
    text: str
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``text`` as the span of ``original`` it covers."""
        if not self.changed:
            return start, end
        if start >= len(self.text):
            return len(self.original), len(self.original)
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[min(end, len(self.text)) - 1]

    @property
    def changed(self) -> bool:
        return self.text != self.original


def _clusters(text: str) -> list[tuple[int, int]]:
    """A base character with the combining marks after it: NFKC composes within these."""
    spans: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if spans and unicodedata.combining(ch) and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans


def normalize(text: str) -> Normalized:
    """NFKC, styled letters folded, invisible characters dropped; offsets kept."""
    if text.isascii() or (
        unicodedata.is_normalized("NFKC", text)
        and not _INVISIBLE.search(text)
        and not _FOLD.keys() & set(text)
    ):
        return Normalized(text, text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        chunk = text[start:end]
        if _INVISIBLE.fullmatch(chunk):
            continue
        folded = _INVISIBLE.sub("", unicodedata.normalize("NFKC", _FOLD.get(chunk, chunk)))
        out.append(folded)
        starts += [start] * len(folded)
        ends += [end] * len(folded)
    return Normalized(text, "".join(out), tuple(starts), tuple(ends))


_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"(?:\bRT\s+)?(?<![\w@])@\w+(?:@[\w.-]+\w)?:?")
_HASHTAG = re.compile(r"(?<![\w#&])#(\w+)")
_CAMEL = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|\b|\d)|[A-Z]?[a-z]+|[A-Z]+|\d+")
_SPACE = re.compile(r"\s+")


def _hashtag_words(match: re.Match[str]) -> str:
    """'#MentalHealthAwareness' reads as 'mental health awareness'."""
    words = _CAMEL.findall(match.group(1).replace("_", " ")) or [match.group(1)]
    return " ".join(words)


@cache
def _emoji_name(symbol: str) -> str:
    name = emoji.demojize(symbol, delimiters=("", "")).replace("_", " ")
    return f" {name.strip()} " if name != symbol else " "


def for_model(text: str) -> str:
    """What the classifier reads: folded, links and mentions as placeholders, hashtags as words,
    emoji by name ("🎉" → "party popper"); whitespace collapsed."""
    # emoji first: their joiners and variation selectors make one picture ("🏳️‍🌈" rainbow flag)
    if not text.isascii():
        text = emoji.replace_emoji(text, replace=lambda symbol, _data: _emoji_name(symbol))
        text = normalize(text).text
    text = _URL.sub(" http://link ", text)
    text = _MENTION.sub(" @user ", text)
    text = _HASHTAG.sub(_hashtag_words, text)
    return _SPACE.sub(" ", text).strip()
