"""The abuse log page in headless Chromium: add an incident with a screenshot, see it on the
timeline, check the log and download a bundle that verifies."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from test_web_evidence import png_bytes
from web_helpers import screenshot

from postguard.evidence import check_bundle

sync_api = pytest.importorskip("playwright.sync_api", exc_type=ImportError)
expect = sync_api.expect

pytestmark = pytest.mark.slow


def test_add_see_check_and_export(page: Any, live_server: Any, tmp_path: Path) -> None:
    shot = tmp_path / "reply.png"
    shot.write_bytes(png_bytes(size=(640, 360)))
    broken = tmp_path / "broken.png"
    broken.write_bytes(shot.read_bytes()[:900])
    page.goto(f"{live_server.url}/evidence")
    expect(page.locator("#timeline-status")).to_have_text(
        "Nothing recorded yet. When you add an incident it appears here."
    )

    page.get_by_label("Where it happened", exact=True).fill("Instagram")
    page.get_by_label("Who sent or posted it", exact=True).fill("@angry.account")
    page.get_by_label("Link to the post, message or profile", exact=True).fill(
        "https://instagram.com/p/abc123"
    )
    page.get_by_label("When it happened", exact=True).fill("2026-01-20T21:14")
    page.get_by_label("What they wrote", exact=True).fill(
        "Nobody should trust a therapist like you. I know where you work."
    )
    page.get_by_label("Screenshots", exact=True).set_input_files([shot, broken])
    expect(page.get_by_role("button", name="Remove reply.png")).to_be_visible()
    page.get_by_label("Your note", exact=True).fill("Came after my post about waiting lists.")
    page.get_by_role("button", name="Save to the log").click()
    expect(page.locator("#add-status")).to_have_text(
        "Not saved: The screenshot 'broken.png' is a damaged image (image file is truncated), "
        "so nothing was saved: please take it again or choose another file."
    )
    page.get_by_role("button", name="Remove broken.png").click()
    page.get_by_role("button", name="Save to the log").click()

    expect(page.locator("#add-status")).to_contain_text("Saved as entry 1 in your log, with 1 screenshot")
    expect(page.get_by_label("Where it happened", exact=True)).to_have_value("")
    entry = page.locator('#timeline li[data-entry="1"]')
    expect(entry).to_contain_text("Instagram")
    expect(entry).to_contain_text("@angry.account")
    expect(entry).to_contain_text("I know where you work.")
    expect(entry).to_contain_text("20 Jan 2026")
    thumb = entry.get_by_role("img", name="Screenshot 1 of entry 1: reply.png")
    expect(thumb).to_be_visible()
    assert thumb.evaluate("img => img.complete && img.naturalWidth") == 480

    page.get_by_role("button", name="Check the log").click()
    expect(page.locator("#verify-result")).to_contain_text(
        "The log has not been changed: its 1 entry and 1 file are exactly"
    )

    page.get_by_role("radio", name="Police").check()
    page.get_by_label("Your name, for the report", exact=True).fill("Dr Sam Taylor")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the bundle").click()
    download = info.value
    assert download.suggested_filename.startswith("postguard-evidence-police-")
    saved = tmp_path / "downloaded" / download.suggested_filename
    download.save_as(saved)
    result = check_bundle(saved)
    assert result.intact and result.audience == "police" and result.entries == 1
    expect(page.locator("#export-status")).to_contain_text("1 incident, prepared for the police.")
    screenshot(page, "evidence")

    conn = sqlite3.connect(live_server.state.home / "evidence.sqlite3", isolation_level=None)
    conn.execute("DROP TRIGGER entries_append_only_update")
    conn.execute("UPDATE entries SET content = replace(content, 'where you work', 'what you do')")
    conn.close()
    page.get_by_role("button", name="Check the log").click()
    expect(page.locator("#verify-result")).to_contain_text(
        "The log has been changed outside postguard: 1 problem (entry 1)"
    )
    expect(page.locator("#verify-result li")).to_have_text(
        "Entry 1: its content does not match its recorded hash."
    )
    expect(page.locator('#timeline li[data-entry="1"] .entry-problem')).to_have_text(
        "The check found: its content does not match its recorded hash."
    )
    screenshot(page, "evidence-changed")
