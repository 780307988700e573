"""scrub(): clean copies with nothing identifying left, verified independently with ExifTool."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from mediafixtures import (
    bad_entry_gps_jpeg,
    damaged_exif_jpeg,
    exiftool_tags,
    gps_jpeg,
    heic,
    identifying_exif,
    needs_exiftool,
    picture,
    sha256,
    text_png,
    tiff,
    webp,
)
from PIL import Image, ImageOps

from postguard.errors import InputError
from postguard.media import scrub as scrub_mod
from postguard.media.scrub import ExiftoolMissingError, scrub

pytestmark = needs_exiftool

IDENTIFYING = (
    "GPS",
    "Serial",
    "Artist",
    "DateTimeOriginal",
    "CreateDate",
    "OwnerName",
    "Copyright",
    "Creator",
    "By-line",
    "Make",
    "Model",
    "Author",
    "Comment",
    "City",
)
IGNORED_GROUPS = ("SourceFile", "ExifTool", "System", "Composite")


def assert_clean(path: Path) -> dict[str, Any]:
    tags = exiftool_tags(path)
    stored = {k: v for k, v in tags.items() if k.split(":")[0] not in IGNORED_GROUPS}
    groups = {k.split(":")[0] for k in stored}
    for forbidden in ("GPS", "XMP", "IPTC", "Photoshop", "MakerNotes", "ExifIFD"):
        assert not [g for g in groups if g.startswith(forbidden)], (forbidden, stored)
    for key in stored:
        tag = key.split(":", 1)[1]
        if key.startswith("File:") and tag != "Comment":
            continue
        if key.startswith("ICC"):  # the colour profile is kept on purpose
            continue
        assert not any(word in tag for word in IDENTIFYING), (key, stored)
    return tags


def test_jpeg_scrub_removes_everything_identifying(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "holiday.jpg")
    before = exiftool_tags(source)
    assert "GPS:GPSLatitude" in before and "IPTC:By-line" in before and "XMP-dc:Creator" in before
    out = tmp_path / "clean"
    [result] = scrub([source], out)
    assert result.ok, result.error
    assert result.output == out / "holiday.jpg"
    assert_clean(result.output)
    assert "GPS" in result.removed
    assert "Artist" in result.removed["IFD0"]
    assert "DateTimeOriginal" in result.removed["ExifIFD"]
    assert any(g.startswith("XMP") for g in result.removed)
    assert "IPTC" in result.removed


def test_original_is_never_touched(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg")
    digest = sha256(source)
    mtime = source.stat().st_mtime_ns
    scrub([source], tmp_path / "out")
    assert sha256(source) == digest
    assert source.stat().st_mtime_ns == mtime


def test_jpeg_pixels_are_not_reencoded(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg", size=(640, 480), quality=75)
    [result] = scrub([source], tmp_path / "out")
    assert result.output is not None
    with Image.open(source) as a, Image.open(result.output) as b:
        assert a.tobytes() == b.tobytes()


def test_orientation_is_kept_so_the_photo_stays_upright(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "rotated.jpg", orientation=6)
    [result] = scrub([source], tmp_path / "out")
    assert result.output is not None
    tags = assert_clean(result.output)
    assert tags["IFD0:Orientation"] == 6
    assert "IFD0:Orientation" in result.kept
    with Image.open(source) as a, Image.open(result.output) as b:
        upright_a = ImageOps.exif_transpose(a)
        upright_b = ImageOps.exif_transpose(b)
        assert upright_a.size == upright_b.size == (240, 320)
        assert upright_a.tobytes() == upright_b.tobytes()


def test_heic_scrub(tmp_path: Path) -> None:
    source = heic(tmp_path / "IMG_0002.HEIC", orientation=6)
    assert "GPS:GPSLatitude" in exiftool_tags(source)
    [result] = scrub([source], tmp_path / "out")
    assert result.ok, result.error
    assert result.output is not None
    assert_clean(result.output)
    import pillow_heif

    pillow_heif.register_heif_opener()
    with Image.open(source) as a, Image.open(result.output) as b:
        assert a.size == b.size
        assert a.tobytes() == b.tobytes()


@pytest.mark.parametrize("make", [text_png, tiff, webp], ids=["png", "tiff", "webp"])
def test_other_formats_scrub_clean(tmp_path: Path, make: Any) -> None:
    suffix = {"text_png": ".png", "tiff": ".tif", "webp": ".webp"}[make.__name__]
    source = make(tmp_path / f"img{suffix}")
    [result] = scrub([source], tmp_path / "out")
    assert result.ok, result.error
    assert result.output is not None
    assert result.removed_count > 0
    assert_clean(result.output)
    with Image.open(source) as a, Image.open(result.output) as b:
        assert a.tobytes() == b.tobytes()


def test_batch_goes_on_past_broken_files(tmp_path: Path) -> None:
    good1 = gps_jpeg(tmp_path / "a.jpg")
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    liar = tmp_path / "notes.jpg"
    liar.write_text("not a photo")
    good2 = heic(tmp_path / "b.heic")
    out = tmp_path / "out"
    results = scrub([good1, empty, liar, good2], out)
    assert [r.ok for r in results] == [True, False, False, True]
    assert results[1].error is not None and "empty.jpg" in results[1].error
    assert results[2].error is not None and "notes.jpg" in results[2].error
    # nothing partial, no temporary folder left behind
    assert sorted(p.name for p in out.iterdir()) == ["a.jpg", "b.heic"]


def test_extension_lie_is_scrubbed_under_its_own_name(tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x013B] = "Someone"
    picture().save(source, "PNG", exif=exif)
    [result] = scrub([source], tmp_path / "out")
    assert result.ok, result.error
    assert result.output == tmp_path / "out" / "photo.jpg"
    assert "photo.jpg is really a PNG" in result.notes
    assert result.output.read_bytes()[:4] == b"\x89PNG"
    assert_clean(result.output)


def test_refuses_to_overwrite_the_original(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg")
    digest = sha256(source)
    [result] = scrub([source], tmp_path)
    assert not result.ok
    assert result.error is not None and "overwrite the original" in result.error
    assert sha256(source) == digest
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".postguard")]


def test_two_photos_with_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = gps_jpeg(tmp_path / "x" / "same.jpg")
    b = gps_jpeg(tmp_path / "y" / "same.jpg")
    results = scrub([a, b], tmp_path / "out")
    assert results[0].ok
    assert not results[1].ok and "same name" in (results[1].error or "")


def test_existing_clean_copy_is_replaced(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg")
    out = tmp_path / "out"
    out.mkdir()
    (out / "p.jpg").write_bytes(b"old")
    [result] = scrub([source], out)
    assert result.ok
    assert (out / "p.jpg").read_bytes() != b"old"


def test_out_dir_that_is_a_file(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg")
    blocker = tmp_path / "out"
    blocker.write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        scrub([source], blocker)


def test_out_dir_is_created(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg")
    [result] = scrub([source], tmp_path / "new" / "deep")
    assert result.ok and result.output is not None and result.output.exists()


def test_verification_refuses_a_copy_that_still_holds_gps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a broken strip step (here: stripping nothing) must never publish the copy
    monkeypatch.setattr(scrub_mod, "STRIP_ARGS", ("-Software=postguard-test",))
    source = gps_jpeg(tmp_path / "p.jpg")
    out = tmp_path / "out"
    [result] = scrub([source], out)
    assert not result.ok
    assert result.error is not None and "GPS" in result.error
    assert list(out.iterdir()) == []


def test_missing_exiftool_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(ExiftoolMissingError, match="libimage-exiftool-perl"):
        scrub([tmp_path / "p.jpg"], tmp_path / "out")


def test_result_to_dict(tmp_path: Path) -> None:
    [result] = scrub([gps_jpeg(tmp_path / "p.jpg")], tmp_path / "out")
    data = result.to_dict()
    assert data["ok"] is True and data["error"] is None
    assert data["file"].endswith("p.jpg") and data["output"].endswith("p.jpg")
    assert "GPS" in data["removed"]
    assert data["removed_count"] == result.removed_count


@pytest.mark.parametrize("make", [damaged_exif_jpeg, bad_entry_gps_jpeg], ids=["block", "entry"])
def test_damaged_exif_is_still_scrubbed(tmp_path: Path, make: Any) -> None:
    source = make(tmp_path / "damaged.jpg")
    [result] = scrub([source], tmp_path / "out")
    assert result.ok, result.error
    assert result.output is not None
    assert_clean(result.output)


def test_colour_profile_is_kept(tmp_path: Path) -> None:
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    source = tmp_path / "wide_gamut.jpg"
    picture().save(source, "JPEG", icc_profile=icc, exif=identifying_exif())
    [result] = scrub([source], tmp_path / "out")
    assert result.ok, result.error
    assert result.output is not None
    assert any(k.startswith("ICC") for k in result.kept)
    assert_clean(result.output)
    with Image.open(result.output) as clean:
        assert clean.info.get("icc_profile") == icc
