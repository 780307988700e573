"""SM102 (text): a post presenting or describing a photo or video of a client.

Three things together: a picture ("photo", "clip", "[photo of M]"), a person shown in it ("that's
her", "Betty (92) showing off", "me and my client"), and a therapy setting (a client, a group, a
session, a unit). Advice about consent, refusals, actors and models, and photos of the room, the
dog or a conference are not findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.text import is_negated

_PICTURE = fastre.compile(
    r"\b(?:photo(?:graph)?s?|pics?|pictures?|selfies?|snaps?|snapped|photographed|filmed|filming|"
    r"videos?(?! (?:sessions?|calls?|consultations?|therapy|appointments?|link))|vids?|clips?|reels?|"
    r"footage|polaroids?|screenshots?|portraits?|headshots?|(?<!body )(?<!self-)image:?|images|pictured|"
    r"tiktoks?|recorded|recording|on the (?:left|right))\b|[📸📷🤳🎥]",
    re.IGNORECASE,
)
_PERSON_SHOWN = fastre.compile(
    r"\b(?:that'?s|this is|these are|meet|here'?s|here is|look at) (?:her|him|them|my|our|the|one of|(?-i:[A-Z]\w*))\b|"
    r"\btag (?:yourselves|yourself|them|her|him|everyone)\b|\bsaid it was (?:fine|ok|okay|alright)\b|"
    r"\b(?:of|with|showing|featuring) (?:a|an|my|our|the|one of (?:my|our|the)|this|these|her|his) "
    r"(?:[\w'-]+ ){0,3}(?:clients?|patients?|service users?|group|regulars?|residents?|lads?|girls?|"
    r"boys?|teens?|kids?|young (?:man|woman|people)|gentleman|lady|family|families|members?)\b|"
    r"\b(?:clients?|patients?|service users?|residents?)(?: \w+){0,3} (?:in|on) (?:the|this|my) "
    r"(?:photo|pic|picture|video|clip|story)|"
    r"\b(?:everyone|all) (?:smiling|grinning|beaming|in the)|\bgroup (?:photo|pic|shot|selfie)\b|"
    r"\b(?:me|myself) (?:on the (?:left|right)|and my (?:client|patient))|"
    r"\bmy (?:client|patient) on the (?:left|right)|"
    r"(?-i:\b[A-Z][a-z]+)(?: \(\d{1,3}\))? (?:showing|holding|receiving|proudly|beaming|smiling)\b|"
    r"(?-i:\b[A-Z][a-z]+) at (?:his|her|their)\b|\[(?:photo|pic|image|video) of\b|\bimage: (?:the|a|my|our)\b|"
    r"\b(?:her|his|their) (?:face|smile|scars?|arms?|body|transformation)\b|"
    r"\bbefore[- ](?:and|&)[- ]after\b|\b(?:holding|showing off|receiving) (?:her|his|their)\b|"
    r"\b(?:client|patient|service user) (?:gave|said|let)\b|\bsnapped (?:my|a|our|one)\b|"
    r"\b(?:selfie|photo|pic) with (?:my|a|our)\b|\b(?:taken|filmed) (?:by me|in session|during)|"
    r"\b(?:session|appointment|sessions) with (?:the|my|a|our)\b",
    re.IGNORECASE,
)
_CLIENT_NEAR = re.compile(
    r"\b(?:clients?|patients?|service[- ]users?|caseload|my \d{1,2}(?::\d\d)?\s?(?:am|pm)|"
    r"in(?:-| )?patients?|residents)\b",
    re.IGNORECASE,
)
_SETTING = re.compile(
    r"\b(?:clients?|patients?|service[- ]users?|caseload|sessions?|group|therapy|treatment|unit|"
    r"ward|clinic|café|cafe|discharge|recovery|therapist|counselling|cbt|emdr|dbt|art therapy|"
    r"my \d{1,2}(?:am|pm)|one of ours|our regulars|anxiety|depression|ocd|ptsd|trauma|eating|"
    r"therapist\w*|nurse\w*|i work with|i see|i'?m seeing|self[- ]harm)\b",
    re.IGNORECASE,
)
_EXCUSE = re.compile(
    r"\b(?:(?:never|don'?t|do not|shouldn'?t|should not|must not|mustn'?t|won'?t|wouldn'?t) (?:\w+ )?(?:post|share|put|upload|take)\w*|without (?:full |informed |"
    r"written )*consent|need(?:s)? (?:full |written |informed )*consent|consent (?:form|policy|process)|"
    r"reminder|always ask|declined?|said no|refused|not posting|no photos|"
    r"actors?|models?|posed|stock|not (?:real )?(?:clients|patients)|illustrat\w+|ai[- ]generated|"
    r"my (?:dog|cat|puppy|office|room|desk|garden|view|lunch|coffee)|therapy room|colleagues?|"
    r"conference|cpd|training day|team (?:photo|day|away)|infographic|diagram|which do)\b",
    re.IGNORECASE,
)


@register
class ClientImageDetector(Detector):
    name = "client_image"
    rules = ("SM102",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        if not _PICTURE.search(text) or not _SETTING.search(text):
            return
        for pic in _PICTURE.finditer(text):
            index = post.sentence_index(pic.start())
            first = post.sentences[max(0, index - 1)].start
            last = post.sentences[min(len(post.sentences) - 1, index + 1)].end
            scope = text[first:last]
            person = _PERSON_SHOWN.search(text, first, last)
            client = [
                c for c in _CLIENT_NEAR.finditer(text, first, last) if abs(c.start() - pic.start()) < 100
            ]
            if client and not person:
                person = client[0]
            if not person or not _SETTING.search(scope) or _EXCUSE.search(scope):
                continue
            sentence = post.sentence_at(pic.start())
            if is_negated(text, pic.start(), 25, sentence.start):
                continue
            yield Evidence(
                rule="SM102",
                message="the post presents a picture or video of a client",
                start=min(pic.start(), person.start()),
                end=max(pic.end(), person.end()),
                score=0.85,
                detector=self.name,
                suggestion=(
                    "Don't post it unless you hold the client's full, informed, recorded consent to "
                    "this use; otherwise share the news without the picture."
                ),
            )
            return
