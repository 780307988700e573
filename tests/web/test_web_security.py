"""A web page on the internet, another local user, or a rebinding DNS name must never reach the
engine: each refusal comes before the body is read, and every answer carries strict headers."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from postguard.cli import app as cli
from postguard.errors import InputError
from postguard.web import security
from postguard.web.security import CSRF_HEADER, TOKEN_HEADER
from postguard.web.server import bind, secrets_file
from postguard.web.state import WebState

POST = "So proud of my client Jess, a 34 year old teacher from Otley"


@pytest.fixture
def engine_calls(state: WebState, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text that reaches the engine."""
    calls: list[str] = []
    real = state.check

    def spy(text: str, images: object = ()) -> object:
        calls.append(text)
        return real(text, images)  # type: ignore[arg-type]

    monkeypatch.setattr(state, "check", spy)
    return calls


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "127.0.0.1.nip.io:8517",
        "localhost.evil.example:8517",
        "127.0.0.1:9999",
        "",
        "10.0.0.5:8517",
    ],
)
def test_a_foreign_host_gets_421(client: TestClient, engine_calls: list[str], host: str) -> None:
    answer = client.post("/v1/check", json={"text": POST}, headers={"host": host})
    assert answer.status_code == 421
    assert client.get("/", headers={"host": host}).status_code == 421
    assert engine_calls == []


@pytest.mark.parametrize("host", ["127.0.0.1:8517", "localhost:8517", "[::1]:8517"])
def test_the_machines_own_names_are_served(client: TestClient, host: str) -> None:
    assert client.post("/v1/check", json={"text": "Hello"}, headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "null",
        "http://127.0.0.1:9999",
        "chrome-extension://abcdefghijklmnop",
        "http://localhost",
    ],
)
def test_a_foreign_origin_gets_403_before_the_engine(
    client: TestClient, engine_calls: list[str], origin: str
) -> None:
    answer = client.post("/v1/check", json={"text": POST}, headers={"origin": origin})
    assert answer.status_code == 403
    preflight = client.options(
        "/v1/check", headers={"origin": origin, "access-control-request-method": "POST"}
    )
    assert preflight.status_code == 403
    assert "access-control-allow-origin" not in {k.lower() for k in answer.headers}
    assert engine_calls == []


def test_the_apps_own_origin_is_accepted(page_client: TestClient) -> None:
    answer = page_client.post(
        "/v1/check", json={"text": "Hello"}, headers={"origin": "http://127.0.0.1:8517"}
    )
    assert answer.status_code == 200


def test_no_or_a_wrong_token_gets_401(
    anonymous: TestClient, engine_calls: list[str], state: WebState
) -> None:
    assert anonymous.post("/v1/check", json={"text": POST}).status_code == 401
    assert (
        anonymous.post("/v1/check", json={"text": POST}, headers={TOKEN_HEADER: "wrong"}).status_code == 401
    )
    assert (
        anonymous.post(
            "/v1/check", json={"text": POST}, headers={"authorization": "Bearer wrong"}
        ).status_code
        == 401
    )
    assert anonymous.get("/v1/rules").status_code == 401
    good = anonymous.post(
        "/v1/check", json={"text": "Hello"}, headers={"authorization": f"Bearer {state.credentials.token}"}
    )
    assert good.status_code == 200
    assert engine_calls == ["Hello"]


def test_a_page_session_needs_both_its_cookie_and_its_csrf_header(
    page_client: TestClient, state: WebState
) -> None:
    assert page_client.post("/v1/check", json={"text": "Hello"}).status_code == 200
    csrf = page_client.headers.pop(CSRF_HEADER)
    assert page_client.post("/v1/check", json={"text": "Hello"}).status_code == 401  # cookie alone: no
    page_client.cookies.clear()
    assert (
        page_client.post("/v1/check", json={"text": "Hello"}, headers={CSRF_HEADER: csrf}).status_code == 401
    )


def test_the_login_link_works_once_and_sets_a_strict_httponly_cookie(
    anonymous: TestClient, state: WebState
) -> None:
    code = state.credentials.new_login_code()
    first = anonymous.get(f"/login?code={code}", follow_redirects=False)
    assert first.status_code == 303
    cookie = first.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    anonymous.cookies.clear()
    assert anonymous.get(f"/login?code={code}", follow_redirects=False).status_code == 401
    assert anonymous.get("/").status_code == 401  # pages without a session show how to log in
    assert "postguard web" in anonymous.get("/").text


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]
)
def test_a_body_that_is_not_json_gets_415(
    client: TestClient, engine_calls: list[str], content_type: str
) -> None:
    body = json.dumps({"text": POST}).encode()
    answer = client.post("/v1/check", content=body, headers={"content-type": content_type})
    assert answer.status_code == 415
    assert engine_calls == []


def test_oversized_bodies_get_413(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, state: WebState
) -> None:
    big = {"text": "a" * (security.LIMITS["/v1/check"] + 10)}
    assert client.post("/v1/check", json=big).status_code == 413
    monkeypatch.setitem(security.LIMITS, "/v1/uploads", 1000)
    photo = b"\xff\xd8\xff" + b"0" * 5000
    assert (
        client.post(
            "/v1/uploads?name=big.jpg", content=photo, headers={"content-type": "image/jpeg"}
        ).status_code
        == 413
    )

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b"\xff" * 500

    answer = client.post("/v1/uploads?name=big.jpg", content=chunks(), headers={"content-type": "image/jpeg"})
    assert answer.status_code == 413
    assert list(state.uploads.root.iterdir()) == []  # nothing of the refused uploads is kept


def test_every_answer_carries_strict_security_headers(client: TestClient, page_client: TestClient) -> None:
    for answer in (
        client.get("/v1/rules"),
        page_client.get("/"),
        client.get("/nowhere"),
        client.get("/v1/health", headers={"host": "x"}),
    ):
        csp = answer.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
    assert client.post("/v1/check", json={"text": "Hi"}).headers["cache-control"] == "no-store"


def test_the_api_docs_are_served_from_this_machine(page_client: TestClient) -> None:
    docs = page_client.get("/docs")
    assert docs.status_code == 200
    assert re.findall(r"(?:https?:)?//[\w.-]+", docs.text) == []  # no address of another machine at all
    for asset in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css", "/static/docs.js"):
        assert asset in docs.text
        assert page_client.get(asset).status_code == 200
    schema = page_client.get("/openapi.json").json()
    assert "/v1/check" in schema["paths"]
    assert page_client.get("/redoc").status_code == 404


def test_the_secrets_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with secrets_file(home, {"token": "t"}) as path:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        assert json.loads(path.read_text())["token"] == "t"
    assert not path.exists()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.2", "::", "example.com"])
def test_only_loopback_can_be_bound(host: str) -> None:
    with pytest.raises(InputError, match="only on this computer"):
        bind(host, 0)
    result = CliRunner().invoke(cli, ["web", "--host", host, "--no-browser"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("error:")


def test_a_taken_port_falls_back_to_the_next(tmp_path: Path) -> None:
    first = bind("127.0.0.1", 0)
    try:
        second = bind("127.0.0.1", first.port)
        assert second.port != first.port
        second.sock.close()
    finally:
        first.sock.close()


def test_no_post_text_reaches_the_logs(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Quillon Marchbanks, 41, from Skipton"
    with caplog.at_level(logging.DEBUG):
        client.post("/v1/check", json={"text": f"My client {secret} did well today"})
        client.post("/v1/profile/watch", json={"name": "Quillon Marchbanks"})
    assert "Quillon" not in caplog.text


@pytest.mark.slow
def test_the_api_suite_passes_with_no_network(tmp_path: Path) -> None:
    """The API tests again inside a network namespace with no interfaces but loopback."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -rn is not available here (user namespaces off)")
    here = Path(__file__).parent
    run = subprocess.run(
        [
            unshare,
            "-rn",
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow",
            str(here),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTEST_ADDOPTS": ""},
        cwd=here.parents[1],
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout


@pytest.mark.slow  # a real socket: not in the network-less run above
def test_answers_are_not_held_back_by_nagles_algorithm(live_server: object) -> None:
    """A listening socket made without IPPROTO_TCP left Nagle on: every answer took 40+ ms."""
    import statistics
    import time

    import httpx

    url = live_server.url  # type: ignore[attr-defined]
    with httpx.Client(base_url=url) as client:
        client.get("/v1/health")
        times = []
        for _ in range(15):
            start = time.perf_counter()
            client.get("/v1/health")
            times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.030
