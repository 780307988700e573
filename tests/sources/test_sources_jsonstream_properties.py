"""The streaming readers agree with `json.load` on every valid document (issue 12, part 1).

A real Mastodon archive was once audited as 0 posts although `json.load` found 1,586 activities
in it: the streaming reader and the standard parser disagreed, and nothing said so. Hypothesis
generates documents (duplicated keys, escapes, deep nesting, every kind of number, odd
whitespace, byte-order marks, decoys that look like the key being sought) and chunk sizes small
enough to cut every token, and the records streamed must be exactly what `json.loads` finds.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postguard.sources import jsonstream
from postguard.sources.common import Warnings
from postguard.sources.jsonstream import iter_js_array, iter_json_array, iter_keyed_array

KEY = "orderedItems"
PROPERTY = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass(frozen=True)
class Obj:
    """A JSON object as written: its pairs in order, duplicates allowed (the last one wins)."""

    pairs: tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Arr:
    items: tuple[Any, ...]


TRICKY = st.sampled_from(
    ['"', "\\", "/", "\b\f\n\r\t", "\x00\x1f", "é", "😀", ", {", "]", "[", f'"{KEY}": [', "\u2028"]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | TRICKY
)
KEYS = st.text(max_size=6) | st.sampled_from([KEY, "a", "type", "id", "tweet"])
TREES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4).map(lambda items: Arr(tuple(items)))
        | st.lists(st.tuples(KEYS, children), max_size=4).map(lambda pairs: Obj(tuple(pairs)))
    ),
    max_leaves=25,
)
SPACES = st.lists(st.text(alphabet=" \t\n\r", max_size=3), min_size=1, max_size=8)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"])
CHUNKS = st.integers(min_value=1, max_value=40)


@dataclass
class Writer:
    """Renders a tree as JSON text with the whitespace and escaping it is given."""

    spaces: Iterator[str]
    ascii_only: bool

    def ws(self) -> str:
        return next(self.spaces)

    def scalar(self, value: Any) -> str:
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return f"{value:.1f}" if value % 2 else f"{value:.0E}".replace("E+0", "e")
        return json.dumps(value, ensure_ascii=self.ascii_only)

    def render(self, node: Any) -> str:
        w = self.ws
        if isinstance(node, Arr):
            inner = ",".join(w() + self.render(item) + w() for item in node.items)
            return "[" + (inner or w()) + "]"
        if isinstance(node, Obj):
            inner = ",".join(
                w() + json.dumps(k, ensure_ascii=self.ascii_only) + w() + ":" + w() + self.render(v) + w()
                for k, v in node.pairs
            )
            return "{" + (inner or w()) + "}"
        return self.scalar(node)


def cycle(spaces: list[str]) -> Iterator[str]:
    while True:
        yield from spaces


def encode(text: str, encoding: str) -> bytes:
    """Bytes as an exporter writes them; `utf-16`/`utf-32` carry a byte-order mark."""
    return codecs.encode(text, encoding)


def streamed(read: Any, raw: bytes, chunk: int) -> tuple[list[Any], list[str]]:
    """What a reader yields with the whole file streamed in `chunk`-character pieces."""
    sink = Warnings()
    saved = jsonstream.CHUNK
    jsonstream.CHUNK = chunk
    try:
        values = list(read(io.BytesIO(raw), sink, whole=False))
    finally:
        jsonstream.CHUNK = saved
    return values, [w.message for w in sink.as_list()]


def loaded(read: Any, raw: bytes) -> list[Any]:
    sink = Warnings()
    values = list(read(io.BytesIO(raw), sink))
    assert sink.as_list() == []
    return values


@PROPERTY
@given(st.lists(TREES, max_size=6), SPACES, st.booleans(), ENCODINGS, CHUNKS)
def test_array_records_equal_json_load(
    records: list[Any], spaces: list[str], ascii_only: bool, encoding: str, chunk: int
) -> None:
    text = Writer(cycle(spaces), ascii_only).render(Arr(tuple(records)))
    raw = encode(text, encoding)
    expected = json.loads(raw)

    def read(stream: Any, sink: Warnings, whole: bool = True) -> Iterator[Any]:
        return iter_json_array(stream, "f.json", sink, whole)

    assert streamed(read, raw, chunk) == (expected, [])
    assert loaded(read, raw) == expected


@PROPERTY
@given(st.lists(TREES, max_size=6), SPACES, st.booleans(), CHUNKS)
def test_x_archive_records_equal_json_load(
    records: list[Any], spaces: list[str], ascii_only: bool, chunk: int
) -> None:
    array = Writer(cycle(spaces), ascii_only).render(Arr(tuple(records)))
    raw = f"window.YTD.tweets.part0 = {array}".encode()
    expected = json.loads(array)

    def read(stream: Any, sink: Warnings, whole: bool = True) -> Iterator[Any]:
        return iter_js_array(stream, "tweets.js", sink, whole)

    assert streamed(read, raw, chunk) == (expected, [])
    assert loaded(read, raw) == expected


@PROPERTY
@given(
    st.lists(st.tuples(KEYS.filter(lambda k: k != KEY), TREES), max_size=4),
    st.lists(TREES, max_size=5),
    st.lists(st.tuples(KEYS.filter(lambda k: k != KEY), TREES), max_size=3),
    SPACES,
    st.booleans(),
    ENCODINGS,
    CHUNKS,
)
def test_keyed_array_equals_json_load(
    before: list[tuple[str, Any]],
    items: list[Any],
    after: list[tuple[str, Any]],
    spaces: list[str],
    ascii_only: bool,
    encoding: str,
    chunk: int,
) -> None:
    """The list under the top-level key, whatever nested objects or strings mention it first."""
    decoy = (KEY, Obj(((KEY, Arr((1, 2))),)))  # a nested `"orderedItems": [` before the real one
    pairs = (("first", Obj((decoy,))), *before, (KEY, Arr(tuple(items))), *after)
    raw = encode(Writer(cycle(spaces), ascii_only).render(Obj(pairs)), encoding)
    expected = json.loads(raw)[KEY]

    def read(stream: Any, sink: Warnings, whole: bool = True) -> Iterator[Any]:
        return iter_keyed_array(stream, KEY, "outbox.json", sink, whole)

    assert streamed(read, raw, chunk) == (expected, [])
    assert loaded(read, raw) == expected


def test_duplicated_top_level_key_last_wins_when_loaded_whole() -> None:
    raw = b'{"orderedItems": [1], "orderedItems": [2, 3]}'
    sink = Warnings()
    assert list(iter_keyed_array(io.BytesIO(raw), KEY, "o", sink)) == json.loads(raw)[KEY] == [2, 3]


def test_a_key_inside_a_string_or_nested_object_is_not_the_list() -> None:
    """An outbox whose context mentions the key before the real list (the 0-post archive)."""
    raw = (
        b'{"@context": ["https://www.w3.org/ns/activitystreams", {"note": "\\"orderedItems\\": ['
        b'\\"x\\"]"}], "first": {"orderedItems": []}, "totalItems": 2, '
        b'"orderedItems": [{"type": "Create"}, {"type": "Announce"}]}'
    )
    for whole in (True, False):
        sink = Warnings()
        found = list(iter_keyed_array(io.BytesIO(raw), KEY, "outbox.json", sink, whole))
        assert found == [{"type": "Create"}, {"type": "Announce"}], whole


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(
    st.integers(min_value=1, max_value=12), st.sampled_from(["12", "-0.5", "1.5e-7", "3E+2", "true", "null"])
)
def test_scalars_cut_at_every_chunk_edge(chunk: int, scalar: str) -> None:
    raw = f"[{scalar},{scalar}]".encode()
    values, warnings = streamed(lambda s, sink, whole: iter_json_array(s, "f", sink, whole), raw, chunk)
    assert values == json.loads(raw) and warnings == []
