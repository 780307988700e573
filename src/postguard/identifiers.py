"""Pattern recognisers for things that identify a person: record numbers, contact details,
addresses, ages, jobs, dates and events. Cheap regexes first, then validators (the NHS check
digit, phonenumbers), as presidio does; spaCy's NER adds names, places and organisations only
where a client is mentioned (see ``confidentiality``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

import phonenumbers

from postguard import fastre


@dataclass(frozen=True)
class Identifier:
    """A detail that could identify someone; ``weight`` 1.0 identifies on its own."""

    kind: str
    start: int
    end: int
    weight: float
    label: str
    validated: bool = False


STRONG = 1.0
QUASI = 0.5

_NHS = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
_NHS_CONTEXT = re.compile(
    r"\b(?:nhs|chi|hospital|patient|record|medical|health|gp|number|no\.?|nhs no|ref)\b", re.I
)
_POSTCODE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+\b")
_DOB = re.compile(
    r"\b(?:d\.?o\.?b\.?|date of birth|born on|birthday is|born)\s*:?\s*"
    r"(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?[\s/.-]+(?:\d{1,2}|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|"
    r"jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)(?:[\s/.-]+(?:19|20)?\d{2})?)",
    re.IGNORECASE,
)
_STREET_TYPES = (
    r"street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|grove|crescent|cres|way|place|pl|"
    r"terrace|ter|court|ct|gardens|gdns|mews|row|walk|hill|park|square|sq|rise|view|vale|green|"
    r"parade|fold|croft|gate|mount|brow|boulevard|bvd|wynd|chase"
)
_ADDRESS = re.compile(
    rf"\b(?:flat\s+\d+[a-z]?,?\s+)?\d{{1,4}}[a-z]?,?\s+(?-i:(?:[A-Z][a-z']+\s+){{1,3}})(?:{_STREET_TYPES})\b\.?",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)[- ](?:year|yr)s?[- ]old\b"
    r"|\b(?:aged?|age of)\s+\d{1,2}\b"
    r"|\b\d{1,2}\s?(?:yo|y/o|yrs)\b|(?<=, )\d{1,2}(?=\s*[,)—–-])|(?<=\()\d{1,2}(?=[,)])|\byear \d{1,2} (?:girl|boy|pupil|student|lad|lass)"
    r"|\bin (?:(?:his|her|their) )?(?:early|mid|late)[- ](?:teens|twenties|thirties|forties|fifties|"
    r"sixties|seventies|eighties|nineties|[2-9]0s)\b"
    r"|\b(?:turned|turning|just turned|celebrated (?:her|his|their))\s+\d{1,2}(?:st|nd|rd|th)?\b"
    r"|\b(?:she|he|they)(?:'s| is| was| are|'re)\s+(?:only\s+|just\s+)?\d{1,2}\b(?!\s*(?:%|minutes|mins|hours|sessions|weeks|days|times|am|pm))"
    r"|\b(?:is|was|now)\s+\d{2}(?=\s+(?:and|now|years|but|yet|with)\b)"
    r"|\b\d{2}(?:st|nd|rd|th) birthday\b",
    re.IGNORECASE,
)
_OCCUPATIONS = (
    "teacher|primary school teacher|secondary school teacher|headteacher|head teacher|teaching assistant|"
    "nurse|midwife|paramedic|doctor|gp|surgeon|consultant|dentist|pharmacist|physio|physiotherapist|"
    "firefighter|fireman|police officer|policeman|policewoman|copper|detective|soldier|marine|"
    "veteran|pilot|air steward|flight attendant|cabin crew|lawyer|solicitor|barrister|judge|"
    "accountant|banker|vicar|priest|imam|rabbi|minister|councillor|mp|journalist|reporter|"
    "footballer|athlete|rugby player|jockey|chef|baker|butcher|hairdresser|barber|barista|"
    "bartender|barmaid|waiter|waitress|cleaner|carer|care worker|social worker|porter|"
    "receptionist|secretary|shop assistant|cashier|checkout|postman|postwoman|postie|"
    "delivery driver|bus driver|taxi driver|lorry driver|hgv driver|train driver|driver|mechanic|"
    "electrician|plumber|builder|joiner|carpenter|roofer|plasterer|bricklayer|painter|decorator|"
    "gardener|farmer|vet|vet nurse|engineer|architect|scientist|lecturer|professor|student|"
    "undergrad|phd student|apprentice|estate agent|dj|musician|singer|actor|actress|artist|"
    "photographer|designer|developer|programmer|civil servant|shop owner|business owner|"
    "ceo|director|manager|headmistress|headmaster|librarian|optician|security guard|bouncer|"
    "prison officer|probation officer|magistrate|councillor|youth worker|nanny|childminder|"
    "dinner lady|lollipop lady|tattoo artist|personal trainer|influencer|youtuber|model|"
    "stay-at-home mum|stay at home mum|single mum|single dad|mum of \\w+|dad of \\w+|mother of \\w+|"
    "father of \\w+|grandmother of \\w+|pensioner|retiree|retired \\w+|swimmer|rower|runner|cyclist|"
    "boxer|dancer|gymnast|pharmacist|head chef|sous chef|vicar|curate|chaplain|councillor|mayor|"
    "magistrate|paralegal|surveyor|translator|interpreter|sailor|fisherman|miner|steelworker"
)
_OCCUPATION = fastre.compile(rf"\b(?:{_OCCUPATIONS})s?\b", re.IGNORECASE)
_WORKPLACE = re.compile(
    r"\b(?:works?|working|worked|employed|job|shifts?|placement)\s+(?:as an?\s+\w+\s+|the \w+\s+)?(?:at|for|in)\s+(?:the\s+)?(?:big\s+|local\s+|new\s+)?"
    r"(?:(?:[A-Z][\w'&-]*|of|and|&)\s*){1,5}"
    r"|\b(?:pupil|student|year \d+|in year \d+)\s+at\s+(?:[A-Z][\w'-]*\s*){1,4}"
    r"|\bat\s+(?:[A-Z][\w'-]+\s+){1,3}(?:Primary|Academy|School|College|High|University|Hospital|"
    r"Infirmary|Surgery|Prison|Station|Barracks|Church|Mosque|Synagogue|Temple|FC|Ltd)\b",
)
_DAY_EVENT = fastre.compile(
    r"\b(?:on|last|this|next|every)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b(?:her|his|their|its)\s+(?:wedding|funeral|graduation|divorce|marathon|promotion|"
    r"new job|retirement|court case|tribunal|baby|miscarriage|diagnosis|exam results|gcses|"
    r"a-levels|driving test|birthday|mum'?s funeral|dad'?s funeral|husband|wife|partner|"
    r"kids?|children|son|daughter|twins|triplets|dog|cat|allotment|band|team)\b"
    r"|\b(?:won|finished|ran|running|completed|passed|got married|gave birth|had (?:her|his|their) baby|"
    r"came out|got engaged|got divorced|was promoted|got the job|was sacked|was arrested|elected|"
    r"lost (?:his|her|their) (?:wife|husband|partner|son|daughter|mum|mam|dad|baby|job|home|house|leg|arm)|"
    r"off to \w+ uni\w*|study(?:ing)? \w+ at|admitted|discharged|overdose|inpatient stays?)\b"
    r"|\b(?:in|since|last|this) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\b(?:since|at|after|before) (?:easter|christmas|xmas|new year|half[- ]term|the summer)\b"
    r"|\b(?:yesterday|last (?:week|month|night|year)|this morning)\b",
    re.IGNORECASE,
)
_INITIAL = re.compile(
    r"(?-i:\b(?:Mrs|Mr|Ms|Miss|Mx|Master)\.?\s+[A-Z]\b\.?)"
    r"|(?-i:(?<![\w.])[A-Z]\.?(?:\s?[A-Z]\.)?(?=,\s+(?:a|an|the|my|who|aged|\d)\b))"
    r"|(?-i:\b(?:client|patient|service user)\s+[A-Z]\b(?!\w))"
    r"|(?-i:(?<![\w.])[A-Z]\.[A-Z]\.(?!\w))"
    r"|\b(?:initials?|called|named|name is|name's)\s+(?-i:[A-Z](?:\.|\b))"
)
_UNIQUE_ROLE = fastre.compile(
    r"\bthe only \w+(?:\s+\w+){0,3}|"
    r"\b(?:the|a|one of the)\s+(?:\w+\s+){0,2}(?:bloke|guy|man|woman|lady|boy|girl|lad|lass|one|twins?|"
    r"fella|chap|couple|family|person|kid|teen|student|dad|mum)s?\s+(?:who|that)\s+(?:\w+\s+){0,2}(?:does|do|did|"
    r"runs?|ran|reads?|presents?|owns?|went|found|won|plays?|played|sings?|drives?|fronts?|manages?|"
    r"was|is|were|lost|survived|caused|crashed|made|wrote|started|set up|coached|coaches|got)\b|"
    r"\b(?:elected|appointed|selected|crowned|promoted|named) (?:to|as) \w+|"
    r"\b(?:head|captain|chair|leader|manager|landlord|landlady|owner|mayor|vicar|headteacher|"
    r"principal|editor|presenter|founder|ceo|director|mp|councillor|coach|chef|governor) (?:of|for|at) "
    r"(?:the )?\w+|"
    r"\b(?:reads|presents|does) the (?:news|weather|sport|breakfast show)\b|"
    r"\b(?:weather|news|sports?|breakfast|radio|tv) (?:presenter|reader|host|dj)\b|\b(?:off|on|from) (?:the )?(?:bbc|itv|sky|channel \d|radio \w+|the telly)\b|"
    r"\b(?:whose|her|his|their) (?:dad|mum|mam|father|mother|husband|wife|brother|sister|son|daughter) "
    r"(?:runs|owns|works at|is the|manages|teaches at)\b|"
    r"\blives? (?:in|near|out past|just outside|round|by|above|opposite) (?:the )?(?-i:[A-Z]\w+)|"
    r"\b(?:on|off) (?:the )?(?:telly|tv|radio|news|local news)\b|"
    r"\b(?:ward|bay|bed|room) \d+\b",
    re.IGNORECASE,
)
_STREET_NAME = re.compile(rf"(?-i:\b(?:[A-Z][a-z']+\s+){{1,2}})(?:{_STREET_TYPES})\b", re.IGNORECASE)
_NOT_PLACES = frozenset(
    [
        *calendar.day_name,
        *calendar.month_name[1:],
        *[
            "I",
            "The",
            "A",
            "An",
            "My",
            "Our",
            "Your",
            "His",
            "Her",
            "Their",
            "This",
            "That",
            "Christmas",
            "Easter",
            "CBT",
            "NHS",
            "BABCP",
            "OCD",
            "PTSD",
            "EMDR",
            "DBT",
            "ACT",
            "God",
            "Zoom",
            "Teams",
        ],
    ]
)
_PREPOSITION_PLACE = re.compile(
    r"\b(?:in|from|near|outside|around|to|at)\s+(?-i:([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))"
)
_HANDLE = re.compile(r"(?<![\w@])@\w{2,}")
_TITLED = re.compile(r"\b(?:mrs|mr|ms|miss|mx)\.?\s+(?!and\b|or\b)[A-Za-z][a-z'-]+", re.IGNORECASE)
_SIGHTING = re.compile(
    r"\b(?:saw|spotted|bumped into|ran into|seen|spotted|noticed)\b(?:\s+[\w'’-]+){0,8}?\s+"
    r"(?:at|in|on|outside|along|near|jogging|walking|shopping)\b",
    re.IGNORECASE,
)
_NAMED = re.compile(
    r"\b(?:called|named|name is|name's|client|patient|service user|to my client|"
    r"from my client)\s+(?-i:([A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\b(?!['’]s (?:book|model))"
    r"|(?:—|–|-)\s*(?-i:([A-Z][a-z]+\s[A-Z][a-z]+))"
)
_APPOSITION_JOB = re.compile(
    r"(?:,|\bis|\bwas)\s+(?:a|an)\s+(?:\d{1,2}[- ]year[- ]old\s+)?(?P<job>(?:[\w-]+\s+){0,3}?"
    r"(?:[\w-]+(?:er|or|ist|ian|ant|ent|ic|man|woman|chef|nurse|doctor|officer|wife|midwife)))\b",
    re.IGNORECASE,
)


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number modulus-11 check: weights 10..2 over the first nine digits."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def record_identifiers(text: str) -> list[Identifier]:
    """NHS numbers (checksum plus context), dates of birth: enough on their own to identify."""
    found: list[Identifier] = []
    for match in _NHS.finditer(text):
        digits = "".join(match.groups())
        context = text[max(0, match.start() - 40) : match.end() + 20]
        labelled = re.search(
            r"nhs\s*(?:no|number|num|#)\.?:?\s*$",
            text[max(0, match.start() - 16) : match.start()],
            re.I,
        )
        if _NHS_CONTEXT.search(context) and (nhs_check_digit_ok(digits) or labelled):
            found.append(Identifier("nhs_number", match.start(), match.end(), STRONG, "an NHS number", True))
    for match in _DOB.finditer(text):
        found.append(Identifier("date_of_birth", match.start(), match.end(), STRONG, "a date of birth"))
    return found


def contact_identifiers(text: str) -> list[Identifier]:
    """Addresses, postcodes, phone numbers and emails: the details doxxing exposes."""
    found: list[Identifier] = []
    for match in _ADDRESS.finditer(text):
        found.append(Identifier("address", match.start(), match.end(), STRONG, "a street address"))
    for match in _POSTCODE.finditer(text):
        if any(c.isdigit() for c in match.group(0)) and any(c.isalpha() for c in match.group(0)):
            found.append(Identifier("postcode", match.start(), match.end(), STRONG, "a postcode"))
    for match in _EMAIL.finditer(text):
        found.append(Identifier("email", match.start(), match.end(), STRONG, "an email address"))
    if sum(c.isdigit() for c in text) >= 10:
        for hit in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
            if reads_as_phone(text, hit.start, hit.end) and not any(
                i.start <= hit.start < i.end for i in found
            ):
                found.append(Identifier("phone", hit.start, hit.end, STRONG, "a phone number", True))
    return found


# How people write phone numbers: a trunk 0 or a +country code, then digits in groups separated
# by spaces, dashes or brackets. Never dots or slashes (dates, versions, scores, coordinates).
_PHONE_SHAPE = re.compile(r"(?:\+\d|\(?0)[\d\s()-]+")


def reads_as_phone(text: str, start: int, end: int) -> bool:
    """A phone number as written, not a year, score, version, id, hash, price or coordinate:
    the phone shape, ten digits or more, not glued to other digits, letters or symbols."""
    raw = text[start:end]
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return (
        _PHONE_SHAPE.fullmatch(raw) is not None
        and sum(c.isdigit() for c in raw) >= 10
        and not (before.isalnum() or before in "#$£€/.:=_-")
        and not (after.isalnum() or after in "/%_" or (after in ".:" and text[end + 1 : end + 2].isdigit()))
    )


def quasi_identifiers(text: str) -> list[Identifier]:
    """Details that narrow down who someone is; harmless alone, identifying together."""
    found: list[Identifier] = []
    for match in _INITIAL.finditer(text):
        found.append(Identifier("initial", match.start(), match.end(), STRONG, "an initial"))
    for match in _NAMED.finditer(text):
        group = 1 if match.group(1) else 2
        if match.group(group).split()[0] not in _NOT_PLACES:
            found.append(Identifier("name", match.start(group), match.end(group), STRONG, "a name"))
    for match in _APPOSITION_JOB.finditer(text):
        found.append(Identifier("job", match.start("job"), match.end("job"), QUASI, "a job"))
    for match in _UNIQUE_ROLE.finditer(text):
        found.append(Identifier("role", match.start(), match.end(), 0.8, "a unique role or event"))
    for match in _STREET_NAME.finditer(text):
        found.append(Identifier("place", match.start(), match.end(), QUASI, "a place"))
    for match in _PREPOSITION_PLACE.finditer(text):
        if match.group(1).split()[0] not in _NOT_PLACES:
            found.append(Identifier("place", match.start(1), match.end(1), QUASI, "a place"))
    for match in _HANDLE.finditer(text):
        found.append(Identifier("handle", match.start(), match.end(), STRONG, "a social media handle"))
    for match in _TITLED.finditer(text):
        found.append(Identifier("name", match.start(), match.end(), STRONG, "a name"))
    for match in _SIGHTING.finditer(text):
        found.append(Identifier("sighting", match.start(), match.end(), QUASI, "where they were seen"))
    for match in _AGE.finditer(text):
        found.append(Identifier("age", match.start(), match.end(), QUASI, "an age"))
    for match in _OCCUPATION.finditer(text):
        found.append(Identifier("job", match.start(), match.end(), QUASI, "a job"))
    for match in _WORKPLACE.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        found.append(Identifier("workplace", match.start(), end, QUASI, "a workplace or school"))
    for match in _DAY_EVENT.finditer(text):
        found.append(Identifier("event", match.start(), match.end(), QUASI * 0.8, "a date or life event"))
    return found
