"""``/v1/uploads``: a photo sent as the request's raw bytes (no multipart form, so a cross-site
form can never post one), streamed to a private temporary folder, its real type sniffed from the
content (never the client's word), and removed when asked or when the server stops."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request

from postguard.errors import PostguardError
from postguard.media.formats import DISPLAY, check_file
from postguard.web.state import state_of

router = APIRouter(prefix="/v1", tags=["photos"])


async def receive_file(request: Request, path: Path) -> tuple[int, str]:
    """Stream the body to ``path``; its size and SHA-256. A body cut off or too large leaves nothing."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("xb") as out:
            async for chunk in request.stream():
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return size, digest.hexdigest()


async def receive_upload(request: Request, name: str) -> tuple[str, Path, int, str]:
    """The body as a new upload (id, path, size, SHA-256); an empty or broken one is not kept."""
    uploads = state_of(request).uploads
    upload_id, path = uploads.new(name)
    try:
        size, sha256 = await receive_file(request, path)
        if size == 0:
            raise HTTPException(422, f"{path.name} is empty (0 bytes)")
    except BaseException:
        uploads.remove(upload_id)
        raise
    return upload_id, path, size, sha256


@router.post("/uploads", status_code=201, summary="Upload a photo (the body is the file's bytes)")
async def upload(request: Request, name: str = Query("photo.jpg", max_length=200)) -> dict[str, Any]:
    upload_id, path, size, sha256 = await receive_upload(request, name)
    try:
        kind = check_file(path).format
    except PostguardError as exc:
        state_of(request).uploads.remove(upload_id)
        raise HTTPException(415, str(exc).replace(str(path), path.name)) from None
    return {"id": upload_id, "name": path.name, "size": size, "sha256": sha256, "type": DISPLAY[kind]}


@router.delete("/uploads/{upload}", status_code=204, summary="Remove an upload now")
def remove(request: Request, upload: str) -> None:
    state = state_of(request)
    state.uploads.path(upload)  # 404 for an unknown id
    state.uploads.remove(upload)
