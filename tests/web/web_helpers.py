"""Shared by the web tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from postguard.web.state import WebState

PORT = 8517  # the port the test clients name in their Host header
BASE = f"http://127.0.0.1:{PORT}"


@dataclass
class LiveServer:
    url: str
    state: WebState

    def login_url(self) -> str:
        return f"{self.url}/login?code={self.state.credentials.new_login_code()}"


SCREENSHOTS = Path(os.environ["POSTGUARD_SCREENSHOTS"]) if os.environ.get("POSTGUARD_SCREENSHOTS") else None


def screenshot(page: Any, name: str) -> None:
    """Save a full-page screenshot when POSTGUARD_SCREENSHOTS names a folder, to look at them."""
    if SCREENSHOTS is not None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
