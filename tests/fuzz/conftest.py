"""Say how many mutated exports a run fed the importers (the issue's bar counts them), and how
many hit an issue already reported (the KNOWN_* tables of fuzz_guard.py and the CLI fuzz)."""

from __future__ import annotations

import os
from collections import Counter

import pytest

_cases: list[int] = []
_known: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call":
        return
    for key, value in report.user_properties:
        if key == "fuzz_cases":
            _cases.append(int(str(value)))
        elif key == "fuzz_known" and isinstance(value, dict):
            _known.update(value)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _cases:
        seed = os.environ.get("POSTGUARD_FUZZ_SEED", "0 (fixed)")
        terminalreporter.write_line(f"fuzz: {sum(_cases):,} mutated exports imported, seed {seed}")
    if _known:
        listed = ", ".join(f"{issue} ({n})" for issue, n in _known.most_common())
        terminalreporter.write_line(f"fuzz: cases that hit known, reported issues: {listed}")
