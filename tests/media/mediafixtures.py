"""Builders for test photos: every image the media tests use is generated here, in tmp_path.

Real camera files cannot be shipped or fetched, so these reproduce what matters about them:
GPS in EXIF, serial numbers, owners, capture times, XMP and IPTC blocks, PNG text chunks,
EXIF orientation, HEIC, and the broken files members actually send.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from PIL.ExifTags import IFD
from PIL.PngImagePlugin import PngInfo

EXIFTOOL = shutil.which("exiftool")
TESSERACT = shutil.which("tesseract")

needs_exiftool = pytest.mark.skipif(
    EXIFTOOL is None, reason="exiftool not installed (Debian: libimage-exiftool-perl)"
)
needs_tesseract = pytest.mark.skipif(
    TESSERACT is None, reason="tesseract not installed (Debian: tesseract-ocr tesseract-ocr-eng)"
)

LEEDS = (53.8008, -1.5491)

XMP_PACKET = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    'xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" '
    'photoshop:City="Harrogate" aux:SerialNumber="AUX-998877">'
    "<dc:creator><rdf:Seq><rdf:li>Dr Xmp Creator</rdf:li></rdf:Seq></dc:creator>"
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
    '<?xpacket end="w"?>'
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = round((minutes_full - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def identifying_exif(
    lat: float = LEEDS[0], lon: float = LEEDS[1], orientation: int | None = None
) -> Image.Exif:
    """EXIF as a phone or camera writes it: GPS, make/model, serial, owner, times."""
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS R6"
    exif[0x013B] = "Jane Therapist"
    exif[0x8298] = "(c) Jane Therapist"
    exif[0x0131] = "Firmware 1.2"
    if orientation is not None:
        exif[0x0112] = orientation
    sub = exif.get_ifd(IFD.Exif)
    sub[0x9003] = "2024:05:01 14:03:22"
    sub[0xA430] = "Jane T"
    sub[0xA431] = "SN-0042-7781"
    sub[0xA435] = "LENS-5555"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[1] = "N" if lat >= 0 else "S"
    gps[2] = dms(lat)
    gps[3] = "E" if lon >= 0 else "W"
    gps[4] = dms(lon)
    return exif


def picture(size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A small photo-like picture whose halves differ, so a rotation is visible."""
    img = Image.new("RGB", size, (90, 140, 200))
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rectangle([0, 0, w // 2, h], fill=(220, 60, 40))
    draw.ellipse([w * 0.6, h * 0.2, w * 0.9, h * 0.6], fill=(30, 200, 90))
    return img


def app13_iptc(fields: dict[tuple[int, int], bytes]) -> bytes:
    """A JPEG APP13 segment holding IPTC datasets inside a Photoshop resource block."""
    iptc = b"".join(
        b"\x1c" + bytes([rec, ds]) + struct.pack(">H", len(val)) + val for (rec, ds), val in fields.items()
    )
    if len(iptc) % 2:
        iptc += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iptc))
    body = b"Photoshop 3.0\x00" + resource + iptc
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def insert_after_soi(jpeg: bytes, segment: bytes) -> bytes:
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + segment + jpeg[2:]


def gps_jpeg(
    path: Path,
    *,
    orientation: int | None = None,
    size: tuple[int, int] = (320, 240),
    xmp: bool = True,
    iptc: bool = True,
    quality: int = 90,
) -> Path:
    """A JPEG with GPS, serials, owner, capture time, and (by default) XMP and IPTC."""
    img = picture(size)
    kwargs: dict[str, Any] = {"exif": identifying_exif(orientation=orientation), "quality": quality}
    if xmp:
        kwargs["xmp"] = XMP_PACKET.encode("utf-8")
    img.save(path, "JPEG", **kwargs)
    if iptc:
        data = insert_after_soi(
            path.read_bytes(),
            app13_iptc({(2, 80): b"Iptc Byline", (2, 90): b"Ilkley", (2, 55): b"20240501"}),
        )
        path.write_bytes(data)
    return path


def text_png(path: Path) -> Path:
    info = PngInfo()
    info.add_text("Author", "Png Author Name")
    info.add_text("Comment", "session with client")
    info.add_itxt("Creation Time", "2023-02-03T10:11:12")
    info.add_itxt("XML:com.adobe.xmp", XMP_PACKET)
    picture().save(path, "PNG", pnginfo=info)
    return path


def heic(path: Path, orientation: int | None = None) -> Path:
    import pillow_heif

    pillow_heif.register_heif_opener()
    exif = identifying_exif(orientation=orientation)
    picture((128, 96)).save(path, "HEIF", exif=exif.tobytes(), quality=60)
    return path


def tiff(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x013B] = "Tiff Artist"
    exif[0x010F] = "Nikon"
    exif[0x0132] = "2022:01:02 03:04:05"
    picture().save(path, "TIFF", exif=exif)
    return path


def webp(path: Path) -> Path:
    picture().save(path, "WEBP", exif=identifying_exif(), quality=80)
    return path


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def bomb_png(path: Path, width: int = 100_000, height: int = 100_000) -> Path:
    """A PNG header claiming a huge image, with a tiny compressed body (a classic bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    data = (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b"")
    )
    path.write_bytes(data)
    return path


def truncated(source: Path, path: Path, fraction: float = 0.6) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path


def draw_face(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float) -> None:
    """A plain drawn face: OpenCV's frontal cascade finds these reliably once blurred."""
    draw.ellipse([cx - s * 0.5, cy - s * 0.65, cx + s * 0.5, cy + s * 0.65], fill=(205, 170, 140))
    draw.chord([cx - s * 0.52, cy - s * 0.72, cx + s * 0.52, cy - s * 0.1], 180, 360, fill=(60, 40, 30))
    for side in (-1, 1):
        ex, ey = cx + side * s * 0.2, cy - s * 0.08
        draw.ellipse([ex - s * 0.15, ey - s * 0.09, ex + s * 0.15, ey + s * 0.09], fill=(150, 115, 95))
        draw.ellipse([ex - s * 0.1, ey - s * 0.045, ex + s * 0.1, ey + s * 0.045], fill=(235, 235, 235))
        draw.ellipse([ex - s * 0.045, ey - s * 0.045, ex + s * 0.045, ey + s * 0.045], fill=(40, 30, 20))
        draw.rectangle([ex - s * 0.13, ey - s * 0.16, ex + s * 0.13, ey - s * 0.12], fill=(60, 40, 30))
    draw.polygon(
        [(cx, cy - s * 0.02), (cx - s * 0.08, cy + s * 0.18), (cx + s * 0.08, cy + s * 0.18)],
        fill=(170, 130, 105),
    )
    draw.ellipse([cx - s * 0.2, cy + s * 0.3, cx + s * 0.2, cy + s * 0.4], fill=(140, 60, 60))


def two_faces(size: tuple[int, int] = (800, 600)) -> Image.Image:
    """Two people side by side, each face about a fifth of the picture's height."""
    img = Image.new("RGB", size, (120, 150, 180))
    draw = ImageDraw.Draw(img)
    w, h = size
    draw_face(draw, w * 0.31, h / 2, h * 0.15)
    draw_face(draw, w * 0.70, h / 2, h * 0.15)
    return img.filter(ImageFilter.GaussianBlur(3 * w / 800))


def text_image(lines: list[str], size: tuple[int, int] = (1000, 300)) -> Image.Image:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=40)
    for i, line in enumerate(lines):
        draw.text((30, 30 + i * 70), line, fill="black", font=font)
    return img


def exiftool_tags(path: Path) -> dict[str, Any]:
    """Every tag ExifTool sees, duplicates included, as "Group:Tag" -> value (numeric)."""
    assert EXIFTOOL is not None
    out = subprocess.run(
        [EXIFTOOL, "-j", "-G1", "-a", "-n", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    record = json.loads(out)[0]
    assert isinstance(record, dict)
    return record


def damaged_exif_jpeg(path: Path) -> Path:
    """A JPEG whose EXIF block is present but unreadable (a bad IFD0 offset)."""
    picture().save(path, "JPEG")
    body = b"Exif\x00\x00" + b"MM\x00*\x00\x00\x10\x00" + b"\x00" * 20
    segment = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    path.write_bytes(insert_after_soi(path.read_bytes(), segment))
    return path


def bad_entry_gps_jpeg(path: Path) -> Path:
    """A GPS-tagged JPEG with one IFD0 entry of an impossible type (as some apps write)."""
    gps_jpeg(path, xmp=False, iptc=False)
    data = bytearray(path.read_bytes())
    tiff = data.find(b"Exif\x00\x00") + 6
    order = "big" if data[tiff] == 0x4D else "little"
    ifd0 = tiff + int.from_bytes(data[tiff + 4 : tiff + 8], order)
    entry = ifd0 + 2 + 12 * 1
    data[entry + 2 : entry + 4] = (99).to_bytes(2, order)
    path.write_bytes(bytes(data))
    return path
