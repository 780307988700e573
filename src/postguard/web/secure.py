"""``/v1/secure``: the security checkup and the hacked-account response in the web app.

Exports are named by their path on this computer, or sent as raw bytes first
(``POST /v1/secure/exports``, streamed to the private upload folder). The checkup asks nothing
here: the page shows each "was this you?" question beside its signal. Passwords are not taken
over HTTP at all; the page says to use ``postguard secure`` in a terminal for them, where they
never leave the process."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from postguard.errors import PostguardError
from postguard.secure import advice
from postguard.secure.hacked import record, respond
from postguard.secure.report import render_hacked_html, render_html
from postguard.secure.run import Checkup, as_of, run_checkup
from postguard.web.audits import REPORT_HEADERS
from postguard.web.html import page_csrf
from postguard.web.state import WebState, state_of
from postguard.web.uploads import receive_upload

api = APIRouter(prefix="/v1", tags=["security checkup"])
router = APIRouter()
MAX_REPORTS = 20


class Reports:
    """The last few rendered pages, for the page's frame (in memory; gone when the server stops)."""

    def __init__(self) -> None:
        self._pages: dict[str, str] = {}
        self._lock = threading.Lock()

    def add(self, html: str) -> str:
        key = secrets.token_hex(16)
        with self._lock:
            self._pages[key] = html
            while len(self._pages) > MAX_REPORTS:
                self._pages.pop(next(iter(self._pages)))
        return key

    def get(self, key: str) -> str:
        with self._lock:
            if key not in self._pages:
                raise HTTPException(404, "no such report (they are kept until postguard stops)")
            return self._pages[key]


class Exports(BaseModel):
    model_config = ConfigDict(extra="forbid")

    paths: list[str] = Field(default_factory=list, max_length=20, description="Exports on this computer.")
    uploads: list[str] = Field(
        default_factory=list, max_length=20, description="Ids from POST /v1/secure/exports."
    )
    asOf: str | None = Field(None, description="Judge unused accounts as of this date (ISO), default today.")


class Hacked(Exports):
    platform: str
    canLogIn: bool | None = None
    record: bool = False


def _reports(state: WebState) -> Reports:
    return state.feature("secure-reports", Reports)


def _paths(state: WebState, body: Exports) -> list[Path]:
    paths = [Path(p).expanduser() for p in body.paths]
    for path in paths:
        if not path.exists():
            raise HTTPException(422, f"{path}: no such file or folder on this computer")
    return paths + [state.uploads.path(u) for u in body.uploads]


def _now(value: str | None) -> dt.datetime:
    try:
        return as_of(value, "asOf")
    except PostguardError as exc:
        raise HTTPException(422, str(exc)) from None


def _checkup(state: WebState, paths: list[Path], now: dt.datetime) -> Checkup:
    try:
        return run_checkup(paths, now, check_posts=state.check_many)
    except PostguardError as exc:
        raise HTTPException(422, str(exc)) from None


@api.post(
    "/secure/exports", status_code=201, summary="Send an export for the checkup (the body is its bytes)"
)
async def upload_export(request: Request, name: str = Query("export.zip", max_length=200)) -> dict[str, Any]:
    upload, path, size, _ = await receive_upload(request, name)
    return {"id": upload, "name": path.name, "size": size}


@api.post("/secure", summary="Run the security checkup on exports")
async def checkup(request: Request, body: Exports) -> dict[str, Any]:
    state = state_of(request)
    paths, now = _paths(state, body), _now(body.asOf)
    result = await run_in_threadpool(_checkup, state, paths, now)
    key = _reports(state).add(render_html(result))
    return {**result.to_dict(), "report": f"/secure/{key}/report"}


@api.post("/secure/hacked", summary="The hacked-account response (steps, posts to remove, a draft notice)")
async def hacked(request: Request, body: Hacked) -> dict[str, Any]:
    state = state_of(request)
    if body.platform not in advice.PLATFORMS:
        raise HTTPException(
            422, f"unknown platform {body.platform!r} (choose from {', '.join(sorted(advice.PLATFORMS))})"
        )
    paths, now = _paths(state, body), _now(body.asOf)
    found = await run_in_threadpool(_checkup, state, paths, now) if paths else None
    response = respond(body.platform, body.canLogIn, found)
    if body.record:
        try:
            response.evidence_entry = await run_in_threadpool(record, response, found, now)
        except PostguardError as exc:
            raise HTTPException(422, f"the incident could not be recorded: {exc}") from None
    key = _reports(state).add(render_hacked_html(response))
    return {**response.to_dict(), "report": f"/secure/{key}/report"}


@router.get("/secure/{key}/report", include_in_schema=False)
def report_page(request: Request, key: str) -> HTMLResponse:
    state = state_of(request)
    page_csrf(request, state)  # the login page without a session
    return HTMLResponse(_reports(state).get(key), headers=REPORT_HEADERS)


router.include_router(api)
