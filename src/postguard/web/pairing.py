"""``/v1/pair``: the extension pairs with the code postguard shows; the settings page shows a
new code, lists paired extensions and revokes them (see ``paired`` for how tokens are bound)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from postguard.web.paired import CODE_TTL, EXTENSION_ORIGIN, Pairings
from postguard.web.state import state_of


def _pairings(request: Request) -> Pairings:
    pairings = state_of(request).credentials.pairings
    if pairings is None:
        raise HTTPException(503, "pairing is not available")
    return pairings


def _not_an_extension(request: Request) -> None:
    """Codes and the list are for the member (the page or a script), never for an extension."""
    if request.scope.get("state", {}).get("session") == "extension":
        raise HTTPException(403, "an extension cannot manage pairing")


class PairRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=20)


router = APIRouter(prefix="/v1", tags=["pairing"])


@router.post("/pair", summary="The extension trades the code postguard shows for a token of its own")
def pair(request: Request, body: PairRequest) -> dict[str, str]:
    origin = request.headers.get("origin", "")
    if not EXTENSION_ORIGIN.match(origin):
        raise HTTPException(403, "only a browser extension pairs (its background worker's origin)")
    try:
        token = _pairings(request).pair(body.code, origin)
    except ValueError as exc:
        raise HTTPException(401, str(exc)) from None
    return {"token": token, "origin": origin}


@router.post("/pair/code", summary="Show a new pairing code (the settings page)")
def new_code(request: Request) -> dict[str, Any]:
    _not_an_extension(request)
    return {"code": _pairings(request).new_code(), "valid_seconds": CODE_TTL}


@router.get("/paired", summary="The paired extensions")
def paired(request: Request) -> list[dict[str, Any]]:
    _not_an_extension(request)
    return _pairings(request).listed()


@router.delete("/paired/{ident}", status_code=204, summary="Unpair an extension (its token stops working)")
def revoke(request: Request, ident: str) -> None:
    _not_an_extension(request)
    if not _pairings(request).revoke(ident):
        raise HTTPException(404, f"no paired extension {ident!r}")
