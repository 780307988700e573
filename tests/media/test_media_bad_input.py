"""Broken and hostile files: each gives one InputError line naming the file, never a crash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mediafixtures import bomb_png, gps_jpeg, heic, picture, truncated, webp

from postguard.errors import InputError
from postguard.media import inspect_image
from postguard.media.metadata import read_metadata


def assert_input_error(path: Path, *words: str) -> str:
    with pytest.raises(InputError) as info:
        read_metadata(path)
    message = str(info.value)
    assert path.name in message
    assert "\n" not in message
    for word in words:
        assert word in message
    return message


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jpg"
    path.write_bytes(b"")
    assert_input_error(path, "empty")


def test_truncated_jpeg(tmp_path: Path) -> None:
    whole = gps_jpeg(tmp_path / "whole.jpg", size=(640, 480))
    assert_input_error(truncated(whole, tmp_path / "cut.jpg"), "truncated")


def test_jpeg_cut_inside_its_headers(tmp_path: Path) -> None:
    whole = gps_jpeg(tmp_path / "whole.jpg")
    path = tmp_path / "stub.jpg"
    path.write_bytes(whole.read_bytes()[:40])
    assert_input_error(path)


def test_text_file_named_jpg(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("Dear client, see you on Tuesday.\n")
    assert_input_error(path, "not an image")


def test_random_bytes_named_png(tmp_path: Path) -> None:
    path = tmp_path / "noise.png"
    path.write_bytes(os.urandom(2048))
    assert_input_error(path, "not an image")


def test_decompression_bomb_png_header(tmp_path: Path) -> None:
    message = assert_input_error(bomb_png(tmp_path / "bomb.png"), "decompression bomb")
    assert "megapixels" in message


def test_moderate_bomb_between_pillow_warning_and_error(tmp_path: Path) -> None:
    # above postguard's limit but below twice it: Pillow only warns; still a clean error
    assert_input_error(bomb_png(tmp_path / "big.png", 15_000, 15_000), "decompression bomb")


def test_absurdly_wide_image(tmp_path: Path) -> None:
    assert_input_error(bomb_png(tmp_path / "wide.png", 70_000, 10), "too large")


def test_truncated_png(tmp_path: Path) -> None:
    whole = tmp_path / "whole.png"
    picture((400, 300)).save(whole, "PNG")
    assert_input_error(truncated(whole, tmp_path / "cut.png"), "truncated")


def test_truncated_heic(tmp_path: Path) -> None:
    whole = heic(tmp_path / "whole.heic")
    assert_input_error(truncated(whole, tmp_path / "cut.heic", 0.7))


def test_truncated_webp(tmp_path: Path) -> None:
    whole = webp(tmp_path / "whole.webp")
    assert_input_error(truncated(whole, tmp_path / "cut.webp", 0.7), "truncated")


def test_truncated_tiff(tmp_path: Path) -> None:
    whole = tmp_path / "whole.tif"
    picture((400, 300)).save(whole, "TIFF")
    assert_input_error(truncated(whole, tmp_path / "cut.tif", 0.5), "truncated")


def test_missing_file(tmp_path: Path) -> None:
    assert_input_error(tmp_path / "nowhere.jpg", "no such file")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "album.jpg"
    folder.mkdir()
    assert_input_error(folder, "folder")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = gps_jpeg(tmp_path / "locked.jpg")
    path.chmod(0)
    try:
        assert_input_error(path, "permission denied")
    finally:
        path.chmod(0o644)


def test_unsupported_format_is_named(tmp_path: Path) -> None:
    path = tmp_path / "anim.gif"
    picture().save(path, "GIF")
    assert_input_error(path, "GIF")


def test_extension_that_lies_is_reported_and_still_read(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    picture().save(path, "PNG")
    meta = read_metadata(path)
    assert meta.format == "PNG"
    assert meta.extension_mismatch == "photo.jpg is really a PNG"
    assert "photo.jpg is really a PNG" in meta.notes


def test_corrupted_scan_data_fails_on_decode(tmp_path: Path) -> None:
    path = gps_jpeg(tmp_path / "garbled.jpg", size=(640, 480), quality=95)
    data = bytearray(path.read_bytes())
    # destroy the middle of the entropy-coded data, keep the end marker
    start = len(data) // 3
    data[start : start + 4000] = b"\xff" * 4000
    path.write_bytes(bytes(data))
    with pytest.raises(InputError) as info:
        inspect_image(path)
    assert "garbled.jpg" in str(info.value)


def test_permission_denied_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = gps_jpeg(tmp_path / "private.jpg")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "private.jpg":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    assert_input_error(path, "permission denied")
