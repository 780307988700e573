"""Formats are told apart by content: every sample, renamed to meaningless names, is recognised."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from source_builders import DATA, zip_dir

from postguard.sources import open_export
from postguard.sources.archive import open_archive
from postguard.sources.detect import classify, detect, is_car

SAMPLES = {
    "x-archive": "x",
    "mastodon": "mastodon",
    "bluesky": "bluesky",
    "facebook": "facebook",
    "facebook-old": "facebook",
    "instagram": "instagram",
    "threads": "threads",
    "linkedin": "linkedin",
}


def scrambled(src: Path, dst: Path) -> Path:
    """A copy of `src` with every file renamed to file<N>.dat in one flat folder."""
    dst.mkdir()
    for n, path in enumerate(sorted(p for p in src.rglob("*") if p.is_file())):
        shutil.copy(path, dst / f"file{n}.dat")
    return dst


@pytest.mark.parametrize(("sample", "platform"), sorted(SAMPLES.items()))
def test_detected_by_content_after_renaming(tmp_path: Path, sample: str, platform: str) -> None:
    folder = scrambled(DATA / sample, tmp_path / "export")
    with open_export(folder) as export:
        assert export.platform == platform
        assert next(export.posts(), None) is not None
    archive = zip_dir(folder, tmp_path / "download")
    with open_export(archive) as export:
        assert export.platform == platform


def test_roles() -> None:
    with open_archive(DATA / "x-archive") as archive:
        found = detect(archive)
    assert found.format == "x"
    assert found.members("x:tweets") == ["data/tweets.js"]
    assert found.members("x:deleted") == ["data/deleted-tweets.js"]
    assert found.first("x:manifest") == "data/manifest.js"


def test_classify_heads() -> None:
    assert classify("a", b"window.YTD.tweet.part0 = [") == "x:tweets"
    assert classify("a", b"window.YTD.ip_audit.part0 = [") == "x:other"
    assert classify("a", b'{"type": "OrderedCollection", "orderedItems": [{"type": "Create"') == (
        "mastodon:outbox"
    )
    assert classify("a", b'{"id": "likes.json", "type": "OrderedCollection", "orderedItems": ["x"]}') is None
    assert classify("a", b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n") == (
        "linkedin:shares"
    )
    assert classify("a", b"\xff\xd8\xff\xe0JFIF") is None
    assert classify("a", b'{"text": "hi"}\n{"text": "there"}\n') == "plain:jsonl"
    # Facebook lists searches as {timestamp, data, title} too: not posts.
    searches = b'{"searches_v2": [{"timestamp": 1, "data": [{"text": "q"}], "title": "You searched"}]}'
    assert classify("a", searches) is None
    assert is_car((DATA / "bluesky/repo.car").read_bytes()[:128])
    assert not is_car(b"\x05hello")
