"""SM204: publishing a third party's private details (address, phone, email, workplace, car,
children's school, routine).

The member's own clinic details for bookings, helplines and public offices are not doxxing;
what makes it doxxing is that the details belong to another person, often with hostile intent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence

_THIRD_PARTY = re.compile(
    r"\b(?:he|she|they|him|her|his|hers|their|them|this (?:guy|woman|man|person|bloke|idiot|troll|"
    r"creep|lad)|the (?:troll|guy|woman|man|person|bloke|idiot|creep|one) who|troll|scammer|"
    r"stalker|my ex|neighbou?r|landlord|@\w+|(?:his|her|their) (?:address|number|phone|email|"
    r"mobile|wife|husband|kids?|car|reg|school|work|office|house|home))\b",
    re.IGNORECASE,
)
_PRIVATE_DETAIL = re.compile(
    r"\b(?:lives? (?:at|on|in)|living at|(?:home|house|private|personal|real) (?:address|number|email|mobile)|"
    r"(?:his|her|their) (?:address|number|mobile|phone|email|home|house)(?: is)?|address is|number is|"
    r"email is|mobile is|works? (?:at|for|in)|(?:his|her|their) (?:car|reg|registration|plates?)|"
    r"reg(?:istration)?(?: plate| number)?:?\s*(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3})|"
    r"(?:kids?|children|son|daughter|sons|daughters)(?: \w+){0,2} (?:go(?:es)? to|attends?|at) "
    r"(?:\w+\s){0,4}(?:school|primary|academy|nursery|college)|"
    r"(?:leaves|gets home|walks (?:the|his|her) dog|goes to the gym|finishes work) (?:\w+\s){0,4}at \d|"
    r"parks (?:his|her|their) (?:car|van))",
    re.IGNORECASE,
)
_CAR_REG = re.compile(r"\b(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3})\b")
_HOSTILE = re.compile(
    r"\b(?:go and|pay (?:him|her|them) a visit|say hi|say hello|let (?:him|her|them) know|"
    r"tell (?:him|her|them)|give (?:him|her|them) a (?:ring|call|piece)|you know what to do|"
    r"do your worst|expose|name and shame|shame|troll|scum|creep|idiot|deserves?|find (?:him|her|them)|"
    r"doorstep|turn up|knock on|visit)\b",
    re.IGNORECASE,
)
_OWN_BUSINESS = re.compile(
    r"\b(?:book(?:ings?)?|appointments?|enquir\w+|contact (?:me|us)|call (?:me|us)|email (?:me|us)|"
    r"our (?:clinic|practice|office|service|team|address|number|new)|my (?:clinic|practice|office|"
    r"room|rooms|number|work number)|we(?:'re| are) (?:at|based|now at|moving)|"
    r"find (?:us|me) at|visit (?:us|me)|drop[- ]in|open(?:ing)? (?:hours|times|on)|helpline|"
    r"samaritans|freephone|free(?:, confidential)?|24/7|lines? open|the (?:venue|conference|event|"
    r"workshop|training)|registered office|head office|reception)\b",
    re.IGNORECASE,
)


@register
class DoxxingDetector(Detector):
    name = "doxxing"
    rules = ("SM204",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        details = [(i.start, i.end, i.label) for i in post.contacts]
        details += [(m.start(), m.end(), "a private detail") for m in _PRIVATE_DETAIL.finditer(text)]
        details += [(m.start(), m.end(), "a car registration") for m in _CAR_REG.finditer(text)]
        if not details:
            return
        third_party = _THIRD_PARTY.search(text)
        own_business = _OWN_BUSINESS.search(text)
        hostile = _HOSTILE.search(text)
        strong = [d for d in details if d[2] != "a private detail"]
        if not third_party:
            return
        if own_business and not hostile:
            return
        if not strong and not hostile:
            # "she works at the hospital" alone is not publishing private details
            return
        start = min(d[0] for d in details)
        end = max(d[1] for d in details)
        labels = sorted({d[2] for d in details})
        yield Evidence(
            rule="SM204",
            message="this publishes someone's private details (" + ", ".join(labels) + ")",
            start=start,
            end=end,
            score=0.9 if hostile else 0.7,
            detector=self.name,
            suggestion=(
                "Remove the person's address, phone, email, workplace and other private details. "
                "Report their behaviour to the platform or the police instead."
            ),
            explanation={"details": labels, "hostile": bool(hostile)},
        )
