"""SM601: a reply written in the heat of an argument: insults, commands, swearing, shouting.

Strong signals (an insult or a command aimed at someone) fire alone; weak ones (capitals,
stacked exclamation marks, "utter rubbish") fire together. Enthusiasm in capitals ("SO proud of
our team!!") and acronyms (NHS, CBT) are not shouting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.lexicon import INSULTS, PROFANITY
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_AIMED_INSULT = re.compile(
    r"\b(?:you(?:'re| are|re| r)?|ur|u r|u|yer|@\w+(?: is| are|,)?|what an?|such an?|bunch of|"
    r"pack of|load of|you absolute|you utter|you complete|you total|you bloody|you stupid|"
    r"you f\w*ing|these|those|(?:he|she|they)(?:'s| is|'re| are))\s+(?:an?\s+|the\s+|so\s+|just\s+|"
    r"such\s+an?\s+|absolute\s+|utter\s+|complete\s+|total\s+|bloody\s+|f\w*ing\s+|actual\s+)*"
    rf"(?:{INSULTS})s?\b",
    re.IGNORECASE,
)
_COMMAND = re.compile(
    r"\b(?:shut (?:up|your (?:mouth|face|trap))|get lost|piss off|f\*?\w* off|sod off|bugger off|"
    r"grow up|get a life|get a grip|do one|jog on|wind your neck in|sit down and shut up|"
    r"educate yourself|do your (?:own )?research|how dare you|who the (?:hell|f\w*) do you think|"
    r"are you (?:stupid|thick|dense|blind|serious|kidding|mad|deluded)|you people|"
    r"take your \w+ and shove|go back to (?:school|your cave)|nobody asked you|"
    r"(?:rubbish|nonsense|garbage|drivel)(?:,)? and so are you|get off (?:my|this) (?:thread|page|timeline)|"
    r"stop (?:posting|spreading|talking)|give it a rest|get your facts straight)\b",
    re.IGNORECASE,
)
_PROFANE = re.compile(rf"\b(?:{PROFANITY})\b", re.IGNORECASE)
_WEAK = re.compile(
    r"\b(?:utter|absolute|complete|total) (?:rubbish|nonsense|garbage|drivel|tosh|bollocks|joke|"
    r"disgrace|shambles)|\b(?:ridiculous|pathetic|disgraceful|laughable|beyond belief|"
    r"unbelievable|give me strength|seriously\?|wake up|sick (?:and tired )?of)\b",
    re.IGNORECASE,
)
_STACKED = re.compile(r"[!?]{3,}|!{2,}|\?!|!\?")
_CAPS_RUN = re.compile(r"\b(?:[A-Z][A-Z']{1,}\b[\s,.!?]*){2,}")
_ACRONYMS = frozenset(
    "NHS CBT BABCP OCD PTSD ADHD GP A&E UK USA NICE HCPC BACP UKCP DBT EMDR ACT IAPT MP MPS "
    "DM DMS PM AM RIP LGBT LGBTQ LGBTQ+ BAME II III IV TV BBC ITV GMC NMC RCN CPD OK PTO FYI "
    "FAQ PDF URL ASAP AKA TBH IMO IMHO LOL OMG NB PS UN EU SIG CEO COVID ICD DSM MH".split()
)
_POSITIVE = re.compile(
    r"\b(?:proud|congrat\w*|well done|thank\w*|love|amazing|brilliant|fantastic|wonderful|"
    r"happy|excited|delighted|yay|woo+|great|best|celebrat\w*|welcome|grateful)\b",
    re.IGNORECASE,
)


def _shouting(text: str) -> re.Match[str] | None:
    for match in _CAPS_RUN.finditer(text):
        words = [w.strip(",.!?'") for w in match.group(0).split()]
        real = [w for w in words if w and w not in _ACRONYMS and len(w) > 1]
        if len(real) >= 2 and sum(len(w) for w in real) >= 7:
            return match
    return None


@register
class HeatedToneDetector(Detector):
    name = "heated_tone"
    rules = ("SM601",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        strong: list[tuple[int, int, str]] = []
        for pattern, why in ((_AIMED_INSULT, "an insult aimed at someone"), (_COMMAND, "a put-down")):
            for m in pattern.finditer(text):
                if not is_reported(text, m.start(), m.end()) and not is_negated(text, m.start(), 12):
                    strong.append((m.start(), m.end(), why))
        weak: list[tuple[int, int, str]] = []
        for m in _PROFANE.finditer(text):
            if not is_reported(text, m.start(), m.end()):
                weak.append((m.start(), m.end(), "swearing"))
        shout = _shouting(text)
        positive = bool(_POSITIVE.search(text))
        if shout and not positive:
            weak.append((shout.start(), shout.end(), "shouting in capitals"))
        for m in _WEAK.finditer(text):
            weak.append((m.start(), m.end(), "scornful wording"))
        stacked = _STACKED.search(text)
        if stacked and not positive:
            weak.append((stacked.start(), stacked.end(), "stacked punctuation"))
        aimed = bool(re.search(r"\byou\b|\bur\b|@\w+", text, re.IGNORECASE))
        if strong:
            hits = strong + weak
        elif len({why for *_, why in weak}) >= 2 and (aimed or len(weak) >= 3):
            hits = weak
        elif weak and aimed and any(why == "swearing" for *_, why in weak):
            hits = weak
        else:
            return
        start = min(h[0] for h in hits)
        end = max(h[1] for h in hits)
        reasons = sorted({h[2] for h in hits})
        yield Evidence(
            rule="SM601",
            message="this reads as written in anger (" + ", ".join(reasons) + ")",
            start=start,
            end=end,
            score=min(1.0, 0.55 + 0.15 * len(hits)),
            detector=self.name,
            suggestion=(
                "Wait before posting. Then say what you disagree with and why, without insults, "
                "capitals or exclamation marks."
            ),
            explanation={"signals": reasons},
        )
