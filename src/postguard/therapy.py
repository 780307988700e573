"""Therapy context: does the post talk about a client, patient or session, and which one?

Rules about clients (SM101, SM102, SM103, SM301) only apply when the post refers to someone the
member treats. A *specific* reference ("my 9am", "a client told me today", "the lad I see on
Tuesdays") points at one person; a *general* one ("many clients find...") does not, and general
psychoeducation must never be read as a breach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from postguard import fastre

_PERSON_NOUN = (
    r"(?:client|patient|service[- ]user|counsell?ee|therapy client|customer|mentee|supervisee|"
    r"young person|teen(?:ager)?|kid|child|boy|girl|lad|lass|bloke|guy|gent(?:leman)?|lady|"
    r"woman|man|fella|fellow|chap|mum|mother|dad|father|person|couple|family|student|veteran|"
    r"grandmother|grandad|grandfather|gran|nan)"
)
_CLINICAL_NOUN = r"(?:clients?|patients?|pts?|service[- ]users?|counsell?ees?|caseload)"
_CONDITION = (
    r"(?:ocd|ptsd|c-ptsd|cptsd|anxiety|panic|depress(?:ed|ion)|bipolar|psychosis|psychotic|eating[- ]disorder|"
    r"anorexi[ac]|bulimi[ac]|bdd|gad|social anxiety|phobi[ac]|insomnia|adhd|autis(?:tic|m)|"
    r"trauma|grief|bereaved|perinatal|postnatal|ed|health anxiety|self-harm(?:ing)?|suicidal|"
    r"addiction|alcohol|chronic pain|long covid|cbt|emdr|dbt|schema|couples?)"
)

# "my client", "my 9am", "my Tuesday 3pm", "one of my clients", "today's patient", "a client of mine"
_SPECIFIC = fastre.compile(
    r"\b(?:"
    rf"(?:my|our|this|that|today'?s|yesterday'?s|tonight'?s|tomorrow'?s|last|latest|first|final|newest|new|current|former|ex-?)\s+"
    rf"(?:(?:[\w'’-]+|\d{{1,2}}(?::\d\d)?\s?(?:am|pm)?)[\s-]+){{0,3}}"
    rf"(?:client|patient|service[- ]user|counsell?ee|therapy client)\b(?!\s+(?:group|base|"
    rf"work|care|feedback|satisfaction|outcomes?|experience|journey|records?|notes?|list))"
    rf"|(?:my|our|today'?s)\s+\d{{1,2}}(?::\d\d|\.\d\d)?\s?(?:am|pm|o'?clock)\b"
    rf"|one of (?:my|our) {_CLINICAL_NOUN}"
    rf"|someone (?:on|from) my caseload"
    rf"|(?:a|one|another) (?:{_CONDITION}\s+)?(?:client|patient|service[- ]user)s? (?:of mine|I (?:see|saw|work|worked|am|'m)|who|that|told|said|asked|came|cried|smiled|called|emailed|messaged|sent|gave|brought|finally|managed|left|walked|turned|showed|shared|has|had|was|just|today|yesterday|this week|last week)"
    rf"|(?:the|a|this|one|that)\s+(?:\w+\s+){{0,2}}{_PERSON_NOUN}s?\s+(?:I|we)(?:\s+|(?=['’]))(?:see|saw|am seeing|'m seeing|work with|worked with|am working with|'m working with|have been seeing|'ve been seeing|treat|treated|am treating|'m treating|support|supported|counsel|counselled|assessed)"
    rf"|(?:{_PERSON_NOUN})\s+(?:on|from|in) my (?:caseload|list|books)"
    rf"|(?:(?-i:client|patient)|(?<![\w,;] )(?-i:Client|Patient))\s+(?-i:[A-Z]\b\.?|[A-Z][a-z]+\b)(?=[\s,.!?:;]|$)"
    rf"|(?:working|worked|work|sat|sitting|session|sessions|appointment|therapy|assessment|assessed|"
    rf"met|meeting|saw|seeing)\s+with\s+(?:a|an|the|this|one|my)\s+(?:[\w'’/-]+[\s,]+){{0,5}}?"
    rf"(?:{_PERSON_NOUN}|widow(?:er)?|vicar|teacher|nurse|doctor|firefighter|officer|driver|"
    rf"student|pensioner|head of \w+|new \w+|manager|director|owner|footballer|\w+ist|\w+er)s?\b"
    rf"|(?:who|whom|that) (?:I|we)(?:'ve| have| am|'m| was| had)?(?: been)? (?:seeing|treating|"
    rf"supporting|working with|counselling|assessing|seen|treated|supported|worked with)\b"
    rf"|(?:I|we)(?:'m| am|'ve been| have been| are|'re) (?:seeing|treating|supporting|working with|"
    rf"counselling) (?:the|a|an|this|his|her|their)\b"
    rf"|(?:is|are|he'?s|she'?s|they'?re|was) (?:one|two) of (?:mine|my (?:clients|patients))"
    rf"|\bone of mine\b|\bone of ours\b"
    rf"|(?:\w+\s+)?from my (?:[\w-]+\s+){{0,3}}(?:group|clinic|caseload|list|ward)\b"
    rf"|(?:started|starting|began|finished|finishing|completed|ended) (?:(?:his|her|their|a|the)\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}(?:therapy|treatment|course|sessions?|cbt|emdr|dbt)\s+with me"
    rf"|(?:therapy|treatment|sessions?|cbt|emdr|dbt)\s+with me\b"
    rf"|(?:supporting|treating) the (?:family|parents|mum|dad|wife|husband|partner|sister|brother) of"
    rf"|(?:client|patient|service user) (?:update|feedback|story|win)\b"
    rf"|(?:met|meeting|session|saw|seeing|assessed|assessment|appointment) with (?-i:[A-Z]\.\s?[A-Z]\b\.?|(?:Mrs?|Ms|Miss|Mx)\.?\s+[A-Z])"
    rf"|(?:the|a|an|this|that)\s+(?:[\w'’-]+\s+){{0,6}}(?:I|we)(?:'m| am|'ve been| have been| was| were)?\s+(?:working with|seeing|treating|supporting|counselling)\b"
    rf"|(?:started|starting|began|begun|been|am|'m|I'm) working with (?:a|an|the|this)\s+(?!(?:team|colleague|service|trust|organi[sz]ation|charity|school|company|council|staff|partners?|nhs|commissioners?|new (?:team|system|service))\b)"
    rf"|(?:^|[:.!?(]\s*)(?:client|patient|pt|service user)\s+(?:is|was|has|had|told|said|came|cried|asked|says|tells|wants|thinks|presented|presents|reported|disclosed)\b"
    rf"|came to (?:see )?me\b|(?:client|patient|service user)s? (?:spotlight|testimonial|review)|testimonial"
    rf"|(?:someone|somebody|a \w+|the \w+|one)\s+(?:i'?ve|ive|i have|i've|i)\s+(?:been\s+)?(?:working with|seeing|treating|supporting|counselling|see for)\b"
    rf"|(?:someone|somebody|\w+) (?:i|we) see for (?:therapy|cbt|counselling|treatment|sessions)"
    rf"|(?:the|a|this|that)\s+(?:[\w'’-]+\s+){{0,3}}(?:{_PERSON_NOUN}|fella|bloke|lad|lass)\s+(?:i|we)\s+(?:work with|see|treat|support|counsel)\b"
    rf"|on my (?:\w+day |\w+ )?(?:list|caseload|books|ward)\b"
    rf"|(?:session|sessions|appointment|assessment) with the\b"
    rf"|(?:turned up|came in|walked in|showed up) (?:in|to|at) (?:my|our|the) (?:clinic|practice|service|surgery|room)"
    rf"|(?:sent|referred) (?:to me |to us )?by (?:her|his|their|the) (?:gp|doctor|school|employer|consultant)"
    rf"|one of (?:my|our) (?:[\w-]+ )?(?:clients|patients|service users)\b"
    rf"|(?:bed|bay) \d+\b"
    rf"|(?:my )?(?:first|last|next|final|\d{{1,2}}(?::\d\d)?\s?(?:am|pm)) (?:appointment|session|client|referral|patient)(?: of the day)? (?:was|is|today|this morning)\b"
    rf"|session notes|presenting (?:with|w/)|phq-?9|gad-?7|core-?10|(?:in|at) (?:our|my|the) (?:clinic|practice|surgery|service|centre)(?:'s)? waiting room"
    r")",
    re.IGNORECASE,
)

# Hypothetical or generic frames: "if a client", "when clients", "many clients", "every client".
_GENERIC_BEFORE = re.compile(
    r"\b(?:if|when|whenever|every|each|any|many|most|some|lots of|all|no|few|other|"
    r"our|how|why|where|should|would|could|may|might)\s+$",
    re.IGNORECASE,
)

_SESSION = fastre.compile(
    r"\b(?:(?:therapy|cbt|counselling|treatment|assessment|1:1|one[- ]to[- ]one|final|first|last|"
    r"intake|discharge|review)\s+sessions?|sessions? (?:today|this morning|this afternoon|yesterday)|"
    r"on my caseload|in therapy with me|came to see me|referred to me|discharged (?:her|him|them)|"
    r"(?:she|he|they) (?:came|come|started|finished|began) (?:therapy|treatment|seeing me))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClientMention:
    start: int
    end: int
    specific: bool


def client_mentions(text: str) -> list[ClientMention]:
    """Every place the post refers to a particular person the member treats."""
    mentions: list[ClientMention] = []
    for match in _SPECIFIC.finditer(text):
        specific = not _GENERIC_BEFORE.search(text[max(0, match.start() - 12) : match.start()])
        if match.group(0).lower().startswith("one of"):
            specific = True
        mentions.append(ClientMention(match.start(), match.end(), specific))
    for match in _SESSION.finditer(text):
        mentions.append(ClientMention(match.start(), match.end(), True))
    return sorted(mentions, key=lambda m: m.start)


_ANY_CLIENT = re.compile(rf"\b{_CLINICAL_NOUN}\b|\bservice[- ]users?\b", re.IGNORECASE)


_SETTING = re.compile(
    r"\b(?:sessions?|therapy|therapist|counsell?(?:ing|or)|clinic|ward|bay \d+|bed \d+|appointments?|"
    r"discharged?|referr(?:al|ed)|admitted|admission|a&e|a and e|resus|triage|icu|itu|on shift|"
    r"night shift|home visits?|care home|residents?|supervision|assessment|caseload|dna'?d|"
    r"(?:\d{1,2}(?::\d\d)?\s?(?:am|pm)|half[- ]past[- ]\w+|o'?clock)(?:'s)? (?:lady|man|lad|woman|girl|guy|bloke|client|patient)|"
    rf"{_CONDITION})\b",
    re.IGNORECASE,
)


def clinical_context(text: str) -> bool:
    """Whether a post is set in clinical work (clients, sessions, a ward, a referral, a
    condition): where a post about a person is most likely about someone in the writer's care."""
    return mentions_clients(text) or bool(_SETTING.search(text))


def mentions_clients(text: str) -> bool:
    """Whether clients come up at all, specifically or in general."""
    return bool(_ANY_CLIENT.search(text)) or bool(_SPECIFIC.search(text))


_CLIENT_REFERENCE = fastre.compile(
    r"\b(?:clients?|patients?|pts|service[- ]users?|caseload|punters|frequent flyers?|"
    r"my (?:\w+day )?\d{1,2}(?::\d\d)?\s?(?:am|pm)(?:'s)?|my \w+day (?:client|group|lad|lady)|in clinic|"
    r"home visit|psych ward|on (?:the|this|my) ward|the (?:\w+ )?(?:lad|woman|man|girl|guy|bloke|lady|one) "
    r"i see|one of mine|(?:someone|somebody|a (?:man|woman|lad|girl)) i (?:used to |once )?(?:see|saw|treat(?:ed)?)|"
    r"working with (?:\w+ ){0,2}(?:people|men|women|kids|teens|adults|families|couples|parents)|"
    r"in (?:my|our) (?:clinic|service|practice|group)|my (?:\w+ ){0,2}group|the unit|"
    r"(?:today|this morning|this afternoon)'?s? (?:\w+ )?(?:patient|client|referral)|"
    r"dnas?|no[- ]shows?|referrals|self[- ]harmers|(?:the|these) (?:\w+ )?ones|these people|"
    r"(?:my|the) waiting list(?! (?:target|times?|figures|numbers|data|initiative|pressures?))|people on my \w+|had an? (?:proper |right |real )?[\w ]{0,20}? in (?:today|clinic)|"
    r"(?:someone|somebody|a \w+) (?:i'?m|i am) (?:currently )?(?:seeing|treating|working with)|"
    r"(?:finished|ended|stopped) (?:therapy|treatment|our sessions|working together)|a grown (?:man|woman)|"
    r"people in (?:therapy|treatment|counselling)|(?:a couple|a few|some|two|three|several) of mine|"
    r"my (?:\w+day |\w+ )?(?:clients?|patients?|referrals?|caseload)|(?:these|those|some of these|some of my) (?:\w+ )?clients|"
    r"(?:people|those|the ones|folk) who (?:\w+ ){0,6}(?:their|a|your) (?:therapist|counsell?or|psychologist|cbt)|addicts|alcoholics|anorexics|depressives|schizophrenics)\b|"
    r"\b(?:his|her|their) '[^']+'",
    re.IGNORECASE,
)


def client_references(text: str, mentions: list[ClientMention] | None = None) -> list[tuple[int, int]]:
    """Spans of every reference to clients, particular or in general, for rules about clients."""
    spans = [m.span() for m in _CLIENT_REFERENCE.finditer(text)]
    spans += [(m.start, m.end) for m in (client_mentions(text) if mentions is None else mentions)]
    return sorted(set(spans))
