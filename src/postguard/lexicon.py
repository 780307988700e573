"""Word lists shared by several detectors, each a regex alternation.

Slurs are compiled letter by letter so that leetspeak ("m0ng"), censoring ("f*ggot"), spacing
("p a k i") and stretched letters ("retaaard") still match, at their place in the original text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from postguard import fastre

INSULTS = (
    r"idiot|moron|imbecile|cretin|clown|fool|joke|loser|twat|prat|tosser|wanker|dickhead|dick|"
    r"knob(?:head)?|muppet|numpty|halfwit|dimwit|nitwit|disgrace|liar|fraud|charlatan|snake|coward|"
    r"hypocrite|pathetic|clueless|stupid|thick|dense|ignorant|useless|incompetent|delusional|"
    r"deranged|unhinged|brain[- ]?dead|braindead|troll|bellend|bell end|arsehole|asshole|arse|"
    r"cow|bitch|bastard|scumbag|scum|pillock|plonker|buffoon|dunce|dumb|dumbass|wally|waste of space|"
    r"waste of oxygen|embarrassment|quack|snowflake|grifter|shill|nutter|psycho|weirdo|"
    r"freak|creep|sad little \w+|pig|slag|slut|cunt|prick|nonce|hack|ghoul|parasite"
)
PROFANITY = (
    r"f+u+c+k+\w*|f\*+k\w*|f\*+\w*ing|fk+|fck\w*|fuk\w*|wtf|ffs|stfu|gtfo|shit\w*|sh\*t|bullshit|"
    r"bs|crap|bollocks|piss(?:ed)?|arse|bloody hell|bugger|damn|goddamn|c\*+t|twat"
)

# Letters and what may stand in for them.
_LEET = {
    "a": "a@4*",
    "b": "b8",
    "c": "c(k",
    "e": "e3*",
    "g": "g9",
    "i": "i1!|l*y",
    "l": "l1|",
    "o": "o0*",
    "s": "s5$z",
    "t": "t7+",
    "u": "u*v",
    "y": "y",
}


def fuzzy_word(word: str) -> str:
    """A regex matching ``word`` through leetspeak, censoring, spacing and stretched letters."""
    parts = []
    for i, letter in enumerate(word):
        chars = _LEET.get(letter, letter)
        cls = "[" + re.escape(chars) + "]"
        # inner vowels of longer words may be dropped ("retrd"), never the first letter
        optional = len(word) > 5 and 0 < i < len(word) - 1 and letter in "aeiou"
        parts.append(f"{cls}*" if optional else f"{cls}+")
    return r"(?<![^\W_])" + r"[\s._*-]?".join(parts) + r"(?:s|z|es)?(?![^\W_])"


# Slurs by the characteristic they target. Reclaimed or ambiguous words (queer, crip, dyke,
# bender, fag meaning a cigarette) are left out: context decides them, not a list.
SLURS: dict[str, list[str]] = {
    "race or ethnicity": [
        "nigger",
        "nigga",
        "niggah",
        "negro",
        "coon",
        "jigaboo",
        "porchmonkey",
        "sambo",
        "wog",
        "golliwog",
        "paki",
        "pakki",
        "chink",
        "gook",
        "spic",
        "wetback",
        "beaner",
        "kaffir",
        "raghead",
        "towelhead",
        "sandnigger",
        "gyppo",
        "pikey",
        "zipperhead",
        "darkie",
        "nignog",
    ],
    "religion": ["kike", "yid", "muzzie", "mozzie", "christkiller", "jewboy"],
    "sexual orientation": ["faggot", "faggit", "fagot", "poofter", "battyboy", "lezza", "lesbo"],
    "gender identity": ["tranny", "trannie", "shemale", "heshe", "ladyboy", "troon", "trannies"],
    "disability": [
        "retard",
        "retarded",
        "retards",
        "tard",
        "spastic",
        "spaz",
        "spacker",
        "mong",
        "mongoloid",
        "cripple",
        "window licker",
        "windowlicker",
    ],
    "sex or gender": ["feminazi", "femoid", "foid", "bitch", "slut", "whore", "skank"],
}

_LEET_TO_LETTER = str.maketrans(
    {
        "@": "a",
        "4": "a",
        "8": "b",
        "3": "e",
        "9": "g",
        "1": "i",
        "!": "i",
        "|": "i",
        "0": "o",
        "5": "s",
        "$": "s",
        "7": "t",
        "+": "t",
    }
)
_NOT_LETTER = re.compile(r"[^a-z*]+")
_RUNS = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"(?<=.)[aeiou*]")


@lru_cache(maxsize=1 << 16)
def _normal(token: str) -> str:
    """A word's skeleton: letters only, repeats collapsed (cached: words recur across posts)."""
    return _RUNS.sub(r"\1", _NOT_LETTER.sub("", token))


SLUR_SKELETONS = sorted({_normal(w.replace(" ", "")) for words in SLURS.values() for w in words})
_SKELETON_SEARCH = re.compile(
    r"\b(?:" + "|".join(sorted(SLUR_SKELETONS, key=len, reverse=True)) + r")(?:s|z|es|ed)?\b"
)
_DROPPED_SEARCH = re.compile(
    r"\b(?:"
    + "|".join(sorted({_VOWELS.sub("", w) for w in SLUR_SKELETONS if len(w) > 5}, key=len, reverse=True))
    + r")(?:s|z|d)?\b"
)


def may_contain_slur(text: str) -> bool:
    """False only when no slur can be in the text: a cheap look at each word with leetspeak
    undone, repeats collapsed, and inner vowels dropped (spelled-out letters count as one word),
    before the exact patterns run.
    """
    tokens = [_normal(t) for t in text.lower().translate(_LEET_TO_LETTER).split()]
    tokens.append(_normal("".join(t for t in tokens if len(t) == 1)))
    plain = " ".join(tokens)
    return bool(_SKELETON_SEARCH.search(plain) or _DROPPED_SEARCH.search(_VOWELS.sub("", plain)))


SLUR_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        characteristic,
        re.compile("|".join(fuzzy_word(w.replace(" ", "")) for w in words), re.IGNORECASE),
    )
    for characteristic, words in SLURS.items()
]

# Groups by protected characteristic (Equality Act 2010), as people write them.
GROUPS: dict[str, str] = {
    "race or ethnicity": (
        r"black (?:people|folk|men|women|guys|kids|lads|families)|blacks|white people|whites|"
        r"brown people|asians|asian people|africans|arabs|gypsies|gipsies|travellers|roma|"
        r"chinese(?: people)?|indians|people of colou?r|poc|ethnic minorities|ethnics|"
        r"mixed[- ]race (?:people|kids)|jamaicans|somalis|nigerians|pakistanis|bangladeshis|"
        r"(?:black|asian|african|arab|pakistani|indian|chinese|nigerian|somali|jamaican|gypsy|roma) "
        r"(?:men|women|lads|guys|people|families|kids|neighbours|builders|drivers|doctors|nurses|workers|"
        r"clients|patients|lot|colleagues|students)|(?:some|certain|these|those|their|that) cultures?|"
        r"black (?:man|woman|person|guy|bloke|lad|girl|kid)|blacks"
    ),
    "nationality or immigration status": (
        r"immigrants?|migrants?|refugees?|asylum seekers?|foreigners?|illegals|illegal immigrants|"
        r"economic migrants|boat people|small boat \w+|poles|polish people|romanians|"
        r"eastern europeans|albanians|syrians|afghans|the (?:french|irish|scots|welsh|english)|"
        r"mexicans|non-brits|dinghy divers|"
        r"(?:polish|romanian|albanian|syrian|afghan|eritrean|bulgarian|lithuanian|foreign|immigrant|migrant) "
        r"(?:men|women|lads|guys|people|families|kids|neighbours|builders|drivers|workers|beggars|gangs|"
        r"clients|patients|lot|colleagues|students)"
    ),
    "religion": (
        r"muslims?|moslems?|islam|islamists|jews|jewish people|the jews|jewry|zionists|"
        r"christians|catholics|hindus|sikhs|buddhists|atheists|mosques?|synagogues?|judaism|"
        r"(?:muslim|jewish|hindu|sikh) (?:men|women|people|families|kids|neighbours|doctors|colleagues)"
    ),
    "sex or gender": (
        r"women|woman|females?|girls|ladies|feminists|wives|mothers|mums|men|males|blokes|"
        r"(?:a |any )?(?:female|women|woman) (?:\w+ )?(?:therapists?|doctors?|bosses|managers?|drivers?|"
        r"colleagues?|clinicians?|surgeons?|leaders?)"
    ),
    "gender identity": (
        r"trans(?:gender)? (?:people|women|woman|men|man|folk|kids|children|youth|persons?)|"
        r"trans(?:gender)?s|transsexuals?|trans|non[- ]binary (?:people|folk)|enbies|"
        r"trans activists|gender ideologues|transgenderism|non[- ]binary|being trans|"
        r"trans(?:gender)? (?:person|woman|man|girl|boy|kid)"
    ),
    "sexual orientation": (
        r"gay (?:people|men|man|women|folk|couples)|gays|lesbians?|bisexuals?|bi people|"
        r"homosexuals?|homos|queers|lgbt\w*(?: people| folk| community)?|the gay community|"
        r"homosexuality|being gay|bisexuality|gay (?:person|guy|bloke|lad|boy|girl|kid|couple)|gays?|lesbians?"
    ),
    "disability": (
        r"disabled (?:people|folk|kids|children|persons?)|the disabled|people with (?:disabilities|"
        r"a disability|learning disabilities|down'?s(?: syndrome)?|autism|mental illness)|autistic (?:people|kids|adults)|"
        r"autistics|wheelchair users|deaf people|blind people|the mentally ill|mentally ill people|"
        r"people with schizophrenia|schizophrenics|cripples|amputees|"
        r"disabled (?:person|man|woman|guy|kid|child)|(?:a |any )?(?:wheelchair user|deaf person|blind person)"
    ),
    "age": (
        r"old people|the elderly|elderly people|pensioners|oaps|boomers|old (?:folk|codgers|biddies|men|women)|"
        r"over[- ]?(?:60|65|70)s|anyone over (?:60|65|70|75|80)|people over (?:60|65|70|75|80)|"
        r"young people|millennials|gen z|zoomers|teenagers"
    ),
}

# "ppl" and "folk" stand for "people" in every group term.
GROUPS = {name: pattern.replace("people", "(?:people|ppl|folk)") for name, pattern in GROUPS.items()}

# One pass that says whether any group is named at all.
ANY_GROUP = fastre.compile(rf"\b(?:{'|'.join(GROUPS.values())})\b", re.IGNORECASE)


def names_a_group(text: str) -> bool:
    """A protected group is named, or a slur may be: hate needs a target."""
    return bool(ANY_GROUP.search(text)) or may_contain_slur(text)


CHARACTERISTIC_WORD = {
    "race or ethnicity": "racist",
    "nationality or immigration status": "xenophobic",
    "religion": "religious hate",
    "sex or gender": "sexist",
    "gender identity": "transphobic",
    "sexual orientation": "homophobic",
    "disability": "ableist",
    "age": "ageist",
}
