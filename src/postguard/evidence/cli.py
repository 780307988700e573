"""``postguard evidence``: record, list, verify and export online abuse (thin: parse, call, render).

Every library error becomes one line on stderr and exit status 2, never a traceback, and no
command here writes post text or screenshots to a log.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from postguard.errors import PostguardError
from postguard.evidence.anchor import OTHER_KEY, AnchoredResult, parse_against, verify_against
from postguard.evidence.bundle import check_bundle
from postguard.evidence.export import export_bundle
from postguard.evidence.model import CHARACTERISTICS, KINDS, Entry, label
from postguard.evidence.record import correct_incident, record_incident
from postguard.evidence.signing import fingerprint, installed_key
from postguard.evidence.store import EvidenceStore, corrections
from postguard.evidence.verify import Problem, VerifyResult, verify

EXIT_BAD_INPUT = 2

evidence_app = typer.Typer(
    name="evidence",
    help=(
        "Keep a tamper-evident log of online abuse you receive (screenshots, times, links), "
        "and export it for the platform, the police or a complaint."
    ),
    no_args_is_help=True,
    add_completion=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class Audience(StrEnum):
    platform = "platform"
    police = "police"
    complaint = "complaint"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", help="text for people, json for machines.", case_sensitive=False),
]
KindOption = Annotated[
    str | None,
    typer.Option(help=f"Override the suggested kind: {', '.join(KINDS)}.", show_default=False),
]
CharacteristicOption = Annotated[
    str | None,
    typer.Option(
        help=f"For a hate incident, the protected characteristic: {', '.join(CHARACTERISTICS)}.",
        show_default=False,
    ),
]
ScreenshotOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--screenshot",
        help="A screenshot (PNG, JPEG, GIF, WebP, BMP, TIFF; at most 25 MB). Repeatable.",
        show_default=False,
    ),
]
FileOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--file",
        help="Any other file kept as evidence (saved page, e-mail...; at most 25 MB). Repeatable.",
        show_default=False,
    ),
]
OccurredOption = Annotated[
    str | None,
    typer.Option(
        help="When it happened, ISO-8601 (e.g. 2026-11-20T21:14); no offset = local time. Default: now.",
        show_default=False,
    ),
]


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {' '.join(message.split())}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    """Library errors -> one line on stderr, exit 2."""
    try:
        yield
    except PostguardError as exc:
        _fail(str(exc))
    except sqlite3.Error as exc:
        _fail(f"evidence store error: {exc}")
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        _fail(f"{exc.strerror or exc}{where}")


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


_CONTROL = {c: "\N{REPLACEMENT CHARACTER}" for c in (*range(0, 9), *range(11, 32), 127)}


def _t(value: str, style: str = "") -> Text:
    """Text as typed by someone else, shown inert: no Rich markup, no terminal escape codes."""
    return Text(value.translate(_CONTROL), style=style)


def _console() -> Console:
    return Console(highlight=False, emoji=False)


def _kind(entry: Entry) -> str:
    text = label(entry.text_field("kind") or "other")
    characteristic = entry.get("characteristic")
    if characteristic:
        text += f" ({label(str(characteristic))})"
    return text


def _preview(text: str, width: int = 48) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _print_entry_summary(console: Console, entry: Entry, verb: str) -> None:
    suggestion = entry.get("suggestion") or {}
    lines = [_t(f"{verb} evidence entry {entry.seq}: {_kind(entry)}", style="bold")]
    if suggestion.get("kind") and suggestion.get("kind") != entry.get("kind"):
        lines.append(_t(f"  (suggested: {label(str(suggestion['kind']))}; overridden)"))
    lines += [_t(f"  why: {reason}") for reason in suggestion.get("reasons", [])[:5]]
    lines.append(_t(f"  files: {len(entry.attachments)}   hash: {entry.hash}"))
    for line in lines:
        console.print(line, soft_wrap=True)


@evidence_app.command("add")
def add_command(
    platform: Annotated[str, typer.Option(help="Where it happened (X, Instagram, e-mail...).")],
    url: Annotated[str, typer.Option(help="Link to the post, message or profile.")],
    author: Annotated[str, typer.Option(help="The account that posted it (handle).")],
    text: Annotated[str, typer.Option(help="The words of the post or message, as written.")],
    screenshot: ScreenshotOption = None,
    file: FileOption = None,
    occurred_at: OccurredOption = None,
    note: Annotated[str | None, typer.Option(help="Your own note (context, impact).")] = None,
    kind: KindOption = None,
    characteristic: CharacteristicOption = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Record one incident of online abuse, with screenshots, in the tamper-evident log."""
    with _errors():
        entry = record_incident(
            EvidenceStore(),
            platform=platform,
            url=url,
            author=author,
            text=text,
            screenshots=screenshot or [],
            files=file or [],
            occurred_at=occurred_at,
            note=note,
            kind=kind,
            characteristic=characteristic,
        )
    if output is OutputFormat.json:
        _print_json(entry.to_dict())
    else:
        _print_entry_summary(_console(), entry, "Recorded")


@evidence_app.command("correct")
def correct_command(
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry to correct.")],
    platform: Annotated[str | None, typer.Option(help="Replaces the platform.", show_default=False)] = None,
    url: Annotated[str | None, typer.Option(help="Replaces the link.", show_default=False)] = None,
    author: Annotated[str | None, typer.Option(help="Replaces the account.", show_default=False)] = None,
    text: Annotated[str | None, typer.Option(help="Replaces the words.", show_default=False)] = None,
    screenshot: ScreenshotOption = None,
    file: FileOption = None,
    occurred_at: OccurredOption = None,
    note: Annotated[str | None, typer.Option(help="Replaces the note.", show_default=False)] = None,
    kind: KindOption = None,
    characteristic: CharacteristicOption = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Record a correction of entry ID as a new entry; the original is never changed."""
    with _errors():
        entry = correct_incident(
            EvidenceStore(),
            entry_id,
            platform=platform,
            url=url,
            author=author,
            text=text,
            screenshots=screenshot or [],
            files=file or [],
            occurred_at=occurred_at,
            note=note,
            kind=kind,
            characteristic=characteristic,
        )
    if output is OutputFormat.json:
        _print_json(entry.to_dict())
    else:
        _print_entry_summary(_console(), entry, f"Recorded correction of entry {entry_id} as")


@evidence_app.command("list")
def list_command(output: FormatOption = OutputFormat.text) -> None:
    """List the recorded incidents, oldest entry first."""
    with _errors():
        store = EvidenceStore()
        entries = store.entries()
    corrected = corrections(entries)
    if output is OutputFormat.json:
        _print_json([{**e.to_dict(), "corrected_by": corrected.get(e.seq, [])} for e in entries])
        return
    console = _console()
    if not entries:
        console.print("No evidence recorded yet. Add some with: postguard evidence add --help")
        return
    table = Table(title="Evidence log", show_lines=False)
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Occurred (UTC)", no_wrap=True)
    for column in ("Platform", "Author", "Kind"):
        table.add_column(column, overflow="fold")
    table.add_column("Text", overflow="fold", ratio=2)
    table.add_column("Files", justify="right")
    table.add_column("Status", overflow="fold")
    for entry in entries:
        status = []
        if entry.get("corrects"):
            status.append(f"corrects {entry.get('corrects')}")
        if entry.seq in corrected:
            status.append(f"corrected by {', '.join(map(str, corrected[entry.seq]))}")
        if not entry.content:
            status.append("DAMAGED")
        table.add_row(
            str(entry.seq),
            _t(entry.text_field("occurred_at").replace("T", " ")[:16]),
            _t(entry.text_field("platform")),
            _t(entry.text_field("author")),
            _t(_kind(entry)),
            _t(_preview(entry.text_field("text"))),
            str(len(entry.attachments)),
            _t("; ".join(status)),
        )
    console.print(table)


@evidence_app.command("show")
def show_command(
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry number.")],
    output: FormatOption = OutputFormat.text,
) -> None:
    """Show one entry in full: text, times, files and their hashes, and why it was classified."""
    with _errors():
        store = EvidenceStore()
        entries = store.entries()
        entry = store.get(entry_id)
    corrected = corrections(entries).get(entry.seq, [])
    if output is OutputFormat.json:
        _print_json({**entry.to_dict(), "corrected_by": corrected})
        return
    console = _console()
    table = Table(title=f"Evidence entry {entry.seq}", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    suggestion = entry.get("suggestion") or {}
    rows: list[tuple[str, str]] = [
        ("Occurred (UTC)", entry.text_field("occurred_at")),
        ("Occurred (local)", entry.text_field("occurred_at_local")),
        ("Recorded (UTC)", entry.text_field("recorded_at")),
        ("Platform", entry.text_field("platform")),
        ("URL", entry.text_field("url")),
        ("Author", entry.text_field("author")),
        ("Kind", _kind(entry)),
        ("Suggested", label(str(suggestion.get("kind") or "other"))),
        ("Why", "\n".join(suggestion.get("reasons", []))),
        ("Text", entry.text_field("text")),
        ("Note", entry.text_field("note")),
    ]
    if entry.get("corrects"):
        rows.append(("Corrects", str(entry.get("corrects"))))
    if corrected:
        rows.append(("Corrected by", ", ".join(map(str, corrected))))
    rows += [("Hash", entry.hash), ("Previous hash", entry.prev_hash)]
    for key, value in rows:
        table.add_row(key, _t(value))
    console.print(table)
    if entry.attachments:
        files = Table(title="Files")
        for column in ("Name", "Type", "Bytes", "SHA-256"):
            files.add_column(column, overflow="fold")
        for attachment in entry.attachments:
            files.add_row(
                _t(attachment.name),
                attachment.media_type,
                f"{attachment.size:,}",
                attachment.sha256,
            )
        console.print(files)


def _problem_table(problems: list[Problem]) -> Table:
    table = Table()
    for column in ("Entry", "Problem", "Detail"):
        table.add_column(column, overflow="fold")
    for problem in problems:
        table.add_row("-" if problem.seq is None else str(problem.seq), problem.code, _t(problem.detail))
    return table


def _print_verification(console: Console, result: VerifyResult) -> None:
    if result.intact:
        console.print(
            _t(
                f"Evidence log intact: {result.entries} entries, {result.attachments_checked} files checked.",
                style="bold green",
            )
        )
    else:
        console.print(
            _t(
                f"Evidence log NOT intact: {len(result.problems)} problem(s) in entries "
                f"{', '.join(map(str, result.bad_entries))}.",
                style="bold red",
            )
        )
        console.print(_problem_table(result.problems))


def _print_anchored(console: Console, result: AnchoredResult) -> None:
    bundle = result.anchor.bundle
    source = result.anchor.source
    if bundle is not None:
        signed = "unsigned"
        if bundle.fingerprint is not None:
            other = any(p.code == OTHER_KEY for p in result.problems)
            signed = f"signed by key {bundle.fingerprint[:16]}…" if other else "signed by this computer's key"
        source += f" (exported {bundle.created_at}, {bundle.entries} entries, {signed})"
    if result.holds:
        proof = "byte for byte" if bundle is not None else "up to that chain head"
        console.print(
            _t(
                f"Against {source}: the log still begins with its {result.entries} entries, {proof}.",
                style="bold green",
            ),
            soft_wrap=True,
        )
    else:
        first = result.first_difference
        where = f"; the first entry that differs is entry {first}" if first is not None else ""
        console.print(
            _t(f"Against {source}: NOT as it was{where}.", style="bold red"),
            soft_wrap=True,
        )
        console.print(_problem_table(result.problems))
    for note in result.notes:
        console.print(_t(f"note: {note}"), soft_wrap=True)


@evidence_app.command("verify")
def verify_command(
    against: Annotated[
        str | None,
        typer.Option(
            metavar="BUNDLE|HEAD[:COUNT]",
            help=(
                "Also prove the log still begins with what an earlier export held: the bundle's "
                "zip, or the chain head (and entry count) printed in its report."
            ),
            show_default=False,
        ),
    ] = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Recompute the hash chain and every file's hash, and compare with an earlier export if given.

    Exit 0 when intact, 1 when not.
    """
    with _errors():
        store = EvidenceStore()
        result: VerifyResult | AnchoredResult
        result = verify(store) if against is None else verify_against(store, parse_against(against))
    if output is OutputFormat.json:
        _print_json(result.to_dict())
        raise typer.Exit(result.exit_code)
    console = _console()
    log = result.log if isinstance(result, AnchoredResult) else result
    _print_verification(console, log)
    if isinstance(result, AnchoredResult):
        _print_anchored(console, result)
    console.print(_t(f"Chain head: {log.head_hash}"), soft_wrap=True)
    raise typer.Exit(result.exit_code)


@evidence_app.command("verify-bundle")
def verify_bundle_command(
    bundle: Annotated[Path, typer.Argument(metavar="BUNDLE", help="An exported bundle (.zip).")],
    output: FormatOption = OutputFormat.text,
) -> None:
    """Check an exported bundle alone (files, log copy, signature): exit 0 when intact, 1 when not."""
    with _errors():
        result = check_bundle(bundle)
        installed = installed_key(EvidenceStore().home)
    here = None  # unsigned, or checked on a computer that never exported
    if installed is not None and result.fingerprint is not None:
        here = fingerprint(installed) == result.fingerprint
    if output is OutputFormat.json:
        _print_json({**result.to_dict(), "signed_here": here})
        raise typer.Exit(result.exit_code)
    console = _console()
    if result.intact:
        console.print(
            _t(
                f"Bundle {bundle.name} intact: {result.files_checked} files match its manifest.",
                style="bold green",
            ),
            soft_wrap=True,
        )
    else:
        console.print(
            _t(f"Bundle {bundle.name} NOT intact: {len(result.problems)} problem(s).", style="bold red"),
            soft_wrap=True,
        )
        console.print(_problem_table(list(result.problems)))
    if result.fingerprint is not None:
        whose = "" if here is None else " (this computer's key)" if here else " (not this computer's key)"
        console.print(_t(f"Signed by key {result.fingerprint}{whose}."), soft_wrap=True)
    for note in result.notes:
        console.print(_t(f"note: {note}"), soft_wrap=True)
    console.print(
        _t(
            f"Exported {result.created_at} for {result.audience}: {result.entries} log entries, "
            f"chain head {result.head_hash}."
        ),
        soft_wrap=True,
    )
    raise typer.Exit(result.exit_code)


@evidence_app.command("export")
def export_command(
    audience: Annotated[
        Audience,
        typer.Option("--for", help="Who the bundle is for; decides the report's wording."),
    ],
    out: Annotated[Path, typer.Option(help="The bundle to write, e.g. bundle.zip.")],
    member: Annotated[
        str | None,
        typer.Option(help="Your name, for the report's title page and statement."),
    ] = None,
    output: FormatOption = OutputFormat.text,
) -> None:
    """Write a zip with a PDF report, the original files and a signed SHA-256 manifest."""
    with _errors():
        result = export_bundle(EvidenceStore(), audience.value, out, member=member)
    if output is OutputFormat.json:
        _print_json(result.to_dict())
        return
    console = _console()
    console.print(
        _t(
            f"Wrote {result.out}: {result.incidents} incident(s) from {result.entries} entries, "
            f"{result.files} files, for {audience.value}.",
            style="bold",
        ),
        soft_wrap=True,
    )
    console.print(
        _t(f"Chain head after {result.entries} entries: {result.verification.head_hash}"), soft_wrap=True
    )
    console.print(_t(f"Signed by this computer's key {result.fingerprint}."), soft_wrap=True)
    if not result.verification.intact:
        typer.echo(
            "warning: the log failed verification; the report says so (run postguard evidence verify)",
            err=True,
        )
