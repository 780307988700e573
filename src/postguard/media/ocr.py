"""Read the words inside an image, so every text rule can check them too.

A screenshot of a client's message or a photo of a letter leaks what no caption says. Tesseract
(Debian ``tesseract-ocr``) reads it offline. Screenshots have small glyphs, so small images are
enlarged; photos are shrunk, because Tesseract's time grows with pixels. Only words Tesseract
is reasonably sure of are kept, so photos without text do not turn into noise that the text
rules would then flag.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from typing import Any

from PIL import Image, ImageOps

from postguard.errors import PostguardError

#: Images whose longest side is below this are enlarged (screenshots, cropped messages).
SMALL_SIDE = 1200
#: Images are shrunk to at most this longest side before OCR.
OCR_SIDE = 2400
#: Words below this Tesseract confidence (0-100) are dropped as noise.
MIN_CONFIDENCE = 50.0
#: Seconds one image may take before OCR gives up.
TIMEOUT_S = 30


class OcrUnavailableError(PostguardError):
    """Tesseract is not installed, so text inside images cannot be read."""


@functools.cache
def _tesseract() -> Any:
    """pytesseract, once Tesseract itself is known to be on the PATH (checked once)."""
    try:
        import pytesseract
    except ImportError:
        raise OcrUnavailableError(
            "text in images cannot be read: the pytesseract package is not installed"
        ) from None
    command = pytesseract.pytesseract.tesseract_cmd
    if shutil.which(command) is None:
        raise OcrUnavailableError(
            "text in images cannot be read: Tesseract is not installed "
            "(Debian: apt-get install tesseract-ocr tesseract-ocr-eng)"
        )
    return pytesseract


def available() -> bool:
    """Whether OCR can run here."""
    try:
        _tesseract()
    except OcrUnavailableError:
        return False
    return True


def prepare(image: Image.Image) -> Image.Image:
    """Upright, grayscale, and scaled so glyphs are big enough but pixels not wasted."""
    gray = ImageOps.exif_transpose(image).convert("L")
    longest = max(gray.size)
    if longest < SMALL_SIDE:
        factor = min(3.0, SMALL_SIDE * 1.5 / longest)
        size = (round(gray.width * factor), round(gray.height * factor))
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    elif longest > OCR_SIDE:
        gray.thumbnail((OCR_SIDE, OCR_SIDE), Image.Resampling.LANCZOS, reducing_gap=2.0)
    return gray


def read_text(image: Image.Image) -> str:
    """The text Tesseract reads in the image, one line per line of text found.

    Raises OcrUnavailableError at once when Tesseract is missing.
    """
    pytesseract = _tesseract()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # two threads are slower on two cores
    prepared = prepare(image)
    # pytesseract would hand the image over as PNG, and compressing a noisy photo costs more
    # than the OCR itself (0.6 s against 0.2 s at 2000 px); an uncompressed PGM costs ~2 ms
    with tempfile.TemporaryDirectory(prefix="postguard-ocr-") as tmp:
        source = os.path.join(tmp, "image.pgm")
        prepared.save(source, "PPM")
        try:
            data = pytesseract.image_to_data(
                source,
                lang="eng",
                config="--oem 1 --psm 3",
                output_type=pytesseract.Output.DICT,
                timeout=TIMEOUT_S,
            )
        except RuntimeError as exc:  # pytesseract reports its timeout this way
            raise OcrUnavailableError(f"text in the image could not be read: {exc}") from None
        except pytesseract.TesseractError as exc:
            raise OcrUnavailableError(f"Tesseract failed: {exc}") from None
    return _lines(data)


def _lines(data: dict[str, list[Any]]) -> str:
    lines: dict[tuple[int, int, int, int], list[str]] = {}
    for i, word in enumerate(data.get("text", [])):
        word = str(word).strip()
        try:
            confidence = float(data["conf"][i])
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        if not word or confidence < MIN_CONFIDENCE or not any(c.isalnum() for c in word):
            continue
        key = (
            int(data["page_num"][i]),
            int(data["block_num"][i]),
            int(data["par_num"][i]),
            int(data["line_num"][i]),
        )
        lines.setdefault(key, []).append(word)
    return "\n".join(" ".join(words) for _key, words in sorted(lines.items()))
