"""The postguard command line: thin. Parse, call the library, render; every PostguardError
becomes one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from postguard.errors import InputError, PostguardError
from postguard.evidence.cli import evidence_app
from postguard.media.cli import scrub_command
from postguard.model import Report, Severity
from postguard.policy import Pack, load_pack
from postguard.profile import Profile, load_profile
from postguard.secure.cli import secure_command
from postguard.web.cli import web_command

app = typer.Typer(
    name="postguard",
    help="Check social media posts against your professional body's policy, offline.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
profile_app = typer.Typer(
    help="Create a profile and keep a hashed watch-list of client names.", no_args_is_help=True
)
watch_app = typer.Typer(
    help="Names that must never appear in a post (stored only as keyed hashes).",
    no_args_is_help=True,
)
pack_app = typer.Typer(
    help="Work with policy packs: fit the rules a pack defines by examples.", no_args_is_help=True
)
profile_app.add_typer(watch_app, name="watch")
app.add_typer(profile_app, name="profile")
app.add_typer(pack_app, name="pack")
app.add_typer(evidence_app, name="evidence")
app.command("scrub")(scrub_command)
app.command("web")(web_command)
app.command("secure")(secure_command)

BATCH = 64
NOTHING_READ_EXIT = 3  # an audit that read no posts, or far fewer than stated: never a clean account's status


class Format(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class FailOn(StrEnum):
    info = "info"
    warning = "warning"
    high = "high"


def fail(message: str) -> NoReturn:
    fail_code(message, 2)


def fail_code(message: str, code: int) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def errors() -> Iterator[None]:
    """Library errors become one line and exit 2."""
    try:
        yield
    except PostguardError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted")


ProfileOption = Annotated[
    Path | None,
    typer.Option(
        "--profile",
        help="Your profile (TOML): credentials, spokesperson roles, watch-list.",
        show_default=False,
    ),
]
PackOption = Annotated[
    str | None,
    typer.Option(
        "--pack",
        help="Policy pack: a built-in name (babcp) or a YAML file. Default: the profile's, else babcp.",
    ),
]


def _context(profile_path: Path | None, pack: str | None) -> tuple[Profile | None, Pack]:
    profile = load_profile(profile_path) if profile_path else None
    return profile, load_pack(pack or (profile.pack if profile else "babcp"))


def _read_text(text: str | None) -> str | None:
    if text != "-":
        return text
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("the text on standard input is not valid UTF-8") from None


def _exit_code(reports: list[Report], fail_on: FailOn) -> int:
    """1 when a finding reaches --fail-on; a post that could not be read counts as a warning."""
    threshold = Severity.parse(fail_on.value)
    return int(any(max(r.worst() or 0, 0 if r.checked else Severity.WARNING) >= threshold for r in reports))


@app.command()
def check(
    text: Annotated[
        str | None,
        typer.Argument(help="The post to check; '-' reads it from standard input.", show_default=False),
    ] = None,
    image: Annotated[
        list[Path] | None,
        typer.Option(
            "--image", help="A photo attached to the post (repeat for several).", show_default=False
        ),
    ] = None,
    profile: ProfileOption = None,
    pack: PackOption = None,
    format: Annotated[
        Format,
        typer.Option("--format", help="text for people; json (one post) or jsonl (--input) for machines."),
    ] = Format.text,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding reaches this severity.")
    ] = FailOn.high,
    input: Annotated[
        Path | None,
        typer.Option(
            "--input",
            help="Check many posts: a .jsonl (id, text) or .csv file.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check a draft post (and its photos) before you publish it.

    Exit status: 0 nothing reaches --fail-on, 1 something does, 2 bad input.
    """
    from postguard.engine import Engine

    with errors():
        member, policy = _context(profile, pack)
        engine = Engine(policy)
        if input is not None:
            if text is not None or image:
                fail("give either a post or --input FILE, not both")
            raise typer.Exit(_check_file(engine, input, member, fail_on))
        post = _read_text(text)
        if post is None and not image:
            fail("give the post to check as an argument, '-' for standard input, or --image FILE")
        report = engine.check(post, image or [], member)
    if format is Format.text:
        from postguard.render import print_report

        print_report(Console(highlight=False), report, post or "")
    else:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    raise typer.Exit(_exit_code([report], fail_on))


def _check_file(engine: object, path: Path, profile: Profile | None, fail_on: FailOn) -> int:
    """Stream a batch file through check_many in chunks, printing one JSON line per post."""
    from postguard.batch import Row, read_rows
    from postguard.engine import Engine

    assert isinstance(engine, Engine)
    worst = 0
    bad_rows = 0
    stderr = Console(stderr=True)
    progress = Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} posts/s"),
        TimeRemainingColumn(),
        console=stderr,
        disable=not stderr.is_terminal,
        transient=True,
    )

    def flush(rows: list[Row]) -> None:
        nonlocal worst, bad_rows
        good = [r for r in rows if r.text is not None]
        reports = iter(engine.check_many([r.text or "" for r in good], profile))
        for row in rows:
            if row.text is None:
                bad_rows += 1
                typer.echo(f"error: {row.error}", err=True)
                typer.echo(
                    json.dumps({"id": row.id, "line": row.line, "error": row.error}, ensure_ascii=False)
                )
                continue
            report = next(reports)
            worst = max(worst, _exit_code([report], fail_on))
            typer.echo(json.dumps({"id": row.id, **report.to_dict()}, ensure_ascii=False))

    with progress:
        task = progress.add_task("check", total=None, rate="–")
        chunk: list[Row] = []
        done = 0
        for row in read_rows(path):
            chunk.append(row)
            if len(chunk) == BATCH:
                flush(chunk)
                done += len(chunk)
                chunk = []
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, completed=done, rate=f"{done / elapsed:,.0f}")
        flush(chunk)
    return 2 if bad_rows else worst


@app.command()
def audit(
    exports: Annotated[
        list[Path],
        typer.Argument(
            metavar="EXPORT...",
            help="Data exports: zip, tar.gz or folder (X, Mastodon, Bluesky, Facebook, Instagram, LinkedIn, CSV/JSONL).",
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", metavar="DIR", help="Folder for report.html, findings.jsonl and summary.json."),
    ],
    pack: PackOption = None,
    include_deleted: Annotated[
        bool,
        typer.Option(
            "--include-deleted/--skip-deleted", help="Also check posts the export lists as deleted."
        ),
    ] = True,
    media: Annotated[
        bool, typer.Option("--media/--no-media", help="Check attached photos' metadata (GPS, owner, device).")
    ] = True,
    workers: Annotated[
        int, typer.Option(help="Processes to use (0: one per core, at most 2).", min=0, max=64)
    ] = 0,
    format: Annotated[
        Format, typer.Option("--format", help="text for people, json (the summary) for machines.")
    ] = Format.text,
) -> None:
    """Review an existing account from its data export, as a client would see it."""
    from postguard.audit.runner import run_audit

    stderr = Console(stderr=True)
    progress = Progress(
        TextColumn("auditing"),
        BarColumn(),
        TextColumn("{task.completed:,} posts"),
        TextColumn("{task.fields[rate]} posts/s"),
        TimeRemainingColumn(),
        console=stderr,
        disable=not stderr.is_terminal,
        transient=True,
    )
    with errors(), progress:
        task = progress.add_task("audit", total=None, rate="–")

        def tick(done: int, _batch: int) -> None:
            elapsed = progress.tasks[0].elapsed or 1e-9
            progress.update(task, completed=done, rate=f"{done / elapsed:,.0f}")

        result = run_audit(
            exports,
            out,
            pack=pack or "babcp",
            include_deleted=include_deleted,
            workers=workers or None,
            check_media=media,
            progress=tick,
            on_total=(lambda n: progress.update(task, total=n)) if stderr.is_terminal else None,
        )
    summary = result.summary
    if format is not Format.text:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        if summary["read_nothing"] or summary["incomplete"]:
            raise typer.Exit(NOTHING_READ_EXIT)
        return
    console = Console(highlight=False)
    console.print(
        f"Checked {summary['posts']:,} posts from {', '.join(summary['platforms'])} "
        f"in {summary['elapsed_s']} s ({summary['posts_per_s']} posts/s)."
    )
    high = summary["by_severity"].get("high", 0)
    warning = summary["by_severity"].get("warning", 0)
    console.print(
        f"[bold red]{high}[/] findings to fix, [bold yellow]{warning}[/] to review; "
        f"{summary['incidents']} suspected account takeover(s)."
    )
    for code, n in summary["by_rule"].items():
        console.print(f"  {code} {result.rule_titles.get(code, '')}: {n}")
    if result.warnings:
        console.print(
            f"[yellow]{len(result.warnings)} note(s) on what could not be read or checked; see the report.[/]"
        )
    console.print(f"Report: {out / 'report.html'}")
    if summary["read_nothing"]:
        from postguard.audit.runner import NOTHING_READ

        fail_code(NOTHING_READ, NOTHING_READ_EXIT)
    if summary["incomplete"]:
        fail_code(result.warnings[0], NOTHING_READ_EXIT)


@app.command()
def rules(
    pack: PackOption = None,
    format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
) -> None:
    """List the rules of the policy pack."""
    with errors():
        policy = load_pack(pack or "babcp")
    if format is Format.text:
        from postguard.render import rules_table

        Console().print(rules_table(policy))
        return
    typer.echo(json.dumps([r.model_dump() for r in policy.rules.values()], ensure_ascii=False, indent=2))


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. SM101.")],
    pack: PackOption = None,
    format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
) -> None:
    """Explain one rule: what it catches, the policy clause, why it matters, examples and a fix."""
    with errors():
        rule = load_pack(pack or "babcp").rule(code)
    if format is not Format.text:
        typer.echo(json.dumps(rule.model_dump(), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    console.print(
        Text.assemble(
            (f"{rule.code} {rule.slug}", "bold"), f": {rule.title} (", (rule.severity, "italic"), ")\n"
        )
    )
    for heading, body in (("Policy", rule.clause), ("Why it matters", rule.why), ("How to fix", rule.fix)):
        console.print(Text.assemble((heading, "bold"), f"\n  {body}\n"))
    console.print(Text("Would be flagged", style="bold"))
    for example in rule.examples.fire:
        console.print(Text.assemble(("  ✗ ", "red"), example))
    if rule.examples.clean:
        console.print(Text("Fine", style="bold"))
        for example in rule.examples.clean:
            console.print(Text.assemble(("  ✓ ", "green"), example))
    if rule.examples.rewrite:
        console.print(Text.assemble(("Safer rewrite", "bold"), f"\n  {rule.examples.rewrite}"))


@pack_app.command("build")
def pack_build(
    path: Annotated[
        Path, typer.Argument(help="The pack file (YAML) whose rules name the 'learned' detector.")
    ],
) -> None:
    """Fit a head for each rule the pack defines by examples; writes PACK.heads.json beside it."""
    from postguard.policy.learned import build

    if not path.is_file():
        fail(f"no such pack file: {path}")
    console = Console(highlight=False, soft_wrap=True)
    with errors(), console.status("Reading the examples and fitting the heads..."):
        out, heads = build(path)
    for code, head in heads.items():
        console.print(
            f"{code}: {head.fire_examples} posts that break it, {head.clean_examples} that do not; "
            f"threshold {head.threshold:.2f}, cross-validated recall {head.cv_recall:.0%}"
        )
    console.print(f"Wrote {out}")


@profile_app.command("init")
def profile_init(
    path: Annotated[Path, typer.Argument(help="Where to write the profile (TOML).")],
    name: Annotated[str, typer.Option(help="Your name as it appears on your accounts.")] = "",
    title: Annotated[
        list[str] | None, typer.Option("--title", help="A professional title you use (repeat).")
    ] = None,
    credential: Annotated[
        list[str] | None,
        typer.Option("--credential", help="A credential you hold, e.g. 'BABCP accredited' (repeat)."),
    ] = None,
    spokesperson_for: Annotated[
        list[str] | None,
        typer.Option("--spokesperson-for", help="A body you are an authorised spokesperson for."),
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing profile.")] = False,
    format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
) -> None:
    """Create a profile so rules know your credentials and roles."""
    if path.exists() and not force:
        fail(f"{path} already exists (use --force to overwrite it)")
    profile = Profile(
        name=name,
        titles=title or [],
        credentials=credential or [],
        spokesperson_for=spokesperson_for or [],
    )
    with errors():
        _save(profile, path)
    if format is Format.text:
        typer.echo(f"wrote {path}")
    else:
        typer.echo(json.dumps({"profile": str(path), "created": True}))


def _save(profile: Profile, path: Path) -> None:
    try:
        profile.save(path)
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


@profile_app.command("show")
def profile_show(
    profile: Annotated[Path, typer.Option("--profile", help="The profile to show.")],
    format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
) -> None:
    """Show what a profile holds (the watch-list only as a count: names are never stored)."""
    with errors():
        member = load_profile(profile)
    summary = {
        "name": member.name,
        "titles": member.titles,
        "credentials": member.credentials,
        "spokesperson_for": member.spokesperson_for,
        "pack": member.pack,
        "watched_names": len(member.watchlist.names),
    }
    if format is Format.text:
        for key, value in summary.items():
            typer.echo(f"{key}: {value}")
    else:
        typer.echo(json.dumps(summary, ensure_ascii=False))


@watch_app.command("add")
def watch_add(
    name: Annotated[str, typer.Argument(help="A client's name; only a keyed hash of it is stored.")],
    profile: Annotated[Path, typer.Option("--profile", help="The profile to add it to.")],
    format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
) -> None:
    """Add a client's name to the watch-list without writing the name anywhere.

    The profile is created if it does not exist yet.
    """
    with errors():
        member = load_profile(profile) if profile.exists() else Profile()
        member.watch(name)
        _save(member, profile)
    if format is Format.text:
        typer.echo(f"added one name to the watch-list in {profile} ({len(member.watchlist.names)} in all)")
    else:
        typer.echo(json.dumps({"profile": str(profile), "watched_names": len(member.watchlist.names)}))


def main() -> None:
    """Entry point: whatever goes wrong, the member sees one line, never a traceback."""
    try:
        app()
    except Exception as exc:  # a bug of ours: say so plainly, exit 2
        typer.echo(
            f"error: postguard hit an unexpected problem ({type(exc).__name__}: {exc}); please report it",
            err=True,
        )
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
