"""Photos attached to a post: what their metadata, faces and visible text reveal.

``inspect_image`` is the one entry point the engine needs: it validates the file (a clean
InputError naming it otherwise), reads its metadata, and unless ``deep=False`` decodes it
once to count faces and read its text. The caller runs every text rule on ``ocr_text`` and
tags those findings with the same ``source``. OpenCV and Tesseract load lazily, once per
process, so checking text-only posts never pays for them.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from postguard.errors import PostguardError
from postguard.media.metadata import ImageMetadata, metadata_evidence, read_metadata
from postguard.model import Evidence

__all__ = ["ImageInspection", "ImageMetadata", "inspect_image", "read_metadata"]


@dataclass(frozen=True)
class ImageInspection:
    """Everything postguard learnt from one image."""

    name: str
    metadata: ImageMetadata
    evidence: list[Evidence]
    ocr_text: str = ""
    faces: int = 0
    #: False when OCR did not run (``deep=False`` or Tesseract missing): the text in the
    #: image was not checked, which is not the same as "no text".
    ocr_checked: bool = False
    faces_checked: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return f"image:{self.name}"


def inspect_image(path: Path | str, deep: bool = True) -> ImageInspection:
    """Check one image; raise InputError (naming the file) when it cannot be read."""
    meta = read_metadata(path)
    source = meta.source
    evidence = metadata_evidence(meta, source)
    notes = list(meta.notes)
    if not deep:
        return ImageInspection(meta.name, meta, evidence, notes=notes)

    from postguard.media import faces as faces_mod
    from postguard.media import ocr
    from postguard.media.imaging import load_upright

    image = load_upright(meta.path)
    image.getexif()  # parse once here, not concurrently in the two workers below
    text = ""
    ocr_checked = False
    # Tesseract runs as a child process, so face detection overlaps it on the second core
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="postguard-ocr") as pool:
        reading = pool.submit(ocr.read_text, image)
        count = faces_mod.count_faces(image)
        try:
            text = reading.result()
            ocr_checked = True
        except PostguardError as exc:
            notes.append(f"text inside {meta.name} was not checked: {exc}")
    evidence.extend(faces_mod.face_evidence(count, source))
    return ImageInspection(
        name=meta.name,
        metadata=meta,
        evidence=evidence,
        ocr_text=text,
        faces=count,
        ocr_checked=ocr_checked,
        faces_checked=True,
        notes=notes,
    )
