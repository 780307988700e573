"""The streaming JSON array reader: chunk boundaries, truncation, damage and resync."""

from __future__ import annotations

import io
import json

import pytest

from postguard.errors import InputError
from postguard.sources import jsonstream
from postguard.sources.common import Warnings
from postguard.sources.jsonstream import iter_js_array, iter_json_array, iter_keyed_array


def run(text: str, fn=iter_json_array) -> tuple[list[object], list[str]]:  # type: ignore[no-untyped-def]
    sink = Warnings()
    values = list(fn(io.BytesIO(text.encode()), "f.json", sink))
    return values, [w.message for w in sink.as_list()]


def test_small_chunks_cross_every_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonstream, "CHUNK", 7)
    records = [{"id": i, "text": "é" * i + '"quoted"', "n": [1.5, True, None]} for i in range(40)]
    records.append(12345678)  # a bare number cut at a chunk edge must not be split
    values, warnings = run(json.dumps(records, indent=1))
    assert values == records and warnings == []


def test_js_prefix_and_keyed_array() -> None:
    values, _ = run('window.YTD.tweets.part0 = [ {"tweet": {"id": "1"}} ]', iter_js_array)
    assert values == [{"tweet": {"id": "1"}}]
    sink = Warnings()
    doc = b'{"@context": "x", "orderedItems": [{"a": 1}, {"b": 2}], "after": 1}'
    assert list(iter_keyed_array(io.BytesIO(doc), "orderedItems", "o", sink)) == [
        {"a": 1},
        {"b": 2},
    ]
    with pytest.raises(InputError):
        list(iter_js_array(io.BytesIO(b"var x = 5"), "f.js", sink))


def test_truncated_array_yields_complete_records() -> None:
    values, warnings = run('[{"a": 1}, {"b": 2}, {"c": [1, 2')
    assert values == [{"a": 1}, {"b": 2}]
    assert len(warnings) == 1 and "truncated" in warnings[0]
    values, warnings = run('[{"a": 1}, ')
    assert values == [{"a": 1}] and "ends early" in warnings[0]


def test_malformed_record_is_skipped_and_reading_resumes() -> None:
    text = '[{"a": 1},\n {"b": oops, "c": {"d": 1}},\n {"e": 5},\n {"f": 6}\n]'
    values, warnings = run(text)
    assert {"a": 1} in values and {"e": 5} in values and {"f": 6} in values
    assert warnings and "malformed" in warnings[0]


def test_garbage_between_records() -> None:
    values, warnings = run('[{"a": 1} xx, {"b": 2}]')
    assert values == [{"a": 1}, {"b": 2}]
    assert "unexpected" in warnings[0]


def test_empty_and_bom() -> None:
    assert run("[]") == ([], [])
    assert run("\ufeff [ ]") == ([], [])
