"""SM103: mocking, derogatory or contemptuous comments about clients, one or as a group.

A contemptuous word or a mocking frame near a reference to clients fires; a mild one (a laughing
emoji, "dramatic") needs a second signal. Compassionate reflection, criticism of services,
jokes at the member's own expense and quoting a label to reject it are not findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.lexicon import INSULTS
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_CLIENT_WORD = re.compile(r"\b(?:clients?|patients?|service users?)\b", re.IGNORECASE)
_STRONG = fastre.compile(
    rf"\b(?:{INSULTS}|dregs|snowflakes|nutters?|nut ?jobs?|loonies|loony|headcases?|mental cases?|"
    r"workshy|chancers|junkies|druggies|smackheads|alkies|crackheads|freeloaders|scroungers|spongers|losers|born losers|time[- ]?wasters|liars|"
    r"hopeless cases?|lost causes?|beyond help|not worth (?:the|my) (?:time|effort|bother)|"
    r"waste of (?:a |my |the )?(?:session|time|slot|space|oxygen|money)(?: slot)?|attention[- ]seek\w*|"
    r"for the attention|needy|whiny|whingers?|whinging|manipulative|disgusting|gross|smell(?:ed|s|y)|"
    r"stinks?|stank|dullest|most boring|basic b\W?tch|b\W?tch|all in (?:your|their|his|her) heads?|"
    r"get a life|get over it|man up|grow a pair|yawn|can'?t stand|sick (?:and tired )?of|"
    r"fed up (?:of|with)|do(?:es)? my head in|drives? me (?:mad|nuts|insane|up the wall)|"
    r"i'?m going to scream|thick as \w+|zone out|in stitches|(?:an )?impression of|bingo|"
    r"rate my (?:clients|patients|caseload)|\d+/10 for|lazy|entitled|fakers?|faking it|malinger\w*|"
    r"don'?t want to get better|full of excuses|crazies|psychos?|weirdos?|freaks?|"
    r"soo+ dramatic|drama queens?|personality to match|effort|the screamer|the crier|"
    r"just want (?:somewhere|someone|a place|an hour) to \w+|somewhere to (?:moan|whinge|vent|offload)|"
    r"actually mental|whin(?:iest|ier|y)|sob stor(?:y|ies)|deserve the li(?:fe|ves) (?:they'?ve|he'?s|she'?s) got|"
    r"delusional|just weak|(?:all|are) drunks|no effort|keep a straight face|couldn'?t make it up|"
    r"not to actually|never (?:did|do|does) (?:their|the|any) homework|exactly the ones who|don'?t actually want|moan(?:ers|ing)? for an hour|"
    r"why (?:do )?(?:we|i) bother|don'?t know why (?:i|we) bother|nonsense|walking red flag|"
    r"right to leave|(?:clients|patients|they|users) (?:all )?lie|lie to your face|liars|"
    r"intelligence of a|potato|always trouble|never (?:pay|do the work)|bless (?:her|him|them)|"
    r"little cotton socks|sick note|so soft|get on with it|whin(?:es|ing|ed)|get a grip|"
    r"drama queens?|for attention|doing it for (?:the )?attention|play(?:ing)? the victim|"
    r"grown (?:man|woman) (?:crying|cried|whin\w+)|snowflakes?)\b",
    re.IGNORECASE,
)
_MILD = re.compile(
    r"\b(?:dramatic|drama|embarrassing|weird|crazy|boring|dull|excuses|cringe|again|soo+|"
    r"seriously|honestly|ffs|lol|lmao|eye[- ]?roll|mate|hun|love|some people|grown (?:man|woman))\b|"
    r"[🙄🤡🤢🙃😂🤣🍿😭🥱]|'[\w ]{3,30}'",
    re.IGNORECASE,
)
_KIND = fastre.compile(
    r"\b(?:brave|courage|proud|honou?r|privilege|respect|compassion|understandable|makes sense|"
    r"no wonder they|it'?s hard|joy|joyful|lovely|kind|grateful|thank|learn(?:ed|t)? from|"
    r"with (?:me|us)|together|we both|laughed with|laughing with|the system|commissioners|funding|"
    r"waiting lists?|stigma|myth|label(?:s|ling|led)?|unfair|harmful)\b",
    re.IGNORECASE,
)
_AT_SELF = re.compile(
    r"(?:\b(?:me|myself|i'?m|i am|i was|i felt|my own|called me|calls me)\b[^.!?]{0,25})$",
    re.IGNORECASE,
)
# An insult in a reply to someone ("@sceptic you are clueless") is heated tone, not about clients.
_AT_OTHER = re.compile(r"(?:@\w+|\b(?:you|you'?re|you are|u r|ur)\b)[^.!?@]{0,20}$", re.IGNORECASE)


@register
class ClientDisparagementDetector(Detector):
    name = "client_disparagement"
    rules = ("SM103",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        clients = post.client_references
        if not clients:
            return
        near = post.sentences_near(clients, before=0)
        strong = [
            m
            for m in _STRONG.finditer(text)
            if post.sentence_index(m.start()) in near and not self._excused(post, m)
        ]
        mild = [m for m in _MILD.finditer(text) if post.sentence_index(m.start()) in near]
        words = [m for m in mild if m.group(0)[0].isalpha()]
        if strong or (
            len(mild) >= 2 and words and not _KIND.search(text) and not self._excused(post, mild[0])
        ):
            yield self._evidence([*strong, *mild], clients)

    @staticmethod
    def _excused(post: Analysis, m: re.Match[str]) -> bool:
        text = post.text
        sentence = post.sentence_at(m.start())
        left = text[sentence.start : m.start()]
        return (
            is_reported(text, m.start(), m.end(), sentence)
            or is_negated(text, m.start(), 20, sentence.start)
            or bool(_AT_SELF.search(left))
            or (bool(_AT_OTHER.search(left)) and not _CLIENT_WORD.search(left))
            or bool(_KIND.search(text[sentence.start : sentence.end]))
        )

    def _evidence(self, signals: list[re.Match[str]], clients: list[tuple[int, int]]) -> Evidence:
        first = min(m.start() for m in signals)
        client = min(clients, key=lambda c: abs(c[0] - first))
        return Evidence(
            rule="SM103",
            message="this speaks about clients in a mocking or derogatory way",
            start=min(first, client[0]),
            end=max(max(m.end() for m in signals), client[1]),
            score=0.8,
            detector=self.name,
            suggestion=(
                "Take frustrations to supervision rather than social media; if there is a useful "
                "point, make it about the work, with compassion for clients."
            ),
        )
