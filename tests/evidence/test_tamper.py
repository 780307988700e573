"""Tampering with the store behind postguard's back: ``verify`` exits 1 and names the entry."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from evidence_helpers import Cli, tamper


@pytest.fixture
def five(cli: Cli, png: Callable[..., Path]) -> list[dict[str, object]]:
    for i in range(1, 6):
        result = cli.add("--screenshot", str(png(f"message {i}")), text=f"message {i}: you liar")
        assert result.exit_code == 0, result.output
    entries: list[dict[str, object]] = cli.json("list")
    return entries


def _problems(cli: Cli) -> list[dict[str, object]]:
    result = cli("verify", "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["intact"] is False
    problems: list[dict[str, object]] = report["problems"]
    return problems


def test_triggers_refuse_plain_update_and_delete(five: object, home: Path) -> None:
    conn = sqlite3.connect(home / "evidence.sqlite3")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE entries SET content = 'x' WHERE seq = 1")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM entries WHERE seq = 1")
    conn.close()


def test_edited_row_is_named(cli: Cli, five: object, home: Path) -> None:
    conn = tamper(home)
    (content,) = conn.execute("SELECT content FROM entries WHERE seq = 3").fetchone()
    conn.execute(
        "UPDATE entries SET content = ? WHERE seq = 3",
        (content.replace("you liar", "you are lovely"),),
    )
    conn.close()
    problems = _problems(cli)
    assert {(p["entry"], p["problem"]) for p in problems} == {(3, "edited")}
    text = cli("verify")
    assert text.exit_code == 1
    assert "entries 3" in text.stdout


def test_edit_with_recomputed_hash_breaks_the_next_link(cli: Cli, five: object, home: Path) -> None:
    from postguard.evidence.model import canonical_json, chain_hash

    conn = tamper(home)
    content, prev = conn.execute("SELECT content, prev_hash FROM entries WHERE seq = 2").fetchone()
    data = json.loads(content)
    data["author"] = "@someone_else"
    forged = canonical_json(data)
    conn.execute("UPDATE entries SET content = ?, hash = ? WHERE seq = 2", (forged, chain_hash(prev, forged)))
    conn.close()
    problems = _problems(cli)
    assert [(p["entry"], p["problem"]) for p in problems] == [(3, "broken-link")]
    assert "entry 2" in str(problems[0]["detail"])


def test_deleted_row_is_named(cli: Cli, five: object, home: Path) -> None:
    conn = tamper(home)
    conn.execute("DELETE FROM entries WHERE seq = 2")
    conn.close()
    problems = _problems(cli)
    assert [(p["entry"], p["problem"]) for p in problems] == [(2, "removed")]


def test_deleted_last_row_is_named(cli: Cli, five: object, home: Path) -> None:
    conn = tamper(home)
    conn.execute("DELETE FROM entries WHERE seq = 5")
    conn.close()
    problems = _problems(cli)
    assert [(p["entry"], p["problem"]) for p in problems] == [(5, "removed")]


def test_swapped_rows_are_named(cli: Cli, five: object, home: Path) -> None:
    conn = tamper(home)
    rows = {
        seq: (content, prev, digest)
        for seq, content, prev, digest in conn.execute(
            "SELECT seq, content, prev_hash, hash FROM entries WHERE seq IN (2, 4)"
        )
    }
    for seq, other in ((2, 4), (4, 2)):
        conn.execute(
            "UPDATE entries SET content = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (*rows[other], seq),
        )
    conn.close()
    problems = _problems(cli)
    reordered = {p["entry"] for p in problems if p["problem"] == "reordered"}
    assert reordered == {2, 4}
    assert {p["entry"] for p in problems} <= {2, 3, 4, 5}


def test_changed_attachment_is_named(
    cli: Cli, five: list[dict[str, object]], home: Path, png: Callable[..., Path]
) -> None:
    content = five[3]["content"]
    assert isinstance(content, dict)
    sha = content["attachments"][0]["sha256"]
    path = home / "attachments" / sha[:2] / sha[2:]
    path.write_bytes(png("a doctored screenshot").read_bytes())
    problems = _problems(cli)
    assert [(p["entry"], p["problem"]) for p in problems] == [(4, "attachment-changed")]


def test_missing_attachment_is_named(cli: Cli, five: list[dict[str, object]], home: Path) -> None:
    content = five[0]["content"]
    assert isinstance(content, dict)
    sha = content["attachments"][0]["sha256"]
    (home / "attachments" / sha[:2] / sha[2:]).unlink()
    problems = _problems(cli)
    assert [(p["entry"], p["problem"]) for p in problems] == [(1, "attachment-missing")]


def test_damaged_json_is_named_and_listing_still_works(cli: Cli, five: object, home: Path) -> None:
    conn = tamper(home)
    conn.execute("UPDATE entries SET content = '{not json' WHERE seq = 1")
    conn.close()
    problems = _problems(cli)
    assert (1, "edited") in {(p["entry"], p["problem"]) for p in problems}
    listing = cli("list")
    assert listing.exit_code == 0
    assert "DAMAGED" in listing.stdout


def test_adding_after_tampering_keeps_reporting_it(cli: Cli, five: object, home: Path) -> None:
    conn = tamper(home)
    conn.execute("DELETE FROM entries WHERE seq = 3")
    conn.close()
    assert cli.add(text="new abuse").exit_code == 0
    problems = _problems(cli)
    assert (3, "removed") in {(p["entry"], p["problem"]) for p in problems}


def test_removed_last_entry_stays_visible_after_a_new_add(cli: Cli, five: object, home: Path) -> None:
    conn = tamper(home)
    conn.execute("DELETE FROM entries WHERE seq = 5")
    conn.close()
    assert cli.add(text="new abuse").exit_code == 0
    problems = _problems(cli)
    assert [(p["entry"], p["problem"]) for p in problems] == [(5, "removed")]
