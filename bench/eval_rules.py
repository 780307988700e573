"""Per-rule recall and the share of clean posts flagged, on a labelled set of posts.

    .venv/bin/python bench/eval_rules.py bench/eval/posts-v3.jsonl --profile-holds-none

Each line is {"text": ..., "rules": [codes the post should fire]}; an empty list is a clean
post. A finding counts when it is above `info` (a warning or high). The sets were written by
separate sessions from the policy alone (see bench/eval/README.md): v1 was used while developing
the detectors, v2 only once, to measure, before a round of fixes; v3 was written for the policy
heads by a helper that never saw their training corpus or briefs. With ``--profile-holds-none``
the posts are checked for a member whose profile lists no credential (v3 labels any claimed
title or membership as SM401).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from postguard import check_many
from postguard.profile import Profile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, nargs="?", default=Path("bench/eval/posts-v2.jsonl"))
    parser.add_argument(
        "--profile-holds-none", action="store_true", help="check as a member with no credentials"
    )
    parser.add_argument(
        "--show", type=int, default=0, help="print this many misses and false alarms per rule"
    )
    args = parser.parse_args()
    lines = args.path.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    reports = check_many([r["text"] for r in rows], Profile() if args.profile_holds_none else None)
    hits: Counter[str] = Counter()
    wanted: Counter[str] = Counter()
    false_alarms: Counter[str] = Counter()
    misses: dict[str, list[str]] = {}
    clean = flagged = 0
    for row, report in zip(rows, reports, strict=True):
        fired = {f.rule for f in report.findings if f.severity.label != "info"}
        for rule in row["rules"]:
            wanted[rule] += 1
            hits[rule] += rule in fired
            if rule not in fired:
                misses.setdefault(rule, []).append(row["text"])
        if not row["rules"]:
            clean += 1
            flagged += bool(fired)
            false_alarms.update(fired)
            for rule in fired:
                misses.setdefault(f"clean flagged {rule}", []).append(row["text"])
    for rule in sorted(wanted):
        print(f"{rule}: recall {hits[rule]}/{wanted[rule]} ({hits[rule] / wanted[rule]:.0%})")
    total = sum(hits.values()) / max(1, sum(wanted.values()))
    print(f"all breaches: {sum(hits.values())}/{sum(wanted.values())} ({total:.1%})")
    print(f"clean posts flagged above info: {flagged}/{clean} ({flagged / max(1, clean):.1%})")
    print("clean posts flagged, by rule:", dict(sorted(false_alarms.items())))
    for key, texts in sorted(misses.items()):
        for text in texts[: args.show]:
            print(f"  [{key}] {text[:160]!r}")


if __name__ == "__main__":
    main()
