"""Anchoring: proof that the log still begins with what an earlier export held.

The hash chain exposes an edit that leaves the later hashes alone, but not a rewrite that
recomputes them all: with the triggers dropped that takes a few lines of SQL. An earlier export
can, because it left the computer: its bundle records the chain head and the entry count and
holds a copy of every entry. ``verify --against`` compares the log's first entries with that
copy, byte for byte, and names the first entry that differs. A head hash alone (printed in every
report) proves the same without naming the entry.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postguard.errors import InputError
from postguard.evidence import signing
from postguard.evidence.bundle import BundleCheck, check_bundle
from postguard.evidence.store import EvidenceStore, StoredRow
from postguard.evidence.verify import REMOVED, Problem, VerifyResult, verify_snapshot

#: Problem codes, stable for ``--format json``.
REWRITTEN = "rewritten"
OTHER_KEY = "other-key"
_DIFFERENCES = (REWRITTEN, REMOVED)

_HEAD = re.compile(r"(?P<hash>[0-9a-fA-F]{64})(?::(?P<count>[0-9]+))?")


@dataclass(frozen=True)
class Anchor:
    """What an earlier export fixed: a bundle, or a chain head (and count) given by hand."""

    source: str
    head_hash: str
    entries: int | None
    bundle: BundleCheck | None = None


def parse_against(value: str) -> Anchor:
    """``--against``: a bundle's path, or ``HEAD`` / ``HEAD:COUNT`` as printed in the report."""
    text = value.strip()
    match = _HEAD.fullmatch(text)
    if match:
        count = int(match["count"]) if match["count"] else None
        if count == 0:
            raise InputError("--against HEAD:COUNT needs a COUNT of at least 1")
        head = match["hash"].lower()
        return Anchor(source=f"chain head {head[:16]}…", head_hash=head, entries=count)
    path = Path(text).expanduser()
    if not path.exists():
        raise InputError(
            f"--against {value!r} is neither a bundle that exists nor a chain head "
            "(64 hexadecimal characters, optionally followed by :COUNT)"
        )
    bundle = check_bundle(path)
    return Anchor(source=path.name, head_hash=bundle.head_hash, entries=bundle.entries, bundle=bundle)


@dataclass(frozen=True)
class AnchoredResult:
    """The log's own verification plus whether it still begins with what the anchor fixed."""

    log: VerifyResult
    anchor: Anchor
    #: How many entries the anchor fixed (found in the log for a head given without a count).
    entries: int | None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not self.problems

    @property
    def intact(self) -> bool:
        return self.log.intact and self.holds

    @property
    def exit_code(self) -> int:
        return 0 if self.intact else 1

    @property
    def first_difference(self) -> int | None:
        """The first entry whose content is no longer what the anchor holds."""
        seqs = [p.seq for p in self.problems if p.seq is not None and p.code in _DIFFERENCES]
        return min(seqs) if seqs else None

    def to_dict(self) -> dict[str, Any]:
        bundle = self.anchor.bundle
        return {
            **self.log.to_dict(),
            "intact": self.intact,
            "against": {
                "source": str(bundle.path) if bundle else self.anchor.head_hash,
                "created_at": bundle.created_at if bundle else None,
                "entries": self.entries,
                "head_hash": self.anchor.head_hash,
                "signed_by": bundle.fingerprint if bundle else None,
                "holds": self.holds,
                "first_difference": self.first_difference,
                "problems": [p.to_dict() for p in self.problems],
                "notes": self.notes,
            },
        }


def verify_against(store: EvidenceStore, anchor: Anchor) -> AnchoredResult:
    """Verify the log and compare its first entries with the anchor, from one consistent read."""
    snapshot = store.snapshot()
    log = verify_snapshot(snapshot, store)
    if anchor.bundle is None:
        entries, problems = _compare_head(snapshot.rows, anchor)
        return AnchoredResult(log=log, anchor=anchor, entries=entries, problems=problems)
    bundle = anchor.bundle
    problems = [*bundle.problems, *_key_problems(store, bundle)]
    problems += _compare_rows(snapshot.rows, bundle.rows, anchor.source)
    return AnchoredResult(
        log=log, anchor=anchor, entries=bundle.entries, problems=problems, notes=list(bundle.notes)
    )


def _compare_rows(rows: list[StoredRow], copies: tuple[StoredRow, ...], source: str) -> list[Problem]:
    """Each entry the bundle holds against the log's entry of that number, byte for byte.

    Once one entry differs, every later hash differs too; only later entries whose content
    differs are reported, so the list names what was changed rather than its echo.
    """
    by_seq = {row.seq: row for row in rows}
    last = max((row.seq for row in rows), default=0)
    problems: list[Problem] = []
    for copy in copies:
        row = by_seq.get(copy.seq)
        if row is None:
            where = "it is gone from the log"
            if copy.seq > last:
                where = f"the log now ends at entry {last}" if rows else "the log is now empty"
            problems.append(Problem(copy.seq, REMOVED, f"{source} holds this entry; {where}"))
        elif row.content != copy.content:
            changed = _changed_fields(copy.content, row.content)
            problems.append(Problem(copy.seq, REWRITTEN, f"it differs from its copy in {source}: {changed}"))
        elif (row.prev_hash, row.hash) != (copy.prev_hash, copy.hash) and not problems:
            problems.append(
                Problem(copy.seq, REWRITTEN, f"its recorded hash differs from its copy in {source}")
            )
    return problems


def _changed_fields(old: str, new: str) -> str:
    try:
        before, after = json.loads(old), json.loads(new)
    except ValueError:
        return "its content changed"
    if not isinstance(before, dict) or not isinstance(after, dict):
        return "its content changed"
    keys = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    return f"{', '.join(keys)} changed" if keys else "its bytes changed"


def _compare_head(rows: list[StoredRow], anchor: Anchor) -> tuple[int | None, list[Problem]]:
    """A head alone proves the entries up to it unchanged, but cannot say which one changed."""
    head, count = anchor.head_hash, anchor.entries
    if count is None:
        for position, row in enumerate(rows, start=1):
            if row.hash == head:
                return position, []
        return None, [
            Problem(
                None,
                REWRITTEN,
                f"no entry of the log has the chain hash {head}: if it was copied correctly, the "
                "entries up to it were rewritten or removed (check against the bundle to see which)",
            )
        ]
    if len(rows) < count:
        detail = f"the log has {len(rows)} entries; the chain head given was recorded after {count}"
        return count, [Problem(None, REMOVED, detail)]
    row = rows[count - 1]
    if row.hash != head:
        detail = (
            f"the chain hash after {count} entries is {row.hash}, not {head}: if it was copied "
            f"correctly, one or more of entries 1 to {row.seq} were changed (check against the "
            "bundle to see which)"
        )
        return count, [Problem(None, REWRITTEN, detail)]
    return count, []


def _key_problems(store: EvidenceStore, bundle: BundleCheck) -> list[Problem]:
    """A bundle signed by another key did not come from this computer's log."""
    if bundle.fingerprint is None:
        return []
    installed = signing.installed_key(store.home)
    if installed is None:
        detail = f"this computer has no signing key ({signing.KEY_NAME}), so the bundle was not made here"
        return [Problem(None, OTHER_KEY, detail)]
    if signing.fingerprint(installed) != bundle.fingerprint:
        detail = (
            f"the bundle was signed by key {bundle.fingerprint[:16]}…, not this computer's key "
            f"{signing.fingerprint(installed)[:16]}…"
        )
        return [Problem(None, OTHER_KEY, detail)]
    return []
