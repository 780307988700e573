"""`postguard web`: start the local app and open it in the browser on a one-time login link."""

from __future__ import annotations

import os
import webbrowser
from typing import Annotated

import typer
from rich.console import Console

from postguard.errors import PostguardError


def web_command(
    port: Annotated[
        int,
        typer.Option(help="Port to listen on; the next free one is used when it is taken.", min=0, max=65535),
    ] = 8517,
    host: Annotated[
        str, typer.Option(help="Loopback address to listen on: 127.0.0.1 or ::1 (nothing else is accepted).")
    ] = "127.0.0.1",
    pack: Annotated[str, typer.Option(help="Policy pack when the settings name none.")] = "babcp",
    browser: Annotated[
        bool, typer.Option("--browser/--no-browser", help="Open the app in your web browser.")
    ] = True,
) -> None:
    """Start postguard's web app on this computer (check, audit, photos, abuse log) and its API."""
    import uvicorn

    from postguard.evidence.home import evidence_home
    from postguard.web.app import create_app
    from postguard.web.server import allowed_hosts, bind, secrets_file
    from postguard.web.state import WebState

    console = Console(stderr=True, highlight=False)
    try:
        bound = bind(host, port)
        state = WebState(home=evidence_home(), pack_name=pack, hosts=allowed_hosts(bound.port))
        with console.status("loading the policy and its models…"):
            state.warm()
    except PostguardError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    login = f"{bound.base_url}/login?code={state.credentials.new_login_code()}"
    info = {"url": bound.base_url, "port": bound.port, "pid": os.getpid(), "token": state.credentials.token}
    with secrets_file(state.home, info) as path:
        console.print(f"postguard is running at [bold]{bound.base_url}[/] (this computer only).")
        console.print(f"Open it with this link (it works once): [bold]{login}[/]")
        console.print(f"The API token for scripts is in {path} (readable by you only).")
        pairings = state.credentials.pairings
        if pairings is not None:
            console.print(
                f"Browser extension pairing code: [bold]{pairings.new_code()}[/] (works once, 10 minutes)."
            )
        console.print("Press Ctrl+C to stop.")
        if browser:
            webbrowser.open(login)
        config = uvicorn.Config(
            create_app(state),
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=5,
        )
        uvicorn.Server(config).run(sockets=[bound.sock])
