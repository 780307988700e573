"""Choose the classifier's thresholds for a false-alarm budget on real everyday posts.

    python -m training.calibrate [--data ../shared/datasets] [--model src/postguard/models]

Thresholds picked for the best F1 on curated dev splits flag real accounts far too often: those
splits are half positives, an account is nearly all harmless chatter. So each label's threshold
is the lowest one whose false alarms on the calibration set (real everyday tweets that training
never sees: TweetEval's emoji and sentiment validation sets) stay within a budget per 1,000
posts, and never lower than the dev split's best-F1 threshold. Posts are scored the way the
detector reads them (every passage, and each sentence alone for hate). The trade-off curve
(false alarms per 1,000 real posts against recall on the dev positives) goes into meta.json and
is printed for the model card.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from postguard.classifier import MODEL_DIR, POLICY_HEADS, Classifier, passages
from postguard.text import sentences
from postguard.therapy import clinical_context
from training import corpus, data
from training.data import LABELS, Example, truth

OUTPUTS = (*LABELS, *POLICY_HEADS)

ROOT = Path(__file__).resolve().parent.parent
# False alarms per 1,000 real posts each label may raise. SM201-SM203 are high severity and the
# whole product may raise at most 5 per 1,000 (patterns included); SM601 is a warning. Hate gets
# the most: the calibration tweets are not all clean (some neutral-labelled tweets are hateful),
# and at 1.5 the dev recall fell to about 50% (the curve is in the model card).
BUDGET = {"hate": 3.0, "bullying": 1.0, "harm": 1.0, "heated": 15.0}
# The policy heads: a rule of high severity may raise 1 false alarm per 1,000 real posts, a
# warning 2; and each may flag at most CLEAN_BUDGET of the clinicians' clean dev posts (everyday
# posts and near misses written to look like a breach).
HEAD_BUDGET = {
    head: 2.0 if head in ("SM401", "SM402", "SM403", "SM501", "SM503") else 1.0 for head in POLICY_HEADS
}
CLEAN_BUDGET = 0.01
CONTEXT_HEADS = ("SM101", "SM102", "SM103", "SM301")
# Below even odds a head fired on reasoned criticism of BABCP and boundaries kept (tests/rules/),
# where nothing real pushes it up: no everyday tweet mentions BABCP.
HEAD_FLOOR = 0.5
GRID = np.round(np.arange(0.05, 0.991, 0.01), 2)  # the abuse labels never go below their dev F1 point


def post_scores(model: Classifier, texts: list[str]) -> np.ndarray:
    """Per post, label and policy head, the highest probability the detectors would act on: every
    passage, and for a post of several sentences each sentence alone counts for hate only."""
    units: list[tuple[int, str, bool]] = []
    for i, text in enumerate(texts):
        spans = passages(text, sentences(text))
        several = len(spans) > 1
        sentence_spans = {(s.start, s.end) for s in sentences(text)}
        units += [(i, text[s:e], several and (s, e) in sentence_spans) for s, e in spans]
    scores = model.score([u[1] for u in units], screen=False)
    out = np.zeros((len(texts), len(OUTPUTS)), dtype=np.float32)
    for (i, _text, alone), s in zip(units, scores, strict=True):
        probs = s.labels | s.heads
        for j, output in enumerate(OUTPUTS):
            if output == "hate" or not alone:
                out[i, j] = max(out[i, j], probs[output])
    return out


def calibrate(model_dir: Path, calib: list[Example], dev: list[Example]) -> dict[str, Any]:
    """Thresholds within BUDGET on ``calib`` (and, for the policy heads, CLEAN_BUDGET on the
    clinicians' clean dev posts); writes them and the curve into meta.json."""
    model = Classifier(model_dir)
    meta: dict[str, Any] = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    floors: dict[str, float] = meta.setdefault("dev_f1_thresholds", meta["thresholds"])
    real = post_scores(model, [ex["text"] for ex in calib])
    curated = post_scores(model, [ex["text"] for ex in dev])
    chosen: dict[str, float] = {}
    curves: dict[str, list[tuple[float, float, float, float]]] = {}
    clinicians_clean = np.array([ex["rules"] is not None and not any(ex["rules"].values()) for ex in dev])
    for j, output in enumerate(OUTPUTS):
        positives = np.array([truth(ex, output) == 1 for ex in dev])
        curve = [
            (
                float(t),
                round(1000 * float((real[:, j] >= t).mean()), 2),
                round(float((curated[positives, j] >= t).mean()), 4) if positives.any() else 0.0,
                round(float((curated[clinicians_clean, j] >= t).mean()), 4)
                if clinicians_clean.any()
                else 0.0,
            )
            for t in GRID
        ]
        budget = BUDGET.get(output) or HEAD_BUDGET[output]
        clean_budget = CLEAN_BUDGET if output in POLICY_HEADS else 1.0
        within = [t for t, fa, _, clean in curve if fa <= budget and clean <= clean_budget]
        # a head's dev split is small and near misses dominate it: its best-F1 point is no floor,
        # but a head never decides a rule is broken at less than even odds (HEAD_FLOOR)
        floor = floors[output] if output in LABELS else HEAD_FLOOR
        chosen[output] = max(floor, min(within)) if within else float(GRID[-1])
        curves[output] = curve[::5]
    meta["thresholds"] = chosen
    meta["context_thresholds"] = context_thresholds(calib, dev, real, curated, chosen, clinicians_clean)
    meta["calibration"] = {
        "set": f"{len(calib):,} real everyday tweets (TweetEval emoji and sentiment validation), never trained on",
        "budget_per_1000": BUDGET | HEAD_BUDGET,
        "clinicians_clean_budget": CLEAN_BUDGET,
        "curve": {label: [list(point) for point in curve] for label, curve in curves.items()},
        "columns": [
            "threshold",
            "false alarms per 1,000 real posts",
            "recall on dev positives",
            "share of the clinicians' clean dev posts flagged",
        ],
    }
    (model_dir / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def context_thresholds(
    calib: list[Example],
    dev: list[Example],
    real: np.ndarray,
    curated: np.ndarray,
    chosen: dict[str, float],
    clinicians_clean: np.ndarray,
) -> dict[str, float]:
    """For the heads about clients (CONTEXT_HEADS), the lower threshold that applies where a
    post is set in clinical work (``therapy.clinical_context``): the same budgets, counting the
    false alarms that threshold would add on the posts in that context. Real everyday posts about
    a friend or a child read like a clinician's post about a client; few of them mention a
    session, a ward or a referral."""
    real_context = np.array([clinical_context(ex["text"]) for ex in calib])
    dev_context = np.array([clinical_context(ex["text"]) for ex in dev])
    lowered: dict[str, float] = {}
    for head in CONTEXT_HEADS:
        j = OUTPUTS.index(head)
        for t in GRID[GRID >= HEAD_FLOOR]:
            if t >= chosen[head]:
                break
            fa = 1000 * float(((real[:, j] >= chosen[head]) | (real_context & (real[:, j] >= t))).mean())
            flagged = (curated[:, j] >= chosen[head]) | (dev_context & (curated[:, j] >= t))
            if fa <= HEAD_BUDGET[head] and float(flagged[clinicians_clean].mean()) <= CLEAN_BUDGET:
                lowered[head] = float(t)
                break
    return lowered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    examples = data.load(args.data)
    calib = [ex for ex in examples if ex["split"] == "calib"]
    dev = [ex for ex in [*examples, *corpus.load()] if ex["split"] == "dev"]
    meta = calibrate(args.model, calib, dev)
    print("thresholds", meta["thresholds"], "(dev best F1:", meta["dev_f1_thresholds"], ")")
    for label, curve in meta["calibration"]["curve"].items():
        print(f"\n{label}: threshold, false alarms per 1,000 real posts, dev recall, clean dev flagged")
        for t, fa, recall, clean in curve:
            print(f"  {t:.2f}  {fa:6.2f}  {recall:.3f}  {clean:.3f}")


if __name__ == "__main__":
    main()
