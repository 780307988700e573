"""SM201 on functional cases: each way of writing hate, and each look-alike that is not hate.

Bars as in the project's quality bars: 90% overall, no functionality below 60%.
"""

from __future__ import annotations

from collections import defaultdict

from hate_cases import cases
from postguard import check_many


def test_functional_accuracy() -> None:
    rows = cases()
    reports = check_many([text for _, _, text in rows])
    right: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for (functionality, hateful, text), report in zip(rows, reports, strict=True):
        fired = any(f.rule == "SM201" for f in report.findings)
        right[functionality].append(fired == hateful)
        if fired != hateful:
            misses.append(f"{functionality}: {text}")
    overall = sum(sum(v) for v in right.values()) / sum(len(v) for v in right.values())
    weakest = min(right, key=lambda f: sum(right[f]) / len(right[f]))
    assert overall >= 0.90, misses
    assert sum(right[weakest]) / len(right[weakest]) >= 0.60, (weakest, misses)
