"""What one run of the local server holds: the policy engine (loaded once, kept warm), the
member's profile, the secrets, and a private folder for uploads that is removed on exit."""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from fastapi import HTTPException, Request

from postguard.engine import Engine, engine_for
from postguard.errors import PostguardError
from postguard.model import Report
from postguard.policy import Pack
from postguard.profile import Profile, load_profile
from postguard.web.paired import Pairings
from postguard.web.security import Credentials

T = TypeVar("T")
_UPLOAD_ID = re.compile(r"^[0-9a-f]{32}$")
#: Posts that wake every stage: names and places (spaCy), the classifier, links.
WARM_UP = [
    "So proud of my client Jess, a 34 year old teacher from Otley, who got on the bus alone today.",
    "You are clueless and should be ashamed, stop posting rubbish!!! https://example.org/x",
]
_UNSAFE = re.compile(r"[^\w.\- ]+")


def safe_filename(name: str, fallback: str = "file") -> str:
    """A file name that cannot leave its folder or carry control characters."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(". ")
    return base[:120] or fallback


class Uploads:
    """Uploaded files, each in its own folder under a private (0700) temporary directory."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="postguard-web-"))

    def new(self, name: str) -> tuple[str, Path]:
        """A fresh upload id and the path its file goes to."""
        upload = secrets.token_hex(16)
        folder = self.root / upload
        folder.mkdir(mode=0o700)
        return upload, folder / safe_filename(name)

    def path(self, upload: str) -> Path:
        """The file of an upload id; 404 when there is none."""
        folder = self.root / upload
        if not _UPLOAD_ID.match(upload) or not folder.is_dir():
            raise HTTPException(404, f"no upload {upload!r}")
        files = sorted(p for p in folder.iterdir() if p.is_file())
        if not files:
            raise HTTPException(404, f"no upload {upload!r}")
        return files[0]

    def remove(self, upload: str) -> None:
        if _UPLOAD_ID.match(upload):
            shutil.rmtree(self.root / upload, ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class WebState:
    """Shared by every request of one server run."""

    home: Path
    pack_name: str = "babcp"
    credentials: Credentials = field(default_factory=Credentials)
    hosts: set[str] = field(default_factory=set)
    ready: bool = False
    uploads: Uploads = field(default_factory=Uploads)
    _engine: Engine | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _features_lock: threading.Lock = field(default_factory=threading.Lock)
    _profile_lock: threading.Lock = field(default_factory=threading.Lock)
    _profile: Profile | None = None
    _profile_stamp: tuple[int, int] | None = None
    _features: dict[str, Any] = field(default_factory=dict)
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.credentials.pairings is None:
            self.credentials.pairings = Pairings(self.home)

    @property
    def profile_path(self) -> Path:
        return self.home / "profile.toml"

    @property
    def profile(self) -> Profile | None:
        """The member's profile as saved from the settings page; None before one is saved.
        Read again only when the file changes: every check and every rule lookup asks for it.
        Shared: copy it before changing it."""
        try:
            info = self.profile_path.stat()
        except FileNotFoundError:
            return None
        stamp = (info.st_mtime_ns, info.st_size)
        with self._profile_lock:
            if self._profile_stamp != stamp:
                try:
                    self._profile = load_profile(self.profile_path)
                except PostguardError as exc:
                    raise HTTPException(500, str(exc)) from None
                self._profile_stamp = stamp
            return self._profile

    @property
    def engine(self) -> Engine:
        profile = self.profile
        with self._lock:
            pack = profile.pack if profile else self.pack_name
            if self._engine is None or self._engine.pack.id != pack:
                self._engine = engine_for(pack)
            return self._engine

    @property
    def pack(self) -> Pack:
        return self.engine.pack

    def check(self, text: str, images: Sequence[Path] = ()) -> Report:
        engine, profile = self.engine, self.profile
        with self._lock:  # one check at a time: the models are shared and the machine small
            return engine.check(text, images, profile)

    def check_many(self, texts: Sequence[str]) -> list[Report]:
        engine, profile = self.engine, self.profile
        with self._lock:
            return engine.check_many(texts, profile)

    def warm(self) -> None:
        """Load the models and run them once, so the first real check is as fast as the rest."""
        self.check_many(WARM_UP)
        self.ready = True

    def feature(self, name: str, make: Callable[[], T]) -> T:
        """The one instance of a feature's state (audit jobs, evidence log...), made on first use."""
        with self._features_lock:
            if name not in self._features:
                made = make()
                self._features[name] = made
                close = getattr(made, "close", None)
                if callable(close):
                    self._closers.append(close)
            return cast(T, self._features[name])

    def close(self) -> None:
        for close in reversed(self._closers):
            close()
        self.uploads.close()


def state_of(request: Request) -> WebState:
    return cast(WebState, request.app.state.postguard)
