"""SM601: a post written in the heat of an argument: insults, put-downs, swearing, shouting.

Signals are weighed: an insult or a put-down is enough on its own; capitals, stacked
punctuation, scorn and swearing add up. Enthusiasm in capitals ("SO proud of our team!!"),
acronyms (NHS, CBT) and firm, civil disagreement do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.lexicon import INSULTS, PROFANITY
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_INSULT = fastre.compile(
    rf"\b(?:{INSULTS}|halfwits?|idiots|morons|clowns|muppets|losers|frauds|know[- ]it[- ]alls?|"
    r"armchair (?:expert|warrior|psychologist)s?|jumped[- ]up|smug|dumbest|stupidest|thickest|"
    r"spineless|gutless|genius|sweetie|sweetheart|hun|darling|love|mate|pal|buddy|chief|"
    r"keyboard warriors?|sheeple|numpties|pillocks|cowards|zealots|fanatics|cultists|bigots)s?\b",
    re.IGNORECASE,
)
# Vocatives like "genius", "sweetie", "love" are only insults when tacked on to a reply.
_SOFT_VOCATIVE = {
    "genius",
    "sweetie",
    "sweetheart",
    "hun",
    "darling",
    "love",
    "mate",
    "pal",
    "buddy",
    "chief",
}
_PUT_DOWN = fastre.compile(
    r"\b(?:shut (?:up|your (?:mouth|face|trap))|get lost|piss off|f\*?\w* off|sod off|bugger off|"
    r"grow up|get a life|get a grip|do one|jog on|wind your neck in|educate yourself|"
    r"do your (?:own )?research|how dare you|don'?t you dare|who the (?:hell|f\w*) do you think|"
    r"are you (?:stupid|thick|dense|blind|serious|kidding|mad|deluded)|you people|you lot|"
    r"nobody asked you|get off (?:my|this|your) (?:thread|page|timeline|high horse)|"
    r"stop (?:posting|spreading|talking|tweeting)|give it a rest|get your facts straight|"
    r"learn to read|half a brain|come back when you(?:'ve| have) got a clue|delete your account|"
    r"spare us|cry more|imagine being (?:this|so)|just wow|should be (?:embarrassed|ashamed)|"
    r"so[- ]called|couldn'?t organi[sz]e a piss[- ]up|enjoy your echo chamber|echo chamber|"
    r"(?:rubbish|nonsense|garbage|drivel)(?:,)? and so are you|(?:you'?re|you are) a joke|"
    r"pile in|let'?s show (?:this|him|her|them)|tell (?:him|her|them) (?:exactly )?what you think|"
    r"what planet are you on|do you even|read the (?:bloody |damn |f\w+ )?(?:thread|paper|post)|"
    r"not wasting my (?:time|evening|breath)|can'?t be bothered with|bye,? (?:muted|blocked)|"
    r"blocked,|muted\.|here we go|oh please|give me strength|sick to death|i'?m (?:done|fuming)|"
    r"fuming|unreal\.|typical \w+ (?:thinking|who)|high horse|"
    r"get (?:some )?(?:actual|real|proper) (?:training|qualifications|experience|education)|"
    r"before you (?:lecture|preach|comment|open your mouth)|lecture (?:people|us|me) who)\b",
    re.IGNORECASE,
)
_PROFANE = fastre.compile(rf"\b(?:{PROFANITY}|piss[- ]up)\b", re.IGNORECASE)
_SCORN = fastre.compile(
    r"\b(?:utter|absolute|complete|total) (?:rubbish|nonsense|garbage|drivel|tosh|bollocks|joke|"
    r"disgrace|shambles|idiots?)|\b(?:ridiculous|pathetic|disgraceful|laughable|beyond belief|"
    r"embarrassing|unbelievable|seriously\?|wake up|garbage|rubbish|nonsense|drivel|tripe|"
    r"a joke|incompetent|clueless|arrogant|condescending|patroni[sz]ing)\b",
    re.IGNORECASE,
)
_STACKED = re.compile(r"[!?]{3,}|!{2,}|\?!|!\?")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z']{2,}\b")
_ACRONYMS = frozenset(
    [
        "NHS",
        "CBT",
        "BABCP",
        "OCD",
        "PTSD",
        "ADHD",
        "GP",
        "UK",
        "USA",
        "NICE",
        "HCPC",
        "BACP",
        "UKCP",
        "DBT",
        "EMDR",
        "ACT",
        "IAPT",
        "MP",
        "MPS",
        "DM",
        "DMS",
        "RIP",
        "LGBT",
        "LGBTQ",
        "BAME",
        "III",
        "TV",
        "BBC",
        "ITV",
        "GMC",
        "NMC",
        "RCN",
        "CPD",
        "PTO",
        "FYI",
        "FAQ",
        "PDF",
        "URL",
        "ASAP",
        "AKA",
        "TBH",
        "IMO",
        "IMHO",
        "LOL",
        "OMG",
        "UN",
        "EU",
        "SIG",
        "CEO",
        "COVID",
        "ICD",
        "DSM",
        "PHQ",
        "GAD",
        "RCT",
        "AI",
        "NHSE",
        "ICB",
        "CQC",
        "PGDIP",
        "MSC",
        "BSC",
        "PHD",
    ]
)
_POSITIVE = re.compile(
    r"\b(?:proud|congrat\w*|well done|thank\w*|love|loved|amazing|brilliant|fantastic|wonderful|"
    r"happy|excited|delighted|yay|woo+|great|best|celebrat\w*|welcome|grateful|did it|finally|"
    r"qualified|passed|accredited|so pleased)\b|[🎉🥳❤💜💙🙌]",
    re.IGNORECASE,
)
# A put-down the writer says they will not do: "not going to stop posting".
_DECLINED = re.compile(r"\b(?:not|never|won'?t|wouldn'?t|don'?t)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_FRUSTRATION = re.compile(
    r"\b(?:why|nobody|no one|never|ever|always|seriously|again|how many times|sick of|fed up)\b",
    re.IGNORECASE,
)
_AIMED = re.compile(
    r"\b(?:you|your|you'?re|ur|u|yourself|the lot of you)\b|@\w+|^\W*replying to", re.IGNORECASE
)


def _shouting(text: str) -> list[tuple[int, int]]:
    words = [m for m in _CAPS_WORD.finditer(text) if m.group(0).strip("'") not in _ACRONYMS]
    if len(words) >= 2 or any(len(m.group(0)) >= 4 for m in words):
        return [m.span() for m in words]
    return []


@register
class HeatedToneDetector(Detector):
    name = "heated_tone"
    rules = ("SM601",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        positive = bool(_POSITIVE.search(text))
        aimed = bool(_AIMED.search(text))
        signals: list[tuple[int, int, str, float]] = []
        for m in _INSULT.finditer(text):
            word = m.group(0).lower()
            if self._excused(post, m) or text[max(0, m.start() - 1) : m.start()] == "#":
                continue  # reported, negated, or a hashtag (#muppets is a film)
            if word in _SOFT_VOCATIVE or word.removesuffix("s") in _SOFT_VOCATIVE:
                before = text[max(0, m.start() - 2) : m.start()]
                if not (before.endswith(", ") and aimed) or positive:
                    continue
            signals.append((m.start(), m.end(), "an insult", 0.8))
        for m in _PUT_DOWN.finditer(text):
            declined = _DECLINED.search(text, max(0, m.start() - 25), m.start())
            if not is_reported(text, m.start(), m.end()) and not declined:
                weight = 0.4 if m.group(0).lower().startswith(("i'm", "im ", "i am", "fuming")) else 0.8
                signals.append((m.start(), m.end(), "a put-down", weight))
        for m in _PROFANE.finditer(text):
            if not is_reported(text, m.start(), m.end()):
                signals.append((m.start(), m.end(), "swearing", 0.4))
        for m in _SCORN.finditer(text):
            if not self._excused(post, m):
                signals.append((m.start(), m.end(), "scornful wording", 0.35))
        if not positive:
            # capitals and "!!!" count once each, however many: excitement is not anger
            shouted = _shouting(text)
            if shouted:
                signals.append((shouted[0][0], shouted[-1][1], "shouting in capitals", 0.3))
            stacked = list(_STACKED.finditer(text))
            if stacked:
                angry = any("?" in m.group(0) for m in stacked)  # "?!" is exasperation, "!!!" may be joy
                signals.append(
                    (stacked[0].start(), stacked[-1].end(), "stacked punctuation", 0.3 if angry else 0.2)
                )
            frustrated = _FRUSTRATION.search(text)
            if frustrated and (shouted or stacked):
                signals.append((frustrated.start(), frustrated.end(), "exasperation", 0.25))
        score = sum(weight for *_, weight in signals) + (0.15 if aimed and signals else 0.0)
        if score < 0.75:
            return
        start = min(s[0] for s in signals)
        end = max(s[1] for s in signals)
        reasons = sorted({s[2] for s in signals})
        yield Evidence(
            rule="SM601",
            message="this reads as written in anger (" + ", ".join(reasons) + ")",
            start=start,
            end=end,
            score=min(1.0, score),
            detector=self.name,
            suggestion=(
                "Wait before posting. Then say what you disagree with and why, without insults, "
                "capitals or exclamation marks."
            ),
            explanation={"signals": reasons},
        )

    @staticmethod
    def _excused(post: Analysis, m: re.Match[str]) -> bool:
        sentence = post.sentence_at(m.start())
        return is_reported(post.text, m.start(), m.end(), sentence) or is_negated(
            post.text, m.start(), 12, sentence.start
        )
