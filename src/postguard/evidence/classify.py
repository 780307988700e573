"""Suggest what kind of abuse an entry records, with the reason for each suggestion.

The kinds follow the policy's Online Bullying section (stalking, embarrassing images, doxxing,
trolling, hate on the Equality Act's protected characteristics, harassment and threats) plus
impersonation. Rules are plain keyword/regex patterns so that a member, a platform or a police
officer can see why a kind was suggested; the member can always override it. When the check engine
(``postguard.check``) is importable its findings add to the rules (by the pack's rule slugs:
discrimination, bullying, harm encouragement, doxxing), the targeted characteristic read from
the finding's explanation; it is imported at call time so the log works without it.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from postguard.errors import PostguardError
from postguard.evidence.model import Classification

log = logging.getLogger(__name__)

#: When several kinds match, the first in this order is suggested and the rest listed as "also".
PRIORITY: tuple[str, ...] = (
    "hate-incident",
    "threat",
    "doxxing",
    "image-based-abuse",
    "stalking",
    "impersonation",
    "harassment",
    "trolling",
)

#: The engine's rules (by slug, so no pack's codes are written here) and the kinds they suggest.
ENGINE_RULES: dict[str, str] = {
    "discrimination": "hate-incident",
    "bullying": "harassment",
    "harm-encouragement": "threat",
    "doxxing": "doxxing",
}
#: The characteristic a finding's explanation names, as the log's hate kinds name it.
ENGINE_CHARACTERISTIC: dict[str, str] = {
    "race or ethnicity": "race",
    "nationality or immigration status": "nationality",
    "religion": "religion",
    "sex or gender": "sex",
    "gender identity": "gender-identity",
    "sexual orientation": "sexual-orientation",
    "disability": "disability",
    "age": "age",
}


@dataclass(frozen=True)
class Rule:
    """One named pattern: a kind is suggested with the rule name and the words that matched."""

    kind: str
    name: str
    pattern: re.Pattern[str]


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


_APOS = "['’]"
_I_WILL = rf"\b(?:i{_APOS}?ll|i will|i{_APOS}?m (?:going to|gonna)|we{_APOS}?ll|we will|gonna)"

RULES: tuple[Rule, ...] = (
    Rule(
        "threat",
        "threat of violence",
        _rx(
            rf"{_I_WILL}\s+(?:\w+\s+){{0,3}}?(?:kill|hurt|beat|stab|shoot|rape|burn|smash|"
            r"strangle|batter|break your|end you|come for you|come after you|find you|get you)",
            rf"\byou{_APOS}?(?:re| are) (?:dead|going to die|gonna die|finished)\b",
            r"\bwatch your back\b",
            r"\byou (?:should|deserve to|will|need to) (?:die|be (?:killed|shot|raped|hanged|"
            r"hung|stabbed|beaten))\b",
            r"\b(?:kill|hang|shoot) yourself\b",
            r"\bkys\b",
            r"\b(?:someone|somebody) (?:should|needs to|will) (?:kill|shoot|stab|hurt|deal with) "
            r"(?:you|her|him|them)\b",
            r"\bhope you (?:die|get (?:raped|killed|hurt|cancer))\b",
            r"\bpay (?:you|her|him|them) a (?:little )?visit\b",
        ),
    ),
    Rule(
        "stalking",
        "watching or following the member",
        _rx(
            r"\bi know where you (?:live|work|sleep|park)\b",
            rf"\bi(?:{_APOS}ve| have)? (?:been )?(?:watching|following) you\b",
            r"\bi saw you (?:at|in|on|today|yesterday|last night|leaving|with|outside)\b",
            r"\bi followed you\b",
            r"\boutside your (?:house|home|flat|office|clinic|work|practice|door|window)\b",
            r"\bi know (?:your (?:routine|car|address|schedule)|what time you)\b",
            rf"\byou can{_APOS}?t (?:hide|block me|escape)\b",
            rf"\b(?:blocking|block) me (?:won{_APOS}?t|will not|doesn{_APOS}?t)\b",
            r"\bnew account\b.{0,40}\bblock",
            rf"\bi{_APOS}?ll be waiting\b",
            r"\bnice (?:car|house|garden|front door|dress|coat) (?:today|yesterday|this morning)\b",
        ),
    ),
    Rule(
        "doxxing",
        "publishing private details",
        _rx(
            r"\b(?:her|his|their|your) (?:home )?(?:address|phone number|number|postcode|"
            r"house) is\b",
            r"\b(?:lives|living) at\b",
            r"\bhome address\b",
            r"\bdox+(?:ed|ing)?\b",
            r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b",  # UK postcode
            r"\b\d{1,4}[a-z]? [A-Z][a-z]+ (?:Road|Rd|Street|St|Lane|Avenue|Ave|Close|Drive|"
            r"Way|Crescent|Place|Gardens|Terrace|Grove|Court|Mews|Row|Hill)\b",
            r"(?:\+44\s?7\d{3}|\b07\d{3})\s?\d{3}\s?\d{3}\b",  # UK mobile
            r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b",  # an e-mail address
            r"\b(?:call|text|ring|email|visit) (?:her|him|them) (?:at|on)\b",
        ),
    ),
    Rule(
        "image-based-abuse",
        "intimate or humiliating images",
        _rx(
            r"\bnudes?\b",
            r"\b(?:naked|nude|intimate|explicit|private|sexy) (?:pics?|photos?|pictures?|"
            r"images?|videos?)\b",
            r"\brevenge porn\b",
            r"\bsex tape\b",
            r"\bdeep ?fakes?\b",
            r"\bupskirt",
            r"\b(?:leak|post|share|send|release|publish|spread)\w*\s+(?:\w+\s+){0,3}?(?:pics?|"
            r"photos?|pictures?|images?|videos?)\b",
            r"\b(?:embarrassing|humiliating) (?:pics?|photos?|pictures?|images?|videos?)\b",
        ),
    ),
    Rule(
        "impersonation",
        "pretending to be the member",
        _rx(
            r"\bimpersonat\w*",
            r"\b(?:pretending|pretends|pretend|posing) (?:to be|as)\b",
            r"\b(?:fake|parody|clone|copycat) (?:account|profile|page)\b",
            r"\busing (?:my|your|her|his) (?:name|photos?|pictures?|identity)\b",
            r"\bcatfish\w*",
            rf"\b(?:this is|i am|i{_APOS}m) the real\b",
            r"\baccount (?:in|with|under) (?:my|your|her|his) name\b",
        ),
    ),
    Rule(
        "harassment",
        "abuse or intimidation",
        _rx(
            rf"\byou{_APOS}?(?:re| are)\s+(?:a |an |such an? |the )?(?:\w+ )?(?:idiot|moron|"
            r"stupid|pathetic|disgusting|useless|fraud|quack|charlatan|loser|joke|liar|bitch|"
            r"scum|parasite|worthless|ugly|fat|crazy|psycho|disgrace|embarrassment|failure|"
            r"incompetent|dangerous|evil|vile|creep)\b",
            r"\b(?:nobody|no one|no-one) (?:likes|cares about|wants|believes) you\b",
            r"\beveryone (?:hates|knows about|laughs at) you\b",
            r"\bshut (?:up|your mouth)\b",
            r"\b(?:should|deserve to|will) be struck off\b",
            rf"\bi{_APOS}?(?:ll| will) (?:report|ruin|expose|destroy) you\b",
            r"\b(?:ruin|end|destroy) your (?:career|life|practice|business|reputation)\b",
            r"\beveryone should know (?:what|that) (?:she|he|they|you)\b",
            r"\b(?:sleeps|sleeping|slept) with (?:her|his|their) clients\b",
            rf"\bi won{_APOS}?t stop\b",
            r"\bkeep (?:messaging|posting|coming)\b",
        ),
    ),
    Rule(
        "trolling",
        "provocation",
        _rx(
            r"\b(?:cry|seethe|cope|mald) (?:more|harder)\b",
            r"\bstay mad\b",
            r"\bu mad\b",
            r"\btriggered\b",
            r"\bsnowflake\b",
            r"\bratio(?:'?d)?\b",
            r"\btouch grass\b",
            r"\bimagine being\b",
            r"\bjust asking questions\b",
            r"\b(?:lo+l|lmao+|rofl)\b.*\b(?:therapist|therapy|cbt)\b",
            r"🤡",
        ),
    ),
)

#: Slurs and identity terms per protected characteristic (Equality Act 2010, as the policy says).
#: A slur alone suggests a hate incident; an identity term does with a hostility cue nearby.
SLURS: dict[str, re.Pattern[str]] = {
    "race": _rx(
        r"\bn[i1!]gg(?:er|a|ah|az|ers)\b",
        r"\bp[a@]ki?s?\b",
        r"\bcoons?\b",
        r"\bwogs?\b",
        r"\bch[i1]nks?\b",
        r"\bgooks?\b",
        r"\bspics?\b",
        r"\bjungle bunn(?:y|ies)\b",
        r"\bmonkeys?\b.{0,20}\bbanana",
    ),
    "religion": _rx(
        r"\bk[i1]kes?\b",
        r"\bhebes?\b",
        r"\bmozz(?:ie|er)s?\b",
        r"\bmuzz(?:ie|y|rat)s?\b",
        r"\braghead",
        r"\bchrist ?killers?\b",
        r"\bbible[- ]?bashers?\b",
    ),
    "sex": _rx(r"\bwh[o0]res?\b", r"\bsl[u*]ts?\b", r"\bfeminazis?\b"),
    "gender-identity": _rx(r"\btrann(?:y|ies)\b", r"\btroons?\b", r"\bshemales?\b", r"\bher-?ma-?phro"),
    "sexual-orientation": _rx(
        r"\bf[a@]gg?(?:ot|s)?\b",
        r"\bd[y1]kes?\b",
        r"\bhomos?\b",
        r"\bpoofs?\b",
        r"\bbatty ?boys?\b",
    ),
    "disability": _rx(
        r"\br[e3]t[a@]rd(?:s|ed)?\b",
        r"\bspaz+\b",
        r"\bsp[a@]stics?\b",
        r"\bmongs?\b",
        r"\bcripples?\b",
    ),
    "age": _rx(r"\bold hags?\b", r"\bold bags?\b", r"\bsenile\b", r"\bok,? boomer\b"),
    "nationality": _rx(r"\bforeign scum\b", r"\billegals\b", r"\bfrogs?\b.{0,20}\bfrench"),
}

IDENTITY: dict[str, re.Pattern[str]] = {
    "race": _rx(
        r"\b(?:black|brown|white|asian|african|arab|roma|gypsy|gypsies|traveller)s?\b",
        r"\byour (?:race|skin|colour|color|kind)\b",
        r"\bgo back to where you came from\b",
        r"\bethnic\w*\b",
    ),
    "religion": _rx(
        r"\b(?:muslims?|islam\w*|jews?|jewish|judaism|christians?|hindus?|sikhs?|catholics?|"
        r"buddhists?|atheists?|allah|synagogues?|mosques?|hijab|turban|"
        r"your (?:god|religion|faith))\b"
    ),
    "sex": _rx(
        r"\b(?:women|woman|girls?|females?|ladies)\b",
        r"\bback (?:to|in) the kitchen\b",
        r"\bmake me a sandwich\b",
    ),
    "gender-identity": _rx(
        r"\btrans(?:gender|sexual|women|woman|men|man)?\b",
        r"\bnon-?binary\b",
        r"\b(?:your|their|preferred) pronouns\b",
        r"\bman in a dress\b",
        r"\breal (?:woman|women|man|men)\b",
    ),
    "sexual-orientation": _rx(r"\b(?:gay|gays|lesbians?|bisexuals?|queers?|homosexuals?|lgbt\w*)\b"),
    "disability": _rx(
        r"\b(?:disabled|disability|wheelchair|autis(?:tic|m|ts?)|deaf|blind|handicapped|"
        rf"special needs|mental(?:ly)? (?:ill|illness)|down{_APOS}?s syndrome)\b"
    ),
    "age": _rx(
        r"\b(?:boomers?|geriatric|pensioners?|dinosaur|past it|too old|old (?:woman|man|fool|git|"
        r"lady|cow))\b"
    ),
    "nationality": _rx(
        r"\b(?:foreigners?|immigrants?|migrants?|refugees?|asylum seekers?)\b",
        r"\bgo back to (?:your|ur) (?:own )?country\b",
        r"\b(?:polish|romanian|nigerian|pakistani|indian|chinese|irish|albanian|eastern "
        r"european|bulgarian|syrian|afghan|somali|mexican)s?\b",
    ),
}

HOSTILITY = _rx(
    r"\b(?:hate|hates|hated|disgusting|filthy|dirty|vermin|scum|animals?|subhuman|parasites?|"
    r"cockroach(?:es)?|rats?|plague|disease|inferior|stupid|idiots?|freaks?|abominations?|"
    r"perverts?|groomers?|degenerates?|evil|ugly|pathetic|worthless|kill|die|gas|deport\w*|"
    rf"invaders?|shouldn{_APOS}?t be allowed|not welcome|get out|go back|your kind|you people|"
    r"all (?:of )?(?:you|them|these))\b",
    r"\b(?:are|is) (?:all )?(?:the )?(?:same|problem|worst)\b",
)


def _quote(match: re.Match[str]) -> str:
    words = " ".join(match.group(0).split())
    return f'"{words}"'


def _first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


def _hate(text: str) -> list[tuple[str, str, int]]:
    """(characteristic, reason, position) for each characteristic targeted in ``text``."""
    found: list[tuple[str, str, int]] = []
    hostility = _first(HOSTILITY, text)
    for characteristic, slur in SLURS.items():
        match = _first(slur, text)
        if match:
            found.append(
                (
                    characteristic,
                    f"slur targeting {characteristic.replace('-', ' ')}: {_quote(match)}",
                    -1,
                )
            )
            continue
        term = _first(IDENTITY[characteristic], text)
        if term and hostility:
            found.append(
                (
                    characteristic,
                    f"hostility ({_quote(hostility)}) with a {characteristic.replace('-', ' ')} "
                    f"term ({_quote(term)})",
                    term.start(),
                )
            )
    found.sort(key=lambda item: item[2])
    return found


def _engine_findings(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, reason, characteristic) from the check engine, or nothing when it is unavailable."""
    try:
        check: Any = importlib.import_module("postguard").check
    except (ImportError, AttributeError):
        return []
    try:
        report: Any = check(text)
        findings: Iterable[Any] = list(report.findings)
    except PostguardError as exc:
        log.info("check engine declined the entry text: %s", type(exc).__name__)
        return []
    except Exception as exc:  # the engine is optional: a failure there must not block a record
        log.warning("check engine failed (%s); using keyword rules only", type(exc).__name__)
        return []
    result: list[tuple[str, str, str | None]] = []
    for finding in findings:
        kind = ENGINE_RULES.get(str(getattr(finding, "slug", "")))
        if kind is None:
            continue
        message = str(getattr(finding, "message", ""))
        explanation: dict[str, Any] = getattr(finding, "explanation", {})
        characteristic = ENGINE_CHARACTERISTIC.get(str(explanation.get("characteristic")))
        result.append((kind, f"check engine {finding.rule}: {message}", characteristic))
    return result


def classify(text: str, note: str | None = None, *, use_engine: bool = True) -> Classification:
    """Suggest a kind (and, for hate, the characteristic) from the text and the member's note."""
    reasons: dict[str, list[str]] = {}
    characteristic: str | None = None
    sources = [("text", text)] + ([("note", note)] if note else [])
    for source, body in sources:
        for rule in RULES:
            match = _first(rule.pattern, body)
            if match:
                reasons.setdefault(rule.kind, []).append(f"{rule.name} in {source}: {_quote(match)}")
        if source == "text":
            for found, reason, _ in _hate(body):
                reasons.setdefault("hate-incident", []).append(reason)
                characteristic = characteristic or found
    engine_used = False
    if use_engine and text.strip():
        for kind, reason, found_characteristic in _engine_findings(text):
            engine_used = True
            reasons.setdefault(kind, []).append(reason)
            if kind == "hate-incident" and characteristic is None:
                characteristic = found_characteristic
    kinds = [kind for kind in PRIORITY if kind in reasons]
    if not kinds:
        return Classification(
            kind="other",
            reasons=("no pattern matched: choose the kind with --kind",),
            engine_used=engine_used,
        )
    primary = kinds[0]
    ordered = [reason for kind in kinds for reason in reasons[kind]]
    return Classification(
        kind=primary,
        characteristic=characteristic if primary == "hate-incident" else None,
        reasons=tuple(ordered),
        also=tuple(kinds[1:]),
        engine_used=engine_used,
    )
