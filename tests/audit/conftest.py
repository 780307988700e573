"""Hand-built audit results for the report tests: a realistic account and an empty one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from postguard.audit.model import AuditFinding, AuditResult, PostSample, TakeoverIncident
from postguard.model import AccountProfile

SCRIPT_POST = "Try this <script>alert(1)</script> & see what happens"

RULE_TITLES = {
    "SM101": "Client could be identified",
    "SM102": "Picture of a client",
    "SM103": "Inappropriate comment about clients",
    "SM201": "Discriminatory or hateful content",
    "SM202": "Bullying, intimidation or trolling",
    "SM203": "Encouraging violence or self-harm",
    "SM204": "Someone's private details published",
    "SM301": "Relationship with a client outside therapy",
    "SM401": "Services or expertise overstated",
    "SM402": "Speaking for BABCP",
    "SM403": "Derogatory comment about BABCP",
    "SM501": "Answers to security questions",
    "SM502": "Location or identifying metadata in a photo",
    "SM503": "Suspicious link",
    "SM601": "Written in the heat of the moment",
}

STEPS = [
    "Regain control: change the password from a device you trust, turn on multi-factor authentication, "
    "sign out of every other session and remove connected apps you don't know.",
    "Remove the material: keep screenshots for your records, then delete the posts listed here.",
    "Check your privacy settings and linked email and phone: hackers often change them.",
    "Tell BABCP if these posts might lead to a professional complaint; the policy expects members to let "
    "BABCP know.",
]


def finding(
    post_id: str, rule: str, severity: str, text: str, excerpt: str | None, **kw: Any
) -> AuditFinding:
    values: dict[str, Any] = {
        "post_id": post_id,
        "platform": "x",
        "date": "2023-01-27T09:14:00Z",
        "url": f"https://x.com/samtaylor_cbt/status/{post_id}",
        "kind": "post",
        "visibility": "public",
        "rule": rule,
        "slug": RULE_TITLES[rule].lower().replace(" ", "-"),
        "severity": severity,
        "message": f"{RULE_TITLES[rule]}: this post may break the guidance.",
        "excerpt": excerpt,
        "suggestion": "Remove the detail or delete the post.",
        "source": "text",
        "score": 0.9,
        "text": text,
    }
    values.update(kw)
    return AuditFinding(**values)


def _timeline(
    first: tuple[int, int], months: int, flagged: dict[str, dict[str, int]]
) -> dict[str, dict[str, int]]:
    year, month = first
    out: dict[str, dict[str, int]] = {}
    for i in range(months):
        key = f"{year:04d}-{month:02d}"
        out[key] = {"posts": 20 + (i * 37) % 45, **flagged.get(key, {})}
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def sample_result() -> AuditResult:
    """A therapist's X and Instagram account with a handful of serious posts and one takeover."""
    client = (
        "So proud of my client today! J, a 34 year old primary school teacher from Otley, finally got on "
        "the bus alone after 12 sessions of exposure work."
    )
    heated = (
        "@cbt_sceptic You are a clueless idiot. STOP posting rubbish about CBT, nobody wants your opinion."
    )
    quiz = "Friday fun! Your therapist name is your first pet's name + the street you grew up on. Mine: Biscuit Ashgrove!"
    link = "BABCP members: your accreditation must be re-verified by Friday. Log in here: https://t.co/xY12ab"
    hate = "Go back where you came from, your lot are ruining this country"
    priority = [
        finding(
            "1619018063935445090",
            "SM101",
            "high",
            client,
            "J, a 34 year old primary school teacher from Otley",
            date="2023-01-27T09:14:00Z",
            score=0.97,
        ),
        finding(
            "1851000000000000001",
            "SM201",
            "high",
            hate,
            "Go back where you came from",
            date="2024-10-30T03:12:00Z",
            score=0.95,
        ),
        finding(
            "1851000000000000002",
            "SM201",
            "high",
            "They are vermin, every last one of them. " + SCRIPT_POST,
            "They are vermin",
            date="2024-10-30T03:40:00Z",
            score=0.94,
        ),
        finding(
            "1654618863305179026",
            "SM202",
            "high",
            heated,
            "You are a clueless idiot",
            kind="reply",
            date="2023-05-05T21:30:00Z",
            score=0.9,
        ),
        finding(
            "1654618863305179026",
            "SM601",
            "warning",
            heated,
            "STOP posting rubbish",
            kind="reply",
            date="2023-05-05T21:30:00Z",
            score=0.8,
        ),
        finding(
            "1669721490847678622",
            "SM501",
            "warning",
            quiz,
            "first pet's name + the street you grew up on",
            date="2023-06-16T12:00:00Z",
            score=0.85,
        ),
        finding(
            "1720158663342046029",
            "SM503",
            "warning",
            link,
            "https://t.co/xY12ab",
            date="2023-11-02T08:00:00Z",
            score=0.8,
            message="The link expands to babcp-members.co, a lookalike of babcp.com.",
        ),
        finding(
            "C9xk2",
            "SM102",
            "high",
            "Snapped my client on her final session today, look at that smile!",
            "Snapped my client",
            platform="instagram",
            url="https://www.instagram.com/p/C9xk2/",
            date="2024-02-03T17:45:00Z",
            score=0.88,
        ),
        finding(
            "C7aa1",
            "SM502",
            "warning",
            "Garden finally finished! Home office with a view.",
            None,
            platform="instagram",
            url=None,
            date="2023-08-14T10:00:00Z",
            score=0.7,
            source="image:IMG_2231.jpg",
            message="This photo carries the GPS position where it was taken (near Leeds).",
        ),
        finding(
            "1500000000000000009",
            "SM601",
            "warning",
            "Honestly some people should not be allowed online.",
            "should not be allowed online",
            date="2022-04-11T22:10:00Z",
            deleted=True,
            score=0.6,
        ),
    ]
    bio_text = "Sam Taylor \nCBT therapist in Leeds. Guaranteed results in 6 sessions or your money back!"
    profile_findings = [
        finding(
            "instagram:profile",
            "SM401",
            "warning",
            bio_text,
            "Guaranteed results in 6 sessions",
            platform="instagram",
            kind="bio",
            source="bio",
            url=None,
            date=None,
            message="Promising guaranteed results overstates what therapy can offer.",
        ),
    ]
    flagged = {
        "2022-04": {"warning": 1},
        "2023-01": {"high": 1, "info": 2},
        "2023-05": {"high": 1, "warning": 1},
        "2023-06": {"warning": 1},
        "2023-08": {"warning": 1},
        "2023-11": {"warning": 1},
        "2024-02": {"high": 1},
        "2024-10": {"high": 7, "info": 1},
    }
    timeline = _timeline((2019, 3), 69, flagged)
    timeline["unknown"] = {"posts": 3}
    recent = [
        PostSample(
            "1855000000000000001",
            "2024-11-20T08:30:00Z",
            "https://x.com/samtaylor_cbt/status/1855000000000000001",
            "New blog post: five small ways to look after your sleep this winter.",
            "public",
            "post",
            "pass",
        ),
        PostSample(
            "1851000000000000002",
            "2024-10-30T03:40:00Z",
            None,
            "They are vermin, every last one of them.",
            "public",
            "post",
            "block",
        ),
        PostSample(
            "1849000000000000003", "2024-10-12T19:02:00Z", None, SCRIPT_POST, "public", "reply", "review"
        ),
    ]
    incident = TakeoverIncident(
        start="2024-10-30T03:12:00Z",
        end="2024-10-30T05:58:00Z",
        post_ids=["1851000000000000001", "1851000000000000002", "1851000000000000003"],
        reasons=[
            "3 abusive or discriminatory posts (SM201) within 3 hours",
            "posted with 'Twitter for Andr0id', an app used for only 3 posts (3 of them)",
            "posted at 03:00-03:59 UTC, an hour this account almost never posts at",
        ],
        steps=list(STEPS),
        score=0.8,
    )
    by_rule = {
        "SM101": 3,
        "SM102": 1,
        "SM201": 7,
        "SM202": 1,
        "SM401": 1,
        "SM501": 1,
        "SM502": 2,
        "SM503": 1,
        "SM601": 3,
    }
    return AuditResult(
        summary={
            "posts": 4_213,
            "by_rule": by_rule,
            "by_severity": {"high": 12, "warning": 8, "info": 3},
            "verdicts": {"pass": 4_201, "review": 4, "block": 8},
            "platforms": ["x", "instagram"],
            "policy": {"id": "babcp", "version": "2024.1"},
            "deleted_checked": 1,
            "reposts_skipped": 311,
            "without_text": 12,
            "media": {"checked": 40, "with_location": 2, "unreadable": 1, "missing": 3},
            "incidents": 1,
            "warnings": 2,
        },
        profiles=[
            AccountProfile(
                platform="x",
                name="Sam Taylor",
                handle="samtaylor_cbt",
                bio="CBT therapist | BABCP accredited | Leeds. Mum of two, Leeds Rhinos fan.",
                location="Roundhay, Leeds",
                website="https://samtaylorcbt.example",
            ),
            AccountProfile(
                platform="instagram",
                name="Sam Taylor",
                handle="@sam.taylor.cbt",
                bio="CBT therapist in Leeds. Guaranteed results in 6 sessions or your money back!",
            ),
        ],
        profile_findings=profile_findings,
        priority=priority,
        by_rule=by_rule,
        rule_titles=dict(RULE_TITLES),
        timeline=timeline,
        recent_public=recent,
        exposed_details=[
            "x: your location is shown on your profile (Roundhay, Leeds)",
            "x: your website is linked from your profile (https://samtaylorcbt.example)",
            "2 photos carry the GPS position where they were taken",
        ],
        mixing_signals=[
            "x: the bio presents you professionally (babcp, cbt, therapist) and personally (fan, mum) on the "
            "same account",
            "412 of 4213 posts on a professional account are about your personal life (family, nights out, politics)",
        ],
        incidents=[incident],
        warnings=[
            "data/deleted-tweets.js: 1 entry could not be read (truncated JSON) and was skipped",
            "media/IMG_9999.jpg: <not a photo>",
        ],
        media={"checked": 40, "with_location": 2, "unreadable": 1, "missing": 3},
    )


def empty_result() -> AuditResult:
    """An account with a few clean posts: no findings, no profile, no incidents."""
    return AuditResult(
        summary={"posts": 0, "by_rule": {}, "platforms": []},
        profiles=[],
        profile_findings=[],
        priority=[],
        by_rule={},
        rule_titles=dict(RULE_TITLES),
        timeline={},
        recent_public=[],
        exposed_details=[],
        mixing_signals=[],
        incidents=[],
        warnings=[],
    )


def long_result(months: int = 200) -> AuditResult:
    """Many years of posts and more priority findings than the report shows."""
    result = sample_result()
    flagged = {
        f"{2008 + i // 12:04d}-{i % 12 + 1:02d}": {"high": i % 3, "warning": i % 5}
        for i in range(0, months, 7)
    }
    result.timeline = _timeline((2008, 1), months, flagged)
    result.priority = [
        finding(
            str(10_000 + i), "SM601", "warning", f"Post number {i}: what utter nonsense", "utter nonsense"
        )
        for i in range(120)
    ]
    result.summary["verdicts"] = {"pass": 9_000, "review": 130, "block": 0}
    return result


@pytest.fixture
def report_result() -> AuditResult:
    return sample_result()


@pytest.fixture
def report_empty() -> AuditResult:
    return empty_result()


@pytest.fixture
def report_long() -> AuditResult:
    return long_result()


@pytest.fixture
def make_finding() -> Callable[..., AuditFinding]:
    """``finding(post_id, rule, severity, text, excerpt, **fields)``: one AuditFinding on an X post."""
    return finding
