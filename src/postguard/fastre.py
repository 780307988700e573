"""Regular expressions that cost little on the posts they cannot match.

The detectors' patterns are long alternations (`_CLAIMS` has over a hundred branches), and
Python's backtracking engine tries every branch at every position of every post: profiling the
audit found about half of its time there, on posts that match none of them. RE2 (Google's
automaton-based engine, `google-re2`) scans for all branches at once in linear time, but it has
no look-arounds, `\\b` or back-references, and its `\\w` is ASCII. So each pattern gets a
*gate*: the same pattern rewritten for RE2 with every assertion dropped and every class
widened where RE2 cannot say it exactly, which therefore matches wherever the real pattern
could. Only when the gate matches does Python's `re` run; what callers get is always the real
pattern's result. A pattern RE2 cannot take is simply not gated.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import re2  # type: ignore[import-untyped]

# Python's `\s` (str.isspace), which RE2's ASCII `\s` is not.
_SPACE = r"\t-\r\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_WORD = r"\pL\pN_"  # Python's `\w`: letters, numbers (str.isalnum) and the underscore
_ANY = r"[\x{0}-\x{10ffff}]"
# IGNORECASE in Python also folds these to ASCII letters; RE2 does not, so texts holding them
# skip the gate, and a pattern naming them is not gated.
_TURKISH_I = ("ı", "İ")
_TURKISH_CODES = frozenset(map(ord, _TURKISH_I))
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.max_mem = 64 << 20  # big alternations need room for the automaton
_MAX_REPEAT = 1000  # RE2's limit on counted repetition


class _Untranslatable(Exception):
    """A construct with no RE2 equivalent: the pattern goes ungated."""


def _char(code: int) -> str:
    if code in _TURKISH_CODES:
        raise _Untranslatable  # Python folds them to I and i under IGNORECASE; RE2 does not
    return chr(code) if chr(code).isascii() and chr(code).isalnum() else f"\\x{{{code:x}}}"


def _category(code: Any, negated_class: bool) -> str:
    """One `\\d`, `\\w`, `\\s` (or negation) inside a character class, as RE2 class items that
    match at least what Python's do. RE2's Unicode tables are newer than Python's, so it calls
    some characters letters or digits that Python does not: a negated class with a category
    in it, and `\\D`, cannot be stated so and are left to match any character."""
    if negated_class:
        raise _Untranslatable
    widened = {
        sre.CATEGORY_DIGIT: r"\p{Nd}",
        sre.CATEGORY_WORD: _WORD,
        sre.CATEGORY_SPACE: _SPACE,
        sre.CATEGORY_NOT_WORD: r"\W",
        sre.CATEGORY_NOT_SPACE: r"\S",
    }
    return widened.get(code, r"\x{0}-\x{10ffff}")


def _class(items: Any) -> str:
    negated = bool(items) and items[0][0] is sre.NEGATE
    body = []
    for op, av in items[1:] if negated else items:
        if op is sre.LITERAL:
            body.append(_char(av))
        elif op is sre.RANGE:
            if av[0] <= max(_TURKISH_CODES) and av[1] >= min(_TURKISH_CODES):
                raise _Untranslatable
            body.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY:
            body.append(_category(av, negated))
        else:
            raise _Untranslatable
    return f"[{'^' if negated else ''}{''.join(body)}]"


def _seq(items: Any) -> str:
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(_char(av))
        elif op is sre.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
        elif op is sre.ANY:
            out.append(".")
        elif op is sre.IN:
            try:
                out.append(_class(av))
            except _Untranslatable:
                out.append(_ANY)  # a negated class RE2 cannot state exactly: any character
        elif op is sre.CATEGORY:
            out.append(_class([(op, av)]))
        elif op is sre.BRANCH:
            out.append("(?:" + "|".join(_seq(b) for b in av[1]) + ")")
        elif op is sre.SUBPATTERN:
            _group, add, remove, body = av
            flags = ("i" if add & re.IGNORECASE else "") + ("s" if add & re.DOTALL else "")
            off = "-i" if remove & re.IGNORECASE else ""
            out.append(f"(?{flags}{off}:{_seq(body)})" if flags or off else f"(?:{_seq(body)})")
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            low = min(low, _MAX_REPEAT)
            bound = "" if high is sre.MAXREPEAT or high > _MAX_REPEAT else str(high)
            out.append(f"(?:{_seq(body)}){{{low},{bound}}}")
        elif op is sre.ATOMIC_GROUP:
            out.append(f"(?:{_seq(av)})")
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: dropping it only lets the gate match more
        elif op is sre.GROUPREF:
            out.append(f"{_ANY}*")
        elif op is sre.GROUPREF_EXISTS:
            _group, yes, no = av
            out.append(f"(?:{_seq(yes)}|{_seq(no) if no else ''})")
        else:
            raise _Untranslatable
    return "".join(out)


def gate_pattern(pattern: str, flags: int = 0) -> str | None:
    """`pattern` in RE2 syntax, matching wherever it can match (and more); None if RE2 cannot
    express it."""
    parsed = _parser.parse(pattern, flags)
    state = parsed.state.flags
    prefix = ("i" if state & re.IGNORECASE else "") + ("s" if state & re.DOTALL else "")
    try:
        body = _seq(parsed)
    except _Untranslatable:
        return None
    return f"(?{prefix}){body}" if prefix else body


class _Gates:
    """Every gate in one RE2 set, so one scan of a text answers all of them.

    A post is read by some fifty gated patterns; one set scan costs about as much as two
    single ones. The set is compiled on first use; a gate made after that keeps its own."""

    def __init__(self) -> None:
        self._set: Any = re2.Set.SearchSet(_RE2_OPTIONS)
        self._compiled = False
        self._recent: dict[str, frozenset[int]] = {}

    def add(self, translated: str) -> int | None:
        """The gate's index in the set, or None once the set is compiled; `re2.error` when
        RE2 cannot take the pattern."""
        if self._compiled:
            return None
        index: int = self._set.Add(translated)
        return index

    def matching(self, text: str) -> frozenset[int]:
        """The indices of the gates that match `text` (the last few texts are remembered:
        detectors read the same post one after another)."""
        found = self._recent.get(text)
        if found is None:
            if not self._compiled:
                self._set.Compile()
                self._compiled = True
            found = frozenset(self._set.Match(text) or ())
            if len(self._recent) >= 8:
                self._recent.pop(next(iter(self._recent)))
            self._recent[text] = found
        return found


_GATES = _Gates()


class Regex:
    """A compiled pattern behind an RE2 gate (the methods of `re.Pattern` the code uses)."""

    __slots__ = ("_compiled", "_gate", "_ignorecase", "_index", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._compiled = re.compile(pattern, flags)
        self.pattern = pattern
        self.flags = self._compiled.flags
        self._ignorecase = bool(self.flags & re.IGNORECASE)
        translated = gate_pattern(pattern, flags)
        self._index: int | None = None  # in the shared set
        self._gate: Any = None  # its own, for a pattern made after the set was compiled
        if translated is not None:
            try:
                self._index = _GATES.add(translated)
                if self._index is None:
                    self._gate = re2.compile(translated, _RE2_OPTIONS)
            except re2.error:
                pass

    @property
    def gated(self) -> bool:
        return self._index is not None or self._gate is not None

    def possible(self, text: str) -> bool:
        """False only when the pattern cannot match anywhere in `text`."""
        if not self.gated or (self._ignorecase and any(c in text for c in _TURKISH_I)):
            return True
        try:
            if self._index is not None:
                return self._index in _GATES.matching(text)
            return self._gate.search(text) is not None
        except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
            return True

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled.search(string, pos, endpos) if self.possible(string) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled.match(string, pos, endpos) if self.possible(string) else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled.fullmatch(string, pos, endpos) if self.possible(string) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self._compiled.finditer(string, pos, endpos) if self.possible(string) else iter(())

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self._compiled.findall(string, pos, endpos) if self.possible(string) else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self._compiled.sub(repl, string, count) if self.possible(string) else string

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self._compiled.subn(repl, string, count) if self.possible(string) else (string, 0)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self._compiled.split(string, maxsplit) if self.possible(string) else [string]

    def __repr__(self) -> str:
        return f"fastre.compile({self.pattern!r})"


def compile(pattern: str, flags: int = 0) -> Regex:
    """Like `re.compile`, with an RE2 gate in front."""
    return Regex(pattern, flags)
