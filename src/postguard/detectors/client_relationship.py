"""SM301: building or pursuing a relationship with a client outside therapy: friending,
following, private messaging, dating, socialising.

Posts about keeping boundaries ("I declined her friend request and we talked it through") are
the opposite of a breach and must not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence

_PLATFORM = (
    r"(?:insta\w*|ig|facebook|fb|tiktok|twitter|x|linkedin|snapchat|snap|threads|bluesky|whatsapp|here)"
)
_RELATIONSHIP = fastre.compile(
    rf"\b(?:follow(?:s|ed|ing)?(?: \w+){{0,6}} (?:on|over on) {_PLATFORM}|follow(?:ed|ing)? (?:\w+ )?back|"
    r"follow[- ]back|follow requests?|friend requests?|mutuals|"
    r"(?:gym|walks?|runs?|running|swimming|yoga|classes|shopping|holiday|pub)(?: \w+){0,3} together|buddies|"
    r"(?:client|patient|user)'?s (?:wedding|party|birthday|house|home|hen do|stag do|christening|"
    r"graduation do|leaving do)|"
    rf"(?:added|add|connect\w*)(?: with)? (?:\w+ ){{0,7}}on {_PLATFORM}|(?:private|secret|closed) (?:facebook |whatsapp )?group (?:just )?for (?:my|our) clients|"
    r"(?:play|playing|joined|joining) (?:\w+ ){0,3}with (?:my|their|our) clients|round for (?:tea|dinner|drinks|a brew)|"
    r"keep(?:ing)? in touch|stay(?:ing)? in touch|"
    r"godmother|godfather|godparent|bridesmaid|best man|business partner|go(?:ing)? into business|"
    r"(?:lent|loaned|gave) (?:\w+ ){0,2}(?:£\d+|money|cash)|(?:we'?re|we are) (?:\w+ )?(?:mates|friends|pals)|"
    r"(?:dm'?d|dm'?ing|slid into (?:[\w'’]+ ){0,3}dms|messag\w+ (?:\w+ ){0,5}on (?:insta\w*|fb|facebook|"
    r"whatsapp|snap\w*|tiktok)|(?:my )?personal (?:account|mobile|number|phone|email|insta\w*|page))|"
    r"(?:text|whatsapp|facetim|messag|call|ring)\w* (?:\w+ ){0,3}(?:most|every|late|in the) (?:evenings?|nights?|"
    r"days?|weekends?)|whenever|"
    r"(?:coffee|a coffee|drinks?|a drink|a pint|pints|lunch|dinner|brunch|a curry|a meal|cocktails|"
    r"spa day|a walk|walks|the footy|the football|the match|the races|a gig|bbq|barbecue|karaoke|"
    r"season ticket|night out|the pub)\b|"
    r"(?:her|his|their) (?:\d+(?:st|nd|rd|th)|wedding|hen do|stag do|birthday|party|christening|team)|"
    r"my (?:hen do|stag do|wedding|party|birthday)|round (?:to )?(?:mine|hers|his)|"
    r"(?:meet|meeting) up|hang(?:ing)? out|hung out|as friends|be friends|(?:staying|stay|become|became|now) "
    r"(?:good |close |best )?friends|my (?:new )?(?:friends|mate|bestie)|a mate\b|"
    r"date night|dating|a date\b|on a date|matched|swiped right|fancy|fancies|fancied|crush|"
    r"ask(?:ing|ed)? (?:him|her|them) out|kiss\w*|invited (?:me|my)|joined (?:her|his|their) (?:team|club|gym|choir)|"
    r"lent (?:her|him|them)|gym buddy|running buddy)",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"\b(?:(?:never|don'?t|do not|won'?t|will not|wouldn'?t|can'?t|cannot|shouldn'?t|should not|must not|"
    r"mustn'?t|not)\s+(?:\w+\s+){0,2}(?:accept|follow|friend|add|connect|date|meet|see|socialis\w*|"
    r"message|text|give|share|go|have|be|become|get|do|engage|respond|reply)|not allowed|declin\w+|turn(?:ed)? down|politely|gently|boundar\w+|policy|contract\w*|"
    r"explain\w*|remind\w*|not appropriate|inappropriate|refus\w+|said no|"
    r"unfollow\w*|block\w*|supervision|ethic\w*|professional (?:page|account)|separate accounts?|"
    r"talked it through|how (?:do|should) (?:you|i) (?:handle|respond|manage))\b",
    re.IGNORECASE,
)


# Boundaries mentioned only to wave them away: "therapy boundaries who?"
_DISMISSED = re.compile(
    r"\bboundar\w+,? (?:who|what)\b|\bwho needs (?:\w+ )?boundar\w+|\bso much for (?:\w+ )?boundar\w+|"
    r"\bboundar\w+ schm\w+|\bbreak(?:ing)? (?:all )?the rules\b",
    re.IGNORECASE,
)


@register
class ClientRelationshipDetector(Detector):
    name = "client_relationship"
    rules = ("SM301",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        clients = post.client_references
        if not clients:
            return
        text = post.text
        near = post.sentences_near(clients)
        signals = []
        for m in _RELATIONSHIP.finditer(text):
            index = post.sentence_index(m.start())
            if index not in near:
                continue
            first = post.sentences[index].start
            last = post.sentences[min(len(post.sentences) - 1, index + 1)].end
            if _BOUNDARY.search(text, first, last) and not _DISMISSED.search(text):
                continue
            signals.append(m)
        if not signals:
            return
        client = min(clients, key=lambda c: abs(c[0] - signals[0].start()))
        yield Evidence(
            rule="SM301",
            message="this describes a relationship with a client outside therapy",
            start=min(signals[0].start(), client[0]),
            end=max(signals[-1].end(), client[1]),
            score=min(1.0, 0.6 + 0.1 * len(signals)),
            detector=self.name,
            suggestion=(
                "Keep contact with clients inside the therapeutic relationship: decline requests "
                "kindly, and talk it through in supervision."
            ),
        )
