"""`postguard scrub IMAGE... --out DIR`: the command-line face of scrub.py.

Thin on purpose: parse, call :func:`postguard.media.scrub.scrub`, render. People get a table
of what was removed from each photo; machines get a JSON list. A broken photo does not stop
the batch: each failure is one line on stderr and the exit status is 2 once all are done.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from postguard.errors import PostguardError
from postguard.media.scrub import ScrubResult, kept_words, scrub, summarise

FORMATS = ("text", "json")


def scrub_command(
    images: Annotated[
        list[Path],
        typer.Argument(
            metavar="IMAGE...",
            help="Photos to clean (JPEG, PNG, HEIC/HEIF, WebP, TIFF).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="DIR",
            help="Folder for the clean copies (created if missing).",
            show_default=False,
        ),
    ],
    format: Annotated[str, typer.Option("--format", help="Output: text or json.")] = "text",
) -> None:
    """Write copies of photos with location, device, owner and date metadata removed.

    The copies keep their names and are written into --out; the originals are never changed.
    """
    if format not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    try:
        results = scrub(images, out)
    except PostguardError as exc:
        _fail(str(exc))
    except Exception as exc:  # never a traceback for the member
        _fail(f"scrubbing stopped: {' '.join(str(exc).split()) or type(exc).__name__}")
    if format == "json":
        sys.stdout.write(json.dumps([r.to_dict() for r in results], indent=2) + "\n")
    else:
        _render(results)
    failures = [r.error for r in results if r.error]
    for error in failures:
        typer.echo(f"error: {error}", err=True)
    if failures:
        raise typer.Exit(2)


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _render(results: list[ScrubResult]) -> None:
    console = Console(highlight=False)
    table = Table(title="Scrubbed photos", title_justify="left")
    table.add_column("Photo", overflow="fold")
    table.add_column("Clean copy", overflow="fold")
    table.add_column("Removed", overflow="fold")
    table.add_column("Kept", overflow="fold")
    for result in results:
        if result.ok and result.output is not None:
            kept = ", ".join(kept_words(result.kept)) or "nothing"
            count = result.removed_count
            table.add_row(
                str(result.source),
                str(result.output),
                f"{count} tag{'' if count == 1 else 's'}: {summarise(result.removed)}",
                kept,
            )
        else:
            table.add_row(str(result.source), "[red]not written[/red]", "—", "—")
    console.print(table)
    for result in results:
        for note in result.notes:
            console.print(f"note: {note}")
    written = sum(1 for r in results if r.ok)
    console.print(f"{written} of {len(results)} photos cleaned; originals unchanged.")
