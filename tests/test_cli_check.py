"""The command line as a member uses it: exit codes, JSON contract, batches, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postguard.cli import app

runner = CliRunner()
BAD = "So proud of my client today! Jess, a 34 year old teacher from Otley, finally rode the bus."
GOOD = "Exposure is hard at first; the anxiety usually peaks and then falls."


def invoke(*args: str, stdin: bytes | str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_check_text_exit_codes() -> None:
    assert invoke("check", GOOD)[0] == 0
    code, out, _ = invoke("check", BAD)
    assert code == 1
    assert "DON'T POST" in out and "SM101" in out
    assert invoke("check", "I guarantee results in 3 sessions!")[0] == 0
    assert invoke("check", "I guarantee results in 3 sessions!", "--fail-on", "warning")[0] == 1


def test_check_json_contract() -> None:
    code, out, _ = invoke("check", BAD, "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["verdict"] == "block"
    assert {"verdict", "policy", "findings"} <= data.keys()
    assert data["findings"][0]["rule"] == "SM101"


def test_check_reads_stdin() -> None:
    code, out, _ = invoke("check", "-", "--format", "json", stdin=BAD.encode())
    assert code == 1 and json.loads(out)["verdict"] == "block"


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["check", ""], None, "empty"),
        (["check", "-"], b"\xff\xfe\xfa", "not valid UTF-8"),
        (["check", "x" * 100_001], None, "at most 100,000"),
        (["check"], None, "give the post"),
        (["explain", "SM999"], None, "unknown rule code"),
        (["check", GOOD, "--pack", "nonexistent"], None, "no policy pack named"),
        (["check", GOOD, "--image", "/nonexistent/photo.jpg"], None, "photo.jpg"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], stdin: bytes | None, message: str) -> None:
    code, out, err = invoke(*args, stdin=stdin)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in out + err


def test_malformed_profile_exit_2(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text("credentials = 3")
    code, _, err = invoke("check", GOOD, "--profile", str(profile))
    assert code == 2 and "credentials" in err


def test_batch_jsonl_streams_in_order_and_reports_bad_rows(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": GOOD}),
        "{not json",
        json.dumps({"id": "b", "text": BAD}),
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "Honestly this is utter RUBBISH!!!"}),
    ]
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(lines) + "\n")
    code, out, err = invoke("check", "--input", str(path), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "2", "b", "c", "d"]
    assert rows[0]["verdict"] == "pass"
    assert rows[1]["line"] == 2 and "line 2: not valid JSON" in rows[1]["error"]
    assert rows[2]["verdict"] == "block"
    assert "empty" in rows[3]["error"]
    assert rows[4]["verdict"] == "review"
    assert code == 2, "bad rows make the run exit 2 after the rest are checked"
    assert "line 2" in err


def test_batch_csv(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text('id,text\n1,"' + GOOD + '"\n2,"' + BAD + '"\n')
    code, out, _ = invoke("check", "--input", str(path), "--format", "jsonl")
    assert [json.loads(line)["verdict"] for line in out.splitlines()] == ["pass", "block"]
    assert code == 1


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("id,body\n1,hello\n")
    code, _, err = invoke("check", "--input", str(path), "--format", "jsonl")
    assert code == 2 and "no 'text' column" in err


def test_rules_and_explain() -> None:
    code, out, _ = invoke("rules", "--format", "json")
    assert code == 0
    assert len(json.loads(out)) == 15
    code, out, _ = invoke("explain", "sm101")
    assert code == 0
    for heading in ("Policy", "Why it matters", "How to fix", "Would be flagged"):
        assert heading in out


def test_profile_watch_add_never_writes_the_name(tmp_path: Path) -> None:
    profile = tmp_path / "me.toml"
    assert invoke("profile", "init", str(profile), "--credential", "BABCP accredited")[0] == 0
    code, out, _ = invoke("profile", "watch", "add", "Rosalind Achterberg", "--profile", str(profile))
    assert code == 0
    assert "Rosalind" not in out and "achterberg" not in profile.read_text().lower()
    code, out, _ = invoke(
        "check", "Lovely chat with Rosalind Achterberg today.", "--profile", str(profile), "--format", "json"
    )
    assert code == 1
    assert json.loads(out)["findings"][0]["rule"] == "SM101"
    assert invoke("profile", "init", str(profile))[0] == 2, "init refuses to overwrite"


def test_csv_with_an_over_long_post_reports_that_row(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text('id,text\n1,"' + "a" * 200_000 + '"\n2,"' + GOOD + '"\n')
    code, out, err = invoke("check", "--input", str(path), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert "at most 100,000" in rows[0]["error"]
    assert rows[1]["verdict"] == "pass"
    assert code == 2 and "Traceback" not in err


def test_watch_add_creates_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "new.toml"
    assert invoke("profile", "watch", "add", "Tamsin Oduya", "--profile", str(profile))[0] == 0
    assert "tamsin" not in profile.read_text().lower()
    code, out, _ = invoke(
        "check", "Saw Tamsin Oduya at the shops.", "--profile", str(profile), "--format", "json"
    )
    assert code == 1 and json.loads(out)["findings"][0]["rule"] == "SM101"


def test_csv_saved_by_a_spreadsheet_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\n1," + GOOD.encode() + b"\n")
    code, out, _ = invoke("check", "--input", str(path), "--format", "jsonl")
    assert code == 0 and json.loads(out)["verdict"] == "pass"


def test_explain_prints_pack_text_literally(tmp_path: Path) -> None:
    import yaml

    pack = tmp_path / "pack.yaml"
    pack.write_text(
        yaml.safe_dump(
            {
                "id": "mine",
                "version": "1",
                "title": "t",
                "body": "b",
                "extends": "babcp",
                "rules": [{**load_rule("SM601"), "title": "Heated [/bold] tone [name]"}],
            }
        )
    )
    code, out, err = invoke("explain", "SM601", "--pack", str(pack))
    assert code == 0, err
    assert "Heated [/bold] tone [name]" in out


def load_rule(code: str) -> dict[str, object]:
    from postguard.policy import load_pack

    return load_pack("babcp").rule(code).model_dump()


def test_unchecked_post_fails_a_warning_gate() -> None:
    french = "Je suis tellement fière de ma cliente aujourd'hui, elle a enfin pris le bus toute seule."
    assert invoke("check", french)[0] == 0
    assert invoke("check", french, "--fail-on", "warning")[0] == 1


def test_a_check_writes_nothing_in_the_home_folder(tmp_path: Path) -> None:
    """No library may leave a trace of the member's use (onnxruntime's telemetry writes a device
    id under ~/.cache unless it is switched off)."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env.pop("POSTGUARD_HOME", None)
    run = subprocess.run(
        [sys.executable, "-m", "postguard.cli", "check", "Lovely walk by the canal this morning."],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []
