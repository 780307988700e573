"""SM203: encouraging violence or self-harm, including suicide and eating-disorder encouragement.

Talking openly about suicidal feelings, signposting crisis lines, quoting what a client said in
a risk assessment, warning against pro-ana content, and idioms ("kill two birds with one stone",
"this heat is killing me") are not encouragement. Telling a particular person to harm
themselves is also bullying (SM202).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_SELF = r"(?:yourself|urself|your ?self|yaself|ya self|themselves|themself)"
_SUICIDE = fastre.compile(
    r"(?<![^\W_])k[\s.*]?y[\s.*]?s(?![^\W_])|"
    rf"\b(?:kill|hang|off|end|top|unalive|neck|hurt|harm|starve|drown|shoot|poison) {_SELF}\b|"
    r"\b(?:go(?: and| on(?:,)?(?: then)?)?|just|should|please|pls|why don'?t you|might as well)\s+"
    r"(?:just\s+)?(?:end it(?: all)?|die|jump|do it)\b|\bgo on(?:,)? (?:then,? )?jump\b|"
    r"\bended it\b[^.!?]{0,30}$|\bdo it tonight\b|\bwhat are you waiting for\b|\bnobody'?s stopping you\b|"
    r"\btake (?:all )?(?:the|your|those) (?:pills|tablets)\b|\bhigh enough\b|\bbetter off dead\b|"
    r"\b(?:world|everyone|we|family) would be better off (?:if you|without you)|"
    r"\bbetter off if you (?:just )?(?:ended|died|were gone|weren'?t here)|\bstop stopping (?:them|him|her)\b|"
    r"\bsuicide is (?:a |the )?(?:rational|valid|sensible|reasonable|logical|brave|only) (?:choice|option|answer|way)|"
    r"\bi'?d have (?:topped|killed|ended|offed) myself\b|\bsave us all the trouble\b|"
    r"\b(?:no one|nobody) would (?:miss|care if) you\b|\bthe world would be better without you\b|"
    r"\bdo us all a favou?r\b|\bgo (?:and )?die\b|\bhope (?:you|she|he|they) (?:die|dies|rot)\b|"
    r"\b(?:drink|swallow) bleach\b|\b(?:slit|cut|slash) (?:your|ur) (?:wrists|throat)\b|"
    r"\bjump off (?:a|the) (?:bridge|cliff|building|roof)\b|\byou should(?: just)? (?:die|not exist)\b|"
    r"\b(?:time to|just|might as well) check out\b|\blife'?s not for everyone\b|\bno shame in (?:it|ending it|checking out)\b",
    re.IGNORECASE,
)
_SELF_HARM = re.compile(
    r"\bcutting (?:helps|works|is (?:the )?(?:answer|solution|best))|\bgo deeper\b|\btry it next time\b|"
    r"\b(?:self[- ]harm|cutting|burning) (?:is|isn'?t)\b[^.!?]{0,30}\b(?:solution|answer|helps|works)|"
    r"\b(?:burning|cutting|hurting|scratching) yourself (?:hurts less|helps|works|is (?:a |the )?(?:relief|answer))|"
    r"\bthe relief is instant\b|"
    r"\bcut where (?:nobody|no one) (?:will|can) see\b|\bdon'?t knock the (?:razor|blade)\b|"
    r"\b(?:easier|easy) to hide than\b|\bpain is the only way to feel\b|\bhide (?:the|your) (?:cuts|scars)\b",
    re.IGNORECASE,
)
_EATING = fastre.compile(
    r"#?\b(?:thinspo|thinspiration|meanspo|bonespo|proana|pro-ana|pro ana|promia|pro-mia|ana buddy|"
    r"ana coach|ana girls?|deathspo|skinny4\w+)\b|"
    r"\b\d{3,4} ?(?:cals?|calories|kcals?)(?: a day| per day)? max\b|\bmax(?:imum)? \d{3,4} ?(?:cals?|calories)|"
    r"\b(?:eat|have) (?:less than|under|no more than) \d{2,4} (?:cals?|calories|kcals?)\b|"
    r"\blaxatives? after\b|\bpurge (?:if|after|when)\b|\bmake yourself sick\b|\bwater fast(?:ing)?\b|"
    r"\b(?:haven'?t|not) starved enough\b|\bpinch an inch\b|\bput the fork down\b|"
    r"\bdon'?t eat after\b|\bget under \d{2,3} ?kg\b|\bignore the hunger\b|\bweakness leaving your body\b|"
    r"\bnot a disorder,? it'?s discipline\b|\bstarving yourself (?:is|isn'?t)\b|\bstarve (?:yourself|urself)\b|"
    r"\bnothing tastes as good as skinny feels\b|\byou(?:'d| would) look (?:so much )?better if you (?:lost|starved|stopped eating)|"
    r"\bjust stop eating\b|\bhunger is (?:good|power|beauty)|\bchew and spit\b|\bskip(?:ping)? (?:meals|breakfast|lunch|dinner)\b[^.!?]{0,40}\b(?:worth it|works|you'?ll|results|thin)",
    re.IGNORECASE,
)
_WEAPON = r"(?:knife|bat|cricket bat|brick|gun|hammer|machete|blade|crowbar|petrol|acid|bottle)"
_VIOLENCE = fastre.compile(
    rf"\b(?:grab|get|bring|use|take) (?:a|your|the) {_WEAPON}\b(?=[^.!?]*\b(?:him|her|them|those|that|@\w+|the lot|sort|do|deal)\b)(?![^.!?]*\?)|\bteach (?:him|her|them|that \w+) a lesson\b|"
    r"\bbreak (?:his|her|their|your) (?:jaw|legs?|nose|arms?|neck|fingers)\b|\b(?:set|be set) on fire\b|"
    r"\blet'?s (?:find|get|hunt) (?:him|her|them)\b|\bpunch (?:every|any|all)\b|"
    r"\b(?:give|gave) (?:those|them|him|her|that \w+) (?:\w+ )?(?:a )?(?:kicking|beating|slap|hiding|battering)|"
    r"(?<![-\w])(?:a (?:proper |good )?|proper |good )kicking\b(?! off)|\ba smack in the (?:mouth|face)\b|\ba (?:quick )?slap sorts?\b|"
    r"\b(?:bomb|torch|firebomb|petrol bomb|burn down|smash up) (?:that|the|their|this|it)\b|\bburn it (?:all )?down\b|"
    r"\bstring (?:them|him|her) up\b|\btake up arms\b|\bmake (?:him|her|them) bleed\b|"
    r"\b(?:drive|go|plough|run) (?:straight )?(?:through|over) them\b|\bdeserves? a brick\b|"
    r"\bhope (?:someone|somebody|they) (?:breaks?|hurts?|kills?|stabs?|beats?|shoots?)\b|"
    r"\bwant a tenner to do it\b|\bhold the whip\b|\bpublic (?:floggings|hangings|executions)\b|"
    r"\bdeserves? (?:to be|a) (?:shot|stabbed|beaten|hanged|hung|punched|set on fire|kicking|bullet|"
    r"slap|good hiding|beating|brick)\b|"
    r"\b(?:someone|somebody|people|we|you|everyone|lads)\s+(?:should|needs? to|ought to|must|gotta)\s+"
    r"(?:go\s+(?:and\s+)?|just\s+)?(?:punch|shoot|stab|kill|hurt|beat|batter|smash|glass|kneecap|lynch|"
    r"hang|bomb|knife|torch|burn|firebomb|run over|bash|thump|deck|slap)\b"
    r"(?!\s+(?:two birds|time|the (?:lights|engine|mood)))|"
    r"\b(?:punch|shoot|stab|hang|lynch|beat up|batter|kneecap|torch)\s+(?:him|her|them|the lot of (?:them|'em)|"
    r"@\w+)\b(?!\s+(?:an? (?:dm|message|email|text)|up a))|"
    r"\b(?:burn|torch|firebomb|smash up|attack|storm|raid) (?:the|their|that|this) (?:clinic|mosque|"
    r"synagogue|church|temple|hotel|office|house|home|centre|building)s?\b|"
    r"\b(?:go and|let'?s|time to) (?:(?:hurt|attack|batter|kill|beat) (?:them|him|her)|(?:hurt|attack|batter) the \w+)\b|"
    r"\bput (?:him|her|them) in (?:hospital|the ground|a wheelchair)\b|"
    r"\bsort (?:him|her|them) out (?:round the back|outside|properly|for good)|\bwhere there'?s no cctv\b|"
    r"\bwait (?:till|until) (?:he|she|they)(?:'s|'re| is| are) asleep\b|\blet (?:him|her|them) have it\b",
    re.IGNORECASE,
)
_SUPPORT = fastre.compile(
    r"\b(?:samaritans|116 ?123|shout|85258|crisis line|helpline|call 999|a&e|reach out|you(?:'re| are) "
    r"not alone|support is available|here for you|talk to (?:someone|us|me)|get help|(?:is|are) "
    r"(?:dangerous|harmful|toxic|not ok(?:ay)?)|mute|unfollow|report (?:it|them|this)|recovery|"
    r"risk assessment|safety plan|said (?:to me|they)|told me)\b",
    re.IGNORECASE,
)
# "do it" encourages suicide only where suicide is the subject ("just do it" is also a slogan).
_DO_IT = re.compile(r"\bdo it$", re.IGNORECASE)
_SUICIDE_SUBJECT = re.compile(
    r"\b(?:alive|die|dead|jump|end it|kill|pills|tablets|bridge|rope|wrists?|suicid\w*|kys|coward|exist)\b",
    re.IGNORECASE,
)
_AT_PERSON = re.compile(r"\b(?:you|your|u|ur)\b|@\w+", re.IGNORECASE)


@register
class HarmEncouragementDetector(Detector):
    name = "harm_encouragement"
    rules = ("SM203", "SM202")

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        kinds = (
            ("suicide", _SUICIDE),
            ("self-harm", _SELF_HARM),
            ("disordered eating", _EATING),
            ("violence", _VIOLENCE),
        )
        for kind, pattern in kinds:
            for m in pattern.finditer(text):
                sentence = post.sentence_at(m.start())
                if is_reported(text, m.start(), m.end(), sentence) or is_negated(
                    text, m.start(), 25, sentence.start
                ):
                    continue
                if kind != "violence" and _SUPPORT.search(text, sentence.start, sentence.end):
                    continue
                if _DO_IT.search(m.group(0)) and not _SUICIDE_SUBJECT.search(text):
                    continue
                yield self._evidence("SM203", m, f"this could encourage {kind}")
                if kind == "suicide" and _AT_PERSON.search(text):
                    yield self._evidence("SM202", m, "this tells someone to harm themselves")

    def _evidence(self, rule: str, m: re.Match[str], message: str) -> Evidence:
        return Evidence(
            rule=rule,
            message=message,
            start=m.start(),
            end=m.end(),
            score=0.85,
            detector=self.name,
            suggestion=(
                "Do not post this. If you're worried about someone, point them to support: "
                "Samaritans 116 123, or 999 in an emergency."
            ),
        )
