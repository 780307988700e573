"""`postguard scrub` as a command: a table or JSON, one error line per broken file, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from mediafixtures import gps_jpeg, needs_exiftool, sha256
from typer.testing import CliRunner

from postguard.media.cli import scrub_command

pytestmark = needs_exiftool


def app() -> typer.Typer:
    application = typer.Typer()
    application.command("scrub")(scrub_command)
    application.command("other")(lambda: None)  # two commands: "scrub" is named as in postguard
    return application


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app(), ["scrub", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_text_table(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "holiday.jpg")
    code, out, err = run(str(source), "--out", str(tmp_path / "clean"))
    assert code == 0, err
    assert "holiday.jpg" in out and "GPS" in out
    assert "1 of 1 photos cleaned" in out
    assert (tmp_path / "clean" / "holiday.jpg").exists()


def test_json_lists_what_was_removed(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg")
    code, out, _err = run(str(source), "--out", str(tmp_path / "clean"), "--format", "json")
    assert code == 0
    [item] = json.loads(out)
    assert item["ok"] is True
    assert "GPS" in item["removed"]
    assert "GPSLatitude" in item["removed"]["GPS"]


def test_broken_file_exits_2_after_the_rest(tmp_path: Path) -> None:
    good = gps_jpeg(tmp_path / "good.jpg")
    digest = sha256(good)
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    out_dir = tmp_path / "clean"
    code, out, err = run(str(empty), str(good), "--out", str(out_dir), "--format", "json")
    assert code == 2
    items = json.loads(out)
    assert [i["ok"] for i in items] == [False, True]
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "empty.jpg" in lines[0]
    assert "Traceback" not in err
    assert (out_dir / "good.jpg").exists()
    assert sha256(good) == digest


def test_bad_format_option(tmp_path: Path) -> None:
    code, _out, err = run(str(tmp_path / "x.jpg"), "--out", str(tmp_path), "--format", "xml")
    assert code == 2
    assert "--format" in err


def test_out_folder_that_is_a_file(tmp_path: Path) -> None:
    source = gps_jpeg(tmp_path / "p.jpg")
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    code, _out, err = run(str(source), "--out", str(blocker))
    assert code == 2
    assert "not a folder" in err and "Traceback" not in err
