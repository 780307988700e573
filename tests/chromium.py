"""Debian's Chromium for the browser tests, headless and never downloaded (``playwright install``
is never run): one place for where it is, how it is started, and the skip when it is missing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def sync_api() -> ModuleType:
    """Playwright's sync API; the calling test is skipped, with the reason, without it or Chromium."""
    api = pytest.importorskip(
        "playwright.sync_api",
        reason="the Python package playwright is not installed (pip install playwright)",
        exc_type=ImportError,
    )
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    return api


@contextmanager
def launched() -> Iterator[Any]:
    """A headless Chromium, closed afterwards."""
    with sync_api().sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
