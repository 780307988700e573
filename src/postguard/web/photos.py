"""``/v1/uploads/{id}/metadata``, ``/scrub`` and ``/clean``: what an uploaded photo gives away,
and a clean copy of it without that.

The clean copy is written by ExifTool (``media.scrub``: nothing re-encoded, the result read back
and verified) into a ``clean`` folder inside the upload's own private folder, so deleting the
upload deletes it too, and the original is never opened for writing. Messages name a photo by
its upload name: a server path never reaches the page.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, ConfigDict

from postguard.errors import PostguardError
from postguard.media import read_metadata
from postguard.media.formats import DISPLAY, EXTENSION, check_file
from postguard.media.metadata import ImageMetadata, Tag, nearest_place
from postguard.media.scrub import ExiftoolMissingError, kept_words, scrub, summarise
from postguard.web.state import state_of

router = APIRouter(prefix="/v1", tags=["photos"])

#: Content types of the clean copies, by the format sniffed from their bytes.
MEDIA_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "HEIF": "image/heic",
    "WEBP": "image/webp",
    "TIFF": "image/tiff",
}


class ScrubRequest(BaseModel):
    """No options: a clean copy always loses everything identifying. Unknown keys are refused,
    so a client that believes it asked for something else learns that it did not."""

    model_config = ConfigDict(extra="forbid")


def _public(message: str, path: Path) -> str:
    """A library message with the server's paths replaced by the photo's upload name."""
    return message.replace(os.fspath(path), path.name).replace(os.fspath(path.parent) + os.sep, "")


def _read(path: Path) -> ImageMetadata:
    """The photo's metadata; a broken or unsupported file is a 422 naming it."""
    try:
        return read_metadata(path)
    except PostguardError as exc:
        raise HTTPException(422, _public(str(exc), path)) from None


def _clean_path(original: Path) -> Path:
    return original.parent / "clean" / original.name


def _download_name(original: Path, fmt: str) -> str:
    """``garden-clean.jpg``: the extension follows the real format, not the name it came with."""
    return f"{original.stem}-clean{EXTENSION[fmt]}"


def _tags(tags: tuple[Tag, ...]) -> list[dict[str, str]]:
    return [{"label": t.label, "value": t.value} for t in tags]


def _listed(tags: tuple[Tag, ...]) -> str:
    return "; ".join(t.value for t in tags)


def describe(meta: ImageMetadata, path: Path) -> dict[str, Any]:
    """What a photo reveals: structured, and as ``reveals``, plain sentences most serious first."""
    place = nearest_place(meta.gps) if meta.gps else None
    reveals: list[dict[str, str]] = []

    def reveal(kind: str, text: str) -> None:
        reveals.append({"kind": kind, "text": text})

    if meta.gps is not None:
        near = f"near {place} ({meta.gps})" if place else str(meta.gps)
        reveal("location", f"the GPS position of where it was taken: {near}")
    elif meta.gps_status == "unreadable":
        reveal("location", "GPS location tags that cannot be read, which may still show where it was taken")
    if meta.places:
        reveal("place", f"place names: {_listed(meta.places)}")
    if meta.exif_damaged and meta.gps is None and meta.gps_status != "unreadable":
        reveal("damaged", "a damaged metadata block that cannot be read, which may hide a location")
    if meta.people:
        reveal("people", f"names of people: {_listed(meta.people)}")
    if meta.device:
        reveal("device", f"the camera or phone it was taken with: {meta.device}")
    if meta.serials:
        reveal("device", f"serial numbers that tie it to one device: {_listed(meta.serials)}")
    if meta.has_maker_note:
        reveal("device", "the camera maker's notes, which can hold its serial number")
    if meta.software:
        reveal("device", f"the software that made or edited it: {meta.software}")
    if meta.capture_time:
        reveal("date", f"when it was taken or last changed: {meta.capture_time}")
    if meta.descriptions:
        reveal("text", f"text that people looking at the photo do not see: {_listed(meta.descriptions)}")
    gps = meta.gps
    return {
        "name": path.name,
        "type": DISPLAY[meta.format],
        "width": meta.width,
        "height": meta.height,
        "identifying": bool(reveals),
        "reveals": reveals,
        "location": None
        if gps is None
        else {
            "latitude": round(gps.latitude, 6),
            "longitude": round(gps.longitude, 6),
            "altitude_m": gps.altitude_m,
            "place": place,
        },
        "location_status": meta.gps_status,
        "places": _tags(meta.places),
        "people": _tags(meta.people),
        "device": meta.device,
        "serials": _tags(meta.serials),
        "software": meta.software,
        "date": meta.capture_time,
        "descriptions": _tags(meta.descriptions),
        "blocks": {
            "exif": meta.has_exif,
            "xmp": meta.has_xmp,
            "iptc": meta.has_iptc,
            "maker_notes": meta.has_maker_note,
            "colour_profile": meta.has_icc,
            "damaged": meta.exif_damaged,
        },
        "problems": [_public(p, path) for p in meta.problems],
        "notes": [_public(n, path) for n in meta.notes],
    }


@router.get("/uploads/{upload}/metadata", summary="What an uploaded photo's metadata gives away")
def metadata(request: Request, upload: str) -> dict[str, Any]:
    """Headers only, no pixels decoded: cheap enough to show as soon as a photo is added."""
    path = state_of(request).uploads.path(upload)
    return {"id": upload, **describe(_read(path), path)}


@router.post(
    "/uploads/{upload}/scrub", summary="Write a clean copy of an uploaded photo (the original stays)"
)
def scrub_upload(request: Request, upload: str, options: Annotated[ScrubRequest, Body()]) -> dict[str, Any]:
    """The body is ``{}``. ExifTool removes every tag but orientation and colour profile, and a copy
    with anything identifying left is refused, not written: the page never offers a half-clean photo."""
    original = state_of(request).uploads.path(upload)
    before = _read(original)
    try:
        [result] = scrub([original], _clean_path(original).parent)
    except ExiftoolMissingError as exc:
        raise HTTPException(503, str(exc)) from None
    except PostguardError as exc:
        raise HTTPException(500, f"the clean copy cannot be written: {_public(str(exc), original)}") from None
    if result.output is None:
        raise HTTPException(422, _public(result.error or f"{original.name} could not be cleaned", original))
    data = result.output.read_bytes()
    return {
        "id": upload,
        "name": original.name,
        "removed": result.removed,
        "removed_count": result.removed_count,
        "removed_summary": summarise(result.removed),
        "kept": result.kept,
        "kept_words": kept_words(result.kept),
        "before": describe(before, original),
        "after": describe(_read(result.output), original),
        "clean": {
            "name": _download_name(original, before.format),
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "url": f"/v1/uploads/{upload}/clean",
        },
        "notes": [_public(n, original) for n in result.notes],
    }


@router.get(
    "/uploads/{upload}/clean",
    summary="Download the clean copy (409 before it is made)",
    response_class=FileResponse,
)
def clean(request: Request, upload: str) -> FileResponse:
    """Like every ``/v1`` call it needs the token or the page's CSRF header, so a page fetches it
    and offers the bytes as a link rather than linking here."""
    original = state_of(request).uploads.path(upload)
    path = _clean_path(original)
    if not path.is_file():
        raise HTTPException(409, f"{original.name} has not been cleaned yet: ask for a clean copy first")
    fmt = check_file(path).format
    return FileResponse(
        path,
        media_type=MEDIA_TYPES[fmt],
        filename=_download_name(original, fmt),
        headers={"cache-control": "no-store"},
    )
