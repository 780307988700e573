"""The offline fixture composers (tests/extension/fixtures/) that the extension tests type into.

Each page mounts its real editor engine, takes typed text with an emoji, undoes with Ctrl+Z as the
library does, and loads nothing but its own files from 127.0.0.1. Needs the Python package
``playwright`` and Debian's ``chromium``; skipped with the reason when either is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fixtures.serve import serve

from chromium import sync_api

pytestmark = pytest.mark.slow

# page -> the editor root, by the marker the extension recognises it by
PAGES = {
    "textarea.html": "textarea.autosuggest-textarea__textarea",
    "contenteditable.html": 'div[contenteditable="true"][role="textbox"]',
    "draft.html": ".public-DraftEditor-content",
    "prosemirror.html": ".ProseMirror",
    "lexical.html": '[data-lexical-editor="true"]',
    "quill.html": ".ql-container > .ql-editor",
}
TYPED = "Hello 💜 world"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    url, stop = serve()
    try:
        yield url
    finally:
        stop()


def composer_text(page: Any) -> str:
    text = page.evaluate("window.__composerText()")
    assert isinstance(text, str)
    return text


@pytest.mark.parametrize("name", PAGES)
def test_fixture_composer_types_and_undoes(browser: Any, base_url: str, name: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: problems.append(f"error {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    try:
        page.goto(f"{base_url}/{name}")
        page.wait_for_function("window.__composerReady === true", timeout=10_000)
        editor = page.locator(PAGES[name])
        sync_api().expect(editor).to_have_count(1)
        assert composer_text(page) == ""

        editor.click()
        editor.press_sequentially(TYPED)
        typed = composer_text(page)
        assert TYPED in typed
        # what the editor's DOM shows agrees with the library's own state
        shown = editor.input_value() if name == "textarea.html" else editor.inner_text()
        assert TYPED in shown

        undone = typed
        for _ in range(len(TYPED)):
            page.keyboard.press("Control+Z")
            undone = composer_text(page)
            if undone != typed:
                break
        assert undone != typed, "Ctrl+Z changed nothing"
        assert typed.startswith(undone), (typed, undone)

        assert problems == []
        outside = [
            url for url in requests if not url.startswith(f"{base_url}/") and not url.startswith("data:")
        ]
        assert outside == [], outside
        assert f"{base_url}/{name}" in requests
    finally:
        page.close()
