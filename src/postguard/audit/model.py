"""What an account audit produces: the data behind findings.jsonl, summary.json and report.html."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from postguard.model import AccountProfile


@dataclass(frozen=True)
class AuditFinding:
    """One finding on one post (or the bio, or an attached photo), as a findings.jsonl row."""

    post_id: str
    platform: str
    date: str | None  # ISO-8601 UTC
    url: str | None
    kind: str  # post, reply, comment, quote, bio, ...
    visibility: str | None
    rule: str
    slug: str
    severity: str  # high, warning, info
    message: str
    excerpt: str | None
    suggestion: str
    source: str  # text, image:<name>, bio
    score: float
    detector: str = ""
    explanation: dict[str, Any] = field(default_factory=dict)  # which detector decided, and how
    text: str = ""  # the post's text (for the report); not written to findings.jsonl
    deleted: bool = False

    def row(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("text")
        return data


@dataclass(frozen=True)
class PostSample:
    """A post as a client would see it in the profile view."""

    id: str
    date: str | None
    url: str | None
    text: str
    visibility: str | None
    kind: str
    verdict: str


@dataclass(frozen=True)
class TakeoverIncident:
    """Posts unlike the account's own history, grouped in time: a suspected account takeover."""

    start: str  # ISO-8601 UTC of the first post
    end: str
    post_ids: list[str]
    reasons: list[str]  # plain words: "posted with 'Twitter for Andr0id', never used before"
    steps: list[str]  # what the policy expects: regain control, remove, tell BABCP
    score: float
    posts: list[PostSample] = field(default_factory=list)  # the posts themselves, for the report


@dataclass
class AuditResult:
    """Everything the report needs; ``summary`` is written as summary.json."""

    summary: dict[str, Any]
    profiles: list[AccountProfile]
    profile_findings: list[AuditFinding]  # findings on the bio, name, location, website
    priority: list[AuditFinding]  # what to delete or edit first, most serious first
    by_rule: dict[str, int]
    rule_titles: dict[str, str]  # code -> title, for the report
    timeline: dict[str, dict[str, int]]  # "YYYY-MM" -> {"posts", "high", "warning", "info"}
    recent_public: list[PostSample]
    exposed_details: list[str]  # personal details a client can see, in plain words
    mixing_signals: list[str]  # signs personal and professional presence are mixed
    incidents: list[TakeoverIncident]
    warnings: list[str]  # import problems: bad entries skipped, files missing
    media: dict[str, int] = field(default_factory=dict)  # photos checked / with GPS / unreadable
