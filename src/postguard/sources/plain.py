"""Plain exports: a CSV with a `text` column, JSON Lines or a JSON array of `{"text": ...}`.

For posts gathered by hand or by other tools. Optional columns: `id`, `created_at` (or `date`,
`timestamp`), `url`, `kind`, `visibility`, `platform`, `client_app`. A bad line is skipped with
a warning; rows without text are ignored.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from postguard.errors import InputError
from postguard.model import Post
from postguard.sources.base import Importer
from postguard.sources.common import Item, PostMeta, clean_text, parse_time
from postguard.sources.detect import PLAIN_TEXT_KEYS, header_line, sniff_delimiter
from postguard.sources.textcodec import decode_head, text_stream

KINDS = {"post", "reply", "repost", "quote", "comment", "bio"}
_TIME_KEYS = ("created_at", "createdat", "date", "timestamp", "time", "created", "published")
_MAX_LINE = 16 * 1024 * 1024


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first of `keys` the record has (any case); strings with lone surrogates repaired."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key)
        if value not in (None, ""):
            return clean_text(value) if isinstance(value, str) else value
    return None


class PlainImporter(Importer):
    """Posts from a CSV, JSONL or JSON file of texts."""

    platform = "plain"

    def items(self) -> Iterator[Item]:
        for name in self.detection.members("plain:csv"):
            yield from self._numbered(self._csv_rows(name), name)
        for name in self.detection.members("plain:jsonl"):
            yield from self._numbered(self._jsonl_rows(name), name)
        for name in self.detection.members("plain:json"):
            yield from self._numbered(enumerate(self.stream_json_array(name), start=1), name)

    def _numbered(self, rows: Iterator[tuple[int, Any]], source: str) -> Iterator[Item]:
        """Records with their 1-based position (the default id when a record has none)."""
        for number, record in rows:
            if not isinstance(record, dict):
                self.warn(source, f"record {number}: not an object; skipped")
                continue
            item = self._convert(record, number, source)
            if item is not None:
                yield item

    def _csv_rows(self, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            head = self.archive.head(name)
            delimiter = sniff_delimiter(header_line(decode_head(head)))
            with self.archive.open(name) as raw:
                # strict: a quote left open (a file cut mid-field) is reported, not swallowed
                reader = csv.DictReader(text_stream(raw, head), delimiter=delimiter, strict=True)
                for number, row in self.readable_rows(name, reader):
                    yield number, dict(row)
        except (OSError, InputError) as exc:
            self.warn(name, f"unreadable: {exc}")

    def _jsonl_rows(self, name: str) -> Iterator[tuple[int, Any]]:
        try:
            with self.archive.open(name) as raw:
                number = 0
                while line := raw.readline(_MAX_LINE + 1):
                    number += 1
                    if len(line) > _MAX_LINE:
                        self.warn(name, f"line {number}: over {_MAX_LINE} bytes; skipped")
                        while line and not line.endswith(b"\n"):
                            line = raw.readline(_MAX_LINE)
                        continue
                    if not line.strip():
                        continue
                    try:
                        yield number, json.loads(line.decode("utf-8-sig", errors="replace"))
                    except json.JSONDecodeError as exc:
                        self.warn(name, f"line {number}: malformed JSON skipped ({exc.msg})")
                    except (ValueError, RecursionError):
                        self.warn(
                            name,
                            f"line {number}: malformed JSON skipped (nested too deeply, or a number too long)",
                        )
        except (OSError, InputError) as exc:
            self.warn(name, f"unreadable: {exc}")

    def _convert(self, record: dict[str, Any], number: int, source: str) -> Item | None:
        text = _pick(record, PLAIN_TEXT_KEYS)
        if not isinstance(text, str) or not text.strip():
            return None
        kind = str(_pick(record, ("kind", "type")) or "post").strip().lower()
        created = _pick(record, _TIME_KEYS)
        post_id = _pick(record, ("id", "post_id", "id_str"))
        visibility = _pick(record, ("visibility",))
        client = _pick(record, ("client_app", "client", "source"))
        url = _pick(record, ("url", "link", "permalink"))
        platform = _pick(record, ("platform",))
        post = Post(
            id=str(post_id) if post_id is not None else str(number),
            text=text,
            platform=str(platform) if platform else "plain",
            created_at=parse_time(created),
            url=str(url) if url else None,
            kind=kind if kind in KINDS else "post",
            visibility=str(visibility) if visibility else None,
            client_app=str(client) if client else None,
            deleted=str(_pick(record, ("deleted",)) or "").lower() in {"true", "1", "yes"},
        )
        language = _pick(record, ("lang", "language"))
        meta = PostMeta(source=source, language=str(language) if language else None, raw=dict(record))
        return Item(post, meta)
