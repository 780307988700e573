"""``/v1/profile``: the member's profile from the settings page, saved owner-only in
``$POSTGUARD_HOME/profile.toml`` (the CLI reads the same file with ``--profile``).

Client names for the watch-list arrive once, are hashed with the profile's secret (``Profile.watch``)
and are never stored, echoed or logged; the API only ever answers how many names are watched.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field

from postguard.errors import PostguardError
from postguard.evidence.home import ensure_private_dir
from postguard.policy.pack import builtin_packs
from postguard.profile import Profile
from postguard.web.state import WebState, state_of

router = APIRouter(prefix="/v1", tags=["settings"])


class ProfileFields(BaseModel):
    """What the member says about themselves, so rules know their credentials and roles."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field("", max_length=200)
    titles: list[str] = Field(default_factory=list, max_length=20)
    credentials: list[str] = Field(default_factory=list, max_length=20)
    spokesperson_for: list[str] = Field(default_factory=list, max_length=20)
    pack: str = "babcp"


class WatchName(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, description="A client's name: hashed, never stored.")


def _current(state: WebState) -> Profile:
    """A copy of the saved profile to change (the saved one is shared with checks in flight)."""
    saved = state.profile
    return saved.model_copy(deep=True) if saved is not None else Profile(pack=state.pack_name)


def _answer(profile: Profile) -> dict[str, Any]:
    return {
        **profile.model_dump(include={"name", "titles", "credentials", "spokesperson_for", "pack"}),
        "watched_names": len(profile.watchlist.names),
        "packs": builtin_packs(),
    }


def _save(state: WebState, profile: Profile) -> None:
    try:
        ensure_private_dir(state.home)
        profile.save(state.profile_path)
    except OSError as exc:
        raise HTTPException(500, f"cannot save the settings: {exc.strerror or exc}") from None


@router.get("/profile", summary="The member's profile (the watch-list only as a count)")
def get_profile(request: Request) -> dict[str, Any]:
    return _answer(_current(state_of(request)))


@router.put("/profile", summary="Save the profile's fields (the watch-list is kept)")
def put_profile(request: Request, fields: ProfileFields) -> dict[str, Any]:
    state = state_of(request)
    if fields.pack not in builtin_packs():
        raise HTTPException(422, f"unknown policy {fields.pack!r} (choose from {', '.join(builtin_packs())})")
    data = fields.model_dump()
    for key in ("titles", "credentials", "spokesperson_for"):
        data[key] = [value.strip() for value in data[key] if value.strip()]
    profile = _current(state).model_copy(update=data)
    _save(state, profile)
    return _answer(profile)


@router.post("/profile/watch", summary="Add a client's name to the watch-list, as a keyed hash only")
def watch(request: Request, body: WatchName) -> dict[str, Any]:
    state = state_of(request)
    profile = _current(state)
    try:
        profile.watch(body.name)
    except PostguardError as exc:
        raise HTTPException(422, str(exc)) from None
    _save(state, profile)
    return {"watched_names": len(profile.watchlist.names)}


@router.delete("/profile/watch", summary="Forget every watched name")
def forget(request: Request) -> dict[str, Any]:
    state = state_of(request)
    profile = _current(state)
    profile.watchlist.names.clear()
    profile.watchlist.parts.clear()
    _save(state, profile)
    return {"watched_names": 0}
