"""Benchmark: the abuse classifier's own speed on a realistic account mix, cascade and transformer
alone, beside alt-profanity-check (the off-the-shelf filter a user might pick).

The mix is the 940 labelled posts of bench/eval (therapists' everyday posts and posts breaking
every rule; about one in seven is abusive, harmful or heated). Run: make bench
(or .venv/bin/python bench/bench_classifier.py [--repeat N]).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

from postguard.classifier import classifier

EVAL = Path(__file__).parent / "eval"


def mix() -> list[str]:
    return [json.loads(line)["text"] for f in sorted(EVAL.glob("posts-v*.jsonl")) for line in f.open()]


def rate(fn: object, texts: list[str], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn(texts)  # type: ignore[operator]
    return repeat * len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    model = classifier()
    texts = mix()
    model.score(texts[:64])  # warm up
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; {len(texts)} posts"
    )

    screened = sum(s.screened for s in model.score(texts))
    cascade = rate(model.score, texts, args.repeat)
    transformer = rate(lambda t: model.score(t, screen=False), texts, max(1, args.repeat // 2))
    first = rate(lambda t: model.prefilter(model.tokenizer.encode_batch(t)), texts, args.repeat)
    single = []
    for text in texts:
        start = time.perf_counter()
        model.score([text])
        single.append((time.perf_counter() - start) * 1000)
    single_full = []
    for text in texts[:300]:
        start = time.perf_counter()
        model.score([text], screen=False)
        single_full.append((time.perf_counter() - start) * 1000)

    print(f"first stage clears {screened / len(texts):.1%} of the mix; the transformer reads the rest")
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
    baseline = rate(predict_prob, texts, args.repeat)
    print(
        f"alt-profanity-check:         {baseline:8,.0f} posts/s  (cascade is {baseline / cascade:.1f}x slower)"
    )
    try:
        import onnxruntime

        gpu = "CUDAExecutionProvider" in onnxruntime.get_available_providers()
    except ImportError:
        gpu = False
    if not gpu:
        print("GPU: none here (onnxruntime has no CUDA provider on this machine)")


if __name__ == "__main__":
    main()
