"""Shared by the web tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

SCREENSHOTS = Path(os.environ["POSTGUARD_SCREENSHOTS"]) if os.environ.get("POSTGUARD_SCREENSHOTS") else None


def screenshot(page: Any, name: str) -> None:
    """Save a full-page screenshot when POSTGUARD_SCREENSHOTS names a folder, to look at them."""
    if SCREENSHOTS is not None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
