"""Benchmark: `postguard audit` of a generated 50,000-post X archive, end to end (import, every
check on both cores, photo metadata, takeover detection, report), with the peak memory of the
whole process tree (proportional set size, so pages shared after fork count once).

Run: make bench   (or .venv/bin/python bench/bench_audit.py [--posts N])
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from postguard.audit.runner import run_audit
from postguard.sources import open_export
from postguard.sources.synthetic import write_x_archive


def tree_pss_kib(root: int) -> int:
    """Summed PSS of a process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


_FULL_TEXT = re.compile(rb'("full_text": ")((?:[^"\\\\]|\\\\.)*)(")')


def make_unique(archive: Path) -> None:
    """Give every post a distinct text (the generator reuses templates): a stricter benchmark."""
    counter = iter(range(10**9))
    with zipfile.ZipFile(archive) as zf:
        entries = {name: zf.read(name) for name in zf.namelist()}
    words = [b"today", b"again", b"honestly", b"this week", b"lately", b"as ever", b"for once"]

    def vary(m: re.Match[bytes]) -> bytes:
        n = next(counter)
        return m.group(1) + m.group(2) + b" " + words[n % len(words)] + b" " + str(n).encode() + m.group(3)

    entries["data/tweets.js"] = _FULL_TEXT.sub(vary, entries["data/tweets.js"])
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--unique", action="store_true", help="make every post's text distinct")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "x.zip"
        write_x_archive(archive, args.posts, seed=1)
        if args.unique:
            make_unique(archive)
        texts = {p.text for p in open_export(archive).posts() if p.kind != "repost"}
        print(
            f"archive: {args.posts:,} posts, {archive.stat().st_size / 1e6:.1f} MB zip, {len(texts):,} distinct texts"
        )
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_pss_kib(os.getpid()))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        start = time.perf_counter()
        result = run_audit([archive], Path(tmp) / "out")
        elapsed = time.perf_counter() - start
        done.set()
        sampler.join()
        s = result.summary
        print(
            f"audit: {s['posts']:,} own posts checked in {elapsed:.1f} s end to end "
            f"({s['posts'] / elapsed:,.0f} posts/s), peak memory {peak / 1024:,.0f} MB (process tree PSS)"
        )
        print(
            f"findings by rule: {s['by_rule']}; suspected takeovers: {s['incidents']}; photos: {s['media']}"
        )


if __name__ == "__main__":
    main()
