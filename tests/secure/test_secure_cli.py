"""``postguard secure`` as a member runs it: JSON for machines with the sign-ins and the skipped
records, nothing asked without a terminal, the hacked-account response and its evidence entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from postguard.cli import app

DATA = Path(__file__).parent / "data"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["secure", *args, "--as-of", "2026-12-01"])
    return result.exit_code, result.stdout, result.stderr


def test_json_holds_the_sign_ins_the_skipped_records_and_the_todo() -> None:
    code, out, _ = run(str(DATA / "x-planted"), "--format", "json")
    assert code == 1  # a high signal is open
    data = json.loads(out)
    assert isinstance(data["sign_ins"], list) and len(data["sign_ins"]) > 20
    assert {"when", "ip", "country", "source"} <= set(data["sign_ins"][0])
    assert data["skipped"] and all(s["reason"] and s["source"] for s in data["skipped"])
    (account,) = data["accounts"]
    assert account["todo"] and account["signals"] and account["score"] < 50
    assert data["events"] and data["password_change"]["policy"]


def test_a_clean_account_exits_0_and_asks_nothing(tmp_path: Path) -> None:
    code, out, _ = run(str(DATA / "x-clean"), "--out", str(tmp_path))
    assert code == 0
    assert "Nothing unusual" in out
    assert (
        "Is 2-step verification on" not in out and "Check your passwords" not in out
    )  # no terminal: no questions
    html = (tmp_path / "secure.html").read_text()
    assert "Security checkup" in html and "http" not in html.replace("https://help.x.com", "")


def test_exports_it_cannot_use_get_one_line_each_and_the_rest_go_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(str(empty))
    assert code == 2 and err.startswith("error:") and err.count("\n") == 1
    code, out, _ = run(str(empty), str(DATA / "x-clean"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert len(data["accounts"]) == 1 and any(str(empty) in s["source"] for s in data["skipped"])
    assert run(str(tmp_path / "missing.zip"))[0] == 2
    assert run()[0] == 2


def test_hacked_gives_the_route_ncsc_steps_posts_to_remove_and_a_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTGUARD_HOME", str(tmp_path / "home"))
    code, out, _ = run(
        "hacked", str(DATA / "x-planted"), "--locked-out", "--format", "json", "--out", str(tmp_path)
    )
    assert code == 0
    response = json.loads(out)
    assert response["platform"] == "x"
    steps = response["steps"]
    assert "help.x.com" in steps[0]
    assert "forwarding" in steps[1]  # NCSC: the email account's rules before anything else
    assert any("Log every device" in s for s in steps) and any("2-step" in s for s in steps)
    assert any("contacts" in s for s in steps) and any("Action Fraud" in s for s in steps)
    assert response["remove"] and all(p["verdict"] != "pass" for p in response["remove"])
    assert "BABCP" in response["notice"] and "[your name]" in response["notice"]
    assert response["evidence_entry"] == 1
    assert (tmp_path / "hacked.html").exists()
    listed = CliRunner().invoke(app, ["evidence", "list", "--format", "json"])
    assert "takeover" in listed.stdout.lower()


def test_hacked_without_exports_or_a_platform_says_what_is_missing() -> None:
    code, _, err = run("hacked", "--no-record")
    assert code == 2 and "--platform" in err
    code, out, _ = run("hacked", "--platform", "instagram", "--can-log-in", "--no-record")
    assert code == 0 and "Instagram" in out and "2-step" in out and "Dear BABCP" in out


def test_a_zipped_export_reads_like_its_folder(tmp_path: Path) -> None:
    archive = shutil.make_archive(str(tmp_path / "x"), "zip", DATA / "x-planted")
    folder = json.loads(run(str(DATA / "x-planted"), "--format", "json")[1])
    zipped = json.loads(run(archive, "--format", "json")[1])
    assert len(zipped["sign_ins"]) == len(folder["sign_ins"])
    assert [s["kind"] for s in zipped["accounts"][0]["signals"]] == [
        s["kind"] for s in folder["accounts"][0]["signals"]
    ]


def test_a_password_typed_in_the_terminal_is_never_written_or_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from postguard.secure import cli as secure_cli
    from postguard.secure import passwords

    secret = "Zq-typed-4417-lantern"
    for name in ("HOME", "TMPDIR", "POSTGUARD_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
        (tmp_path / name.lower()).mkdir()
    monkeypatch.setattr(secure_cli, "stdin_is_terminal", lambda: True)
    monkeypatch.setattr(passwords.getpass, "getpass", lambda _prompt="": secret)
    with caplog.at_level(logging.DEBUG):
        result = CliRunner().invoke(
            app,
            ["secure", str(DATA / "x-clean"), "--as-of", "2026-12-01", "--out", str(tmp_path / "out")],
            input="y\ny\n",
        )
    assert result.exit_code == 0, result.output
    assert "Passwords" in result.stdout  # the check ran and said something about it
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "secure.html" for p in written)
    for path in written:
        assert secret.encode() not in path.read_bytes(), path
    assert secret not in result.output and secret not in caplog.text
