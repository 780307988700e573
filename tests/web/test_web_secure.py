"""The security checkup in the web app: by path or by upload, the report framed on the page,
and the hacked-account response; the checkup page in headless Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from web_helpers import LiveServer, screenshot

DATA = Path(__file__).parents[1] / "secure" / "data"


def test_a_checkup_by_path_finds_the_takeover_and_serves_its_report(
    client: TestClient, page_client: TestClient
) -> None:
    answer = client.post("/v1/secure", json={"paths": [str(DATA / "x-planted")], "asOf": "2026-12-01"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    kinds = {s["kind"] for s in body["accounts"][0]["signals"]}
    assert {"new_country", "impossible_travel", "suspect_posts"} <= kinds
    assert body["sign_ins"] and body["skipped"]
    report = page_client.get(body["report"])
    assert report.status_code == 200 and "Security checkup" in report.text
    assert "frame-ancestors 'self'" in report.headers["content-security-policy"]
    assert client.get(body["report"]).status_code == 401  # the token is for the API; pages need the login


def test_a_checkup_of_an_uploaded_export(client: TestClient, tmp_path: Path) -> None:
    archive = Path(shutil.make_archive(str(tmp_path / "x"), "zip", DATA / "x-clean"))
    up = client.post(
        "/v1/secure/exports?name=x.zip",
        content=archive.read_bytes(),
        headers={"content-type": "application/zip"},
    )
    assert up.status_code == 201, up.text
    body = client.post("/v1/secure", json={"uploads": [up.json()["id"]], "asOf": "2026-12-01"}).json()
    assert body["accounts"][0]["signals"] == []


def test_bad_input_is_one_clear_error(client: TestClient, tmp_path: Path) -> None:
    assert client.post("/v1/secure", json={"paths": [str(tmp_path / "nope.zip")]}).status_code == 422
    empty = tmp_path / "empty"
    empty.mkdir()
    answer = client.post("/v1/secure", json={"paths": [str(empty)]})
    assert answer.status_code == 422 and "nothing was checked" in answer.json()["error"]
    assert client.post("/v1/secure/hacked", json={"platform": "myspace"}).status_code == 422


def test_the_hacked_response_over_the_api(client: TestClient, home: Path) -> None:
    answer = client.post(
        "/v1/secure/hacked",
        json={
            "platform": "x",
            "canLogIn": True,
            "paths": [str(DATA / "x-planted")],
            "asOf": "2026-12-01",
            "record": True,
        },
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["remove"] and body["evidence_entry"] == 1 and "Dear BABCP" in body["notice"]


@pytest.mark.slow
def test_the_checkup_page_in_a_browser(page: Any, live_server: LiveServer, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    archive = shutil.make_archive(str(tmp_path / "x-planted"), "zip", DATA / "x-planted")
    page.goto(f"{live_server.url}/secure")
    page.get_by_label("Data exports").set_input_files(archive)
    page.get_by_role("button", name="Run the checkup").click()
    expect(page.locator("#secure-status")).to_have_text("Done.", timeout=30_000)
    expect(page.locator("#secure-summary")).to_contain_text("Score 0/100")
    frame = page.frame_locator("#secure-report")
    expect(frame.get_by_text("A sign-in from a new country: Brazil")).to_be_visible()
    expect(frame.get_by_text("Two sign-ins too far apart to be one person")).to_be_visible()
    screenshot(page, "secure")
    page.get_by_label("No, I am locked out").check()
    page.get_by_role("button", name="Show me what to do").click()
    expect(page.locator("#hacked-status")).to_contain_text("Recorded in your abuse log", timeout=30_000)
    expect(page.frame_locator("#hacked-report").get_by_text("A draft to BABCP")).to_be_visible()
    screenshot(page, "secure-hacked")
