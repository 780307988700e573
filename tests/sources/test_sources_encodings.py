"""Text exports in the encodings people's files really come in (issue 12, part 1).

An older LinkedIn export (UTF-16 with a byte-order mark, tab-separated, as LinkedIn wrote them
around 2018) was read as 0 posts. A spreadsheet saved on Windows is Windows-1252 and often
semicolon-separated. Each must give the same posts as the UTF-8 original.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from source_builders import DATA

from postguard.sources import Item, open_export
from postguard.sources.textcodec import decode_head, sniff_encoding

LINKEDIN = DATA / "linkedin"


def posts(path: Path) -> list[tuple[str, str, str | None]]:
    with open_export(path) as export:
        assert not export.warnings, export.warnings
        items: list[Item] = list(export.items())
    return sorted((i.post.kind, i.post.text, i.post.created_at) for i in items)


def rewrite(source: Path, target: Path, encoding: str, delimiter: str) -> None:
    """The same CSV, written with another delimiter in another encoding."""
    raw = source.read_text(encoding="utf-8-sig")
    notes, _, body = raw.partition("\n\n") if raw.startswith("Notes:") else ("", "", raw)
    rows = csv.reader(io.StringIO(body), escapechar="\\" if '\\"' in body else None)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = (notes + "\r\n\r\n" if notes else "") + out.getvalue()
    target.write_bytes(text.encode(encoding))


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-16", "\t"), ("utf-16-be", "\t"), ("utf-8-sig", ";"), ("utf-8", "\t")],
)
def test_linkedin_export_in_another_encoding_reads_the_same_posts(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    expected = posts(LINKEDIN)
    assert len(expected) == 9
    folder = tmp_path / "linkedin"
    shutil.copytree(LINKEDIN, folder)
    for csv_file in folder.glob("*.csv"):
        if encoding == "utf-16-be":  # a byte-order mark, big-endian
            csv_file.write_bytes(b"")
            rewrite(LINKEDIN / csv_file.name, csv_file, "utf-16-be", delimiter)
            csv_file.write_bytes(b"\xfe\xff" + csv_file.read_bytes())
        else:
            rewrite(LINKEDIN / csv_file.name, csv_file, encoding, delimiter)
    assert posts(folder) == expected


def test_windows_1252_semicolon_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes(
        "id;text;date\r\n1;Caf\u00e9 talk on Thursday \u2013 \u00a35 at the door;2024-01-02\r\n"
        "2;\u201cSelf-care\u201d isn\u2019t selfish;2024-01-03\r\n".encode("cp1252")
    )
    texts = [t for _, t, _ in posts(path)]
    assert texts == [
        "Caf\u00e9 talk on Thursday \u2013 \u00a35 at the door",
        "\u201cSelf-care\u201d isn\u2019t selfish",
    ]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"\xef\xbb\xbfDate,Text", "utf-8-sig"),
        (b"\xff\xfeD\x00a\x00", "utf-16"),
        (b"\xfe\xff\x00D\x00a", "utf-16"),
        (b"\xff\xfe\x00\x00D\x00\x00\x00", "utf-32"),
        ("Date\tText\r\n".encode("utf-16-le"), "utf-16-le"),
        ("Date\tText\r\n".encode("utf-16-be"), "utf-16-be"),
        ("caf\u00e9".encode(), "utf-8"),
        ("caf\u00e9 au lait".encode("cp1252"), "cp1252"),
        (b"", "utf-8"),
    ],
)
def test_sniff_encoding(data: bytes, encoding: str) -> None:
    assert sniff_encoding(data) == encoding


def test_a_character_cut_at_the_end_of_a_head_is_dropped_not_garbled() -> None:
    assert decode_head("caf\u00e9".encode()[:-1]) == "caf"
