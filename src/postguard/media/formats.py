"""Check an image file before anything decodes it.

Photos reach postguard from cameras, phones, chat apps and platform exports: some are empty,
cut short, renamed to the wrong extension or crafted to exhaust memory. Each of those must give
the member one clear line naming the file, never a traceback, and never hang or eat the
machine. The checks here read only headers and container structure (a few reads and seeks),
so they stay well inside the per-photo time budget.
"""

from __future__ import annotations

import mmap
import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from postguard.errors import InputError

#: Formats postguard reads, by the name Pillow uses for them.
SUPPORTED = ("JPEG", "PNG", "HEIF", "WEBP", "TIFF")

#: How each format is named to the member.
DISPLAY = {
    "JPEG": "JPEG",
    "PNG": "PNG",
    "HEIF": "HEIC/HEIF",
    "WEBP": "WebP",
    "TIFF": "TIFF",
    "GIF": "GIF",
    "BMP": "BMP",
    "AVIF": "AVIF",
    "PDF": "PDF",
    "VIDEO": "video",
}

#: The extension a clean copy or a temporary file of each format gets.
EXTENSION = {"JPEG": ".jpg", "PNG": ".png", "HEIF": ".heic", "WEBP": ".webp", "TIFF": ".tif"}

_BY_EXTENSION = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".jpe": "JPEG",
    ".jfif": "JPEG",
    ".png": "PNG",
    ".heic": "HEIF",
    ".heif": "HEIF",
    ".hif": "HEIF",
    ".webp": "WEBP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".gif": "GIF",
    ".bmp": "BMP",
    ".avif": "AVIF",
    ".pdf": "PDF",
}

_HEIF_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
    b"mif2",
}
_AVIF_BRANDS = {b"avif", b"avis"}

#: A photo larger than this is refused before decoding: 200 megapixels covers the largest
#: phone sensors (about 16,320 × 12,240) while a crafted PNG header can claim billions.
MAX_PIXELS = 200_000_000
#: The longest side accepted: JPEG's own limit; wider panoramas are not camera output.
MAX_SIDE = 65_535


@dataclass(frozen=True)
class FileCheck:
    """What the cheap checks learnt: the real format and what the extension claimed."""

    path: Path
    size: int
    format: str
    claimed: str | None

    @property
    def mismatch(self) -> str | None:
        """A sentence for the member when the extension lies about the content."""
        if self.claimed is None or self.claimed == self.format:
            return None
        return f"{self.path.name} is really a {DISPLAY[self.format]}"


def label(path: Path) -> str:
    """How a file is named in messages: as the member gave it."""
    return os.fspath(path)


def check_file(path: Path) -> FileCheck:
    """Refuse what is not a readable, non-empty, supported image file; sniff its format."""
    name = label(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name} is a folder, not an image")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name} is not a regular file")
    if info.st_size == 0:
        raise InputError(f"{name} is empty (0 bytes)")
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except PermissionError:
        raise InputError(f"{name} cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name} cannot be read: {exc.strerror or exc}") from None
    real = sniff(head)
    claimed = _BY_EXTENSION.get(path.suffix.lower())
    supported = ", ".join(DISPLAY[f] for f in SUPPORTED[:-1]) + " or " + DISPLAY[SUPPORTED[-1]]
    if real is None:
        what = "a text file, not an image" if _looks_like_text(head) else "not an image"
        raise InputError(f"{name} is {what} (its content is not {supported})")
    if real not in SUPPORTED:
        raise InputError(f"{name} is a {DISPLAY[real]} file; postguard reads {supported}")
    return FileCheck(path=path, size=info.st_size, format=real, claimed=claimed)


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes, whatever its name says."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        size = int.from_bytes(head[:4], "big")
        brands = {head[8:12]}
        end = min(max(size, 16), len(head))
        brands.update(head[i : i + 4] for i in range(16, end - 3, 4))
        if brands & _HEIF_BRANDS:
            return "HEIF"
        if brands & _AVIF_BRANDS:
            return "AVIF"
        return "VIDEO"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:2] == b"BM" and len(head) >= 14:
        return "BMP"
    if head.startswith(b"%PDF-"):
        return "PDF"
    return None


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(b >= 0x20 or b in b"\t\r\n" for b in head)


def check_dimensions(path: Path, width: int, height: int) -> None:
    """Refuse sizes no camera produces: decompression bombs and absurd headers."""
    if width <= 0 or height <= 0:
        raise InputError(f"{label(path)} is corrupted: it claims a size of {width} × {height}")
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        mp = width * height / 1e6
        raise InputError(
            f"{label(path)} claims to be {width:,} × {height:,} pixels ({mp:,.0f} megapixels): "
            "too large for a photo, refused as a possible decompression bomb"
        )


def check_complete(check: FileCheck) -> None:
    """Refuse files cut short: the structure must reach its end marker inside the file."""
    problem = {
        "JPEG": _jpeg_problem,
        "PNG": _png_problem,
        "WEBP": _webp_problem,
        "HEIF": _bmff_problem,
        "TIFF": _tiff_problem,
    }[check.format](check.path, check.size)
    if problem:
        raise InputError(f"{label(check.path)} is truncated or corrupted: {problem}")


def check_tiff_strips(path: Path, size: int, offsets: list[int], counts: list[int]) -> None:
    """Refuse a TIFF whose image data lies beyond the end of the file."""
    for offset, count in zip(offsets, counts, strict=False):
        if offset + count > size:
            raise InputError(
                f"{label(path)} is truncated or corrupted: its image data ends at byte "
                f"{offset + count:,} but the file has {size:,} bytes"
            )


def _tiff_problem(_path: Path, _size: int) -> str | None:
    """TIFF is checked later, against the strip offsets Pillow reads (check_tiff_strips)."""
    return None


def _jpeg_problem(path: Path, size: int) -> str | None:
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        pos = 2
        while True:
            if pos + 4 > size:
                return "it ends before the image data"
            if mm[pos] != 0xFF:
                return f"bad marker at byte {pos:,}"
            marker = mm[pos + 1]
            if marker == 0xFF:  # fill byte
                pos += 1
                continue
            if marker == 0xD9:
                return "it ends before the image data"
            if 0xD0 <= marker <= 0xD7 or marker == 0x01:
                pos += 2
                continue
            (length,) = struct.unpack(">H", mm[pos + 2 : pos + 4])
            if length < 2 or pos + 2 + length > size:
                return f"a header segment runs past the end of the file (byte {pos:,})"
            pos += 2 + length
            if marker == 0xDA:  # start of scan: entropy-coded data until the end marker
                break
        if mm.find(b"\xff\xd9", pos) < 0:
            return "the image data has no end marker (the file was cut short)"
    return None


_PNG_KEEP = {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"iCCP"}


def _png_problem(path: Path, size: int) -> str | None:
    try:
        png_chunks(path, size)
    except _Truncated as exc:
        return str(exc)
    return None


class _Truncated(Exception):
    pass


def png_chunks(path: Path, size: int) -> list[tuple[bytes, bytes]]:
    """The metadata chunks of a PNG (type, data), walking every chunk up to IEND."""
    found: list[tuple[bytes, bytes]] = []
    with path.open("rb") as fh:
        pos = 8
        fh.seek(pos)
        while True:
            header = fh.read(8)
            if len(header) < 8:
                raise _Truncated("it ends before the IEND chunk (the file was cut short)")
            length, kind = struct.unpack(">I4s", header)
            end = pos + 8 + length + 4
            if end > size:
                raise _Truncated(f"the {kind.decode('latin-1')} chunk runs past the end of the file")
            if kind == b"IEND":
                return found
            if kind in _PNG_KEEP and length <= 16 * 1024 * 1024:
                found.append((kind, fh.read(length)))
                fh.seek(end)
            else:
                fh.seek(end)
            pos = end


def _webp_problem(path: Path, size: int) -> str | None:
    with path.open("rb") as fh:
        head = fh.read(12)
    declared = int.from_bytes(head[4:8], "little") + 8
    if declared > size:
        return f"its header announces {declared:,} bytes but the file has {size:,}"
    return None


def _bmff_problem(path: Path, size: int) -> str | None:
    """Walk the top-level ISO-BMFF boxes of a HEIF file; each must fit inside the file."""
    seen: set[bytes] = set()
    with path.open("rb") as fh:
        pos = 0
        while pos < size:
            fh.seek(pos)
            header = fh.read(16)
            if len(header) < 8:
                return f"a box header is cut short at byte {pos:,}"
            box_size, kind = struct.unpack(">I4s", header[:8])
            if box_size == 1:
                if len(header) < 16:
                    return f"a box header is cut short at byte {pos:,}"
                (box_size,) = struct.unpack(">Q", header[8:16])
            elif box_size == 0:
                box_size = size - pos
            if box_size < 8:
                return f"a box at byte {pos:,} has an impossible size"
            if pos + box_size > size:
                return (
                    f"the {kind.decode('latin-1')!r} box runs past the end of the file "
                    "(the file was cut short)"
                )
            seen.add(kind)
            pos += box_size
    if b"meta" not in seen:
        return "it has no 'meta' box"
    return None
