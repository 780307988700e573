"""SM103: mocking, derogatory or contemptuous comments about clients, one or as a group.

Compassionate reflection, criticism of services or systems, and self-deprecating jokes are not
findings; neither is quoting a label in order to reject it ("calling clients 'attention-seeking'
is harmful").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.lexicon import INSULTS
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_CLIENT_WORDS = (
    r"clients?|patients?|pts|service[- ]users?|caseload|my \d{1,2}(?::\d\d)?\s?(?:am|pm)|"
    r"(?:the )?(?:lad|woman|man|girl|guy|bloke|lady|one) i see|one of mine|punters|"
    r"(?:bpd|borderline|personality disorder|eating disorder|anorexic|ed|depressed|anxious|ocd|"
    r"addict|substance misuse|drug|alcoholic|psychotic|frequent flyer|self[- ]harm\w*) (?:clients?|patients?|lot|ones|crowd)"
)
_DEROGATORY = (
    rf"{INSULTS}|lazy|time[- ]?wasters?|wasting my time|attention[- ]seek\w*|manipulative|drama queens?|"
    r"whiny|whingers?|whinging|moaning|moaners|entitled|needy|hopeless cases?|lost causes?|"
    r"nutters?|nut ?jobs?|loonies|loony|crazies|mental cases|headcases?|psychos?|junkies|druggies|"
    r"smackheads|alkies|frequent flyers|boring|dull|weirdos?|losers?|snowflakes|fakers?|faking it|"
    r"malingerers?|malingering|scroungers?|can'?t be bothered|don'?t want to get better|"
    r"don'?t want to change|full of (?:it|crap|excuses)|do my head in|drive me (?:mad|up the wall|insane)|"
    r"sick of|fed up (?:of|with)|can'?t stand|hate (?:my|these|those|them)|eye[- ]?roll|🙄|"
    r"bingo|rate my|gross|disgusting|smelly|stinks?|fat|ugly|thick as|dumb as|basket cases?|"
    r"psych ward bingo|should just get over it|need(?:s)? to (?:man up|grow up|get a grip)|"
    r"pathetic|excuses|no-?hopers|freaks?|cringe|mock(?:ing|ed)?|laugh(?:ed|ing)? at|lol|😂|🤣|"
    r"most boring|couldn'?t care less"
)
_NEAR = re.compile(
    rf"\b(?P<client>{_CLIENT_WORDS})\b(?P<gap>[^.!?\n]{{0,70}}?)\b(?P<bad>{_DEROGATORY})(?!\w)|"
    rf"(?P<bad2>{_DEROGATORY})(?!\w)(?P<gap2>[^.!?\n]{{0,50}}?)\b(?P<client2>{_CLIENT_WORDS})\b",
    re.IGNORECASE,
)
_COMPASSION = re.compile(
    r"\b(?:not|never|isn'?t|aren'?t|myth|stigma|label(?:s|ling|led)?|called|calling|dismiss\w*|"
    r"unfair|harmful|stop (?:saying|calling)|so-called|brave|courage|proud|honou?r|privilege|"
    r"respect|compassion|understand\w*|makes sense|of course|no wonder|because they|it'?s hard|"
    r"we (?:should|need|must)|the system|services|commissioners|funding|waiting lists?|"
    r"with (?:me|us)|laughed with|laughing with|together|they taught me|i'?m|i am|my own|myself)\b",
    re.IGNORECASE,
)
# Pure laughter or mocking words that need a client as the object of the joke, not its teller.
_MILD = {"lol", "😂", "🤣", "laugh", "laughed at", "laughing at", "mock", "mocking", "mocked", "boring",
         "dull", "excuses", "sick of", "fed up of", "fed up with", "moaning", "cringe", "bingo", "rate my",
         "joke", "sheep", "hack", "troll", "dense", "thick", "fat", "pig", "cow", "snake", "dick"}


@register
class ClientDisparagementDetector(Detector):
    name = "client_disparagement"
    rules = ("SM103",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        if not post.mentions_clients:
            return
        text = post.text
        for m in _NEAR.finditer(text):
            bad = (m.group("bad") or m.group("bad2") or "").lower()
            gap = m.group("gap") if m.group("gap") is not None else m.group("gap2") or ""
            sentence = post.sentence_at(m.start())
            sentence_text = text[sentence.start : sentence.end]
            if is_reported(text, m.start(), m.end(), sentence) or is_negated(
                text, m.start() + len(m.group(0)) - len(bad), 30, sentence.start
            ):
                continue
            if re.search(r"\b(?:not|never|n't|no)\b", gap, re.IGNORECASE):
                continue
            soft = _COMPASSION.search(sentence_text)
            if soft and (bad in _MILD or len(bad) < 5 or bad.startswith(("lazy", "attention", "manipulat"))):
                continue
            if bad in _MILD and not re.search(r"[😂🤣🙄]|\blol\b|\bffs\b", text):
                continue
            yield Evidence(
                rule="SM103",
                message="this speaks about clients in a mocking or derogatory way",
                start=m.start(),
                end=m.end(),
                score=0.8,
                detector=self.name,
                suggestion=(
                    "Take frustrations to supervision rather than social media; if there is a "
                    "useful point, make it about the work, with compassion for clients."
                ),
            )
            return
