"""Profile: where `check_many` spends its time on the audit benchmark's posts (distinct texts).

Builds the 50,000-post archive of `bench_audit.py --unique`, takes N of its own posts in a fixed
shuffle, and runs them through one engine with one classifier thread under cProfile, as one
audit worker does; prints the throughput, then the top functions by own time.

Run: .venv/bin/python bench/profile_check.py [--posts 3000] [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import tempfile
import time
from pathlib import Path

from bench_audit import make_unique

from postguard.classifier import limit_threads
from postguard.engine import Engine
from postguard.policy import load_pack
from postguard.sources import open_export
from postguard.sources.synthetic import write_x_archive


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "x.zip"
        write_x_archive(archive, 50_000, seed=1)
        make_unique(archive)
        texts = [p.text for p in open_export(archive).posts() if p.kind != "repost" and p.text.strip()]
    random.Random(0).shuffle(texts)
    texts = texts[: args.posts]
    limit_threads(1)
    engine = Engine(load_pack("babcp"))
    engine.check_many(texts[:50])  # load the models before timing
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for i in range(0, len(texts), 256):
        engine.check_many(texts[i : i + 256])
    profile.disable()
    elapsed = time.perf_counter() - started
    print(
        f"{len(texts):,} posts in {elapsed:.1f} s = {len(texts) / elapsed:,.0f} posts/s (one thread, profiled)"
    )
    pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
