"""Functional cases for SM201 in the spirit of HateCheck (Röttger et al., 2021): each
functionality is a way hate is written (or a way non-hate looks like it), crossed with the
groups hate most often targets. Written from the published functionality descriptions, not
from the held-out suite (which this project never sees).
"""

from __future__ import annotations

TARGETS = {
    "women": "woman",
    "trans people": "trans person",
    "gay people": "gay person",
    "black people": "black person",
    "disabled people": "disabled person",
    "Muslims": "Muslim",
    "immigrants": "immigrant",
}
SLURS = {
    "women": "bitch",
    "trans people": "tranny",
    "gay people": "faggot",
    "black people": "nigger",
    "disabled people": "retard",
    "Muslims": "raghead",
    "immigrants": "wetback",
}
HATEFUL = {
    "derogation: emotion": ["I hate {p}.", "I despise {p}.", "I can't stand {p}.", "{P} disgust me."],
    "derogation: attribute": [
        "{P} are disgusting.",
        "All {p} are scum.",
        "{P} are so pathetic.",
        "Typical of a {s} to be that stupid.",
    ],
    "dehumanisation": [
        "{P} are vermin.",
        "{P} are nothing but animals.",
        "{P} are a plague on society.",
        "{P} are subhuman.",
    ],
    "implicit derogation": [
        "{P} belong in a zoo.",
        "I'd never let a {s} near my kids.",
        "Having {p} around ruins everything.",
    ],
    "threat: direct": [
        "I will kill all {p}.",
        "I'm going to shoot the next {s} I see.",
        "I want to hurt {p}.",
    ],
    "threat: normative": ["{P} should be executed.", "All {p} deserve to die.", "{P} should be wiped out."],
    "slur": ["You are just a {slur}.", "Shut up, {slur}."],
    "profanity": ["Fuck all {p}.", "{P} are shit."],
    "pronoun reference": ["I hate {p}. They are all scum.", "{P}? They are vermin."],
    "negated praise": ["{P} are not good people.", "I don't respect {p}."],
    "opinion": ["I think {p} are disgusting.", "Honestly, {p} are worthless."],
    "question": ["Why are {p} so stupid?", "Aren't {p} just disgusting?"],
    "spelling: leet": ["I h4te {p}.", "{P} are d1sgust1ng."],
    "spelling: spaced": ["I hate {p_spaced}."],
    "spelling: missing letter": ["I hate {p_missing}."],
    "spelling: swapped letters": ["I hate {p_swapped}."],
}
CLEAN = {
    "negated hate": [
        "I don't hate {p}.",
        "No {s} deserves to be treated like that.",
        "{P} are not disgusting.",
    ],
    "identity, neutral": ["I work with {p} every day.", "Many {p} live in this town."],
    "identity, positive": ["I love {p}.", "{P} are wonderful.", "So proud of all the {p} I know."],
    "counter-speech, quoted": [
        "Saying '{p} are vermin' is disgusting and hateful.",
        "Statements like '{p} are disgusting' are deeply hurtful.",
    ],
    "counter-speech, reported": [
        "You have to stop calling {p} disgusting.",
        "It's not OK to call {p} animals.",
    ],
    "abuse of non-protected targets": [
        "I hate people who don't indicate.",
        "Landlords are scum.",
        "Racists are disgusting.",
    ],
    "profanity, not hateful": ["Fuck, I missed the bus again.", "What a shit day at work."],
}


def _variants(p: str) -> dict[str, str]:
    head = p.split()[-1]
    mid = len(head) // 2

    def swap(word: str) -> str:
        return word[: mid - 1] + word[mid] + word[mid - 1] + word[mid + 1 :]

    return {
        "p_spaced": p.replace(head, " ".join(head)),
        "p_missing": p.replace(head, head[:mid] + head[mid + 1 :]),
        "p_swapped": p.replace(head, swap(head)),
    }


def cases() -> list[tuple[str, bool, str]]:
    """(functionality, hateful, text) for every template and target, without repeats."""
    out: dict[str, tuple[str, bool, str]] = {}
    for hateful, table in ((True, HATEFUL), (False, CLEAN)):
        for functionality, templates in table.items():
            for template in templates:
                for p, s in TARGETS.items():
                    text = template.format(p=p, P=p[0].upper() + p[1:], s=s, slur=SLURS[p], **_variants(p))
                    out.setdefault(text, (functionality, hateful, text))
    return list(out.values())
