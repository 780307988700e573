"""Decode exported text files the way they were written, not the way we hope they were.

Exports are UTF-8 today, but older ones are not: LinkedIn wrote UTF-16 with a byte-order mark
around 2018, and spreadsheets save Windows-1252. Read as UTF-8, such a file decodes to noise and
yields no posts, silently. The encoding comes from the byte-order mark when there is one; else
zero bytes give UTF-16 away, text that decodes as UTF-8 is UTF-8, and anything else is taken as
Windows-1252 (which is what a Western European spreadsheet writes). Detection reads a sample
(`SAMPLE` bytes), so the decision is cheap and the same for the head and the whole file.
"""

from __future__ import annotations

import codecs
import io
from typing import IO

SAMPLE = 1024 * 1024

# Longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_encoding(sample: bytes) -> str:
    """The codec to read a file whose first bytes are `sample` (a Python codec name)."""
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            return codec
    pairs = sample[: len(sample) - len(sample) % 2][:4096]
    if pairs:
        zeros_even = pairs[0::2].count(0) / (len(pairs) / 2)
        zeros_odd = pairs[1::2].count(0) / (len(pairs) / 2)
        if zeros_odd > 0.3 > zeros_even:
            return "utf-16-le"
        if zeros_even > 0.3 > zeros_odd:
            return "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode_head(head: bytes) -> str:
    """The first bytes of a file as text (a character cut at the end is dropped, not replaced)."""
    decoder = codecs.getincrementaldecoder(sniff_encoding(head))(errors="replace")
    return decoder.decode(head, final=False)


def decode(data: bytes) -> str:
    """A whole file's bytes as text."""
    return data.decode(sniff_encoding(data[:SAMPLE]), errors="replace")


def text_stream(raw: IO[bytes], sample: bytes) -> io.TextIOWrapper:
    """A text reader over `raw` (positioned at its start) in the encoding `sample` shows, with
    newlines left alone for the csv module."""
    return io.TextIOWrapper(raw, encoding=sniff_encoding(sample), errors="replace", newline="")
