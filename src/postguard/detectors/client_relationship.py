"""SM301: building or pursuing a relationship with a client outside therapy: friending,
following, dating, socialising, private contact.

Posts about keeping boundaries ("I never accept friend requests from clients") are the
opposite of a breach and must not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence

_RELATIONSHIP = re.compile(
    r"\b(?:friend(?:ed)? requests?|friended|added (?:me|her|him|them|each other)|"
    r"accept(?:ed|ing)? (?:her|his|their|a|the)? ?(?:friend |follow |connection )?requests?|"
    r"follow(?:ed|ing)? (?:me |her |him |them |each other )?(?:back )?(?:on|over on) "
    r"(?:insta\w*|ig|facebook|fb|tiktok|twitter|x|linkedin|snapchat|snap|threads|bluesky)|"
    r"followed (?:her|him|them|each other) back|follow(?:s|ed)? (?:me|each other) now|"
    r"connected on (?:linkedin|facebook|insta\w*)|(?:her|his|their) (?:insta|snap|socials|facebook)|"
    r"(?:drinks?|a drink|a pint|pints|coffee|a coffee|dinner|lunch|a meal|a curry|brunch|cocktails|"
    r"a night out|the pub|the races|the football|the match|a gig|a party|bbq|barbecue|a walk|"
    r"the gym|a run|parkrun|shopping|a date|dates|a film|the cinema|karaoke|bingo|quiz night)"
    r"(?: \w+){0,3} (?:with (?:her|him|them|my|a|one|the)|together)|"
    r"(?:went|going|go|met|meet|meeting|catch(?:ing)? up|hung out|hang(?:ing)? out|grab(?:bed)?|"
    r"invited|invite)(?: \w+){0,3} (?:for|to|out for) (?:drinks?|a drink|a pint|coffee|a coffee|dinner|"
    r"lunch|a meal|a curry|brunch|cocktails|her wedding|his wedding|their wedding|her party|his party|"
    r"a party|the pub|a night out|the races|a gig|the match|the football|a bbq|a barbecue|my house|"
    r"her house|his house|their house|my place)|"
    r"\b(?:dating|date|dated|going out with|seeing each other|matched with|swiped right on|"
    r"fancy|fancied|crush on|asked (?:me|her|him|them) out|kissed|slept with|hooked up|sleeping with)\b|"
    r"gave (?:her|him|them) my (?:personal |own |private )?(?:number|mobile|whatsapp|email|snap)|"
    r"(?:text|whatsapp|message|dm|facetime)(?:s|ed|ing)? (?:each other|me|her|him)(?: \w+){0,3} "
    r"(?:every|most|late|in the evenings?|at night|at weekends|all the time|outside|after)|"
    r"(?:lent|loaned|gave) (?:her|him|them) (?:some )?(?:money|£\d+|cash)|"
    r"(?:five|5)-a-side|gym buddy|running buddy|new (?:best )?(?:friend|mate|bestie)|"
    r"(?:now|become|became|are now|we're|we are) (?:good |proper |best |close )?(?:friends|mates|besties|pals)|"
    r"her hen do|his stag do|their wedding|her wedding|his wedding|christening|"
    r"stay(?:ed|ing)? over|round (?:to )?(?:mine|hers|his|theirs)"
    r")",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(
    r"\b(?:never|don'?t|do not|won'?t|will not|wouldn'?t|can'?t|cannot|shouldn'?t|should not|must not|"
    r"mustn'?t|not allowed|declin\w+|turn(?:ed)? down|politely|boundar\w+|policy|contract\w*|"
    r"explain|remind\w*|if a client|when a client|when clients|if clients|ignore(?:d)?|"
    r"rule|no matter how|not appropriate|inappropriate|refus\w+|said no|unfollow\w*|block\w*)\b",
    re.IGNORECASE,
)


@register
class ClientRelationshipDetector(Detector):
    name = "client_relationship"
    rules = ("SM301",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        if not post.mentions_clients:
            return
        text = post.text
        clients = [(m.start, m.end) for m in post.client_mentions] or [
            (m.start(), m.end()) for m in re.finditer(r"\b(?:clients?|patients?|service users?)\b", text, re.I)
        ]
        for m in _RELATIONSHIP.finditer(text):
            sentence = post.sentence_at(m.start())
            near = [c for c in clients if abs(c[0] - m.start()) < 140]
            if not near:
                continue
            span_start = min(sentence.start, near[0][0])
            if _BOUNDARY.search(text[span_start : sentence.end]):
                continue
            yield Evidence(
                rule="SM301",
                message="this describes a relationship with a client outside therapy",
                start=min(m.start(), near[0][0]),
                end=max(m.end(), near[0][1]),
                score=0.8,
                detector=self.name,
                suggestion=(
                    "Keep contact with clients inside the therapeutic relationship: decline "
                    "requests kindly, and talk it through in supervision."
                ),
            )
            return
