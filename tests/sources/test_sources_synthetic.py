"""The synthetic X archive generator, and streaming a 50,000-post archive in bounded memory."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from postguard.sources import open_export
from postguard.sources.synthetic import TAKEOVER_CLIENT, jpeg_with_gps, main, write_x_archive


def test_small_archive_contents(tmp_path: Path) -> None:
    info = write_x_archive(tmp_path / "x.zip", 2000, seed=3)
    with open_export(info.path) as export:
        assert export.platform == "x" and export.profile.handle == "@samtaylorcbt"
        items = list(export.items())
        assert not export.warnings
    posts = [i.post for i in items]
    assert len(posts) == info.posts + info.deleted == 2025
    kinds = Counter(p.kind for p in posts)
    assert kinds["reply"] >= info.replies and kinds["repost"] == info.reposts
    assert kinds["quote"] > 0 and sum(p.deleted for p in posts) == info.deleted
    by_id = {p.id: p for p in posts}
    assert info.planted and all(pid in by_id for pid in info.planted)
    assert {"SM101", "SM601", "SM501", "SM503", "SM103", "SM401"} <= set(info.planted.values())
    takeover = [by_id[i] for i in info.takeover_ids]
    assert len(takeover) == 12
    assert all(p.client_app == TAKEOVER_CLIENT[1] and p.created_at for p in takeover)
    assert all(p.created_at and p.created_at[11:13] == "03" for p in takeover)
    assert sum(1 for p in posts if p.client_app == TAKEOVER_CLIENT[1]) == 12
    with_files = [p for p in posts if p.media and export.has_media(p.media[0])]
    assert len(with_files) == info.media_files > 0
    assert info.gps_photo_ids and all(pid in by_id for pid in info.gps_photo_ids)
    times = [p.created_at for p in posts if not p.deleted and p.created_at]
    assert times == sorted(times, reverse=True)  # newest first, like real archives


def test_deterministic_for_a_seed(tmp_path: Path) -> None:
    a = write_x_archive(tmp_path / "a.zip", 300, seed=7)
    b = write_x_archive(tmp_path / "b.zip", 300, seed=7)
    c = write_x_archive(tmp_path / "c.zip", 300, seed=8)
    assert a.path.read_bytes() == b.path.read_bytes()
    assert a.path.read_bytes() != c.path.read_bytes()


def test_gps_jpeg_is_readable() -> None:
    data = jpeg_with_gps(53.82213, -1.57902)
    assert data.startswith(b"\xff\xd8\xff\xe1")
    image_mod = pytest.importorskip("PIL.Image")
    with image_mod.open(io.BytesIO(data)) as image:
        gps = image.getexif().get_ifd(0x8825)
        assert image.size == (16, 12)
    assert gps[1] == "N" and gps[3] == "W"
    degrees, minutes, seconds = (float(v) for v in gps[2])
    assert abs(degrees + minutes / 60 + seconds / 3600 - 53.82213) < 1e-4


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "x.zip"), "--posts", "200", "--seed", "1"]) == 0
    assert "200 posts" in capsys.readouterr().out
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        assert "data/tweets.js" in zf.namelist()


@pytest.mark.slow
def test_50k_archive_streams_in_bounded_memory(tmp_path: Path) -> None:
    started = time.perf_counter()
    info = write_x_archive(tmp_path / "x50k.zip", 50_000, seed=1)
    generated = time.perf_counter() - started
    with zipfile.ZipFile(info.path) as zf:
        tweets_js = zf.getinfo("data/tweets.js").file_size
    started = time.perf_counter()
    count = 0
    with open_export(info.path) as export:
        for _post in export.posts():
            count += 1
    plain_time = time.perf_counter() - started
    tracemalloc.start()
    try:
        with open_export(info.path) as export:
            traced = sum(1 for _ in export.posts())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == traced == 50_025
    # Streaming: the peak is a small fraction of the 40+ MB tweets.js (json.load needs ~10x it).
    assert tweets_js > 35_000_000
    assert peak < 48 * 1024 * 1024 and peak < tweets_js // 2, peak
    assert generated < 30 and plain_time < 30, (generated, plain_time)
