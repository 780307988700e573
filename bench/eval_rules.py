"""Per-rule recall and the share of clean posts flagged, on a labelled set of posts.

    .venv/bin/python bench/eval_rules.py bench/eval/posts-v2.jsonl

Each line is {"text": ..., "rules": [codes the post should fire]}; an empty list is a clean
post. A finding counts when it is above `info`. The sets were written by a separate session from
the policy alone (see bench/eval/README.md); v1 was used while developing the detectors, v2 only
once, to measure, before a round of fixes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from postguard import check_many


def main(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    reports = check_many([r["text"] for r in rows])
    hits: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    clean = flagged = 0
    for row, report in zip(rows, reports, strict=True):
        fired = {f.rule for f in report.findings if f.severity.label != "info"}
        for rule in row["rules"]:
            wanted[rule] += 1
            hits[rule] += rule in fired
        if not row["rules"]:
            clean += 1
            flagged += bool(fired)
    for rule in sorted(wanted):
        print(f"{rule}: recall {hits[rule]}/{wanted[rule]} ({hits[rule] / wanted[rule]:.0%})")
    print(f"clean posts flagged above info: {flagged}/{clean} ({flagged / clean:.1%})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/eval/posts-v2.jsonl"))
