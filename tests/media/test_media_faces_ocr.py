"""Faces (SM102 consent check) and OCR, and inspect_image tying them together."""

from __future__ import annotations

from pathlib import Path

import pytest
from mediafixtures import (
    gps_jpeg,
    identifying_exif,
    needs_tesseract,
    picture,
    text_image,
    two_faces,
)
from PIL import Image

from postguard.media import faces, inspect_image, ocr
from postguard.model import Severity


def test_no_faces_in_a_plain_picture() -> None:
    assert faces.count_faces(picture((800, 600))) == 0
    assert faces.face_evidence(0, "image:x.jpg") == []


def test_two_drawn_faces_are_counted() -> None:
    assert faces.count_faces(two_faces()) == 2


def test_large_images_are_shrunk_before_detection() -> None:
    assert faces.count_faces(two_faces((3200, 2400))) == 2


def test_exif_orientation_is_applied_before_detection(tmp_path: Path) -> None:
    upright = two_faces()
    # store the pixels rotated, with Orientation=6 telling viewers to turn them back upright
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "sideways.jpg"
    stored.save(path, "JPEG", exif=exif, quality=95)
    with Image.open(path) as img:
        assert faces.count_faces(img) == 2


def test_face_evidence_wording() -> None:
    [evidence] = faces.face_evidence(2, "image:group.jpg")
    assert evidence.rule == "SM102"
    assert evidence.severity is Severity.WARNING
    assert evidence.source == "image:group.jpg"
    assert evidence.message == (
        "2 people's faces are visible: confirm each has given full, informed consent to be shown"
    )
    [one] = faces.face_evidence(1, "image:me.jpg")
    assert one.message.startswith("1 person's face is visible")


@needs_tesseract
def test_ocr_reads_rendered_words() -> None:
    img = text_image(["Session notes for Maria", "Tuesday at the clinic"])
    text = ocr.read_text(img)
    words = text.lower()
    for word in ("session", "notes", "maria", "tuesday", "clinic"):
        assert word in words, text


@needs_tesseract
def test_ocr_of_a_picture_without_text_is_empty() -> None:
    assert ocr.read_text(picture((640, 480))) == ""


def test_missing_tesseract_fails_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    ocr._tesseract.cache_clear()
    monkeypatch.setattr(shutil, "which", lambda _cmd: None)
    try:
        with pytest.raises(ocr.OcrUnavailableError, match="tesseract-ocr"):
            ocr.read_text(picture())
        assert ocr.available() is False
    finally:
        ocr._tesseract.cache_clear()


def test_ocr_prepare_enlarges_screenshots_and_shrinks_photos() -> None:
    assert max(ocr.prepare(picture((400, 300))).size) >= ocr.SMALL_SIDE
    assert max(ocr.prepare(picture((4000, 3000))).size) == ocr.OCR_SIDE
    assert ocr.prepare(picture()).mode == "L"


@needs_tesseract
def test_inspect_image_combines_metadata_faces_and_text(tmp_path: Path) -> None:
    img = two_faces((1000, 750))
    banner = text_image(["Client review meeting"], size=(1000, 120))
    img.paste(banner, (0, 630))
    path = tmp_path / "team.jpg"
    img.save(path, "JPEG", exif=identifying_exif(), quality=92)
    result = inspect_image(path)
    assert result.name == "team.jpg"
    assert result.faces == 2
    assert result.faces_checked and result.ocr_checked
    assert "client review meeting" in result.ocr_text.lower()
    assert {e.source for e in result.evidence} == {"image:team.jpg"}
    rules = {(e.rule, e.severity) for e in result.evidence}
    assert ("SM502", Severity.WARNING) in rules
    assert ("SM102", Severity.WARNING) in rules


def test_inspect_image_shallow_skips_pixels(tmp_path: Path) -> None:
    result = inspect_image(gps_jpeg(tmp_path / "p.jpg"), deep=False)
    assert result.ocr_text == "" and result.faces == 0
    assert not result.ocr_checked and not result.faces_checked
    assert any(e.rule == "SM502" for e in result.evidence)


def test_inspect_image_without_tesseract_says_text_was_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(_image: Image.Image) -> str:
        raise ocr.OcrUnavailableError("Tesseract is not installed")

    monkeypatch.setattr(ocr, "read_text", missing)
    result = inspect_image(gps_jpeg(tmp_path / "p.jpg"))
    assert not result.ocr_checked
    assert result.faces_checked
    assert any("not checked" in note for note in result.notes)


def test_inspect_image_reports_extension_lie(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    picture().save(path, "PNG")
    result = inspect_image(path, deep=False)
    assert "photo.jpg is really a PNG" in result.notes
