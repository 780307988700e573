"""Read the records of a JSON export exactly as `json.load` would, and survive damage.

A file up to `WHOLE` bytes is parsed whole by the standard library, so what it holds is what
`json.load` finds, duplicated keys, escapes and all. Only a larger file (a 50,000-post
`tweets.js` is ~100 MB of text, which `json.load` would turn into ~1 GB of Python objects) or a
damaged one is streamed: text is decoded in `CHUNK`s and each array element is decoded by the
same C `raw_decode`, so memory holds one chunk and one element. A truncated file yields what it
holds; a malformed element is skipped (resynchronising on the next `, {`) and reported, never
fatal. Property tests hold the two paths to the same answer on every valid document.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from collections.abc import Iterator
from enum import Enum
from typing import IO, Any

from postguard.errors import InputError
from postguard.sources.common import Warnings
from postguard.sources.textcodec import decode, sniff_encoding

WHOLE = 8 * 1024 * 1024
CHUNK = 1024 * 1024
MAX_ELEMENT = 64 * 1024 * 1024
OPENING = 4 * 1024 * 1024  # how far into a file its array may start

_WS = re.compile(r"[\s;]*")
_RESYNC = re.compile(r",\s*(?=\{)")
_AFTER_LIST = re.compile(r"[\s}\]]*,\s*\{")
_NUMBER_TAIL = re.compile(r"[0-9.eE+-]*\Z")
_JS_START = re.compile(r"=\s*\[")
_ARRAY_START = re.compile(r"^\s*\[")
_OBJECT_START = re.compile(r"^\s*\{")
_JS_END = re.compile(r"[\s;]*\Z")
_JSON_WS = re.compile(r"[ \t\n\r]*")
_decoder = json.JSONDecoder()


class _Text:
    """Incrementally decoded text over a binary stream, with a sliding buffer."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._decoder: codecs.IncrementalDecoder | None = None  # chosen by the first chunk
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0  # characters dropped from the front of the buffer

    def more(self) -> bool:
        """Append one chunk; False at end of stream."""
        if self.eof:
            return False
        if self._decoder is None:
            data = self._stream.read(max(CHUNK, 4))  # at least a byte-order mark's length
            self._decoder = codecs.getincrementaldecoder(sniff_encoding(data))(errors="replace")
        else:
            data = self._stream.read(CHUNK)
        if not data:
            self.eof = True
            tail = self._decoder.decode(b"", final=True)
            self.buf += tail
            return bool(tail)
        if self.pos > CHUNK:
            self.consumed += self.pos
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += self._decoder.decode(data)
        return True

    def skip_ws(self) -> bool:
        """Move past whitespace; False when the text ends first."""
        while True:
            match = _WS.match(self.buf, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.buf):
                return True
            if not self.more():
                return False

    def find(self, pattern: re.Pattern[str], limit: int) -> re.Match[str] | None:
        """Search forward (reading more as needed, at most `limit` chars) for `pattern`."""
        while True:
            match = pattern.search(self.buf, self.pos)
            if match and (match.end() < len(self.buf) or self.eof):
                return match
            if len(self.buf) - self.pos > limit or not self.more():
                return pattern.search(self.buf, self.pos) if self.eof else None

    @property
    def offset(self) -> int:
        return self.consumed + self.pos


class _Failed(Enum):
    """Why a value could not be decoded."""

    TRUNCATED = 1
    TOO_LARGE = 2
    MALFORMED = 3


def _truncation(exc: json.JSONDecodeError, text: _Text) -> bool:
    """True when a decode error comes from running out of buffered text, not bad syntax."""
    if exc.msg.startswith("Unterminated string"):
        return True
    return len(text.buf) - exc.pos < 64 and "\n" not in text.buf[exc.pos :].strip()


def _value(text: _Text) -> Any:
    """Decode the value at the cursor, reading on while it may be cut at the buffer's edge."""
    while True:
        try:
            value, end = _decoder.raw_decode(text.buf, text.pos)
        except json.JSONDecodeError as exc:
            if not _truncation(exc, text):
                return _Failed.MALFORMED
            if text.eof:
                return _Failed.TRUNCATED
            if len(text.buf) - text.pos > MAX_ELEMENT:
                return _Failed.TOO_LARGE
            text.more()
            continue
        except (RecursionError, ValueError):  # nested too deep; a number over int()'s 4,300 digits
            return _Failed.MALFORMED
        cut = isinstance(value, int | float) and _NUMBER_TAIL.match(text.buf, end)
        if cut and not text.eof:
            text.more()  # a number cut at the buffer edge (`12`, `1.`, `3e`): read on
            continue
        text.pos = end
        return value


def _elements(text: _Text, source: str, warnings: Warnings, keyed: bool = False) -> Iterator[Any]:
    """Yield array elements; the cursor is just after the opening `[`. `keyed`: the array is
    a value in an object, so more of the object may follow it."""
    count = 0
    expect_value = True
    while True:
        if not text.skip_ws():
            warnings.add(source, f"JSON ends early (truncated?) after {count} records")
            return
        char = text.buf[text.pos]
        if expect_value:
            if char == "]" and count == 0:
                return
            value = _value(text)
            if value is _Failed.TRUNCATED:
                warnings.add(source, f"JSON is truncated after {count} records; rest lost")
                return
            if isinstance(value, _Failed):
                what = (
                    f"record over {MAX_ELEMENT} characters"
                    if value is _Failed.TOO_LARGE
                    else "malformed JSON record"
                )
                warnings.add(source, f"{what} near character {text.offset} skipped")
                text.pos += 1
                if not _resync(text, source, warnings):
                    return
                continue
            count += 1
            expect_value = False
            yield value
        elif char == ",":
            text.pos += 1
            expect_value = True
        elif char == "]":
            text.pos += 1
            if _records_follow(text) if keyed else text.skip_ws():
                warnings.add(
                    source, f"the list closes early near character {text.offset}; what follows was not read"
                )
            return
        else:
            warnings.add(source, f"unexpected {char!r} near character {text.offset}; resyncing")
            if not _resync(text, source, warnings):
                return
            expect_value = True


def _records_follow(text: _Text) -> bool:
    """Whether `, {` follows a closed list (and the object around it): in a damaged file,
    records the list lost."""
    match = text.find(_AFTER_LIST, 64)
    return match is not None and match.start() == text.pos


def _resync(text: _Text, source: str, warnings: Warnings) -> bool:
    """Skip to the next `, {` (the start of what may be the next record)."""
    match = text.find(_RESYNC, MAX_ELEMENT)
    if match is None:
        warnings.add(source, "could not find another record after the damage; rest skipped")
        return False
    text.pos = match.end()
    return True


def _open(text: _Text, start: re.Pattern[str]) -> bool:
    match = text.find(start, OPENING)
    if match is None:
        return False
    text.pos = match.end()
    return True


def _open_keyed(text: _Text, key: str) -> bool:
    """Walk the top-level object to the array under `key`; a key inside a nested object or a
    string does not count. When the object is damaged, fall back on the first `"key": [`."""
    if not _open(text, _OBJECT_START):
        return False
    while text.skip_ws() and text.buf[text.pos] != "}":
        name = _value(text)
        if not isinstance(name, str) or not text.skip_ws() or text.buf[text.pos] != ":":
            break
        text.pos += 1
        if not text.skip_ws():
            return False
        if name == key and text.buf[text.pos] == "[":
            text.pos += 1
            return True
        if isinstance(_value(text), _Failed) or not text.skip_ws():
            break
        if text.buf[text.pos] == ",":
            text.pos += 1
        elif text.buf[text.pos] != "}":
            break
    else:
        return False
    return _open(text, re.compile(rf'"{re.escape(key)}"\s*:\s*\['))


def _parsed(text: str, start: int) -> Any:
    """The JSON value at `start` when the document parses to its end (an X file may end in
    `;`); None when it does not."""
    try:
        value, stop = _decoder.raw_decode(text, _JSON_WS.match(text, start).end())  # type: ignore[union-attr]
    except (ValueError, RecursionError):
        return None
    return value if _JS_END.match(text, stop) else None


def iter_js_array(stream: IO[bytes], source: str, warnings: Warnings, whole: bool = True) -> Iterator[Any]:
    """Elements of an X archive file: `window.YTD.name.partN = [ ... ]` (never evaluated).

    `whole`: the file is small enough (`WHOLE`) to parse in one piece, as every reader here
    does first; False streams it from the start."""
    if whole:
        data = stream.read()
        text = decode(data)
        match = _JS_START.search(text)
        if match is None:
            raise InputError(f"{source}: not an X archive data file (no `= [`)")
        value = _parsed(text, match.end() - 1)
        if value is not None:
            yield from value
            return
        stream = io.BytesIO(data)
    streamed = _Text(stream)
    if not _open(streamed, _JS_START):
        raise InputError(f"{source}: not an X archive data file (no `= [`)")
    yield from _elements(streamed, source, warnings)


def iter_json_array(stream: IO[bytes], source: str, warnings: Warnings, whole: bool = True) -> Iterator[Any]:
    """Elements of a JSON document that is a top-level array."""
    if whole:
        data = stream.read()
        value = _parsed(decode(data), 0)
        if isinstance(value, list):
            yield from value
            return
        stream = io.BytesIO(data)
    streamed = _Text(stream)
    if not _open(streamed, _ARRAY_START):
        raise InputError(f"{source}: not a JSON array")
    yield from _elements(streamed, source, warnings)


def iter_keyed_array(
    stream: IO[bytes], key: str, source: str, warnings: Warnings, whole: bool = True
) -> Iterator[Any]:
    """Elements of the array under top-level `key` in a JSON object (Mastodon's `orderedItems`).

    Streamed, a key given twice is read where it first appears; `json.load` keeps the last."""
    if whole:
        data = stream.read()
        value = _parsed(decode(data), 0)
        if isinstance(value, dict) and isinstance(value.get(key), list):
            yield from value[key]
            return
        if value is not None:
            raise InputError(f"{source}: no {key!r} list")
        stream = io.BytesIO(data)
    streamed = _Text(stream)
    if not _open_keyed(streamed, key):
        raise InputError(f"{source}: no {key!r} list")
    yield from _elements(streamed, source, warnings, keyed=True)


def load_json(stream: IO[bytes], source: str, limit: int) -> Any:
    """A whole (small) JSON document; `InputError` if it is malformed or over `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(CHUNK):  # not read(limit): that reserves the limit for a 2 KB file
        size += len(chunk)
        if size > limit:
            raise InputError(f"{source}: over {limit} bytes; too large to load whole")
        chunks.append(chunk)
    data = b"".join(chunks)
    try:
        return json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: malformed JSON ({exc.msg} at line {exc.lineno})") from None
    except (ValueError, RecursionError):
        raise InputError(f"{source}: malformed JSON (nested too deeply, or a number too long)") from None


def first_element(head: str) -> Any:
    """The first element of the first array in `head` (a file's first bytes), if it decodes."""
    start = head.find("[")
    if start < 0:
        return None
    match = _WS.match(head, start + 1)
    pos = match.end() if match else start + 1
    try:
        return _decoder.raw_decode(head, pos)[0]
    except (ValueError, RecursionError):
        return None
