"""Pairing the browser extension: a one-time code for a token bound to the extension's origin;
nothing else can use that token, and the member can revoke it."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from starlette.testclient import TestClient
from web_helpers import BASE, PORT

from postguard.engine import Engine
from postguard.web.app import create_app
from postguard.web.security import TOKEN_HEADER
from postguard.web.server import allowed_hosts
from postguard.web.state import WebState

CHROME = "chrome-extension://" + "abcdefghijklmnopabcdefghijklmnop"
OTHER = "chrome-extension://" + "ponmlkjihgfedcbaponmlkjihgfedcba"
FIREFOX = "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"


def _pair(anonymous: TestClient, client: TestClient, origin: str = CHROME) -> str:
    code = client.post("/v1/pair/code", json={}).json()["code"]
    answer = anonymous.post("/v1/pair", json={"code": code.lower()}, headers={"origin": origin})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


def test_an_unpaired_extension_may_only_pair_and_ask_for_health(anonymous: TestClient) -> None:
    assert anonymous.get("/v1/health", headers={"origin": CHROME}).status_code == 200
    assert anonymous.post("/v1/check", json={"text": "hi"}, headers={"origin": CHROME}).status_code == 403
    wrong = anonymous.post("/v1/pair", json={"code": "AAAA-BBBB"}, headers={"origin": CHROME})
    assert wrong.status_code == 401


def test_a_paired_extension_checks_with_its_own_token_from_its_own_origin(
    anonymous: TestClient, client: TestClient
) -> None:
    token = _pair(anonymous, client)
    mine = {"origin": CHROME, TOKEN_HEADER: token}
    assert (
        anonymous.post("/v1/check", json={"text": "hi", "offsetUnits": "utf16"}, headers=mine).status_code
        == 200
    )
    assert anonymous.post("/v1/check", json={"text": "hi"}, headers={TOKEN_HEADER: token}).status_code == 401
    stolen = {"origin": OTHER, TOKEN_HEADER: token}
    assert anonymous.post("/v1/check", json={"text": "hi"}, headers=stolen).status_code == 403
    page = {"origin": BASE, TOKEN_HEADER: token}
    assert anonymous.post("/v1/check", json={"text": "hi"}, headers=page).status_code == 401
    assert anonymous.post("/v1/pair/code", json={}, headers=mine).status_code == 403  # it cannot make codes


def test_a_code_works_once_and_a_web_page_cannot_pair(anonymous: TestClient, client: TestClient) -> None:
    code = client.post("/v1/pair/code", json={}).json()["code"]
    assert (
        anonymous.post(
            "/v1/pair", json={"code": code}, headers={"origin": "https://evil.example"}
        ).status_code
        == 403
    )
    assert anonymous.post("/v1/pair", json={"code": code}, headers={"origin": FIREFOX}).status_code == 200
    assert anonymous.post("/v1/pair", json={"code": code}, headers={"origin": CHROME}).status_code == 401


def test_pairing_survives_a_restart_and_can_be_revoked(
    anonymous: TestClient, client: TestClient, home: Path, engine: Engine
) -> None:
    token = _pair(anonymous, client)
    stored = home / "paired.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600 and token not in stored.read_text()
    again = WebState(home=home, hosts=allowed_hosts(PORT), _engine=engine)
    with TestClient(create_app(again), base_url=BASE) as restarted:
        mine = {"origin": CHROME, TOKEN_HEADER: token}
        assert restarted.post("/v1/check", json={"text": "hi"}, headers=mine).status_code == 200
    again.close()
    (listed,) = client.get("/v1/paired").json()
    assert listed["origin"] == CHROME
    assert client.delete(f"/v1/paired/{listed['id']}").status_code == 204
    assert (
        anonymous.post(
            "/v1/check", json={"text": "hi"}, headers={"origin": CHROME, TOKEN_HEADER: token}
        ).status_code
        == 403
    )
    assert json.loads(stored.read_text()) == []
