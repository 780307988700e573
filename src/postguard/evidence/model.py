"""Evidence entries, their canonical JSON and the hash chain that makes edits detectable.

Everything that decides an entry's hash lives here, in one place, so that ``store`` (which writes
the chain) and ``verify`` (which recomputes it) can never disagree about what is hashed. A
recipient of an export bundle can redo the same computation with any SHA-256 tool:
``hash = sha256(prev_hash + canonical_json)``, with ``prev_hash`` of the first entry being
:data:`GENESIS_HASH`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from postguard.errors import InputError

#: The ``prev_hash`` of the first entry: 64 zeros, easy to state in a witness statement.
GENESIS_HASH = "0" * 64
#: Version of the entry layout inside the canonical JSON (bumped if fields change meaning).
ENTRY_VERSION = 1

KINDS: tuple[str, ...] = (
    "harassment",
    "threat",
    "stalking",
    "doxxing",
    "image-based-abuse",
    "hate-incident",
    "impersonation",
    "trolling",
    "other",
)
CHARACTERISTICS: tuple[str, ...] = (
    "race",
    "religion",
    "sex",
    "gender-identity",
    "sexual-orientation",
    "disability",
    "age",
    "nationality",
)


def label(value: str) -> str:
    """Human form of a kind or characteristic code ("image-based-abuse" -> "image-based abuse")."""
    words = {"image-based-abuse": "image-based abuse", "hate-incident": "hate incident"}
    return words.get(value, value.replace("-", " "))


def canonical_json(content: dict[str, Any]) -> str:
    """The one serialisation that is hashed: sorted keys, no spaces, UTF-8 text kept as is."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, canonical: str) -> str:
    """Link an entry to its predecessor, so removing or reordering entries breaks the chain."""
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def utc_iso(moment: datetime) -> str:
    """A timezone-aware time as ``YYYY-MM-DDTHH:MM:SSZ`` (UTC, whole seconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_iso(moment: datetime) -> str:
    """A timezone-aware time with its own UTC offset, whole seconds (the member's wall clock)."""
    return moment.replace(microsecond=0).isoformat()


def parse_when(value: str, *, now: datetime | None = None) -> datetime:
    """Parse ``--occurred-at``: ISO-8601; a time without an offset is the computer's local time.

    Rejects times more than a day in the future: a typo there would mislead a police officer.
    """
    text = value.strip()
    if text.endswith(("z", "Z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"invalid date {value!r}: use ISO-8601, e.g. 2026-11-20T21:14 or 2026-11-20T21:14:00Z"
        ) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # naive: the member's local time
    current = now or datetime.now(UTC)
    if moment - current > timedelta(days=1):
        raise InputError(f"invalid date {value!r}: it is in the future")
    return moment


def parse_stored_time(value: str) -> datetime:
    """Read back a time written by :func:`utc_iso` or :func:`local_iso`."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Attachment:
    """A stored file, identified by the SHA-256 of its bytes (the name is only a label)."""

    name: str
    sha256: str
    size: int
    media_type: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "media_type": self.media_type,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attachment:
        return cls(
            name=str(data["name"]),
            sha256=str(data["sha256"]),
            size=int(data["size"]),
            media_type=str(data["media_type"]),
        )

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


@dataclass(frozen=True)
class Classification:
    """The suggested kind of abuse, and why, so the member can judge the suggestion."""

    kind: str
    characteristic: str | None = None
    reasons: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    engine_used: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "characteristic": self.characteristic,
            "reasons": list(self.reasons),
            "also": list(self.also),
            "engine_used": self.engine_used,
        }


@dataclass(frozen=True)
class Draft:
    """What the member gives for one incident, before the store assigns its place in the log."""

    platform: str
    url: str
    author: str
    text: str
    occurred_at: datetime
    attachments: tuple[Attachment, ...] = ()
    note: str | None = None
    kind: str = "other"
    characteristic: str | None = None
    suggestion: Classification = field(default_factory=lambda: Classification("other"))
    corrects: int | None = None

    def content(self, seq: int, recorded_at: datetime) -> dict[str, Any]:
        """The entry's content as hashed; ``seq`` is inside so a moved row is detectable."""
        return {
            "v": ENTRY_VERSION,
            "seq": seq,
            "recorded_at": utc_iso(recorded_at),
            "recorded_at_local": local_iso(recorded_at.astimezone()),
            "occurred_at": utc_iso(self.occurred_at),
            "occurred_at_local": local_iso(self.occurred_at),
            "platform": self.platform,
            "url": self.url,
            "author": self.author,
            "text": self.text,
            "note": self.note,
            "attachments": [a.to_dict() for a in self.attachments],
            "kind": self.kind,
            "characteristic": self.characteristic,
            "suggestion": self.suggestion.to_dict(),
            "corrects": self.corrects,
        }


@dataclass(frozen=True)
class Entry:
    """One row of the log as stored: its content, canonical text and place in the chain."""

    seq: int
    canonical: str
    prev_hash: str
    hash: str
    content: dict[str, Any]

    @property
    def attachments(self) -> list[Attachment]:
        return [Attachment.from_dict(a) for a in self.content.get("attachments", [])]

    def get(self, key: str) -> Any:
        return self.content.get(key)

    def text_field(self, key: str) -> str:
        value = self.content.get(key)
        return "" if value is None else str(value)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``--format json`` and written to export bundles."""
        return {
            "id": self.seq,
            "content": self.content,
            "canonical": self.canonical,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }
