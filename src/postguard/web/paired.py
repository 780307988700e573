"""Pairing the browser extension: a one-time code shown by ``postguard web`` (and on the settings
page) is traded, once, by the extension's background worker for a token of its own.

The token is bound to the origin the extension called from (``chrome-extension://<id>``, or
Firefox's per-install ``moz-extension://<uuid>``): a request with that token from any other
origin is refused, so another extension that strips or rewrites ``Origin`` gains nothing from
seeing it. Only a SHA-256 of each token is kept, in ``$POSTGUARD_HOME/paired.json`` (0600), so
pairing survives a restart and can be revoked from the settings page."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from postguard.evidence.home import ensure_private_dir

EXTENSION_ORIGIN = re.compile(r"^(?:chrome-extension://[a-p]{32}|moz-extension://[0-9a-f-]{36})$")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_TTL = 10 * 60  # seconds a pairing code stays valid
FILE = "paired.json"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Paired:
    id: str
    origin: str
    token_sha256: str
    paired_at: float
    name: str = "browser extension"


class Pairings:
    """Paired extensions and the current pairing code; thread-safe, persisted on each change."""

    def __init__(self, home: Path) -> None:
        self.path = home / FILE
        self._lock = threading.Lock()
        self._code: tuple[str, float] | None = None
        self._paired: list[Paired] = self._load()

    def _load(self) -> list[Paired]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [Paired(**item) for item in data]
        except (OSError, ValueError, TypeError):
            return []  # none yet, or unreadable: the member pairs again

    def _save(self) -> None:
        ensure_private_dir(self.path.parent)
        part = self.path.with_name(FILE + ".part")
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([asdict(p) for p in self._paired], handle, indent=2)
        part.replace(self.path)

    def new_code(self) -> str:
        """A fresh code (the previous one stops working), valid for ten minutes, usable once."""
        code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(2))
        with self._lock:
            self._code = (code, time.monotonic() + CODE_TTL)
        return code

    def pair(self, code: str, origin: str) -> str:
        """Trade the code for a token bound to ``origin``; ValueError when the code is wrong."""
        wanted = code.strip().upper()
        with self._lock:
            current = self._code
            if current is None or time.monotonic() > current[1]:
                raise ValueError("no pairing code is active: show a new one in postguard's settings")
            if not secrets.compare_digest(current[0].encode(), wanted.encode()):
                raise ValueError("that pairing code is not the one postguard shows")
            self._code = None
            token = secrets.token_urlsafe(32)
            self._paired = [p for p in self._paired if p.origin != origin]  # re-pairing replaces
            self._paired.append(Paired(secrets.token_hex(8), origin, _digest(token), time.time()))
            self._save()
        return token

    def origin_of(self, token: str) -> str | None:
        """The origin a token was issued to, or None."""
        digest = _digest(token)
        with self._lock:
            for paired in self._paired:
                if secrets.compare_digest(paired.token_sha256, digest):
                    return paired.origin
        return None

    @property
    def origins(self) -> set[str]:
        with self._lock:
            return {p.origin for p in self._paired}

    def listed(self) -> list[dict[str, Any]]:
        with self._lock:
            return [
                {"id": p.id, "origin": p.origin, "paired_at": p.paired_at, "name": p.name}
                for p in self._paired
            ]

    def revoke(self, ident: str) -> bool:
        with self._lock:
            kept = [p for p in self._paired if p.id != ident]
            if len(kept) == len(self._paired):
                return False
            self._paired = kept
            self._save()
        return True
