"""Export bundles: checkable without postguard, a PDF that renders and says what happened."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from evidence_helpers import Cli, tamper
from PIL import ImageStat

from postguard.evidence import export as export_module

INCIDENTS = [
    {
        "text": "I know where you live. Watch your back.",
        "author": "@angry_troll_99",
        "platform": "X",
        "url": "https://x.com/angry_troll_99/status/1861",
        "occurred": "2026-11-20T21:14:00+00:00",
    },
    {
        "text": "Muslims like you are vermin, get out of this country",
        "author": "hater.account",
        "platform": "Instagram",
        "url": "https://www.instagram.com/p/Cx1/",
        "occurred": "2026-11-21T08:30:00+01:00",
    },
]


@pytest.fixture
def recorded(cli: Cli, png: Callable[..., Path]) -> list[dict[str, Any]]:
    for incident in INCIDENTS:
        result = cli.add(
            "--screenshot",
            str(png(incident["text"])),
            "--occurred-at",
            incident["occurred"],
            text=incident["text"],
            author=incident["author"],
            platform=incident["platform"],
            url=incident["url"],
        )
        assert result.exit_code == 0, result.output
    entries: list[dict[str, Any]] = cli.json("list")
    return entries


def _export(cli: Cli, out: Path, audience: str) -> dict[str, Any]:
    result = cli("export", "--for", audience, "--out", str(out), "--member", "Dr A. Member")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def _pdf_pages(data: bytes) -> tuple[list[str], list[Any]]:
    pdf = pdfium.PdfDocument(data)
    try:
        texts, images = [], []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            images.append(page.render(scale=1.0).to_pil())
            textpage.close()
            page.close()
        return texts, images
    finally:
        pdf.close()


def _flat(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def test_bundle_manifest_and_chain_check_independently(
    cli: Cli, tmp_path: Path, recorded: list[dict[str, Any]]
) -> None:
    files = _export(cli, tmp_path / "bundle.zip", "platform")
    assert {"report.pdf", "manifest.json", "entries.jsonl", "README.txt"} <= set(files)
    manifest = json.loads(files["manifest.json"])
    listed = {item["path"]: item for item in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json", "manifest.sig"}
    for path, item in listed.items():
        assert hashlib.sha256(files[path]).hexdigest() == item["sha256"], path
        assert len(files[path]) == item["size"]
    # Every screenshot is there, byte for byte, under the hash its log entry recorded.
    shots = [p for p in files if p.startswith("files/")]
    assert len(shots) == 2
    recorded_hashes = {e["content"]["attachments"][0]["sha256"] for e in recorded}
    assert {hashlib.sha256(files[p]).hexdigest() for p in shots} == recorded_hashes
    # The chain can be recomputed from entries.jsonl alone.
    prev = manifest["chain"]["genesis"]
    for line in files["entries.jsonl"].decode().splitlines():
        row = json.loads(line)
        assert row["prev_hash"] == prev
        digest = hashlib.sha256((row["prev_hash"] + row["canonical"]).encode()).hexdigest()
        assert digest == row["hash"]
        prev = digest
    assert prev == manifest["chain"]["head_hash"] == recorded[-1]["hash"]
    assert manifest["chain"]["intact"] is True


@pytest.mark.parametrize(
    ("audience", "wording"),
    [
        ("platform", ["Report reference", "Link to content", "Hateful conduct (religion)"]),
        ("police", ["Statement", "Equality Act 2010", "my local time"]),
        ("complaint", ["BABCP complaints policy", "Online Bullying"]),
    ],
)
def test_pdf_renders_and_contains_the_entries(
    cli: Cli,
    tmp_path: Path,
    recorded: list[dict[str, Any]],
    audience: str,
    wording: list[str],
) -> None:
    files = _export(cli, tmp_path / f"{audience}.zip", audience)
    texts, images = _pdf_pages(files["report.pdf"])
    assert len(texts) >= 2
    for image in images:
        grey = image.convert("L")
        assert ImageStat.Stat(grey).extrema[0][0] < 100, "a page is blank"
        dark = sum(grey.histogram()[:128])
        assert dark > 500, "a page has almost nothing on it"
    text = _flat(" ".join(texts))
    for incident in INCIDENTS:
        assert incident["text"] in text
        assert incident["author"] in text
    assert "Dr A. Member" in text
    assert "20 Nov 2026, 21:14:00 UTC" in text
    assert "21 Nov 2026, 08:30:00 (UTC+01:00)" in text or audience != "police"
    for entry in recorded:
        assert entry["hash"] in text
        assert entry["content"]["attachments"][0]["sha256"] in text
    assert "Log verified intact" in text
    for phrase in wording:
        assert phrase in text, phrase


def test_pdf_page_preview(cli: Cli, tmp_path: Path, recorded: list[dict[str, Any]]) -> None:
    """Keeps a rendered timeline page next to the test output for a person to look at."""
    files = _export(cli, tmp_path / "police.zip", "police")
    _, images = _pdf_pages(files["report.pdf"])
    images[1].save(tmp_path / "page2.png")
    assert images[1].size[0] > 500


def test_export_of_a_tampered_log_says_so(
    cli: Cli, tmp_path: Path, home: Path, recorded: list[dict[str, Any]]
) -> None:
    conn = tamper(home)
    conn.execute("UPDATE entries SET content = replace(content, 'vermin', 'lovely') WHERE seq = 2")
    conn.close()
    out = tmp_path / "bundle.zip"
    result = cli("export", "--for", "police", "--out", str(out))
    assert result.exit_code == 0
    assert "failed verification" in result.stderr
    with zipfile.ZipFile(out) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
        texts, _ = _pdf_pages(bundle.read("report.pdf"))
    assert manifest["chain"]["intact"] is False
    assert manifest["chain"]["problems"][0]["entry"] == 2
    assert "verification FAILED" in _flat(" ".join(texts))


def test_failed_export_leaves_no_partial_zip(
    cli: Cli, tmp_path: Path, recorded: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "bundle.zip"
    out.write_bytes(b"an older bundle")

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_module.zipfile.ZipFile, "writestr", explode)
    result = cli("export", "--for", "platform", "--out", str(out))
    assert result.exit_code == 2
    assert "No space left" in result.stderr
    assert out.read_bytes() == b"an older bundle"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_bad_input(cli: Cli, tmp_path: Path) -> None:
    empty = cli("export", "--for", "police", "--out", str(tmp_path / "b.zip"))
    assert empty.exit_code == 2
    assert "empty" in empty.stderr
    assert cli.add().exit_code == 0
    nowhere = cli("export", "--for", "police", "--out", str(tmp_path / "no" / "b.zip"))
    assert nowhere.exit_code == 2
    assert "does not exist" in nowhere.stderr
    assert cli("export", "--for", "journalists", "--out", str(tmp_path / "b.zip")).exit_code == 2


def test_export_json_output(cli: Cli, tmp_path: Path, recorded: list[dict[str, Any]]) -> None:
    out = tmp_path / "b.zip"
    result = cli("export", "--for", "complaint", "--out", str(out), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["intact"] is True
    assert data["head_hash"] == recorded[-1]["hash"]
    assert data["incidents"] == 2
    assert out.stat().st_mode & 0o777 == 0o600
