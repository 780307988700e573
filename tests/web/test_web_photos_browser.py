"""The photos page in headless Chromium: photos chosen or dropped are shown, cleaned and downloaded."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_web_photos import gps_jpeg_bytes
from web_helpers import screenshot

from postguard.media import read_metadata

sync_api = pytest.importorskip("playwright.sync_api", exc_type=ImportError)
expect = sync_api.expect

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("exiftool") is None, reason="exiftool not installed"),
]

DROP = """(zone, [name, b64]) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name, { type: "image/jpeg" }));
  for (const type of ["dragenter", "dragover", "drop"]) {
    zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }
}"""


def card(page: Any, name: str) -> Any:
    return page.locator(".photo-card", has=page.get_by_role("heading", name=name, exact=True))


def test_photos_are_shown_cleaned_and_downloaded(page: Any, live_server: Any, tmp_path: Path) -> None:
    garden = tmp_path / "garden.jpg"
    garden.write_bytes(gps_jpeg_bytes())
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo at all")
    page.goto(f"{live_server.url}/photos")

    page.get_by_label("Drop photos here, or choose them from your computer").set_input_files([garden, notes])
    cleaned = card(page, "garden.jpg")
    expect(cleaned).to_contain_text("The GPS position of where it was taken: near Otley")
    expect(cleaned).to_contain_text("Names of people: Sam Taylor")
    expect(cleaned).to_contain_text("Nothing identifying left.")
    expect(card(page, "notes.txt")).to_contain_text("Could not clean this photo: notes.txt is a text file")

    page.locator("#drop-zone").evaluate(DROP, ["dropped.jpg", base64.b64encode(gps_jpeg_bytes()).decode()])
    expect(card(page, "dropped.jpg")).to_contain_text("Nothing identifying left.")
    expect(page.locator("#photos-status")).to_have_text("dropped.jpg: cleaned. Nothing identifying left.")

    with page.expect_download() as info:
        cleaned.get_by_role("link", name="Download the clean copy").click()
    download = info.value
    assert download.suggested_filename == "garden-clean.jpg"
    saved = tmp_path / "downloaded" / download.suggested_filename
    download.save_as(saved)
    meta = read_metadata(saved)
    assert meta.gps is None and meta.people == () and meta.device is None
    screenshot(page, "photos")

    card(page, "notes.txt").get_by_role("button", name="Forget notes.txt").click()
    expect(card(page, "notes.txt")).to_have_count(0)
    expect(page.locator("#photo-input")).to_be_focused()
