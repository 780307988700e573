"""Rules defined by examples: a pack lists posts that break a rule and posts that do not, and
``postguard pack build`` fits that rule's head, so another body's pack adds a rule with data
and no code.

A rule opts in by naming the ``learned`` detector. Its examples are the rule's ``examples.fire``
and ``examples.clean`` plus, optionally, ``examples.file``: JSON Lines beside the pack, one
``{"text": ..., "fire": true|false}`` per line. Every other rule's examples count as clean for
it. The head is a logistic regression over the words and word pairs of a post (the hashed
WordPiece unigrams and bigrams the classifier's first stage reads), fitted with NumPy; its
threshold is the lowest at which, in 5-fold cross-validation, at most CLEAN_BUDGET of the clean
examples would be flagged. On a few dozen examples these features separate a new rule far better
than the encoder's sentence embedding, which was fine-tuned for other rules (cross-validated
AUC 0.98 against 0.83 on tests/test_learned_rules.py's examples). The heads are
written to ``<pack>.heads.json`` beside the pack with the hashes of the pack and the model they
were built from, so a changed pack or model is refused until it is built again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from postguard.classifier import MODEL_DIR, classifier, hashed_features
from postguard.errors import PackError
from postguard.normalize import for_model
from postguard.policy.pack import Pack, Rule, load_pack

DETECTOR = "learned"
CLEAN_BUDGET = 0.02
MIN_EXAMPLES = 8  # of each kind, per rule: fewer cannot be cross-validated
FOLDS = 5


@dataclass(frozen=True)
class Head:
    """One rule's fitted head: a weight per feature seen in its examples, and a bias."""

    weights: dict[str, float]  # feature index (as JSON keys are text) to weight
    bias: float
    threshold: float
    fire_examples: int
    clean_examples: int
    cv_recall: float

    def probability(self, features: np.ndarray) -> float:
        """The probability for one text's distinct feature indices (``features``)."""
        score = sum(self.weights.get(str(f), 0.0) for f in features.tolist()) / np.sqrt(max(1, len(features)))
        return float(1.0 / (1.0 + np.exp(-(score + self.bias))))


def features(texts: list[str]) -> list[np.ndarray]:
    """Each text's distinct hashed WordPiece unigrams and bigrams, read as the classifier reads it."""
    model = classifier()
    encodings = model.tokenizer.encode_batch([for_model(text) for text in texts])
    return [hashed_features(enc.ids[1:-1], model.vocab_size) for enc in encodings]


def _matrix(rows: list[np.ndarray], columns: dict[int, int]) -> np.ndarray:
    """Binary rows scaled to unit length, over the columns seen in training."""
    x = np.zeros((len(rows), len(columns)))
    for i, row in enumerate(rows):
        x[i, [columns[f] for f in row.tolist() if f in columns]] = 1.0 / np.sqrt(max(1, len(row)))
    return x


def heads_path(pack_path: Path) -> Path:
    return pack_path.with_name(pack_path.stem + ".heads.json")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(pack_path: Path, pack: Pack) -> str:
    """SHA-256 of the pack file and every examples file it names: what the heads were fitted on."""
    digest = hashlib.sha256(pack_path.read_bytes())
    for rule in pack.rules.values():
        if rule.examples.file:
            extra = pack_path.parent / rule.examples.file
            digest.update(extra.read_bytes() if extra.is_file() else b"")
    return digest.hexdigest()


def examples(rule: Rule, pack_dir: Path) -> tuple[list[str], list[str]]:
    """A rule's own examples: (posts that break it, posts that do not)."""
    fire, clean = list(rule.examples.fire), list(rule.examples.clean)
    if rule.examples.file:
        path = pack_dir / rule.examples.file
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise PackError(f"rule {rule.code}: cannot read examples file {path}: {exc}") from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text, fires = row["text"], row["fire"]
            except (json.JSONDecodeError, KeyError, TypeError):
                raise PackError(
                    f'{path}:{number}: each line must be {{"text": ..., "fire": true or false}}'
                ) from None
            if not isinstance(text, str) or not isinstance(fires, bool):
                raise PackError(f'{path}:{number}: "text" must be text and "fire" true or false')
            (fire if fires else clean).append(text)
    return fire, clean


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 800
) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-regularised logistic regression by gradient descent with
    momentum; the two classes weigh the same however many examples each has."""
    sample = np.where(y == 1, 0.5 / max(1, int(y.sum())), 0.5 / max(1, int((1 - y).sum())))
    w, b = np.zeros(x.shape[1]), 0.0
    velocity_w, velocity_b = np.zeros_like(w), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = sample * (p - y)
        velocity_w = 0.9 * velocity_w - 2.0 * (x.T @ error + l2 * w)
        velocity_b = 0.9 * velocity_b - 2.0 * float(error.sum())
        w, b = w + velocity_w, b + velocity_b
    return w, b


def fit_head(fire: list[np.ndarray], clean: list[np.ndarray]) -> Head:
    """A head from the features of the posts that break a rule and of those that do not."""
    rows = [*fire, *clean]
    y = np.concatenate([np.ones(len(fire)), np.zeros(len(clean))])
    columns = {f: j for j, f in enumerate(sorted({f for row in rows for f in row.tolist()}))}
    x = _matrix(rows, columns)
    folds = np.arange(len(y)) % FOLDS
    np.random.default_rng(0).shuffle(folds)
    held_out = np.zeros(len(y))
    for k in range(FOLDS):
        w, b = fit_logistic(x[folds != k], y[folds != k])
        held_out[folds == k] = 1.0 / (1.0 + np.exp(-(x[folds == k] @ w + b)))
    clean_scores = np.sort(held_out[y == 0])
    allowed = int(CLEAN_BUDGET * len(clean_scores))
    threshold = max(0.5, float(clean_scores[len(clean_scores) - 1 - allowed]) + 1e-6)
    w, b = fit_logistic(x, y)
    return Head(
        weights={str(f): round(float(w[j]), 6) for f, j in columns.items() if abs(w[j]) > 1e-6},
        bias=b,
        threshold=round(threshold, 6),
        fire_examples=len(fire),
        clean_examples=len(clean),
        cv_recall=round(float((held_out[y == 1] >= threshold).mean()), 4),
    )


def build(pack_path: Path) -> tuple[Path, dict[str, Head]]:
    """Fit a head for every rule of the pack file that names the ``learned`` detector."""
    pack = load_pack(str(pack_path))
    learned = [rule for rule in pack.rules.values() if DETECTOR in rule.detectors]
    if not learned:
        raise PackError(f"{pack_path}: no rule names the {DETECTOR!r} detector, so there is nothing to build")
    own = {rule.code: examples(rule, pack_path.parent) for rule in pack.rules.values()}
    heads: dict[str, Head] = {}
    for rule in learned:
        fire, clean = own[rule.code]
        others = [text for code, (f, c) in own.items() if code != rule.code for text in (*f, *c)]
        clean = [*clean, *(text for text in others if text not in fire)]
        if len(fire) < MIN_EXAMPLES or len(clean) < MIN_EXAMPLES:
            raise PackError(
                f"rule {rule.code} needs at least {MIN_EXAMPLES} posts that break it and "
                f"{MIN_EXAMPLES} that do not (has {len(fire)} and {len(clean)})"
            )
        heads[rule.code] = fit_head(features(fire), features(clean))
    out = heads_path(pack_path)
    document = {
        "pack_sha256": fingerprint(pack_path, pack),
        "model_sha256": _sha256(MODEL_DIR / "model.onnx"),
        "heads": {code: asdict(head) for code, head in heads.items()},
    }
    out.write_text(json.dumps(document) + "\n", encoding="utf-8")
    return out, heads


def load_heads(pack: Pack) -> dict[str, Head]:
    """The built heads of a pack file's learned rules; PackError when they are missing or stale."""
    wanted = [code for code, rule in pack.rules.items() if DETECTOR in rule.detectors]
    if not wanted:
        return {}
    if pack.path is None:
        raise PackError(f"pack {pack.id!r}: rules defined by examples need a pack file")
    pack_path = Path(pack.path)
    path = heads_path(pack_path)
    hint = f"run `postguard pack build {pack_path}`"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(
            f"pack {pack.id!r}: rules {', '.join(wanted)} are defined by examples; {hint}"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackError(f"cannot read {path}: {exc}; {hint}") from None
    if document.get("pack_sha256") != fingerprint(pack_path, pack) or document.get("model_sha256") != _sha256(
        MODEL_DIR / "model.onnx"
    ):
        raise PackError(f"{path} was built from another version of the pack or the model; {hint}")
    missing = [code for code in wanted if code not in document["heads"]]
    if missing:
        raise PackError(f"{path} has no head for {', '.join(missing)}; {hint}")
    return {code: Head(**document["heads"][code]) for code in wanted}
