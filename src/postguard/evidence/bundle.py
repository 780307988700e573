"""Reading an export bundle back: its files against the manifest, the signature and the log copy.

``verify-bundle`` uses this on a bundle alone (was it changed since it was exported?), and
``verify --against`` to take an earlier bundle as the anchor that the log must still begin with.
A bundle may come from anyone, so nothing is extracted to disk and no member is read past the
size the manifest gives it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from postguard.errors import InputError
from postguard.evidence import signing
from postguard.evidence.model import GENESIS_HASH, chain_hash
from postguard.evidence.store import StoredRow
from postguard.evidence.verify import BROKEN_LINK, EDITED, Problem

BUNDLE_FORMAT = "postguard-evidence-bundle"
#: 2 adds the signature (manifest.sig, public-key.pem); version 1 bundles are read unsigned.
BUNDLE_VERSION = 2
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "public-key.pem"
ENTRIES = "entries.jsonl"
#: Largest manifest or log copy read into memory: thousands of long entries fit.
MAX_TEXT_BYTES = 256 * 1024 * 1024

#: Problem codes, stable for ``--format json`` (entry-level ones are those of ``verify``).
BUNDLE_CHANGED = "bundle-changed"
BAD_SIGNATURE = "bad-signature"
EXPORTED_BROKEN = "exported-broken"

_CHUNK = 1024 * 1024
_T = TypeVar("_T")
_READ_ERRORS = (KeyError, OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zlib.error)


@dataclass(frozen=True)
class BundleCheck:
    """What a bundle says the log was when exported, and whether the bundle is still as made."""

    path: Path
    audience: str
    created_at: str
    entries: int
    head_hash: str
    rows: tuple[StoredRow, ...]
    files_checked: int
    #: The fingerprint of the key whose signature holds; None when unsigned or not holding.
    fingerprint: str | None
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        return 0 if self.intact else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "bundle": str(self.path),
            "intact": self.intact,
            "for": self.audience,
            "created_at": self.created_at,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "files_checked": self.files_checked,
            "signed_by": self.fingerprint,
            "problems": [p.to_dict() for p in self.problems],
            "notes": list(self.notes),
        }


def check_bundle(path: Path) -> BundleCheck:
    """Check every file of the bundle at ``path``; :class:`InputError` if it is not a bundle."""
    path = path.expanduser()
    if path.is_dir():
        raise InputError(f"{path} is a directory; give the bundle's .zip file")
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError(f"no such bundle: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    except (zipfile.BadZipFile, *_READ_ERRORS):
        raise InputError(f"{path} is not a zip file, so not an evidence bundle") from None
    with archive:
        return _Reader(path, archive).check()


@dataclass
class _Listed:
    """What the manifest lists: names, the files read for later checks, and attached files."""

    names: set[str] = field(default_factory=set)
    kept: dict[str, bytes] = field(default_factory=dict)
    #: (path in the bundle, the entry it belongs to, its SHA-256)
    attached: list[tuple[str, int | None, str]] = field(default_factory=list)


class _Reader:
    """One pass over one bundle, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path, archive: zipfile.ZipFile) -> None:
        self.path = path
        self.archive = archive
        self.problems: list[Problem] = []
        self.notes: list[str] = []

    def check(self) -> BundleCheck:
        manifest_bytes = self.read(MANIFEST, MAX_TEXT_BYTES)
        if manifest_bytes is None:
            raise InputError(f"{self.path} has no readable {MANIFEST}: it is not a postguard evidence bundle")
        manifest = self.manifest(manifest_bytes)
        chain = _object(manifest, "chain", self.path)
        files = self.check_files(manifest)
        fingerprint = self.check_signature(manifest, manifest_bytes, files)
        entries = _typed(chain, "entries", int, self.path)
        head_hash = _typed(chain, "head_hash", str, self.path)
        rows = self.check_copy(files, entries, head_hash)
        if chain.get("intact") is False:
            problems = chain.get("problems")
            count = len(problems) if isinstance(problems, list) else "some"
            self.problems.append(
                Problem(
                    None,
                    EXPORTED_BROKEN,
                    f"the log had already failed verification when this bundle was exported "
                    f"({count} problem(s) listed in {MANIFEST})",
                )
            )
        return BundleCheck(
            path=self.path,
            audience=str(manifest.get("for", "")),
            created_at=str(manifest.get("created_at", "")),
            entries=entries,
            head_hash=head_hash,
            rows=tuple(rows),
            files_checked=len(files.names),
            fingerprint=fingerprint,
            problems=tuple(self.problems),
            notes=tuple(self.notes),
        )

    def manifest(self, data: bytes) -> dict[str, Any]:
        try:
            manifest: Any = json.loads(data)
        except ValueError:
            manifest = None
        if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
            raise InputError(f"{self.path} is not a postguard evidence bundle ({MANIFEST} is not one)")
        version = manifest.get("version")
        if not isinstance(version, int) or version > BUNDLE_VERSION:
            raise InputError(
                f"{self.path} has bundle version {version!r}; this postguard reads versions 1 to "
                f"{BUNDLE_VERSION} (upgrade postguard)"
            )
        return manifest

    def check_files(self, manifest: dict[str, Any]) -> _Listed:
        """Every listed file against its SHA-256 and size; the small ones needed later kept."""
        raw = manifest.get("files")
        if not isinstance(raw, list):
            raise InputError(f"{MANIFEST} in {self.path} is damaged (no list of files)")
        listed = _Listed()
        present = set(self.archive.namelist())
        for item in raw:
            name = _typed(item, "path", str, self.path)
            sha256 = _typed(item, "sha256", str, self.path)
            size = _typed(item, "size", int, self.path)
            if size < 0:
                raise InputError(f"{MANIFEST} in {self.path} is damaged (a negative size)")
            listed.names.add(name)
            kept = name in (ENTRIES, PUBLIC_KEY)
            data = self.read(name, min(size, MAX_TEXT_BYTES)) if kept else None
            digest = hashlib.sha256(data).hexdigest() if data is not None else self.digest(name, size)
            if name not in present:
                self.problems.append(Problem(None, BUNDLE_CHANGED, f"{name} is missing from the bundle"))
            elif digest != sha256:
                self.problems.append(
                    Problem(None, BUNDLE_CHANGED, f"{name} no longer matches its SHA-256 in {MANIFEST}")
                )
            elif data is not None:
                listed.kept[name] = data
            if "entry" in item:
                entry = item["entry"]
                listed.attached.append((name, entry if isinstance(entry, int) else None, sha256))
        for name in sorted(present):
            if name not in listed.names and name not in (MANIFEST, SIGNATURE) and not name.endswith("/"):
                self.problems.append(
                    Problem(None, BUNDLE_CHANGED, f"{name} is not listed in {MANIFEST}: it was added later")
                )
        return listed

    def check_signature(self, manifest: dict[str, Any], manifest_bytes: bytes, files: _Listed) -> str | None:
        if manifest["version"] < 2:
            self.notes.append(
                "this bundle is not signed (it was exported before postguard signed bundles): "
                "nothing in it shows which computer made it"
            )
            return None
        pem = files.kept.get(PUBLIC_KEY)
        key = signing.read_public_pem(pem) if pem is not None else None
        signature = self.read(SIGNATURE, 64)
        if key is None or signature is None or not signing.signature_holds(key, signature, manifest_bytes):
            self.problems.append(
                Problem(
                    None,
                    BAD_SIGNATURE,
                    f"the signature of {MANIFEST} does not hold: the manifest was changed after the "
                    "export, or its signature or public key was replaced",
                )
            )
            return None
        fingerprint = signing.fingerprint(key)
        recorded = manifest.get("signing")
        if not isinstance(recorded, dict) or recorded.get("fingerprint") != fingerprint:
            self.problems.append(
                Problem(None, BAD_SIGNATURE, f"{MANIFEST} does not name the key that signed it")
            )
        return fingerprint

    def check_copy(self, files: _Listed, entries: int, head_hash: str) -> list[StoredRow]:
        """The log copy: its chain recomputed, its head and count as the manifest records them."""
        data = files.kept.get(ENTRIES)
        if data is None:
            self.problems.append(
                Problem(
                    None,
                    BUNDLE_CHANGED,
                    f"{ENTRIES} cannot be read or does not match, so its entries were not checked",
                )
            )
            return []
        rows = self.rows(data)
        prev = GENESIS_HASH
        for row in rows:
            if row.prev_hash != prev:
                self.problems.append(Problem(row.seq, BROKEN_LINK, f"in {ENTRIES}, its link does not match"))
            elif chain_hash(row.prev_hash, row.content) != row.hash:
                self.problems.append(Problem(row.seq, EDITED, f"in {ENTRIES}, it does not match its hash"))
            prev = row.hash
        if len(rows) != entries or prev != head_hash:
            self.problems.append(
                Problem(
                    None,
                    BUNDLE_CHANGED,
                    f"{ENTRIES} holds {len(rows)} entries with chain head {prev}; {MANIFEST} records "
                    f"{entries} with chain head {head_hash}",
                )
            )
        recorded = {row.seq: _attachment_hashes(row) for row in rows}
        for name, seq, sha256 in files.attached:
            if seq is None or sha256 not in recorded.get(seq, set()):
                where = seq if seq in recorded else None
                detail = f"{name} is not a file that entry {seq} recorded"
                self.problems.append(Problem(where, BUNDLE_CHANGED, detail))
        return rows

    def rows(self, data: bytes) -> list[StoredRow]:
        rows: list[StoredRow] = []
        for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), start=1):
            row: StoredRow | None
            try:
                item = json.loads(line)
                row = StoredRow(item["seq"], item["canonical"], item["prev_hash"], item["hash"])
            except (ValueError, TypeError, KeyError):
                row = None
            if (
                row is None
                or not isinstance(row.seq, int)
                or not all(isinstance(v, str) for v in (row.content, row.prev_hash, row.hash))
            ):
                self.problems.append(Problem(None, BUNDLE_CHANGED, f"{ENTRIES} line {number} is damaged"))
                break
            rows.append(row)
        return rows

    def read(self, name: str, limit: int) -> bytes | None:
        """A member's bytes; None when absent, unreadable or longer than ``limit``."""
        try:
            with self.archive.open(name) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, *_READ_ERRORS):
            return None
        return data if len(data) <= limit else None

    def digest(self, name: str, size: int) -> str | None:
        """A member's SHA-256, streamed; None when unreadable or longer than ``size``."""
        digest = hashlib.sha256()
        read = 0
        try:
            with self.archive.open(name) as member:
                while chunk := member.read(min(_CHUNK, size + 1 - read)):
                    read += len(chunk)
                    if read > size:
                        return None
                    digest.update(chunk)
        except (zipfile.BadZipFile, *_READ_ERRORS):
            return None
        return digest.hexdigest()


def _attachment_hashes(row: StoredRow) -> set[str]:
    try:
        content = json.loads(row.content)
        return {str(a["sha256"]) for a in content["attachments"]}
    except (ValueError, TypeError, KeyError):
        return set()


def _object(data: dict[str, Any], key: str, path: Path) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise InputError(f"{MANIFEST} in {path} is damaged (no {key!r} record)")
    return value


def _typed(data: Any, key: str, kind: type[_T], path: Path) -> _T:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InputError(f"{MANIFEST} in {path} is damaged ({key!r} is missing or not a {kind.__name__})")
    return value
