"""Exports written as a folder, a zip, a tar.gz or a single file, and hostile containers: `..`
and absolute names, links out of the export, FIFOs, duplicate names, bad CRCs, lying sizes,
unknown compression methods, flipped or cut bytes."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import shutil
import stat
import struct
import tarfile
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from fuzz_exports import POSITIONS, Members, position
from hypothesis import strategies as st

from postguard.sources.archive import clean_name

# -- writing containers ------------------------------------------------------------------------


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2024, 12, 1, 10, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_container(members: Members, dest: Path, container: str) -> Path:
    """Write the export as a folder, zip, tar.gz or single file at `dest` (+ suffix)."""
    if container == "file" and len(members) == 1:
        ((name, data),) = members.items()
        dest.mkdir()
        path = dest / (clean_name(name) or "export").rsplit("/", 1)[-1]
        path.write_bytes(data)
        return path
    if container == "zip":
        path = dest.with_suffix(".zip")
        with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as zf:
            warnings.simplefilter("ignore")  # duplicate names are one of the mutations
            for name, data in members.items():
                with contextlib.suppress(UnicodeEncodeError):  # a zip cannot name a file in bytes
                    zf.writestr(_zip_entry(name), data)
        return path
    if container == "tar":
        path = dest.with_suffix(".tar.gz")
        with tarfile.open(path, "w:gz") as tf:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
        return path
    dest.mkdir()
    for name, data in members.items():
        safe = clean_name(name)
        if safe is None:
            continue
        path = dest.joinpath(*safe.split("/"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        except OSError:
            continue  # a name that is also a folder, or too long: the export simply lacks it
    return dest


# -- hostile containers ------------------------------------------------------------------------

SECRET_TOKEN = "FUZZ-SECRET-7Q2X"
SECRET = f'window.YTD.tweets.part0 = [{{"tweet": {{"id_str": "7", "full_text": "{SECRET_TOKEN}"}}}}]'.encode()
INSIDE = b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "8", "full_text": "an entry with an odd name"}}]'
UNSAFE = (
    "../secret.js", "../../secret.js", "/tmp/postguard-fuzz-evil.js", "C:\\evil.js", "data/../../evil.js",
    "..\\evil.js", "./data/./tweets.js", "//double.js", "data//tweets.js", ".", "\u202e.js",
)  # fmt: skip
ZIP_TWEAKS = ("unsafe-name", "symlink", "duplicate", "encrypted", "bad-crc", "size-lie", "method",
              "flip", "truncate", "prepend", "append", "comment", "dir-entry")  # fmt: skip
TAR_TWEAKS = ("unsafe-name", "symlink", "hardlink", "fifo", "device", "size-lie", "flip", "flip-raw",
              "truncate", "uncompressed")  # fmt: skip
FOLDER_TWEAKS = ("symlink-file", "symlink-dir", "broken-symlink", "fifo", "nested-zip", "empty-dirs")


@dataclass(frozen=True)
class Tweak:
    """Damage to the container itself, not to a file in it."""

    kind: str
    member: int
    at: int
    value: int


def _central(data: bytes) -> dict[str, int]:
    """Offsets of the zip's central directory records, by name."""
    end = data.rfind(b"PK\x05\x06")
    count, _, offset = struct.unpack("<HII", data[end + 10 : end + 20])
    found: dict[str, int] = {}
    for _ in range(count):
        name_len, extra_len, comment_len = struct.unpack("<HHH", data[offset + 28 : offset + 34])
        found.setdefault(data[offset + 46 : offset + 46 + name_len].decode("utf-8", "replace"), offset)
        offset += 46 + name_len + extra_len + comment_len
    return found


def _patch(data: bytearray, offset: int, fmt: str, value: int) -> None:
    data[offset : offset + struct.calcsize(fmt)] = struct.pack(fmt, value)


def write_hostile(members: Members, dest: Path, container: str, tweaks: list[Tweak], secret: Path) -> Path:
    """The export in `container` with `tweaks` applied; `secret` is a file outside the export
    that its links point at (its content must never be read)."""
    names = sorted(members)
    if container == "zip":
        return _hostile_zip(members, names, dest.with_suffix(".zip"), tweaks, secret)
    if container == "tar":
        return _hostile_tar(members, names, dest.with_suffix(".tar.gz"), tweaks, secret)
    path = write_container(members, dest, "folder")
    for tweak in tweaks:
        name = clean_name(names[tweak.member % len(names)]) or "x"
        target = path.joinpath(*name.split("/"))
        if tweak.kind in ("symlink-file", "fifo") and target.is_file():
            target.unlink()
            if tweak.kind == "fifo":
                os.mkfifo(target)
            else:
                target.symlink_to(secret)
        elif tweak.kind == "symlink-dir":
            (path / f"linked{tweak.value}").symlink_to(secret.parent, target_is_directory=True)
        elif tweak.kind == "broken-symlink":
            (path / f"broken{tweak.value}.json").symlink_to(path / "nowhere")
        elif tweak.kind == "nested-zip":
            nested = path.parent / "nested"
            write_container(members, nested, "zip").rename(path / "export.zip")
            for child in list(path.iterdir()):
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                elif child.name != "export.zip":
                    child.unlink()
        elif tweak.kind == "empty-dirs":
            (path / "empty" / "deeper").mkdir(parents=True, exist_ok=True)
    return path


def _hostile_zip(members: Members, names: list[str], path: Path, tweaks: list[Tweak], secret: Path) -> Path:
    entries: list[tuple[zipfile.ZipInfo, bytes]] = []
    for name in names:
        entries.append((_zip_entry(name), members[name]))
    chosen = {t.kind: names[t.member % len(names)] for t in tweaks}
    for tweak in tweaks:
        name = chosen[tweak.kind]
        if tweak.kind == "unsafe-name":
            entries.append((_zip_entry(UNSAFE[tweak.value % len(UNSAFE)]), INSIDE))
        elif tweak.kind == "symlink":
            info = _zip_entry(name)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            target = str(secret) if tweak.value % 2 else "../secret/secret.js"
            entries = [(info, target.encode())] + [(i, d) for i, d in entries if i.filename != name]
        elif tweak.kind == "duplicate":
            twin = (_zip_entry(name), members[name][: len(members[name]) // 2])
            entries.insert(0 if tweak.value % 2 else len(entries), twin)
        elif tweak.kind == "encrypted":
            for info, _ in entries:
                if info.filename == name:
                    info.flag_bits |= 0x1
        elif tweak.kind in ("bad-crc", "method"):
            for info, _ in entries:
                if info.filename == name:
                    info.compress_type = zipfile.ZIP_STORED
        elif tweak.kind == "dir-entry":
            entries.append((_zip_entry(name + "/"), b""))
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as zf:
        warnings.simplefilter("ignore")
        for info, data in entries:
            with contextlib.suppress(UnicodeEncodeError):
                zf.writestr(info, data)
        for tweak in tweaks:
            if tweak.kind == "comment":
                zf.comment = b"c" * 65535
    written = bytearray(path.read_bytes())
    central = _central(bytes(written))
    for tweak in tweaks:  # fields first, while the offsets hold
        record = central.get(chosen[tweak.kind])
        if tweak.kind in ("bad-crc", "size-lie", "method") and record is not None:
            _patch_entry(written, record, tweak)
    for tweak in tweaks:
        if tweak.kind == "flip" and written:
            written[position(tweak.at, len(written))] ^= tweak.value % 255 + 1
        elif tweak.kind == "truncate":
            del written[position(tweak.at, len(written)) :]
        elif tweak.kind == "prepend":
            written[0:0] = b"MZ" + bytes(tweak.value % 300)
        elif tweak.kind == "append":
            written += b"PK\x05\x06" + bytes(tweak.value % 300)
    path.write_bytes(bytes(written))
    return path


def _patch_entry(data: bytearray, record: int, tweak: Tweak) -> None:
    """A wrong CRC, a lying size or another compression method for one zip entry."""
    local = struct.unpack("<I", data[record + 42 : record + 46])[0]
    if tweak.kind == "bad-crc":
        name_len, extra_len = struct.unpack("<HH", data[local + 26 : local + 30])
        size = struct.unpack("<I", data[record + 20 : record + 24])[0]
        if size:
            data[local + 30 + name_len + extra_len + position(tweak.at, size)] ^= 0xFF
    elif tweak.kind == "size-lie":
        size = struct.unpack("<I", data[record + 24 : record + 28])[0]
        lie = (0, 1, max(size - 1, 0), size + 1, 2**32 - 1)[tweak.value % 5]
        _patch(data, record + 24, "<I", lie)
        _patch(data, local + 22, "<I", lie)
    else:
        method = (99, 14, 12, 9, 8)[tweak.value % 5]
        _patch(data, record + 10, "<H", method)
        _patch(data, local + 8, "<H", method)


def _tar_header_patch(raw: bytearray, name: str, size: int) -> None:
    """Make the header of `name` claim `size` bytes (and keep its checksum valid)."""
    offset = 0
    while offset + 512 <= len(raw):
        header = raw[offset : offset + 512]
        if not header.strip(b"\x00"):
            return
        entry = header[:100].rstrip(b"\x00").decode("utf-8", "replace")
        try:
            length = int(header[124:136].rstrip(b"\x00 ") or b"0", 8)
        except ValueError:
            return  # a header an earlier tweak damaged: nothing more to find
        if entry == name:
            raw[offset + 124 : offset + 136] = f"{size:011o}".encode()[-11:] + b"\x00"
            raw[offset + 148 : offset + 156] = b" " * 8
            checksum = sum(raw[offset : offset + 512])
            raw[offset + 148 : offset + 156] = f"{checksum:06o}".encode() + b"\x00 "
            return
        offset += 512 + (length + 511) // 512 * 512


def _hostile_tar(members: Members, names: list[str], path: Path, tweaks: list[Tweak], secret: Path) -> Path:
    chosen = {t.kind: names[t.member % len(names)] for t in tweaks}
    special: dict[str, tarfile.TarInfo] = {}
    extra: list[tuple[tarfile.TarInfo, bytes]] = []
    for tweak in tweaks:
        name = chosen[tweak.kind]
        info = tarfile.TarInfo(name)
        if tweak.kind == "unsafe-name":
            info = tarfile.TarInfo(UNSAFE[tweak.value % len(UNSAFE)])
            info.size = len(INSIDE)
            extra.append((info, INSIDE))
        elif tweak.kind in ("symlink", "hardlink"):
            info.type = tarfile.SYMTYPE if tweak.kind == "symlink" else tarfile.LNKTYPE
            info.linkname = str(secret) if tweak.value % 2 else "../secret/secret.js"
            special[name] = info
        elif tweak.kind in ("fifo", "device"):
            info.type = tarfile.FIFOTYPE if tweak.kind == "fifo" else tarfile.CHRTYPE
            special[name] = info
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as tf:
        for name in names:
            if name in special:
                tf.addfile(special[name])
                continue
            info = tarfile.TarInfo(name)
            info.size = len(members[name])
            tf.addfile(info, io.BytesIO(members[name]))
        for info, data in extra:
            tf.addfile(info, io.BytesIO(data))
    raw = bytearray(buffer.getvalue())
    compress = True
    for tweak in tweaks:
        if tweak.kind == "size-lie":
            _tar_header_patch(raw, chosen["size-lie"], (0, 1, 10**6, 8**11 - 1)[tweak.value % 4])
        elif tweak.kind == "flip-raw" and raw:
            raw[position(tweak.at, len(raw))] ^= tweak.value % 255 + 1
        elif tweak.kind == "uncompressed":
            compress = False
    written = bytearray(gzip.compress(bytes(raw), mtime=0) if compress else raw)
    for tweak in tweaks:
        if tweak.kind == "flip" and written:
            written[position(tweak.at, len(written))] ^= tweak.value % 255 + 1
        elif tweak.kind == "truncate":
            del written[position(tweak.at, len(written)) :]
    if not compress:
        path = path.with_name(path.name.removesuffix(".gz"))
    path.write_bytes(bytes(written))
    return path


def tweaks(container: str) -> st.SearchStrategy[list[Tweak]]:
    kinds = {"zip": ZIP_TWEAKS, "tar": TAR_TWEAKS, "folder": FOLDER_TWEAKS}[container]
    tweak = st.builds(
        Tweak, st.sampled_from(kinds), st.integers(0, 50), st.integers(0, POSITIONS), st.integers(0, 1000)
    )
    return st.lists(tweak, min_size=1, max_size=3, unique_by=lambda t: t.kind)
