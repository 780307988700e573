"""SM102 (text): a post presenting or describing a photo or video of a client.

The wording has to tie a picture to a particular client ("snapped my client on her last
session", "selfie with my 3pm"); advice about consent for photos, or photos of the therapy room,
the dog or a conference, are not findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.text import is_negated

_PICTURE = re.compile(
    r"\b(?:photo(?:graph)?s?|pics?|pictures?|selfies?|snaps?|snapped|photographed|filmed|filming|"
    r"videos?|vids?|clips?|reels?|footage|recording|recorded|polaroids?|screenshots?|"
    r"before[- ](?:and|&)[- ]after|portraits?|shots?|headshots?|📸|📷|🤳|🎥|pictured)\b|[📸📷🤳🎥]",
    re.IGNORECASE,
)
_PRESENTING = re.compile(
    r"\b(?:here(?:'s| is| are)|look at|check out|sharing|shared|posting|posted|attached|below|above|"
    r"pictured|captured|took|taken|take|snapped|got a|grabbed|couldn'?t resist|had to share|"
    r"with (?:her|his|their) permission|she let me|he let me|they let me|said i could|"
    r"swipe|👇|⬇️|in the pic|in the photo|on (?:my|the) (?:story|grid|feed|reel)|filmed|recorded|"
    r"selfie|snap|pic|photo|video)\b|[👇⬇📸📷🤳]",
    re.IGNORECASE,
)
_NOT_CLIENTS = re.compile(
    r"\b(?:(?:therapy |my |our |consulting |clinic |new )?(?:room|office|clinic|desk|sofa|chair|"
    r"garden|dog|cat|puppy|view|books?|slides?|poster|team|colleagues?|conference|venue|lanyard|"
    r"certificate|badge|coffee|lunch|artwork|plants?|waiting room|infographic|stock|model|actor))\b",
    re.IGNORECASE,
)
_GENERIC_ADVICE = re.compile(
    r"\b(?:never|don'?t|do not|shouldn'?t|should not|must not|mustn'?t|without (?:full|informed|written)?\s*"
    r"consent|need(?:s)? (?:full |written |informed )*consent|consent (?:form|policy)|reminder|"
    r"always ask|declined?|said no|refused|won'?t|wouldn'?t|not posting|i don'?t post|no photos)\b",
    re.IGNORECASE,
)


@register
class ClientImageDetector(Detector):
    name = "client_image"
    rules = ("SM102",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        if not post.mentions_clients:
            return
        text = post.text
        mentions = [m for m in post.client_mentions if m.specific]
        if not mentions:
            mentions_any = list(re.finditer(r"\b(?:clients?|patients?|service users?)\b", text, re.IGNORECASE))
            if not mentions_any:
                return
            spans = [(m.start(), m.end()) for m in mentions_any]
        else:
            spans = [(m.start, m.end) for m in mentions]
        for pic in _PICTURE.finditer(text):
            near = [s for s in spans if abs(s[0] - pic.start()) < 90]
            if not near:
                continue
            sentence = post.sentence_at(pic.start())
            window = text[max(0, sentence.start - 1) : sentence.end]
            if _GENERIC_ADVICE.search(window) or is_negated(text, pic.start(), 25, sentence.start):
                continue
            if not mentions and not _PRESENTING.search(window):
                continue
            between = text[min(pic.start(), near[0][0]) : max(pic.end(), near[0][1])]
            if _NOT_CLIENTS.search(between) and not re.search(r"\bwith (?:my|a|our)\b", between):
                continue
            start = min(pic.start(), near[0][0])
            end = max(pic.end(), near[0][1])
            yield Evidence(
                rule="SM102",
                message="the post presents a picture or video of a client",
                start=start,
                end=end,
                score=0.85,
                detector=self.name,
                suggestion=(
                    "Don't post it unless you hold the client's full, informed, recorded consent to "
                    "this use; otherwise share the news without the picture."
                ),
            )
            return
