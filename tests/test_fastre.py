"""The RE2 gate never hides a match: wherever Python's pattern matches, the gate lets it run.

A gate that said "impossible" where the real pattern matches would silently drop a finding, so
the property is checked on every gated pattern the detectors use, with texts built from each
pattern's own words mixed with arbitrary Unicode (accents, Turkish i, non-breaking spaces).
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import postguard
from postguard import fastre
from postguard.fastre import Regex, gate_pattern


def _gated_patterns() -> dict[str, Regex]:
    found: dict[str, Regex] = {}
    for module in pkgutil.walk_packages(postguard.__path__, "postguard."):
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if isinstance(value, Regex):
                found[f"{module.name}.{name}"] = value
            elif isinstance(value, list | tuple):  # (name, pattern) tables such as bullying's forms
                for i, entry in enumerate(value):
                    if isinstance(entry, tuple) and entry and isinstance(entry[-1], Regex):
                        found[f"{module.name}.{name}[{i}]"] = entry[-1]
    return found


PATTERNS = _gated_patterns()


def _words(pattern: str) -> list[str]:
    """Fragments of plain words in a pattern's source, to build texts that nearly match."""
    return sorted(set(re.findall(r"[A-Za-z][A-Za-z' ]{2,}", pattern))) or ["x"]


def test_the_detectors_expensive_patterns_are_gated() -> None:
    assert len(PATTERNS) >= 30
    assert all(p.gated for p in PATTERNS.values()), [n for n, p in PATTERNS.items() if not p.gated]


@pytest.mark.parametrize("name", sorted(PATTERNS))
@settings(max_examples=40, deadline=None, derandomize=True, database=None)
@given(data=st.data())
def test_the_gate_lets_every_match_through(name: str, data: st.DataObject) -> None:
    regex = PATTERNS[name]
    pieces = (
        st.sampled_from(_words(regex.pattern))
        | st.text(max_size=6)
        | st.sampled_from([" ", "é", "ı", "İ", "\u00a0", "’", "@sam", "#", "\n", "1990", "😀", "_"])
    )
    text = "".join(data.draw(st.lists(pieces, max_size=12)))
    if re.compile(regex.pattern, regex.flags).search(text):
        assert regex.possible(text), text


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"(?<![^\W_])kys(?![^\W_])", re.I, "just KYS"),  # look-arounds dropped
        (r"\bcafé\b", 0, "un café noir"),  # \b beside a non-ASCII letter
        (r"\w+ist\b", 0, "ëist"),  # Python's \w takes accented letters, RE2's does not
        (r"[^\W_]+ist", 0, "Ärztist"),  # a negated class RE2 cannot state exactly
        (r"kill\s+it", re.I, "kıll\u00a0it"),  # Turkish dotless i and a non-breaking space
        (r"(a)b\1", 0, "aba"),  # a back-reference
        (r"^hello$", re.M, "x\nhello\ny"),
        (r"(?i:guarantee)d", 0, "GUARANTEEd"),
        (r"\d{3,4} ?cals?", 0, "\u0661\u0662\u0663 cal"),  # Arabic-Indic digits are \d in Python
        ("ı", re.I, "I"),  # a Turkish i in the pattern, not the text
        ("[\u0100-\u017f]", re.I, "I"),  # a range that holds it
        (r"\D", 0, "\U00011f50"),  # a digit in RE2's newer Unicode tables, not in Python's
        (r"[^\w]", 0, "\U00011f02"),
        (r"[^\w]", re.I, "\u0345"),  # RE2 folds it to a Greek letter
    ],
)
def test_constructs_re2_lacks_still_match(pattern: str, flags: int, text: str) -> None:
    assert re.search(pattern, text, flags)
    assert fastre.compile(pattern, flags).search(text) is not None


def test_a_gate_says_no_only_when_the_pattern_cannot_match() -> None:
    claims = fastre.compile(r"\b(?:guarantee|cure|100% success)\b", re.I)
    assert claims.search("I can't guarantee results") is not None
    assert not claims.possible("A lovely walk by the canal this morning.")
    assert claims.sub("X", "nothing here") == "nothing here"
    assert list(claims.finditer("nothing here")) == []


def test_a_lone_surrogate_lets_the_pattern_run() -> None:
    assert fastre.compile("hello").search("hello \ud83d") is not None


def test_translation_drops_assertions_and_keeps_case_folding() -> None:
    assert gate_pattern(r"(?<!\w)ab(?=c)\b", re.I) == "(?i)ab"
