"""Fixtures for the browser extension's tests: postguard on a live loopback port, the fixture
composers on another (made to count as a public web site, as x.com is), Debian's Chromium with the
extension built from ``extension/src`` and paired for real through its options page, and a
baseline Chromium without it.

Every Playwright object lives on one thread of its own (``Driver``), and the tests that use them
run on that thread (``pytest_pyfunc_call`` below): Playwright's sync API allows one instance per
thread, and other browser tests in the same xdist worker keep theirs open on the main thread.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from extension_helpers import BUILD, FIXTURES, Api, Driver, Extension, launch, skip_reason, start_api

from postguard.engine import engine_for


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run a test that drives the extension's browser on the Playwright thread."""
    if "extension" not in pyfuncitem.fixturenames:
        return None
    driver: Driver = pyfuncitem.funcargs["driver"]
    names = inspect.signature(pyfuncitem.obj).parameters
    driver.run(pyfuncitem.obj, **{name: pyfuncitem.funcargs[name] for name in names})
    return True


@pytest.fixture(scope="session")
def engine() -> Any:
    made = engine_for("babcp")
    made.check_many(["Warm up: my client Jess is clueless", "A lovely walk by the sea today"])
    return made


@pytest.fixture(scope="session")
def api(tmp_path_factory: pytest.TempPathFactory, engine: Any) -> Iterator[Api]:
    made = start_api(tmp_path_factory.mktemp("home"), engine)
    yield made
    made.stop()


# ---- the browsers ----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def driver() -> Iterator[Driver]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    made = Driver()
    yield made
    made.close()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The extension built by extension/build.py (as `make extension` does), per xdist worker."""
    out = tmp_path_factory.mktemp("extension")
    subprocess.run([sys.executable, str(BUILD), "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """The fixture composers on their own loopback port."""
    from fixtures.serve import serve  # here: the fixtures may be missing (then the tests skip)

    url, stop = serve(FIXTURES)
    yield url
    stop()


@pytest.fixture(scope="session")
def extension(
    driver: Driver, built: Path, api: Api, site: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Extension]:
    """Chromium with the extension loaded and paired; nothing it does may leave this machine."""
    playwright, made = driver.run(launch, built, api, site, tmp_path_factory.mktemp("profile"))
    yield made

    def close() -> None:
        made.context.close()
        made.baseline.close()
        playwright.stop()

    driver.run(close)
    assert not made.outside, f"the browser reached beyond this machine: {made.outside}"
