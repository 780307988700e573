"""SM202: bullying a person: threats, intimidation, pile-ons, humiliation, rumours, stalking.

The policy lists "spreading malicious and abusive rumours", "online stalking", "posting
embarrassing or humiliating images" and "trolling". Friendly versions of the same shapes
("everyone go and congratulate her", "rumour has it there's cake") are not bullying.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_PATTERNS: list[tuple[str, fastre.Regex]] = [
    (
        "a threat",
        fastre.compile(
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
        fastre.compile(
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
        fastre.compile(
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
        fastre.compile(
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
        fastre.compile(
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
        fastre.compile(
            r"\b(?:send|give) me (?:nudes|pics|money|£\d+)\b[^.!?]{0,30}\b(?:or|unless|otherwise)\b|"
            r"\bunless you (?:pay|send|do)\b[^.!?]{0,40}\b(?:i'?ll|i will|everyone will)\b|"
            r"\bor (?:i'?ll|i will) (?:post|share|send|show|tell|leak)\b",
            re.IGNORECASE,
        ),
    ),
]


_EXTRA: list[tuple[str, fastre.Regex]] = [
    (
        "a threat",
        fastre.compile(
            r"\b(?:make sure you regret|you(?:'ll| will) regret|regret it|make (?:your|her|his|their) life "
            r"(?:\w+ ){0,4}(?:hell|a misery)|would be a shame if|or (?:people|everyone) will (?:find out|know|see)|"
            r"or i(?:'ll| will)? (?:tell|post|share|send|show|leak|expose|report)|unless you (?:apologi[sz]e|pay|"
            r"drop|delete|withdraw|stop|leave)|i know it was you|i'?ll be watching|i'?m watching you|"
            r"you can'?t get rid of me|(?:i'?ll|i will) (?:just )?keep (?:making|posting|messaging|coming|"
            r"replying|tagging)|every time you block|until (?:you|she|he|they) (?:delete|admit|apologi[sz]e|leave|quit|"
            r"cry|break)s?|(?:i'?ve|i have) got all (?:night|day)|ruin (?:your|her|his|their)|"
            r"(?:screenshotted|saved|kept) everything you'?ve|what really happened|"
            r"you'?d better (?:drop|delete|withdraw|stop|back off|watch))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "exclusion",
        fastre.compile(
            r"\bdon'?t (?:sit|talk|speak|answer|reply|invite|include|work) (?:with |to )?(?:her|him|them|"
            r"(?-i:[A-Z][a-z]+))\b|\blet'?s see how long (?:she|he|they) lasts?\b|"
            r"\bfreeze (?:her|him|them) out\b|\bnobody (?:talk|speak) to (?:her|him)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "humiliation",
        fastre.compile(
            r"\b(?:passed out|drunk|naked|nudes?|topless)\b[^.!?]{0,40}\b(?:share|pass|attached|enjoy|"
            r"everywhere|😂|🤣|lol)|\bnudes attached\b|\bshare (?:it|this) everywhere\b|"
            r"\bface like (?:that|a)\b|\bno wonder (?:your|her|his) (?:wife|husband|partner|clients|"
            r"boyfriend|girlfriend|kids|friends)\b|\blaughs? at you\b|\bbehind your back\b|"
            r"\bmade it my (?:ringtone|wallpaper|screensaver)\b|\beveryone needs to (?:see|hear)\b|"
            r"\b(?:bald patch|double chin|muffin top|fat rolls)\b|\bfalling over\b|\bglow up\b|"
            r"\b(?:your|her|his) old (?:myspace |facebook )?(?:photos|pics)\b|\bworthless excuse\b|"
            r"\bmake sure everyone (?:\w+ ){0,4}knows\b|🤮|\bnever live it down\b|"
            r"\bwhat kind of (?:person|woman|man) (?:she|he) really is\b",
            re.IGNORECASE,
        ),
    ),
    (
        "a malicious rumour",
        fastre.compile(
            r"\b(?:heard from (?:a )?(?:very )?(?:reliable|good) source|pass it on|the full story on what|"
            r"dm me for the (?:full )?(?:story|details|tea)|spill(?:ing)? the tea on)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "a call to pile on",
        fastre.compile(
            r"\btagging (?:her|his|their) (?:boss|husband|wife|mum|dad|employer|manager|partner|kids)|"
            r"\bso they can all see\b|\bsomeone tell @\w+|\bshare (?:it|this) (?:with|to) (?:her|his) "
            r"(?:boss|employer|family)",
            re.IGNORECASE,
        ),
    ),
    (
        "stalking",
        fastre.compile(
            r"\bsaw you (?:leave|leaving|arrive|arriving|at|in|outside|with)\b|"
            r"\bkeeping tabs on (?:my|her|him|them|your|you)\b|"
            r"\bin the (?:\w+ )?(?:corsa|car|van|golf|fiesta|bmw|audi)\b[^.!?]{0,30}\b(?:watching|tomorrow|again)|"
            r"\bkeep making new accounts\b",
            re.IGNORECASE,
        ),
    ),
]
_EXTRA += [
    (
        "coercion",
        fastre.compile(
            r"\b(?:or (?:i'?ll|i will|i'?m going to) (?:let|tell|show|send|make)|your choice\b|"
            r"want me to (?:send|show|forward|post) (?:them|it|this|these) to|doesn'?t know about|"
            r"(?:i'?ll|i will) let your (?:manager|boss|wife|husband|partner|employer|clients?) know|"
            r"maybe (?:she|he|they)'?d like to know|choose your next move carefully|think (?:very )?carefully "
            r"about your next|i'?m (?:marking|assessing|reviewing) your|i'?ll just turn up|i'?m very persistent|"
            r"i found your (?:facebook|insta\w*|tiktok|address|house|family)|keep (?:\w+ing)\b[^.!?]{0,60}\band (?:he|she|they|everyone) will)",
            re.IGNORECASE,
        ),
    ),
    (
        "stalking",
        fastre.compile(
            r"\b(?:keeping (?:a )?(?:note|track|record|list) of (?:everywhere|every|where)|i know (?:it'?s|it was) you|"
            r"still living (?:at|with)|(?:might|will|gonna) pop (?:by|round)|(?:i'?ll|i will) be waiting "
            r"(?:outside|for you)|sort (?:this|it) out properly)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "a call to pile on",
        fastre.compile(
            r"\b(?:mass[- ]report|we'?re all reporting|until (?:it'?s|she'?s|he'?s|they'?re) gone|"
            r"retweet (?:this )?if you (?:think|agree)|let'?s show (?:him|her|them)|pile in|"
            r"you know what to do|do what you (?:like|want|will) with (?:that|this|it)|"
            r"see how (?:s?he|they|HE|SHE) likes? it|give (?:her|him|them) a (?:ring|call|bell|visit)|"
            r"tell (?:her|him|them) (?:exactly )?what you think|(?:she|he|they) had it coming)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "humiliation",
        fastre.compile(
            r"\b(?:screenshotted it|for the whatsapp group|have a listen|it'?s hilarious|compilation of|"
            r"crying in the (?:toilets|loos)|sobbing|anyone want the (?:video|photo|pic|recording)|"
            r"not cut out for|(?:she|he)'?s not cut out|with the perm|old school photo|share it round|"
            r"(?:made|making) (?:a |little )*(?:meme|gif|video|compilation) of|check the state of|face first in)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "a malicious rumour",
        fastre.compile(
            r"\b(?:word is|ask around|up to something|not naming names,? but|i wouldn'?t sit near|"
            r"heard (?:it )?(?:on good authority|from a (?:good|reliable) source)|spread the word|tell everyone|"
            r"avoid (?:him|her|them) like the plague|avoid like the plague|you'?ll find out soon enough|"
            r"keep an eye on (?:her|him|(?-i:[A-Z][a-z]+)))\b",
            re.IGNORECASE,
        ),
    ),
]
# Cues that are also everyday speech ("word is", "have a listen", "spread the word", "it's
# hilarious", "glow up"): alone in a post, one counts only where the classifier agrees it is
# aimed at someone (abuse_classifier.CORROBORATE); with another cue beside it, it counts.
_EVERYDAY = fastre.compile(
    r"\b(?:word is|have a listen|it'?s hilarious|spread the word|tell everyone|ask around|sobbing|"
    r"compilation of|glow up|behind your back|falling over|pass it on|what really happened|"
    r"up to something|keep an eye on|check the state of|not cut out for|like the plague|ruin (?:your|her|his|their)|"
    r"regret it|pile in|you know what to do|i'?ll be watching|face like (?:that|a)|share it round|laughs? at you|"
    r"everyone needs to (?:see|hear)|here'?s the|look at (?:this|her|him))\b",
    re.IGNORECASE,
)
_SUPPORT = fastre.compile(
    r"\b(?:helpline|is a crime|is illegal|if (?:it'?s|this has) happened to you|report it|can help|"
    r"(?:please |can we |let'?s )?stop|don'?t|never|critique the|support for|victims?)\b",
    re.IGNORECASE,
)


@register
class BullyingDetector(Detector):
    name = "bullying"
    rules = ("SM202",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        found = []
        for form, pattern in (*_PATTERNS, *_EXTRA):
            for m in pattern.finditer(text):
                sentence = post.sentence_at(m.start())
                if is_reported(text, m.start(), m.end(), sentence) or is_negated(
                    text, m.start(), 15, sentence.start
                ):
                    continue
                if _SUPPORT.search(text, sentence.start, m.start()) or (
                    form in ("humiliation", "a call to pile on")
                    and _SUPPORT.search(text, sentence.start, sentence.end)
                ):
                    continue
                found.append((form, m))
        alone = len({m.span() for _, m in found}) == 1
        for form, m in found:
            weak = alone and bool(_EVERYDAY.fullmatch(m.group(0)))
            yield Evidence(
                rule="SM202",
                message=f"this could be read as bullying: {form}",
                start=m.start(),
                end=m.end(),
                score=0.6 if weak else 0.8,
                detector=self.name,
                suggestion=(
                    "Do not post this. If someone has wronged you, block and report them and "
                    "keep a record; disagree with what they said, not with who they are."
                ),
                explanation={"form": form} | ({"cue": "weak"} if weak else {}),
            )
