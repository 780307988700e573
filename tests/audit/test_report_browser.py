"""The report as a person sees it: rendered by headless Chromium (Debian's), never fetched from the net.

Needs the Python package ``playwright`` and the Debian package ``chromium``; skipped with the reason
when either is missing. ``playwright install`` is never run: the system browser is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from postguard.audit.model import AuditResult
from postguard.audit.report import MAX_CARDS, render_report

pytestmark = pytest.mark.slow

HEADINGS = [
    "Summary",
    "Delete or edit first",
    "Signs your account may have been taken over",
    "Findings by rule",
    "Over time",
    "Your profile as a client would see it",
    "Personal and professional",
    "What could not be checked",
]


def open_report(
    browser: Any, result: AuditResult, tmp_path: Path, width: int = 1100
) -> tuple[Any, list[str]]:
    """The report written to a file and opened; returns the page and every request and console error."""
    path = tmp_path / "report.html"
    path.write_text(render_report(result), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    events: list[str] = []
    page.on("request", lambda request: events.append(f"request {request.url}"))
    page.on("console", lambda message: events.append(f"console {message.type}: {message.text}"))
    page.on("pageerror", lambda error: events.append(f"error {error}"))
    page.goto(path.as_uri())
    return page, events


def test_report_renders_in_chromium(browser: Any, report_result: AuditResult, tmp_path: Path) -> None:
    page, events = open_report(browser, report_result, tmp_path)
    try:
        for heading in HEADINGS:
            assert page.get_by_role("heading", name=heading, level=2, exact=True).is_visible(), heading
        chart = page.locator("#timeline svg[role=img]")
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        dated = [k for k in report_result.timeline if k != "unknown"]
        assert page.locator("#timeline svg g.month").count() == len(dated)
        posts = {(f.platform, f.post_id) for f in report_result.priority}
        assert page.locator("#priority article.card").count() == len(posts)
        assert page.locator("#priority mark").first.is_visible()
        assert page.locator("#takeover .incident").count() == len(report_result.incidents)
        assert "&lt;script&gt;" not in page.locator("#priority").inner_text()
        assert "<script>alert(1)</script>" in page.locator("#priority").inner_text()  # shown as text
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 20_000
        # nothing fetched but the file itself, no script ran, no CSP complaint
        assert events == [f"request {(tmp_path / 'report.html').as_uri()}"], events
    finally:
        page.close()


def test_report_caps_cards_and_reads_on_a_phone(
    browser: Any, report_long: AuditResult, tmp_path: Path
) -> None:
    page, _ = open_report(browser, report_long, tmp_path, width=390)
    try:
        assert page.locator("#priority article.card").count() == MAX_CARDS
        assert page.get_by_text("80 more posts").is_visible()
        # the page does not scroll sideways on a phone (the chart scrolls inside its own box)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        box = page.locator("#timeline svg").bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        assert page.locator("#timeline svg g.month").count() == 200
        page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    finally:
        page.close()


def test_empty_report_in_chromium(browser: Any, report_empty: AuditResult, tmp_path: Path) -> None:
    page, _ = open_report(browser, report_empty, tmp_path)
    try:
        for heading in HEADINGS:
            assert page.get_by_role("heading", name=heading, level=2, exact=True).is_visible(), heading
        assert page.locator("#priority article.card").count() == 0
        assert page.locator("svg").count() == 0
        assert page.get_by_text("No posts found to check").is_visible()
    finally:
        page.close()


def test_report_prints(browser: Any, report_result: AuditResult, tmp_path: Path) -> None:
    page, _ = open_report(browser, report_result, tmp_path)
    try:
        page.emulate_media(media="print")
        assert not page.locator("nav.toc").is_visible()
        assert page.get_by_role("heading", name="Delete or edit first", level=2).is_visible()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        page.close()
