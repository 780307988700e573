"""Recompute the hash chain and every attachment hash, and name each entry that fails.

The point of the log is that nobody can say it was edited afterwards, so verification must say
exactly which entry was edited, removed or moved, or whose screenshot changed, rather than a bare
"invalid". The exit-code contract: 0 when intact, 1 when not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from postguard.evidence.model import GENESIS_HASH, Attachment, canonical_json, chain_hash
from postguard.evidence.store import EvidenceStore, Snapshot, StoredRow

#: Problem codes, stable for ``--format json``.
EDITED = "edited"
REMOVED = "removed"
REORDERED = "reordered"
BROKEN_LINK = "broken-link"
ATTACHMENT_CHANGED = "attachment-changed"
ATTACHMENT_MISSING = "attachment-missing"

EXIT_INTACT = 0
EXIT_BROKEN = 1


@dataclass(frozen=True)
class Problem:
    """One thing wrong: ``seq`` is the entry's number, None when no one entry is at fault."""

    seq: int | None
    code: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"entry": self.seq, "problem": self.code, "detail": self.detail}

    def __str__(self) -> str:
        where = "" if self.seq is None else f"entry {self.seq}: "
        return f"{where}{self.code}: {self.detail}"


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of a verification; ``intact`` decides the exit status."""

    entries: int
    head_hash: str
    problems: list[Problem] = field(default_factory=list)
    attachments_checked: int = 0

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        return EXIT_INTACT if self.intact else EXIT_BROKEN

    @property
    def bad_entries(self) -> list[int]:
        return sorted({p.seq for p in self.problems if p.seq is not None})

    def to_dict(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "attachments_checked": self.attachments_checked,
            "problems": [p.to_dict() for p in self.problems],
        }


def verify(store: EvidenceStore) -> VerifyResult:
    """Verify the log in ``store``: chain, sequence, recorded head, and attachment files.

    An empty log beside stored attachments means the log itself was deleted: not intact.
    """
    snapshot = store.snapshot()
    result = verify_snapshot(snapshot, store)
    root = store.files.root
    orphans = sum(1 for p in root.rglob("*") if p.is_file()) if root.is_dir() and not snapshot.rows else 0
    if orphans:
        result.problems.append(
            Problem(
                0,
                REMOVED,
                f"the log has no entries but {orphans} attached file(s) remain: the log was deleted",
            )
        )
    return result


def verify_snapshot(snapshot: Snapshot, store: EvidenceStore) -> VerifyResult:
    """Verification of rows already read (so an export reports on exactly what it exported)."""
    problems: list[Problem] = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked: dict[str, str | None] = {}
    for row in snapshot.rows:
        gap = row.seq > expected_seq
        for missing in range(expected_seq, row.seq):
            problems.append(Problem(missing, REMOVED, "the entry is missing from the log (gap in numbering)"))
        content, content_problems = _check_content(row)
        problems.extend(content_problems)
        moved = content is not None and content.get("seq") != row.seq
        if row.prev_hash != expected_prev and not gap and not moved:
            previous = f"entry {row.seq - 1}" if row.seq > 1 else "the start of the log"
            problems.append(
                Problem(
                    row.seq,
                    BROKEN_LINK,
                    f"its link to {previous} does not match: {previous} was altered or replaced",
                )
            )
        if content is not None:
            problems.extend(_check_attachments(row.seq, content, store, checked))
        expected_prev = row.hash
        expected_seq = row.seq + 1
    problems.extend(_check_head(snapshot, expected_seq - 1, expected_prev))
    return VerifyResult(
        entries=len(snapshot.rows),
        head_hash=expected_prev,
        problems=problems,
        attachments_checked=len(checked),
    )


def _check_content(row: StoredRow) -> tuple[dict[str, Any] | None, list[Problem]]:
    try:
        content: Any = json.loads(row.content)
    except ValueError:
        return None, [Problem(row.seq, EDITED, "its content is no longer valid JSON")]
    if not isinstance(content, dict):
        return None, [Problem(row.seq, EDITED, "its content is not an entry")]
    problems: list[Problem] = []
    if canonical_json(content) != row.content:
        problems.append(Problem(row.seq, EDITED, "its content was rewritten (not canonical)"))
    stored_seq = content.get("seq")
    if stored_seq != row.seq:
        problems.append(
            Problem(
                row.seq,
                REORDERED,
                f"the entry recorded as number {stored_seq} is stored at position {row.seq}",
            )
        )
    if chain_hash(row.prev_hash, row.content) != row.hash:
        problems.append(Problem(row.seq, EDITED, "its content does not match its recorded hash"))
    return content, problems


def _check_attachments(
    seq: int, content: dict[str, Any], store: EvidenceStore, checked: dict[str, str | None]
) -> list[Problem]:
    problems: list[Problem] = []
    raw = content.get("attachments")
    if not isinstance(raw, list):
        return [Problem(seq, EDITED, "its attachment list is damaged")]
    for item in raw:
        try:
            attachment = Attachment.from_dict(item)
        except (KeyError, TypeError, ValueError):
            problems.append(Problem(seq, EDITED, "an attachment record is damaged"))
            continue
        if attachment.sha256 not in checked:
            checked[attachment.sha256] = store.files.check(attachment.sha256, attachment.size)
        status = checked[attachment.sha256]
        if status == "missing":
            problems.append(
                Problem(
                    seq,
                    ATTACHMENT_MISSING,
                    f"attachment {attachment.name!r} (sha256 {attachment.sha256}) is missing",
                )
            )
        elif status is not None:
            problems.append(
                Problem(
                    seq,
                    ATTACHMENT_CHANGED,
                    f"attachment {attachment.name!r} no longer has sha256 {attachment.sha256}",
                )
            )
    return problems


def _check_head(snapshot: Snapshot, last_seq: int, last_hash: str) -> list[Problem]:
    """The head record catches entries removed from the end, which leave no gap."""
    if not snapshot.meta and not snapshot.rows:
        return []
    try:
        head_seq = int(snapshot.meta.get("head_seq", ""))
    except ValueError:
        return [Problem(max(last_seq, 1), EDITED, "the log's head record is missing or damaged")]
    head_hash = snapshot.meta.get("head_hash", "")
    if head_seq > last_seq:
        return [
            Problem(seq, REMOVED, "the entry is missing from the end of the log")
            for seq in range(last_seq + 1, head_seq + 1)
        ]
    if head_seq < last_seq:
        return [
            Problem(
                seq,
                EDITED,
                "the entry was inserted outside postguard (it is not in the log's head record)",
            )
            for seq in range(head_seq + 1, last_seq + 1)
        ]
    if head_hash != last_hash:
        return [Problem(last_seq, EDITED, "its hash differs from the log's head record")]
    return []
