"""Fixtures for the evidence log tests: a private POSTGUARD_HOME, screenshots, a CLI runner."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from evidence_helpers import Cli, make_png

from postguard.evidence.store import EvidenceStore


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pg-home"
    monkeypatch.setenv("POSTGUARD_HOME", str(path))
    return path


@pytest.fixture
def store(home: Path) -> EvidenceStore:
    return EvidenceStore(home)


@pytest.fixture
def png(tmp_path: Path) -> Callable[..., Path]:
    counter = iter(range(10_000))

    def factory(label: str = "screenshot", name: str | None = None) -> Path:
        return make_png(tmp_path / (name or f"shot-{next(counter)}.png"), label)

    return factory


@pytest.fixture
def cli(home: Path) -> Cli:
    return Cli()
