"""SM201, first pattern-based version: hate against a group with a protected characteristic.

A group term followed, in the same sentence, by a derogatory or dehumanising predicate ("X are
vermin", "why are all X so lazy?"), a hostile verb aimed at a group ("deport all X"), a slur, or
support for a hateful entity. Counter-speech ("saying X are vermin is racist"), negation ("X are
not a burden") and quotation are not findings. A trained classifier will strengthen this later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.lexicon import ANY_GROUP, CHARACTERISTIC_WORD, GROUPS, SLUR_PATTERNS, may_contain_slur
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
    r"ruin(?:ed|s)? (?:the|our|this)|ruins everything|stink(?:ing)? (?:up|out)|cheap labour|steal(?:ing)? our|"
    r"pathetic|shit|crap|shite|a problem|the problem|should (?:all )?leave|(?:were|are) all dead|"
    r"should (?:all )?be (?:executed|wiped out|eliminated|eradicated|purged|culled|hanged|hung|shot|"
    r"killed|murdered|burned|gassed|exterminated)|belong in a (?:zoo|cage|kennel)|stay in their place|"
    r"(?:are|is) (?:just |simply )?the worst|a disgrace|inferior|not (?:welcome|wanted)|don'?t deserve (?:to live|rights|respect)|"
    r"(?:ever |just |all )?(?:behave|integrate|learn english|speak english|be normal|be trusted|keep quiet|shut up)\?|"
    r"backward|primitive|feral|uncivili[sz]ed|(?:all )?drunks|(?:just )?(?:aren'?t|are not|not) suited to|"
    r"(?:blokes|men) in (?:frocks|skirts|make-?up)"
)
_HOSTILE_VERB = (
    r"kill|murder|gas|shoot|deport|ban|exterminate|eradicate|wipe out|get rid of|lock up|hang|burn|"
    r"string up|round up|hate|despise|can'?t stand|loathe|detest|death to|no more|send back|"
    r"f\*?u?c?k|down with|never hire|never rent to|keep out|kick out|sterili[sz]e|stone|beat up|"
    r"(?:see|seen) any more|sick of (?:all )?(?:these|the)|no more|ban|round up|bar|hurt|harm|attack|"
    r"stab|bomb|lynch|murder|shoot the next|kill the next|never let an?|don'?t (?:respect|trust|like)|"
    r"(?:i )?(?:can'?t|cannot) stand|typical(?: of)?"
)
_HATEFUL_ENTITY = fastre.compile(
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
            rf"\b(?P<pred>{_HOSTILE_VERB})\s+(?:all\s+|every\s+|the\s+|these\s+|those\s+|more\s+|any\s+|an?\s+|next\s+)*"
            rf"(?:bloody\s+|filthy\s+|dirty\s+|f\w*ing\s+)?(?P<group>{groups})\b",
            re.IGNORECASE,
        )
        compiled.append((characteristic, derogation, hostile))
    return compiled


_GROUP_REGEXES = _group_regexes()
_GAP_NEGATION = re.compile(r"\b(?:not|never|n't|no longer|aren'?t|isn'?t|weren'?t)\b", re.IGNORECASE)
# "X are not good people": a negated compliment is a derogation.
_NEGATED_PRAISE = re.compile(
    r"\b(?:are|is|were|was)\s+(?:not|never|n't)\s+(?:\w+\s+)?(?:good|intelligent|smart|human|real|"
    r"welcome|trustworthy|honest|clever|decent|normal|equal|capable|people|worth)\b|\bare(?:n'?t| not) (?:\w+ )?human\b",
    re.IGNORECASE,
)
# Spelling games that hide a group or a slur from word lists: "h4te", "w o m e n", "Muslmis",
# "womenarescum". The text is undone into plain words and checked again.
_VOCABULARY = [
    "women",
    "woman",
    "females",
    "girls",
    "trans",
    "gay",
    "gays",
    "lesbians",
    "black",
    "blacks",
    "disabled",
    "muslims",
    "muslim",
    "islam",
    "jews",
    "immigrants",
    "immigrant",
    "migrants",
    "refugees",
    "people",
    "person",
    "hate",
    "despise",
    "disgusting",
    "scum",
    "vermin",
    "animals",
    "rats",
    "kill",
    "murder",
    "shoot",
    "worthless",
    "pathetic",
    "stupid",
    "subhuman",
    "filth",
    "trash",
    "die",
    "dead",
]
# Ordinary words the leet-tolerant slur patterns would otherwise catch.
_NOT_SLURS = frozenset(
    {"spice", "spices", "spicy", "coonhound", "wogan", "yiddish", "mongs", "spastics"} - {"mongs", "spastics"}
)
# Misspellings are undone only toward long or distinctive words: "rates" must not become "rats".
_FUZZY_TARGETS = [w for w in _VOCABULARY if len(w) >= 6 or w in ("women", "woman")]
_LEET_INSIDE = re.compile(
    r"(?<![0-9@$*])(?:(?<=[a-z])[0-9@$*]++(?=[a-z])|(?<=\b[a-z])[0-9@$*]++|[0-9@$*]++(?=[a-z]{2,}\b))",
    re.IGNORECASE,
)
_LEET_MAP = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "5": "s", "$": "s", "7": "t", "*": "u"}
)
_SPACED = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z0-9@$*]+")
_PRONOUN_LEAD = fastre.compile(
    r"\W*(?:they|them|these people|those people|these|those|all of them)\b", re.IGNORECASE
)
# "... Deport the lot of them": a hostile act on a group named earlier in the post.
_HOSTILE_TO_THEM = re.compile(
    r"\b(?:deport|ban|kick out|send back|get rid of|lock up|round up|shoot|kill|hang|gas)\s+"
    r"(?:the lot of (?:them|'em)|them all|all of them|every (?:last )?one of them)\b",
    re.IGNORECASE,
)
_THEY_CLAUSE = re.compile(r"[,;:]\s*(?:they|they'?re|they are)\b", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _respelled(lower: str) -> str | None:
    """The hate word a lower-case token is one slip away from, or the words run together in it;
    None when it is neither. Cached: an account repeats its everyday words thousands of times."""
    best = process.extractOne(lower, _FUZZY_TARGETS, scorer=DamerauLevenshtein.distance, score_cutoff=1)
    if best is not None and best[0][0] == lower[0] and abs(len(best[0]) - len(lower)) <= 1:
        return str(best[0])
    if len(lower) >= 10:  # run together: "womenarescum"
        parts = [w for w in _VOCABULARY if len(w) > 3 and w in lower]
        if len(parts) >= 2:
            words = "|".join(sorted(parts, key=len, reverse=True))
            return " ".join(re.sub(rf"({words}|are|is)", r" \1 ", lower).split())
    return None


def _plain_words(text: str) -> str | None:
    """The text with leetspeak, spaced-out letters, one-letter misspellings and run-together
    words undone, toward the words hate is made of; None when nothing needed undoing.
    """
    undone = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    undone = _LEET_INSIDE.sub(lambda m: m.group(0).translate(_LEET_MAP), undone)

    def fix(m: re.Match[str]) -> str:
        token = m.group(0)
        lower = token.lower()
        if len(lower) < 4 or lower in _VOCABULARY:
            return token
        return _respelled(lower) or token

    undone = _TOKEN.sub(fix, undone)
    return undone if undone != text else None


@register
class DiscriminationDetector(Detector):
    name = "discrimination"
    rules = ("SM201",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        slurs = SLUR_PATTERNS if may_contain_slur(text) else []
        for characteristic, pattern in slurs:
            for m in pattern.finditer(text):
                if m.group(0).lower() in _NOT_SLURS or is_reported(text, m.start(), m.end()):
                    continue
                if is_negated(text, m.start(), 12):  # "not a slut"
                    continue
                yield self._evidence(m.start(), m.end(), characteristic, "slur", 0.9)
        found = list(self._group_hate(post))
        yield from found
        if not found:
            found = list(self._obfuscated(post))
            yield from found
        for m in _HATEFUL_ENTITY.finditer(text):
            if not is_reported(text, m.start(), m.end()) and not is_negated(text, m.start(), 15):
                yield self._evidence(m.start(), m.end(), "race or ethnicity", "hateful entity", 0.85)

    def _group_hate(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        # most posts name no group, and then the sixteen per-characteristic patterns need not run
        groups = _GROUP_REGEXES if ANY_GROUP.search(text) else []
        for characteristic, derogation, hostile in groups:
            for m in derogation.finditer(text):
                if text[m.end("group") : m.end("group") + 2] in ("'s", "’s"):
                    continue
                if _GAP_NEGATION.search(m.group("gap")) or self._countered(post, m):
                    continue
                yield self._evidence(m.start(), m.end(), characteristic, "derogation", 0.8)
            yield from self._negated_praise(post, characteristic, derogation)
            yield from self._pronoun_reference(post, characteristic, derogation)
            for m in hostile.finditer(text):
                if self._countered(post, m):
                    continue
                yield self._evidence(m.start(), m.end(), characteristic, "hostility", 0.8)

    def _obfuscated(self, post: Analysis) -> Iterator[Evidence]:
        """Group hate written to dodge word lists, checked on the text with the spelling undone."""
        plain = _plain_words(post.text)
        if plain is None:
            return
        for ev in self._group_hate(Analysis(plain)):
            yield replace(
                ev, start=0, end=len(post.text), message=ev.message + ", in disguised spelling", score=0.7
            )

    def _negated_praise(
        self, post: Analysis, characteristic: str, derogation: re.Pattern[str]
    ) -> Iterator[Evidence]:
        group = re.compile(derogation.pattern.split("(?P<gap>")[0], re.IGNORECASE)
        for m in group.finditer(post.text):
            after = _NEGATED_PRAISE.match(post.text, m.end() + 1) if m.end() < len(post.text) else None
            if after and not is_reported(post.text, m.start(), after.end()):
                yield self._evidence(m.start(), after.end(), characteristic, "derogation", 0.7)

    def _pronoun_reference(
        self, post: Analysis, characteristic: str, derogation: re.Pattern[str]
    ) -> Iterator[Evidence]:
        """ "I hate X. They are scum.": the second sentence derogates the group the first named."""
        text = post.text
        group = re.compile(derogation.pattern.split("(?P<gap>")[0], re.IGNORECASE)
        named_anywhere = group.search(text)
        if named_anywhere:
            for m in _HOSTILE_TO_THEM.finditer(text, named_anywhere.end()):
                if not is_reported(text, m.start(), m.end()):
                    yield self._evidence(named_anywhere.start(), m.end(), characteristic, "hostility", 0.75)
            for m in _THEY_CLAUSE.finditer(text, named_anywhere.end()):
                # "Keep the autistic kids away, they're feral": the clause speaks of the group
                end = post.sentence_at(m.start()).end
                stand_in = named_anywhere.group(0) + " are" + text[m.end() : end]
                if derogation.search(stand_in) and not is_reported(text, m.start(), m.end()):
                    yield self._evidence(named_anywhere.start(), end, characteristic, "derogation", 0.7)
        for previous, sentence in zip(post.sentences, post.sentences[1:], strict=False):
            lead = _PRONOUN_LEAD.match(text, sentence.start, sentence.end)
            named = group.search(text, previous.start, previous.end)
            if not lead or not named:
                continue
            # read the sentence as if it named the group instead of the pronoun
            stand_in = named.group(0) + text[lead.end() : sentence.end]
            if derogation.search(stand_in) and not is_reported(text, sentence.start, sentence.end):
                yield self._evidence(sentence.start, sentence.end, characteristic, "derogation", 0.75)

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
