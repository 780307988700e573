"""Fixtures for the web app: a state with the engine loaded once per session, an API client with
the token, a page client logged in through the one-time link, and a live server for the browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from web_helpers import BASE, PORT, LiveServer

from chromium import serve_in_thread
from postguard.engine import Engine, engine_for
from postguard.web.app import create_app
from postguard.web.security import CSRF_HEADER, TOKEN_HEADER
from postguard.web.server import allowed_hosts, bind
from postguard.web.state import WARM_UP, WebState


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The policy engine with every model loaded (as ``postguard web`` warms it before serving),
    so no test's first check waits for spaCy or the classifier to load."""
    made = engine_for("babcp")
    made.check_many(WARM_UP)
    return made


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private POSTGUARD_HOME per test (the evidence log and profile live there)."""
    folder = tmp_path / "home"
    monkeypatch.setenv("POSTGUARD_HOME", str(folder))
    return folder


@pytest.fixture
def state(home: Path, engine: Engine) -> Iterator[WebState]:
    made = WebState(home=home, hosts=allowed_hosts(PORT), _engine=engine)
    made.ready = True
    yield made
    made.close()


@pytest.fixture
def client(state: WebState) -> Iterator[TestClient]:
    """An API client holding the token, as a script or the extension would."""
    with TestClient(
        create_app(state), base_url=BASE, headers={TOKEN_HEADER: state.credentials.token}
    ) as made:
        yield made


@pytest.fixture
def anonymous(state: WebState) -> Iterator[TestClient]:
    """A client with no credentials at all."""
    with TestClient(create_app(state), base_url=BASE) as made:
        yield made


@pytest.fixture
def page_client(state: WebState) -> Iterator[TestClient]:
    """A browser-like client logged in through the one-time link, sending the page's CSRF header."""
    with TestClient(create_app(state), base_url=BASE) as made:
        answer = made.get(f"/login?code={state.credentials.new_login_code()}", follow_redirects=False)
        assert answer.status_code == 303
        made.headers[CSRF_HEADER] = next(iter(state.credentials.sessions.values()))
        yield made


@pytest.fixture
def live_server(home: Path, engine: Engine) -> Iterator[LiveServer]:
    """The app served by uvicorn on a free loopback port, in a thread, for the browser tests."""
    bound = bind("127.0.0.1", 0)
    made = WebState(home=home, hosts=allowed_hosts(bound.port), _engine=engine)
    made.ready = True
    stop = serve_in_thread(create_app(made), bound.sock)
    try:
        yield LiveServer(bound.base_url, made)
    finally:
        stop()


@pytest.fixture
def page(browser: Any, live_server: LiveServer, tmp_path: Path) -> Iterator[Any]:
    """A logged-in browser page; every request it makes must stay on this machine."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    context.on(
        "request",
        lambda r: None if r.url.startswith((live_server.url, "data:", "blob:")) else outside.append(r.url),
    )
    made = context.new_page()
    made.goto(live_server.login_url())
    yield made
    context.close()
    assert not outside, f"the page reached beyond this machine: {outside}"
