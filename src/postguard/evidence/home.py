"""Where the evidence log lives, created owner-only: it holds screenshots of abuse received."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

#: Owner-only permissions for every directory and file the evidence log creates.
DIR_MODE = 0o700
FILE_MODE = 0o600


def evidence_home() -> Path:
    """``$POSTGUARD_HOME`` when set, else the member's data directory (per platformdirs)."""
    configured = os.environ.get("POSTGUARD_HOME", "").strip()
    if configured:
        return Path(configured).expanduser()
    return platformdirs.user_data_path("postguard", appauthor=False)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it owner-only.

    Tightening an existing directory is deliberate: evidence of abuse should not be readable by
    other accounts on a shared computer. A directory owned by someone else is left alone.
    """
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(OSError):
        info = path.stat()
        owner = os.getuid() if hasattr(os, "getuid") else info.st_uid
        if info.st_uid == owner and info.st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (POSIX needs the directory itself synced)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
