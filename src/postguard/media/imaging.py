"""Decode a photo once, upright and no larger than the analysis needs.

Face detection and OCR need pixels, but a 12-megapixel photo decoded at full size costs time
and memory for no gain. JPEG can decode at 1/2, 1/4 or 1/8 scale directly (``draft``), so
the decode itself shrinks; every format is then shrunk to the longest side asked for and
turned the right way up from its EXIF orientation, as a viewer would show it.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image, ImageOps

from postguard.errors import InputError
from postguard.media.formats import label
from postguard.media.metadata import open_image

#: Longest side decoded for analysis: enough for OCR of a photographed page, and faces.
ANALYSIS_SIDE = 2048
#: A JPEG may decode at a reduced scale down to this fraction of ``max_side``.
DRAFT_FLOOR = 0.7


def load_upright(path: Path | str, max_side: int = ANALYSIS_SIDE) -> Image.Image:
    """The decoded image, EXIF orientation applied, long side at most ``max_side``.

    Raises InputError when the pixels cannot be decoded (truncated or corrupted data).
    """
    path = Path(path)
    with open_image(path) as (check, img, _warnings), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's notes on odd but readable files
        try:
            if check.format == "JPEG":
                # libjpeg decodes at 1/2, 1/4 or 1/8 scale for a fraction of the cost; allow
                # any reduction that keeps at least 70% of the side asked for
                width, height = img.size
                scale = DRAFT_FLOOR * max_side / max(width, height)
                if scale < 1:
                    img.draft("RGB", (max(1, int(width * scale)), max(1, int(height * scale))))
            img.load()
            img.thumbnail((max_side, max_side), Image.Resampling.BILINEAR, reducing_gap=2.0)
            upright = ImageOps.exif_transpose(img)
            return _plain_mode(upright)
        except Image.DecompressionBombError as exc:
            raise InputError(f"{label(path)} is too large to decode safely ({exc})") from None
        except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise InputError(f"{label(path)} is corrupted: {detail}") from None


def _plain_mode(img: Image.Image) -> Image.Image:
    """RGB or L, with any transparency laid on white as a viewer would show it."""
    if img.mode in ("RGB", "L"):
        return img
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if img.mode.startswith("I;16") or img.mode == "I":  # 16-bit scans and TIFFs
        return img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    return img.convert("RGB")
