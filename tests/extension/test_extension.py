"""The browser extension in headless Chromium on the offline fixture composers (one per editor
family): it underlines exactly postguard's findings, leaves the editor's DOM, caret and undo as
they are without it, never paints a stale answer, says when postguard is not running, and gives a
hostile page no way to reach postguard. Nothing here reaches beyond 127.0.0.1."""

from __future__ import annotations

import time
from typing import Any

import pytest
from extension_helpers import (
    COMPOSERS,
    EXTENSION_ID,
    EXTENSION_ORIGIN,
    SLOW_WORD,
    Extension,
    families,
    start_api,
)

pytestmark = pytest.mark.slow

POST = "Had a session with my client 🙂 🎉 Jess today, she is so clueless lol"
CLEAN = "A lovely walk by the sea today"
OFF_TITLE = "postguard is not running: start it with `postguard web`"
HIGHLIGHTS = "name => [...(CSS.highlights.get(name) ?? [])].map(r => r.toString())"
# The editor's nodes, in order, by name: what the extension must never add to.
STRUCTURE = """e => { const names = []; const walk = document.createTreeWalker(e);
  while (walk.nextNode()) names.push(walk.currentNode.nodeName); return names; }"""
# The caret as (start, end) offsets in the editor's text, for a textarea and a contenteditable alike.
CARET = """e => { if (e instanceof HTMLTextAreaElement) return [e.selectionStart, e.selectionEnd];
  const s = getSelection(); const at = (node, offset) => { const r = document.createRange();
  r.selectNodeContents(e); r.setEnd(node, offset); return r.toString().length; };
  return [at(s.anchorNode, s.anchorOffset), at(s.focusNode, s.focusOffset)]; }"""


def expect(target: Any) -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def open_composer(context: Any, site: str, family: str) -> tuple[Any, Any, list[str]]:
    """A fixture composer, ready and focused; the list collects the page's errors."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"error: {error}"))
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.goto(f"{site}/{family}.html")
    deadline = time.monotonic() + 10
    while not page.evaluate("window.__composerReady === true"):
        assert time.monotonic() < deadline, f"{family}.html never became ready"
        page.wait_for_timeout(25)
    editor = page.locator(COMPOSERS[family]).first
    editor.click()
    return page, editor, errors


def highlighted(page: Any, severity: str) -> list[str]:
    texts: list[str] = page.evaluate(HIGHLIGHTS, f"postguard-{severity}")
    return texts


def painted(page: Any, count: int, timeout: float = 5_000) -> None:
    expect(page.locator("html")).to_have_attribute("data-postguard-findings", str(count), timeout=timeout)


def editor_state(page: Any, editor: Any) -> dict[str, Any]:
    return {
        "text": page.evaluate("window.__composerText()"),
        "caret": editor.evaluate(CARET),
        "nodes": editor.evaluate(STRUCTURE),
    }


@pytest.mark.parametrize("family", families())
def test_underlines_are_postguards_findings(extension: Extension, family: str) -> None:
    page, editor, errors = open_composer(extension.context, extension.site, family)
    page.keyboard.type(POST)
    assert page.evaluate("window.__composerText()") == POST
    high, warning = extension.api.excerpts(POST, "high"), extension.api.excerpts(POST, "warning")
    assert high and warning  # the post has both kinds, after two emoji
    painted(page, len(high) + len(warning))
    assert highlighted(page, "high") == high
    assert highlighted(page, "warning") == warning
    assert editor.evaluate("e => e.querySelectorAll('postguard-ui, mark, [data-postguard]').length") == 0

    # A finding that is deleted is no longer underlined.
    page.keyboard.press("Control+a")
    page.keyboard.type(CLEAN)
    painted(page, 0)
    assert highlighted(page, "high") == highlighted(page, "warning") == []
    assert errors == []
    page.close()


@pytest.mark.parametrize("family", families())
def test_typing_caret_and_undo_as_without_the_extension(extension: Extension, family: str) -> None:
    """The same keys, with and without the extension (and the same pauses), leave the same editor."""

    typed = "My client Jess 💜 is so clueless"
    findings = len(extension.api.check(typed)["matches"])

    def edit(context: Any, pause_ms: float | None) -> tuple[dict[str, Any], float]:
        page, editor, errors = open_composer(context, extension.site, family)
        page.keyboard.type(typed)
        started = time.monotonic()
        if pause_ms is None:
            painted(page, findings)  # the underlines are there while the user goes on editing
            pause_ms = (time.monotonic() - started) * 1000
        else:
            page.wait_for_timeout(pause_ms)
        # A pause after each key, as a person leaves: editors that follow the caret through
        # selectionchange (Lexical) apply a key that comes sooner at the old caret, extension or not.
        for key in ["ArrowLeft", "ArrowLeft", "ArrowLeft", "Backspace", "x", "y", "Control+z"]:
            page.keyboard.press(key)
            page.wait_for_timeout(40)
        state = editor_state(page, editor)
        assert errors == []
        page.close()
        return state, pause_ms

    with_extension, pause = edit(extension.context, None)
    without, _ = edit(extension.baseline, pause)
    assert with_extension == without
    assert "My client Jess" in with_extension["text"]


def test_a_stale_answer_never_paints(extension: Extension) -> None:
    """An answer that comes back after the text changed is dropped, even though it was asked first."""
    api = extension.api
    api.state.slow_started.clear()
    api.state.slow_done.clear()
    page, _editor, errors = open_composer(extension.context, extension.site, "contenteditable")
    # Every paint, as the page sees it: the highlighted texts at each change of the findings hook.
    page.evaluate(
        """() => { window.__paints = [];
        new MutationObserver(() => window.__paints.push([
          ...(CSS.highlights.get('postguard-high') ?? []), ...(CSS.highlights.get('postguard-warning') ?? [])
        ].map(r => r.toString()))).observe(document.documentElement,
          {attributes: true, attributeFilter: ['data-postguard-findings']}); }"""
    )
    page.keyboard.type(f"My client Jess is clueless {SLOW_WORD}")
    assert api.state.slow_started.wait(5), "the first check never reached postguard"
    page.keyboard.press("Control+a")
    page.keyboard.type(CLEAN)
    painted(page, 0)  # the newer text's answer
    assert api.state.slow_done.wait(5)
    page.wait_for_timeout(400)  # time for the late answer to reach the page
    paints = page.evaluate("window.__paints")
    assert paints and all(texts == [] for texts in paints), paints
    assert page.evaluate("window.__composerText()") == CLEAN
    assert errors == []
    page.close()


def test_not_running_shows_a_grey_badge_and_no_errors(extension: Extension, tmp_path: Any) -> None:
    """Paired with a postguard that then stops: the badge says so and how to start it."""
    worker = extension.worker
    kept = extension.storage()
    other = start_api(tmp_path / "home", extension.api.state.engine)
    try:
        answer = worker.evaluate(
            "([base, code]) => pair(base, code)", [other.url, other.state.credentials.pairings.new_code()]
        )
        assert answer["status"] == "ok"
    finally:
        other.stop()
    try:
        page, _editor, errors = open_composer(extension.context, extension.site, "textarea")
        page.keyboard.type(POST)
        expect(page.locator("html")).to_have_attribute("data-postguard-status", "offline", timeout=5_000)
        assert page.locator("html").get_attribute("data-postguard-findings") == "0"
        assert worker.evaluate("chrome.action.getBadgeText({})") == "off"
        assert worker.evaluate("chrome.action.getTitle({})") == OFF_TITLE
        tab = worker.evaluate(
            "url => chrome.tabs.query({}).then(tabs => tabs.find(t => t.url === url).id)", page.url
        )
        assert worker.evaluate("id => chrome.action.getBadgeText({tabId: id})", tab) == "off"
        assert highlighted(page, "high") == []
        assert errors == []
        page.close()
    finally:
        worker.evaluate("kept => chrome.storage.local.set(kept)", kept)


def test_a_revoked_pairing_says_how_to_pair_again(extension: Extension) -> None:
    """Unpaired from postguard's settings: the extension stops checking and says to pair again."""
    pairings = extension.api.state.credentials.pairings
    assert pairings is not None
    for paired in pairings.listed():
        assert pairings.revoke(paired["id"])
    try:
        page, _editor, errors = open_composer(extension.context, extension.site, "quill")
        page.keyboard.type("My client Jess is doing well")
        expect(page.locator("html")).to_have_attribute("data-postguard-status", "unpaired", timeout=5_000)
        assert extension.worker.evaluate("chrome.action.getBadgeText({})") == "pair"
        assert highlighted(page, "high") == []
        assert errors == []
        page.close()
    finally:
        answer = extension.worker.evaluate(
            "([base, code]) => pair(base, code)", [extension.api.url, pairings.new_code()]
        )
        assert answer["status"] == "ok"


def test_a_hostile_page_cannot_reach_postguard(extension: Extension) -> None:
    """The page's own requests to 127.0.0.1 fail, and its messages move the extension to nothing."""
    api = extension.api
    page, _editor, errors = open_composer(extension.context, extension.site, "contenteditable")
    before = len(api.seen)
    outcome = page.evaluate(
        """async ([url, id]) => {
          const tries = {};
          const attempt = async (name, run) => {
            try { await run(); tries[name] = "reached"; } catch (e) { tries[name] = "failed"; }
          };
          const body = JSON.stringify({text: "my client Jess", offsetUnits: "utf16"});
          await attempt("json", () => fetch(url + "/v1/check",
            {method: "POST", headers: {"Content-Type": "application/json"}, body}));
          await attempt("simple", () => fetch(url + "/v1/check", {method: "POST", mode: "no-cors", body}));
          await attempt("health", () => fetch(url + "/v1/health"));
          // Messages the content script or the background might be tricked by.
          window.postMessage({kind: "check", text: "my client Jess"}, "*");
          window.postMessage({kind: "pair", code: "ABCD-EFGH", address: url}, "*");
          tries.runtime = typeof chrome !== "undefined" && chrome.runtime && chrome.runtime.sendMessage
            ? await new Promise(done => { try { chrome.runtime.sendMessage(id, {kind: "check", text: "x"},
                answer => done(answer === undefined ? "ignored" : "answered")); } catch (e) { done("failed"); } })
            : "absent";
          return tries;
        }""",
        [api.url, extension.worker.url.split("/")[2]],
    )
    assert outcome == {"json": "failed", "simple": "failed", "health": "failed", "runtime": "absent"}
    page.wait_for_timeout(600)  # longer than the debounce: a message that started a check would show
    assert api.seen[before:] == []
    assert page.locator("html").get_attribute("data-postguard-findings") in (None, "0")  # the empty composer
    # The browser's own refusals (Local Network Access), and nothing else.
    assert any("`loopback` address space" in e for e in errors), errors
    assert all("`loopback` address space" in e or "Failed to load resource" in e for e in errors), errors
    # On the same page, the extension itself still gets its checks through, from its background.
    page.keyboard.type("My client Jess")
    painted(page, 1)
    page.close()
    assert EXTENSION_ORIGIN in api.checks()
    assert set(api.checks()) <= {EXTENSION_ORIGIN, None}  # None: the tests' own calls with the API token


def test_latency_from_last_keystroke_to_underline(extension: Extension, record_property: Any) -> None:
    """A 280-character post on X's editor: underlined at most 600 ms after the last key, debounce
    included. The median of three: the post typed whole, then twice with its last character retyped
    (on two shared cores a single run also measures whatever else the machine is doing)."""
    words = "So proud of my client 💜 Jess, a 34 year old teacher from Otley, who took the bus alone today. "
    body = (words + "Small steps every week add up to something big, and it is a joy to see. " * 5)[:279]
    page, _editor, errors = open_composer(extension.context, extension.site, "draft")
    # In the page: the time of each key (the last one stays), and of each paint.
    page.evaluate(
        """() => { window.__timing = {key: 0, paints: []};
        document.addEventListener('keydown', () => { window.__timing.key = performance.now(); }, true);
        new MutationObserver(() => window.__timing.paints.push(performance.now())).observe(
          document.documentElement, {attributes: true, attributeFilter: ['data-postguard-findings']}); }"""
    )
    page.keyboard.type(body)
    latencies = []
    for last in "!?.":
        page.keyboard.type(last)
        post = body + last
        assert len(post) == 280
        painted(page, len(extension.api.check(post)["matches"]))
        deadline = time.monotonic() + 5
        while (timing := page.evaluate("window.__timing"))["paints"][-1:] < [timing["key"]]:
            assert time.monotonic() < deadline, "no paint after the last key"
            page.wait_for_timeout(20)
        latencies.append(min(t for t in timing["paints"] if t > timing["key"]) - timing["key"])
        assert page.evaluate("window.__composerText()") == post
        page.keyboard.press("Backspace")
    latency = sorted(latencies)[1]
    record_property("latency_ms", [round(t) for t in latencies])
    print(f"last keystroke to underline, 280 characters on Draft.js: {[round(t) for t in latencies]} ms")
    assert latency <= 600, f"median {latency:.0f} ms of {[round(t) for t in latencies]}"
    assert errors == []
    page.close()


def test_the_popover_copies_the_fix_without_taking_focus(extension: Extension) -> None:
    """Pointing at an underline shows rule and fix; 'Copy the fix' copies it, the caret stays put."""
    context = extension.context
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=extension.site)
    page, editor, errors = open_composer(context, extension.site, "prosemirror")
    page.keyboard.type(POST)
    painted(page, 3)
    caret = editor.evaluate(CARET)
    box = page.evaluate(
        """() => { const r = [...CSS.highlights.get('postguard-high')].find(r => r.toString() === 'Jess')
          .getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }"""
    )
    page.mouse.move(*box)
    # Both findings under "Jess", the narrower (the name) first.
    expect(page.locator("html")).to_have_attribute("data-postguard-popover", "SM101 SM103")
    x, y = _shadow_button(page)
    page.mouse.click(x, y)
    fix = next(m["fix"] for m in extension.api.check(POST)["matches"] if m["rule"]["id"] == "SM101")
    deadline = time.monotonic() + 5
    while page.evaluate("navigator.clipboard.readText()") != fix:
        assert time.monotonic() < deadline, "the fix was not copied"
        page.wait_for_timeout(50)
    assert editor.evaluate("e => e.contains(document.activeElement) || e === document.activeElement")
    assert editor.evaluate(CARET) == caret
    assert page.evaluate("window.__composerText()") == POST
    page.keyboard.type("!")  # the keyboard still types into the editor
    assert page.evaluate("window.__composerText()") == POST + "!"
    assert errors == []
    page.close()


def _shadow_button(page: Any) -> tuple[float, float]:
    """The centre of the popover's first button, inside the extension's closed shadow root (via CDP)."""
    cdp = page.context.new_cdp_session(page)
    try:
        document = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]

        def find(node: dict[str, Any], inside: bool) -> int | None:
            inside = inside or node.get("nodeName") == "POSTGUARD-UI"
            if inside and node.get("nodeName") == "BUTTON":
                return int(node["nodeId"])
            for child in [*node.get("shadowRoots", []), *node.get("children", [])]:
                found = find(child, inside)
                if found:
                    return found
            return None

        button = find(document, False)
        assert button, "no popover button"
        quad = cdp.send("DOM.getBoxModel", {"nodeId": button})["model"]["content"]
        return (quad[0] + quad[4]) / 2, (quad[1] + quad[5]) / 2
    finally:
        cdp.detach()


def test_nothing_is_checked_while_an_ime_composes(extension: Extension) -> None:
    api = extension.api
    page, _editor, errors = open_composer(extension.context, extension.site, "contenteditable")
    page.keyboard.type("My client Jess ")
    painted(page, 1)
    asked = api.checks().count(EXTENSION_ORIGIN)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "clueless", "selectionStart": 8, "selectionEnd": 8})
    page.wait_for_timeout(700)  # longer than the debounce
    assert api.checks().count(EXTENSION_ORIGIN) == asked
    cdp.send("Input.insertText", {"text": "clueless"})  # the IME commits
    cdp.detach()
    text = "My client Jess clueless"
    assert page.evaluate("window.__composerText()") == text
    painted(page, len(api.check(text)["matches"]))
    assert api.checks().count(EXTENSION_ORIGIN) == asked + 1
    assert highlighted(page, "warning") == api.excerpts(text, "warning")
    assert highlighted(page, "high") == api.excerpts(text, "high")
    assert errors == []
    page.close()


def test_the_firefox_build(built: Any) -> None:
    """The Firefox build: an event page instead of the service worker, a gecko id, no key; zipped."""
    import base64
    import hashlib
    import json
    import zipfile

    manifest = json.loads((built / "firefox" / "manifest.json").read_text())
    assert manifest["background"] == {"scripts": ["background.js"]}
    assert manifest["browser_specific_settings"]["gecko"]["id"]
    assert "key" not in manifest
    assert manifest["host_permissions"] == ["http://127.0.0.1/*"]
    with zipfile.ZipFile(built / "postguard-firefox.zip") as archive:
        assert sorted(archive.namelist()) == sorted(p.name for p in (built / "firefox").iterdir())
        assert json.loads(archive.read("manifest.json")) == manifest
    chrome = json.loads((built / "chrome" / "manifest.json").read_text())
    assert chrome["background"] == {"service_worker": "background.js"}
    # Chromium's ID: the first 128 bits of the key's SHA-256, written with the letters a-p.
    digest = hashlib.sha256(base64.b64decode(chrome["key"])).hexdigest()[:32]
    assert "".join(chr(ord("a") + int(c, 16)) for c in digest) == EXTENSION_ID
    assert "externally_connectable" not in chrome and "web_accessible_resources" not in chrome
