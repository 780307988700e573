"""SM203: encouraging violence or self-harm, including suicide and eating-disorder encouragement.

Talking openly about suicidal feelings, signposting crisis lines, quoting what a client said in
a risk assessment, and idioms ("kill two birds with one stone", "this heat is killing me") are
not encouragement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_SELF_HARM = re.compile(
    r"(?<![^\W_])k[\s.*]?y[\s.*]?s(?![^\W_])|\b(?:go(?: and| on(?:,)?(?: then)?)?|just|should|please|pls|why don'?t you|"
    r"do us all a favou?r(?: and)?|do the world a favou?r(?: and)?|might as well|better off if you)\s+"
    r"(?:just\s+)?(?:kill|off|end|top|hang|neck|unalive)\s+(?:yourself|urself|your ?self|yaself|"
    r"it(?: all)?|your life)|"
    r"\bkill (?:yourself|urself|your ?self)\b|\bgo (?:and )?die\b|\bhope (?:you|she|he|they) (?:die|dies|"
    r"get cancer|gets cancer|rot)\b|\b(?:drink|swallow|eat) (?:bleach|some pills)\b|"
    r"\b(?:slit|cut|slash) (?:your|ur) (?:wrists|throat)\b|\bjump off (?:a|the) (?:bridge|cliff|building)\b|"
    r"\bgo on(?:,)? (?:then,? )?jump\b|\bno one would (?:miss|care if) you\b|"
    r"\bnobody would (?:miss|care if) you\b|\bthe world would be better without you\b|"
    r"\byou should(?: just)? (?:die|not exist|disappear forever)\b|\bneck yourself\b|"
    r"\bdo it,? (?:you won'?t|coward|nobody cares)\b",
    re.IGNORECASE,
)
_EATING = re.compile(
    r"#?\b(?:thinspo|thinspiration|meanspo|bonespo|proana|pro-ana|pro ana|promia|pro-mia|ana buddy|"
    r"ana coach|skinny4\w+|deathspo)\b|"
    r"\b(?:skip|skipping) (?:meals|breakfast|lunch|dinner)\b[^.!?]{0,40}\b(?:worth it|best|works|"
    r"you'?ll|to lose|if you want|trust me|fastest)|"
    r"\b(?:eat|have) (?:less than|under|no more than) \d{2,3} (?:cals|calories|kcal)\b|"
    r"\b(?:purg(?:e|ing)|throw(?:ing)? up|chew and spit)\b[^.!?]{0,40}\b(?:works|trick|tip|best way|"
    r"helps|keeps you)|"
    r"\bnothing tastes as good as skinny feels\b|\bstarve (?:yourself|urself)\b|"
    r"\byou(?:'d| would) look (?:so much )?better if you (?:lost|starved|stopped eating)|"
    r"\bjust stop eating\b|\bhunger is (?:good|power|beauty)|\bfat is (?:weak|disgusting|ugly)",
    re.IGNORECASE,
)
_VIOLENCE = re.compile(
    r"\b(?:someone|somebody|people|we|you|u|y'?all|everyone|lads)\s+(?:should|needs? to|ought to|"
    r"must|gotta|has to|have to|ha(?:ve|s) got to)\s+(?:go\s+(?:and\s+)?|just\s+)?"
    r"(?:punch|shoot|stab|kill|hurt|beat|batter|smash|glass|kneecap|lynch|hang|string up|knife|"
    r"torch|burn|firebomb|petrol bomb|run over|bash|thump|deck|slap|acid)\b"
    r"(?!\s+(?:two birds|time|the (?:lights|engine|mood)|it on stage))|"
    r"\b(?:punch|shoot|stab|hang|lynch|string up|burn|beat up|batter|kneecap|torch)\s+(?:him|her|them|"
    r"the lot of (?:them|'em)|every (?:last )?one of them|@\w+)\b(?!\s+(?:a (?:dm|message|email|text)|"
    r"an? (?:dm|message|email)|up a))|"
    r"\b(?:deserves?|deserve) (?:to be|a) (?:shot|stabbed|beaten|hanged|hung|punched|kicking|"
    r"bullet|slap|good hiding|beating)\b|"
    r"\b(?:burn|torch|firebomb|smash up|attack|storm|raid) (?:the|their|that|this) (?:clinic|"
    r"mosque|synagogue|church|temple|hotel|office|house|home|centre|building)s?\b|"
    r"\b(?:bring|grab) (?:your )?(?:bats|knives|weapons|petrol|pitchforks)\b|"
    r"\b(?:go and|let'?s|time to) (?:hurt|attack|get|batter|kill) (?:them|him|her|the \w+)\b|"
    r"\bput (?:him|her|them) in (?:hospital|the ground|a wheelchair)\b|\bbreak (?:his|her|their) legs\b",
    re.IGNORECASE,
)
_SUPPORT = re.compile(
    r"\b(?:samaritans|116 ?123|shout|85258|crisis line|helpline|call 999|a&e|reach out|you(?:'re| are) "
    r"not alone|support is available|here for you|talk to someone|get help)\b",
    re.IGNORECASE,
)


@register
class HarmEncouragementDetector(Detector):
    name = "harm_encouragement"
    rules = ("SM203",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        for kind, pattern in (("self-harm or suicide", _SELF_HARM), ("disordered eating", _EATING), ("violence", _VIOLENCE)):
            for m in pattern.finditer(text):
                sentence = post.sentence_at(m.start())
                if is_reported(text, m.start(), m.end(), sentence) or is_negated(
                    text, m.start(), 25, sentence.start
                ):
                    continue
                if kind != "violence" and _SUPPORT.search(text[sentence.start : sentence.end]):
                    continue
                yield Evidence(
                    rule="SM203",
                    message=f"this could encourage {kind}",
                    start=m.start(),
                    end=m.end(),
                    score=0.85,
                    detector=self.name,
                    suggestion=(
                        "Do not post this. If you're worried about someone, point them to support: "
                        "Samaritans 116 123, or 999 in an emergency."
                    ),
                    explanation={"kind": kind},
                )
