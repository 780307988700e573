"""Measure the shipped classifier: held-out test splits, the functional suites, the first stage.

    python -m training.evaluate [--data ../shared/datasets]

Prints, per label, precision, recall and F1 on every dataset's own test split (never trained
on); the first stage's recall there (the share of harmful posts it passes to the transformer);
and accuracy per section of the robustness suite and of the HateCheck-style cases in
``tests/hate_cases.py``, for the classifier alone, the patterns alone and postguard as shipped
(both together), beside alt-profanity-check where it is installed.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from postguard.classifier import MODEL_DIR, Classifier, classifier
from postguard.detectors.abuse_classifier import RULES
from postguard.engine import Engine
from postguard.policy import load_pack
from training import data
from training.data import LABELS, Example
from training.robustness_suite import SECTIONS, cases

ROOT = Path(__file__).resolve().parent.parent
Predictor = Callable[[Sequence[str], str], list[bool]]


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = float((pred & y).sum())
    precision = tp / max(1.0, float(pred.sum()))
    recall = tp / max(1.0, float(y.sum()))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def held_out(model: Classifier, test: list[Example]) -> None:
    """Per label and per source: P/R/F1 of the transformer alone and of the cascade."""
    texts = [ex["text"] for ex in test]
    full = model.score(texts, screen=False)
    cascade = model.score(texts)
    print(f"\n## Held-out test splits ({len(test):,} posts)\n")
    print("| label | source | n | positives | P | R | F1 | cascade R | first stage passes |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label in LABELS:
        sources = sorted({ex["source"] for ex in test if ex[label] is not None})
        for source in [*sources, "all"]:
            rows = [
                i for i, ex in enumerate(test) if ex[label] is not None and source in ("all", ex["source"])
            ]
            y = np.array([test[i][label] == 1 for i in rows])
            if not y.any():
                continue
            pred = np.array([full[i].labels[label] >= model.thresholds[label] for i in rows])
            pred_c = np.array([cascade[i].labels[label] >= model.thresholds[label] for i in rows])
            passed = np.array([not cascade[i].screened for i in rows])
            p, r, f = prf(y, pred)
            rc = prf(y, pred_c)[1]
            print(
                f"| {label} | {source} | {len(rows)} | {int(y.sum())} | {p:.3f} | {r:.3f} | {f:.3f} "
                f"| {rc:.3f} | {passed[y].mean():.1%} |"
            )
    harmless = [i for i, ex in enumerate(test) if not any(ex[label] == 1 for label in LABELS)]
    cleared = np.mean([cascade[i].screened for i in harmless])
    print(f"\nThe first stage clears {cleared:.1%} of the {len(harmless):,} harmless test posts.")


def suite(
    title: str, rows: list[tuple[str, str, str, int]], predictors: dict[str, Predictor]
) -> dict[str, float]:
    """Accuracy per section for each predictor; rows are (section, label, text, expected)."""
    by_section: dict[str, list[int]] = defaultdict(list)
    for i, (section, *_rest) in enumerate(rows):
        by_section[section].append(i)
    results = {}
    for name, predict in predictors.items():
        fired = [False] * len(rows)
        for label in LABELS:
            idx = [i for i, row in enumerate(rows) if row[1] == label]
            for i, hit in zip(idx, predict([rows[i][2] for i in idx], label), strict=True):
                fired[i] = hit
        results[name] = [fired[i] == bool(rows[i][3]) for i in range(len(rows))]
    print(f"\n## {title} ({len(rows):,} cases)\n")
    print("| section | n | " + " | ".join(predictors) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in predictors) + " |")
    for section, idx in sorted(by_section.items()):
        cells = " | ".join(f"{np.mean([results[n][i] for i in idx]):.0%}" for n in predictors)
        print(f"| {section} | {len(idx)} | {cells} |")
    overall = {n: float(np.mean(results[n])) for n in predictors}
    print(
        "| **all** | "
        + str(len(rows))
        + " | "
        + " | ".join(f"**{overall[n]:.1%}**" for n in predictors)
        + " |"
    )
    return overall


def predictors(model: Classifier) -> dict[str, Predictor]:
    shipped = Engine(load_pack("babcp"))
    patterns = Engine(load_pack("babcp"))
    patterns.detector_names = [n for n in patterns.detector_names if n != "abuse_classifier"]

    def classifier_alone(texts: Sequence[str], label: str) -> list[bool]:
        return [s.labels[label] >= model.thresholds[label] for s in model.score(texts, screen=False)]

    def engine(which: Engine) -> Predictor:
        def predict(texts: Sequence[str], label: str) -> list[bool]:
            return [any(f.rule == RULES[label] for f in r.findings) for r in which.check_many(list(texts))]

        return predict

    found: dict[str, Predictor] = {
        "classifier": classifier_alone,
        "patterns": engine(patterns),
        "postguard": engine(shipped),
    }
    try:
        from profanity_check import predict_prob

        def profanity(texts: Sequence[str], label: str) -> list[bool]:
            return [bool(p >= 0.5) for p in predict_prob(list(texts))] if texts else []

        found["profanity-check"] = profanity
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    args = parser.parse_args()
    model = classifier()  # the packaged model, the one the engine uses
    print(f"# postguard classifier evaluation ({MODEL_DIR})")
    print(f"\nThresholds (calibrated on real posts, training/calibrate.py): {model.thresholds}")
    # everyday tweets have no positives to measure here: bench/eval_real.py counts their false alarms
    test = [ex for ex in data.load(args.data) if ex["split"] == "test" and ex["source"] != "tweeteval"]
    held_out(model, test)
    found = predictors(model)
    suite(
        "Robustness suite (training/robustness_suite.py)",
        [(c.section, c.label, c.text, c.expected) for c in cases()],
        found,
    )
    print("\n" + "\n".join(f"- `{name}`: {what}" for name, what in SECTIONS.items()))
    sys.path.insert(0, str(ROOT / "tests"))
    from hate_cases import cases as hate_cases  # type: ignore[import-not-found]

    suite(
        "HateCheck-style SM201 cases (tests/hate_cases.py; the patterns were tuned on these)",
        [(functionality, "hate", text, int(hateful)) for functionality, hateful, text in hate_cases()],
        found,
    )


if __name__ == "__main__":
    main()
