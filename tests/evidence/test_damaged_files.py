"""One damaged file never blocks the evidence bundle: it is kept as it is and the report says so.

The damaged files are made here, byte by byte: a PNG whose header disagrees with its pixel data
(which ``Image.verify()`` accepts and only drawing rejects), a PNG with a corrupt IDAT, a
truncated PNG, a JPEG cut in half, an empty file, a text file named .png and a PNG whose header
claims ten billion pixels.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from evidence_helpers import Cli, make_png
from PIL import Image

from postguard.evidence.attachments import Candidate
from postguard.evidence.model import Draft
from postguard.evidence.store import EvidenceStore


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, idat: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((400, 300), 60).convert("RGB").save(buffer, format="JPEG")
    return buffer.getvalue()


def damaged_files(folder: Path) -> dict[str, Path]:
    """Each kind of damage, named for what it is (the CRCs are valid: only the content is wrong)."""
    rows_for_10_wide = b"".join(b"\x00" + bytes([200, 10, 10]) * 10 for _ in range(40))
    kinds = {
        "header-disagrees.png": _png(20, 20, zlib.compress(rows_for_10_wide)),
        "bad-idat.png": _png(20, 20, b"this is not a zlib stream" * 4),
        "truncated.png": make_png(folder / "whole.png").read_bytes()[:300],
        "half.jpg": _jpeg()[: len(_jpeg()) // 2],
        "empty.png": b"",
        "notes.png": b"these are my notes about the messages, not a picture\n",
        "huge.png": _png(100_000, 100_000, zlib.compress(b"\x00" * 31)),
    }
    paths = {}
    for name, data in kinds.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    return paths


@pytest.fixture
def damaged(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "damaged"
    folder.mkdir()
    return damaged_files(folder)


def _record_as_an_older_postguard_did(store: EvidenceStore, files: list[Path]) -> None:
    """Store the files as screenshots without today's checks, as earlier versions let through."""
    candidates = [Candidate(path, path.name, path.stat().st_size, "image/png") for path in files]
    store.add(
        Draft(
            platform="X",
            url="https://x.com/troll/status/7",
            author="@troll",
            text="you will regret this",
            occurred_at=datetime.now(UTC),
            attachments=store.put_files(candidates),
        )
    )


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("header-disagrees.png", "unrecognized data stream contents"),
        ("bad-idat.png", "damaged image"),
        ("truncated.png", "damaged image"),
        ("half.jpg", "damaged image"),
        ("empty.png", "is empty"),
        ("notes.png", "not an image"),
        ("huge.png", "too many pixels"),
    ],
)
def test_add_refuses_a_damaged_screenshot_in_one_line(
    cli: Cli, damaged: dict[str, Path], name: str, words: str
) -> None:
    result = cli.add("--screenshot", str(damaged[name]))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert name in lines[0] and words in lines[0]
    assert cli.json("list") == []


def test_the_png_from_the_issue_kept_with_file_is_exported(
    cli: Cli, damaged: dict[str, Path], tmp_path: Path
) -> None:
    png = damaged["header-disagrees.png"]
    refused = cli.add("--screenshot", str(png))
    assert "use --file to keep it as it is" in refused.stderr
    assert cli.add("--file", str(png)).exit_code == 0
    out = tmp_path / "police.zip"
    result = cli("export", "--for", "police", "--out", str(out))
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as bundle:
        assert bundle.read("files/entry-0001/1-header-disagrees.png") == png.read_bytes()
        text = _pdf_text(bundle.read("report.pdf"))
    assert "This picture cannot be shown here" in text
    assert "unrecognized data stream contents" in text
    assert cli("verify-bundle", str(out)).exit_code == 0


@pytest.mark.parametrize("audience", ["platform", "police", "complaint"])
def test_every_bundle_is_written_whatever_the_damage(
    cli: Cli, store: EvidenceStore, damaged: dict[str, Path], tmp_path: Path, audience: str
) -> None:
    good = make_png(tmp_path / "good.png", "the one screenshot that is fine")
    files = [*damaged.values(), good]
    _record_as_an_older_postguard_did(store, files)
    assert cli("verify").exit_code == 0, "the log is intact: the files are as recorded"

    out = tmp_path / f"{audience}.zip"
    result = cli("export", "--for", audience, "--out", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["missing_files"] == []
    with zipfile.ZipFile(out) as bundle:
        for index, path in enumerate(files, start=1):
            assert bundle.read(f"files/entry-0001/{index}-{path.name}") == path.read_bytes()
        pdf = bundle.read("report.pdf")
    text = _pdf_text(pdf)
    assert text.count("This picture cannot be shown here") == len(damaged)
    for index, path in enumerate(damaged.values(), start=1):
        assert f"In the bundle: files/entry-0001/{index}-{path.name}" in text
    assert _pictures(pdf) == 1, "the good screenshot is still drawn"
    assert cli("verify-bundle", str(out)).exit_code == 0


def _pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return " ".join(" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf)))
    finally:
        pdf.close()


def _pictures(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        return sum(
            1
            for i in range(len(pdf))
            for obj in pdf[i].get_objects(max_depth=3)
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
        )
    finally:
        pdf.close()
