"""Time the media checks on a generated 12-megapixel photo (run directly, not by pytest).

    .venv/bin/python bench/bench_media.py   (or make bench)

Prints the metadata read per photo (warm, median of many runs), the first GPS lookup (loads
the offline gazetteer once per process), faces and OCR each, and a whole deep inspection.
The picture is synthetic (gradients, shapes, mild sensor noise, two drawn faces, one line of
text) so the figures are indicative for real photos, not a substitute for them.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "media"))
from mediafixtures import draw_face, identifying_exif
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from postguard.media import faces, inspect_image, ocr
from postguard.media.imaging import load_upright
from postguard.media.metadata import metadata_evidence, read_metadata


def photo(size: tuple[int, int] = (4000, 3000)) -> Image.Image:
    rng = random.Random(7)
    w, h = size
    x = np.linspace(0, 1, w, dtype=np.float32)[None, :]
    y = np.linspace(0, 1, h, dtype=np.float32)[:, None]
    base = np.stack([90 + 100 * x + 0 * y, 120 + 60 * y + 0 * x, 170 - 50 * x * y], axis=-1)
    img = Image.fromarray(base.clip(0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(150):
        x0, y0 = rng.randrange(w), rng.randrange(h)
        s = rng.randrange(40, 500)
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape([x0, y0, x0 + s, y0 + s * rng.uniform(0.3, 1.5)], fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(6))
    draw = ImageDraw.Draw(img)
    draw_face(draw, w * 0.3, h * 0.45, h * 0.15)
    draw_face(draw, w * 0.7, h * 0.45, h * 0.15)
    img = img.filter(ImageFilter.GaussianBlur(3 * w / 800))
    draw = ImageDraw.Draw(img)
    draw.rectangle([w * 0.1, h * 0.8, w * 0.9, h * 0.92], fill="white")
    font = ImageFont.load_default(size=h // 25)
    draw.text((w * 0.12, h * 0.82), "Group session at the clinic, Tuesday", fill="black", font=font)
    noise = np.random.default_rng(1).normal(0, 4, (h, w, 3))
    arr = (np.asarray(img, dtype=np.float32) + noise).clip(0, 255).astype(np.uint8)
    return Image.fromarray(arr, "RGB")


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "IMG_12MP.jpg"
        photo().save(path, "JPEG", quality=92, exif=identifying_exif())
        size_mb = path.stat().st_size / 1e6
        print(f"photo: 4000x3000 JPEG, {size_mb:.1f} MB")

        start = time.perf_counter()
        meta = read_metadata(path)
        metadata_evidence(meta, meta.source)
        first = (time.perf_counter() - start) * 1000
        print(f"first metadata check incl. gazetteer load: {first:.0f} ms")
        med, best = timed(lambda: read_metadata(path), 50)
        print(f"read_metadata (warm): median {med:.1f} ms, best {best:.1f} ms")
        med, best = timed(lambda: metadata_evidence(read_metadata(path), "image:x"), 50)
        print(f"read_metadata + metadata_evidence (warm): median {med:.1f} ms, best {best:.1f} ms")

        faces.count_faces(Image.new("RGB", (64, 64)))  # load the cascade
        med, _ = timed(lambda: load_upright(path), 5)
        print(f"decode (JPEG draft to <=2048 px, upright): median {med:.0f} ms")
        image = load_upright(path)
        med, _ = timed(lambda: faces.count_faces(image), 5)
        print(f"faces ({faces.count_faces(image)} found): median {med:.0f} ms")
        if ocr.available():
            med, _ = timed(lambda: ocr.read_text(image), 3)
            print(f"OCR: median {med:.0f} ms, read {ocr.read_text(image)!r}")
            med, _ = timed(lambda: inspect_image(path), 3)
            print(f"inspect_image deep (metadata + decode + faces + OCR): median {med:.0f} ms")
        else:
            print("OCR: tesseract not installed", file=sys.stderr)


if __name__ == "__main__":
    main()
