"""``postguard evidence`` end to end through the Typer app: happy paths and bad input."""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from evidence_helpers import Cli

from postguard.evidence.cli import evidence_app


def test_add_list_show_verify(cli: Cli, home: Path, png: Callable[..., Path]) -> None:
    shot = png("I know where you live")
    added = cli.add(
        "--screenshot",
        str(shot),
        "--occurred-at",
        "2026-11-20T21:14:00+01:00",
        "--note",
        "third message this week",
        text="I know where you live. Watch your back.",
    )
    assert added.exit_code == 0, added.output
    assert "entry 1" in added.stdout
    second = cli.add(text="ok boomer, nobody likes you", platform="Instagram", author="hater")
    assert second.exit_code == 0, second.output

    listing = cli("list")
    assert listing.exit_code == 0
    assert "@troll" in listing.stdout and "hater" in listing.stdout

    entries = cli.json("list")
    assert [e["id"] for e in entries] == [1, 2]
    first = entries[0]["content"]
    assert first["occurred_at"] == "2026-11-20T20:14:00Z"
    assert first["occurred_at_local"] == "2026-11-20T21:14:00+01:00"
    assert first["kind"] == "threat"
    assert first["attachments"][0]["name"] == shot.name
    assert first["attachments"][0]["media_type"] == "image/png"
    assert entries[0]["prev_hash"] == "0" * 64
    assert entries[1]["prev_hash"] == entries[0]["hash"]

    shown = cli("show", "1")
    assert shown.exit_code == 0
    assert "Watch your back" in shown.stdout
    assert first["attachments"][0]["sha256"][:20] in shown.stdout
    detail = cli.json("show", "2")
    assert detail["content"]["platform"] == "Instagram"

    verified = cli("verify")
    assert verified.exit_code == 0, verified.output
    assert "intact" in verified.stdout
    report = cli.json("verify")
    assert report == {
        "intact": True,
        "entries": 2,
        "head_hash": entries[1]["hash"],
        "attachments_checked": 1,
        "problems": [],
    }


def test_kind_override_and_characteristic(cli: Cli) -> None:
    result = cli.add("--kind", "hate-incident", "--characteristic", "religion", "--format", "json", text="hm")
    assert result.exit_code == 0, result.output
    content = json.loads(result.stdout)["content"]
    assert content["kind"] == "hate-incident"
    assert content["characteristic"] == "religion"
    assert content["suggestion"]["kind"] != "hate-incident"


def test_correction_is_a_new_entry(cli: Cli, png: Callable[..., Path]) -> None:
    assert cli.add("--screenshot", str(png()), text="you are a fraud").exit_code == 0
    corrected = cli("correct", "1", "--author", "@real_troll", "--kind", "harassment")
    assert corrected.exit_code == 0, corrected.output
    entries = cli.json("list")
    assert len(entries) == 2
    assert entries[0]["content"]["author"] == "@troll"  # the original is untouched
    assert entries[1]["content"]["author"] == "@real_troll"
    assert entries[1]["content"]["corrects"] == 1
    assert entries[1]["content"]["attachments"] == entries[0]["content"]["attachments"]
    assert entries[0]["corrected_by"] == [2]
    assert cli("verify").exit_code == 0
    assert cli("correct", "7", "--kind", "threat").exit_code == 2


def test_empty_log(cli: Cli, home: Path) -> None:
    assert cli("list").exit_code == 0
    assert cli.json("list") == []
    assert cli("verify").exit_code == 0
    assert not (home / "evidence.sqlite3").exists()  # reading never creates the store


def test_every_command_has_help() -> None:
    runner = Cli()
    top = runner("--help")
    assert top.exit_code == 0
    for command in ("add", "list", "show", "verify", "export", "correct", "verify-bundle"):
        assert command in top.stdout
        result = runner(command, "--help")
        assert result.exit_code == 0, command
        assert "--format" in result.stdout, command


def _one_line_error(result: object, *fragments: str) -> None:
    assert getattr(result, "exit_code") == 2  # noqa: B009
    stderr = getattr(result, "stderr")  # noqa: B009
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_bad_input_is_one_line_and_keeps_entries(cli: Cli, tmp_path: Path, png: Callable[..., Path]) -> None:
    assert cli.add("--screenshot", str(png())).exit_code == 0
    before = cli.json("list")

    _one_line_error(cli.add("--screenshot", str(tmp_path / "nope.png")), "not found")
    not_image = tmp_path / "notes.png"
    not_image.write_text("these are my notes, not a picture")
    _one_line_error(cli.add("--screenshot", str(not_image)), "not an image")
    truncated = tmp_path / "broken.png"
    truncated.write_bytes(png().read_bytes()[:200])
    _one_line_error(cli.add("--screenshot", str(truncated)), "broken.png")
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:
        handle.truncate(26 * 1024 * 1024)
    _one_line_error(cli.add("--screenshot", str(huge)), "limit")
    _one_line_error(cli.add("--occurred-at", "last tuesday"), "invalid date")
    _one_line_error(cli.add("--occurred-at", "2999-01-01T00:00:00Z"), "future")
    _one_line_error(cli.add("--kind", "rudeness"), "unknown kind")
    _one_line_error(cli.add("--characteristic", "height"), "unknown characteristic")
    _one_line_error(cli.add(platform="  "), "--platform")
    _one_line_error(cli("show", "99"), "no evidence entry 99")
    _one_line_error(cli("add", "--platform", "X", "--url", "u", "--author", "a", "--text", ""))

    assert cli.json("list") == before
    assert cli("verify").exit_code == 0


def test_non_image_accepted_with_file(cli: Cli, tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text("<!DOCTYPE html><html><body>abuse</body></html>")
    result = cli.add("--file", str(saved), "--format", "json")
    assert result.exit_code == 0, result.output
    attachment = json.loads(result.stdout)["content"]["attachments"][0]
    assert attachment["media_type"] == "text/html"


def test_corrupted_store_is_reported_and_left_alone(cli: Cli, home: Path) -> None:
    home.mkdir(mode=0o700)
    db = home / "evidence.sqlite3"
    garbage = b"this is not a database, but somebody's evidence may be in here\n" * 64
    db.write_bytes(garbage)
    for result in (cli.add(), cli("list"), cli("verify"), cli("show", "1")):
        _one_line_error(result, "evidence.sqlite3")
    assert db.read_bytes() == garbage


def test_home_and_files_are_owner_only(cli: Cli, home: Path, png: Callable[..., Path]) -> None:
    assert cli.add("--screenshot", str(png())).exit_code == 0
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    for path in home.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_no_text_or_author_in_logs(
    cli: Cli, png: Callable[..., Path], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "very-distinctive-abusive-words"
    result = cli.add("--screenshot", str(png(name="private-shot.png")), text=secret)
    assert result.exit_code == 0
    assert caplog.records, "the add should log that an entry was added"
    for record in caplog.records:
        message = record.getMessage()
        assert secret not in message
        assert "@troll" not in message
        assert "private-shot" not in message


def test_app_is_mountable() -> None:
    import typer

    app = typer.Typer()
    app.add_typer(evidence_app, name="evidence")
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["evidence", "--help"])
    assert result.exit_code == 0
    assert "tamper-evident" in result.stdout


def test_abusive_text_cannot_drive_the_terminal(cli: Cli) -> None:
    sneaky = "you \x1b[2J\x1b]0;owned\x07 fraud [bold red]shouting[/bold red]"
    assert cli.add(text=sneaky).exit_code == 0
    for result in (cli("show", "1"), cli("list")):
        assert result.exit_code == 0
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[bold red]shouting[/bold red]" in cli("show", "1").stdout
    assert cli.json("show", "1")["content"]["text"] == sneaky  # stored verbatim
