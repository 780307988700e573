"""Helpers for the evidence log tests (screenshots, the CLI runner, raw tampering)."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from typer.testing import CliRunner

from postguard.evidence.cli import evidence_app

WRITER = Path(__file__).with_name("_writer.py")


def make_png(path: Path, label: str = "screenshot", size: tuple[int, int] = (900, 560)) -> Path:
    """A screenshot-like PNG: a coloured header bar and a line of text."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 70), fill=(29, 161, 242))
    draw.text((20, 25), "@someone replied", fill="white")
    draw.text((20, 120), label, fill="black")
    draw.rectangle((20, 200, size[0] - 20, size[1] - 20), outline=(120, 120, 120), width=3)
    image.save(path, format="PNG")
    return path


class Cli:
    """Runs ``postguard evidence ...`` in-process, as the main app will mount it."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str) -> Any:
        return self.runner.invoke(evidence_app, list(args), catch_exceptions=False)

    def add(self, *extra: str, text: str = "You are a useless quack", **fields: str) -> Any:
        options = {
            "platform": "X",
            "url": "https://x.com/troll/status/1",
            "author": "@troll",
            **fields,
        }
        args = ["add", "--text", text]
        for key, value in options.items():
            args += [f"--{key.replace('_', '-')}", value]
        return self(*args, *extra)

    def json(self, *args: str) -> Any:
        result = self(*args, "--format", "json")
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout)


def tamper(home: Path) -> sqlite3.Connection:
    """A raw connection with the append-only triggers dropped, as an attacker would do."""
    conn = sqlite3.connect(home / "evidence.sqlite3", isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS entries_append_only_update")
    conn.execute("DROP TRIGGER IF EXISTS entries_append_only_delete")
    return conn


def subprocess_env(home: Path) -> dict[str, str]:
    """The environment for a child Python that must import postguard as this test does."""
    env = dict(os.environ)
    env["POSTGUARD_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env
