"""Pieces every importer shares: per-entry warnings, post metadata, time and id helpers.

Importers stream `Post`s; what `Post` has no field for (language, parent id, links, EXIF, the raw
record) travels beside it in `PostMeta`, so the model stays small and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from postguard.model import AccountProfile, Post

UTC = dt.UTC

# Keep the warning list bounded however broken an export is: the report shows the first ones.
MAX_WARNINGS = 1000


@dataclass(frozen=True)
class SourceWarning:
    """A non-fatal problem with one file or record of an export (skipped, the rest imported)."""

    file: str
    message: str

    def __str__(self) -> str:
        return one_line(f"{self.file}: {self.message}" if self.file else self.message)


def one_line(text: str) -> str:
    """`text` fit for one line of a message: line breaks and other control characters (a member
    named with a newline, a library error listing what it tried) escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass
class Warnings:
    """Collects per-entry warnings, keeping at most `limit` and counting the rest."""

    items: list[SourceWarning] = field(default_factory=list)
    dropped: int = 0
    limit: int = MAX_WARNINGS

    def add(self, file: str, message: str) -> None:
        if len(self.items) < self.limit:
            self.items.append(SourceWarning(file, message))
        else:
            self.dropped += 1

    def as_list(self) -> list[SourceWarning]:
        if not self.dropped:
            return list(self.items)
        more = SourceWarning("", f"... and {self.dropped} more warnings not shown")
        return [*self.items, more]


@dataclass(frozen=True)
class MediaMeta:
    """What the export says about one attached file (the file itself may be absent)."""

    path: str
    present: bool = False
    remote_url: str | None = None
    exif: Mapping[str, Any] | None = None
    coordinates: tuple[float, float] | None = None


@dataclass(frozen=True)
class PostMeta:
    """Facts about a post that `Post` has no field for; all optional."""

    source: str = ""  # archive member the post came from
    language: str | None = None
    in_reply_to: str | None = None  # id or URI of the parent, when known
    in_reply_to_user: str | None = None
    self_reply: bool = False  # a reply to the owner's own post (a thread)
    quoted: str | None = None  # URL/URI of a quoted post
    reposted: str | None = None  # URL/URI of a reposted post (not the owner's words)
    client_href: str | None = None
    links: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    hashtags: tuple[str, ...] = ()
    content_warning: str | None = None
    sensitive: bool | None = None
    deleted_at: str | None = None
    edited_from: tuple[str, ...] = ()  # earlier versions superseded by this one
    key_time: str | None = None  # Bluesky: the time encoded in the record key (TID)
    subkind: str | None = None  # story, reel, check-in, poll, note...
    flags: tuple[str, ...] = ()  # e.g. "backdated" (Bluesky createdAt far from its record key)
    media: tuple[MediaMeta, ...] = ()
    coordinates: tuple[float, float] | None = None
    raw: Mapping[str, Any] | None = None


class Item(NamedTuple):
    """One imported post with the metadata that travels beside it."""

    post: Post
    meta: PostMeta


def empty_profile(platform: str) -> AccountProfile:
    return AccountProfile(platform=platform)


def iso_utc(value: dt.datetime) -> str:
    """ISO-8601 in UTC with a `Z`, seconds precision (what `Post.created_at` holds)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def post_time(value: str | None) -> dt.datetime | None:
    """`Post.created_at` back as an aware datetime (UTC when it names no zone); None when absent
    or unreadable."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def from_unix(seconds: object) -> str | None:
    """Unix seconds (int, float or numeric string) to ISO UTC; None when absent or absurd."""
    try:
        value = float(str(seconds))
    except ValueError:
        return None
    if not 0 < value < 32503680000:  # year 3000
        return None
    return iso_utc(dt.datetime.fromtimestamp(value, UTC))


_ISO_FRACTION = re.compile(r"(\.\d+)")


def parse_iso(value: object) -> str | None:
    """Lenient ISO-8601 to ISO UTC: accepts `Z`, offsets, fractions of any length, no zone (UTC)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("z", "Z")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    # fromisoformat in 3.11 accepts 3 or 6 fractional digits only: normalise to 6.
    text = _ISO_FRACTION.sub(lambda m: (m.group(1) + "000000")[:7], text, count=1)
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return iso_utc(parsed)


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d %b %Y",
    "%b %d, %Y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y, %I:%M %p",
    "%a %b %d %H:%M:%S %z %Y",
)


def parse_time(value: object) -> str | None:
    """Any timestamp an export may hold (ISO, common CSV formats, Unix seconds) to ISO UTC."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return from_unix(value / 1000 if value > 1e11 else value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        number = float(text)
        return from_unix(number / 1000 if number > 1e11 else number)
    iso = parse_iso(text)
    if iso:
        return iso
    for fmt in _DATE_FORMATS:
        try:
            return iso_utc(dt.datetime.strptime(text, fmt))
        except ValueError:
            continue
    return None


def short_hash(*parts: object) -> str:
    """A stable short id for records the platform gives none (Facebook, Instagram, LinkedIn)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8", "replace"))
    return digest.hexdigest()[:12]


def as_str(value: object) -> str:
    """A string field, or "" for anything else (every field of an export is optional)."""
    return clean_text(value) if isinstance(value, str) else ""


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """`value` with lone surrogates (a JSON `\\ud800` escape, a file name that is not UTF-8)
    replaced by U+FFFD: no file can hold them, so one would stop the audit at its first write."""
    return value if value.isascii() else _SURROGATE.sub("\ufffd", value)


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def media_kind(path: str, hint: str = "") -> str:
    """image, video or gif from a platform's type name or the file extension."""
    hint = hint.lower()
    if "gif" in hint:
        return "gif"
    if "video" in hint:
        return "video"
    if hint in {"photo", "image"} or hint.startswith("image"):
        return "image"
    ext = path.lower().rsplit(".", 1)[-1] if "." in path else ""
    if ext in {"mp4", "mov", "m4v", "webm", "avi", "mkv", "3gp"}:
        return "video"
    if ext == "gif":
        return "gif"
    if ext in {"mp3", "m4a", "ogg", "wav", "opus", "aac"}:
        return "audio"
    return "image"
