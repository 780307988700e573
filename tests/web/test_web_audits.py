"""``/v1/audits``: an audit of the sample X archive by path and by upload, followed to its report
through the event stream; cancelling (held at a known point, so it is never a race); what is
refused; and that nothing is left on disk once an audit is cancelled, fails or the server stops."""

from __future__ import annotations

import json
import logging
import multiprocessing
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from postguard.audit import runner
from postguard.web import audits, security
from postguard.web.audits import AuditJobs
from postguard.web.state import WebState

X_ARCHIVE = Path(__file__).parents[1] / "sources" / "data" / "x-archive"
POSTS = 29  # own posts with text in the sample (reposts are skipped)
FINAL = {"done", "failed", "cancelled"}


def zipped(folder: Path, to: Path) -> Path:
    with zipfile.ZipFile(to, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, path.relative_to(folder).as_posix())
    return to


def events(client: TestClient, audit: str) -> list[tuple[str, dict[str, Any]]]:
    """The audit's server-sent events, read until the server ends the stream."""
    out: list[tuple[str, dict[str, Any]]] = []
    with client.stream("GET", f"/v1/audits/{audit}/events") as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        for block in stream.read().decode().split("\n\n"):
            fields = dict(line.split(": ", 1) for line in block.splitlines() if not line.startswith(":"))
            if "data" in fields:
                out.append((fields["event"], json.loads(fields["data"])))
    return out


def wait(
    client: TestClient, audit: str, until: Callable[[dict[str, Any]], bool] = lambda j: j["status"] in FINAL
) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while True:
        job: dict[str, Any] = client.get(f"/v1/audits/{audit}").json()
        if until(job):
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.05)


def jobs_of(state: WebState) -> AuditJobs:
    return state.feature("audits", AuditJobs)


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 5 posts, so the sample's 29 give several progress callbacks."""
    monkeypatch.setattr(runner, "BATCH", 5)


@pytest.fixture
def hold(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[threading.Event, threading.Event]]:
    """``run_audit`` stopped at its first progress callback, until the test lets it go on."""
    reached, release = threading.Event(), threading.Event()
    real = audits.run_audit

    def held(paths: Any, out: Path, *, progress: Callable[[int, int], None], **options: Any) -> Any:
        def first_waits(done: int, batch: int) -> None:
            reached.set()
            assert release.wait(30)
            progress(done, batch)

        return real(paths, out, progress=first_waits, **options)

    monkeypatch.setattr(audits, "run_audit", held)
    yield reached, release
    release.set()


def test_an_audit_by_path_streams_its_progress_then_its_report(
    client: TestClient, state: WebState, small_batches: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    started = client.post("/v1/audits", json={"path": str(X_ARCHIVE)})
    assert started.status_code == 202
    audit = started.json()["id"]
    assert started.json()["status"] == "running" and started.json()["name"] == "x-archive"

    stream = events(client, audit)
    names = [name for name, _ in stream]
    assert names[-1] == "done" and set(names[:-1]) == {"progress"}
    counts = [data["done"] for name, data in stream if name == "progress"]
    assert counts == sorted(counts) and counts[-1] == POSTS
    assert stream[-2][1] == {"status": "done", "done": POSTS, "total": POSTS}
    summary = stream[-1][1]["summary"]
    assert summary["posts"] == POSTS and summary["read_nothing"] is False and summary["platforms"] == ["x"]

    job = client.get(f"/v1/audits/{audit}").json()
    assert job["status"] == "done" and job["summary"] == summary and job["error"] is None
    assert client.get(f"/v1/audits/{audit}/summary").json() == summary
    report = client.get(f"/v1/audits/{audit}/report")
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/html")
    csp = report.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'self'" in csp and "script-src" not in csp
    assert report.headers["x-frame-options"] == "SAMEORIGIN"
    assert "Delete or edit first" in report.text
    findings = client.get(f"/v1/audits/{audit}/findings.jsonl")
    rows = [json.loads(line) for line in findings.text.splitlines()]
    assert len(rows) == sum(summary["by_rule"].values()) and all(row["rule"] for row in rows)

    # a stream opened after the end gets the state as it is, then the final event
    assert [name for name, _ in events(client, audit)] == ["progress", "done"]
    # the log says what happened to which audit, never what the posts say
    assert f"audit {audit}: done" in caplog.text
    for excerpt in {row["excerpt"] for row in rows if row["excerpt"]}:
        assert excerpt not in caplog.text


def test_an_uploaded_zip_is_audited_and_every_file_goes_when_the_server_stops(
    client: TestClient, state: WebState, tmp_path: Path
) -> None:
    archive = zipped(X_ARCHIVE, tmp_path / "twitter-2024.zip")
    started = client.post(
        "/v1/audits?name=twitter-2024.zip&media=false",
        content=archive.read_bytes(),
        headers={"content-type": "application/zip"},
    )
    assert started.status_code == 202, started.text
    audit = started.json()["id"]
    job = wait(client, audit)
    assert job["status"] == "done" and job["name"] == "twitter-2024.zip"
    assert job["summary"]["posts"] == POSTS and job["summary"]["media"] == {}

    jobs = jobs_of(state)
    folder = jobs.root / audit
    assert not (folder / audits.UPLOAD).exists()  # the uploaded copy goes once it is read
    assert sorted(p.name for p in (folder / audits.RESULTS).iterdir()) == [
        "findings.jsonl",
        "report.html",
        "summary.json",
    ]
    assert jobs.root.stat().st_mode & 0o777 == 0o700 and folder.stat().st_mode & 0o777 == 0o700
    jobs.close()
    assert not jobs.root.exists()


def test_a_running_audit_is_cancelled_at_its_next_batch_and_leaves_nothing(
    client: TestClient, state: WebState, small_batches: None, hold: tuple[threading.Event, threading.Event]
) -> None:
    reached, release = hold
    audit = client.post("/v1/audits", json={"path": str(X_ARCHIVE)}).json()["id"]
    assert reached.wait(60)
    for part in ("report", "findings.jsonl", "summary"):
        early = client.get(f"/v1/audits/{audit}/{part}")
        assert early.status_code == 409 and "running" in early.json()["error"]

    cancelled = client.delete(f"/v1/audits/{audit}")
    assert cancelled.status_code == 202 and cancelled.json()["status"] == "cancelling"
    release.set()
    stream = events(client, audit)
    assert stream[-1][0] == "cancelled" and stream[-1][1]["summary"] is None
    assert all(data["done"] < POSTS for name, data in stream if name == "progress")
    assert client.get(f"/v1/audits/{audit}").json()["status"] == "cancelled"
    assert client.get(f"/v1/audits/{audit}/report").status_code == 409
    # no half-written folder, no worker process left behind
    assert not (jobs_of(state).root / audit).exists()
    assert not [p for p in multiprocessing.active_children() if p.is_alive()]
    # a finished audit is left as it was
    assert client.delete(f"/v1/audits/{audit}").json()["status"] == "cancelled"


def test_queued_audits_wait_their_turn_and_stopping_the_server_cancels_them_all(
    client: TestClient, state: WebState, hold: tuple[threading.Event, threading.Event], tmp_path: Path
) -> None:
    reached, release = hold
    running = client.post("/v1/audits", json={"path": str(X_ARCHIVE)}).json()["id"]
    assert reached.wait(60)
    archive = zipped(X_ARCHIVE, tmp_path / "x.zip").read_bytes()
    queued = client.post(
        "/v1/audits?name=x.zip", content=archive, headers={"content-type": "application/zip"}
    ).json()
    assert queued["status"] == "queued"
    jobs = jobs_of(state)
    assert (jobs.root / queued["id"] / audits.UPLOAD / "x.zip").stat().st_size == len(archive)

    # a queued audit is cancelled at once, its upload removed
    assert client.delete(f"/v1/audits/{queued['id']}").json()["status"] == "cancelled"
    assert not (jobs.root / queued["id"]).exists()
    waiting = client.post("/v1/audits", json={"path": str(X_ARCHIVE)}).json()["id"]

    closing = threading.Thread(target=jobs.close)
    closing.start()
    wait(client, running, lambda j: j["status"] == "cancelling")
    release.set()
    closing.join(60)
    assert not closing.is_alive() and not jobs.root.exists()
    assert [client.get(f"/v1/audits/{a}").json()["status"] for a in (running, waiting)] == [
        "cancelled",
        "cancelled",
    ]
    refused = client.post("/v1/audits", json={"path": str(X_ARCHIVE)})
    assert refused.status_code == 503


def test_a_path_that_is_not_there_is_a_plain_422(client: TestClient, state: WebState, tmp_path: Path) -> None:
    missing = client.post("/v1/audits", json={"path": str(tmp_path / "twitter.zip")})
    assert missing.status_code == 422
    assert missing.json()["error"] == f"there is no file or folder at {tmp_path / 'twitter.zip'}"
    relative = client.post("/v1/audits", json={"path": "Downloads/twitter.zip"})
    assert relative.status_code == 422 and "full location" in relative.json()["error"]
    unknown = client.post("/v1/audits", json={"file": "/tmp/x.zip"})
    assert unknown.status_code == 422 and "path" in unknown.json()["error"]
    assert not list(jobs_of(state).root.iterdir())
    assert client.get("/v1/audits/0123456789abcdef0123456789abcdef").status_code == 404


def test_an_upload_that_is_no_export_fails_in_plain_words(client: TestClient, state: WebState) -> None:
    started = client.post(
        "/v1/audits?name=notes.zip",
        content=b"these are my notes",
        headers={"content-type": "application/zip"},
    )
    assert started.status_code == 202
    job = wait(client, started.json()["id"])
    assert job["status"] == "failed" and job["summary"] is None
    assert job["error"].startswith("notes.zip: unknown export format")
    assert str(jobs_of(state).root) not in job["error"]
    assert not list(jobs_of(state).root.iterdir())
    assert [name for name, _ in events(client, job["id"])] == ["progress", "error"]
    empty = client.post("/v1/audits?name=x.zip", content=b"", headers={"content-type": "application/zip"})
    assert empty.status_code == 422 and "empty" in empty.json()["error"]


def test_audits_need_the_token_or_the_login(anonymous: TestClient) -> None:
    assert anonymous.post("/v1/audits", json={"path": str(X_ARCHIVE)}).status_code == 401
    assert anonymous.get("/v1/audits/0123456789abcdef0123456789abcdef/events").status_code == 401
    page = anonymous.get("/audit/0123456789abcdef0123456789abcdef/report")
    assert page.status_code == 401 and "text/html" in page.headers["content-type"]


def test_an_upload_over_the_limit_is_refused_and_leaves_nothing(
    client: TestClient, state: WebState, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(security.LIMITS, "/v1/audits", 1000)
    stated = client.post("/v1/audits", content=b"x" * 2000, headers={"content-type": "application/zip"})
    assert stated.status_code == 413
    chunked = client.post(
        "/v1/audits",
        content=iter([b"x" * 600, b"x" * 600]),
        headers={"content-type": "application/octet-stream"},
    )
    assert chunked.status_code == 413 and "larger than" in chunked.json()["error"]
    assert not list(jobs_of(state).root.iterdir())


def test_the_api_docs_describe_both_ways_to_start_an_audit(client: TestClient) -> None:
    body = client.get("/openapi.json").json()["paths"]["/v1/audits"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/zip", "application/octet-stream"} <= set(body)
    assert body["application/json"]["schema"]["required"] == ["path"]
