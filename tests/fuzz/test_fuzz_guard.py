"""The fuzz harness itself catches what it claims to: a fuzz whose guard sees nothing would pass
every case and prove nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NoReturn

import fuzz_guard
import pytest
from fuzz_containers import SECRET_TOKEN
from fuzz_guard import Expected, Outcome, guarded_import, judge

from postguard.errors import InputError

EXPECTED = Expected("plain", {"posts.json": 5}, {"posts.json": "plain:json"})


def test_a_write_outside_out_is_refused_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def writes(path: Path, limits: object) -> NoReturn:
        (tmp_path / "elsewhere.txt").write_text("x")
        raise AssertionError("the write above must be refused")

    monkeypatch.setattr(fuzz_guard, "open_export", writes)
    outcome = guarded_import(tmp_path, tmp_path / "out")
    assert not (tmp_path / "elsewhere.txt").exists()
    assert any("outside the out folder" in p for p in judge(outcome, tmp_path, EXPECTED).problems)


def test_a_hang_is_stopped_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def hangs(path: Path, limits: object) -> NoReturn:
        while True:
            pass

    monkeypatch.setattr(fuzz_guard, "open_export", hangs)
    monkeypatch.setattr(fuzz_guard, "CASE_SECONDS", 0.2)
    outcome = guarded_import(tmp_path, tmp_path / "out")
    assert isinstance(outcome.crash, fuzz_guard.CaseTimeout)
    assert any(p.startswith("took") for p in judge(outcome, tmp_path, EXPECTED).problems)


def test_memory_growth_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def grows(path: Path, limits: object) -> NoReturn:
        hoard = bytearray(8 * fuzz_guard.MiB)
        raise InputError(f"export: {len(hoard)} bytes")

    monkeypatch.setattr(fuzz_guard, "open_export", grows)
    monkeypatch.setattr(fuzz_guard, "MEMORY_FLOOR", fuzz_guard.MiB)
    outcome = guarded_import(tmp_path, tmp_path / "out")
    assert any("traced memory" in p for p in judge(outcome, tmp_path, EXPECTED).problems)


def test_records_lost_from_a_damaged_file_need_a_warning_naming_it(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_text('[{"text": "one"}, {"text": "two"')  # cut off
    outcome = Outcome(format="plain", archive=tmp_path, roles={"plain:json": ["posts.json"]})
    outcome.members, outcome.posts = {"posts.json"}, Counter({"posts.json": 1})
    assert judge(outcome, tmp_path, EXPECTED).problems[0].startswith("posts.json: 4 of 5 posts lost")
    outcome.warnings = ["posts.json: JSON is truncated after 1 records; rest lost"]
    assert judge(outcome, tmp_path, EXPECTED).problems == []


def test_errors_over_two_lines_and_reads_through_links_are_reported(tmp_path: Path) -> None:
    outcome = Outcome(error=InputError("export: first\nsecond"), strings=[f"a post saying {SECRET_TOKEN}"])
    problems = judge(outcome, tmp_path, EXPECTED, secret=SECRET_TOKEN).problems
    assert [p.split(":")[0] for p in problems] == [
        "InputError is not one line",
        "read a file outside the export (through a link)",
    ]
