"""``postguard web`` as a member starts it: the login link printed, the secrets file owner-only
while it runs, and on Ctrl+C the secrets file and every uploaded photo gone."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def test_the_command_serves_logs_in_and_cleans_up_on_ctrl_c(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "POSTGUARD_HOME": str(home), "TMPDIR": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "postguard.cli", "web", "--no-browser", "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert server.stderr is not None
        lines = []
        deadline = time.monotonic() + 120
        while not any("Press Ctrl+C" in line for line in lines):
            assert time.monotonic() < deadline and server.poll() is None, "".join(lines)
            lines.append(server.stderr.readline())
        output = "".join(lines)
        login = re.search(r"(http://127\.0\.0\.1:\d+/login\?code=\S+)", output)
        assert login, output
        secrets = home / "web.json"
        assert stat.S_IMODE(secrets.stat().st_mode) == 0o600
        info = json.loads(secrets.read_text())
        base = info["url"]
        with httpx.Client(base_url=base, timeout=30) as browser:
            page = browser.get(login.group(1), follow_redirects=True)
            assert page.status_code == 200 and "Check a post" in page.text
            assert browser.get(login.group(1)).status_code == 401  # the link works once
        with httpx.Client(base_url=base, headers={"X-Postguard-Token": info["token"]}, timeout=30) as api:
            checked = api.post("/v1/check", json={"text": "You are clueless, STOP posting rubbish!!!"})
            assert checked.status_code == 200 and checked.json()["verdict"] == "review"
            upload = api.post("/v1/uploads?name=x.png", content=_png(), headers={"content-type": "image/png"})
            assert upload.status_code == 201, upload.text
        uploads = [p for p in tmp_path.iterdir() if p.name.startswith("postguard-web-")]
        assert len(uploads) == 1 and stat.S_IMODE(uploads[0].stat().st_mode) == 0o700
        server.send_signal(signal.SIGINT)
        assert server.wait(30) in (0, 130)  # 130: uvicorn re-raises the Ctrl+C once it has shut down
        assert not secrets.exists()
        assert not uploads[0].exists()
        rest = server.stderr.read()
        assert "Traceback" not in rest
        assert "clueless" not in output + rest  # no post text in the server's output
    finally:
        if server.poll() is None:
            server.kill()
        server.wait()
        if server.stderr is not None:
            server.stderr.close()


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return buffer.getvalue()
