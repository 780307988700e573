"""The member's profile (TOML): what rules need to know about them, and a hashed watch-list.

Client names are never written anywhere: the watch-list holds HMAC-SHA256 digests keyed with a
secret generated per profile, so digests cannot be matched across profiles or against published
tables. The key lives in the same owner-only file, so someone who can read the file could still
test guesses at names one by one: keep the profile private.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import tomllib
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from postguard.errors import ProfileError

_SPACES = re.compile(r"[\s\-‐–]+")
_POSSESSIVE = re.compile(r"['’]s$")


def normalise_name(name: str) -> str:
    """The form a name is hashed in: case-folded, hyphens as spaces, single spaces, no
    surrounding punctuation and no possessive, so "Kerry-Ann Booth's" matches "kerry ann booth".
    """
    clean = _SPACES.sub(" ", name.casefold()).strip(" .,'\"’")
    return _POSSESSIVE.sub("", clean).strip(" .,'\"’")


class WatchList(BaseModel):
    model_config = ConfigDict(extra="forbid")

    secret: str = Field(default="", pattern=r"^(?:[0-9a-f]{64})?$")
    names: list[str] = Field(default_factory=list, description="HMAC-SHA256 of full names")
    parts: list[str] = Field(default_factory=list, description="HMAC-SHA256 of name parts")


class Profile(BaseModel):
    """What postguard knows about the member; every field is optional."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    titles: list[str] = Field(default_factory=list)
    credentials: list[str] = Field(default_factory=list)
    spokesperson_for: list[str] = Field(default_factory=list)
    pack: str = "babcp"
    watchlist: WatchList = Field(default_factory=WatchList)

    @model_validator(mode="after")
    def _secret_with_names(self) -> Profile:
        if (self.watchlist.names or self.watchlist.parts) and not self.watchlist.secret:
            raise ValueError("watchlist has names but no secret: the names cannot be matched")
        return self

    def digest(self, name: str) -> str:
        key = bytes.fromhex(self.watchlist.secret)
        return hmac.new(key, normalise_name(name).encode(), hashlib.sha256).hexdigest()

    def watch(self, name: str) -> None:
        """Add a client's name (and its parts, for a first name on its own) to the watch-list."""
        clean = normalise_name(name)
        if not clean:
            raise ProfileError("the name to watch is empty")
        if not self.watchlist.secret:
            self.watchlist.secret = secrets.token_hex(32)
        full = self.digest(clean)
        if full not in self.watchlist.names:
            self.watchlist.names.append(full)
        for part in clean.split(" "):
            if len(part) >= 2 and (digest := self.digest(part)) not in self.watchlist.parts:
                self.watchlist.parts.append(digest)

    def holds(self, credential: str) -> bool:
        """Whether the profile lists this credential or title (case-insensitive substring)."""
        wanted = normalise_name(credential)
        held = [normalise_name(c) for c in (*self.credentials, *self.titles)]
        return any(wanted in h or h in wanted for h in held if h)

    def mentions_held(self, text: str) -> bool:
        """Whether a passage names any credential or title the profile lists."""
        said = normalise_name(text)
        return any(held in said for held in map(normalise_name, (*self.credentials, *self.titles)) if held)

    def speaks_for(self, body: str) -> bool:
        return any(normalise_name(b) == normalise_name(body) for b in self.spokesperson_for)

    def save(self, path: Path) -> None:
        """Write owner-only, through a temporary file, so the profile is never half-written."""
        part = path.with_name(path.name + ".part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(tomli_w.dumps(self.model_dump()))
        part.replace(path)


def load_profile(path: str | Path) -> Profile:
    """Read a profile file; a missing or malformed one is a ProfileError naming the problem."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(
            f"profile {path} does not exist (create it with `postguard profile init`)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"cannot read profile {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"profile {path} is not valid TOML: {exc}") from None
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise ProfileError(f"profile {path}: field {field!r}: {err['msg']}") from None
