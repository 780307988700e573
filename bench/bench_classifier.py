"""Benchmark: the abuse classifier's own speed, cascade and transformer alone, beside
alt-profanity-check (the off-the-shelf filter a user might pick).

Two mixes: the own posts of a generated therapist's account (postguard.sources.synthetic, as
in bench_audit: mostly everyday posts), and the 940 labelled posts of bench/eval (half break
some rule; one in seven is abusive, harmful or heated). Run: make bench
(or .venv/bin/python bench/bench_classifier.py [--repeat N]).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_check import latencies

from postguard.classifier import Classifier, classifier
from postguard.sources import open_export
from postguard.sources.synthetic import write_x_archive

EVAL = Path(__file__).parent / "eval"


def account_mix(posts: int = 5000) -> list[str]:
    """The own posts of a generated therapist's X account (as in bench_audit): a realistic mix."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "x.zip"
        write_x_archive(archive, posts=posts, seed=1)
        with open_export(archive) as export:
            return [post.text for post in export.posts() if post.text]


def eval_mix() -> list[str]:
    """bench/eval's labelled posts: half break some rule, one in seven is abusive (a hard mix)."""
    return [json.loads(line)["text"] for f in sorted(EVAL.glob("posts-v*.jsonl")) for line in f.open()]


def rate(fn: Callable[[list[str]], object], texts: list[str], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn(texts)
    return repeat * len(texts) / (time.perf_counter() - start)


def measure(model: Classifier, texts: list[str], repeat: int) -> None:
    model.score(texts[:64])  # warm up
    screened = sum(s.screened for s in model.score(texts))
    cascade = rate(model.score, texts, repeat)
    transformer = rate(lambda t: model.score(t, screen=False), texts, max(1, repeat // 2))
    first = rate(lambda t: model.prefilter(model.tokenizer.encode_batch(t)), texts, repeat)
    single = latencies(lambda t: model.score([t]), texts[:1000])
    single_full = latencies(lambda t: model.score([t], screen=False), texts[:300])
    print(f"first stage clears {screened / len(texts):.1%}; the transformer reads the rest")
    print(f"cascade, batched:            {cascade:8,.0f} posts/s")
    print(
        f"transformer alone, batched:  {transformer:8,.0f} posts/s  (cascade is {cascade / transformer:.1f}x)"
    )
    print(f"first stage alone, batched:  {first:8,.0f} posts/s")
    print(
        f"single post, cascade:        p50 {statistics.median(single):.2f} ms, "
        f"p95 {statistics.quantiles(single, n=20)[18]:.2f} ms"
    )
    print(f"single post, transformer:    p50 {statistics.median(single_full):.2f} ms")
    try:
        from profanity_check import predict_prob
    except ImportError:
        print("alt-profanity-check not installed (pip install -e '.[bench]')")
        return
    baseline = rate(predict_prob, texts, repeat)
    print(
        f"alt-profanity-check:         {baseline:8,.0f} posts/s  ({baseline / cascade:.0f}x the cascade's rate)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    model = classifier()
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    for name, texts in (("account mix", account_mix()), ("bench/eval mix", eval_mix())):
        print(f"\n{name}: {len(texts)} posts")
        measure(model, texts, args.repeat)
    try:
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"  # as the package does: no telemetry
        import onnxruntime

        gpu = "CUDAExecutionProvider" in onnxruntime.get_available_providers()
    except ImportError:
        gpu = False
    if not gpu:
        print("\nGPU: none here (onnxruntime has no CUDA provider on this machine)")


if __name__ == "__main__":
    main()
