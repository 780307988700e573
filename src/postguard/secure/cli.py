"""``postguard secure``: the security checkup in the terminal, and ``postguard secure hacked``.

In a terminal it asks short questions ("was this you?", "is 2-step verification on?", and,
if the member wants, their passwords, which are checked in memory and never kept). With no
terminal on standard input it asks nothing and reports what the exports alone show."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.prompt import Confirm, Prompt

from postguard.errors import PostguardError
from postguard.evidence.home import evidence_home
from postguard.profile import Profile, load_profile
from postguard.secure import advice, run
from postguard.secure.checkup import AccountCheck, Answers
from postguard.secure.run import Checkup, run_checkup

HACKED = "hacked"
SEVERITY_STYLE = {"high": "bold red", "warning": "bold yellow", "info": "cyan"}


class Format(StrEnum):
    text = "text"
    json = "json"


def secure_command(
    exports: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[hacked] EXPORT...",
            help="Data exports (X, Facebook, Instagram, LinkedIn: zip or folder). Start with 'hacked' for "
            "the hacked-account response.",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        Format, typer.Option("--format", help="text for people, json for machines.")
    ] = Format.text,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help="Also write secure.html (and hacked.html) here."),
    ] = None,
    platform: Annotated[
        str | None,
        typer.Option(help="hacked: the platform (x, facebook, instagram, linkedin, mastodon, bluesky)."),
    ] = None,
    can_log_in: Annotated[
        bool | None,
        typer.Option(
            "--can-log-in/--locked-out", help="hacked: whether you can still sign in.", show_default=False
        ),
    ] = None,
    record: Annotated[
        bool, typer.Option("--record/--no-record", help="hacked: add the incident to your evidence log.")
    ] = True,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="DATE", help="Judge unused accounts as of this date (default: today)."
        ),
    ] = None,
) -> None:
    """Check your accounts' security from their data exports, offline; 'secure hacked' if one was taken over."""
    paths = list(exports or [])
    hacked = bool(paths) and paths[0] == HACKED
    if hacked:
        paths = paths[1:]
    elif not paths:
        _fail("give at least one data export (or 'hacked' for the hacked-account response)")
    interactive = stdin_is_terminal() and format is Format.text
    console = Console(highlight=False)
    try:
        now = run.as_of(as_of, "--as-of")
        checkup = _checkup([Path(p) for p in paths], now, interactive, console) if paths else None
        if hacked:
            _hacked(checkup, platform, can_log_in, record, format, out, interactive, console, now)
            return
        if checkup is None:  # unreachable: without 'hacked' an export is required above
            return
        if interactive:
            _ask_passwords(checkup, console)
    except PostguardError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")
    if out is not None:
        from postguard.secure.report import write_html

        write_html(checkup, out / "secure.html")
    if format is Format.json:
        typer.echo(json.dumps(checkup.to_dict(), ensure_ascii=False))
    else:
        _print_checkup(checkup, console, out)
    if any(s.severity == "high" for a in checkup.accounts for s in a.signals):
        raise typer.Exit(1)


def stdin_is_terminal() -> bool:
    """Questions are asked only of a person at a terminal, never of a pipe or a script."""
    return sys.stdin.isatty()


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _checkup(paths: list[Path], now: dt.datetime, interactive: bool, console: Console) -> Checkup:
    from postguard.engine import engine_for

    engine = engine_for("babcp")
    with Console(stderr=True).status("reading the exports…"):
        checkup = run_checkup(paths, now, check_posts=engine.check_many)
    if not interactive:
        return checkup
    answers = _ask(checkup, console)
    if answers:
        checkup = run_checkup(paths, now, answers, check_posts=engine.check_many)
    for account in checkup.accounts:
        if account.mfa is None:
            name = advice.platform(account.data.platform).name
            account.answer_mfa(
                Confirm.ask(f"Is 2-step verification on for your {name} account?", console=console)
            )
        if account.contacts:
            shown = "; ".join(account.contacts)
            account.answer_contacts(Confirm.ask(f"Can you still open these? {shown}", console=console))
    return checkup


def _ask(checkup: Checkup, console: Console) -> Answers:
    """'Was this you?' for each signal that has a question; Enter skips one."""
    answers: Answers = {}
    questions = [s for a in checkup.accounts for s in a.signals if s.question]
    if questions:
        console.print(f"[bold]{len(questions)} thing(s) to confirm[/] (y = yes, n = no, Enter = not sure)")
    for signal in questions:
        console.print(
            f"\n[{SEVERITY_STYLE[signal.severity]}]{escape(signal.title)}[/]\n  {escape(signal.detail)}"
        )
        reply = Prompt.ask(
            f"  {signal.question}", choices=["y", "n", ""], default="", show_choices=False, console=console
        )
        if reply:
            answers[signal.key] = reply == "y"
    return answers


def _ask_passwords(checkup: Checkup, console: Console) -> None:
    if not Confirm.ask(
        "\nCheck your passwords now? They are checked here and never stored", console=console, default=False
    ):
        return
    from postguard.secure.passwords import ask_passwords

    names = [advice.platform(a.data.platform).name for a in checkup.accounts]
    inputs = [h for a in checkup.accounts for h in a.data.handles]
    profile = _profile()
    if profile is not None:
        inputs += [profile.name, *profile.titles]
    result = ask_passwords(names, inputs, mfa=[a.mfa for a in checkup.accounts])
    checkup.passwords = result.to_dict()


def _profile() -> Profile | None:
    """The member's saved profile (the web app's settings), for their name as a password hint."""
    path = evidence_home() / "profile.toml"
    try:
        return load_profile(path) if path.exists() else None
    except PostguardError:
        return None


def _print_checkup(checkup: Checkup, console: Console, out: Path | None) -> None:
    for account in checkup.accounts:
        _print_account(account, checkup, console)
    if checkup.passwords:
        console.print("\n[bold]Passwords[/]")
        for line in checkup.passwords.get("summary", []):
            console.print(f"  {escape(line)}")
    if checkup.skipped:
        console.print(
            f"\n[yellow]{len(checkup.skipped)} record(s) or file(s) could not be read[/] (see --format json):"
        )
        for skipped in checkup.skipped[:5]:
            console.print(f"  {escape(skipped.source)}: {escape(skipped.reason)}")
    for note in checkup.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")
    console.print(f"\n[bold]Changing passwords[/]: the policy says {advice.CLAUSE_CHANGE_REGULARLY}")
    console.print(f"  {advice.PASSWORD_CHANGE}")
    console.print(f"  {advice.RECHECK}")
    if out is not None:
        console.print(f"Report: {out / 'secure.html'}")


def _print_account(account: AccountCheck, checkup: Checkup, console: Console) -> None:
    name = advice.platform(account.data.platform).name
    console.rule(f"{name}: {account.data.export}")
    console.print(
        f"Score [bold]{account.score}[/]/100 · {len(account.data.sign_ins)} sign-in record(s) read · "
        f"last activity {account.last_activity:%d %b %Y}"
        if account.last_activity
        else f"Score [bold]{account.score}[/]/100 · {len(account.data.sign_ins)} sign-in record(s) read"
    )
    if not account.signals:
        console.print("[green]Nothing unusual in the sign-ins and changes this export records.[/]")
    for signal in account.signals:
        console.print(f"\n[{SEVERITY_STYLE[signal.severity]}]● {escape(signal.title)}[/]")
        console.print(f"  {escape(signal.detail)}")
        if signal.question:
            console.print(f"  [italic]{escape(signal.question)}[/]")
        console.print(f"  fix: {escape(signal.fix)}")
    posts = checkup.suspect_posts.get(account.data.export, [])
    if posts:
        console.print("\n[bold]Posts made in that window[/] (delete the ones you did not write):")
        for post in posts[:20]:
            flag = "[red]breaks the policy[/]" if post.verdict != "pass" else "check"
            console.print(f"  {post.when:%d %b %Y %H:%M} {flag}: {escape(post.text[:100])}")
    console.print("\n[bold]To do[/]")
    for item in account.todo:
        mark = {True: "[green]✓[/]", False: "[red]✗[/]", None: "•"}[item.done]
        console.print(f"  {mark} {escape(item.title)}\n    {escape(item.how)}")


def _hacked(
    checkup: Checkup | None,
    platform: str | None,
    can_log_in: bool | None,
    record: bool,
    format: Format,
    out: Path | None,
    interactive: bool,
    console: Console,
    now: dt.datetime,
) -> None:
    from postguard.secure.hacked import record as record_incident
    from postguard.secure.hacked import respond

    if platform is None and checkup is not None and len({a.data.platform for a in checkup.accounts}) == 1:
        platform = checkup.accounts[0].data.platform
    if platform is None and interactive:
        platform = Prompt.ask("Which account was hacked?", choices=sorted(advice.PLATFORMS), console=console)
    if platform is None:
        raise PostguardError(
            "say which account was hacked with --platform (x, facebook, instagram, linkedin, ...)"
        )
    if platform not in advice.PLATFORMS:
        raise PostguardError(
            f"unknown platform {platform!r} (choose from {', '.join(sorted(advice.PLATFORMS))})"
        )
    if can_log_in is None and interactive:
        can_log_in = Confirm.ask("Can you still sign in to it?", console=console)
    response = respond(platform, can_log_in, checkup)
    if record:
        response.evidence_entry = record_incident(response, checkup, now)
    if out is not None:
        from postguard.secure.report import write_hacked_html

        write_hacked_html(response, out / "hacked.html")
    if format is Format.json:
        typer.echo(json.dumps(response.to_dict(), ensure_ascii=False))
        return
    console.rule(f"Your {advice.platform(platform).name} account was hacked: what to do, in order")
    for number, step in enumerate(response.steps, 1):
        console.print(f"{number}. {escape(step)}")
    if response.removal:
        console.print("\n[bold red]Posts to remove[/] (keep a screenshot of each first):")
        for post in response.removal:
            console.print(f"  {post.when:%d %b %Y %H:%M} {escape(post.text[:120])} {escape(post.url or '')}")
    if response.review:
        console.print("\n[bold]Also made in that window; delete any you did not write:[/]")
        for post in response.review:
            console.print(f"  {post.when:%d %b %Y %H:%M} {escape(post.text[:120])}")
    if response.evidence_entry is not None:
        console.print(f"\nRecorded in your evidence log as entry {response.evidence_entry}.")
    console.print(f"\n[bold]The policy[/]: {advice.CLAUSE_HACKED}")
    console.print("\n[bold]A draft to BABCP[/] (edit it, then send it yourself):\n")
    console.print(escape(response.notice))
