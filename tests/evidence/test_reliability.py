"""Crashes and concurrency: SIGKILL mid-add, and two processes adding at the same time."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from evidence_helpers import WRITER, subprocess_env

from postguard.evidence.store import EvidenceStore
from postguard.evidence.verify import verify

REQUIRED = {
    "v", "seq", "recorded_at", "recorded_at_local", "occurred_at", "occurred_at_local",
    "platform", "url", "author", "text", "note", "attachments", "kind", "characteristic",
    "suggestion", "corrects",
}  # fmt: skip


def _wait_for_entries(store: EvidenceStore, at_least: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while len(store.entries()) < at_least:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the writer made no progress"
        time.sleep(0.02)


def _assert_complete(store: EvidenceStore) -> None:
    result = verify(store)
    assert result.intact, [str(p) for p in result.problems]
    entries = store.entries()
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    for entry in entries:
        assert set(entry.content) == REQUIRED
        assert len(entry.attachments) == 1
        assert store.files.check(entry.attachments[0].sha256, entry.attachments[0].size) is None
        tag, number = str(entry.get("note")).split(":")
        assert entry.get("text") == f"message {number} from {tag}: you are a fraud"


@pytest.mark.slow
def test_sigkill_mid_add_leaves_a_verifiable_log(home: Path) -> None:
    store = EvidenceStore(home)
    rng = random.Random()
    for round_ in range(4):
        before = len(store.entries())
        process = subprocess.Popen(
            [sys.executable, str(WRITER), f"k{round_}", "-1"],
            env=subprocess_env(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            _wait_for_entries(store, before + 2, process)
            time.sleep(rng.uniform(0, 0.4))
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
            if process.stderr:
                process.stderr.close()
        assert process.returncode == -signal.SIGKILL
        _assert_complete(store)
        assert len(store.entries()) >= before + 2


@pytest.mark.slow
def test_two_processes_adding_at_once(home: Path, tmp_path: Path) -> None:
    start = tmp_path / "go"
    processes = [
        subprocess.Popen(
            [sys.executable, str(WRITER), tag, "20", str(start)],
            env=subprocess_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("alpha", "beta")
    ]
    time.sleep(0.5)  # let both start and import before the barrier opens
    start.touch()
    outputs = [p.communicate(timeout=300) for p in processes]
    for process, (_, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
    store = EvidenceStore(home)
    _assert_complete(store)
    entries = store.entries()
    assert len(entries) == 40
    by_author = [str(e.get("author")) for e in entries]
    assert by_author.count("@alpha") == 20 and by_author.count("@beta") == 20
    # Each writer saw its own entries get increasing, distinct numbers.
    numbers = [int(n) for out, _ in outputs for n in out.split()]
    assert sorted(numbers) == list(range(1, 41))
