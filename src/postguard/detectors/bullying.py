"""SM202: bullying a person: threats, intimidation, pile-ons, humiliation, rumours, stalking.

The policy lists "spreading malicious and abusive rumours", "online stalking", "posting
embarrassing or humiliating images" and "trolling". Friendly versions of the same shapes
("everyone go and congratulate her", "rumour has it there's cake") are not bullying.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "a threat",
        re.compile(
            r"\b(?:i|we)\s+know where (?:you|she|he|they) (?:live|work|park|go)|watch your (?:back|step)|"
            r"you(?:'ll| will)(?: soon)? (?:regret|pay for|be sorry)|you(?:'d| had) better watch|"
            r"(?:i'?m|we'?re) coming for you|(?:i|we)(?:'ll| will| am going to|'m going to|'m gonna| will make sure)\s+"
            r"(?:find|hurt|ruin|destroy|end|get|expose|finish|break|sort) (?:you|her|him|them|your)|"
            r"you(?:'re| are) (?:dead|finished|going down)|your days are numbered|"
            r"make sure (?:you|she|he|they) never work(?:s)? again|wait (?:till|until) i (?:see|get) (?:you|her|him)|"
            r"(?:i|we)(?:'ll| will) make (?:your|her|his|their) life (?:hell|a misery)|"
            r"be a shame if (?:something|anything) happened|accidents happen|"
            r"(?:i|we)'?(?:ll| will) be waiting for you|see you (?:outside|after work)\W* (?:no|if)",
            re.IGNORECASE,
        ),
    ),
    (
        "a call to pile on",
        re.compile(
            r"\b(?:everyone|everybody|y'?all|you all|folks|people|guys|all of you)(?:\s+\w+){0,2}\s+"
            r"(?:go\s+(?:and\s+)?)?(?:tell|message|dm|report|tag|email|ring|call|troll|flood|spam|"
            r"let|give|send|show|1[- ]star|one[- ]star|leave)\s+(?:@\w+|her|him|them|this|that|the)\b"
            r"(?!\s+(?:a\s+)?(?:congrat|happy|well done|thank|welcome|love|birthday|good luck|support))|"
            r"\blet'?s (?:all )?(?:go )?(?:tell|message|report|flood|spam|troll|make|get|ratio|destroy|"
            r"bombard|bury) (?:@\w+|her|him|them|this)\b(?! (?:a )?(?:congrat|happy|well done|thank|welcome))|"
            r"\bpile[- ]on\b|\bratio (?:her|him|them|this)\b|\bget (?:her|him|them|this|#?\w+) trending\b|"
            r"\bmake (?:sure )?(?:she|he|they) (?:never|regrets?|knows? what)|"
            r"\b(?:flood|bombard|spam) (?:her|his|their|@\w+)",
            re.IGNORECASE,
        ),
    ),
    (
        "humiliation",
        re.compile(
            r"\blook at (?:the state of|this|her|him|them)\b(?:\s+\w+){0,4}\s*(?:lol|lmao|😂|🤣|haha|"
            r"pathetic|disgusting|fat|ugly|state|loser|mess|embarrass\w*|tragic|cringe)|"
            r"\b(?:leaked|embarrassing|humiliating|drunk(?:en)?|naked|nude|private|intimate)\s+"
            r"(?:pics?|photos?|pictures?|video|vid|clip|snaps?|selfies?|images?)\b(?:\s+\w+){0,3}\s+"
            r"(?:of|from)\s+(?:her|him|them|@\w+|my ex|[A-Z]\w+)|"
            r"\b(?:screenshot|photo|pic|video|clip)s?\s+of\s+(?:her|him|@\w+)\b[^.!?]{0,40}"
            r"(?:so everyone|for everyone|laugh|lol|😂|🤣|cringe|embarrass)|"
            r"\beveryone (?:laugh|point) at\b|\bwhat an? (?:fat|ugly|pathetic|sad|tragic)\b|"
            r"\b(?:nobody|no one|no-one) (?:likes|wants|loves|cares about) (?:you|her|him)\b|"
            r"\byou(?:'re| are) (?:worthless|a waste of (?:space|oxygen|skin)|nothing|pathetic|disgusting|"
            r"ugly|fat|a failure|a nobody)|\bwaste of (?:space|oxygen|skin)\b|"
            r"\brevenge porn\b|\bsharing (?:her|his|their) (?:nudes|pics|photos)",
            re.IGNORECASE,
        ),
    ),
    (
        "a malicious rumour",
        re.compile(
            r"\b(?:i heard|apparently|rumou?r (?:is|has it)|word is|everyone knows|i'?ve been told|"
            r"a little bird told me|reliable sources say)\b(?:\s+that)?\s+(?:@\w+|she|he|they|[A-Z]\w+)\b"
            r"[^.!?]{0,60}\b(?:sleep(?:s|ing)? (?:with|around)|affair|cheat\w*|drunk|drinks|"
            r"on drugs|coke|sacked|fired|struck off|arrested|stole|steals|fiddl\w+|abus\w+|"
            r"slept|shagg\w+|fraud|lying|liar|bankrupt|disgrac\w+|investigated)",
            re.IGNORECASE,
        ),
    ),
    (
        "stalking",
        re.compile(
            r"\b(?:i'?ve|i have|we'?ve) been (?:watching|following|tracking) (?:you|her|him)|"
            r"\bi (?:saw|see|watched) (?:you|her|him) (?:at|in|leaving|going|outside|with)\b[^.!?]{0,40}"
            r"(?:again|every|yesterday|last night|this morning)?[^.!?]{0,10}(?:😉|😘|👀|;\)|nice|interesting|"
            r"know|again|every)|"
            r"\bi know (?:what car you drive|your (?:routine|schedule|address|kids?|school)|"
            r"where your (?:kids?|children|wife|husband) (?:go|are|work))|"
            r"\binteresting routine\b|\bfollowed (?:you|her|him) home\b",
            re.IGNORECASE,
        ),
    ),
    (
        "exploitation",
        re.compile(
            r"\b(?:send|give) me (?:nudes|pics|money|£\d+)\b[^.!?]{0,30}\b(?:or|unless|otherwise)\b|"
            r"\bunless you (?:pay|send|do)\b[^.!?]{0,40}\b(?:i'?ll|i will|everyone will)\b|"
            r"\bor (?:i'?ll|i will) (?:post|share|send|show|tell|leak)\b",
            re.IGNORECASE,
        ),
    ),
]


@register
class BullyingDetector(Detector):
    name = "bullying"
    rules = ("SM202",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        for form, pattern in _PATTERNS:
            for m in pattern.finditer(text):
                sentence = post.sentence_at(m.start())
                if is_reported(text, m.start(), m.end(), sentence) or is_negated(
                    text, m.start(), 15, sentence.start
                ):
                    continue
                yield Evidence(
                    rule="SM202",
                    message=f"this could be read as bullying: {form}",
                    start=m.start(),
                    end=m.end(),
                    score=0.8,
                    detector=self.name,
                    suggestion=(
                        "Do not post this. If someone has wronged you, block and report them and "
                        "keep a record; disagree with what they said, not with who they are."
                    ),
                    explanation={"form": form},
                )
