"""Every fixture case: posts that must fire their rule and posts that must not.

The cases were written from the BABCP policy and realistic posts, not from postguard's output.
"""

from __future__ import annotations

import pytest

from postguard import check
from rule_cases import Case, load_cases

CASES = load_cases()


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.where}-{'fire' if c.should_fire else 'clean'}" for c in CASES]
)
def test_rule_case(case: Case) -> None:
    report = check(case.text, profile=case.make_profile())
    hits = [f for f in report.findings if f.rule == case.rule]
    if not case.should_fire:
        assert not hits, f"{case.rule} fired on a clean post: {[(f.excerpt, f.message) for f in hits]}"
        return
    assert hits, f"{case.rule} did not fire; findings: {[(f.rule, f.excerpt) for f in report.findings]}"
    if case.excerpt:
        start = case.text.find(case.excerpt)
        end = start + len(case.excerpt)
        assert any(f.start is None or (f.start < end and start < (f.end or 0)) for f in hits), (
            f"{case.rule} fired on {[f.excerpt for f in hits]}, not on {case.excerpt!r}"
        )
