"""Minimal reproducers of what the fuzz found in the JSON, CSV and plain readers, each now a
regression test. A new one that cannot be fixed at once goes here as xfail (not strict), with
an entry in KNOWN_LOSSES or KNOWN_UNWRITABLE (fuzz_guard.py) so the fuzz counts it meanwhile.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz_guard import Outcome, guarded_import

DATA = Path(__file__).resolve().parents[1] / "sources" / "data"
BIG = b"9" * 5000  # over the 4,300 digits int() converts
DEEP = b"[" * 5000 + b"]" * 5000  # deeper than Python's recursion limit


def imported(tmp_path: Path, files: dict[str, bytes]) -> Outcome:
    export = tmp_path / "export"
    export.mkdir()
    for name, data in files.items():
        (export / name).write_bytes(data)
    return guarded_import(export, tmp_path / "out")


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "tweets.js",
            b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "hi", "n": ' + BIG + b"}}]",
        ),
        ("posts.json", b'[{"text": "hi", "n": ' + BIG + b"}]"),  # jsonstream.first_element, via detect
        ("posts.jsonl", b'{"text": "hi", "n": ' + BIG + b"}\n"),  # detect._classify_jsonl
        ("posts.jsonl", b'{"text": "hi", "n": ' + DEEP + b"}\n"),
    ],
)
def test_numbers_and_nesting_json_cannot_hold_are_no_crash(tmp_path: Path, name: str, data: bytes) -> None:
    assert imported(tmp_path, {name: data}).crash is None


@pytest.mark.parametrize("field", [BIG, DEEP])
def test_a_jsonl_line_json_cannot_hold_is_a_skipped_record(tmp_path: Path, field: bytes) -> None:
    outcome = imported(tmp_path, {"posts.jsonl": b'{"text": "first"}\n{"text": "hi", "n": ' + field + b"}\n"})
    assert outcome.crash is None and sum(outcome.posts.values()) == 1 and outcome.warned_about("posts.jsonl")


THREAD = (
    b'{"media": [{"uri": "", "creation_timestamp": 1688630400, "title": "post %d", "text_app_post": {}}]}'
)


def test_records_after_a_list_that_closes_early_are_reported(tmp_path: Path) -> None:
    """`{"list": [{A}] }, {B}, {C}]}`: not JSON any more; the reader stops at the first `]`."""
    document = (
        b'{"text_post_app_text_posts": [' + THREAD % 1 + b"]}, " + THREAD % 2 + b", " + THREAD % 3 + b"]}"
    )
    outcome = imported(tmp_path, {"threads_and_replies.json": document})
    assert outcome.posts["threads_and_replies.json"] == 1
    assert outcome.warned_about("threads_and_replies.json")


def test_text_after_a_list_that_closes_early_is_reported(tmp_path: Path) -> None:
    """`[{A}, {B}], "title": "t"}, {C}]`: a key, not a record, follows the early `]`."""
    post = b'{"timestamp": 1700000000, "data": [{"post": "post %d"}]}'
    document = (
        b"[" + post % 1 + b', {"update_timestamp": 1}], "title": "t"}, ' + post % 2 + b", " + post % 3 + b"]"
    )
    outcome = imported(tmp_path, {"your_posts_1.json": document})
    assert outcome.posts["your_posts_1.json"] == 1
    assert outcome.warned_about("your_posts_1.json")


def test_plain_csv_cut_inside_a_quoted_field_is_reported(tmp_path: Path) -> None:
    outcome = imported(tmp_path, {"posts.csv": b'id,text\n1,"one"\n2,"two, cut here\n3,"three"\n4,"four"\n'})
    assert outcome.posts["posts.csv"] < 4
    assert outcome.warned_about("posts.csv")


def test_linkedin_csv_with_a_quote_left_open_is_reported(tmp_path: Path) -> None:
    """The rows after the open quote are lost to it, and the member is told which file."""
    link = b"https://www.linkedin.com/feed/update/urn:li:activity:"
    rows = [b"Date,Link,Message", b"2023-09-30 10:00:00," + link + b'1,"Great point, thanks']
    rows += [b"2023-10-0%d 11:00:00," % i + link + b"%d,Agreed" % i for i in (1, 2)]
    outcome = imported(tmp_path, {"Comments.csv": b"\n".join(rows) + b"\n"})
    assert outcome.warned_about("Comments.csv") or "Comments.csv" in str(outcome.error)


def test_linkedin_csv_with_a_stray_quote_that_swallows_rows_is_reported(tmp_path: Path) -> None:
    link = b"https://www.linkedin.com/feed/update/urn:li:activity:"
    rows = [b"Date,Link,Message", b"2023-09-30 10:00:00," + link + b'1,"Great point, thanks']
    rows += [b"2023-10-01 11:00:00," + link + b'2,Agreed"', b"2023-10-02 11:00:00," + link + b"3,Yes"]
    outcome = imported(tmp_path, {"Comments.csv": b"\n".join(rows) + b"\n"})
    assert outcome.posts["Comments.csv"] == 2
    assert outcome.warned_about("Comments.csv")


def test_plain_text_with_half_a_surrogate_pair_can_be_written(tmp_path: Path) -> None:
    outcome = imported(tmp_path, {"posts.jsonl": b'{"text": "half a pair: \\ud800"}\n'})
    assert sum(outcome.posts.values()) == 1 and outcome.unwritable == []


def test_plain_fields_with_half_a_surrogate_pair_can_be_written(tmp_path: Path) -> None:
    record = b'{"id": "\\ud800 lone", "text": "hello", "url": "https://a.example/\\ud800"}\n'
    outcome = imported(tmp_path, {"posts.jsonl": record})
    assert sum(outcome.posts.values()) == 1 and outcome.unwritable == []


@pytest.mark.slow
def test_audit_writes_nothing_in_the_home_folder(tmp_path: Path) -> None:
    """onnxruntime's telemetry wrote a device id under ~/.cache on import."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    command = [
        sys.executable,
        "-m",
        "postguard.cli",
        "audit",
        str(DATA / "linkedin"),
        "--out",
        str(tmp_path / "out"),
    ]
    run = subprocess.run([*command, "--workers", "1"], env=env, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == []
