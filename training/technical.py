"""Technical text and violent-sounding everyday verbs: negatives the public sets lack.

Measured on ordinary accounts, the classifier read a regular expression, a knitting chart, an
fstab line and "drink some water 💧" as hate or harm: the public sets are fluent chat and
adversarial hate, so text unlike chat landed with the positives. Two sources of negatives:

- ``code_snippets``: real code, comments and docstrings from the Python standard library of
  the interpreter that runs training (written by its authors, not by us; PSF licence).
- ``everyday_actions``: verbs that also do violence ("cut", "shoot", "kill", "drink",
  "smash") in their everyday senses, each in a few natural phrasings.
"""

from __future__ import annotations

import random
import re
import sysconfig
from pathlib import Path

_DOCSTRING = re.compile(r'"""(.+?)"""', re.DOTALL)


def code_snippets(seed: int, n: int = 3_000) -> list[str]:
    """Lines, pairs of lines, comments and docstring openings from the standard library."""
    rng = random.Random(seed)
    files = sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py"))
    pieces: list[str] = []
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        lines = [line.strip() for line in source.splitlines() if 12 <= len(line.strip()) <= 160]
        pieces += [line.lstrip("# ") for line in lines]
        pieces += [" ".join(lines[i : i + 2]) for i in range(0, len(lines) - 1, 7)]
        pieces += [" ".join(doc.split())[:240] for doc in _DOCSTRING.findall(source)]
    pieces = sorted({p for p in pieces if sum(c.isalpha() for c in p) >= 8})
    return rng.sample(pieces, min(n, len(pieces)))


_ACTIONS = {
    "drink": [
        "some water",
        "plenty of fluids",
        "your coffee while it's hot",
        "a pint for me",
        "more water today",
    ],
    "take": ["your vitamins", "a break", "the stairs", "the day off", "a deep breath", "your time"],
    "cut": ["the onions finely", "the grass", "your losses", "the cake", "me some slack", "the cord"],
    "shoot": ["me a message", "me an email", "your shot", "for the stars", "the breeze", "some hoops"],
    "hang": ["the washing out", "in there", "the pictures", "out with us", "on a sec", "loose"],
    "jump": ["on a call", "in the queue", "at the chance", "in the pool", "on the bandwagon", "for joy"],
    "kill": ["the lights", "the engine", "time before the train", "the process", "it on stage", "the music"],
    "beat": ["the traffic", "the eggs", "my personal best", "the heat", "the odds", "the deadline"],
    "attack": ["the day", "the to-do list", "the weeds", "the stairs on the route", "the problem head on"],
    "smash": ["your workout", "the interview", "the avocado", "that presentation", "your goals"],
    "destroy": ["the old shed", "the boxes for recycling", "the leftovers", "that playlist", "the test"],
    "crush": ["the garlic", "your goals", "the biscuits for the base", "the ice", "it at the gym"],
    "burn": ["some calories", "the midnight oil", "a CD", "the toast", "the old letters", "some energy"],
    "bomb": ["down the hill", "the cake with sprinkles", "out of the office early"],
    "slay": ["the look", "the dance floor", "that outfit", "the presentation"],
    "punch": ["the dough", "in the numbers", "a hole in the card", "above your weight"],
    "starve": ["the weeds of light", "the fire of oxygen"],
    "strangle": ["the figs in the garden", "the weeds"],
    "choke": ["the engine on a cold morning", "back the tears at the wedding"],
    "stab": ["the potatoes with a fork", "at a guess", "the label with a pin"],
}
_FRAMES = [
    "{verb} {obj}",
    "Don't forget to {verb} {obj}",
    "Time to {verb} {obj}!",
    "Remember to {verb} {obj} 💪",
    "Just {verb} {obj}, honestly",
    "@user {verb} {obj} 😄",
    "Reminder: {verb} {obj}",
    "Going to {verb} {obj} later",
]
_EMOJI = ["", "", " 💧", " 🔥", " 😂", " 🙌", " ☕", " 🍰", " 🏃", " 🎉"]


def everyday_actions(seed: int) -> list[str]:
    """Violent-sounding verbs in their everyday senses, a few phrasings each."""
    rng = random.Random(seed)
    out = []
    for verb, objects in _ACTIONS.items():
        for obj in objects:
            for frame in rng.sample(_FRAMES, 3):
                text = frame.format(verb=verb, obj=obj)
                out.append(text[0].upper() + text[1:] + rng.choice(_EMOJI))
    return out
