"""SM201, first pattern-based version: hate against a group with a protected characteristic.

A group term followed, in the same sentence, by a derogatory or dehumanising predicate ("X are
vermin", "why are all X so lazy?"), a hostile verb aimed at a group ("deport all X"), a slur, or
support for a hateful entity. Counter-speech ("saying X are vermin is racist"), negation ("X are
not a burden") and quotation are not findings. A trained classifier will strengthen this later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.lexicon import CHARACTERISTIC_WORD, GROUPS, SLUR_PATTERNS, may_contain_slur
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_PREDICATE = (
    r"vermin|rats?|cockroach(?:es)?|animals?|savages?|apes?|monkeys?|pigs?|dogs?|parasites?|leeches|"
    r"scum|filth|trash|garbage|rubbish|subhuman|sub-human|inferior|disgusting|vile|revolting|"
    r"repulsive|gross|evil|dirty|filthy|smelly|stink|stupid|thick|dumb|lazy|criminals?|rapists?|"
    r"terrorists?|paedo(?:phile)?s?|pedo(?:phile)?s?|groomers?|predators?|freaks?|perverts?|"
    r"degenerates?|abominations?|unnatural|mentally ill|delusional|sick in the head|"
    r"in the way|stay (?:at )?home|too emotional|a lifestyle choice|lifestyle choice|"
    r"can be (?:changed|cured|fixed|prayed away)|can'?t handle|(?:live|living) like animals|"
    r"(?:running|run|control(?:ling)?) (?:the )?(?:banks|media|world|government)|play the system|"
    r"weird|(?:such )?a mess|liars|need(?:s)? sectioning|won'?t learn english|"
    r"diseased|a burden|burdens|useless|worthless|a waste of|not real (?:women|men)|"
    r"men in dresses|blokes in (?:dresses|wigs)|invaders?|an? infestation|a plague|a disease|"
    r"a cancer|a virus|the problem with this country|ruining|destroying|breed(?:ing)? like|"
    r"should(?: all)? die|must die|deserve to die|deserve (?:nothing|to suffer)|"
    r"belong in the kitchen|can'?t drive|too emotional|hysterical|only good for|beneath us|"
    r"unfit to|can'?t be trusted|never be trusted|should(?: all)?(?: just)? be (?:shot|hanged|hung|"
    r"gassed|deported|sent back|banned|locked up|sterili[sz]ed|exterminated|removed|killed|put down|"
    r"burned|burnt|lynched|kept out|rounded up|segregated|institutionali[sz]ed)|"
    r"should (?:all )?go back|go back to (?:where|your|their)|get out of (?:our|my) country|"
    r"not welcome|not human|aren'?t (?:human|people|real)|have no place|don'?t belong|"
    r"make me (?:sick|vomit|want to)|disgust me|take over|taking over|swarming|flooding (?:in|our)|"
    r"invading|out-?breed(?:ing)?|replac(?:e|ing) us|shouldn'?t (?:be allowed|have (?:rights|kids|children|"
    r"the vote))|should(?:n'?t| not) be allowed|have too many rights|are a threat|a danger to|"
    r"brainwashed|mutilat\w+|should be ashamed of (?:being|themselves)|all the same|"
    r"need(?:s)? to be (?:cured|fixed|stopped|eradicated)|can'?t do (?:maths|science|anything)|"
    r"less intelligent|less than human|not fit|bring (?:crime|disease)|a drain|sponging|scroungers?|"
    r"(?:naturally |inherently |genetically )?(?:more )?violent|obsessed with grooming|grooming gangs?|"
    r"thieving|thieves|an? invasion|invasion|foreign rapists|begging|livestock|good for (?:breeding|"
    r"cooking|nothing)|breeding|made[- ]up (?:disorder|illness|nonsense)|attention[- ]seek\w*|"
    r"snowflakes|need a (?:good )?slap|diseased?|never be allowed|deserve to be (?:beaten|shot|killed|"
    r"hurt|attacked)|greedy|can'?t pick a side|robots|no feelings|brains are rotting|wrecking|"
    r"barely speak english|send them (?:all )?(?:home|back)|moved in|in the kitchen|typical|"
    r"should (?:all )?(?:just )?be (?:barred|stopped|banned|denied|removed|excluded)|barred from|"
    r"a mental illness|confused|perverted|sinful|an? abomination|should be cured|"
    r"can'?t be (?:real|proper|good) (?:\w+ )?(?:therapists?|doctors?|parents?|nurses?)|"
    r"ruin(?:ed|s)? (?:the|our|this)|stink(?:ing)? (?:up|out)|cheap labour|steal(?:ing)? our"
)
_HOSTILE_VERB = (
    r"kill|murder|gas|shoot|deport|ban|exterminate|eradicate|wipe out|get rid of|lock up|hang|burn|"
    r"string up|round up|hate|despise|can'?t stand|loathe|detest|death to|no more|send back|"
    r"f\*?u?c?k|down with|never hire|never rent to|keep out|kick out|sterili[sz]e|stone|beat up|"
    r"(?:see|seen) any more|sick of (?:all )?(?:these|the)|no more|ban|round up|bar"
)
_HATEFUL_ENTITY = re.compile(
    r"(?<![\w/.=-])(?:14 ?/ ?88|1488)(?![\w/.-])|\b(?:heil hitler|sieg heil|white power|white genocide|great replacement|"
    r"hitler (?:was right|had (?:the right|a point|the right idea)|did nothing wrong)|"
    r"holocaust (?:never happened|didn'?t happen|(?:is|was) a (?:lie|hoax|myth|fraud)|was exaggerated|"
    r"is (?:a )?(?:fake|made up))|"
    r"(?:support|join|vote for|proud of|love|back) (?:britain first|the kkk|the bnp|national action|"
    r"patriotic alternative|the edl)|gas the \w+|jews control|zionist occupied|zog\b|\(\(\()",
    re.IGNORECASE,
)
_COUNTER_AFTER = re.compile(r"^\W{0,3}(?:is|are|was|that'?s|it'?s)\s+(?:not|never)\b", re.IGNORECASE)


def _group_regexes() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    compiled = []
    for characteristic, groups in GROUPS.items():
        derogation = re.compile(
            rf"\b(?P<group>{groups})\b(?P<gap>(?:[^\w.!?\n]+[\w'’-]+){{0,8}}?)[^\w.!?\n]+"
            rf"(?P<pred>{_PREDICATE})\b",
            re.IGNORECASE,
        )
        hostile = re.compile(
            rf"\b(?P<pred>{_HOSTILE_VERB})\s+(?:all\s+|every\s+|the\s+|these\s+|those\s+|more\s+|any\s+)*"
            rf"(?:bloody\s+|filthy\s+|dirty\s+|f\w*ing\s+)?(?P<group>{groups})\b",
            re.IGNORECASE,
        )
        compiled.append((characteristic, derogation, hostile))
    return compiled


_GROUP_REGEXES = _group_regexes()
# One pass that says whether any group is named at all: most posts name none, and then the
# sixteen per-characteristic patterns need not run.
_ANY_GROUP = re.compile(rf"\b(?:{'|'.join(GROUPS.values())})\b", re.IGNORECASE)
_GAP_NEGATION = re.compile(r"\b(?:not|never|n't|no longer|aren'?t|isn'?t|weren'?t)\b", re.IGNORECASE)


@register
class DiscriminationDetector(Detector):
    name = "discrimination"
    rules = ("SM201",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        slurs = SLUR_PATTERNS if may_contain_slur(text) else []
        for characteristic, pattern in slurs:
            for m in pattern.finditer(text):
                if is_reported(text, m.start(), m.end()):
                    continue
                yield self._evidence(m.start(), m.end(), characteristic, "slur", 0.9)
        groups = _GROUP_REGEXES if _ANY_GROUP.search(text) else []
        for characteristic, derogation, hostile in groups:
            for m in derogation.finditer(text):
                if text[m.end("group") : m.end("group") + 2] in ("'s", "’s"):
                    continue
                if _GAP_NEGATION.search(m.group("gap")) or self._countered(post, m):
                    continue
                yield self._evidence(m.start(), m.end(), characteristic, "derogation", 0.8)
            for m in hostile.finditer(text):
                if self._countered(post, m):
                    continue
                yield self._evidence(m.start(), m.end(), characteristic, "hostility", 0.8)
        for m in _HATEFUL_ENTITY.finditer(text):
            if not is_reported(text, m.start(), m.end()) and not is_negated(text, m.start(), 15):
                yield self._evidence(m.start(), m.end(), "race or ethnicity", "hateful entity", 0.85)

    @staticmethod
    def _countered(post: Analysis, m: re.Match[str]) -> bool:
        text = post.text
        sentence = post.sentence_at(m.start())
        return (
            is_negated(text, m.start(), 30, sentence.start)
            or is_reported(text, m.start(), m.end(), sentence)
            or bool(_COUNTER_AFTER.match(text[m.end() : m.end() + 20]))
        )

    def _evidence(self, start: int, end: int, characteristic: str, form: str, score: float) -> Evidence:
        word = CHARACTERISTIC_WORD[characteristic]
        kind = {"slur": f"{word} slur", "hateful entity": "support for a hateful movement"}.get(
            form, f"{word} content"
        )
        return Evidence(
            rule="SM201",
            message=f"{kind} (targets {characteristic})",
            start=start,
            end=end,
            score=score,
            detector=self.name,
            suggestion="Do not post this. If your account posted it without you, secure the account "
            "and remove it.",
            explanation={"characteristic": characteristic, "form": form},
        )
