"""Starting the local server: loopback only, a fixed port with a fallback, the secrets file
(owner-only, as Jupyter's ``jpserver-<pid>.json``), and a one-time login link for the browser."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from postguard.errors import InputError
from postguard.evidence.home import ensure_private_dir

DEFAULT_PORT = 8517
PORT_TRIES = 10
LOOPBACK = {"127.0.0.1": socket.AF_INET, "localhost": socket.AF_INET, "::1": socket.AF_INET6}
SECRETS_FILE = "web.json"


@dataclass(frozen=True)
class Bound:
    sock: socket.socket
    host: str
    port: int

    @property
    def base_url(self) -> str:
        return f"http://{'[::1]' if self.host == '::1' else '127.0.0.1'}:{self.port}"


def allowed_hosts(port: int) -> set[str]:
    """The Host headers a request to this server may carry: the machine's own names, this port."""
    return {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}


def bind(host: str, port: int) -> Bound:
    """A listening socket on a loopback address; the next free port when ``port`` is taken.

    Any other address is refused: the server holds what clinicians type about their work, and
    nothing beyond this computer may reach it.
    """
    family = LOOPBACK.get(host)
    if family is None:
        raise InputError(f"postguard web listens only on this computer (127.0.0.1, ::1), not on {host!r}")
    address = "::1" if family == socket.AF_INET6 else "127.0.0.1"
    tries = [port + i for i in range(PORT_TRIES)] if port else [0]
    for candidate in tries:
        # IPPROTO_TCP said out loud: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
        # sockets whose proto is IPPROTO_TCP; with proto 0 every answer waited 40 ms for the
        # client's delayed ACK (measured: 44 ms a request, 0.25 ms with this).
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.bind((address, candidate))
        except OSError as exc:
            sock.close()
            if exc.errno == errno.EADDRINUSE:
                continue
            raise InputError(f"cannot listen on {address}:{candidate}: {exc.strerror or exc}") from None
        sock.listen(128)
        sock.setblocking(False)
        return Bound(sock, address, sock.getsockname()[1])
    raise InputError(f"ports {tries[0]} to {tries[-1]} are all in use: pass a free one with --port")


@contextlib.contextmanager
def secrets_file(home: Path, content: dict[str, object]) -> Iterator[Path]:
    """Write ``web.json`` owner-only (0600, created fresh, never through a symlink); removed on exit."""
    ensure_private_dir(home)
    path = home / SECRETS_FILE
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # a file left by a server that was killed
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(content, handle, indent=2)
    try:
        yield path
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
