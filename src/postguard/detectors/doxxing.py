"""SM204: publishing a third party's private details: home address, phone, personal email,
workplace, car, children's school, daily routine.

The member's own practice details, helplines and organisations' public offices are not
doxxing. What makes it doxxing is a person (named, @handle, "the man who...") and a private
detail about them; a hostile call to action ("you know what to do") makes it intimidation as
well (SM202).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence

_PERSON = re.compile(
    r"(?-i:\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b)|(?-i:\b(?:Mrs?|Ms|Miss|Dr)\.? [A-Z])|"
    r"(?<![\w@])@\w{2,}|\b(?:he|she|him|her|his|hers|they|them|their)\b|"
    r"\b(?:the|this|that) (?:\w+ ){0,2}(?:man|woman|person|bloke|guy|lad|girl|troll|reviewer|"
    r"complainant|owner|landlord|neighbou?r|account|creep|idiot|parent|mum|dad|one)\b|"
    r"\b(?:real name|name:|named|called|the person behind|unmasked|found (?:him|her|them))\b|"
    r"\bmy (?:\w+ )?(?:neighbou?r|ex|landlord|colleague|boss)\b",
)
_DETAIL = fastre.compile(
    r"\b(?:lives?|living|moved|moving) (?:at|on|in|above|near|into|to|opposite|behind)\b|"
    r"\b(?:home|house|address|flat) (?:is|at|on)\b|\b(?:flat|apartment|unit) \d+\w?\b|"
    r"\bnumber \d+ on\b|\bthe (?:house|one) with the\b|\b(?:blue|red|green|black|white|yellow) door\b|"
    r"\b(?:works?|working|worked|does shifts|shifts?) (?:on the \w+ )?(?:at|for|on|in)\b|"
    r"\b(?:reception desk|direct line|desk|office) at\b|\b(?:teacher|nurse|manager|receptionist|"
    r"cashier|driver|cleaner) at\b|"
    r"\b(?:kids?|children|son|daughter|boys|girls|sons|daughters)(?: \w+){0,2} (?:go(?:es)? to|attends?|at)\b|"
    r"\b(?:sends|drops|takes|picks up) (?:his|her|their) (?:\w+ )?(?:kids?|son|daughter|boys|girls|children)\b|"
    r"\bpick[- ]up is at\b|\b(?:leaves|gets home|walks (?:the|his|her) dog|goes to the gym|finishes work)\b|"
    r"\bevery (?:morning|evening|night|day) at\b|\bchecks? in\b|\bgym (?:mon|tue|wed|thu|fri|sat|sun)\w*\b|"
    r"\b(?:drives|driving) a\b|\b(?:reg|registration|plate)s?\b|\bmarried to\b|\b(?:wife|husband|partner) "
    r"(?-i:[A-Z][a-z]+)\b|\b(?:personal|private|home) (?:mobile|number|phone|email|address)\b|"
    r"\b(?:his|her|their) (?:address|number|mobile|phone|email|home|house|car|workplace|(?:front )?door)\b|"
    r"\b\w+'s (?:new |home |own |private |personal )?(?:address|mobile|phone number|email)\b",
    re.IGNORECASE,
)
_CAR_REG = re.compile(r"\b(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3})\b")
# A house number and three capitalised words is an address only right after "at", "on" or
# "address" ("her door at 5 Holly Bank, Saltaire"), never in a headline ("5 Advent Gift Countdown").
_LOOSE_ADDRESS = re.compile(
    r"(?:\b(?:at|on|to|address(?: is)?|lives?)\s*:?\s+)((?-i:\d{1,4}[a-z]?,? [A-Z][a-z]+ [A-Z][a-z]+,? [A-Z][a-z]+))",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she|him|her|his|hers|they|them|their)$", re.IGNORECASE)
_SELF = re.compile(
    r"(?:\b(?:i|we) (?:grew up|live|lived|was born|were born|used to live|moved)|\bmy (?:first |old |own |"
    r"new )?(?:car|house|home|address|flat|number|mobile|email)\b)[^.!?]{0,20}$|^(?:i|my|me|we|our)$",
    re.IGNORECASE,
)
_HOSTILE = fastre.compile(
    r"\b(?:go and|pay (?:him|her|them) a visit|say hi|say hello|let (?:him|her|them) know|"
    r"tell (?:him|her|them)|give (?:him|her|them) a (?:ring|call|piece|visit)|you know what to do|"
    r"do what you (?:like|want|will)|share widely|screenshot and share|boosts? appreciated|"
    r"name and shame|not so anonymous|thought people might be interested|"
    r"(?:would|might|ought to|should) (?:like to )?(?:know|hear)|feel free|key it|confront|"
    r"see you (?:monday|soon|there)|fancies asking|i suggest you all|deserves to know|expose|"
    r"unmasked|found (?:him|her|them)|pop by|have at it|tagged (?:his|her|their) (?:manager|boss|"
    r"employer|wife|husband)|see how (?:s?he|they) likes?)\b",
    re.IGNORECASE,
)
_ORGANISATION = fastre.compile(
    r"\b(?:book(?:ings?)?|appointments?|enquir\w+|contact (?:me|us)|call (?:me|us)|email (?:me|us)|"
    r"please (?:email|ring|call|contact)|for anything urgent|practice line|our (?:clinic|practice|office|"
    r"service|team|address|number|new|reception)|my (?:clinic|practice|office|rooms?|work number)|"
    r"we(?:'re| are) (?:at|based|now at|moving)|find (?:us|me) at|visit (?:us|me)|drop[- ]in|"
    r"open(?:ing)? (?:hours|times|on|weekdays)|is open|helpline|infoline|samaritans|freephone|24/7|"
    r"lines? (?:are )?open|the (?:venue|conference|event|workshop|training)|registered office|head office|"
    r"go to the|via their|online form|write to|free and confidential|confidential|free(?:phone)? on|"
    r"can be reached|raise a concern|our (?:\w+ )?(?:workshop|event|course|training|group|conference|"
    r"meeting|session|clinic|service|practice))\b",
    re.IGNORECASE,
)
# Helplines and organisations' numbers (116 123, 111, 0800, 0300...), never someone's private phone.
_SERVICE_NUMBER = re.compile(
    r"^(?:\+44)?(?:116\d{3}|111|999|112|0800|0808|0300|0330|0333|0345|0370|0843|0844|0845|0870|0871)"
)
_ROLE_EMAIL = re.compile(
    r"^(?:info|admin|hello|contact|enquiries|office|reception|support|bookings|team|help)@", re.I
)


def _details(post: Analysis) -> list[tuple[int, int, str]]:
    text = post.text
    found = []
    for ident in post.contacts:
        value = text[ident.start : ident.end]
        if ident.kind == "email" and (
            _ROLE_EMAIL.match(value) or text[max(0, ident.start - 1) : ident.start] == "@"
        ):
            continue
        if ident.kind == "phone" and (
            "://" in text[max(0, ident.start - 30) : ident.start]
            or _SERVICE_NUMBER.match(value.replace(" ", ""))
        ):
            continue  # inside a link, or a helpline / non-geographic service number
        if any(r.start <= ident.start < r.end for r in post.records):
            continue
        found.append((ident.start, ident.end, ident.label))
    found += [(m.start(), m.end(), "a private detail") for m in _DETAIL.finditer(text)]
    found += [(m.start(), m.end(), "a car registration") for m in _CAR_REG.finditer(text)]
    found += [(m.start(1), m.end(1), "a street address") for m in _LOOSE_ADDRESS.finditer(text)]
    # the member's own details ("I grew up at 27 Orchard Way", "my first car, reg ...")
    return [d for d in found if not _SELF.search(text[max(0, d[0] - 30) : d[0]])]


@register
class DoxxingDetector(Detector):
    name = "doxxing"
    rules = ("SM204", "SM202")

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        details = _details(post)
        people = [m for m in _PERSON.finditer(text) if not _SELF.search(m.group(0))]
        if not details or not people:
            return
        hostile = _HOSTILE.search(text)
        if all(_PRONOUN.match(p.group(0)) for p in people) and not hostile and len(details) < 2:
            return
        if _ORGANISATION.search(text) and not hostile:
            return
        strong = [d for d in details if d[2] != "a private detail"]
        if not strong and len(details) < 2 and not hostile:
            return  # "she works at the hospital" alone publishes nothing private
        if not hostile and len(strong) == len(details):
            return  # an address or number tied to nobody's life: a venue, a shop, a trading card
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
        if hostile:
            yield Evidence(
                rule="SM202",
                message="this invites others to target the person whose details it publishes",
                start=min(start, hostile.start()),
                end=max(end, hostile.end()),
                score=0.8,
                detector=self.name,
                suggestion="Do not post this. Report the person to the platform or the police instead.",
            )
