"""Value objects shared by every part of postguard: severities, evidence, findings, reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    HIGH = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Verdict(enum.Enum):
    """What the member should do with the post: publish, look again, or not publish."""

    PASS = "pass"
    REVIEW = "review"
    BLOCK = "block"

    @classmethod
    def from_findings(cls, findings: list[Finding]) -> Verdict:
        worst = max((f.severity for f in findings), default=None)
        if worst is Severity.HIGH:
            return cls.BLOCK
        if worst is Severity.WARNING:
            return cls.REVIEW
        return cls.PASS


@dataclass(frozen=True)
class Evidence:
    """What a detector saw, before the policy pack turns it into a finding.

    ``start``/``end`` are character offsets into the post text (None for whole-post or image
    evidence). ``explanation`` records why it fired (pattern, validator, context), as presidio's
    AnalysisExplanation does, so the member can see the reason.
    """

    rule: str
    message: str
    start: int | None = None
    end: int | None = None
    score: float = 1.0
    detector: str = ""
    suggestion: str | None = None
    source: str = "text"
    severity: Severity | None = None
    explanation: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """One problem in a post, tied to a rule of the policy pack. ``explanation`` is the
    evidence's: which detector decided, and how (pattern, validator, or a model's probability),
    so no consumer has to parse the message."""

    rule: str
    slug: str
    severity: Severity
    message: str
    start: int | None
    end: int | None
    excerpt: str | None
    clause: str
    suggestion: str
    source: str
    score: float
    detector: str = ""
    explanation: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "slug": self.slug,
            "severity": self.severity.label,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "excerpt": self.excerpt,
            "clause": self.clause,
            "suggestion": self.suggestion,
            "source": self.source,
            "score": round(self.score, 3),
            "detector": self.detector,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Report:
    """The result of checking one post: a verdict and the findings behind it."""

    verdict: Verdict
    findings: list[Finding]
    policy_id: str
    policy_version: str
    language: str = "en"
    checked: bool = True
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict.value,
            "policy": {"id": self.policy_id, "version": self.policy_version},
            "language": self.language,
            "checked": self.checked,
            "notes": self.notes,
            "findings": [f.to_dict() for f in self.findings],
        }

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


@dataclass(frozen=True)
class Media:
    """A photo or video attached to a post: where its bytes are and what the platform said."""

    path: str
    alt_text: str = ""
    kind: str = "image"


@dataclass(frozen=True)
class Post:
    """One post, reply or comment from any source (a draft, a CSV row, a platform export)."""

    id: str
    text: str
    platform: str = "draft"
    created_at: str | None = None  # ISO-8601 in UTC, when known
    url: str | None = None
    kind: str = "post"  # post, reply, repost, quote, comment, bio
    visibility: str | None = None  # public, followers, direct, ... as the platform says
    client_app: str | None = None
    media: tuple[Media, ...] = ()
    location: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class AccountProfile:
    """The account's public face as a client would see it, from a platform export."""

    platform: str
    name: str = ""
    handle: str = ""
    bio: str = ""
    location: str = ""
    website: str = ""
    pinned_post_id: str | None = None
    avatar: str | None = None
