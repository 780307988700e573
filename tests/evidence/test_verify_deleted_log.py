"""Deleting the whole log database must not read as an intact, empty log."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from postguard.evidence.cli import evidence_app


def test_deleted_database_with_attachments_left_is_not_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("POSTGUARD_HOME", str(home))
    shot = tmp_path / "shot.png"
    Image.new("RGB", (20, 20), "white").save(shot)
    runner = CliRunner()
    added = runner.invoke(
        evidence_app,
        [
            "add",
            "--platform",
            "x",
            "--url",
            "https://x.com/a/1",
            "--author",
            "@a",
            "--text",
            "abuse",
            "--screenshot",
            str(shot),
        ],
    )
    assert added.exit_code == 0, added.output
    for name in ("evidence.sqlite3", "evidence.sqlite3-wal", "evidence.sqlite3-shm"):
        (home / name).unlink(missing_ok=True)
    result = runner.invoke(evidence_app, ["verify"])
    assert result.exit_code == 1, result.output
