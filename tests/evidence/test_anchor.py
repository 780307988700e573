"""History that cannot be rewritten unseen: an earlier export anchors the log.

Someone with the SQLite file can drop the triggers, rewrite entries and recompute every hash; the
chain alone then verifies. A bundle exported before the rewrite still exposes it.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from evidence_helpers import Cli, make_png, tamper

from postguard.evidence.attachments import check_file
from postguard.evidence.model import GENESIS_HASH, canonical_json, chain_hash
from postguard.evidence.store import EvidenceStore

Contents = list[dict[str, Any]]


@pytest.fixture
def five(cli: Cli, png: Callable[..., Path]) -> None:
    for i in range(1, 6):
        result = cli.add("--screenshot", str(png(f"message {i}")), text=f"message {i}: you liar")
        assert result.exit_code == 0, result.output


@pytest.fixture
def last_month(cli: Cli, five: None, tmp_path: Path) -> Path:
    """The bundle the member gave the police a month ago."""
    out = tmp_path / "police-last-month.zip"
    result = cli("export", "--for", "police", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def rewrite(home: Path, edit: Callable[[Contents], Contents]) -> None:
    """A full rewrite, as someone with the file can do: every hash and the head recomputed."""
    conn = tamper(home)
    contents: Contents = [json.loads(c) for (c,) in conn.execute("SELECT content FROM entries ORDER BY seq")]
    contents = edit(contents)
    conn.execute("DELETE FROM entries")
    prev = GENESIS_HASH
    for seq, content in enumerate(contents, start=1):
        content["seq"] = seq
        canonical = canonical_json(content)
        digest = chain_hash(prev, canonical)
        conn.execute("INSERT INTO entries VALUES (?, ?, ?, ?)", (seq, canonical, prev, digest))
        prev = digest
    conn.execute("UPDATE meta SET value = ? WHERE key = 'head_seq'", (str(len(contents)),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'head_hash'", (prev,))
    conn.close()


def _soften_entry_2(contents: Contents) -> Contents:
    contents[1]["text"] = "message 2: you are lovely"
    return contents


def _drop_entry_3(contents: Contents) -> Contents:
    return contents[:2] + contents[3:]


def _drop_last_two(contents: Contents) -> Contents:
    return contents[:3]


def _new_author_for_entry_4(contents: Contents) -> Contents:
    contents[3]["author"] = "@someone_else"
    return contents


REWRITES = [
    pytest.param(_soften_entry_2, 2, "rewritten", "text changed", id="edited text"),
    pytest.param(_drop_entry_3, 3, "rewritten", "text changed", id="deleted and renumbered"),
    pytest.param(_drop_last_two, 4, "removed", "the log now ends at entry 3", id="cut short"),
    pytest.param(_new_author_for_entry_4, 4, "rewritten", "author changed", id="edited author"),
]


@pytest.mark.parametrize(("edit", "first", "code", "words"), REWRITES)
def test_a_bundle_exported_last_month_exposes_a_full_rewrite(
    cli: Cli,
    home: Path,
    last_month: Path,
    edit: Callable[[Contents], Contents],
    first: int,
    code: str,
    words: str,
) -> None:
    rewrite(home, edit)
    assert cli("verify").exit_code == 0, "the rewrite is consistent: the chain alone cannot see it"

    result = cli("verify", "--against", str(last_month))
    assert result.exit_code == 1, result.output
    assert f"the first entry that differs is entry {first}" in " ".join(result.stdout.split())

    report = cli.json("verify", "--against", str(last_month))
    assert report["intact"] is False
    against = report["against"]
    assert against["holds"] is False
    assert against["first_difference"] == first
    problem = against["problems"][0]
    assert (problem["entry"], problem["problem"]) == (first, code)
    assert words in problem["detail"]


def test_a_changed_screenshot_with_recomputed_hashes_is_named(
    cli: Cli, home: Path, last_month: Path, tmp_path: Path
) -> None:
    doctored = make_png(tmp_path / "doctored.png", "a doctored screenshot")
    (stored,) = EvidenceStore(home).put_files([check_file(doctored, screenshot=True)])

    def swap(contents: Contents) -> Contents:
        contents[2]["attachments"] = [stored.to_dict()]
        return contents

    rewrite(home, swap)
    assert cli("verify").exit_code == 0
    against = cli.json("verify", "--against", str(last_month))["against"]
    assert against["first_difference"] == 3
    assert "attachments changed" in against["problems"][0]["detail"]


def test_the_head_printed_in_the_report_checks_the_log_without_the_bundle(
    cli: Cli, home: Path, last_month: Path
) -> None:
    with zipfile.ZipFile(last_month) as bundle:
        pdf = pdfium.PdfDocument(bundle.read("report.pdf"))
        text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        pdf.close()
    flat = re.sub(r"\s+", "", text)  # the hash may be wrapped across lines on the page
    match = re.search(r"verify--against([0-9a-f]{64}:5)", flat)
    assert match, "the report gives the command with the chain head and count"
    head = match.group(1)
    assert "postguard evidence verify --against police-last-month.zip" in " ".join(text.split())

    assert cli("verify", "--against", head).exit_code == 0
    assert cli("verify", "--against", head.split(":")[0]).exit_code == 0

    rewrite(home, _soften_entry_2)
    for value in (head, head.split(":")[0]):
        result = cli("verify", "--against", value)
        assert result.exit_code == 1, result.output
        assert "if it was copied correctly" in " ".join(result.stdout.split())


def test_entries_added_after_the_export_keep_the_anchor(cli: Cli, last_month: Path) -> None:
    assert cli.add(text="a new message after the export").exit_code == 0
    assert cli.add(text="and another one").exit_code == 0
    result = cli("verify", "--against", str(last_month))
    assert result.exit_code == 0, result.output
    assert "still begins with its 5 entries, byte for byte" in " ".join(result.stdout.split())
    assert "signed by this computer's key" in result.stdout
    against = cli.json("verify", "--against", str(last_month))["against"]
    assert against["holds"] is True and against["entries"] == 5 and against["problems"] == []


def test_a_bundle_from_another_key_does_not_anchor_this_log(cli: Cli, home: Path, last_month: Path) -> None:
    """After the key is replaced (or the log moved without it), old bundles no longer match."""
    (home / "signing-key.pem").rename(home / "old-key.pem")
    assert cli("verify", "--against", str(last_month)).exit_code == 1
    assert cli("export", "--for", "police", "--out", str(home.parent / "new.zip")).exit_code == 0
    result = cli.json("verify", "--against", str(last_month))
    assert [p["problem"] for p in result["against"]["problems"]] == ["other-key"]


def test_a_bundle_changed_since_export_is_no_anchor(cli: Cli, last_month: Path, tmp_path: Path) -> None:
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(last_month) as source, zipfile.ZipFile(changed, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "entries.jsonl":
                data = data.replace(b"message 1: you liar", b"message 1: you are nice")
            target.writestr(name, data)
    result = cli.json("verify", "--against", str(changed))
    assert result["intact"] is False
    codes = {p["problem"] for p in result["against"]["problems"]}
    assert "bundle-changed" in codes


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("nowhere.zip", "neither a bundle that exists nor a chain head"),
        ("abc123", "neither a bundle that exists nor a chain head"),
        ("0" * 64 + ":0", "COUNT of at least 1"),
        ("notes.txt", "not a zip file"),
        ("other.zip", "not a postguard evidence bundle"),
    ],
)
def test_bad_against_is_a_one_line_error(
    cli: Cli, five: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, words: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("not a bundle")
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as other:
        other.writestr("manifest.json", '{"hello": "world"}')
    result = cli("verify", "--against", value)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert words in lines[0]


def test_a_deleted_log_against_a_bundle_names_every_entry(cli: Cli, home: Path, last_month: Path) -> None:
    for name in ("evidence.sqlite3", "evidence.sqlite3-wal", "evidence.sqlite3-shm"):
        (home / name).unlink(missing_ok=True)
    against = cli.json("verify", "--against", str(last_month))["against"]
    assert [(p["entry"], p["problem"]) for p in against["problems"]] == [(n, "removed") for n in range(1, 6)]
    assert "the log is now empty" in against["problems"][0]["detail"]
