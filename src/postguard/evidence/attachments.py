"""Screenshots and files kept beside the log, addressed by the SHA-256 of their bytes.

Content addressing makes every file self-verifying (its name is its hash), stores a screenshot
given twice only once, and lets ``verify`` notice a changed or missing file. Files are written to
a temporary name, fsynced and renamed, so a crash never leaves a half-written file under a hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from postguard.errors import InputError
from postguard.evidence.home import FILE_MODE, ensure_private_dir, fsync_dir
from postguard.evidence.model import Attachment

#: Largest file accepted per attachment: screenshots are far smaller; exports must stay mailable.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
#: Image formats accepted as screenshots (Pillow format name -> media type).
SCREENSHOT_FORMATS: dict[str, str] = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
}
_CHUNK = 1024 * 1024
_TEMP_PREFIX = ".tmp-"
_STALE_TEMP_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Candidate:
    """A file the member named, checked (exists, size, type) before anything is written."""

    path: Path
    name: str
    size: int
    media_type: str


def _describe(path: Path) -> str:
    return f"{path.name!r}"


def check_file(path: Path, *, screenshot: bool, max_bytes: int = MAX_ATTACHMENT_BYTES) -> Candidate:
    """Validate one ``--screenshot`` or ``--file`` argument; raise :class:`InputError` if unfit."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if not path.is_file():
        raise InputError(f"not a regular file: {path}")
    if info.st_size > max_bytes:
        raise InputError(
            f"{_describe(path)} is {info.st_size / 1e6:.1f} MB; the limit is "
            f"{max_bytes / 1e6:.0f} MB per attachment"
        )
    if info.st_size == 0:
        raise InputError(f"{_describe(path)} is empty")
    media_type = sniff_image(path) if screenshot else sniff_file(path)
    return Candidate(path=path, name=path.name, size=info.st_size, media_type=media_type)


def sniff_image(path: Path) -> str:
    """The media type of a screenshot, from its content (the extension may lie)."""
    try:
        with open_image(path, path.name) as image:
            image_format = image.format or ""
    except UnreadableImage as exc:
        raise InputError(f"{exc}; use --file to keep it as it is") from None
    return SCREENSHOT_FORMATS.get(image_format, "application/octet-stream")


class UnreadableImage(InputError):
    """A file that cannot be drawn as a picture; ``reason`` says why in a few words."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name!r} {reason}")
        self.reason = reason


def open_image(source: Path | BinaryIO, name: str) -> Image.Image:
    """The picture decoded in full, or :class:`UnreadableImage` naming the file as ``name``.

    Every pixel is decoded, not just the header checked: a PNG whose header disagrees with its
    pixel data passes ``verify()`` and only fails when drawn. Pillow's decoders raise many
    exception types on damaged data, so any failure here means "cannot be drawn".
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(source, formats=list(SCREENSHOT_FORMATS))
            try:
                image.load()
            except BaseException:
                image.close()
                raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise UnreadableImage(name, "has too many pixels to be a screenshot") from None
    except UnidentifiedImageError:
        raise UnreadableImage(name, f"is not an image ({', '.join(SCREENSHOT_FORMATS)})") from None
    except Exception as exc:
        raise UnreadableImage(name, f"is a damaged image ({exc})") from None
    return image


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
    (b"BM", "image/bmp"),
)


def sniff_file(path: Path) -> str:
    """A best-effort media type for any attached file, from its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "image/heic" if brand in (b"heic", b"heix", b"mif1") else "video/mp4"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character cut at byte 512 is still text.
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return "application/octet-stream"
    return "text/plain"


class AttachmentStore:
    """The ``attachments/ab/cdef...`` tree under the evidence home."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def put(self, candidate: Candidate, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> Attachment:
        """Copy a checked file in (temp file, fsync, rename); an identical file is kept once."""
        ensure_private_dir(self.root)
        self._remove_stale_temps()
        temp = self.root / f"{_TEMP_PREFIX}{secrets.token_hex(8)}"
        digest = hashlib.sha256()
        size = 0
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            with os.fdopen(fd, "wb") as out, candidate.path.open("rb") as source:
                while chunk := source.read(_CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise InputError(
                            f"{_describe(candidate.path)} grew past the "
                            f"{max_bytes / 1e6:.0f} MB limit while being copied"
                        )
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            final = self.path_for(sha256)
            if self.check(sha256, size) is None:
                temp.unlink()
            else:
                ensure_private_dir(final.parent)
                os.replace(temp, final)
                fsync_dir(final.parent)
        except OSError as exc:
            raise InputError(f"cannot store {_describe(candidate.path)}: {exc.strerror}") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        return Attachment(name=candidate.name, sha256=sha256, size=size, media_type=candidate.media_type)

    def check(self, sha256: str, size: int) -> str | None:
        """None when the stored file still has this hash; else "missing" or "changed"."""
        path = self.path_for(sha256)
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
        except FileNotFoundError:
            return "missing"
        except OSError:
            return "unreadable"
        if digest.hexdigest() != sha256 or path.stat().st_size != size:
            return "changed"
        return None

    def _remove_stale_temps(self) -> None:
        """Temp files left by a process killed mid-copy; never referenced, safe to drop."""
        cutoff = time.time() - _STALE_TEMP_SECONDS
        for temp in self.root.glob(f"{_TEMP_PREFIX}*"):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < cutoff:
                    temp.unlink()
