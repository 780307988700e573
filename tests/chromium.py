"""Debian's Chromium for the browser tests, headless and never downloaded (``playwright install``
is never run): one place for where it is, how it is started, and the skip when it is missing; and
the app on a live loopback port for the browser to open."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import pytest
import uvicorn

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


def serve_in_thread(app: Any, sock: socket.socket) -> Callable[[], None]:
    """An ASGI app served by uvicorn on a bound loopback socket, in a daemon thread; returns stop."""
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    return stop
