"""Hostile and broken archives: bombs, zip-slip, absolute paths, symlinks, empty and unknown."""

from __future__ import annotations

import os
import tarfile
import zipfile
from pathlib import Path

import pytest
from source_builders import DATA, add_tar_entry, add_zip_entry

from postguard.errors import InputError
from postguard.sources import Limits, open_export
from postguard.sources.archive import clean_name, open_archive
from postguard.sources.common import Warnings

TWEETS = (DATA / "x-archive/data/tweets.js").read_bytes()
ACCOUNT = (DATA / "x-archive/data/account.js").read_bytes()
SMALL = Limits(ratio_floor_bytes=1024 * 1024, max_total_bytes=64 * 1024 * 1024)


def x_zip(path: Path, extra: list[tuple[str, bytes, bool]]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        add_zip_entry(zf, "data/tweets.js", TWEETS)
        add_zip_entry(zf, "data/account.js", ACCOUNT)
        for name, data, symlink in extra:
            add_zip_entry(zf, name, data, symlink=symlink)
    return path


def test_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    path = x_zip(tmp_path / "bomb.zip", [("data/padding.js", b"\0" * (8 * 1024 * 1024), False)])
    with pytest.raises(InputError, match=r"bomb\.zip.*expands \d+x.*zip bomb"):
        open_export(path, SMALL)


def test_bomb_of_many_small_entries_is_refused(tmp_path: Path) -> None:
    chunks = [(f"data/part{i}.bin", b"\0" * 200_000, False) for i in range(40)]
    with pytest.raises(InputError, match="overall"):
        open_export(x_zip(tmp_path / "many.zip", chunks), SMALL)


def test_total_size_cap(tmp_path: Path) -> None:
    noise = os.urandom(1024 * 1024)
    path = x_zip(tmp_path / "big.zip", [(f"data/m{i}.bin", noise, False) for i in range(3)])
    with pytest.raises(InputError, match="uncompressed size exceeds"):
        open_export(path, Limits(max_total_bytes=2 * 1024 * 1024))
    with pytest.raises(InputError, match=r"over the .* limit"):
        open_export(path, Limits(max_entry_bytes=512 * 1024))


def test_reads_are_capped_even_when_headers_lie(tmp_path: Path) -> None:
    archive = open_archive(x_zip(tmp_path / "x.zip", []))
    with (
        pytest.raises(InputError, match="expands beyond"),
        archive.open("data/tweets.js", 100) as f,
    ):
        f.read()
    archive.close()


def test_zip_slip_absolute_and_symlink_entries_are_skipped(tmp_path: Path) -> None:
    path = x_zip(
        tmp_path / "evil.zip",
        [
            ("../evil.js", b"window.YTD.tweets.part0 = []", False),
            ("data/../../evil2.js", b"x", False),
            ("/etc/passwd", b"root:x:0:0", False),
            ("C:\\Windows\\evil.js", b"x", False),
            ("data/link.js", b"/etc/passwd", True),
        ],
    )
    with open_export(path) as export:
        names = {m.name for m in export.archive.members()}
        posts = list(export.posts())
        warnings = [str(w) for w in export.warnings]
    assert names == {"data/tweets.js", "data/account.js"}
    assert len(posts) == 30
    assert sum("unsafe path" in w for w in warnings) == 4
    assert any("symlink" in w and "link.js" in w for w in warnings)
    assert not (tmp_path.parent / "evil.js").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.zip"]  # nothing written


def test_tar_links_and_traversal_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "export.tar.gz"
    outbox = (DATA / "mastodon/outbox.json").read_bytes()
    with tarfile.open(path, "w:gz") as tf:
        add_tar_entry(tf, "outbox.json", outbox)
        add_tar_entry(tf, "../../outside.json", b"{}")
        add_tar_entry(tf, "actor.json", link="/etc/passwd")
    with open_export(path) as export:
        assert export.platform == "mastodon"
        assert len(list(export.posts())) == 20
        warnings = [str(w) for w in export.warnings]
    assert any("unsafe path" in w for w in warnings)
    assert any("skipped link 'actor.json'" in w for w in warnings)


def test_directory_symlinks_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "tweets.js").write_bytes(TWEETS)
    export_dir = tmp_path / "export"
    (export_dir / "data").mkdir(parents=True)
    (export_dir / "data/account.js").write_bytes(ACCOUNT)
    (export_dir / "data/tweets.js").symlink_to(secret / "tweets.js")
    (export_dir / "linked").symlink_to(secret, target_is_directory=True)
    with open_export(export_dir) as export:
        assert [m.name for m in export.archive.members()] == ["data/account.js"]
        assert list(export.posts()) == []
        assert sum("symlink" in str(w) for w in export.warnings) == 2


def test_empty_exports(tmp_path: Path) -> None:
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    with pytest.raises(InputError, match="empty"):
        open_export(empty_dir)
    empty_zip = tmp_path / "empty.zip"
    zipfile.ZipFile(empty_zip, "w").close()
    with pytest.raises(InputError, match="empty"):
        open_export(empty_zip)
    zero = tmp_path / "zero.js"
    zero.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        open_export(zero)
    with pytest.raises(InputError, match="no such file"):
        open_export(tmp_path / "missing.zip")


def test_unknown_format_and_nested_hint(tmp_path: Path) -> None:
    folder = tmp_path / "stuff"
    folder.mkdir()
    (folder / "notes.txt").write_text("just some notes\n")
    (folder / "inner.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    with pytest.raises(InputError, match=r"unknown export format.*inner\.zip"):
        open_export(folder)
    with pytest.raises(InputError, match="not a readable zip"):
        bad = tmp_path / "bad.zip"
        bad.write_bytes(b"PK\x03\x04garbage")
        open_export(bad)


def test_folder_holding_one_export_zip(tmp_path: Path) -> None:
    x_zip(tmp_path / "twitter-2024.zip", [])
    with open_export(tmp_path) as export:
        assert export.platform == "x" and len(list(export.posts())) == 30


def test_corrupt_member_data_is_a_warning(tmp_path: Path) -> None:
    path = x_zip(tmp_path / "x.zip", [])
    raw = bytearray(path.read_bytes())
    start = raw.index(b"data/tweets.js") + len("data/tweets.js") + 2000
    raw[start : start + 64] = os.urandom(64)  # damage the deflate stream of tweets.js
    path.write_bytes(bytes(raw))
    try:
        export = open_export(path)
    except InputError as exc:  # damage before the first record: the main file is unusable
        assert "tweets.js" in str(exc)
        return
    with export:
        list(export.posts())
        assert any("tweets.js" in str(w) for w in export.warnings)


def test_clean_name() -> None:
    assert clean_name("data/./tweets.js") == "data/tweets.js"
    assert clean_name("data\\tweets.js") == "data/tweets.js"
    for bad in ("../x", "a/../../x", "/abs", "C:/x", "\\\\server\\x", "a\0b", ""):
        assert clean_name(bad) is None


def test_warnings_are_bounded() -> None:
    sink = Warnings(limit=3)
    for i in range(10):
        sink.add("f", str(i))
    listed = sink.as_list()
    assert len(listed) == 4 and "7 more" in str(listed[-1])
