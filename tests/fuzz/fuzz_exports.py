"""Seeds and mutations for the importer fuzz: every platform's synthetic export, then damaged.

Seeds are the synthetic exports the source tests use (the X generator and the sample exports of
the other platforms, with their photos) and small plain CSV/JSON files. A mutation is a small
frozen dataclass, so a failing case prints as a readable recipe; it picks its target with a
number taken modulo what is there, so Hypothesis can shrink it and it survives earlier mutations.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import libipld
from hypothesis import strategies as st

from postguard.sources.car import cid_length, read_varint
from postguard.sources.synthetic import jpeg_with_gps, write_x_archive
from postguard.sources.textcodec import decode

DATA = Path(__file__).resolve().parents[1] / "sources" / "data"
Members = dict[str, bytes]
POSITIONS = 1_000_000  # a position is a fraction of the target, in millionths
_MEDIA = (".jpg", ".jpeg", ".png", ".mp4", ".srt")
_PHOTO = jpeg_with_gps(53.82213, -1.57902)

PLAIN_ROWS = (
    {"id": "p1", "text": "Lovely CPD day on sleep and low mood.", "created_at": "2024-03-01T09:00:00Z"},
    {"id": "p2", "text": 'Reading "Mind over Mood", again, with a pen.', "created_at": "2024-03-02 18:30"},
    {"id": "p3", "text": "Two lines:\nformulation first, techniques second.", "created_at": "1709400000"},
    {"id": "p4", "text": "Clinic garden in bloom 🌿 #CBT", "created_at": ""},
    {"id": "p5", "text": "Reminder: worry time works best at the same time every day.", "created_at": "x"},
)


class Seed:
    """One platform's unmutated export: relative member names and their bytes."""

    def __init__(self, name: str, members: Members) -> None:
        self.name = name
        self._members = members

    def members(self) -> Members:
        return dict(self._members)

    def containers(self) -> tuple[str, ...]:
        """How this export can be handed over: a folder, a zip, a tar.gz, or the file itself."""
        alone = len(self._members) == 1 and "/" not in next(iter(self._members))
        return ("folder", "zip", "tar", "file") if alone else ("folder", "zip", "tar")

    def __repr__(self) -> str:
        return f"Seed({self.name!r})"


def _folder(root: Path) -> Members:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _with_photos(members: Members) -> Members:
    """Add the photos the export's records point to, so media extraction is fuzzed too."""
    out = dict(members)
    for data in members.values():
        text = data.decode("utf-8", errors="replace")
        for path in re.findall(r'"(?:uri|url)"\s*:\s*"([^":]+\.jpe?g)"', text):
            out.setdefault(path.lstrip("/"), _PHOTO)
    return out


def _x_synthetic() -> Members:
    with tempfile.TemporaryDirectory() as tmp:
        info = write_x_archive(Path(tmp) / "x.zip", 40, seed=5, deleted=3, media_every=1, gps_every=2)
        with zipfile.ZipFile(info.path) as zf:
            return {name: zf.read(name) for name in zf.namelist()}


def _plain_csv() -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(PLAIN_ROWS[0]))
    writer.writeheader()
    writer.writerows(PLAIN_ROWS)
    return out.getvalue().encode()


@functools.cache
def seeds() -> dict[str, Seed]:
    """Every platform's export, built once per process."""
    bluesky = _folder(DATA / "bluesky")
    found = {
        "x": _x_synthetic(),
        "x-sample": _folder(DATA / "x-archive"),
        "mastodon": _with_photos(_folder(DATA / "mastodon")),
        "bluesky": {k: v for k, v in bluesky.items() if k != "repo-partial.car"},
        "bluesky-car": {"repo.car": bluesky["repo.car"]},
        "facebook": _with_photos(_folder(DATA / "facebook")),
        "facebook-old": _folder(DATA / "facebook-old"),
        "instagram": _with_photos(_folder(DATA / "instagram")),
        "threads": _with_photos(_folder(DATA / "threads")),
        "linkedin": _folder(DATA / "linkedin"),
        "plain-csv": {"posts.csv": _plain_csv()},
        "plain-jsonl": {"posts.jsonl": "".join(json.dumps(r) + "\n" for r in PLAIN_ROWS).encode()},
        "plain-json": {"posts.json": json.dumps(list(PLAIN_ROWS), indent=1).encode()},
    }
    return {name: Seed(name, members) for name, members in found.items()}


SEED_NAMES = (
    "x", "x-sample", "mastodon", "bluesky", "bluesky-car", "facebook", "facebook-old", "instagram",
    "threads", "linkedin", "plain-csv", "plain-jsonl", "plain-json",
)  # fmt: skip


# -- picking targets ---------------------------------------------------------------------------


def position(at: int, length: int) -> int:
    """A position in millionths (what Hypothesis draws) as an offset into `length` items."""
    return at * length // (POSITIONS + 1)


def _pick(names: list[str], pick: int) -> str | None:
    return sorted(names)[pick % len(names)] if names else None


def _content(members: Members, suffixes: tuple[str, ...] = ()) -> list[str]:
    """Members worth mutating (not photos), optionally only those with one of `suffixes`."""
    names = [n for n in members if not n.lower().endswith(_MEDIA)]
    if suffixes:
        names = [n for n in names if n.lower().endswith(suffixes)]
    return names


class Mutation(Protocol):
    def apply(self, members: Members) -> None:
        """Change `members` in place."""
        ...


# -- bytes -------------------------------------------------------------------------------------

SNIPPETS = (
    b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b'"', b"\\",
    b"{", b"[", b"]", b"}", b",", b":", b"\r", b"\n", b"\\u", b"\\ud800", b"\xe2\x80\xa8", b"NaN",
    b"1e999999", b"-", b"window.YTD.tweets.part0 = [", b'"orderedItems": [', b", {", b"<html>",
)  # fmt: skip


@dataclass(frozen=True)
class FlipBytes:
    member: int
    at: int
    xor: int
    count: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members), self.member)
        if name is not None and members[name]:
            data = bytearray(members[name])
            start = position(self.at, len(data))
            for i in range(start, min(start + self.count, len(data))):
                data[i] ^= self.xor
            members[name] = bytes(data)


@dataclass(frozen=True)
class Truncate:
    member: int
    at: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members), self.member)
        if name is not None:
            members[name] = members[name][: position(self.at, len(members[name]))]


@dataclass(frozen=True)
class Insert:
    member: int
    at: int
    data: bytes

    def apply(self, members: Members) -> None:
        name = _pick(_content(members), self.member)
        if name is not None:
            old = members[name]
            cut = position(self.at, len(old) + 1)
            members[name] = old[:cut] + self.data + old[cut:]


@dataclass(frozen=True)
class DeleteSlice:
    member: int
    at: int
    length: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members), self.member)
        if name is not None:
            old = members[name]
            cut = position(self.at, len(old))
            members[name] = old[:cut] + old[cut + self.length :]


@dataclass(frozen=True)
class Repeat:
    """A slice written several times over (a record or a token duplicated in place)."""

    member: int
    at: int
    length: int
    times: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members), self.member)
        if name is not None:
            old = members[name]
            cut = position(self.at, len(old))
            members[name] = old[:cut] + old[cut : cut + self.length] * self.times + old[cut:]


CODECS = ("utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1")


@dataclass(frozen=True)
class Reencode:
    """The text written in another encoding (with a byte-order mark where the codec adds one)."""

    member: int
    codec: str

    def apply(self, members: Members) -> None:
        name = _pick(_content(members), self.member)
        if name is not None:
            text = members[name].decode("utf-8", errors="replace")
            members[name] = text.encode(self.codec, errors="replace")


# Changes that damage a file's bytes; the others keep it well-formed (or damage it knowingly).
BYTE_DAMAGE = (FlipBytes, Truncate, Insert, DeleteSlice, Repeat)


def byte_mutations() -> st.SearchStrategy[Mutation]:
    member, at = st.integers(0, 50), st.integers(0, POSITIONS)
    return st.one_of(
        st.builds(FlipBytes, member, at, st.integers(1, 255), st.integers(1, 8)),
        st.builds(Truncate, member, at),
        st.builds(Insert, member, at, st.sampled_from(SNIPPETS) | st.binary(min_size=1, max_size=12)),
        st.builds(DeleteSlice, member, at, st.integers(1, 400)),
        st.builds(Repeat, member, at, st.integers(1, 300), st.integers(2, 50)),
        st.builds(Reencode, member, st.sampled_from(CODECS)),
    )


# -- JSON --------------------------------------------------------------------------------------

_JS_PREFIX = re.compile(r"^\s*window\.[A-Za-z0-9_.]+\s*=\s*")
_HOLE = "\x00fuzz-hole\x00"
_JSON = (".json", ".js")


def load_document(data: bytes) -> tuple[str, Any] | None:
    """(X `window....=` prefix, document) when `data` is a JSON (or X .js) document."""
    text = decode(data)
    match = _JS_PREFIX.match(text)
    prefix = match.group(0) if match else ""
    try:
        return prefix, json.loads(text[len(prefix) :])
    except (ValueError, RecursionError):
        return None


def _dump(prefix: str, doc: Any, raw: str, ascii: bool) -> bytes:
    """The document written back, with `raw` JSON text where the hole is."""
    text = json.dumps(doc, ensure_ascii=ascii).replace(json.dumps(_HOLE), raw, 1)
    return (prefix + text).encode("utf-8", "surrogatepass")


def _slots(doc: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value in the document, outermost first, at most 20,000."""
    slots: list[tuple[Any, Any]] = []
    queue = [doc]
    while queue and len(slots) < 20_000:
        node = queue.pop(0)
        pairs = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in pairs:
            slots.append((node, key))
            if isinstance(value, dict | list):
                queue.append(value)
    return slots


def _raw(kind: str, size: int, original: Any) -> str:
    """JSON text of another type or shape than `original` had."""
    simple = {
        "null": "null", "true": "true", "zero": "0", "negative": "-1", "float": "1e400",
        "nan": "NaN", "minus-zero": "-0.0", "empty-string": '""', "string": '"x"',
        "surrogate": '"\\ud800 lone \\udfff"', "control": '"\\u0000\\u001f\\u2028"',
        "empty-list": "[]", "empty-object": "{}", "bold": json.dumps("𝗯𝗼𝗹𝗱 \u202e\u200b"),
    }  # fmt: skip
    if kind in simple:
        return simple[kind]
    if kind == "bigint":
        return "9" * size
    if kind == "huge-string":
        return '"' + "a" * (size * 80) + '"'
    if kind == "deep-list":
        return "[" * size + "]" * size
    if kind == "deep-object":
        return '{"a":' * size + "null" + "}" * size
    if kind == "wrapped":
        return "[" + json.dumps(original) + "]"
    # retyped: the same content as another type
    if isinstance(original, str):
        return original if original.strip().lstrip("-").isdigit() else "12345"
    if isinstance(original, dict):
        return json.dumps(list(original.values()))
    if isinstance(original, list):
        return json.dumps({str(i): v for i, v in enumerate(original)})
    return json.dumps(str(original))


VALUE_KINDS = (
    "null", "true", "zero", "negative", "float", "nan", "minus-zero", "empty-string", "string",
    "surrogate", "control", "empty-list", "empty-object", "bold", "bigint", "huge-string",
    "deep-list", "deep-object", "wrapped", "retyped",
)  # fmt: skip


@dataclass(frozen=True)
class ReplaceValue:
    """One value anywhere in a JSON document replaced by another type or shape."""

    member: int
    slot: int
    kind: str
    size: int
    ascii: bool

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, _JSON), self.member)
        loaded = load_document(members[name]) if name else None
        if name is None or loaded is None:
            return
        prefix, doc = loaded
        slots = _slots(doc)
        if not slots:
            return
        node, key = slots[self.slot % len(slots)]
        original = node[key]
        node[key] = _HOLE
        members[name] = _dump(prefix, doc, _raw(self.kind, self.size, original), self.ascii)


@dataclass(frozen=True)
class EditKey:
    """A key deleted, or given twice (`json.load` keeps the last one)."""

    member: int
    slot: int
    field: int
    duplicate_first: bool | None  # None: delete the key

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, _JSON), self.member)
        loaded = load_document(members[name]) if name else None
        if name is None or loaded is None:
            return
        prefix, doc = loaded
        objects: list[tuple[Any, Any, dict[str, Any]]] = [(None, None, doc)] if isinstance(doc, dict) else []
        objects += [(n, k, n[k]) for n, k in _slots(doc) if isinstance(n[k], dict)]
        objects = [o for o in objects if o[2]]
        if not objects:
            return
        parent, key, target = objects[self.slot % len(objects)]
        field = list(target)[self.field % len(target)]
        if self.duplicate_first is None:
            del target[field]
            members[name] = _dump(prefix, doc, "", True)
            return
        pairs = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in target.items()]
        pairs.insert(0 if self.duplicate_first else len(pairs), f"{json.dumps(field)}: null")
        text = "{" + ", ".join(pairs) + "}"
        if parent is None:
            members[name] = (prefix + text).encode("utf-8", "surrogatepass")
        else:
            parent[key] = _HOLE
            members[name] = _dump(prefix, doc, text, True)


def records_of(doc: Any) -> list[Any] | None:
    """The list that holds an export's records: the document, or its longest top-level list."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        lists = [v for v in doc.values() if isinstance(v, list)]
        return max(lists, key=len) if lists else None
    return None


NOT_OBJECTS = ("null", "zero", "string", "empty-list", "true")
RECORD_OPS = ("delete", "duplicate", "swap", "reverse", "empty-object", "deep-list", *NOT_OBJECTS)


@dataclass(frozen=True)
class RecordOp:
    """A whole record deleted, repeated, moved, emptied or replaced by something not a record."""

    member: int
    record: int
    op: str
    size: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, _JSON), self.member)
        loaded = load_document(members[name]) if name else None
        records = records_of(loaded[1]) if loaded else None
        if name is None or loaded is None or not records:
            return
        prefix, doc = loaded
        i = self.record % len(records)
        raw = ""
        if self.op == "delete":
            del records[i]
        elif self.op == "duplicate":
            records[i:i] = [records[i]] * min(self.size, 200)
        elif self.op == "swap":
            records[i], records[i - 1] = records[i - 1], records[i]
        elif self.op == "reverse":
            records.reverse()
        else:
            raw = _raw(self.op, self.size, records[i])
            records[i] = _HOLE
        members[name] = _dump(prefix, doc, raw, True)


def json_mutations() -> st.SearchStrategy[Mutation]:
    member, slot = st.integers(0, 50), st.integers(0, 100_000)
    return st.one_of(
        st.builds(
            ReplaceValue,
            member,
            slot,
            st.sampled_from(VALUE_KINDS),
            st.sampled_from([1, 10, 300, 999, 1200, 5000, 50_000]),
            st.booleans(),
        ),
        st.builds(EditKey, member, slot, st.integers(0, 50), st.none() | st.booleans()),
        st.builds(RecordOp, member, slot, st.sampled_from(RECORD_OPS), st.integers(1, 2000)),
    )


# -- CSV ---------------------------------------------------------------------------------------


QUOTING: dict[str, Literal[0, 1, 2, 3]] = {
    "minimal": csv.QUOTE_MINIMAL,
    "all": csv.QUOTE_ALL,
    "none": csv.QUOTE_NONE,
}


def _rows(data: bytes) -> list[list[str]] | None:
    try:
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return None


@dataclass(frozen=True)
class CsvDialect:
    """The same rows written with another delimiter, quoting, line ending and encoding."""

    member: int
    delimiter: str
    quoting: str
    terminator: str
    codec: str

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, (".csv",)), self.member)
        rows = _rows(members[name]) if name else None
        if name is None or rows is None:
            return
        out = io.StringIO()
        quoting = QUOTING[self.quoting]
        escape = "\\" if quoting == csv.QUOTE_NONE else None
        writer = csv.writer(
            out,
            delimiter=self.delimiter,
            quoting=quoting,
            lineterminator=self.terminator,
            escapechar=escape,
        )
        writer.writerows(rows)
        members[name] = out.getvalue().encode(self.codec, errors="replace")


CELLS = ("huge", "empty", "quote", "inner-quote", "nul", "newline", "cr", "emoji", "formula")


@dataclass(frozen=True)
class CsvCell:
    """One cell (header included) replaced by something awkward: over the csv module's field
    limit, quotes, NUL, line breaks."""

    member: int
    row: int
    column: int
    kind: str
    size: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, (".csv",)), self.member)
        rows = _rows(members[name]) if name else None
        if name is None or not rows:
            return
        row = rows[self.row % len(rows)]
        if not row:
            return
        value = {
            "huge": "x" * (self.size * 100),
            "empty": "",
            "quote": '"',
            "inner-quote": 'say "hi',
            "nul": "a\x00b",
            "newline": "one\ntwo",
            "cr": "one\rtwo",
            "emoji": "🙂" * self.size,
            "formula": '=HYPERLINK("https://evil.example")',
        }[self.kind]
        row[self.column % len(row)] = value
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        members[name] = out.getvalue().encode()


HEADER_OPS = ("drop-header", "upper", "duplicate-name", "drop-column", "extra-name", "notes", "notes-open")


@dataclass(frozen=True)
class CsvHeader:
    """The header row changed: gone, renamed, a column more or less, LinkedIn's `Notes:` block."""

    member: int
    op: str
    column: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, (".csv",)), self.member)
        rows = _rows(members[name]) if name else None
        if name is None or not rows or not rows[0]:
            return
        header = rows[0]
        col = self.column % len(header)
        prefix = ""
        if self.op == "drop-header":
            rows = rows[1:]
        elif self.op == "upper":
            rows[0] = [h.upper() for h in header]
        elif self.op == "duplicate-name":
            header[col] = header[0]
        elif self.op == "drop-column":
            rows = [r[:col] + r[col + 1 :] for r in rows]
        elif self.op == "extra-name":
            header.append("extra")
        else:
            prefix = "Notes:\nExported by a fuzz test\n" + ("\n" if self.op == "notes" else "")
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        members[name] = (prefix + out.getvalue()).encode()


def csv_mutations() -> st.SearchStrategy[Mutation]:
    member = st.integers(0, 50)
    return st.one_of(
        st.builds(
            CsvDialect,
            member,
            st.sampled_from([",", ";", "\t", "|"]),
            st.sampled_from(sorted(QUOTING)),
            st.sampled_from(["\r\n", "\n", "\r"]),
            st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
        ),
        st.builds(
            CsvCell,
            member,
            st.integers(0, 100),
            st.integers(0, 20),
            st.sampled_from(CELLS),
            st.sampled_from([1, 50, 1400, 3000]),
        ),
        st.builds(CsvHeader, member, st.sampled_from(HEADER_OPS), st.integers(0, 20)),
    )


# -- CAR (Bluesky) -----------------------------------------------------------------------------


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if not value:
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)


def _car(data: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]] | None:
    """(header bytes, [(CID, block data)]) of a well-formed CAR, else None."""
    try:
        length, pos = read_varint(data, 0)
        header = data[: pos + length]
        pos += length
        blocks: list[tuple[bytes, bytes]] = []
        while pos < len(data):
            length, start = read_varint(data, pos)
            cid_end = start + cid_length(data, start)
            blocks.append((data[start:cid_end], data[cid_end : start + length]))
            pos = start + length
    except (ValueError, IndexError):
        return None
    return header, blocks


def _car_bytes(header: bytes, blocks: list[tuple[bytes, bytes]]) -> bytes:
    return header + b"".join(varint(len(c) + len(d)) + c + d for c, d in blocks)


FAKE_CID = bytes([0x01, 0x71, 0x12, 0x20]) + b"\x42" * 32
_POST = "app.bsky.feed.post"


def _cbor_payloads() -> dict[str, Callable[[bytes, list[bytes]], bytes]]:
    """Block contents by name: f(the block's own CID, every CID in the CAR) -> bytes."""
    enc = libipld.encode_dag_cbor

    def nested_embed(depth: int) -> dict[str, Any]:
        embed: dict[str, Any] = {"$type": "app.bsky.embed.external", "external": {"uri": "https://a.example"}}
        for _ in range(depth):
            embed = {"$type": "app.bsky.embed.recordWithMedia", "media": embed, "record": {}}
        return embed

    def post(**fields: Any) -> bytes:
        return enc({"$type": _POST, "text": "fuzzed", "createdAt": "2024-01-01T00:00:00Z", **fields})

    return {
        "mst-not-list": lambda me, cids: enc({"e": 5, "l": None}),
        "mst-bad-entries": lambda me, cids: enc({"e": [1, "a", None, [1], {}], "l": "x"}),
        "mst-bad-types": lambda me, cids: enc({"e": [{"p": "0", "k": 5, "v": "x", "t": 7}]}),
        "mst-huge-prefix": lambda me, cids: enc({"e": [{"p": 2**63 - 1, "k": b"x", "v": cids[0]}]}),
        "mst-negative-prefix": lambda me, cids: enc({"e": [{"p": -3, "k": b"app.bsky", "v": cids[0]}]}),
        "mst-cycle": lambda me, cids: enc(
            {"l": me, "e": [{"p": 0, "k": (_POST + "/3kaaaaaaaaa22").encode(), "v": me, "t": me}]}
        ),
        "mst-bad-utf8": lambda me, cids: enc({"e": [{"p": 0, "k": b"\xff\xfe/x", "v": cids[-1], "t": None}]}),
        "mst-points-anywhere": lambda me, cids: enc(
            {
                "l": cids[0],
                "e": [{"p": 0, "k": f"{_POST}/{i}".encode(), "v": c, "t": c} for i, c in enumerate(cids)],
            }
        ),
        "commit-bad": lambda me, cids: enc({"did": 5, "data": "x", "version": "3"}),
        "commit-self": lambda me, cids: enc({"did": "did:plc:fuzz", "data": me, "version": 3}),
        "post-types": lambda me, cids: enc(
            {"$type": _POST, "text": 5, "createdAt": 7, "facets": "x", "embed": [], "reply": "x", "langs": 5}
        ),
        "post-facets": lambda me, cids: post(
            text="héllo wörld https://a.example",
            facets=[
                {
                    "index": {"byteStart": 1, "byteEnd": 3},
                    "features": [{"$type": "#link", "uri": "https://b.example"}],
                },
                {"index": {"byteStart": 2, "byteEnd": 40}, "features": [{"$type": "#link", "uri": 5}]},
                {
                    "index": {"byteStart": -1, "byteEnd": 2**62},
                    "features": [{"$type": "#mention", "did": []}],
                },
                {"index": "x", "features": [{"$type": "#tag", "tag": "CBT"}, 3]},
            ],
        ),
        "post-dates": lambda me, cids: post(createdAt="0001-01-01T00:00:00Z"),
        "post-bad-date": lambda me, cids: post(createdAt="2024-13-45T99:99:99.123456789+99:99"),
        "post-far-date": lambda me, cids: post(createdAt="+275760-09-13T00:00:00Z"),
        "post-huge-text": lambda me, cids: post(text="x" * 200_000),
        "post-nested-embed": lambda me, cids: post(embed=nested_embed(1200)),
        "post-blobs": lambda me, cids: post(
            embed={
                "$type": "app.bsky.embed.images",
                "images": [{"image": {"ref": b"\x00\x01"}}, {"image": {"ref": {"$link": 5}}}, {"image": 3}],
            }
        ),
        "raw-int-keys": lambda me, cids: b"\xa1\x01\x02",
        "raw-bad-cid-tag": lambda me, cids: b"\xa1\x61e\xd8\x2a\x41\x00",
        "raw-indefinite": lambda me, cids: b"\x9f\x01\xff",
        "raw-nan": lambda me, cids: b"\xfb\x7f\xf8\x00\x00\x00\x00\x00\x00",
        "raw-huge-bytes": lambda me, cids: b"\x5b" + b"\xff" * 8,
        "raw-deep": lambda me, cids: b"\x81" * 100_000 + b"\x00",
        "raw-empty": lambda me, cids: b"",
        "raw-cut-map": lambda me, cids: b"\xa2\x61e",
        "raw-trailing": lambda me, cids: enc({"e": []}) + b"\x00",
    }


PAYLOADS = tuple(_cbor_payloads())
BLOCK_OPS = ("flip-data", "flip-cid", "drop", "duplicate", "swap", "cut", "length-lie", "payload")


@dataclass(frozen=True)
class CarBlock:
    """One block of a CAR damaged: its bytes, its CID, its framing, or its content replaced by
    DAG-CBOR of the wrong shape (MST nodes, commits and posts with bad fields, cycles)."""

    member: int
    block: int
    op: str
    at: int
    payload: str

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, (".car",)), self.member)
        parsed = _car(members[name]) if name else None
        if name is None or parsed is None or not parsed[1]:
            return
        header, blocks = parsed
        i = self.block % len(blocks)
        cid, data = blocks[i]
        tail = b""
        if self.op == "flip-data" and data:
            j = position(self.at, len(data))
            blocks[i] = (cid, data[:j] + bytes([data[j] ^ 0x5A]) + data[j + 1 :])
        elif self.op == "flip-cid":
            j = position(self.at, len(cid))
            blocks[i] = (cid[:j] + bytes([cid[j] ^ 0x01]) + cid[j + 1 :], data)
        elif self.op == "drop":
            del blocks[i]
        elif self.op == "duplicate":
            blocks.insert(i, blocks[i])
        elif self.op == "swap":
            blocks[i], blocks[i - 1] = blocks[i - 1], blocks[i]
        elif self.op == "cut":
            blocks[i] = (cid, data[: position(self.at, len(data))])
        elif self.op == "length-lie":
            tail = varint(1 << (self.at % 63)) + cid + data
            del blocks[i:]
        else:
            blocks[i] = (cid, _cbor_payloads()[self.payload](cid, [c for c, _ in blocks]))
        members[name] = _car_bytes(header, blocks) + tail


HEADERS = ("no-roots", "empty-roots", "root-string", "version-2", "not-map", "garbage", "huge-length",
           "root-missing", "root-to-block")  # fmt: skip


@dataclass(frozen=True)
class CarHeader:
    """The CAR header's roots or framing damaged."""

    member: int
    kind: str
    block: int

    def apply(self, members: Members) -> None:
        name = _pick(_content(members, (".car",)), self.member)
        parsed = _car(members[name]) if name else None
        if name is None or parsed is None:
            return
        _, blocks = parsed
        enc = libipld.encode_dag_cbor
        body: dict[str, Callable[[], bytes]] = {
            "no-roots": lambda: enc({"version": 1}),
            "empty-roots": lambda: enc({"version": 1, "roots": []}),
            "root-string": lambda: enc({"version": 1, "roots": ["bafy"]}),
            "version-2": lambda: enc({"version": 2, "roots": [FAKE_CID]}),
            "not-map": lambda: enc([1, "roots", "version"]),
            "garbage": lambda: b"\xa2roots version \xff",
            "root-missing": lambda: enc({"version": 1, "roots": [FAKE_CID]}),
            "root-to-block": lambda: enc(
                {"version": 1, "roots": [blocks[self.block % len(blocks)][0] if blocks else FAKE_CID]}
            ),
        }
        if self.kind == "huge-length":
            members[name] = varint(1 << 40) + members[name]
        else:
            header = body[self.kind]()
            members[name] = _car_bytes(varint(len(header)) + header, blocks)


def car_mutations() -> st.SearchStrategy[Mutation]:
    member = st.integers(0, 50)
    return st.one_of(
        st.builds(
            CarBlock,
            member,
            st.integers(0, 1000),
            st.sampled_from(BLOCK_OPS),
            st.integers(0, POSITIONS),
            st.sampled_from(PAYLOADS),
        ),
        st.builds(CarHeader, member, st.sampled_from(HEADERS), st.integers(0, 1000)),
    )


# -- the export's files ------------------------------------------------------------------------

NAMES = (
    "tweets.js", "data/TWEETS.JS", "outbox.json", "posts/your_posts_1.json", "a/b/c/d/e/f/g.json",
    "noext", ".hidden.json", "name with spaces.json", "ünïcødé.json", "new\nline.json",
    "tab\tname.csv", "Shares.csv", "repo.car", "x" * 200 + ".json", "weird:colon.json",
    "back\\slash.json", "trailing.", "data/tweets_media/1-a.jpg", "posts.zip", "not-utf8-\udcff.json",
)  # fmt: skip


@dataclass(frozen=True)
class DeleteMember:
    member: int

    def apply(self, members: Members) -> None:
        name = _pick(list(members), self.member)
        if name is not None and len(members) > 1:
            del members[name]


@dataclass(frozen=True)
class MoveMember:
    """A member renamed, or copied under a second name."""

    member: int
    to: str
    keep: bool

    def apply(self, members: Members) -> None:
        name = _pick(list(members), self.member)
        if name is not None and self.to not in members:
            members[self.to] = members[name] if self.keep else members.pop(name)


@dataclass(frozen=True)
class SwapIn:
    """A file from another platform's export, added or written over one of this export's."""

    seed: str
    member: int
    over: int | None

    def apply(self, members: Members) -> None:
        other = seeds()[self.seed].members()
        name = _pick(list(other), self.member)
        if name is None:
            return
        target = _pick(list(members), self.over) if self.over is not None else name
        members[target or name] = other[name]


ADDED = ("empty", "photo", "binary", "nested-zip", "big-text", "html")


@dataclass(frozen=True)
class AddMember:
    name: str
    kind: str

    def apply(self, members: Members) -> None:
        if self.kind == "nested-zip":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as zf:
                for name, data in members.items():
                    with contextlib.suppress(UnicodeEncodeError):  # a zip cannot name a file in bytes
                        zf.writestr(name, data)
            content = buffer.getvalue()
        else:
            content = {
                "empty": b"",
                "photo": _PHOTO,
                "binary": bytes(range(256)) * 8,
                "big-text": b"a" * (3 * 1024 * 1024),
                "html": b"<!DOCTYPE html><html><title>Your Facebook posts</title></html>",
            }[self.kind]
        members[self.name] = content


def member_mutations() -> st.SearchStrategy[Mutation]:
    member = st.integers(0, 50)
    return st.one_of(
        st.builds(DeleteMember, member),
        st.builds(MoveMember, member, st.sampled_from(NAMES), st.booleans()),
        st.builds(SwapIn, st.sampled_from(SEED_NAMES), member, st.none() | member),
        st.builds(AddMember, st.sampled_from(NAMES), st.sampled_from(ADDED)),
    )


def mutations(seed: Seed) -> st.SearchStrategy[Mutation]:
    """Any mutation, weighted towards those that understand this seed's file formats."""
    names = " ".join(seed.members()).lower()
    aware = [json_mutations()] if (".json" in names or ".js" in names) else []
    if ".csv" in names:
        aware.append(csv_mutations())
    if ".car" in names:
        aware.append(car_mutations())
    return st.one_of(*aware, *aware, byte_mutations(), byte_mutations(), member_mutations())
