"""What the security checkup reads from an account's export: sign-ins, changes to the account,
connected apps, and what could not be read. Plain records, so readers, analysis and rendering
stay separate and each can be tested on its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

EventKind = Literal[
    "email_change",
    "phone_change",
    "handle_change",
    "password_change",
    "privacy_change",
    "recovery_contact",
    "mfa",
    "app",
    "account_created",
]


@dataclass(frozen=True)
class SignIn:
    """One login, session or device the export records. ``when`` is timezone-aware UTC."""

    platform: str
    when: datetime | None
    source: str  # the export file it came from, e.g. "data/ip-audit.js"
    kind: str = "login"  # login, session, device, challenge, logout
    ip: str | None = None
    country: str | None = None  # ISO 3166 alpha-2 when the export or the bundled table gives it
    city: str | None = None
    device: str | None = None  # a device or client name ("iPhone", "Twitter Web App")
    user_agent: str | None = None
    last_seen: datetime | None = None  # sessions and device tokens: still in use until then

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "when": self.when.isoformat() if self.when else None,
            "source": self.source,
            "kind": self.kind,
            "ip": self.ip,
            "country": self.country,
            "city": self.city,
            "device": self.device,
            "user_agent": self.user_agent,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
        }


@dataclass(frozen=True)
class AccountEvent:
    """A change to the account (email, phone, handle, password, privacy), a connected app, or
    evidence about recovery contacts and two-factor authentication."""

    platform: str
    kind: EventKind
    when: datetime | None
    source: str
    detail: str  # in plain words: "email changed to j***@example.org", "app 'Buffer' can post"
    data: dict[str, Any] = field(default_factory=dict)  # e.g. {"permissions": ["read", "write"]}

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "kind": self.kind,
            "when": self.when.isoformat() if self.when else None,
            "source": self.source,
            "detail": self.detail,
            "data": self.data,
        }


@dataclass(frozen=True)
class Skipped:
    """A record or file that could not be read, and why: never silently dropped."""

    source: str
    reason: str
    record: int | None = None  # the record's index in its file, when one record failed

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "record": self.record, "reason": self.reason}


@dataclass
class SecurityData:
    """Everything the security files of one export hold."""

    platform: str
    export: str  # the export's name as the member gave it
    sign_ins: list[SignIn] = field(default_factory=list)
    events: list[AccountEvent] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # security file read -> its SHA-256
    records: dict[str, int] = field(default_factory=dict)  # security file -> records in it (read or skipped)
    handles: list[str] = field(default_factory=list)  # usernames, display names (zxcvbn user inputs)
    last_post: datetime | None = None
    timezone: str | None = None  # X account-timezone.js, a baseline region

    @property
    def last_sign_in(self) -> datetime | None:
        times = [t for s in self.sign_ins for t in (s.when, s.last_seen) if t is not None]
        return max(times, default=None)
