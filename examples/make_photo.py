"""Write a demo photo carrying what phones put in real ones: the GPS position of a garden in
Leeds, the phone's make, model and serial number, the owner's name and the capture time.

Usage: python examples/make_photo.py OUT.jpg
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw
from PIL.ExifTags import IFD


def dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (float(degrees), float(minutes), seconds)


def main(out: Path) -> None:
    image = Image.new("RGB", (1200, 800), (120, 170, 90))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1200, 300), fill=(150, 200, 240))
    draw.rectangle((700, 250, 1100, 600), fill=(180, 90, 60))
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    exif[0x013B] = "Sam Taylor"
    sub = exif.get_ifd(IFD.Exif)
    sub[0x9003] = "2024:08:14 18:22:05"
    sub[0xA431] = "F2LXK9QWHG7F"
    gps = exif.get_ifd(IFD.GPSInfo)
    lat, lon = 53.8262, -1.5896
    gps[1], gps[2] = "N", dms(lat)
    gps[3], gps[4] = "W", dms(lon)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out, quality=90, exif=exif)
    print(f"wrote {out} (GPS {lat}, {lon}; iPhone serial; owner Sam Taylor)")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "out/garden.jpg"))
