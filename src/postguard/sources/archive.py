"""Read an export (folder, .zip, .tar.gz or a single file) in place, without extracting it.

Exports come from the internet and may be hostile. Nothing here writes to disk: members are
listed and opened as capped streams. Entries with absolute paths or `..` (zip-slip), symlinks,
devices and encrypted entries are skipped with a warning; sizes and compression ratios beyond the
limits (zip bombs) are refused with an `InputError` before anything is decompressed, and every
stream also counts what it really yields, since headers can lie.
"""

from __future__ import annotations

import io
import lzma
import os
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from postguard.errors import InputError
from postguard.sources.common import Warnings, clean_text, one_line

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limits:
    """Caps on what an export may make us decompress or hold (defaults fit real exports)."""

    max_total_bytes: int = 32 * GiB  # all members, uncompressed
    max_entry_bytes: int = 8 * GiB  # one member (videos can be large)
    max_ratio: float = 200.0  # uncompressed/compressed; text compresses 5-20x, bombs 1000x+
    ratio_floor_bytes: int = 4 * MiB  # below this a high ratio is harmless (padding, `[ ]`)
    max_members: int = 1_000_000
    max_read_bytes: int = 2 * GiB  # a member read whole into memory (a CAR, a JSON document)
    max_media_bytes: int = 512 * MiB  # one attached photo or video handed to the media checks


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Member:
    """One regular file of the export: a clean relative POSIX path and its uncompressed size."""

    name: str
    size: int

    @property
    def basename(self) -> str:
        return self.name.rsplit("/", 1)[-1]


def clean_name(raw: str) -> str | None:
    """A safe relative POSIX path for an archive entry, or None when it could escape (zip-slip)."""
    name = raw.replace("\\", "/")
    if "\x00" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


# What reading a damaged member raises, from zipfile, tarfile and the decompressors behind them.
_CORRUPT = (zipfile.BadZipFile, tarfile.TarError, zlib.error, lzma.LZMAError, EOFError, ValueError)


class CappedReader(io.RawIOBase):
    """A read-only stream that raises `InputError` past `limit` bytes (lying headers, bombs)."""

    def __init__(self, raw: IO[bytes], limit: int, label: str) -> None:
        super().__init__()
        self._raw = raw
        self._left = limit
        self._limit = limit
        self._label = label

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        want = len(view)
        if want == 0:
            return 0
        try:
            data = self._raw.read(min(want, self._left + 1))
        except _CORRUPT as exc:
            raise OSError(one_line(f"{self._label}: corrupt data ({exc})")) from exc
        if len(data) > self._left:
            raise InputError(
                one_line(f"{self._label}: expands beyond {self._limit} bytes; refusing (possible zip bomb)")
            )
        self._left -= len(data)
        view[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


class Archive:
    """Base class: a listing of `Member`s and capped binary streams over them."""

    kind = "archive"

    def __init__(self, path: Path, limits: Limits, warnings: Warnings) -> None:
        self.path = path
        self.limits = limits
        self.warnings = warnings
        self._members: dict[str, Member] = {}
        self._by_basename: dict[str, list[str]] = {}

    # -- listing -------------------------------------------------------------------------------
    def _add(self, raw_name: str, size: int) -> str | None:
        name = clean_name(raw_name)
        if name is None:
            self.warnings.add(self.label, f"skipped entry {raw_name!r}: unsafe path")
            return None
        name = clean_text(name)  # a name that is not UTF-8 (kept as surrogates) shows U+FFFD
        if name in self._members:
            self.warnings.add(self.label, f"skipped duplicate entry {name!r}")
            return None
        if len(self._members) >= self.limits.max_members:
            raise InputError(f"{self.label}: more than {self.limits.max_members} entries; refusing")
        self._members[name] = Member(name, size)
        self._by_basename.setdefault(name.rsplit("/", 1)[-1].lower(), []).append(name)
        return name

    @property
    def label(self) -> str:
        """The export's name as messages show it (on one line, whatever it is called)."""
        return one_line(self.path.name)

    def members(self) -> list[Member]:
        return list(self._members.values())

    def __contains__(self, name: object) -> bool:
        return name in self._members

    def __len__(self) -> int:
        return len(self._members)

    def member(self, name: str) -> Member:
        try:
            return self._members[name]
        except KeyError:
            raise KeyError(f"{name!r} is not in {self.label}") from None

    def by_basename(self, basename: str) -> list[str]:
        """Members whose file name (any folder) is `basename`, case-insensitively."""
        return list(self._by_basename.get(basename.lower(), ()))

    def find_suffix(self, relative: str) -> str | None:
        """The member whose path ends with `relative` (export-relative paths, any top folder)."""
        rel = clean_name(relative.lstrip("/"))
        if rel is None:
            return None
        if rel in self._members:
            return rel
        for name in self.by_basename(rel.rsplit("/", 1)[-1]):
            if name.endswith("/" + rel) or name.lower().endswith("/" + rel.lower()):
                return name
        return None

    # -- reading -------------------------------------------------------------------------------
    def _open_raw(self, name: str) -> IO[bytes]:
        raise NotImplementedError

    def open(self, name: str, limit: int | None = None, buffer: int = MiB) -> IO[bytes]:
        """A buffered, capped binary stream over one member (close it, or use `with`)."""
        member = self.member(name)
        cap = min(limit if limit is not None else self.limits.max_entry_bytes, member.size)
        raw = self._open_raw(name)
        return io.BufferedReader(CappedReader(raw, cap, f"{self.label}:{name}"), buffer)

    def read_bytes(self, name: str, limit: int | None = None) -> bytes:
        """A whole member in memory, refused with `InputError` when larger than `limit`."""
        cap = limit if limit is not None else self.limits.max_read_bytes
        member = self.member(name)
        if member.size > cap:
            raise InputError(one_line(f"{self.label}:{name}: {member.size} bytes, over the {cap} limit"))
        with self.open(name, cap) as stream:
            return stream.read()

    def head(self, name: str, size: int = 64 * 1024) -> bytes:
        """The first bytes of a member, for detecting formats from content."""
        with self.open(name, buffer=size) as stream:
            return stream.read(size)

    def close(self) -> None:
        """Release the underlying file."""

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DirArchive(Archive):
    """An extracted export on disk; symlinks and special files are skipped, never followed."""

    kind = "directory"

    def __init__(self, path: Path, limits: Limits, warnings: Warnings) -> None:
        super().__init__(path, limits, warnings)
        self._paths: dict[str, str] = {}  # member name -> the path as on disk (`\\` or not UTF-8)
        root = str(path)
        for current, dirs, files in os.walk(root, followlinks=False):
            for entry in sorted(dirs):
                full = os.path.join(current, entry)
                if os.path.islink(full):
                    rel = os.path.relpath(full, root).replace(os.sep, "/")
                    warnings.add(self.label, f"skipped symlink {rel!r}")
            dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(current, d)))
            for entry in sorted(files):
                full = os.path.join(current, entry)
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                try:
                    info = os.lstat(full)
                except OSError as exc:
                    warnings.add(self.label, f"skipped {rel!r}: {exc.strerror}")
                    continue
                if stat.S_ISLNK(info.st_mode):
                    warnings.add(self.label, f"skipped symlink {rel!r}")
                elif not stat.S_ISREG(info.st_mode):
                    warnings.add(self.label, f"skipped special file {rel!r}")
                else:
                    name = self._add(rel, info.st_size)
                    if name is not None:
                        self._paths[name] = os.path.relpath(full, root)

    def _open_raw(self, name: str) -> IO[bytes]:
        full = os.path.join(str(self.path), self._paths[name])
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(full, flags)
        return os.fdopen(fd, "rb", buffering=0)


class FileArchive(Archive):
    """A single file given directly (tweets.js, outbox.json, repo.car, posts.csv)."""

    kind = "file"

    def __init__(self, path: Path, limits: Limits, warnings: Warnings) -> None:
        super().__init__(path, limits, warnings)
        self._add(path.name, path.stat().st_size)

    def _open_raw(self, name: str) -> IO[bytes]:
        return self.path.open("rb", buffering=0)


def _zip_is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _understated(info: zipfile.ZipInfo) -> bool:
    """An entry whose header claims fewer bytes than its data holds: zipfile stops reading at the
    claimed size and then fails the CRC check, so the entry could never be read (a header that
    claims 0 bytes would also make it look empty, and be passed over without a word)."""
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size > info.file_size
    return info.compress_size > info.file_size + info.file_size // 20 + 128


class ZipArchive(Archive):
    """A .zip read through its central directory; bombs are refused before any decompression."""

    kind = "zip"

    def __init__(self, path: Path, limits: Limits, warnings: Warnings) -> None:
        super().__init__(path, limits, warnings)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError(one_line(f"{path.name}: not a readable zip file ({exc})")) from None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        try:
            self._list()
        except BaseException:
            self._zip.close()
            raise

    def _list(self) -> None:
        limits, warnings, path = self.limits, self.warnings, self.path
        compressed = max(path.stat().st_size, 1)
        total = 0
        for info in self._zip.infolist():
            if info.is_dir():
                continue
            if _zip_is_symlink(info):
                warnings.add(self.label, f"skipped symlink {info.filename!r}")
                continue
            if info.flag_bits & 0x1:
                warnings.add(self.label, f"skipped encrypted entry {info.filename!r}")
                continue
            if _understated(info):
                warnings.add(
                    self.label,
                    f"skipped entry {info.filename!r}: its header says {info.file_size} bytes, fewer "
                    f"than its {info.compress_size} compressed bytes hold (damaged)",
                )
                continue
            self._check_entry(info)
            total += info.file_size
            if total > limits.max_total_bytes:
                raise InputError(
                    f"{path.name}: uncompressed size exceeds {limits.max_total_bytes} bytes; "
                    "refusing (possible zip bomb)"
                )
            name = self._add(info.filename, info.file_size)
            if name is not None:
                self._infos[name] = info
        if total > limits.ratio_floor_bytes and total / compressed > limits.max_ratio:
            raise InputError(
                f"{path.name}: expands {total / compressed:.0f}x overall "
                f"(limit {limits.max_ratio:.0f}x); refusing (possible zip bomb)"
            )

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        limits = self.limits
        if info.file_size > limits.max_entry_bytes:
            raise InputError(
                f"{self.path.name}: entry {info.filename!r} is {info.file_size} bytes "
                f"uncompressed, over the {limits.max_entry_bytes} limit (possible zip bomb)"
            )
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise InputError(
                    f"{self.path.name}: entry {info.filename!r} expands {ratio:.0f}x "
                    f"(limit {limits.max_ratio:.0f}x); refusing (possible zip bomb)"
                )

    def _open_raw(self, name: str) -> IO[bytes]:
        try:
            return self._zip.open(self._infos[name])
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError) as exc:
            raise OSError(one_line(f"cannot read {name!r}: {exc}")) from exc

    def close(self) -> None:
        self._zip.close()


class TarArchive(Archive):
    """A .tar(.gz/.bz2/.xz) read in place; listing needs one pass, capped as it goes."""

    kind = "tar"

    def __init__(self, path: Path, limits: Limits, warnings: Warnings) -> None:
        super().__init__(path, limits, warnings)
        compressed = max(path.stat().st_size, 1)
        try:
            self._tar = tarfile.open(path, "r:*")  # noqa: SIM115 (closed by close())
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise InputError(one_line(f"{path.name}: not a readable tar archive ({exc})")) from None
        self._infos: dict[str, tarfile.TarInfo] = {}
        try:
            self._list(compressed)
        except BaseException:
            self._tar.close()
            raise

    def _list(self, compressed: int) -> None:
        limits, warnings, path = self.limits, self.warnings, self.path
        total = 0
        try:
            while True:
                info = self._tar.next()
                if info is None:
                    break
                if info.issym() or info.islnk():
                    warnings.add(self.label, f"skipped link {info.name!r}")
                    continue
                if info.isdir():
                    continue
                if not info.isfile():
                    warnings.add(self.label, f"skipped special entry {info.name!r}")
                    continue
                if info.size > limits.max_entry_bytes:
                    raise InputError(
                        f"{path.name}: entry {info.name!r} is {info.size} bytes, over the "
                        f"{limits.max_entry_bytes} limit (possible bomb)"
                    )
                total += info.size
                over_ratio = total > limits.ratio_floor_bytes and total / compressed > limits.max_ratio
                if total > limits.max_total_bytes or over_ratio:
                    raise InputError(
                        f"{path.name}: expands to more than {total} bytes from {compressed}; "
                        "refusing (possible bomb)"
                    )
                name = self._add(info.name, info.size)
                if name is not None:
                    self._infos[name] = info
        except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
            if not self._infos:
                raise InputError(one_line(f"{path.name}: not a readable tar archive ({exc})")) from None
            warnings.add(self.label, f"archive is truncated or corrupt after {len(self)} entries")

    def _open_raw(self, name: str) -> IO[bytes]:
        stream = self._tar.extractfile(self._infos[name])
        if stream is None:
            raise OSError(f"cannot read {name!r}")
        return stream

    def close(self) -> None:
        self._tar.close()


ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _sniff_container(path: Path) -> str:
    with path.open("rb") as handle:
        magic = handle.read(512)
    if magic.startswith(ZIP_MAGIC):
        return "zip"
    if magic.startswith((b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")):
        return "tar"
    if len(magic) >= 262 and magic[257:262] == b"ustar":
        return "tar"
    return "file"


def open_archive(
    path: str | os.PathLike[str],
    limits: Limits = DEFAULT_LIMITS,
    warnings: Warnings | None = None,
) -> Archive:
    """Open a folder, zip, tar(.gz) or single file by its content, not its name."""
    p = Path(path)
    sink = warnings if warnings is not None else Warnings()
    if p.is_symlink() and not p.exists():
        raise InputError(f"{p}: broken symlink")
    if not p.exists():
        raise InputError(f"{p}: no such file or folder")
    if p.is_dir():
        return DirArchive(p, limits, sink)
    if not p.is_file():
        raise InputError(f"{p}: not a regular file or folder")
    kind = _sniff_container(p)
    if kind == "zip":
        return ZipArchive(p, limits, sink)
    if kind == "tar":
        try:
            return TarArchive(p, limits, sink)
        except InputError:
            if p.suffix.lower() in {".gz", ".tgz", ".tar", ".bz2", ".xz"}:
                raise
            return FileArchive(p, limits, sink)
    return FileArchive(p, limits, sink)


def iter_chunks(stream: IO[bytes], size: int = 1024 * 1024) -> Iterator[bytes]:
    """Read a stream in chunks until it ends."""
    while True:
        chunk = stream.read(size)
        if not chunk:
            return
        yield chunk
