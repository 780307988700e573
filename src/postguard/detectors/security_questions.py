"""SM501: answers to common account-recovery questions, and quizzes that harvest them.

First pet, mother's maiden name, birthplace, first school, first car, the street you grew up on,
date of birth. Advice not to share these, and talk about a current pet, are not findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.text import is_negated

_TOPIC = (
    r"(?:(?:my|your|ur|our) )?(?:first|1st|childhood|favourite childhood) (?:pet|dog|cat|hamster|rabbit|"
    r"budgie|goldfish|car|school|teacher|job|boss|love|kiss|concert|gig|holiday|street|house|"
    r"best friend|crush|phone)|(?:mother|mum|mom|mam)(?:'?s|’s)? maiden name|maiden name|"
    r"(?:the )?street (?:you|i|we) grew up (?:on|in)|road (?:you|i|we) grew up on|"
    r"(?:town|city|place|hospital) (?:you were|i was|we were) born|birthplace|born in|"
    r"primary school|(?:the )?name of your (?:first|childhood)|favourite (?:teacher|colour|band|film|food) "
    r"(?:as a kid|growing up|at school)|(?:your|ur) (?:birth|star) sign|"
    r"(?:your|ur) (?:lucky number|middle name)|(?:year|date) (?:you were|i was) born|"
    r"date of birth|d\.?o\.?b\.?|(?:my|your) birthday is"
)
_QUIZ = re.compile(
    rf"\b(?:your|ur)\s+(?:\w+\s+){{0,3}}(?:name|alter ego|title|identity)\s+(?:is|=)\s+(?:your|ur)?\s*(?:{_TOPIC})|"
    rf"\b(?:what(?:'s| is| was)|tell (?:me|us)|share|comment|drop|reply with|name) (?:\w+\s+){{0,3}}"
    rf"(?:your|ur)\s+(?:{_TOPIC})\b|"
    rf"\b(?:{_TOPIC})\s*\+\s*|\+\s*(?:your|ur)\s+(?:{_TOPIC})|"
    rf"\b(?:comment|reply|drop|share) (?:below|yours|your answer)\b[^.!?]{{0,60}}\b(?:{_TOPIC})",
    re.IGNORECASE,
)
_DISCLOSURE = re.compile(
    r"\bmy (?:first|1st|very first|childhood) (?:pet|dog|cat|hamster|rabbit|budgie|goldfish|guinea pig|"
    r"tortoise|pony)\b[^.!?]{0,40}\b(?:was|called|named|name was)\b|"
    r"\bmy (?:first|1st|very first) (?:car|school|primary school|teacher)\b[^.!?]{0,30}\b(?:was|a|called)\b|"
    r"\b(?:my )?(?:mother|mum|mom|mam)(?:'?s|’s)? maiden name (?:is|was)\b|"
    r"\bi grew up on (?:\w+\s){0,3}\w+ (?:street|road|lane|avenue|close|drive|grove|way|crescent|terrace)\b|"
    r"\bgrew up on [A-Z]\w+ (?:Street|Road|Lane|Avenue|Close|Drive|Grove|Way|Crescent|Terrace)\b|"
    r"\b(?:i was|i were) born (?:in|at) (?:the )?[A-Z]\w+|\bborn and (?:bred|raised) in [A-Z]\w+|"
    r"\b(?:i was born on|my (?:date of birth|dob|d\.o\.b\.?|birthday) is)\b[^.!?]{0,10}\d|"
    r"\bborn on (?:the )?\d{1,2}(?:st|nd|rd|th)?[\s/.-]+\w+[\s/.-]+(?:19|20)\d{2}\b|"
    r"\b(?:turning|turned|i'?m) \d{2} (?:today|on \w+day)\b[^.!?]{0,40}\b(?:19|20)\d{2}\b|"
    r"\b(?:19|20)\d{2} (?:baby|babies|kid)\b[^.!?]{0,40}\bbirthday\b|"
    r"\bmy (?:first|primary) school,? [A-Z]\w+|\bwent to [A-Z]\w+ (?:Primary|Infants|Junior)\b",
)
_ADVICE = re.compile(
    r"\b(?:don'?t|do not|never|avoid|stop|think twice|careful|beware|warning|psa|reminder|scam|"
    r"hackers?|security questions?|harvest\w*|phishing|data[- ]mining|these quizzes|these games|"
    r"social engineering|fraudsters?)\b",
    re.IGNORECASE,
)


@register
class SecurityQuestionsDetector(Detector):
    name = "security_questions"
    rules = ("SM501",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        advice = _ADVICE.search(text)
        for form, pattern in (("a quiz that harvests security answers", _QUIZ), ("an answer to a security question", _DISCLOSURE)):
            for m in pattern.finditer(text):
                if advice or is_negated(text, m.start(), 15):
                    continue
                yield Evidence(
                    rule="SM501",
                    message=f"this posts {form}",
                    start=m.start(),
                    end=m.end(),
                    score=0.8,
                    detector=self.name,
                    suggestion=(
                        "Leave the detail out and skip quizzes that ask for it; if you have used it "
                        "as a security answer, change that answer."
                    ),
                )
                return
