"""The check, rules, settings and docs pages as a clinician sees them, in headless Chromium
(Debian's): the words underlined are the findings' words, emoji before them or not."""

from __future__ import annotations

from typing import Any

import pytest
from web_helpers import LiveServer, screenshot

pytestmark = pytest.mark.slow

POSTS = [
    "💜🙏 So proud of my 9am client today! Jess, a 34 year old teacher from Otley, finally got on the bus alone 🚌",
    "🇬🇧👩‍⚕️ Lovely shift.\n@cbt_sceptic you are clueless, STOP posting rubbish!!!",
]


def _expected(live_server: LiveServer, text: str) -> list[str]:
    report = live_server.state.check(text)
    return [
        f.excerpt or "" for f in sorted(report.findings, key=lambda f: f.start or 0) if f.source == "text"
    ]


@pytest.mark.parametrize("post", POSTS)
def test_the_check_page_underlines_the_findings_words(page: Any, live_server: LiveServer, post: str) -> None:
    from playwright.sync_api import expect

    expected = _expected(live_server, post)
    assert expected, "the post should have findings"
    draft = page.get_by_label("Your draft post")
    draft.fill(post)
    marks = page.locator("#highlights mark")
    expect(marks).to_have_count(len(expected), timeout=30_000)
    assert marks.all_inner_texts() == expected
    expect(page.locator("#verdict")).not_to_have_text("Nothing checked yet.")
    assert page.locator("#findings li.finding").count() >= len(expected)
    screenshot(page, f"check-{POSTS.index(post)}")


def test_typing_more_repaints_and_the_safer_version_is_copied(page: Any, live_server: LiveServer) -> None:
    from playwright.sync_api import expect

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    draft = page.get_by_label("Your draft post")
    draft.press_sequentially("Had a lovely walk by the river 🌳", delay=5)
    expect(page.locator("#verdict")).to_contain_text("OK to post", timeout=30_000)
    expect(page.locator("#highlights mark")).to_have_count(0)
    draft.press_sequentially(" with my client Jess, a 34 year old teacher from Otley", delay=5)
    expect(page.locator("#verdict")).to_contain_text("Don't post", timeout=30_000)
    expect(page.locator("#highlights mark.sev-high")).to_have_count(1)
    assert "SM101" in page.locator("#findings").inner_text()
    assert "identity" in page.locator("#findings blockquote").first.inner_text()
    page.get_by_role("button", name="Copy the safer version").click()
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    safer = page.evaluate("navigator.clipboard.readText()")
    assert (
        "Jess" not in safer
        and "Otley" not in safer
        and safer.startswith("Had a lovely walk by the river 🌳 with my client [a client]")
    )


def test_the_other_pages_render_and_work(page: Any, live_server: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/rules")
    expect(page.get_by_role("heading", name="What postguard checks")).to_be_visible()
    page.get_by_role("link", name="Client could be identified").click()
    expect(page.get_by_role("heading", name="What the policy says")).to_be_visible()
    screenshot(page, "rule")
    page.goto(f"{live_server.url}/settings")
    page.get_by_label("Credentials you hold").fill("BABCP accredited")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#profile-status")).to_have_text("Saved.")
    page.get_by_label("A client's name").fill("Kerry-Ann Booth")
    page.get_by_role("button", name="Add to the watch-list").click()
    expect(page.locator("#watch-count")).to_have_text("1")
    assert page.get_by_label("A client's name").input_value() == ""
    screenshot(page, "settings")
    page.goto(f"{live_server.url}/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=30_000)
    screenshot(page, "docs")
    stranger = browser.new_context()
    try:
        other = stranger.new_page()
        other.goto(f"{live_server.url}/")
        expect(other.get_by_role("heading", name="Open postguard from its link")).to_be_visible()
    finally:
        stranger.close()
