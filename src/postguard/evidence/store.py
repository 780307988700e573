"""The append-only, hash-chained evidence log in ``$POSTGUARD_HOME/evidence.sqlite3``.

SQLite in WAL mode with ``synchronous=FULL`` makes each add atomic and durable: a process killed
mid-add leaves the entry either fully present or absent. Each add runs in one ``BEGIN IMMEDIATE``
transaction that reads the previous hash and appends, so two processes adding at once are
serialised and the chain stays linear. Triggers refuse UPDATE and DELETE on entries, and the
chain (checked by ``verify``) exposes anyone who bypasses them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from postguard.errors import InputError, PostguardError
from postguard.evidence.attachments import AttachmentStore, Candidate
from postguard.evidence.home import FILE_MODE, ensure_private_dir, evidence_home
from postguard.evidence.model import (
    GENESIS_HASH,
    Attachment,
    Draft,
    Entry,
    canonical_json,
    chain_hash,
)

log = logging.getLogger(__name__)

DB_NAME = "evidence.sqlite3"
SCHEMA_VERSION = "1"
#: How long an add waits for another process's add to finish before giving up.
BUSY_TIMEOUT_MS = 30_000

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS entries (
        seq INTEGER PRIMARY KEY,
        content TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TRIGGER IF NOT EXISTS entries_append_only_update BEFORE UPDATE ON entries
        BEGIN SELECT RAISE(ABORT, 'evidence entries are append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS entries_append_only_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'evidence entries are append-only'); END""",
)


class StoreError(PostguardError):
    """The evidence store cannot be opened or written (damaged file, locked, no permission)."""


@dataclass(frozen=True)
class StoredRow:
    """A row exactly as read, before any parsing: what ``verify`` recomputes from."""

    seq: int
    content: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Snapshot:
    """All rows and the recorded head, read in one transaction so they agree with each other."""

    rows: list[StoredRow]
    meta: dict[str, str]


def corrections(entries: Sequence[Entry]) -> dict[int, list[int]]:
    """For each corrected entry, the entries that correct it, oldest first."""
    result: dict[int, list[int]] = {}
    for entry in entries:
        target = entry.get("corrects")
        if isinstance(target, int):
            result.setdefault(target, []).append(entry.seq)
    return result


def parse_row(row: StoredRow) -> Entry:
    """An :class:`Entry` from a row; a row whose JSON is damaged gets empty content."""
    try:
        content: Any = json.loads(row.content)
    except ValueError:
        content = {}
    if not isinstance(content, dict):
        content = {}
    return Entry(seq=row.seq, canonical=row.content, prev_hash=row.prev_hash, hash=row.hash, content=content)


class EvidenceStore:
    """The log and its attachments under one home directory."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = home if home is not None else evidence_home()
        self.db_path = self.home / DB_NAME
        self.files = AttachmentStore(self.home / "attachments")

    # -- connections -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _connect(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        """Open the database (creating it owner-only when ``create``); None if absent and not."""
        if not create and not self.db_path.exists():
            yield None
            return
        if create:
            self._create_file()
        try:
            conn = sqlite3.connect(self.db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            try:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
                if create:
                    self._ensure_schema(conn)
                else:
                    self._check_schema(conn)
            except sqlite3.Error as exc:
                raise self._error(exc) from None
            yield conn
        finally:
            conn.close()

    def _create_file(self) -> None:
        """Create home and an empty database file owner-only before SQLite touches them.

        SQLite gives its ``-wal`` and ``-shm`` files the database file's permissions.
        """
        try:
            ensure_private_dir(self.home)
            fd = os.open(self.db_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            os.close(fd)
        except OSError as exc:
            raise StoreError(f"cannot create the evidence store in {self.home}: {exc.strerror}") from None

    def _ensure_schema(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.executemany(
                "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                [("schema", SCHEMA_VERSION), ("head_seq", "0"), ("head_hash", GENESIS_HASH)],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._check_schema(conn)

    def _check_schema(self, conn: sqlite3.Connection) -> None:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not tables:
            return  # an empty file: treated as an empty log
        if "entries" not in tables or "meta" not in tables:
            raise StoreError(f"{self.db_path} is not a postguard evidence store")
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is not None and row[0] != SCHEMA_VERSION:
            raise StoreError(
                f"{self.db_path} has evidence schema {row[0]}; this postguard reads schema "
                f"{SCHEMA_VERSION} (upgrade postguard)"
            )

    def _error(self, exc: sqlite3.Error) -> StoreError:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            return StoreError(
                f"the evidence store {self.db_path} is busy (another postguard is writing); try again"
            )
        return StoreError(
            f"the evidence store {self.db_path} is damaged or unreadable ({exc}); it was left untouched"
        )

    # -- writing -----------------------------------------------------------------------------

    def put_files(self, candidates: Sequence[Candidate]) -> tuple[Attachment, ...]:
        """Store checked files before the entry that refers to them (an orphan is harmless)."""
        return tuple(self.files.put(candidate) for candidate in candidates)

    def add(self, draft: Draft, *, now: datetime | None = None) -> Entry:
        """Append one entry in one IMMEDIATE transaction and return it as stored."""
        with self._connect(create=True) as conn:
            assert conn is not None
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from None
            try:
                last = conn.execute("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1").fetchone()
                last_seq, prev_hash = (int(last[0]), str(last[1])) if last else (0, GENESIS_HASH)
                head = conn.execute("SELECT value FROM meta WHERE key = 'head_seq'").fetchone()
                # Never reuse the number of an entry removed from the end: keep the gap visible.
                recorded_head = int(head[0]) if head and str(head[0]).isdigit() else 0
                if draft.corrects is not None:
                    found = conn.execute("SELECT 1 FROM entries WHERE seq = ?", (draft.corrects,)).fetchone()
                    if found is None:
                        raise InputError(f"there is no entry {draft.corrects} to correct")
                seq = max(last_seq, recorded_head) + 1
                content = draft.content(seq, now or datetime.now(UTC))
                canonical = canonical_json(content)
                digest = chain_hash(prev_hash, canonical)
                conn.execute(
                    "INSERT INTO entries (seq, content, prev_hash, hash) VALUES (?, ?, ?, ?)",
                    (seq, canonical, prev_hash, digest),
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    [("head_seq", str(seq)), ("head_hash", digest)],
                )
                conn.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._error(exc) from None
                raise
        # Only non-identifying facts are logged: never the text, author or screenshots.
        log.info("evidence entry %d added (%d attachments)", seq, len(draft.attachments))
        return Entry(seq=seq, canonical=canonical, prev_hash=prev_hash, hash=digest, content=content)

    # -- reading -----------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Every row and the head record, consistently; empty when no log exists yet."""
        with self._connect(create=False) as conn:
            if conn is None:
                return Snapshot(rows=[], meta={})
            try:
                tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
                if "entries" not in tables:
                    return Snapshot(rows=[], meta={})
                conn.execute("BEGIN")
                try:
                    rows = [
                        StoredRow(int(seq), str(content), str(prev), str(digest))
                        for seq, content, prev, digest in conn.execute(
                            "SELECT seq, content, prev_hash, hash FROM entries ORDER BY seq"
                        )
                    ]
                    meta = {
                        str(key): str(value) for key, value in conn.execute("SELECT key, value FROM meta")
                    }
                finally:
                    conn.execute("COMMIT")
            except sqlite3.Error as exc:
                raise self._error(exc) from None
        return Snapshot(rows=rows, meta=meta)

    def entries(self) -> list[Entry]:
        """All entries in log order."""
        return [parse_row(row) for row in self.snapshot().rows]

    def get(self, seq: int) -> Entry:
        """One entry by its number; :class:`InputError` if there is none."""
        for entry in self.entries():
            if entry.seq == seq:
                return entry
        raise InputError(f"there is no evidence entry {seq}")
