"""SM501: answers to common account-recovery questions, and quizzes that harvest them.

A security topic (first pet, first car, first school, mother's maiden name, birthplace, the
street you grew up on, date of birth) with either an answer ("my first pet was a hamster called
Nibbles", "Birthplace: Truro") or a prompt for other people's answers ("your rapper name is your
first car + ...", "drop yours below"). Advice not to share these is not a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence

_DATE_WITH_YEAR = (
    r"\d{1,2}(?:st|nd|rd|th)?[\s/.-]+(?:\d{1,2}|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|"
    r"sep\w*|oct\w*|nov\w*|dec\w*)[\s/.,-]+(?:19|20)\d{2}"
)
_TOPIC = fastre.compile(
    r"\b(?:(?:my|your|ur|the) )?(?:very )?(?:first|1st)(?: ever)? (?:pet|dog|cat|hamster|rabbit|budgie|goldfish|"
    r"guinea pig|pony|car|school|teacher|job|boss|concert|gig|street|house|phone)\b|"
    r"\b(?:childhood|first) (?:best friend|pet|home|house|street|nickname|crush)\b|"
    r"\b(?:mother|mum|mom|mam)(?:'?s|’s)? maiden name\b|\bmaiden name\b|"
    r"\b(?:street|road) (?:you|i|we) grew up (?:on|in)\b|\bgrew up on\b|\bgrowing up on\b|"
    r"\bchildhood home on\b|\bbirthplace\b|\bborn and (?:bred|raised) in\b|\b(?:i was|i were) born in\b|"
    r"\bborn in (?-i:[A-Z])|\b(?:my|our) (?:old|first) (?:primary|infants|juniors|junior school|secondary)\b|"
    r"\bstarted at (?-i:[A-Z]\w+) (?:infants|juniors|primary)\b|"
    rf"\b(?:d\.?o\.?b\.?|date of birth|born on|birthday)\b[^\n]{{0,40}}?{_DATE_WITH_YEAR}|"
    rf"\b{_DATE_WITH_YEAR}\b[^\n]{{0,30}}?\b(?:birthday|born|arrived)|"
    r"\b(?:model|colour|color|make) of your first car\b",
    re.IGNORECASE,
)
_ANSWER = re.compile(
    r"\b(?:was|were|is|called|named|a|an)\b|:\s*\S|(?-i:\b[A-Z][a-z]+\b)|\b(?:19|20)\d{2}\b",
)
_PROMPT = re.compile(
    r"\b(?:your|ur|yours|drop|share|comment|reply|replies|name your|what'?s|what was|what were|"
    r"tell (?:me|us)|your turn|game|quiz|challenge|i'?m|i'?d be|mine'?s?)\b|\+|=",
    re.IGNORECASE,
)
_ADVICE = re.compile(
    r"\b(?:don'?t|do not|never|avoid|stop|think twice|careful|beware|warning|psa|reminder|scam|"
    r"hackers?|security questions?|harvest\w*|phishing|data[- ]mining|these quizzes|these games|"
    r"social engineering|fraudsters?|not (?:a )?(?:good|great) idea)\b",
    re.IGNORECASE,
)


@register
class SecurityQuestionsDetector(Detector):
    name = "security_questions"
    rules = ("SM501",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        if _ADVICE.search(text):
            return
        for m in _TOPIC.finditer(text):
            sentence = post.sentence_at(m.start())
            after = text[m.end() : min(sentence.end, m.end() + 60)]
            around = text[sentence.start : sentence.end]
            if _PROMPT.search(around) and re.search(
                r"\b(?:your|ur|yours|drop|name your|share)\b|\+|=", around, re.I
            ):
                form = "a quiz that harvests security answers"
            elif _ANSWER.search(after) or re.search(r"\d{4}", m.group(0)):
                form = "an answer to a security question"
            else:
                continue
            index = post.sentence_index(m.start())
            last = post.sentences[min(len(post.sentences) - 1, index + 1)]
            yield Evidence(
                rule="SM501",
                message=f"this posts {form}",
                start=min(m.start(), sentence.start),
                end=max(m.end(), last.end),
                score=0.8,
                detector=self.name,
                suggestion=(
                    "Leave the detail out and skip quizzes that ask for it; if you have used it as a "
                    "security answer, change that answer."
                ),
            )
            return
