"""The photos API: what an upload's metadata reveals, a clean copy beside it, and its download."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PIL.ExifTags import IFD
from starlette.testclient import TestClient

from postguard.media import read_metadata
from postguard.web.state import WebState

pytestmark = pytest.mark.skipif(
    shutil.which("exiftool") is None, reason="exiftool not installed (Debian: libimage-exiftool-perl)"
)

LAT, LON = 53.9045, -1.6913  # a field by Otley


def gps_jpeg_bytes() -> bytes:
    """A small phone-like JPEG: GPS position, make and model, serial, owner, capture time."""
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 15"
    exif[0x013B] = "Sam Taylor"
    sub = exif.get_ifd(IFD.Exif)
    sub[0x9003] = "2024:08:14 18:22:05"
    sub[0xA431] = "F2LXK9QWHG7F"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[1], gps[2] = "N", (53.0, 54.0, 16.2)
    gps[3], gps[4] = "W", (1.0, 41.0, 28.68)
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 170, 90)).save(out, "JPEG", quality=80, exif=exif)
    return out.getvalue()


def upload(client: TestClient, data: bytes, name: str = "garden.jpg") -> dict[str, Any]:
    answer = client.post(f"/v1/uploads?name={name}", content=data, headers={"content-type": "image/jpeg"})
    assert answer.status_code == 201, answer.text
    made: dict[str, Any] = answer.json()
    return made


def scrub(client: TestClient, upload_id: str) -> dict[str, Any]:
    answer = client.post(f"/v1/uploads/{upload_id}/scrub", json={})
    assert answer.status_code == 200, answer.text
    made: dict[str, Any] = answer.json()
    return made


def test_metadata_shows_where_the_photo_was_taken(client: TestClient) -> None:
    up = upload(client, gps_jpeg_bytes())
    answer = client.get(f"/v1/uploads/{up['id']}/metadata")
    assert answer.status_code == 200, answer.text
    meta = answer.json()
    assert meta["name"] == "garden.jpg" and meta["type"] == "JPEG" and meta["identifying"]
    location = meta["location"]
    assert location["latitude"] == pytest.approx(LAT, abs=1e-4)
    assert location["longitude"] == pytest.approx(LON, abs=1e-4)
    assert "Otley" in location["place"]
    first = meta["reveals"][0]
    assert first["kind"] == "location" and "near Otley" in first["text"]
    assert meta["device"] == "Apple iPhone 15"
    assert [p["value"] for p in meta["people"]] == ["Sam Taylor"]
    assert meta["serials"][0]["value"] == "F2LXK9QWHG7F"
    assert meta["date"] == "14 August 2024, 18:22"


def test_scrub_writes_a_clean_copy_and_leaves_the_original(
    client: TestClient, state: WebState, tmp_path: Path
) -> None:
    up = upload(client, gps_jpeg_bytes())
    assert client.get(f"/v1/uploads/{up['id']}/clean").status_code == 409

    cleaned = scrub(client, up["id"])
    assert cleaned["before"]["location"] is not None
    assert cleaned["after"]["location"] is None
    assert cleaned["after"]["identifying"] is False and cleaned["after"]["reveals"] == []
    assert "GPS" in cleaned["removed"] and "GPS" in cleaned["removed_summary"]
    assert cleaned["clean"]["name"] == "garden-clean.jpg"

    download = client.get(cleaned["clean"]["url"])
    assert download.status_code == 200
    assert download.headers["content-type"] == "image/jpeg"
    assert download.headers["content-disposition"] == 'attachment; filename="garden-clean.jpg"'
    assert download.headers["cache-control"] == "no-store"
    assert hashlib.sha256(download.content).hexdigest() == cleaned["clean"]["sha256"]
    saved = tmp_path / "downloaded.jpg"
    saved.write_bytes(download.content)
    meta = read_metadata(saved)
    assert meta.gps is None and meta.people == () and meta.serials == () and meta.device is None
    with Image.open(saved) as img:
        exif = img.getexif()
        assert IFD.GPSInfo not in exif and 0x013B not in exif

    original = state.uploads.path(up["id"])
    assert hashlib.sha256(original.read_bytes()).hexdigest() == up["sha256"]
    again = client.get(f"/v1/uploads/{up['id']}/metadata").json()
    assert again["location"] is not None  # the upload itself still has its GPS


def test_the_clean_copy_is_named_for_what_the_file_really_is(client: TestClient) -> None:
    up = upload(client, gps_jpeg_bytes(), name="holiday.png")
    cleaned = scrub(client, up["id"])
    assert cleaned["clean"]["name"] == "holiday-clean.jpg"
    download = client.get(cleaned["clean"]["url"])
    assert download.headers["content-type"] == "image/jpeg"
    assert 'filename="holiday-clean.jpg"' in download.headers["content-disposition"]


def test_a_broken_photo_is_one_clear_sentence_naming_it(client: TestClient, state: WebState) -> None:
    data = gps_jpeg_bytes()
    up = upload(client, data[: len(data) * 2 // 3], name="cut short.jpg")  # starts like a JPEG
    for answer in (
        client.get(f"/v1/uploads/{up['id']}/metadata"),
        client.post(f"/v1/uploads/{up['id']}/scrub", json={}),
    ):
        assert answer.status_code == 422
        error = answer.json()["error"]
        assert error.startswith("cut short.jpg is ") and "corrupted" in error
        assert str(state.uploads.root) not in error and "\n" not in error
    assert client.get(f"/v1/uploads/{up['id']}/clean").status_code == 409

    text = client.post(
        "/v1/uploads?name=notes.jpg", content=b"dear diary", headers={"content-type": "image/jpeg"}
    )
    assert text.status_code == 415
    assert text.json()["error"].startswith("notes.jpg is a text file, not an image")


def test_unknown_uploads_unknown_options_and_strangers_are_refused(
    client: TestClient, anonymous: TestClient
) -> None:
    for bad in ("0" * 32, "not-an-id"):
        assert client.get(f"/v1/uploads/{bad}/metadata").status_code == 404
        assert client.post(f"/v1/uploads/{bad}/scrub", json={}).status_code == 404
        assert client.get(f"/v1/uploads/{bad}/clean").status_code == 404
    up = upload(client, gps_jpeg_bytes())
    assert client.post(f"/v1/uploads/{up['id']}/scrub", json={"keep": "gps"}).status_code == 422
    for answer in (
        anonymous.get(f"/v1/uploads/{up['id']}/metadata"),
        anonymous.post(f"/v1/uploads/{up['id']}/scrub", json={}),
        anonymous.get(f"/v1/uploads/{up['id']}/clean"),
    ):
        assert answer.status_code == 401


def test_deleting_the_upload_deletes_its_clean_copy(client: TestClient) -> None:
    up = upload(client, gps_jpeg_bytes())
    scrub(client, up["id"])
    assert client.delete(f"/v1/uploads/{up['id']}").status_code == 204
    assert client.get(f"/v1/uploads/{up['id']}/clean").status_code == 404


def test_the_photos_page_has_a_labelled_file_input(page_client: TestClient) -> None:
    answer = page_client.get("/photos")
    assert answer.status_code == 200
    assert (
        '<label for="photo-input"' in answer.text and 'id="photo-input" type="file" multiple' in answer.text
    )
    assert 'aria-live="polite"' in answer.text and "/static/photos.js" in answer.text
