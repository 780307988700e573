"""The audit page in headless Chromium: an export chosen in the file picker and followed to its
report in the page's frame (no CSP error on the way), an audit that read nothing shown as such and
never as a clean account, and the Cancel button."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest
from test_web_audits import X_ARCHIVE, hold, zipped  # noqa: F401 (hold is a fixture)
from web_helpers import SCREENSHOTS, screenshot

pytestmark = pytest.mark.slow
sync_api = pytest.importorskip("playwright.sync_api", exc_type=ImportError)
expect = sync_api.expect


def console_errors(page: Any) -> list[str]:
    """Errors the page logs (a CSP violation among them); the browser's own favicon.ico request,
    which the app does not serve, is not the page's."""
    errors: list[str] = []

    def record(message: Any) -> None:
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            errors.append(message.text)

    page.on("console", record)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def screenshot_with_report(page: Any, name: str) -> None:
    """The page's screenshot with the report painted in its frame: Chromium leaves a cross-origin
    frame (the sandboxed report is one) unpainted while off-screen, and an element screenshot
    scrolls it into view and waits for it."""
    if SCREENSHOTS is not None:
        page.locator("#report").screenshot()
    screenshot(page, name)


def test_an_uploaded_export_is_followed_to_its_report(page: Any, live_server: Any, tmp_path: Path) -> None:
    errors = console_errors(page)
    archive = zipped(X_ARCHIVE, tmp_path / "twitter-2024-12-01.zip")
    page.goto(f"{live_server.url}/audit")
    page.set_input_files("#export-file", str(archive))
    expect(page.locator("#chosen")).to_have_text(re.compile(r"^Chosen: twitter-2024-12-01\.zip \(\d+ KB\)$"))
    page.get_by_role("button", name="Start the audit").click()

    expect(page.get_by_role("progressbar", name="Audit progress")).to_be_visible()
    status = page.locator("#progress-text")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("Finished: 29 of 29 posts checked.", timeout=60_000)
    expect(page.get_by_role("button", name="Cancel the audit")).to_be_hidden()
    summary = page.locator("#summary")
    expect(summary.locator(".headline")).to_have_text("1 finding to fix and 4 to review, in 29 posts.")
    expect(summary.locator("dl")).to_contain_text("Posts checked29Findings to fix1Findings to review4")
    expect(page.locator("#alerts")).to_be_empty()
    expect(page.locator("#result-heading")).to_be_focused()

    report = page.frame_locator("#report")
    expect(report.get_by_role("heading", level=1)).to_contain_text("Social media audit")
    expect(report.get_by_role("heading", name="Delete or edit first")).to_be_visible()
    link = page.get_by_role("link", name="Open the full report in a new tab")
    expect(link).to_have_attribute("href", re.compile(r"^/audit/[0-9a-f]{32}/report$"))
    screenshot_with_report(page, "audit")
    assert not errors, errors


def test_an_audit_that_read_nothing_is_never_shown_as_clean(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    """A Mastodon archive whose outbox states 1,586 activities but holds none that can be read."""
    errors = console_errors(page)
    export = tmp_path / "mastodon-archive"
    export.mkdir()
    (export / "actor.json").write_text(json.dumps({"type": "Person", "preferredUsername": "sam"}))
    (export / "outbox.json").write_text(
        json.dumps({"type": "OrderedCollection", "totalItems": 1586, "orderedItems": []})
    )
    page.goto(f"{live_server.url}/audit")
    page.get_by_label("Or type where it is on this computer").fill(str(export))
    page.keyboard.press("Enter")

    alert = page.get_by_role("alert").filter(has_text="Not a clean result: nothing was read.")
    expect(alert).to_be_visible(timeout=60_000)
    expect(alert).to_contain_text("No posts were read from this export")
    expect(page.locator("#progress-text")).to_have_text(
        "Finished, but no posts could be read from this export."
    )
    expect(page.locator("#run-heading")).to_have_text("Audited mastodon-archive")
    expect(page.locator("#summary dl")).to_contain_text("Posts checked0")
    expect(page.locator("#summary")).not_to_contain_text("No problems found")
    report = page.frame_locator("#report")
    expect(report.get_by_text("No posts found to check in this export")).to_be_visible()
    screenshot_with_report(page, "audit-read-nothing")

    page.reload()  # the tab comes back to the audit it followed
    expect(alert).to_be_visible()
    assert not errors, errors


def test_the_cancel_button_stops_the_audit(
    page: Any,
    live_server: Any,
    hold: tuple[threading.Event, threading.Event],  # noqa: F811
) -> None:
    reached, release = hold
    page.goto(f"{live_server.url}/audit")
    page.get_by_label("Or type where it is on this computer").fill(str(X_ARCHIVE))
    page.get_by_role("button", name="Start the audit").click()
    assert reached.wait(60)
    cancel = page.get_by_role("button", name="Cancel the audit")
    cancel.click()
    expect(page.locator("#progress-text")).to_have_text("Stopping the audit…")
    release.set()  # the audit stops at its next batch; its worker process is waited for, so allow time
    cancelled = "The audit was cancelled. Nothing from it was kept."
    expect(page.locator("#progress-text")).to_have_text(cancelled, timeout=30_000)
    expect(cancel).to_be_hidden()
    expect(page.get_by_role("button", name="Start the audit")).to_be_enabled()


def test_a_file_dropped_on_the_zone_is_chosen(page: Any, live_server: Any, tmp_path: Path) -> None:
    archive = zipped(X_ARCHIVE, tmp_path / "dropped.zip")
    page.goto(f"{live_server.url}/audit")
    dropped = page.evaluate_handle(
        """bytes => {
            const data = new DataTransfer();
            data.items.add(new File([new Uint8Array(bytes)], "dropped.zip", { type: "application/zip" }));
            return data;
        }""",
        list(archive.read_bytes()),
    )
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": dropped})
    expect(page.locator("#chosen")).to_contain_text("Chosen: dropped.zip")
    assert page.eval_on_selector("#export-file", "input => input.files[0].name") == "dropped.zip"
    page.get_by_label("Or type where it is on this computer").fill("/home/sam/export.zip")
    expect(page.locator("#chosen")).to_be_empty()  # one export at a time: the typed one now
    assert page.eval_on_selector("#export-file", "input => input.files.length") == 0
