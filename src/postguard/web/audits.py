"""``/v1/audits``: an account audit of a whole data export, run in the background while the page
shows its progress, then its report.

The export is a path on this computer or its bytes sent as the request body (streamed to a
private temporary folder, never held in memory). Jobs run one at a time on a background thread
(the audit itself starts a worker process for the models), each writing into its own private
folder; everything is removed when the server stops. A cancelled or failed job leaves nothing.
Progress arrives as server-sent events, read by the page with ``fetch()``, since ``EventSource``
cannot send the CSRF header. No log line holds anything from the export: ids, counts, error types.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import secrets
import shutil
import tempfile
import threading
import traceback
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from postguard import nlp
from postguard.audit.runner import run_audit
from postguard.errors import PostguardError
from postguard.web.html import page_csrf
from postguard.web.state import WebState, safe_filename, state_of
from postguard.web.uploads import receive_file

log = logging.getLogger(__name__)

Status = Literal["queued", "running", "cancelling", "done", "failed", "cancelled"]
#: The event that ends a job's stream, by its final status.
FINAL_EVENTS: dict[str, str] = {"done": "done", "failed": "error", "cancelled": "cancelled"}
EVENT_INTERVAL = 0.2  # seconds: at most five progress events a second, however fast posts go
JSON_LIMIT = 64 * 1024  # a JSON request names a path; the route's big limit is for raw exports
STOP_WAIT = 30.0  # seconds the server waits, when it stops, for a running audit to wind down
MAX_WARNINGS = 100  # notes kept for the page; the report lists them all
UPLOAD = "export"  # a job's folder: the uploaded export (removed once read) ...
RESULTS = "out"  # ... and the results: report.html, findings.jsonl, summary.json
#: The report is one self-contained page with inline CSS and no scripts; it may be framed by the
#: audit page, and nothing else.
REPORT_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    "x-frame-options": "SAMEORIGIN",
    "cache-control": "no-store",
}
_RAW_SCHEMA = {"schema": {"type": "string", "format": "binary"}}

api = APIRouter(prefix="/v1", tags=["audits"])
router = APIRouter()


class AuditCancelled(Exception):
    """Raised from inside ``run_audit`` (its progress callback) to stop a cancelled job."""


class AuditRequest(BaseModel):
    """An audit of an export that is already on this computer."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(
        min_length=1, max_length=4096, description="The export's full path: a zip, tar.gz or folder."
    )
    includeDeleted: bool = Field(True, description="Also check posts the export lists as deleted.")
    media: bool = Field(True, description="Check attached photos' metadata (GPS, owner, device).")


@dataclass(eq=False)
class Job:
    """One audit: what to read, where its results go, and how far it has got."""

    id: str
    name: str  # the export's file or folder name, to show people
    folder: Path  # private to this job: the upload, if any, and the results
    export: Path
    pack: str
    include_deleted: bool
    media: bool
    status: Status = "queued"
    done: int = 0
    total: int | None = None
    summary: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    _claimed: bool = field(default=False, repr=False)  # by the worker, or by a cancel before it started
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def view(self) -> dict[str, Any]:
        """The job as the API shows it (one consistent snapshot)."""
        with self._lock:
            return {
                "id": self.id,
                "status": self.status,
                "name": self.name,
                "progress": {"done": self.done, "total": self.total},
                "summary": self.summary,
                "warnings": list(self.warnings),
                "error": self.error,
            }

    def take(self) -> bool:
        """The worker's claim before it runs the job; False when a cancel claimed it first."""
        with self._lock:
            if self._claimed:
                return False
            self._claimed = True
            self.status = "running"
            return True

    def cancel(self) -> bool:
        """Ask the job to stop at its next batch; True when it never started, so whoever cancels
        removes its files (the worker does once it has started)."""
        with self._lock:
            if self.status not in ("queued", "running"):
                return False
            self.status = "cancelling"
            if self._claimed:
                return False
            self._claimed = True
            return True

    def progress(self, done: int, _batch: int) -> None:
        """``run_audit``'s callback after each batch: also where a cancelled job stops."""
        with self._lock:
            if self.status == "cancelling":
                raise AuditCancelled
            self.done = done

    def set_total(self, total: int) -> None:
        with self._lock:
            if self.status == "cancelling":
                raise AuditCancelled
            self.total = total

    def finish(self, status: Status, **results: Any) -> None:
        with self._lock:
            self.status = status
            for name, value in results.items():
                setattr(self, name, value)

    def result(self, name: str) -> Path:
        """A file of a finished audit; 409 while it runs or when it did not finish."""
        status = self.view()["status"]
        if status != "done":
            raise HTTPException(
                409, f"this audit is {status}, so it has no {name} (only a finished audit has)"
            )
        return self.folder / RESULTS / name

    def plain(self, message: str) -> str:
        """A library message without the private temporary folders in it."""
        return message.replace(str(self.export), self.name).replace(
            str(self.folder), "postguard's temporary folder"
        )


class AuditJobs:
    """The audits of one server run: queued, run one at a time on a background thread, their files
    under one private temporary folder that ``close`` removes after stopping what still runs."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="postguard-audits-"))
        self._jobs: dict[str, Job] = {}
        self._queue: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._active = 0  # submitted and not yet finished
        self._closed = False

    def new_folder(self) -> tuple[str, Path]:
        """A fresh job id and its private folder."""
        if self._closed:
            raise HTTPException(503, "postguard is stopping; start the audit again once it is back")
        job_id = secrets.token_hex(16)
        folder = self.root / job_id
        folder.mkdir(mode=0o700)
        return job_id, folder

    def submit(self, job: Job) -> None:
        with self._lock:
            if self._closed:
                raise HTTPException(503, "postguard is stopping; start the audit again once it is back")
            job.status = "queued" if self._active else "running"
            self._active += 1
            self._jobs[job.id] = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="postguard-audits", daemon=True)
                self._thread.start()
        self._queue.put(job)

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise HTTPException(
                404, "there is no audit with this id (audits are forgotten when postguard stops)"
            )
        return job

    def cancel(self, job: Job) -> None:
        if job.cancel():
            shutil.rmtree(job.folder, ignore_errors=True)
            job.finish("cancelled")
            log.info("audit %s: cancelled before it started", job.id)

    def close(self) -> None:
        """Cancel every job, wait (a while) for the running one to stop, and remove all files."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            jobs, thread = list(self._jobs.values()), self._thread
        for job in jobs:
            self.cancel(job)
        self._queue.put(None)
        if thread is not None:
            thread.join(STOP_WAIT)
        shutil.rmtree(self.root, ignore_errors=True)

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                if job.take():
                    self._run(job)
            finally:
                with self._lock:
                    self._active -= 1

    def _run(self, job: Job) -> None:
        log.info("audit %s: started", job.id)
        outcome: dict[str, Any]
        try:
            # NER is loaded here first: the audit's worker process is forked from this one and
            # inherits it, instead of loading its own for every audit (seconds each time).
            nlp.entities("")
            result = run_audit(
                [job.export],
                job.folder / RESULTS,
                pack=job.pack,
                include_deleted=job.include_deleted,
                workers=1,  # the server stays responsive; checks on the page share this machine
                check_media=job.media,
                progress=job.progress,
                on_total=job.set_total,
            )
        except AuditCancelled:
            outcome = {"status": "cancelled"}
        except PostguardError as exc:
            outcome = {"status": "failed", "error": job.plain(str(exc))}
        except OSError as exc:
            outcome = {
                "status": "failed",
                "error": f"a file could not be read or written ({exc.strerror or exc})",
            }
        except Exception as exc:  # a bug: the page says so, the log says where (never with the message)
            trace = "".join(traceback.format_tb(exc.__traceback__))
            log.error("audit %s: stopped by an unexpected %s\n%s", job.id, type(exc).__name__, trace)
            outcome = {
                "status": "failed",
                "error": f"postguard stopped on an unexpected {type(exc).__name__}",
            }
        else:
            outcome = {
                "status": "done",
                "summary": result.summary,
                "warnings": result.warnings[:MAX_WARNINGS],
                "done": result.summary["posts"],
            }
        # The files go before the status changes, so whoever sees "cancelled" sees nothing left.
        shutil.rmtree(job.folder / UPLOAD, ignore_errors=True)
        if outcome["status"] != "done":
            shutil.rmtree(job.folder, ignore_errors=True)
        job.finish(**outcome)
        log.info("audit %s: %s", job.id, outcome["status"])


def _jobs(state: WebState) -> AuditJobs:
    return state.feature("audits", AuditJobs)


def job_of(request: Request, audit_id: str) -> Job:
    """The job named in the path; 404 when there is none."""
    return _jobs(state_of(request)).get(audit_id)


JobOf = Annotated[Job, Depends(job_of)]


@api.post(
    "/audits",
    status_code=202,
    summary="Start an audit of a data export (a path on this computer, or the export's bytes)",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": AuditRequest.model_json_schema()},
                "application/zip": _RAW_SCHEMA,
                "application/gzip": _RAW_SCHEMA,
                "application/octet-stream": _RAW_SCHEMA,
            },
        }
    },
)
async def start(
    request: Request,
    name: Annotated[str, Query(max_length=200, description="The uploaded file's name.")] = "export.zip",
    include_deleted: Annotated[
        bool, Query(alias="includeDeleted", description="With an upload: also check deleted posts.")
    ] = True,
    media: Annotated[bool, Query(description="With an upload: check photos' metadata.")] = True,
) -> dict[str, Any]:
    """Answers at once (202) with the job's id; follow it with ``/events`` or poll it."""
    state = state_of(request)
    jobs = _jobs(state)
    pack: str = await run_in_threadpool(lambda: state.pack.id)
    job_id, folder = jobs.new_folder()
    try:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() == "application/json":
            asked = _audit_request(await _small_body(request))
            export = _local_export(asked.path)
            name, include_deleted, media = export.name or str(export), asked.includeDeleted, asked.media
        else:
            (folder / UPLOAD).mkdir(mode=0o700)
            export = folder / UPLOAD / safe_filename(name, "export.zip")
            size, _sha256 = await receive_file(request, export)
            if size == 0:
                raise HTTPException(422, f"{export.name} is empty (0 bytes)")
            name = export.name
        job = Job(job_id, name, folder, export, pack, include_deleted, media)
        jobs.submit(job)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return job.view()


async def _small_body(request: Request) -> bytes:
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > JSON_LIMIT:
            raise HTTPException(
                413, "a JSON request names the export's path; send the export itself as raw bytes"
            )
    return bytes(body)


def _audit_request(body: bytes) -> AuditRequest:
    try:
        return AuditRequest.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the request"
        raise HTTPException(422, f"{where}: {first['msg']}") from None


def _local_export(raw: str) -> Path:
    """The export named by its path on this computer; 422 in plain words when it is not there."""
    path = Path(raw).expanduser()
    if not path.is_absolute():
        raise HTTPException(
            422, f"type the export's full location (such as /home/you/Downloads/export.zip), not {raw!r}"
        )
    if not path.exists():
        raise HTTPException(422, f"there is no file or folder at {path}")
    if not (path.is_file() or path.is_dir()):
        raise HTTPException(422, f"{path} is not a file or a folder")
    return path


@api.get("/audits/{audit_id}", summary="An audit's status, progress, and summary once done")
def status(job: JobOf) -> dict[str, Any]:
    return job.view()


@api.get(
    "/audits/{audit_id}/events",
    response_class=EventSourceResponse,
    summary="Server-sent events: progress {done, total}, then one done, error or cancelled",
)
async def events(job: JobOf) -> AsyncIterator[ServerSentEvent]:
    """The job runs on a thread, so its state is read here at the throttle's pace; a stream opened
    late starts from the current state, and every stream ends with the job's final event."""
    sent: tuple[str, int, int | None] | None = None
    while True:
        view = job.view()
        now = (view["status"], view["progress"]["done"], view["progress"]["total"])
        if now != sent:
            yield ServerSentEvent(event="progress", data={"status": now[0], **view["progress"]})
            sent = now
        final = FINAL_EVENTS.get(view["status"])
        if final is not None:
            yield ServerSentEvent(event=final, data=view)
            return
        await asyncio.sleep(EVENT_INTERVAL)


@api.delete("/audits/{audit_id}", status_code=202, summary="Cancel an audit (it stops at its next batch)")
def cancel(request: Request, job: JobOf) -> dict[str, Any]:
    """The status is 'cancelling' until the audit has stopped and its files are gone, then
    'cancelled'; a finished audit is left as it is."""
    _jobs(state_of(request)).cancel(job)
    return job.view()


@api.get("/audits/{audit_id}/report", summary="The report of a finished audit (HTML)")
def report(job: JobOf) -> FileResponse:
    return _report(job)


@api.get("/audits/{audit_id}/findings.jsonl", summary="Every finding of a finished audit, one JSON a line")
def findings(job: JobOf) -> FileResponse:
    return FileResponse(
        job.result("findings.jsonl"),
        media_type="application/x-ndjson",
        filename="findings.jsonl",
        headers={"cache-control": "no-store"},
    )


@api.get("/audits/{audit_id}/summary", summary="The summary of a finished audit (summary.json)")
def summary(job: JobOf) -> dict[str, Any]:
    job.result("summary.json")  # 409 unless done
    return job.view()["summary"] or {}


def _report(job: Job) -> FileResponse:
    return FileResponse(
        job.result("report.html"), media_type="text/html; charset=utf-8", headers=REPORT_HEADERS
    )


@router.get("/audit/{audit_id}/report", include_in_schema=False)
def report_page(request: Request, audit_id: str) -> FileResponse:
    """The report for the audit page's frame and its "open in a new tab" link (the login's cookie)."""
    state = state_of(request)
    page_csrf(request, state)  # 401, the login page, without a session
    return _report(_jobs(state).get(audit_id))


router.include_router(api)
