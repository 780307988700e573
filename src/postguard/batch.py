"""Read many posts from a JSONL or CSV file, streaming, with per-row errors.

A bad row (invalid JSON, no text, text too long) becomes an error result naming its line and
the rest carry on, as flake8 reports E902 for one file and goes on with the others.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from postguard.engine import MAX_CHARS, validate_text
from postguard.errors import InputError


@dataclass(frozen=True)
class Row:
    line: int
    id: str
    text: str | None
    error: str | None = None


def _open(path: Path) -> io.TextIOWrapper:
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    # utf-8-sig: spreadsheets save CSV with a byte-order mark
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def read_rows(path: Path) -> Iterator[Row]:
    """Rows of a .jsonl/.ndjson or .csv file (by extension, falling back to the first byte)."""
    stream = _open(path)
    try:
        suffix = path.suffix.lower()
        if suffix == ".csv":
            yield from _csv_rows(stream, path)
        else:
            yield from _jsonl_rows(stream)
    except UnicodeDecodeError:
        raise InputError(f"{path} is not valid UTF-8 text") from None
    finally:
        stream.close()


def _checked(line: int, ident: str, text: object) -> Row:
    try:
        return Row(line, ident, validate_text(text))
    except InputError as exc:
        return Row(line, ident, None, f"line {line}: {exc}")


def _jsonl_rows(stream: io.TextIOWrapper) -> Iterator[Row]:
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Row(number, str(number), None, f"line {number}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(item, dict) or "text" not in item:
            yield Row(number, str(number), None, f'line {number}: no "text" field')
            continue
        raw_id = item.get("id")
        ident = (
            str(raw_id) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else str(number)
        )
        yield _checked(number, ident, item["text"])


def _csv_rows(stream: io.TextIOWrapper, path: Path) -> Iterator[Row]:
    # big enough that an over-long post is reported as too long rather than breaking the reader
    csv.field_size_limit(max(csv.field_size_limit(), 8 * MAX_CHARS))
    reader = csv.DictReader(stream)
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "text" not in fields:
        raise InputError(f"{path} has no 'text' column (columns: {', '.join(fields) or 'none'})")
    reader.fieldnames = fields
    try:
        for item in reader:
            number = reader.line_num
            ident = (item.get("id") or str(number)).strip()
            yield _checked(number, ident, item.get("text") or "")
    except csv.Error as exc:
        raise InputError(f"{path} line {reader.line_num}: not valid CSV ({exc})") from None
