"""Benchmark: warm ``POST /v1/check`` over real HTTP on loopback (uvicorn, one kept-alive
connection, as the extension's service worker makes), for 280-character posts, beside the same
posts checked in-process: what the HTTP layer and the JSON shape cost. The bar (issue 14) is a
p50 of 25 ms.

Run: make bench   (or .venv/bin/python bench/bench_web.py [--posts N])
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).parent))
from bench_check import latencies, percentile
from posts import realistic_posts

from postguard.web.app import create_app
from postguard.web.security import TOKEN_HEADER
from postguard.web.server import allowed_hosts, bind
from postguard.web.state import WebState


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=500)
    args = parser.parse_args()
    short = realistic_posts(args.posts)
    posts = [(a + " " + b)[:280] for a, b in zip(short, short[1:] + short[:1], strict=True)]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"posts: {len(posts)}, mean {statistics.mean(len(p) for p in posts):.0f} characters")

    bound = bind("127.0.0.1", 0)
    state = WebState(home=Path(tempfile.mkdtemp()), hosts=allowed_hosts(bound.port))
    start = time.perf_counter()
    state.warm()
    print(f"server start (loads models): {time.perf_counter() - start:.2f} s")
    server = uvicorn.Server(uvicorn.Config(create_app(state), log_level="warning", access_log=False))
    threading.Thread(target=server.run, kwargs={"sockets": [bound.sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    headers = {TOKEN_HEADER: state.credentials.token}
    # Browsers send without Nagle's delay; httpx does not by default (the server side is
    # handled in postguard.web.server.bind).
    transport = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
    with httpx.Client(base_url=bound.base_url, headers=headers, timeout=60, transport=transport) as client:

        def over_http(text: str) -> object:
            answer = client.post("/v1/check", json={"text": text, "offsetUnits": "utf16"})
            answer.raise_for_status()
            return answer.json()

        for post in posts[:30]:
            over_http(post)
        http = latencies(over_http, posts)
    in_process = latencies(state.check, posts)
    server.should_exit = True
    print(
        f"POST /v1/check (HTTP, warm): p50 {percentile(http, 50):6.2f} ms  p95 {percentile(http, 95):6.2f} ms  "
        f"p99 {percentile(http, 99):6.2f} ms"
    )
    print(
        f"in-process check:            p50 {percentile(in_process, 50):6.2f} ms  "
        f"p95 {percentile(in_process, 95):6.2f} ms  p99 {percentile(in_process, 99):6.2f} ms"
    )
    print(f"HTTP cost at p50: {percentile(http, 50) - percentile(in_process, 50):.2f} ms; bar p50 <= 25 ms")
    state.close()


if __name__ == "__main__":
    main()
