"""Shared by every test folder: the tests folder on sys.path (for helpers such as chromium.py),
and one headless Chromium per test process, since Playwright's sync API allows one at a time."""

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from chromium import launched


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless (never downloaded); a test using it is skipped without it."""
    with launched() as made:
        yield made
