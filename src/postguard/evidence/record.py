"""Turn what the member typed into a checked entry: the library side of ``add`` and ``correct``.

Every check runs before anything is written (files, dates, kinds, lengths), so bad input fails
with one clear message and never leaves a half-recorded incident or touches existing entries.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from postguard.errors import InputError
from postguard.evidence.attachments import MAX_ATTACHMENT_BYTES, check_file
from postguard.evidence.classify import classify
from postguard.evidence.model import (
    CHARACTERISTICS,
    KINDS,
    Attachment,
    Draft,
    Entry,
    label,
    parse_stored_time,
    parse_when,
)
from postguard.evidence.store import EvidenceStore

MAX_TEXT_CHARS = 100_000
MAX_NOTE_CHARS = 20_000
MAX_FIELD_CHARS = 2_000
MAX_ATTACHMENTS = 50


def _has_control(value: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in value)


def _field(name: str, value: str) -> str:
    """A one-line field (platform, URL, author): trimmed, non-empty, no control characters."""
    cleaned = value.strip()
    if not cleaned:
        raise InputError(f"--{name} must not be empty")
    if len(cleaned) > MAX_FIELD_CHARS:
        raise InputError(f"--{name} is longer than {MAX_FIELD_CHARS} characters")
    if _has_control(cleaned):
        raise InputError(f"--{name} must be one line without control characters")
    return cleaned


def _check_kind(kind: str | None, characteristic: str | None) -> tuple[str | None, str | None]:
    if kind is not None:
        kind = kind.strip().lower().replace(" ", "-").replace("_", "-")
        if kind not in KINDS:
            raise InputError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    if characteristic is not None:
        characteristic = characteristic.strip().lower().replace(" ", "-").replace("_", "-")
        if characteristic not in CHARACTERISTICS:
            raise InputError(
                f"unknown characteristic {characteristic!r} (choose from {', '.join(CHARACTERISTICS)})"
            )
        if kind is None:
            kind = "hate-incident"
        elif kind != "hate-incident":
            raise InputError(f"--characteristic applies to a hate incident, not {label(kind)}")
    return kind, characteristic


def record_incident(
    store: EvidenceStore,
    *,
    platform: str,
    url: str,
    author: str,
    text: str,
    screenshots: Sequence[Path] = (),
    files: Sequence[Path] = (),
    occurred_at: str | datetime | None = None,
    note: str | None = None,
    kind: str | None = None,
    characteristic: str | None = None,
    corrects: int | None = None,
    use_engine: bool = True,
    max_bytes: int = MAX_ATTACHMENT_BYTES,
    carry: Sequence[Attachment] = (),
) -> Entry:
    """Validate, classify and append one incident; returns the stored entry."""
    platform = _field("platform", platform)
    url = _field("url", url)
    author = _field("author", author)
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"--text is longer than {MAX_TEXT_CHARS} characters")
    if note is not None:
        note = note.strip() or None
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise InputError(f"--note is longer than {MAX_NOTE_CHARS} characters")
    if len(carry) + len(screenshots) + len(files) > MAX_ATTACHMENTS:
        raise InputError(f"at most {MAX_ATTACHMENTS} files per entry")
    if not text.strip() and not screenshots and not files and not carry:
        raise InputError("give the --text of the post or at least one --screenshot")
    kind, characteristic = _check_kind(kind, characteristic)
    if occurred_at is None:
        when = datetime.now(UTC).astimezone()
    elif isinstance(occurred_at, datetime):
        when = occurred_at if occurred_at.tzinfo else occurred_at.astimezone()
    else:
        when = parse_when(occurred_at)
    candidates = [check_file(p, screenshot=True, max_bytes=max_bytes) for p in screenshots]
    candidates += [check_file(p, screenshot=False, max_bytes=max_bytes) for p in files]
    suggestion = classify(text, note, use_engine=use_engine)
    final_kind = kind or suggestion.kind
    if final_kind == "hate-incident":
        characteristic = characteristic or suggestion.characteristic
    attachments = tuple(carry) + store.put_files(candidates)
    draft = Draft(
        platform=platform,
        url=url,
        author=author,
        text=text,
        occurred_at=when,
        attachments=attachments,
        note=note,
        kind=final_kind,
        characteristic=characteristic,
        suggestion=suggestion,
        corrects=corrects,
    )
    return store.add(draft)


def correct_incident(
    store: EvidenceStore,
    seq: int,
    *,
    platform: str | None = None,
    url: str | None = None,
    author: str | None = None,
    text: str | None = None,
    screenshots: Sequence[Path] = (),
    files: Sequence[Path] = (),
    occurred_at: str | None = None,
    note: str | None = None,
    kind: str | None = None,
    characteristic: str | None = None,
    use_engine: bool = True,
) -> Entry:
    """Append a correction of entry ``seq``: unchanged fields and files carry over.

    The original stays in the log untouched; the new entry names it in ``corrects``.
    """
    old = store.get(seq)
    if not old.content:
        raise InputError(f"entry {seq} is damaged and cannot be corrected; add a new entry")
    if kind is None and characteristic is None and text is None and note is None:
        kind = old.text_field("kind") or None
        characteristic = old.get("characteristic")
    when: datetime | str
    when = occurred_at if occurred_at is not None else parse_stored_time(old.text_field("occurred_at_local"))
    entry = record_incident(
        store,
        platform=platform if platform is not None else old.text_field("platform"),
        url=url if url is not None else old.text_field("url"),
        author=author if author is not None else old.text_field("author"),
        text=text if text is not None else old.text_field("text"),
        screenshots=screenshots,
        files=files,
        occurred_at=when,
        note=note if note is not None else old.get("note"),
        kind=kind,
        characteristic=characteristic,
        corrects=seq,
        use_engine=use_engine,
        carry=tuple(old.attachments),
    )
    return entry
