"""Import one fuzzed export under guard, and judge what came back.

The import runs in-process under a time limit (SIGALRM), with memory traced, and an audit hook
that refuses and records any file write outside the out folder, any process started and any
socket opened. `judge` then lists every way the outcome breaks the importers' promises: no
exception but `InputError` (one line, naming the export or a file in it), no hang, bounded
memory, posts of the declared types and writable as UTF-8, nothing read through a link out of
the export, and no records lost from a damaged file without a warning that names it.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import signal
import sys
import tarfile
import threading
import time
import traceback
import tracemalloc
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import libipld
from fuzz_exports import load_document, records_of

from postguard.errors import InputError
from postguard.sources import Item, Limits, MediaNotFound, open_export
from postguard.sources.archive import DEFAULT_LIMITS, clean_name
from postguard.sources.common import clean_text, one_line
from postguard.sources.textcodec import decode

CASE_SECONDS = float(os.environ.get("POSTGUARD_FUZZ_CASE_SECONDS", "20"))
MiB = 1024 * 1024
MEMORY_FLOOR = 160 * MiB  # what any import may trace (reading a small JSON reserves 64 MiB)
KINDS = {"post", "reply", "repost", "quote", "comment", "bio"}
_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_PATH_EVENTS = {  # audit event -> positions of the paths it changes
    "os.mkdir": (0,), "os.remove": (0,), "os.rmdir": (0,), "os.truncate": (0,), "os.chmod": (0,),
    "os.chown": (0,), "os.utime": (0,), "os.rename": (0, 1), "os.link": (1,), "os.symlink": (1,),
    "shutil.copyfile": (1,), "shutil.copytree": (1,), "shutil.move": (0, 1), "shutil.rmtree": (0,),
    "tempfile.mkstemp": (0,), "tempfile.mkdtemp": (0,),
}  # fmt: skip
_FORBIDDEN = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.fork", "socket.connect",
              "socket.bind", "socket.getaddrinfo", "urllib.Request")  # fmt: skip


class CaseTimeout(BaseException):
    """Raised by the alarm; a BaseException so that no importer's `except Exception` eats it."""


class _Guard:
    """While active, every write outside `out` (and every process or socket) is refused."""

    active: _Guard | None = None

    def __init__(self, out: Path) -> None:
        self.out = os.path.abspath(out)
        self.violations: list[str] = []

    def __enter__(self) -> _Guard:
        _Guard.active = self
        return self

    def __exit__(self, *exc: object) -> None:
        _Guard.active = None

    def _inside(self, path: object) -> bool:
        if isinstance(path, int) or not isinstance(path, str | bytes | os.PathLike):
            return True  # a file descriptor: its opening was checked
        full = os.path.abspath(os.fsdecode(path))
        return full == self.out or full.startswith(self.out + os.sep)

    def event(self, event: str, args: tuple[Any, ...]) -> None:
        problem = None
        if event == "open":
            path, mode, flags = args
            writes = any(c in mode for c in "wax+") if isinstance(mode, str) else bool(flags & _WRITE_FLAGS)
            if writes and not self._inside(path):
                problem = f"write to {path!r}"
        elif event in _PATH_EVENTS:
            outside = [args[i] for i in _PATH_EVENTS[event] if not self._inside(args[i])]
            problem = f"{event} on {outside[0]!r}" if outside else None
        elif event.startswith(_FORBIDDEN):
            problem = f"{event} {args!r:.200}"
        if problem:
            self.violations.append(problem)
            raise PermissionError(f"fuzz guard: {problem}")


def _audit(event: str, args: tuple[Any, ...]) -> None:
    guard = _Guard.active
    if guard is not None:
        guard.event(event, args)


sys.addaudithook(_audit)


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt a hang (signals only reach the main thread; elsewhere the time is still checked)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise CaseTimeout(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    """What one import did."""

    error: InputError | None = None
    crash: BaseException | None = None
    format: str | None = None
    archive: Path | None = None  # the archive read: the export, or the one export nested in it
    roles: dict[str, list[str]] = field(default_factory=dict)
    members: set[str] = field(default_factory=set)
    posts: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    contract: list[str] = field(default_factory=list)
    unwritable: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    peak: int = 0
    seconds: float = 0.0

    def role_of(self) -> dict[str, str]:
        return {name: role for role, names in self.roles.items() for name in names}

    def warned_about(self, member: str) -> bool:
        return any(one_line(member) in w for w in self.warnings)


def guarded_import(path: Path, out: Path, limits: Limits = DEFAULT_LIMITS) -> Outcome:
    """Open the export, read every post and profile and extract every attached file into `out`."""
    outcome = Outcome()
    out.mkdir(exist_ok=True)
    guard = _Guard(out)
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with guard, _alarm(CASE_SECONDS):
            _read(path, out, limits, outcome)
    except InputError as exc:
        outcome.error = exc
    except (Exception, CaseTimeout) as exc:
        outcome.crash = exc
    finally:
        outcome.peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        outcome.seconds = time.perf_counter() - started
        outcome.violations = guard.violations
    return outcome


def _read(path: Path, out: Path, limits: Limits, outcome: Outcome) -> None:
    with open_export(path, limits) as export:
        outcome.format = export.detection.format
        outcome.archive = export.archive.path
        outcome.roles = export.detection.roles
        outcome.members = {m.name for m in export.archive.members()}
        for profile in export.profiles:
            fields = [profile.name, profile.handle, profile.bio, profile.website, profile.location]
            outcome.strings += fields
            outcome.unwritable += _unwritable(f"profile {profile.platform}", fields)
        for item in export.items():
            outcome.contract += _contract(item)
            outcome.unwritable += _unwritable(f"post {item.post.id!r}", _texts(item))
            outcome.posts[item.meta.source] += 1
            outcome.strings += [item.post.text, item.post.id, item.post.url or ""]
            for media in item.post.media:
                if export.has_media(media):
                    with suppress(MediaNotFound):
                        outcome.strings.append(
                            export.extract_media(media, out).read_bytes().decode("latin-1")
                        )
        outcome.warnings = [str(w) for w in export.warnings]


def _texts(item: Item) -> list[object]:
    post = item.post
    texts: list[object] = [post.id, post.text, post.platform, post.url, post.location, post.client_app]
    texts.append(item.meta.source)
    return texts + [m.path for m in post.media] + [m.alt_text for m in post.media]


def _unwritable(what: str, values: Sequence[object]) -> list[str]:
    """Text the audit cannot write to its report (a lone surrogate would stop it there)."""
    broken = []
    for value in values:
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            broken.append(f"{what}: {value[:40]!r} cannot be written as UTF-8")
    return broken


def _contract(item: Item) -> list[str]:
    """The types the audit relies on in every post."""
    post, broken = item.post, []
    for value in _texts(item):
        if value is not None and not isinstance(value, str):
            broken.append(f"post {post.id!r}: {type(value).__name__} where a string belongs")
    if post.created_at is not None and not (
        isinstance(post.created_at, str) and _ISO.fullmatch(post.created_at)
    ):
        broken.append(f"post {post.id!r}: created_at {post.created_at!r} is not ISO UTC")
    if post.kind not in KINDS:
        broken.append(f"post {post.id!r}: unknown kind {post.kind!r}")
    return broken


# -- the standard parsers, for telling a damaged file from a changed one -----------------------

_JS_PREFIX = re.compile(r"^\s*window\.[A-Za-z0-9_.]+\s*=\s*")


def parse_error(name: str, data: bytes) -> tuple[str, str] | None:
    """(parser, why) when the standard library (libipld for a CAR) cannot read `data` whole,
    decoded as the importers decode it (by byte-order mark, else the detected encoding)."""
    lower = name.lower()
    parser = "car" if lower.endswith(".car") else "csv" if lower.endswith(".csv") else "json"
    try:
        if parser == "car":
            libipld.decode_car(data)
        elif parser == "csv":
            list(csv.reader(io.StringIO(decode(data), newline=""), strict=True))
        elif lower.endswith(".jsonl"):
            for line in decode(data).splitlines():
                if line.strip():
                    json.loads(line)
        else:
            text = decode(data)
            match = _JS_PREFIX.match(text) if lower.endswith(".js") else None
            json.loads(text[match.end() :] if match else text)
    except json.JSONDecodeError as exc:
        return parser, exc.msg
    except (ValueError, RecursionError, csv.Error) as exc:
        return parser, str(exc)
    return None


def stored(path: Path, name: str) -> bytes | None:
    """A member's bytes as the standard library reads them from the container, or None."""
    try:
        if path.is_dir():
            target = path.joinpath(*name.split("/"))
            return None if target.is_symlink() else target.read_bytes()
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                return zf.read(name)
        if tarfile.is_tarfile(path):
            with tarfile.open(path) as tf:
                while (info := tf.next()) is not None:  # up to the member, as the importer reads
                    if info.name == name:
                        stream = tf.extractfile(info)
                        return stream.read() if stream else None
        return path.read_bytes() if path.name == name else None
    except (OSError, KeyError, zipfile.BadZipFile, tarfile.TarError, EOFError, RuntimeError, ValueError):
        return None  # RuntimeError: encrypted; NotImplementedError (a RuntimeError): unknown method


# Records lost without a word by a known, not yet fixed issue (test_fuzz_findings.py holds a
# reproducer of each): (platform or None for any, parser, its message or None for any) -> issue.
# Counted and reported, not failed, until fixed; then delete the entry.
KNOWN_LOSSES: dict[tuple[str | None, str, str | None], str] = {
    # LinkedIn CSVs: a quote left open to the end, and a stray quote that swallows dated rows,
    # are reported; some other broken quoting still loses a row unsaid (seed 7, 400 examples).
    ("linkedin", "csv", None): "linkedin-csv-damage-unreported",
}


def known_loss(platform: str, error: tuple[str, str]) -> str | None:
    """The known issue a silent loss is, judged by the platform and what the parser said."""
    for (where, parser, message), issue in KNOWN_LOSSES.items():
        if where in (None, platform) and parser == error[0] and message in (None, error[1]):
            return issue
    return None


# Posts with a field no file can hold (a JSON `\\ud800` escape), by platform: none known.
KNOWN_UNWRITABLE: dict[str, str] = {}


# -- judging -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What the unmutated export gave: the platform, and posts and role per member."""

    format: str
    posts: dict[str, int]
    roles: dict[str, str]

    @classmethod
    def of(cls, outcome: Outcome) -> Expected:
        return cls(outcome.format or "", dict(outcome.posts), outcome.role_of())


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)  # issues already reported that this case hit


def judge(
    outcome: Outcome,
    path: Path,
    expected: Expected,
    secret: str | None = None,
    undamaged: Callable[[], Expected] | None = None,
) -> Verdict:
    """Every promise the import broke, and the known issues it ran into.

    `expected` is what the unmutated export gave; `undamaged`, what it gives with every mutation
    but the byte-level damage (a record deleted on purpose is not one lost to damage), asked for
    only when a damaged file came up short."""
    verdict = Verdict()
    found = verdict.problems
    if outcome.crash is not None:
        trace = "".join(traceback.format_exception(outcome.crash, limit=-6))
        found.append(f"crash: {type(outcome.crash).__name__}: {outcome.crash}\n{trace}")
    if outcome.error is not None:
        message = str(outcome.error)
        if not message.strip() or "\n" in message or "\r" in message:
            found.append(f"InputError is not one line: {message!r}")
        elif not any(one_line(name) in message for name in _names(path)):
            found.append(f"InputError names neither the export nor a file in it: {message!r}")
    if outcome.seconds > CASE_SECONDS:
        found.append(f"took {outcome.seconds:.1f} s (limit {CASE_SECONDS} s)")
    size = _size(path)
    if outcome.peak > MEMORY_FLOOR + 16 * size:
        found.append(f"traced memory peaked at {outcome.peak // MiB} MiB for a {size // 1024} KiB export")
    found += [f"outside the out folder: {v}" for v in outcome.violations]
    found += outcome.contract[:5]
    if outcome.unwritable and outcome.format in KNOWN_UNWRITABLE:
        verdict.known.append(KNOWN_UNWRITABLE[outcome.format])
    else:
        found += outcome.unwritable[:5]
    if secret and any(secret in s for s in outcome.strings):
        found.append("read a file outside the export (through a link)")
    _silent_losses(outcome, expected, verdict, functools.cache(undamaged) if undamaged else None)
    return verdict


def _silent_losses(
    outcome: Outcome, expected: Expected, verdict: Verdict, undamaged: Callable[[], Expected] | None
) -> None:
    """Members that lost posts to damage, or to a record that is not an object, unannounced."""
    if outcome.error or outcome.crash or outcome.format != expected.format or outcome.archive is None:
        return
    roles = outcome.role_of()
    for name, before in expected.posts.items():
        if outcome.posts[name] >= before or name not in outcome.members or outcome.warned_about(name):
            continue
        data = stored(outcome.archive, name)
        if roles.get(name) != expected.roles[name] and data is not None:
            continue  # not recognised as the same kind of file any more: a different file
        error = ("container", "unreadable") if data is None else parse_error(name, data)
        if error is None and not (data is not None and _holds_a_non_object(data)):
            continue  # the file reads whole: records that are not posts, not records skipped
        if error and undamaged:
            before = undamaged().posts.get(name, 0)
            if outcome.posts[name] >= before:
                continue  # what it lacks, the mutations took out on purpose
        known = known_loss(expected.format, error) if error else None
        if known:
            verdict.known.append(known)
        else:
            verdict.problems.append(
                f"{name}: {before - outcome.posts[name]} of {before} posts lost without a warning "
                f"naming it (the standard parser: {error}; warnings: {outcome.warnings[:5]})"
            )


def _holds_a_non_object(data: bytes) -> bool:
    """Whether the records of a document that parses include one that is not an object."""
    loaded = load_document(data)
    records = records_of(loaded[1]) if loaded else None
    return any(not isinstance(r, dict) for r in records or ())


def _names(path: Path) -> set[str]:
    """The export's name and its files' names (full and base, raw and as the archive lists them),
    as far as they can be listed; an archive in a folder is listed too."""
    names = {path.name}
    if path.is_dir():
        for child in path.rglob("*"):
            names.add(child.relative_to(path).as_posix())
            if child.is_file() and not child.is_symlink():  # never a FIFO: opening one waits
                names |= _listing(child)
    else:
        names |= _listing(path)
    names |= {clean_text(clean_name(name) or name) for name in names}
    return {part for name in names for part in (name, name.rsplit("/", 1)[-1]) if part}


def _listing(path: Path) -> set[str]:
    """Names in a zip or tar, up to the first damage."""
    found: set[str] = set()
    with suppress(OSError, zipfile.BadZipFile, ValueError, EOFError), zipfile.ZipFile(path) as zf:
        found.update(zf.namelist())
    with suppress(OSError, tarfile.TarError, ValueError, EOFError, zlib.error), tarfile.open(path) as tf:
        while (info := tf.next()) is not None:
            found.add(info.name)
    return found


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return path.stat().st_size
