"""Small text utilities shared by detectors: sentences, framing (negation, quotation), spans."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from postguard import fastre

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+|\n+")

# Words that, shortly before a hit, mean the writer is negating it ("I don't think X are ...").
_NEGATORS = re.compile(
    r"\b(?:not|no|never|nobody|none|neither|nor|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|"
    r"weren'?t|won'?t|wouldn'?t|shouldn'?t|can'?t|cannot|couldn'?t|mustn'?t|stop|avoid|refuse)\b|"
    r"n't\b",
    re.IGNORECASE,
)

_HEDGE_INTRO = re.compile(
    r"\b(?:not being (?:funny|rude|racist|funny or anything)|no offen[cs]e|i'?m not (?:being )?(?:racist|sexist|homophobic)|"
    r"not to be (?:rude|funny))\b,?\s*(?:but)?",
    re.IGNORECASE,
)
# "Don't you think...", "Isn't it true...": questions that assert, not negations.
_RHETORICAL = re.compile(r"\s+(?:you|it|they|we|he|she|everyone|anyone)\b", re.IGNORECASE)

# Frames that report, quote or reject what follows instead of asserting it (counter-speech).
_REPORTING = fastre.compile(
    r"\b(?:say(?:s|ing)?|said|told|tells me|telling me|calling|called|call (?:them|him|her|me|you|us|someone|people)|claim(?:s|ing|ed)?|"
    r"hear(?:d|ing)?|wrote|writes|post(?:ed|s)?|tweet(?:ed|s)?|comment(?:ed|s)?|"
    r"sent|message[ds]?|shout(?:ed|ing)?|yell(?:ed|ing)?|chant(?:ed|ing)?|"
    r"quot(?:es|ed|ing)|the quote|screenshot|reported|accused|"
    r"phrases? like|words like|comments? like|language like|the idea that|the myth that|the lie that|"
    r"the trope that|the stereotype that|stereotypes? (?:about|of|that)|myths? about|"
    r"(?:is|are|was|it'?s) (?:a )?(?:myth|lie|wrong|false|untrue|harmful|hateful|racist|sexist|"
    r"bigoted|offensive|unacceptable))\b",
    re.IGNORECASE,
)

# Rejections that follow a quoted or reported hit: "... is racist", "... is not okay".
_REJECTION_AFTER = re.compile(
    r"^[\"'”’)\s]*(?:,|-|–|—)?\s*(?:is|are|was|were|it'?s|that'?s|this is|has|have)?\s*"
    r"(?:not ok(?:ay)?|never ok(?:ay)?|not acceptable|unacceptable|racist|sexist|homophobic|"
    r"transphobic|ableist|bigoted|hateful|hate speech|abuse|abusive|harmful|wrong|disgusting|"
    r"vile|a lie|a myth|false|untrue|offensive|dehumanising|dehumanizing|discrimination|"
    r"not (?:funny|true|banter)|no (?:joke|excuse)|(?:a|an) (?:\w+ )?(?:comment|statement|thing to say|"
    r"remark|view|slur|insult)|(?:something|what) (?:\w+ )?(?:people|trolls|bigots) (?:say|post|write))\b",
    re.IGNORECASE,
)


# Counter-speech that refers to hate without quoting it: naming the prejudice ("... is
# sexism", "antisemites"), or condemning an act ("Mocking disabled people is cruel").
_PREJUDICE = re.compile(
    r"\b(?:racis[mt]s?|sexis[mt]s?|homophob(?:ia|ic|es?)|transphob(?:ia|ic|es?)|biphob(?:ia|ic)|"
    r"islamophob(?:ia|ic)|antisemit(?:ism|ic|es?)|ableis[mt]|misogyn(?:y|ist|istic)|xenophob(?:ia|ic)|"
    r"bigot(?:s|ry|ed)?|hatred|hate speech|dehumani[sz]ing|eugenics|prejudice[ds]?|"
    r"discriminat(?:ion|ory)|erasure)\b",
    re.IGNORECASE,
)
_ACT_OPENING = re.compile(
    r"^\W*(?:describing|calling|comparing|mocking|ridiculing|treating|wishing|stereotyping|harassing|"
    r"using|saying|claiming|pretending|accusing|blaming|telling|label(?:l)?ing|the (?:idea|notion|myth) that)\b",
    re.IGNORECASE,
)
_CONDEMNED = re.compile(
    r"\b(?:(?:is|are|was|isn'?t|aren'?t)\s+(?:\w+\s+){0,2}(?:cruel|shameful|cowardly|vile|disgusting|"
    r"unacceptable|never (?:ok(?:ay)?|acceptable)|not (?:ok(?:ay)?|acceptable|funny|banter)|wrong|harmful|"
    r"dangerous|a lie|a myth)|has to stop|should be ashamed|needs to stop|must stop)\b",
    re.IGNORECASE,
)


def condemns_hate(text: str) -> bool:
    """The text names a prejudice or condemns a hateful act: counter-speech by reference."""
    return bool(_PREJUDICE.search(text)) or bool(_ACT_OPENING.search(text) and _CONDEMNED.search(text))


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Sentence spans, split on end punctuation and line breaks (good enough for posts)."""
    spans: list[Span] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > pos:
            spans.append(Span(pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append(Span(pos, len(text)))
    return spans or [Span(0, len(text))]


def sentence_at(text: str, offset: int, spans: Iterable[Span] | None = None) -> Span:
    for span in spans if spans is not None else sentences(text):
        if span.start <= offset < span.end:
            return span
    return Span(0, len(text))


def is_negated(text: str, start: int, window: int = 40, sentence_start: int = 0) -> bool:
    """A negator shortly before ``start``, in the same sentence ("I don't think they're ...")."""
    left = text[max(sentence_start, start - window) : start]
    left = _HEDGE_INTRO.sub("", left)  # "not being funny but ..." introduces, it does not negate
    question = text.find("?", start) != -1 and "." not in text[start : text.find("?", start)]
    return any(
        not _RHETORICAL.match(left, m.end()) and not (question and not left[: m.start()].strip(" \"'(why"))
        for m in _NEGATORS.finditer(left)
    )


def inside_quotes(text: str, start: int, end: int, sentence: Span) -> bool:
    """The hit sits between quotation marks within its sentence."""
    before = text[sentence.start : start]
    after = text[end : sentence.end]
    opened = sum(before.count(q) for q in '"“«') % 2 == 1 or ("“" in before and "”" not in before)
    single = (
        before.count("‘") > before.count("’")
        or (before.count("'") - len(re.findall(r"\w'\w", before))) % 2 == 1
    )
    closes = any(q in after for q in "\"”»’'")
    return (opened or single) and closes


def is_reported(text: str, start: int, end: int, sentence: Span | None = None) -> bool:
    """The hit is quoted, reported or rejected rather than asserted: counter-speech."""
    sentence = sentence or sentence_at(text, start)
    left = text[max(sentence.start, start - 60) : start]
    if _REPORTING.search(left):
        return True
    if inside_quotes(text, start, end, sentence):
        return True
    return bool(_REJECTION_AFTER.match(text[end : min(len(text), end + 60)]))


def excerpt(text: str, start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    return text[start:end]
