"""Export bundles: a zip with the PDF report, the original files, the log and a signed manifest.

A recipient (platform, police, BABCP) must be able to check the bundle without postguard:
``manifest.json`` gives every file's SHA-256, ``entries.jsonl`` lets them recompute the chain,
and ``manifest.sig`` is the install's Ed25519 signature of the manifest. The manifest records the
chain head and entry count, so a later ``verify --against`` can prove those entries unchanged.
The zip is written to a temporary file and renamed, so an interrupted export never leaves a
partial bundle under the requested name.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from postguard.errors import InputError
from postguard.evidence import signing
from postguard.evidence.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    ENTRIES,
    MANIFEST,
    PUBLIC_KEY,
    SIGNATURE,
)
from postguard.evidence.home import FILE_MODE, fsync_dir
from postguard.evidence.model import GENESIS_HASH, Entry, parse_stored_time, utc_iso
from postguard.evidence.pdf import AUDIENCES, Incident, ReportInfo, render_pdf
from postguard.evidence.store import EvidenceStore, parse_row
from postguard.evidence.verify import VerifyResult, verify_snapshot

_README = """\
Evidence bundle exported by postguard ({purpose} edition), {created} UTC.

report.pdf      the report: a timeline of incidents with screenshots, times and hashes
files/          the original screenshots and files, one folder per log entry
entries.jsonl   every log entry exactly as stored (one JSON object per line)
manifest.json   the SHA-256 hash and size of every other file in this bundle
manifest.sig    the Ed25519 signature of manifest.json, made with the key of the computer that
                keeps the log
public-key.pem  that computer's public key (fingerprint {fingerprint})

To check the bundle with postguard: postguard evidence verify-bundle {bundle}

To check the files: compute the SHA-256 of each file (for example with `sha256sum`) and compare
it with manifest.json. Each file under files/ also has the SHA-256 recorded in its log entry.
To check the signature with OpenSSL 3:
  openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig

To check the log: for each line of entries.jsonl in order, sha256(prev_hash + canonical),
computed over the UTF-8 bytes, must equal its hash, and its prev_hash must equal the previous
line's hash (64 zeros for the first). The last hash is the chain head, after {entries} entries:
{head}

To check later that these entries were not rewritten: any later bundle's entries.jsonl must begin
with these {entries} lines unchanged, or run on the computer that keeps the log:
  postguard evidence verify --against {bundle}
"""


@dataclass(frozen=True)
class ExportResult:
    """What was written, for the CLI to report."""

    out: Path
    audience: str
    entries: int
    incidents: int
    files: int
    verification: VerifyResult
    fingerprint: str
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "for": self.audience,
            "entries": self.entries,
            "incidents": self.incidents,
            "files": self.files,
            "intact": self.verification.intact,
            "head_hash": self.verification.head_hash,
            "signed_by": self.fingerprint,
            "problems": [p.to_dict() for p in self.verification.problems],
            "missing_files": self.missing,
        }


def safe_name(name: str) -> str:
    """A file name safe inside a zip on any system (no paths, no odd characters)."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name).name).lstrip(".")
    return cleaned[:100] or "file"


def current_incidents(entries: list[Entry]) -> list[tuple[Entry, Entry, tuple[int, ...]]]:
    """(latest version, original, correcting entries) per incident, oldest incident first.

    A correction supersedes what it corrects; corrections of corrections follow the chain.
    """
    by_seq = {e.seq: e for e in entries}
    corrected_by: dict[int, list[int]] = {}
    for entry in entries:
        target = entry.get("corrects")
        if isinstance(target, int) and target in by_seq:
            corrected_by.setdefault(target, []).append(entry.seq)
    result = []
    for entry in entries:
        target = entry.get("corrects")
        if isinstance(target, int) and target in by_seq:
            continue  # shown as the latest version of its original
        latest = entry
        seen = {entry.seq}
        while corrected_by.get(latest.seq):
            nxt = max(corrected_by[latest.seq])
            if nxt in seen:
                break
            seen.add(nxt)
            latest = by_seq[nxt]
        chain = tuple(sorted(seen - {entry.seq}))
        result.append((latest, entry, chain))

    def when(item: tuple[Entry, Entry, tuple[int, ...]]) -> tuple[datetime, int]:
        try:
            moment = parse_stored_time(item[0].text_field("occurred_at"))
        except ValueError:
            moment = datetime.max.replace(tzinfo=UTC)
        return moment, item[1].seq

    return sorted(result, key=when)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def export_bundle(
    store: EvidenceStore,
    audience: str,
    out: Path,
    *,
    member: str | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Write the bundle for ``audience`` to ``out`` atomically and return what it holds."""
    if audience not in AUDIENCES:
        raise InputError(f"unknown audience {audience!r} (choose from {', '.join(AUDIENCES)})")
    out = out.expanduser()
    if out.is_dir():
        raise InputError(f"{out} is a directory; give a file name such as bundle.zip")
    if not out.parent.is_dir():
        raise InputError(f"folder {out.parent} does not exist")
    snapshot = store.snapshot()
    if not snapshot.rows:
        raise InputError("the evidence log is empty: nothing to export")
    created = now or datetime.now(UTC)
    verification = verify_snapshot(snapshot, store)
    key = signing.signing_key(store.home)
    fingerprint = signing.fingerprint(key.public_key())
    entries = [parse_row(row) for row in snapshot.rows]
    status, contents = _read_files(store, entries)
    files: list[tuple[str, bytes, dict[str, Any]]] = []
    missing: list[str] = []
    bundle_paths: dict[int, tuple[str | None, ...]] = {}
    for entry in entries:
        paths: list[str | None] = []
        for index, attachment in enumerate(entry.attachments, start=1):
            name = f"files/entry-{entry.seq:04d}/{index}-{safe_name(attachment.name)}"
            data = contents.get(attachment.sha256)
            if data is None:
                missing.append(name)
                paths.append(None)
                continue
            files.append((name, data, {"entry": entry.seq, "media_type": attachment.media_type}))
            paths.append(name)
        bundle_paths[entry.seq] = tuple(paths)
    incidents = [
        Incident(
            entry=latest,
            original=original,
            corrected_by=chain,
            file_status=status,
            contents=contents,
            bundle_paths=bundle_paths[latest.seq],
        )
        for latest, original, chain in current_incidents(entries)
    ]
    info = ReportInfo(
        audience=audience,
        created_at=created,
        verification=verification,
        entries=len(entries),
        bundle_name=out.name,
        fingerprint=fingerprint,
        member=member,
    )
    pdf = render_pdf(info, incidents, entries)

    log_lines = "".join(
        json.dumps(
            {"seq": e.seq, "prev_hash": e.prev_hash, "hash": e.hash, "canonical": e.canonical},
            ensure_ascii=False,
        )
        + "\n"
        for e in entries
    )
    readme = _README.format(
        purpose=audience,
        created=utc_iso(created),
        head=verification.head_hash,
        entries=len(entries),
        fingerprint=fingerprint,
        bundle=out.name,
    )
    members: list[tuple[str, bytes, dict[str, Any]]] = [
        ("report.pdf", pdf, {}),
        (ENTRIES, log_lines.encode("utf-8"), {}),
        *files,
        ("README.txt", readme.encode("utf-8"), {}),
        (PUBLIC_KEY, signing.public_pem(key.public_key()), {}),
    ]
    manifest = {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "for": audience,
        "created_at": utc_iso(created),
        "chain": {
            "genesis": GENESIS_HASH,
            "rule": "hash = sha256(prev_hash + canonical), UTF-8",
            "entries": len(entries),
            "head_hash": verification.head_hash,
            "intact": verification.intact,
            "problems": [p.to_dict() for p in verification.problems],
        },
        "signing": {
            "algorithm": "Ed25519",
            "public_key": PUBLIC_KEY,
            "signature": SIGNATURE,
            "fingerprint": fingerprint,
        },
        "files": [
            {"path": name, "sha256": _sha256(data), "size": len(data), **extra}
            for name, data, extra in members
        ],
        "missing_files": missing,
    }
    manifest_bytes = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    stamp = created.astimezone(UTC).timetuple()[:6]
    _write_zip_atomically(
        out,
        [
            *[(n, d) for n, d, _ in members],
            (MANIFEST, manifest_bytes),
            (SIGNATURE, key.sign(manifest_bytes)),
        ],
        stamp,
    )
    return ExportResult(
        out=out,
        audience=audience,
        entries=len(entries),
        incidents=len(incidents),
        files=len(members) + 2,
        verification=verification,
        fingerprint=fingerprint,
        missing=missing,
    )


def _read_files(store: EvidenceStore, entries: list[Entry]) -> tuple[dict[str, str | None], dict[str, bytes]]:
    """Each attached file read once: its status (None when it matches) and, if so, its bytes."""
    status: dict[str, str | None] = {}
    contents: dict[str, bytes] = {}
    for entry in entries:
        for attachment in entry.attachments:
            if attachment.sha256 in status:
                continue
            try:
                data = store.files.path_for(attachment.sha256).read_bytes()
            except FileNotFoundError:
                status[attachment.sha256] = "missing"
                continue
            except OSError:
                status[attachment.sha256] = "unreadable"
                continue
            if _sha256(data) != attachment.sha256 or len(data) != attachment.size:
                status[attachment.sha256] = "changed"
                continue
            status[attachment.sha256] = None
            contents[attachment.sha256] = data
    return status, contents


def _write_zip_atomically(
    out: Path, members: list[tuple[str, bytes]], stamp: tuple[int, int, int, int, int, int]
) -> None:
    temp = out.with_name(f".{out.name}.tmp-{secrets.token_hex(6)}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
                for name, data in members:
                    info = zipfile.ZipInfo(name, date_time=stamp)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = FILE_MODE << 16
                    bundle.writestr(info, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
        fsync_dir(out.parent)
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
