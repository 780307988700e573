"""``/v1/evidence`` and the abuse log page: the web side of ``postguard evidence``.

The same library calls as the CLI's ``add``, ``list``, ``verify`` and ``export``, on the log in the
server's POSTGUARD_HOME. Screenshots arrive first through ``/v1/uploads`` and are named here by
upload id; once an incident is recorded its uploads are removed, since the log now keeps the
files. Every library error is one plain sentence in ``{"error": ...}``, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn

from fastapi import APIRouter, Body, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.background import BackgroundTask

from postguard.errors import PostguardError
from postguard.evidence import EvidenceStore, export_bundle, record_incident, verify
from postguard.evidence.attachments import UnreadableImage, open_image
from postguard.evidence.model import CHARACTERISTICS, KINDS, Attachment, Entry, label
from postguard.evidence.pdf import AUDIENCES
from postguard.evidence.store import corrections
from postguard.evidence.verify import Problem, VerifyResult
from postguard.web.html import render
from postguard.web.state import WebState, state_of

#: The page and the API in one router (no /v1 prefix): the page needs the kinds and audiences,
#: which the generic page route in ``app`` does not pass.
router = APIRouter(tags=["evidence"])

Audience = Literal["platform", "police", "complaint"]
#: What each audience's bundle is for, as the page offers them.
AUDIENCE_HELP = {
    "platform": "to report it to the site or app where it happened",
    "police": "to report it to the police",
    "complaint": "for a complaint to the professional body",
}
#: Longest side of a screenshot thumbnail on the timeline, in pixels.
THUMBNAIL_PX = 480
_FLAG = re.compile(r"(?<![\w-])--([a-z]+(?:-[a-z]+)*)")


class IncidentRequest(BaseModel):
    """One incident of abuse received, as ``postguard evidence add`` takes it.

    Lengths and contents are checked by the library, as for the CLI, so every refusal is in words.
    """

    model_config = ConfigDict(extra="forbid")

    platform: str = Field(description="Where it happened (X, Instagram, e-mail...).")
    url: str = Field(description="Link to the post, message or profile.")
    author: str = Field(description="The account that posted it (handle).")
    text: str = Field("", description="The words of the post or message, as written.")
    occurred_at: str | None = Field(
        None, description="When it happened, ISO-8601; no offset = this computer's time. Default: now."
    )
    note: str | None = Field(None, description="Your own note (context, impact).")
    kind: str | None = Field(None, description=f"Override the suggested kind: {', '.join(KINDS)}.")
    characteristic: str | None = Field(
        None, description=f"For a hate incident: {', '.join(CHARACTERISTICS)}."
    )
    screenshots: list[str] = Field(
        default_factory=list, description="Upload ids (POST /v1/uploads) of the screenshots."
    )


class ExportRequest(BaseModel):
    """Who the bundle is for, and the member's name for its report (both as ``evidence export``)."""

    model_config = ConfigDict(extra="forbid")

    audience: Audience = Field(description="Who the bundle is for; decides the report's wording.")
    member: str | None = Field(None, max_length=200, description="Your name, for the report's title page.")


def _fail(status: int, message: str) -> NoReturn:
    """One sentence, without the CLI's ``--option`` spelling (a page has fields, not options)."""
    raise HTTPException(status, _FLAG.sub(lambda m: m.group(1).replace("-", " "), " ".join(message.split())))


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    """Library, database and file errors -> 422 with the message the CLI would print."""
    try:
        yield
    except PostguardError as exc:
        _fail(422, str(exc))
    except sqlite3.Error as exc:
        _fail(422, f"evidence store error: {exc}")
    except OSError as exc:
        _fail(422, f"{exc.strerror or exc}{f' ({exc.filename})' if exc.filename else ''}")


def _store(state: WebState) -> EvidenceStore:
    return EvidenceStore(state.home)


def _attachments(entry: Entry) -> list[Attachment]:
    """An entry's files; none when its record was tampered with (``verify`` says so, not a 500)."""
    try:
        return entry.attachments
    except (KeyError, TypeError, ValueError, AttributeError):
        return []


def _kind(entry: Entry) -> str:
    text = label(entry.text_field("kind") or "other")
    characteristic = entry.get("characteristic")
    return f"{text} ({label(str(characteristic))})" if characteristic else text


def _entry(entry: Entry, corrected_by: list[int]) -> dict[str, Any]:
    """The CLI's ``list --format json`` item, plus what the timeline shows (as the CLI's Status)."""
    status = []
    if entry.get("corrects"):
        status.append(f"corrects entry {entry.get('corrects')}")
    if corrected_by:
        status.append(f"corrected by entry {', '.join(map(str, corrected_by))}")
    if not entry.content:
        status.append("damaged")
    files = _attachments(entry)
    return {
        **entry.to_dict(),
        "corrected_by": corrected_by,
        "kind_label": _kind(entry),
        "status": "; ".join(status),
        "damaged": not entry.content,
        "files": len(files),
        "screenshots": [
            {"n": n, "name": a.name, "url": f"/v1/evidence/{entry.seq}/screenshots/{n}"}
            for n, a in enumerate(files, start=1)
            if a.is_image
        ],
    }


def _problem(problem: Problem) -> dict[str, Any]:
    where = f"Entry {problem.seq}: " if problem.seq else ""
    return {**problem.to_dict(), "message": f"{where}{problem.detail}."}


def _count(n: int, one: str, many: str = "") -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _summary(result: VerifyResult) -> str:
    if result.intact and not result.entries:
        return "The log is empty: nothing has been recorded yet."
    if result.intact:
        return (
            f"The log has not been changed: its {_count(result.entries, 'entry', 'entries')} and "
            f"{_count(result.attachments_checked, 'file')} are exactly as they were recorded."
        )
    bad = result.bad_entries
    where = f" ({'entry' if len(bad) == 1 else 'entries'} {', '.join(map(str, bad))})" if bad else ""
    return (
        f"The log has been changed outside postguard: {_count(len(result.problems), 'problem')}{where}, "
        "listed below. What you recorded is still there, and an exported bundle reports these problems too."
    )


@router.get("/evidence", include_in_schema=False)
def evidence_page(request: Request) -> HTMLResponse:
    state = state_of(request)
    return render(
        request,
        state,
        "evidence.html",
        title="Abuse log",
        kinds=[(k, label(k)) for k in KINDS],
        characteristics=[(c, label(c)) for c in CHARACTERISTICS],
        audiences=[(a, AUDIENCE_HELP[a]) for a in AUDIENCES],
    )


@router.post(
    "/v1/evidence", status_code=201, summary="Record an incident of abuse received, with screenshots"
)
def add(request: Request, body: Annotated[IncidentRequest, Body()]) -> dict[str, Any]:
    state = state_of(request)
    shots = [state.uploads.path(upload) for upload in body.screenshots]
    for shot in shots:  # refused before anything is written, in the page's words, not the CLI's
        try:
            with open_image(shot, shot.name):
                pass
        except UnreadableImage as exc:
            _fail(
                422,
                f"The screenshot {exc}, so nothing was saved: please take it again or choose another file.",
            )
    with _errors():
        entry = record_incident(
            _store(state),
            platform=body.platform,
            url=body.url,
            author=body.author,
            text=body.text,
            screenshots=shots,
            occurred_at=body.occurred_at or None,
            note=body.note,
            kind=body.kind or None,
            characteristic=body.characteristic or None,
        )
    for upload in body.screenshots:
        state.uploads.remove(upload)
    return _entry(entry, [])


@router.get("/v1/evidence", summary="The recorded incidents, the latest to happen first")
def entries(request: Request) -> dict[str, Any]:
    with _errors():
        found = _store(state_of(request)).entries()
    corrected = corrections(found)
    newest = sorted(found, key=lambda e: (e.text_field("occurred_at"), e.seq), reverse=True)
    return {"entries": [_entry(e, corrected.get(e.seq, [])) for e in newest]}


@router.get("/v1/evidence/verify", summary="Check that the log and its files are as they were recorded")
def check(request: Request) -> dict[str, Any]:
    with _errors():
        result = verify(_store(state_of(request)))
    return {
        **result.to_dict(),
        "summary": _summary(result),
        "problems": [_problem(p) for p in result.problems],
    }


@router.post(
    "/v1/evidence/export",
    summary="Download a bundle (zip: PDF report, the original files, signed manifest)",
    response_class=FileResponse,
    responses={200: {"content": {"application/zip": {}}}},
)
def export(request: Request, body: Annotated[ExportRequest, Body()]) -> FileResponse:
    state = state_of(request)
    # Built in the server's private upload folder, so what a failed download leaves is removed on exit.
    folder = Path(tempfile.mkdtemp(prefix="export-", dir=state.uploads.root))
    name = f"postguard-evidence-{body.audience}-{datetime.now(UTC).astimezone():%Y-%m-%d}.zip"
    try:
        with _errors():
            result = export_bundle(_store(state), body.audience, folder / name, member=body.member or None)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        result.out,
        media_type="application/zip",
        filename=name,
        headers={
            "cache-control": "no-store",
            "x-postguard-incidents": str(result.incidents),
            "x-postguard-log-intact": "yes" if result.verification.intact else "no",
        },
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


@router.get(
    "/v1/evidence/{seq}/screenshots/{n}",
    summary="A small PNG copy of an entry's n-th file (a screenshot), for the timeline",
    response_class=Response,
    responses={200: {"content": {"image/png": {}}}},
)
def thumbnail(request: Request, seq: int, n: int) -> Response:
    """Re-drawn as a fresh PNG from bytes whose hash still matches the log: never served as stored."""
    store = _store(state_of(request))
    with _errors():
        entry = store.get(seq)
    files = _attachments(entry)
    if not 1 <= n <= len(files) or not files[n - 1].is_image:
        raise HTTPException(404, f"entry {seq} has no screenshot {n}")
    shot = files[n - 1]
    try:
        data = store.files.path_for(shot.sha256).read_bytes()
    except OSError:
        data = b""
    if hashlib.sha256(data).hexdigest() != shot.sha256:
        raise HTTPException(409, f"the screenshot {shot.name!r} has changed or gone since it was recorded")
    out = io.BytesIO()
    try:
        with open_image(io.BytesIO(data), shot.name) as image:
            image.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
            image.convert("RGBA" if "A" in image.getbands() else "RGB").save(out, format="PNG")
    except UnreadableImage as exc:
        raise HTTPException(422, str(exc)) from None
    return Response(out.getvalue(), media_type="image/png", headers={"cache-control": "no-store"})
