"""The shape every importer has: an archive, what detection found, and a warning sink."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any, ClassVar

from postguard.errors import InputError
from postguard.model import AccountProfile
from postguard.sources.archive import Archive
from postguard.sources.common import Item, Warnings
from postguard.sources.detect import Detection
from postguard.sources.jsonstream import WHOLE, iter_js_array, iter_json_array, load_json

# Small JSON documents (profiles, account files) are loaded whole, up to this size.
SMALL_JSON = 64 * 1024 * 1024


class Importer:
    """Streams one platform's posts from an archive; subclasses set `platform` and override."""

    platform: ClassVar[str] = ""

    def __init__(self, archive: Archive, detection: Detection, warnings: Warnings) -> None:
        self.archive = archive
        self.detection = detection
        self.warnings = warnings
        self.shortfalls: list[str] = []

    def profiles(self) -> list[AccountProfile]:
        """The account's profile(s); read before posts so URLs can use the handle."""
        return [AccountProfile(platform=self.platform)]

    def items(self) -> Iterator[Item]:
        """Every post with its metadata, streamed."""
        raise NotImplementedError

    # -- helpers -------------------------------------------------------------------------------
    def warn(self, file: str, message: str) -> None:
        self.warnings.add(file, message)

    def check_stated(self, file: str, stated: int | None, read: int, what: str) -> None:
        """Compare the records read from `file` with the number the export itself states (an
        outbox's `totalItems`, X's manifest); far fewer means the audit is incomplete."""
        if stated is None or read * 2 >= stated:
            return
        message = f"the export states {stated:,} {what} but only {read:,} could be read"
        self.warn(file, message)
        self.shortfalls.append(f"{file}: {message}")

    def readable_rows(self, name: str, reader: Any) -> Iterator[tuple[int, Any]]:
        """(row number, row) from a csv reader, counting every row read; a row the csv module
        cannot parse is reported and skipped, and keeps its number."""
        number = 0
        while True:
            number += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                self.warn(name, f"line {reader.line_num}: unreadable CSV row ({exc})")
                continue
            yield number, row

    def whole(self, name: str) -> bool:
        """Whether a JSON member is small enough to parse in one piece, exactly as `json.load`
        does; larger ones are streamed."""
        return self.archive.member(name).size <= WHOLE

    def stream_js(self, name: str) -> Iterator[Any]:
        """Records of an X `.js` file; a broken file is reported and yields what it can."""
        try:
            with self.archive.open(name) as stream:
                yield from iter_js_array(stream, name, self.warnings, self.whole(name))
        except (OSError, InputError) as exc:
            self.warn(name, f"unreadable: {exc}")

    def stream_json_array(self, name: str) -> Iterator[Any]:
        try:
            with self.archive.open(name) as stream:
                yield from iter_json_array(stream, name, self.warnings, self.whole(name))
        except (OSError, InputError) as exc:
            self.warn(name, f"unreadable: {exc}")

    def load_small_json(self, name: str) -> Any:
        """A small document whole, or None (with a warning) when it is broken."""
        try:
            with self.archive.open(name) as stream:
                return load_json(stream, name, SMALL_JSON)
        except (OSError, InputError) as exc:
            self.warn(name, f"unreadable: {exc}")
            return None
