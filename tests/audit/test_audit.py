"""`postguard audit` end to end on the synthetic platform samples (tests/sources/data) and on a
generated X archive: the files it writes, the planted problems it must find, the decoys it must
leave alone, takeover detection, and bad input.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postguard.audit.runner import IN_PROGRESS, run_audit
from postguard.cli import app
from postguard.sources.synthetic import write_x_archive

DATA = Path(__file__).parents[1] / "sources" / "data"


def findings(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "findings.jsonl").read_text().splitlines()]


def rules_for(rows: list[dict[str, object]], post_id: str) -> set[object]:
    return {r["rule"] for r in rows if r["post_id"] == post_id}


@pytest.fixture(scope="module")
def x_audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("x-audit")
    run_audit([DATA / "x-archive"], out, workers=1)
    return out


def test_writes_the_three_files(x_audit: Path) -> None:
    assert {p.name for p in x_audit.iterdir()} == {"findings.jsonl", "summary.json", "report.html"}
    summary = json.loads((x_audit / "summary.json").read_text())
    assert summary["posts"] > 20
    assert summary["by_rule"] == {
        rule: sum(1 for r in findings(x_audit) if r["rule"] == rule) for rule in summary["by_rule"]
    }
    row = findings(x_audit)[0]
    for key in (
        "post_id",
        "date",
        "url",
        "rule",
        "excerpt",
        "suggestion",
        "severity",
        "detector",
        "explanation",
    ):
        assert key in row
    # every text finding says which detector decided, so no consumer parses its message
    assert all(r["detector"] for r in findings(x_audit) if r["source"] == "text")


def test_planted_x_posts_fire(x_audit: Path) -> None:
    rows = findings(x_audit)
    assert "SM101" in rules_for(rows, "1619018063935445090")
    assert "SM601" in rules_for(rows, "1654618863305179026")
    assert "SM501" in rules_for(rows, "1669721490847678622")
    assert "SM503" in rules_for(rows, "1720158663342046029")
    deleted = [r for r in rows if r["deleted"]]
    assert deleted and deleted[0]["rule"] == "SM601", "the deleted heated reply is audited too"


def test_decoys_stay_clean(x_audit: Path) -> None:
    rows = findings(x_audit)
    texts = {r["post_id"] for r in rows if r["severity"] != "info"}
    summary = json.loads((x_audit / "summary.json").read_text())
    # the Samaritans signposting, the idiom and the suicide-prevention post are not findings
    assert len(texts) <= 6, texts
    assert summary["verdicts"]["pass"] >= summary["posts"] - 6


@pytest.mark.parametrize(
    ("export", "post_fragment", "rule"),
    [
        ("mastodon", "Third no-show", "SM103"),
        ("linkedin", "98%", "SM401"),
        ("facebook", "Roundhay parkrun", "SM301"),
    ],
)
def test_planted_posts_on_other_platforms(tmp_path: Path, export: str, post_fragment: str, rule: str) -> None:
    result = run_audit([DATA / export], tmp_path, workers=1)
    rows = findings(tmp_path)
    assert any(r["rule"] == rule for r in rows), (rule, result.summary["by_rule"])
    assert result.summary["posts"] > 0


def test_takeover_incident_in_generated_archive(tmp_path: Path) -> None:
    archive = tmp_path / "x.zip"
    write_x_archive(archive, 1500, seed=5)
    out = tmp_path / "out"
    result = run_audit([archive], out, workers=2)
    assert result.summary["posts"] > 1000
    assert result.incidents, "the synthetic archive plants a 3am burst from a lookalike app"
    incident = result.incidents[0]
    assert any("Andr0id" in reason for reason in incident.reasons)
    assert any("BABCP" in step for step in incident.steps)


def test_zip_slip_and_bad_exports_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w"):
        pass
    unknown = tmp_path / "notes.zip"
    with zipfile.ZipFile(unknown, "w") as zf:
        zf.writestr("notes.txt", "just some notes")
        zf.writestr("../../evil.txt", "escape")
    for bad in (empty, unknown, tmp_path / "missing.zip"):
        out = tmp_path / f"out-{bad.stem}"
        result = runner.invoke(app, ["audit", str(bad), "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output
    assert not (tmp_path.parent / "evil.txt").exists()


def test_cli_json_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["audit", str(DATA / "linkedin"), "--out", str(tmp_path), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["posts"] > 0 and "SM401" in summary["by_rule"]


def test_other_languages_are_counted_not_passed(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    rows = [
        {"id": "1", "text": "Great session on exposure work today, proud of the team."},
        {
            "id": "2",
            "text": "Je suis tellement fière de ma cliente aujourd'hui, elle a enfin pris le bus toute seule.",
        },
        {"id": "3", "text": "x" * 100_001},
    ]
    posts.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = run_audit([posts], tmp_path / "out", workers=1)
    assert result.summary["not_checked"] == {"fr": 1}
    assert any("French" in w for w in result.warnings)
    assert any("100,001 characters" in w for w in result.warnings)
    assert "French" in (tmp_path / "out" / "report.html").read_text()


def test_out_must_be_a_folder_outside_the_export(tmp_path: Path) -> None:
    runner = CliRunner()
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    result = runner.invoke(app, ["audit", str(DATA / "linkedin"), "--out", str(not_a_folder)])
    assert result.exit_code == 2 and "is a file" in result.stderr
    result = runner.invoke(app, ["audit", str(DATA / "linkedin"), "--out", str(DATA / "linkedin" / "out")])
    assert result.exit_code == 2 and "inside the export" in result.stderr
    assert not (DATA / "linkedin" / "out").exists()


def test_an_audit_that_reads_no_posts_never_looks_like_a_clean_account(tmp_path: Path) -> None:
    # a Mastodon archive whose outbox states 1,586 activities but holds none that can be read
    export = tmp_path / "mastodon"
    export.mkdir()
    (export / "actor.json").write_text(
        json.dumps(
            {
                "@context": "https://www.w3.org/ns/activitystreams",
                "type": "Person",
                "preferredUsername": "sam",
            }
        )
    )
    (export / "outbox.json").write_text(
        json.dumps(
            {
                "@context": "https://www.w3.org/ns/activitystreams",
                "type": "OrderedCollection",
                "totalItems": 1586,
                "orderedItems": [],
            }
        )
    )
    result = CliRunner().invoke(app, ["audit", str(export), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "not a clean result" in result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["posts"] == 0 and summary["read_nothing"] is True
    report = (tmp_path / "out" / "report.html").read_text()
    assert "not a clean result" in report
    json_run = CliRunner().invoke(
        app, ["audit", str(export), "--out", str(tmp_path / "out2"), "--format", "json"]
    )
    assert json_run.exit_code == 3 and json.loads(json_run.stdout)["read_nothing"] is True


def test_an_audit_that_reads_far_fewer_posts_than_the_export_states_says_so(tmp_path: Path) -> None:
    """The manifest of an X archive counts 30 tweets in tweets.js; a damaged copy holds 3."""
    export = tmp_path / "x"
    shutil.copytree(DATA / "x-archive", export)
    tweets = export / "data" / "tweets.js"
    text = tweets.read_text()
    records = [m.start() for m in re.finditer(r"\n  \{\n    \"tweet\" :", text)]
    tweets.write_text(text[: records[3]].rstrip().rstrip(",") + "\n]")
    result = CliRunner().invoke(app, ["audit", str(export), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    assert "far more posts than could be read" in result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["incomplete"] == ["data/tweets.js: the export states 30 tweets but only 3 could be read"]
    report = (tmp_path / "out" / "report.html").read_text()
    assert "Incomplete audit" in report and "states 30 tweets but only 3" in report


def test_a_whole_export_is_not_flagged_incomplete(tmp_path: Path) -> None:
    for name in ("x-archive", "mastodon"):
        result = run_audit([DATA / name], tmp_path / name, workers=1, check_media=False)
        assert result.summary["incomplete"] == [], name


@pytest.mark.slow
def test_an_audit_killed_half_way_never_leaves_a_folder_that_looks_complete(tmp_path: Path) -> None:
    """kill -9 while the posts are being checked, over an earlier audit's results, then rerun."""
    out = tmp_path / "out"
    run_audit([DATA / "x-archive"], out, workers=1, check_media=False)
    assert (out / "report.html").exists() and not (out / IN_PROGRESS).exists()
    archive = write_x_archive(tmp_path / "x.zip", 20_000, seed=3).path
    command = [sys.executable, "-m", "postguard.cli", "audit", str(archive), "--out", str(out)]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (out / "findings.jsonl.part").exists() and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert (out / IN_PROGRESS).exists()
    assert not (out / "report.html").exists() and not (out / "summary.json").exists()
    assert not (out / "findings.jsonl").exists()
    run_audit([DATA / "x-archive"], out, workers=1, check_media=False)
    assert (out / "report.html").exists() and not (out / IN_PROGRESS).exists()


def test_a_text_posted_twice_is_reported_on_both_posts(tmp_path: Path) -> None:
    """Checked once (a cross-post or a copy-pasted reply), yet each post keeps its finding."""
    export = tmp_path / "posts.csv"
    breach = "My client John Smith from Leeds finally admitted his affair in session today."
    export.write_text(
        f'id,text\n1,"{breach}"\n2,Lovely walk by the canal this morning.\n3,"{breach}"\n', encoding="utf-8"
    )
    result = run_audit([export], tmp_path / "out", workers=1, check_media=False)
    assert result.summary["posts"] == 3
    rows = [json.loads(line) for line in (tmp_path / "out" / "findings.jsonl").read_text().splitlines()]
    flagged = {row["post_id"] for row in rows if row["rule"] == "SM101"}
    assert flagged == {"1", "3"}
