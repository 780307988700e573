"""What the extension's tests share: postguard on a live loopback port (recording who called it),
the Playwright thread, and Chromium launched with the extension built, loaded and paired."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chromium import ARGS, CHROMIUM, serve_in_thread
from postguard.web.app import create_app
from postguard.web.security import TOKEN_HEADER
from postguard.web.server import allowed_hosts, bind
from postguard.web.state import WebState

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "extension" / "build.py"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The ID the manifest's ``key`` gives the extension on Chromium (see extension/README.md).
EXTENSION_ID = "aeaogmabiflgjenpmlfhlifjgejaipli"
EXTENSION_ORIGIN = f"chrome-extension://{EXTENSION_ID}"
#: A check of a text holding this word takes SLOW_SECONDS: the stale-answer test's late answer.
SLOW_WORD = "slowpoke"
SLOW_SECONDS = 1.5
#: page -> the editor root, by the marker the extension recognises it by.
COMPOSERS = {
    "textarea": "textarea",
    "contenteditable": 'div[contenteditable="true"][role="textbox"]',
    "draft": ".public-DraftEditor-content",
    "prosemirror": ".ProseMirror",
    "lexical": '[data-lexical-editor="true"]',
    "quill": ".ql-editor",
}


def skip_reason() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install playwright)"
    if not os.access(CHROMIUM, os.X_OK):
        return "Chromium is not installed (Debian: apt-get install chromium)"
    if not (FIXTURES / "serve.py").is_file():
        return "the fixture composers (tests/extension/fixtures/) are missing"
    return None


def families() -> list[str]:
    """The editor families whose fixture page is present."""
    return [name for name in COMPOSERS if (FIXTURES / f"{name}.html").is_file()]


class Driver:
    """One thread that owns every Playwright object of these tests."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="playwright")

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread().name.startswith("playwright"):
            return fn(*args, **kwargs)
        return self.pool.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        self.pool.shutdown(wait=True)


# ---- postguard on a loopback port ----------------------------------------------------------------


@dataclass
class RecordingState(WebState):
    """The web state, with a slow check for texts holding SLOW_WORD (and events to follow it)."""

    slow_started: threading.Event = field(default_factory=threading.Event)
    slow_done: threading.Event = field(default_factory=threading.Event)

    def check(self, text: str, images: Any = ()) -> Any:
        if SLOW_WORD in text:
            self.slow_started.set()
            time.sleep(SLOW_SECONDS)  # outside the engine's lock: other checks go on meanwhile
            try:
                return super().check(text, images)
            finally:
                self.slow_done.set()
        return super().check(text, images)


@dataclass
class Api:
    url: str
    state: RecordingState
    stop: Callable[[], None]
    seen: list[tuple[str, str | None]]  # (path, Origin) of every request that reached postguard

    def checks(self) -> list[str | None]:
        """The Origin of each /v1/check request so far."""
        return [origin for path, origin in self.seen if path == "/v1/check"]

    def check(self, text: str) -> dict[str, Any]:
        """postguard's own answer for ``text``, asked with the API token (no Origin)."""
        request = urllib.request.Request(
            f"{self.url}/v1/check",
            data=json.dumps({"text": text, "offsetUnits": "utf16"}).encode(),
            headers={"Content-Type": "application/json", TOKEN_HEADER: self.state.credentials.token},
        )
        with urllib.request.urlopen(request, timeout=20) as answer:
            result: dict[str, Any] = json.load(answer)
        return result

    def excerpts(self, text: str, severity: str) -> list[str]:
        return [m["excerpt"] for m in self.check(text)["matches"] if m["severity"] == severity]


def start_api(home: Path, engine: Any) -> Api:
    """postguard's app served by uvicorn in a thread on a free loopback port."""
    bound = bind("127.0.0.1", 0)
    state = RecordingState(home=home, hosts=allowed_hosts(bound.port), _engine=engine)
    state.ready = True
    seen: list[tuple[str, str | None]] = []
    app = create_app(state)

    async def recorded(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            origin = dict(scope["headers"]).get(b"origin")
            seen.append((scope["path"], origin.decode() if origin else None))
        await app(scope, receive, send)

    stop_server = serve_in_thread(recorded, bound.sock)

    def stop() -> None:
        stop_server()
        state.close()

    return Api(bound.base_url, state, stop, seen)


@dataclass
class Extension:
    context: Any  # Chromium with the extension, paired
    worker: Any  # its service worker
    baseline: Any  # a Chromium without the extension, to compare editors against
    api: Api
    site: str
    outside: list[str]  # requests that left 127.0.0.1 (there must be none)

    def storage(self) -> dict[str, Any]:
        stored: dict[str, Any] = self.worker.evaluate("chrome.storage.local.get(null)")
        return stored


def options_tab(context: Any) -> Any:
    """The options tab the extension opened on install, once it has loaded."""
    url = f"{EXTENSION_ORIGIN}/options.html"
    deadline = time.monotonic() + 15
    while True:
        found = [page for page in context.pages if page.url == url]
        if found:
            found[0].wait_for_load_state()
            return found[0]
        assert time.monotonic() < deadline, "the extension did not open its options on install"
        if context.pages:
            context.pages[0].wait_for_timeout(50)  # lets Playwright hear of new pages meanwhile
        else:
            time.sleep(0.05)


def launch(built: Path, api: Api, site: str, profile: Path) -> tuple[Any, Extension]:
    from playwright.sync_api import expect, sync_playwright

    playwright = sync_playwright().start()
    chrome = built / "chrome"
    port = site.rsplit(":", 1)[1]
    context = playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        viewport={"width": 1000, "height": 700},
        args=[
            *ARGS,
            f"--disable-extensions-except={chrome}",
            f"--load-extension={chrome}",
            # The fixtures count as a public web site, so Local Network Access applies to them.
            f"--ip-address-space-overrides=127.0.0.1:{port}=public",
        ],
    )
    outside: list[str] = []
    local = ("http://127.0.0.1:", "chrome-extension:", "data:")
    context.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    worker = (
        context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    )
    assert worker.url == f"{EXTENSION_ORIGIN}/background.js", (
        "the manifest key no longer gives the documented ID"
    )
    # Pair for real: the code postguard shows, typed into the options page the extension opens
    # on install (opening a second one races with it: Chromium reuses the options tab).
    options = options_tab(context)
    options.fill("#address", api.url)
    options.fill("#code", api.state.credentials.pairings.new_code())
    options.click("#pair button[type=submit]")
    expect(options.locator("#result")).to_have_text(f"Paired with postguard at {api.url}.", timeout=10_000)
    for page in context.pages:  # the options tab, and the blank one the browser starts with
        page.close()
    # The fixture site is added as a Mastodon server would be (registered content scripts).
    assert worker.evaluate(
        f"chrome.storage.local.set({{sites: ['http://127.0.0.1:{port}/*']}}).then(syncSites)"
    )
    baseline = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
    return playwright, Extension(context, worker, baseline, api, site, outside)
