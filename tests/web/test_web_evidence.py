"""``/v1/evidence``: record, list, verify and export the abuse log through the web API, with the
same library (and the same refusals) as ``postguard evidence``."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any, get_args

import pytest
from PIL import Image
from starlette.testclient import TestClient

from postguard.evidence import check_bundle
from postguard.evidence.model import KINDS
from postguard.evidence.pdf import AUDIENCES
from postguard.web.evidence import Audience
from postguard.web.state import WebState

INCIDENT = {
    "platform": "X",
    "url": "https://x.com/troll/status/1",
    "author": "@troll",
    "text": "You are a useless quack and everyone will know it",
    "occurred_at": "2026-01-20T21:14",
}


def png_bytes(label: str = "abuse", size: tuple[int, int] = (300, 200)) -> bytes:
    image = Image.new("RGB", size, (240, 240, 240))
    image.paste((29, 161, 242), (0, 0, size[0], 40))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def upload(client: TestClient, data: bytes, name: str = "shot.png") -> str:
    answer = client.post(f"/v1/uploads?name={name}", content=data, headers={"content-type": "image/png"})
    assert answer.status_code == 201, answer.text
    upload_id: str = answer.json()["id"]
    return upload_id


def add(client: TestClient, **fields: Any) -> dict[str, Any]:
    answer = client.post("/v1/evidence", json={**INCIDENT, **fields})
    assert answer.status_code == 201, answer.text
    entry: dict[str, Any] = answer.json()
    return entry


def test_add_without_a_screenshot_is_listed(client: TestClient) -> None:
    entry = add(client, note="Third message this week")
    assert entry["id"] == 1
    assert entry["content"]["author"] == "@troll"
    assert entry["content"]["occurred_at_local"].startswith("2026-01-20T21:14")
    assert entry["files"] == 0 and entry["screenshots"] == []
    assert entry["content"]["kind"] in KINDS
    listed = client.get("/v1/evidence").json()["entries"]
    assert [e["id"] for e in listed] == [1]
    assert listed[0]["content"]["text"] == INCIDENT["text"]
    assert listed[0]["hash"] == entry["hash"]


def test_add_with_a_screenshot_keeps_it_and_drops_the_upload(client: TestClient, state: WebState) -> None:
    data = png_bytes()
    shot = upload(client, data, "reply.png")
    entry = add(client, text="", screenshots=[shot], kind="harassment")
    assert entry["content"]["kind"] == "harassment"
    (attachment,) = entry["content"]["attachments"]
    assert attachment["name"] == "reply.png" and attachment["media_type"] == "image/png"
    assert entry["screenshots"] == [{"n": 1, "name": "reply.png", "url": "/v1/evidence/1/screenshots/1"}]
    assert not any(state.uploads.root.iterdir()), "the upload should be gone once the log keeps the file"
    thumb = client.get("/v1/evidence/1/screenshots/1")
    assert thumb.status_code == 200
    assert thumb.headers["content-type"] == "image/png"
    assert thumb.headers["x-content-type-options"] == "nosniff"
    assert Image.open(io.BytesIO(thumb.content)).size == (300, 200)
    assert client.get("/v1/evidence/1/screenshots/2").status_code == 404


def test_a_changed_screenshot_is_not_shown_and_verify_names_it(client: TestClient, home: Path) -> None:
    add(client, screenshots=[upload(client, png_bytes(), "reply.png")])
    (stored,) = (p for p in (home / "attachments").rglob("*") if p.is_file())
    stored.write_bytes(png_bytes(size=(10, 10)))
    thumb = client.get("/v1/evidence/1/screenshots/1")
    assert thumb.status_code == 409
    assert "'reply.png' has changed" in thumb.json()["error"]
    problems = client.get("/v1/evidence/verify").json()["problems"]
    assert [(p["entry"], p["problem"]) for p in problems] == [(1, "attachment-changed")]


def test_timeline_is_latest_first_with_corrections_as_the_cli_shows_them(
    client: TestClient, home: Path
) -> None:
    from postguard.evidence import EvidenceStore, correct_incident

    add(client, occurred_at="2026-01-10T09:00")
    add(client, occurred_at="2026-01-15T09:00")
    add(client, occurred_at="2026-01-05T09:00")
    correct_incident(EvidenceStore(home), 2, author="@troll2", use_engine=False)
    listed = client.get("/v1/evidence").json()["entries"]
    assert [e["id"] for e in listed] == [4, 2, 1, 3]
    by_id = {e["id"]: e for e in listed}
    assert by_id[2]["corrected_by"] == [4] and by_id[2]["status"] == "corrected by entry 4"
    assert by_id[4]["content"]["corrects"] == 2 and by_id[4]["status"] == "corrects entry 2"


def test_verify_ok_then_names_the_tampered_entry(client: TestClient, home: Path) -> None:
    assert client.get("/v1/evidence/verify").json()["summary"].startswith("The log is empty")
    add(client)
    add(client, text="second message: you liar")
    ok = client.get("/v1/evidence/verify").json()
    assert ok["intact"] is True and ok["entries"] == 2 and ok["problems"] == []
    assert "has not been changed" in ok["summary"]
    conn = sqlite3.connect(home / "evidence.sqlite3", isolation_level=None)
    conn.execute("DROP TRIGGER entries_append_only_update")
    (content,) = conn.execute("SELECT content FROM entries WHERE seq = 2").fetchone()
    conn.execute("UPDATE entries SET content = ? WHERE seq = 2", (content.replace("you liar", "lovely"),))
    conn.close()
    bad = client.get("/v1/evidence/verify").json()
    assert bad["intact"] is False
    assert {(p["entry"], p["problem"]) for p in bad["problems"]} == {(2, "edited")}
    assert bad["problems"][0]["message"].startswith("Entry 2: ")
    assert "changed outside postguard" in bad["summary"] and "(entry 2)" in bad["summary"]


def test_export_is_a_bundle_that_verifies_and_leaves_no_temp_file(
    client: TestClient, state: WebState, tmp_path: Path
) -> None:
    add(client, screenshots=[upload(client, png_bytes())])
    answer = client.post("/v1/evidence/export", json={"audience": "police", "member": "Dr A. Member"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    assert answer.headers["cache-control"] == "no-store"
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("attachment;") and "postguard-evidence-police-" in disposition
    assert answer.headers["x-postguard-incidents"] == "1"
    assert answer.headers["x-postguard-log-intact"] == "yes"
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(answer.content)
    result = check_bundle(bundle)
    assert result.intact, result.problems
    assert result.audience == "police" and result.entries == 1
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert "report.pdf" in names and any(n.startswith("files/entry-0001/") for n in names)
    assert list(state.uploads.root.iterdir()) == [], "the exported zip must not stay on disk"


def test_export_refusals(client: TestClient, state: WebState) -> None:
    empty = client.post("/v1/evidence/export", json={"audience": "platform"})
    assert empty.status_code == 422
    assert empty.json() == {"error": "the evidence log is empty: nothing to export"}
    assert list(state.uploads.root.iterdir()) == []
    assert client.post("/v1/evidence/export", json={"audience": "newspaper"}).status_code == 422


def test_the_api_offers_the_audiences_the_cli_does() -> None:
    assert set(get_args(Audience)) == set(AUDIENCES)


def test_a_damaged_screenshot_is_refused_by_name(client: TestClient, home: Path) -> None:
    data = png_bytes()
    shot = upload(client, data[: len(data) // 2], "cut-off.png")
    answer = client.post("/v1/evidence", json={**INCIDENT, "screenshots": [shot]})
    assert answer.status_code == 422
    message = answer.json()["error"]
    assert "'cut-off.png'" in message and "damaged" in message and "nothing was saved" in message
    assert "--" not in message
    assert client.get("/v1/evidence").json()["entries"] == []


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"platform": ""}, "platform must not be empty"),
        ({"note": "n" * 20_001}, "note is longer than 20000 characters"),
        ({"platform": "   "}, "platform must not be empty"),
        ({"text": "", "screenshots": []}, "give the text of the post or at least one screenshot"),
        ({"kind": "rudeness"}, "unknown kind 'rudeness'"),
        ({"kind": "threat", "characteristic": "race"}, "characteristic applies to a hate incident"),
        ({"occurred_at": "yesterday"}, "invalid date 'yesterday'"),
        ({"occurred_at": "2999-01-01T00:00"}, "it is in the future"),
        ({"surprise": "field"}, None),
        ({"screenshots": "not-a-list"}, None),
    ],
)
def test_bad_fields_are_422(client: TestClient, fields: dict[str, Any], words: str | None) -> None:
    answer = client.post("/v1/evidence", json={**INCIDENT, **fields})
    assert answer.status_code == 422, answer.text
    if words is not None:
        assert words in answer.json()["error"]
        assert "--" not in answer.json()["error"]


def test_unknown_upload_is_404(client: TestClient) -> None:
    answer = client.post("/v1/evidence", json={**INCIDENT, "screenshots": ["0" * 32]})
    assert answer.status_code == 404
    assert "no upload" in answer.json()["error"]


def test_guarded_like_the_rest_of_the_api(anonymous: TestClient, client: TestClient) -> None:
    for method, path in [("GET", "/v1/evidence"), ("GET", "/v1/evidence/verify"), ("POST", "/v1/evidence")]:
        assert anonymous.request(method, path, json=INCIDENT).status_code == 401
    assert anonymous.post("/v1/evidence/export", json={"audience": "police"}).status_code == 401
    as_text = client.post(
        "/v1/evidence", content=json.dumps(INCIDENT), headers={"content-type": "text/plain"}
    )
    assert as_text.status_code == 415
    assert client.get("/v1/evidence").json()["entries"] == []


def test_a_damaged_store_is_one_sentence(client: TestClient, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "evidence.sqlite3").write_bytes(b"this is not a database, just some bytes" * 100)
    for answer in (
        client.get("/v1/evidence"),
        client.get("/v1/evidence/verify"),
        client.post("/v1/evidence", json=INCIDENT),
    ):
        assert answer.status_code == 422
        assert "damaged or unreadable" in answer.json()["error"]


def test_the_page_offers_the_cli_choices(page_client: TestClient) -> None:
    answer = page_client.get("/evidence")
    assert answer.status_code == 200
    assert answer.headers["cache-control"] == "no-store"
    for code in (*KINDS, *AUDIENCES):
        assert f'value="{code}"' in answer.text
    assert "<script>" not in answer.text and "style=" not in answer.text
    assert '<script src="/static/evidence.js" defer></script>' in answer.text
