"""SM402 and SM403: posts about the professional body itself.

SM402: speaking for BABCP, or presenting a personal view as BABCP's official position, without a
spokesperson role in the profile. SM403: derogatory, inflammatory or defamatory comments about
BABCP; reasoned criticism ("the fees are too high, and here's why") is welcome and never fires.
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

BODY = r"(?:babcp|the association|british association (?:for|of) behavioural (?:and|&) cognitive psychotherapies)"

_SPEAKING = fastre.compile(
    rf"\b(?:on behalf of (?:the )?{BODY}|speaking (?:for|as) (?:the )?{BODY}|"
    rf"we at {BODY}|here at {BODY}|as {BODY},? we|{BODY}(?:'s|’s)? (?:official )?(?:position|stance|"
    rf"view|line|policy|guidance|advice|verdict|ruling|decision|message) (?:is|on|here|now|regarding)|"
    rf"{BODY} (?:now |has |have )?(?:officially |formally )?(?:believes|thinks|condemns|endorses|supports|opposes|rejects|"
    rf"wants|has decided|has ruled|will not tolerate|is clear|stands|instructs|requires|insists|"
    rf"considers|recommends|confirms|agrees|disagrees|backs|is backing|is against|is calling)|"
    rf"(?:official|officially) {BODY}|{BODY} (?:members|therapists) (?:must|should|are required|"
    rf"need to|are expected)(?! to (?:read|see|check))|"
    rf"(?:our|my) (?:official )?(?:position|guidance|policy|advice|stance) (?:at|as|for) {BODY}|"
    rf"{BODY} and i (?:believe|think|want)|(?:i|we) (?:can )?confirm (?:that )?{BODY}|"
    rf"(?:our|the) (?:branch|sig|committee)(?:'s)? (?:official )?(?:position|view|stance) (?:is|on)|"
    rf"statement (?:from|by) (?:the )?{BODY}|as (?:the )?{BODY}\b|representing (?:the )?{BODY}|"
    rf"{BODY} will (?:not |no longer |be |now )?\w+|{BODY} won'?t\b|{BODY}(?:'s)? (?:policy|rules?|response)\b|"
    rf"under {BODY} rules|{BODY} says|{BODY} here\b|from (?:the )?{BODY}:|{BODY} (?:has|have) asked me|"
    rf"(?:i'?m|i am) authori[sz]ed to|official (?:line|answer|announcement|guidance|word)|"
    rf"effective (?:today|immediately|from)|you heard it here first|press (?:office|spokesperson|officer)|"
    rf"(?:as|i'?m) (?:the )?(?:chair|representative|spokesperson|president|ceo|lead) of|"
    rf"representative of|clarify {BODY} (?:policy|rules|guidance)|[-–—]\s*{BODY}\s*$|"
    rf"(?:we|our members) (?:stand|condemn|support|are (?:deeply|united)|call on|fully support|"
    rf"have published|'ve published)|our (?:view|response|position|policy) (?:is|as|to)\b|"
    rf"speaking officially|official(?:ly)? (?:for|on behalf of)|(?:they'?ve|they have|{BODY} (?:has|have)) confirmed|"
    rf"responding (?:for|on behalf of)|(?:for|of) (?:the )?{BODY} (?:\w+ )?(?:branch|sig|committee|board)\b)",
    re.IGNORECASE,
)
_PERSONAL = fastre.compile(
    r"\b(?:my own (?:view|opinion)|views? (?:are )?my own|personal (?:view|opinion|capacity)|"
    r"not (?:the |an? )?(?:official |babcp'?s? )(?:view|position|policy)|not speaking (?:for|on behalf)|"
    r"i think|in my (?:view|opinion)|imo|imho|here(?:'s| is) the link|link (?:below|in)|"
    r"https?://\S*babcp\.com|read (?:it|more|the full)|see (?:the|their)|they(?:'ve| have) published|"
    r"has published|have published|published (?:new|its|their)|according to (?:the )?babcp|"
    r"babcp (?:has|have) (?:just )?(?:released|published|announced|shared|launched)|"
    r"babcp'?s (?:website|statement|published|standards)|the standards say|states that)\b",
    re.IGNORECASE,
)
_BODY_WORD = re.compile(rf"\b{BODY}\b|#\w*babcp\w*", re.IGNORECASE)
_SCAM_WARNING = re.compile(
    r"\b(?:impersonat\w+|pretending to be|phishing|fake (?:emails?|texts?|accounts?)|beware)\b", re.I
)
_DEROGATORY = fastre.compile(
    r"\bf\*{2,}|\bf[u*]ck\w*|"
    rf"\b(?:{INSULTS}|corrupt|crooks?|crooked|scam|scammers?|con artists?|racket|rip[- ]?off|"
    r"fraud(?:sters?|ulent)?|cowards?|liars?|lying|lie|rubbish|useless|pointless|worthless|"
    r"incompetent|clowns?|circus|shambles|disgrace(?:ful)?|cult|mafia|cartel|old boys'? club|"
    r"dinosaurs|out of touch|dead weight|bent|shady|dodgy|thieves|thieving|steal(?:s|ing)?|stole|"
    r"pockets?|pocketing|embezzl\w+|fiddl\w+|cover(?:s|ing|ed)? up|protect(?:s|ing)? abusers|"
    r"sell(?:s|ing)? (?:our|members'?)(?: personal)? data|money[- ]grabbing|greedy|parasites|leeches|"
    r"boycott|burn it down|f+u+c+k+\w*|f\*+k|screw|sod|shite?|crap|bollocks|wankers?|"
    r"can go to hell|should be (?:shut down|abolished|ashamed)|not fit for purpose|a joke|laughing ?stock|"
    r"waste of (?:money|space|time)|nazis?|fascists?|bigots?|racists?|rotten|tyrants?|closed shop|"
    r"inner circle|fig leaf|cardboard box|pyramid scheme|first[- ]class travel|piss[- ]up|ashamed to be|"
    r"toxic|self[- ]serving|cover[- ]up|bury every|sex offenders?|don'?t care|sells? (?:members'?|our)|"
    r"fraudulently|bunch of|cancel your membership|joke|tin[- ]pot|mickey mouse|rubber[- ]stamp\w*|"
    r"(?:wouldn'?t|can'?t|don'?t|never) trust|run a bath|a con|jolly|clique|bin the lot|"
    r"deliberately (?:fails?|discriminates?|excludes?|blocks?|targets?))\b|🤡|💀",
    re.IGNORECASE,
)
_REASONED = fastre.compile(
    r"\b(?:i (?:think|feel|believe|disagree|would like|hope|wish)|in my (?:view|opinion)|"
    r"respectfully|because|here'?s why|the reason|evidence|data|i'?ve (?:written|emailed|raised)|"
    r"i have (?:written|emailed|raised)|feedback|consultation|would (?:be|love|like)|could|"
    r"should consider|concerns?|too (?:high|expensive|slow|low)|i'?d like)\b",
    re.IGNORECASE,
)
_STRONG_DEROGATORY = fastre.compile(
    r"\b(?:corrupt|crooks?|crooked|scam|fraud\w*|liars?|thieves|thieving|steal\w*|stole|embezzl\w+|"
    r"cover\w* up|protect\w* abusers|sell\w* (?:our|members'?) data|f+u+c+k+\w*|f\*+k|nazis?|cult|"
    r"mafia|racket|can go to hell|wankers?|clowns?|a joke|idiots?|morons?|disgrace\w*|bent|"
    r"money[- ]grabbing|parasites|leeches|fascists?|bigots?|racists?|shite?|bollocks|useless|"
    r"incompetent|boycott|burn it down|cowards?|rotten|tyrants?|pyramid scheme|cover[- ]up|"
    r"fraudulently|sex offenders?|piss[- ]up|fig leaf|cardboard box|closed shop|ashamed to be|"
    r"self[- ]serving|toxic|joke|a con|clique|bin the lot|deliberately \w+)\b",
    re.IGNORECASE,
)


@register
class SpeakingForBodyDetector(Detector):
    name = "speaking_for_body"
    rules = ("SM402",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        if not _BODY_WORD.search(post.text):
            return
        if post.profile and post.profile.speaks_for("BABCP"):
            return
        text = post.text
        for m in _SPEAKING.finditer(text):
            sentence = post.sentence_at(m.start())
            if _PERSONAL.search(text) or is_reported(text, m.start(), m.end(), sentence):
                continue
            if is_negated(text, m.start(), 15, sentence.start):
                continue
            yield Evidence(
                rule="SM402",
                message="this speaks for BABCP or presents a view as its official position",
                start=m.start(),
                end=m.end(),
                score=0.75,
                detector=self.name,
                suggestion=(
                    "Make clear the view is your own, or link to BABCP's published statement; "
                    "spokespeople check with the BABCP office before posting."
                ),
            )


@register
class BodyDisparagementDetector(Detector):
    name = "body_disparagement"
    rules = ("SM403",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        if not _BODY_WORD.search(text):
            return
        for body in _BODY_WORD.finditer(text):
            sentence = post.sentence_at(body.start())
            scope_start = sentence.start
            scope_end = post.sentences[
                min(len(post.sentences) - 1, post.sentence_index(body.start()) + 2)
            ].end
            if _SCAM_WARNING.search(text, scope_start, scope_end):
                continue
            for m in _DEROGATORY.finditer(text, scope_start, scope_end):
                if is_reported(text, m.start(), m.end()) or is_negated(text, m.start(), 12, scope_start):
                    continue
                strong = _STRONG_DEROGATORY.fullmatch(m.group(0))
                if not strong and _REASONED.search(text[scope_start:scope_end]):
                    continue
                start, end = min(body.start(), m.start()), max(body.end(), m.end())
                yield Evidence(
                    rule="SM403",
                    message="this is derogatory or inflammatory about BABCP",
                    start=start,
                    end=end,
                    score=0.8 if strong else 0.6,
                    detector=self.name,
                    suggestion=(
                        "Say what you disagree with and why, with facts you can show, in polite "
                        "language; reasoned criticism is fine."
                    ),
                )
