"""The guard in front of postguard's local server: a web page on the internet must never reach it.

One ASGI middleware, in this order, each before any body is read or any engine runs:

1. **Host** must name the server itself (127.0.0.1, localhost or [::1] with its port): a DNS
   rebinding page arrives with its own name and gets 421.
2. **Origin**, when the browser sends one, must be the app's own or a paired extension's: 403.
3. **Credentials** on every ``/v1`` call but health: the API token (``X-Postguard-Token`` or
   ``Authorization: Bearer``), or the page session cookie (HttpOnly, SameSite=Strict) together with
   the session's CSRF header. Pages need the cookie. 401 otherwise.
4. **Body type**: JSON, or raw bytes on the upload routes; a form or ``text/plain`` (what a
   cross-site "simple request" can send) gets 415.
5. **Size**: a limit per route, checked on ``Content-Length`` and again on the bytes that arrive: 413.

Every response carries strict security headers. Nothing here logs a request's body.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

from starlette.exceptions import HTTPException

from postguard.web.paired import EXTENSION_ORIGIN, Pairings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "postguard_session"
CSRF_HEADER = "x-postguard-csrf"
TOKEN_HEADER = "x-postguard-token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

KB = 1024
MB = 1024 * KB
#: Body limits by path prefix (the longest prefix that matches wins).
LIMITS = {
    "/v1/check": 1 * MB,
    "/v1/uploads": 25 * MB,
    "/v1/evidence": 30 * MB,
    "/v1/audits": 4096 * MB,
    "/v1/secure/exports": 4096 * MB,
}
DEFAULT_LIMIT = 64 * KB
#: Routes whose body is a file's raw bytes rather than JSON.
RAW_BODY = ("/v1/uploads", "/v1/audits", "/v1/secure/exports")
RAW_TYPES = ("application/octet-stream", "application/zip", "application/gzip", "application/x-gzip")
OPEN_PATHS = ("/v1/health",)
#: What an extension that is not paired yet may call: pairing itself, and health (to say "not running").
UNPAIRED_EXTENSION_PATHS = ("/v1/pair", "/v1/health")

SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'none'; "
        b"form-action 'self'; object-src 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


@dataclass
class Credentials:
    """The secrets of one server run: the API token, page sessions and paired extension origins."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    login_codes: set[str] = field(default_factory=set)
    sessions: dict[str, str] = field(default_factory=dict)  # session id -> its CSRF token
    pairings: Pairings | None = None  # paired browser extensions (set up by WebState)

    def new_login_code(self) -> str:
        """A one-time code for the login link the browser is opened on."""
        code = secrets.token_urlsafe(24)
        self.login_codes.add(code)
        return code

    def redeem(self, code: str) -> str | None:
        """Trade a login code (once) for a new session id; None when the code is not known."""
        for known in list(self.login_codes):
            if secrets.compare_digest(known.encode(), code.encode()):
                self.login_codes.discard(known)
                session = secrets.token_urlsafe(32)
                self.sessions[session] = secrets.token_urlsafe(24)
                return session
        return None

    def csrf_for(self, session: str | None) -> str | None:
        if not session:
            return None
        for known, csrf in self.sessions.items():
            if secrets.compare_digest(known.encode(), session.encode()):
                return csrf
        return None

    def token_ok(self, offered: str) -> bool:
        return bool(offered) and secrets.compare_digest(self.token.encode(), offered.encode())


def session_of(headers: dict[str, str]) -> str | None:
    """The session id from the request's Cookie header, if any."""
    raw = headers.get("cookie", "")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed cookie header is simply no session
        return None
    morsel = jar.get(SESSION_COOKIE)
    return morsel.value if morsel else None


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def limit_for(path: str) -> int:
    matches = [prefix for prefix in LIMITS if _under(path, prefix)]
    return LIMITS[max(matches, key=len)] if matches else DEFAULT_LIMIT


class Guard:
    """The middleware; ``port`` is read at request time, so a server bound to port 0 works."""

    def __init__(self, app: ASGIApp, credentials: Credentials, hosts: Callable[[], set[str]]) -> None:
        self.app = app
        self.credentials = credentials
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        send = _with_headers(send, no_store=path.startswith("/v1/"))
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        method: str = scope["method"]
        host = headers.get("host", "").lower()
        allowed = self.hosts()
        if host not in allowed:
            await _refuse(send, 421, "this server answers only to its own address on this machine")
            return
        origin = headers.get("origin")
        if origin is not None and not self._origin_ok(origin, allowed, path):
            await _refuse(send, 403, "requests from other web sites are refused")
            return
        if method == "OPTIONS":  # nobody is allowed cross-origin, so a preflight has nothing to grant
            await _refuse(send, 403, "cross-origin requests are refused")
            return
        scope.setdefault("state", {})["session"] = None
        if path.startswith("/v1/") and path not in OPEN_PATHS:
            who = "pairing" if path == "/v1/pair" else self._authenticate(headers)
            if who is None:
                await _refuse(send, 401, "a postguard token is needed (see web.json, or open the login link)")
                return
            scope["state"]["session"] = who
        if method in ("POST", "PUT", "PATCH") and not _type_ok(path, headers.get("content-type", "")):
            await _refuse(send, 415, "send JSON (Content-Type: application/json)")
            return
        limit = limit_for(path)
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await _refuse(send, 413, f"the request is larger than {limit // MB or 1} MB allowed here")
            return
        await self.app(scope, _counted(receive, limit), send)

    def _origin_ok(self, origin: str, hosts: set[str], path: str) -> bool:
        """The app's own pages, a paired extension, or any extension asking to pair."""
        if origin in {f"http://{h}" for h in hosts}:
            return True
        if not EXTENSION_ORIGIN.match(origin):
            return False
        pairings = self.credentials.pairings
        return path in UNPAIRED_EXTENSION_PATHS or (pairings is not None and origin in pairings.origins)

    def _authenticate(self, headers: dict[str, str]) -> str | None:
        """'token' for the API token, 'extension' for a paired extension's token from its own
        origin, the session id for a page (with its CSRF header), else None."""
        offered = headers.get(TOKEN_HEADER, "")
        bearer = headers.get("authorization", "")
        if bearer.lower().startswith("bearer "):
            offered = offered or bearer[7:].strip()
        if offered:
            if self.credentials.token_ok(offered):
                return "token"
            pairings = self.credentials.pairings
            issued_to = pairings.origin_of(offered) if pairings is not None else None
            return "extension" if issued_to is not None and issued_to == headers.get("origin") else None
        session = session_of(headers)
        csrf = self.credentials.csrf_for(session)
        given = headers.get(CSRF_HEADER, "")
        if csrf and given and secrets.compare_digest(csrf.encode(), given.encode()):
            return session
        return None


def _type_ok(path: str, content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        return True
    raw = any(_under(path, prefix) for prefix in RAW_BODY)
    return raw and (kind in RAW_TYPES or kind.startswith("image/"))


def _counted(receive: Receive, limit: int) -> Receive:
    """``receive`` that stops a body growing past ``limit`` however it was sent (chunked too)."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:  # the endpoint reading the body answers 413 and cleans up
                raise HTTPException(413, f"the request is larger than {limit // MB or 1} MB allowed here")
        return message

    return wrapped


def _with_headers(send: Send, no_store: bool) -> Send:
    """``send`` adding the security headers a response does not set itself (API answers: no-store)."""
    extra = [*SECURITY_HEADERS, (b"cache-control", b"no-store")] if no_store else SECURITY_HEADERS

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in names)]
        await send(message)

    return wrapped


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
