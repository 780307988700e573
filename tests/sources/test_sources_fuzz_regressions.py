"""Crashes the importer fuzz (tests/fuzz) found, each cut down to the export that caused it."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from source_builders import DATA

from postguard.errors import InputError
from postguard.sources import Item, SourceWarning, open_export
from postguard.sources.htmltext import html_to_text
from postguard.sources.meta import fix_mojibake


def read(path: Path) -> tuple[list[Item], list[str]]:
    with open_export(path) as export:
        return list(export.items()), [str(w) for w in export.warnings]


def test_fix_mojibake_walks_nesting_deeper_than_the_stack() -> None:
    value: Any = ["Can\u00e2\u0080\u0099t"]
    for _ in range(5000):
        value = [value]
    fixed = fix_mojibake(value)
    for _ in range(5000):
        fixed = fixed[0]
    assert fixed == ["Can’t"]


def test_facebook_record_nested_as_deep_as_json_allows(tmp_path: Path) -> None:
    deep = "[" * 900 + "]" * 900
    record = (
        '{"timestamp": 1700000000, "data": [{"post": "Still read \\u00e2\\u0080\\u0099"}], "tags": '
        + deep
        + "}"
    )
    (tmp_path / "your_posts_1.json").write_text(f"[{record}]")
    items, _ = read(tmp_path)
    assert [i.post.text for i in items] == ["Still read ’"]


def test_unreadable_tar_is_a_one_line_error(tmp_path: Path) -> None:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tf:
        info = tarfile.TarInfo("tweets.js")
        info.size = 3
        tf.addfile(info, io.BytesIO(b"[1]"))
    damaged = bytearray(raw.getvalue())
    damaged[0] ^= 1  # the name changes, the header checksum no longer matches
    path = tmp_path / "export.tar.gz"
    path.write_bytes(gzip.compress(bytes(damaged)))
    with pytest.raises(InputError) as caught:
        open_export(path)
    message = str(caught.value)  # tarfile lists each method it tried on a line of its own
    assert message.startswith("export.tar.gz: not a readable tar archive") and "\n" not in message


def test_warnings_print_on_one_line() -> None:
    assert str(SourceWarning("bad\nname.js", "unreadable: line one\nline two")) == (
        "bad\\nname.js: unreadable: line one\\nline two"
    )


def test_x_manifest_with_a_number_int_cannot_hold(tmp_path: Path) -> None:
    export = shutil.copytree(DATA / "x-archive", tmp_path / "x")
    manifest = export / "data" / "manifest.js"
    manifest.write_text(manifest.read_text().replace('"userInfo"', f'"n": {"9" * 5000}, "userInfo"', 1))
    items, warnings = read(export)
    assert len(items) == 31
    assert "data/manifest.js: unreadable manifest; the files' record counts were not checked" in warnings


def test_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    """JSON may escape half a surrogate pair (`\\ud800`); no file can hold one, so a post
    carrying it would stop the audit when it writes its report."""
    export = shutil.copytree(DATA / "x-archive", tmp_path / "x")
    tweets = export / "data" / "tweets.js"
    tweets.write_text(tweets.read_text().replace("Morning reminder:", "Morning \\ud800 reminder:", 1))
    facebook = shutil.copytree(DATA / "facebook-old", tmp_path / "facebook")
    posts = facebook / "posts" / "your_posts_1.json"
    records = json.loads(posts.read_text())
    records[0]["data"] = [{"post": "half a pair: \ud800"}]
    posts.write_text(json.dumps(records))
    for path, text in ((export, "Morning \ufffd reminder:"), (facebook, "half a pair: \ufffd")):
        items, _ = read(path)
        assert any(text in i.post.text for i in items)
        for item in items:
            item.post.text.encode("utf-8")
    assert html_to_text("<p>a \ud800 b</p>").text == "a \ufffd b"


def test_folder_names_that_are_not_utf8_or_hold_a_backslash(tmp_path: Path) -> None:
    """A name on disk that is not UTF-8 is shown with U+FFFD yet still read; so is a file whose
    name holds a backslash (which archive paths read as a folder separator)."""
    source = (DATA / "x-archive" / "data" / "tweets.js").read_bytes()
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "tweets-\udcff.js").write_bytes(source)  # b"tweets-\xff.js" on disk
    (folder / "deleted\\tweets.js").write_bytes(
        (DATA / "x-archive" / "data" / "deleted-tweets.js").read_bytes()
    )
    items, warnings = read(folder)
    assert {i.meta.source for i in items} == {"tweets-\ufffd.js", "deleted/tweets.js"}
    assert len(items) == 31 and not warnings


def test_zip_entry_whose_header_claims_no_bytes(tmp_path: Path) -> None:
    """A header that says 0 bytes made the entry look empty: passed over without a word."""
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for file in sorted((DATA / "x-archive" / "data").iterdir()):
            zf.write(file, f"data/{file.name}")
    data = bytearray(path.read_bytes())
    central = data.rfind(b"data/deleted-tweets.js") - 46  # the central directory comes last
    local = int.from_bytes(data[central + 42 : central + 46], "little")
    data[central + 24 : central + 28] = bytes(4)  # the uncompressed size, there
    data[local + 22 : local + 26] = bytes(4)  # and in the entry's own header
    path.write_bytes(bytes(data))
    items, warnings = read(path)
    assert not any(i.post.deleted for i in items) and len(items) == 30
    assert any("'data/deleted-tweets.js': its header says 0 bytes" in w for w in warnings)


def test_an_export_named_with_a_line_break_errs_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "new\nline.json"
    path.write_text('{"nothing": "to see"}')
    with pytest.raises(InputError) as caught:
        open_export(path)
    assert str(caught.value).startswith("new\\nline.json: unknown export format")


def test_zip_entry_that_claims_lzma_but_is_not(tmp_path: Path) -> None:
    """zipfile raises LZMAError (no OSError, no ValueError) on such an entry: it was a crash."""
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("posts.csv", "id,text\n1,Lovely CPD day\n")
        zf.writestr("notes.bin", b"\x00\x00\x05\x00" + b"\xff" * 5 + bytes(64))  # 5 bytes of bad LZMA options
    data = bytearray(path.read_bytes())
    central = data.rfind(b"notes.bin") - 46
    local = int.from_bytes(data[central + 42 : central + 46], "little")
    data[central + 10 : central + 12] = data[local + 8 : local + 10] = (14).to_bytes(2, "little")  # LZMA
    path.write_bytes(bytes(data))
    items, warnings = read(path)
    assert [i.post.text for i in items] == ["Lovely CPD day"]
    assert any(w.startswith("notes.bin: unreadable:") and "corrupt data" in w for w in warnings)
