"""SM401: overstating services or expertise: guarantees, cures, success rates, superlatives,
and credentials the member's profile does not hold.

Credentials are only judged against a profile: with no profile postguard cannot know what the
member holds, so only the exaggerations fire. A claim is found by the credential patterns, or
by the classifier's credential head (the writer claims a title, registration or membership in
words no pattern lists); it stands unless the profile holds what the sentence names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard import fastre
from postguard.analysis import Analysis
from postguard.classifier import classifier
from postguard.detectors.base import Detector, register
from postguard.detectors.heads import flagged_heads, strongest_sentence
from postguard.model import Evidence
from postguard.text import is_negated, is_reported

_CONDITIONS = (
    r"anxiety|depression|ocd|ptsd|trauma|panic(?: attacks| disorder)?|phobias?|insomnia|addiction|"
    r"stress|grief|low mood|eating disorders?|anorexia|bulimia|bipolar|adhd|fears?|you|them|"
    r"your \w+|health anxiety|social anxiety|emetophobia|stammer\w*|smoking|pain|burnout"
)
_CLAIMS = fastre.compile(
    r"\b(?:i |we )?guarantee[ds]?\b|\bguaranteed\b|money[- ]back|or your money back|"
    rf"\b(?:cure[sd]?|cured|curing|fix(?:es|ed)?|eliminat\w+|eradicat\w+|get rid of|banish\w*)\s+"
    rf"(?:your |their |all |any |the )?(?:{_CONDITIONS})\b(?:[^.!?]{{0,30}}\b(?:in|within|after) (?:just |only )?"
    r"(?:\d+|one|two|three|four|five|six|a single) (?:sessions?|weeks?|days?|hours?|minutes?))?|"
    r"\b(?:\d{2,3}(?:\.\d+)?|one hundred) ?(?:%|per ?cent|percent) (?:of (?:my|our) (?:clients|patients)|"
    r"success|recovery|cure|effective|guaranteed|results?|reduction|improvement|drop|decrease)|"
    r"\b(?:clients|patients) (?:never|don'?t ever|do not ever) (?:relapse|come back|struggle again)|"
    r"\b(?:sorted|fixed|gone|cured|solved|resolved|beaten) (?:in|within|after) (?:just )?(?:one|a single|\d+|two|three) sessions?\b|"
    r"\bthe only (?:one|therapist|practitioner|clinician|person) who (?:\w+ )?(?:gets|get|delivers|achieves) results\b|"
    r"\b(?:best|top|number one|no\.? ?1|#1|leading)(?: [\w-]+){0,3} (?:therapist|specialist|expert|psychologist|"
    r"counsellor|clinician|practitioner) in (?:the (?:whole of the )?)?(?-i:[A-Z]\w+(?: [A-Z]\w+)?)|"
    r"\b(?:success|recovery|cure) rates? of (?:\d{2,3}|nearly 100|almost 100)|"
    r"\b(?:every|all(?: of)? (?:my|our)) (?:single )?(?:clients?|patients?) (?:recover|get better|"
    r"improve|are cured|leave cured|has recovered)|"
    r"\b(?:(?:the )?(?:uk'?s|britain'?s|world'?s|country'?s|north'?s|leeds'?|london'?s|europe'?s)? ?"
    r"(?:leading|foremost|top|number one|no\.? ?1|#1|best|premier|pre-eminent|most (?:successful|"
    r"experienced|renowned)) (?:expert|authority|specialist|therapist|psychologist|counsellor|"
    r"clinician|practitioner)s?)\b|"
    r"\bworld[- ](?:renowned|famous|class|leading) (?:expert|therapist|authority|specialist|"
    r"psychologist|clinician)|\b(?:never|always) fails?\b|\b(?:instant|permanent|miracle|"
    r"lifelong|overnight) (?:cure|results|fix|relief|recovery)|"
    r"\bworks? for (?:everyone|everybody|every(?:one)? single)|\bno one (?:leaves|has left) (?:without|"
    r"unhappy)|\b(?:100%|totally|completely|fully) (?:anxiety|depression|panic|pain|stress)[- ]free\b|"
    r"\b(?:anxiety|depression|panic|ocd|pain|stress|phobia)[- ]free (?:in|within|after) "
    r"(?:\d+|one|two|three|four|five|six)\b|\bresults speak for themselves\b|"
    r"\b(?:symptom|anxiety|depression|panic|pain|stress|fear|phobia|ocd|trauma)[- ]free\b|"
    r"\b(?:completely|fully|totally|permanently) (?:cured|healed|recovered|free)\b|"
    r"\b(?:gone|cured|fixed|free|healed|beaten|banished|over|end\w*|rid of)(?: [\w-]+){0,3} (?:for life|forever|for good)\b|"
    r"\bnever (?:comes?|coming) back\b|\bno relapse\b|"
    r"\b\d+ out of (?:10|ten)(?: of)? (?:my|our) (?:clients|patients)\b|"
    r"\b(?:resolve|fix|cure|end|heal|beat|banish) (?:any|all|every|your) (?:[\w-]+ ){0,3}(?:problem|issue|"
    r"condition|depression|anxiety|trauma|phobia|fear)s?\b|"
    r"\b(?:have|get) you (?:cured|fixed|better|anxiety-free)\b|\b(?:cured|fixed) (?:within|in) (?:a|one|two|\d+)\b|"
    r"\b(?:don'?t|won'?t) pay a penny\b|\bworks every (?:single )?time\b|"
    r"\b(?:personally )?cured (?:over |more than )?\d+\b|\bgone (?:forever|for good)\b|"
    r"\bthe only (?:\w+ )?(?:therapist|psychologist|counsellor|clinic|practitioner)\b[^.!?]{0,40}\b(?:results|works|can|who)|"
    r"\b(?:top|best|leading|number one|no\.? ?1|#1|foremost)(?: [\w-]+){0,2} (?:expert|therapist|specialist|"
    r"psychologist|authority|clinician|practitioner|counsellor) (?:in|of) (?:the )?(?:country|uk|britain|"
    r"world|north|south|england|scotland|wales|europe)\b|"
    r"\b(?:britain|uk|england|scotland|wales|the north|yorkshire|europe|the world)(?:'s|’s) (?:number one|no\.? ?1|#1|best|top|leading)\b|"
    r"\bworld[- ](?:renowned|famous|class|leading) (?:[\w-]+ )?(?:expert|therapist|authority|specialist|psychologist|clinician)",
    re.IGNORECASE,
)
_HEDGED = fastre.compile(
    r"\b(?:no (?:one|therapist|therapy|treatment|guarantee)|can'?t (?:guarantee|promise)|cannot "
    r"(?:guarantee|promise)|won'?t (?:promise|guarantee)|not (?:a )?guarantee|doesn'?t work for "
    r"everyone|isn'?t a cure|no (?:magic|quick) (?:cure|fix)|beware|be wary|red flag|claims? (?:to|of)|"
    r"promis(?:e|es|ing) (?:a )?(?:cure|guaranteed)|steer clear|if anyone|anyone who|"
    r"guarantee (?:you(?:'ll| will)? (?:get|have|find) )?(?:a )?(?:(?:warm|friendly|decent|nice) )*(?:cup of tea|biscuit|coffee|welcome|laugh|"
    r"confidentiality|a space|a safe)|guaranteed (?:a )?(?:parking|confidential\w*|"
    r"place|spot|seat|space))\b",
    re.IGNORECASE,
)
_CREDENTIALS = fastre.compile(
    r"\b(?:babcp[- ]accredited(?: (?:cbt )?(?:therapist|psychotherapist|supervisor|trainer|"
    r"practitioner))*|accredited (?:by (?:the )?babcp|with (?:the )?babcp|cbt (?:therapist|"
    r"psychotherapist|practitioner)|(?:cbt |babcp )?(?:supervisor|trainer)(?: and (?:supervisor|trainer))?)|"
    r"hcpc[- ]registered(?: \w+)?|registered with (?:the )?hcpc|"
    r"chartered (?:clinical |counselling )?psychologist|clinical psychologist|counselling psychologist|"
    r"consultant (?:clinical )?(?:psychologist|psychiatrist|psychotherapist)|"
    r"(?:i'?m|i am|as) a psychiatrist|ukcp[- ](?:registered|accredited)(?: \w+)?|"
    r"bacp[- ](?:registered|accredited)(?: \w+)?|(?:accredited )?emdr (?:consultant|europe accredited)|"
    r"phd|doctorate|dclinpsy|fellow of (?:the )?\w+|(?:certified|accredited) (?:dbt|schema|act) "
    r"(?:therapist|practitioner)|nmc[- ]registered(?: \w+)?)\b",
    re.IGNORECASE,
)
_OTHER_PERSON = re.compile(
    r"\b(?:colleague|dr|prof|professor|she|he|they|her|his|their|supervisor|mentor)\b[^.!?]{0,40}"
    r"\b(?:is|was|'s|are)\b",
    re.IGNORECASE,
)
_OWN_CLAIM = re.compile(
    r"\b(?:i'?m|i am|as an?|as|my|i have|i hold|i became|i'?ve (?:become|been)|me|dr\b|being)\b",
    re.IGNORECASE,
)


def hedged(sentence: str) -> bool:
    """A sentence that warns about or disclaims guarantees and cures rather than making them."""
    return bool(_HEDGED.search(sentence))


@register
class MisrepresentationDetector(Detector):
    name = "misrepresentation"
    rules = ("SM401",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        text = post.text
        for m in _CLAIMS.finditer(text):
            sentence = post.sentence_at(m.start())
            sentence_text = text[sentence.start : sentence.end]
            if hedged(sentence_text) or is_reported(text, m.start(), m.end(), sentence):
                continue
            if is_negated(text, m.start(), 20, sentence.start):
                continue
            if _OTHER_PERSON.search(text[sentence.start : m.start()]):
                continue  # praising someone else ("my colleague Dr Lewis is a leading expert")
            yield self._evidence(m.start(), m.end(), "an overstated claim about results or expertise")
        if post.profile is None:
            return
        for m in _CREDENTIALS.finditer(text):
            left = text[max(0, m.start() - 40) : m.start()]
            if not _OWN_CLAIM.search(left) and text[: m.start()].strip():
                continue
            if not post.profile.holds(m.group(0)):
                yield self._evidence(
                    m.start(),
                    m.end(),
                    f"claims a credential your profile does not hold ({m.group(0)!r})",
                )
                return
        for (start, end), _, probability in flagged_heads(post, ("credential",), classifier().thresholds):
            s, e = strongest_sentence(post, start, end, "credential")
            if not post.profile.mentions_held(text[s:e]):
                yield self._evidence(
                    s, e, "claims a title, registration or membership your profile does not list", probability
                )
                return

    def _evidence(self, start: int, end: int, message: str, probability: float | None = None) -> Evidence:
        return Evidence(
            rule="SM401",
            message=message,
            start=start,
            end=end,
            score=0.8 if probability is None else round(probability, 3),
            detector=self.name,
            explanation={}
            if probability is None
            else {"head": "credential", "probability": round(probability, 3)},
            suggestion=(
                "Describe what you offer and the evidence honestly (no guarantees or success "
                "rates), and name only credentials you hold."
            ),
        )
