"""The settings page's API: the profile the rules read, and a watch-list whose names are never
stored or sent back."""

from __future__ import annotations

import stat

from starlette.testclient import TestClient

from postguard.web.state import WebState


def test_a_saved_profile_changes_what_the_rules_allow(client: TestClient, state: WebState) -> None:
    claim = "As a BABCP accredited therapist I offer CBT for anxiety."
    before = client.post("/v1/check", json={"text": claim}).json()
    saved = client.put(
        "/v1/profile",
        json={
            "name": "Sam Rivers",
            "credentials": ["BABCP accredited", " "],
            "titles": [],
            "spokesperson_for": [],
        },
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["credentials"] == ["BABCP accredited"]
    assert "babcp" in saved.json()["packs"]
    after = client.post("/v1/check", json={"text": claim}).json()
    assert "SM401" not in {m["rule"]["id"] for m in after["matches"]}
    assert len(after["matches"]) <= len(before["matches"])
    assert stat.S_IMODE(state.profile_path.stat().st_mode) == 0o600
    assert client.get("/v1/profile").json()["name"] == "Sam Rivers"


def test_a_watched_name_is_caught_and_never_stored(client: TestClient, state: WebState) -> None:
    added = client.post("/v1/profile/watch", json={"name": "Kerry-Ann Booth"})
    assert added.status_code == 200 and added.json() == {"watched_names": 1}
    assert "Kerry" not in state.profile_path.read_text() and "Booth" not in state.profile_path.read_text()
    profile = client.get("/v1/profile")
    assert "Kerry" not in profile.text and profile.json()["watched_names"] == 1
    body = client.post("/v1/check", json={"text": "Great to see kerry ann booth in the cafe today"}).json()
    assert "SM101" in {m["rule"]["id"] for m in body["matches"]}
    assert client.delete("/v1/profile/watch").json() == {"watched_names": 0}


def test_bad_settings_get_a_clear_error(client: TestClient) -> None:
    assert client.put("/v1/profile", json={"pack": "nonsense"}).status_code == 422
    assert client.put("/v1/profile", json={"nickname": "x"}).status_code == 422
    assert client.post("/v1/profile/watch", json={"name": ""}).status_code == 422
    assert client.post("/v1/profile/watch", json={"name": " ,. "}).status_code == 422
