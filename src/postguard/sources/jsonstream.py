"""Stream the elements of a large JSON array one at a time, tolerating damage.

A 50,000-post `tweets.js` is ~100 MB of text; `json.load` would turn it into ~1 GB of Python
objects. Instead, text is read in 1 MiB chunks and each array element is decoded with the C
`raw_decode`, so memory holds one chunk and one element. A truncated file yields what it holds;
a malformed element is skipped (resynchronising on the next `, {`) and reported, never fatal.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import IO, Any

from postguard.errors import InputError
from postguard.sources.common import Warnings

CHUNK = 1024 * 1024
MAX_ELEMENT = 64 * 1024 * 1024

_WS = re.compile(r"[\s;]*")
_RESYNC = re.compile(r",\s*(?=\{)")
_decoder = json.JSONDecoder()


class _Text:
    """Incrementally decoded UTF-8 text over a binary stream, with a sliding buffer."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._decode = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0  # characters dropped from the front of the buffer

    def more(self) -> bool:
        """Append one chunk; False at end of stream."""
        if self.eof:
            return False
        data = self._stream.read(CHUNK)
        if not data:
            self.eof = True
            tail = self._decode.decode(b"", final=True)
            self.buf += tail
            return bool(tail)
        if self.pos > CHUNK:
            self.consumed += self.pos
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += self._decode.decode(data)
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


def _truncation(exc: json.JSONDecodeError, text: _Text) -> bool:
    """True when a decode error comes from running out of buffered text, not bad syntax."""
    if exc.msg.startswith("Unterminated string"):
        return True
    return len(text.buf) - exc.pos < 64 and "\n" not in text.buf[exc.pos :].strip()


def _elements(text: _Text, source: str, warnings: Warnings) -> Iterator[Any]:
    """Yield array elements; the buffer is positioned just after the opening `[`."""
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
            try:
                value, end = _decoder.raw_decode(text.buf, text.pos)
            except json.JSONDecodeError as exc:
                if not text.eof and _truncation(exc, text):
                    if len(text.buf) - text.pos > MAX_ELEMENT:
                        warnings.add(source, f"record over {MAX_ELEMENT} characters skipped")
                        if not _resync(text, source, warnings):
                            return
                        continue
                    text.more()
                    continue
                if text.eof and _truncation(exc, text):
                    warnings.add(source, f"JSON is truncated after {count} records; rest lost")
                    return
                warnings.add(source, f"malformed JSON record near character {text.offset} skipped")
                text.pos += 1
                if not _resync(text, source, warnings):
                    return
                continue
            if end == len(text.buf) and not text.eof and not isinstance(value, dict | list):
                text.more()  # a number cut at the buffer edge: read on and decode again
                continue
            text.pos = end
            count += 1
            expect_value = False
            yield value
        elif char == ",":
            text.pos += 1
            expect_value = True
        elif char == "]":
            return
        else:
            warnings.add(source, f"unexpected {char!r} near character {text.offset}; resyncing")
            if not _resync(text, source, warnings):
                return
            expect_value = True


def _resync(text: _Text, source: str, warnings: Warnings) -> bool:
    """Skip to the next `, {` (the start of what may be the next record)."""
    match = text.find(_RESYNC, MAX_ELEMENT)
    if match is None:
        warnings.add(source, "could not find another record after the damage; rest skipped")
        return False
    text.pos = match.end()
    return True


def _open_array(text: _Text, source: str, start: re.Pattern[str]) -> bool:
    match = text.find(start, 4 * CHUNK)
    if match is None:
        return False
    text.pos = match.end()
    return True


_JS_START = re.compile(r"=\s*\[")
_ARRAY_START = re.compile(r"^\s*\[")


def iter_js_array(stream: IO[bytes], source: str, warnings: Warnings) -> Iterator[Any]:
    """Elements of an X archive file: `window.YTD.name.partN = [ ... ]` (never evaluated)."""
    text = _Text(stream)
    if not _open_array(text, source, _JS_START):
        raise InputError(f"{source}: not an X archive data file (no `= [`)")
    yield from _elements(text, source, warnings)


def iter_json_array(stream: IO[bytes], source: str, warnings: Warnings) -> Iterator[Any]:
    """Elements of a JSON document that is a top-level array."""
    text = _Text(stream)
    if not _open_array(text, source, _ARRAY_START):
        raise InputError(f"{source}: not a JSON array")
    yield from _elements(text, source, warnings)


def iter_keyed_array(stream: IO[bytes], key: str, source: str, warnings: Warnings) -> Iterator[Any]:
    """Elements of the array under `key` in a JSON object (Mastodon's `orderedItems`, ...)."""
    text = _Text(stream)
    if not _open_array(text, source, re.compile(rf'"{re.escape(key)}"\s*:\s*\[')):
        raise InputError(f"{source}: no {key!r} list")
    yield from _elements(text, source, warnings)


def load_json(stream: IO[bytes], source: str, limit: int) -> Any:
    """A whole (small) JSON document; `InputError` if it is malformed or over `limit` bytes."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{source}: over {limit} bytes; too large to load whole")
    try:
        return json.loads(data.decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: malformed JSON ({exc.msg} at line {exc.lineno})") from None


def first_element(head: str) -> Any:
    """The first element of the first array in `head` (a file's first bytes), if it decodes."""
    start = head.find("[")
    if start < 0:
        return None
    match = _WS.match(head, start + 1)
    pos = match.end() if match else start + 1
    try:
        return _decoder.raw_decode(head, pos)[0]
    except json.JSONDecodeError:
        return None
