"""The trained abuse classifier: a cheap linear first stage, then fine-tuned MiniLM on what is left.

Two cores can run MiniLM over only a couple of hundred posts a second, so a linear model over
hashed WordPiece unigrams and bigrams reads every post first and clears the plainly harmless
ones (its threshold is set for near-perfect recall on held-out data). The survivors go through
the int8 ONNX transformer in length-sorted batches. Everything loads from the package with
onnxruntime and tokenizers: no torch, no network. ``training/`` rebuilds the files.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from postguard.normalize import for_model

if TYPE_CHECKING:
    from tokenizers import Encoding

    from postguard.text import Span

MODEL_DIR = Path(str(resources.files("postguard") / "models"))
_WORD = re.compile(r"[^\W\d_]{2,}")
BUCKETS = 1 << 18  # unigram ids sit below the vocabulary size, hashed bigrams above it
BATCH = 32
PASSAGE = 400  # characters: what the model reads at once, about its 128-token window

# The characteristic each output names, in the words the discrimination rule uses.
CHARACTERISTICS = {
    "race": "race or ethnicity",
    "nationality": "nationality or immigration status",
    "religion": "religion",
    "sex_gender": "sex or gender",
    "gender_identity": "gender identity",
    "sexual_orientation": "sexual orientation",
    "disability": "disability",
    "age": "age",
}


# The policy heads: a rule's probability of being broken, for the rules the abuse labels do not
# cover, and "credential" (the writer claims a title, registration or membership; SM401 decides
# against the profile). Trained on the clinicians' corpus (training/corpus.py).
POLICY_HEADS = (
    "SM101",
    "SM102",
    "SM103",
    "SM204",
    "SM301",
    "SM401",
    "SM402",
    "SM403",
    "SM501",
    "SM503",
    "credential",
)


def hashed_features(ids: Sequence[int], vocab_size: int) -> np.ndarray:
    """The distinct feature indices of one post: its WordPiece ids and hashed id bigrams."""
    uni = np.asarray(ids, dtype=np.int64)
    bi = vocab_size + (uni[:-1] * 1_000_003 + uni[1:]) % (BUCKETS - vocab_size)
    return np.unique(np.concatenate([uni, bi]))


def word_count(text: str) -> int:
    """Words of two letters or more: how much a sentence gives the model to read."""
    return len(_WORD.findall(text))


def passages(text: str, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """What the model reads: every sentence on its own (harmless company must not dilute a
    hateful sentence), and, where a post has several, whole sentences packed into passages of
    at most PASSAGE characters (so "I met some Muslims. They are all thieves." is read together).
    A blank text has none."""
    spans = [(s.start, s.end) for s in sentences if text[s.start : s.end].strip()]
    # a fragment ("as ever 663", "Bye 👋") means nothing alone: it is read only in its passage
    own = [(s, e) for s, e in spans if word_count(text[s:e]) >= 4 or len(spans) == 1]
    packed: list[tuple[int, int]] = []
    for start, end in spans:
        if packed and end - packed[-1][0] <= PASSAGE:
            packed[-1] = (packed[-1][0], end)
        else:
            packed.append((start, end))
    return own + [span for span in packed if span not in own]


@dataclass(frozen=True)
class Scores:
    """Probabilities per label (hate, bullying, harm, heated), per targeted characteristic and
    per policy head.

    ``screened`` is true when the first stage cleared the post and the transformer never ran;
    its probabilities are then all zero.
    """

    labels: dict[str, float]
    targets: dict[str, float]
    heads: dict[str, float]
    screened: bool = False

    def characteristic(self) -> str | None:
        """The most likely targeted characteristic, in the discrimination rule's words."""
        if not self.targets:
            return None
        best = max(self.targets, key=lambda t: self.targets[t])
        return CHARACTERISTICS[best] if self.targets[best] >= 0.3 else None


class Classifier:
    """Scores posts for hate (with its target), bullying, harm encouragement and heated tone."""

    def __init__(self, model_dir: Path = MODEL_DIR, threads: int | None = None) -> None:
        # onnxruntime's wheel carries Microsoft's 1DS telemetry: on import it writes a device id
        # under ~/.cache and it can send events. Nothing about a member's use may leave the
        # machine, so it is switched off before the import and again through its API.
        os.environ["ORT_DISABLE_TELEMETRY"] = "1"
        import onnxruntime as ort
        from tokenizers import Tokenizer

        ort.disable_telemetry_events()

        meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        self.labels: list[str] = meta["labels"]
        self.targets: list[str] = meta["targets"]
        self.heads: list[str] = meta.get("heads", [])
        self.thresholds: dict[str, float] = meta["thresholds"]
        # Without a fitted first stage (as while training fits it) every post reaches the transformer.
        self.prefilter_threshold: float = meta.get("prefilter", {}).get("threshold", 0.0)
        self.meta: dict[str, Any] = meta
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=meta["max_length"])
        self.tokenizer.no_padding()
        self.vocab_size = self.tokenizer.get_vocab_size()
        prefilter = model_dir / "prefilter.npy"
        weights = np.load(prefilter) if prefilter.exists() else np.zeros(BUCKETS + 1, dtype=np.float16)
        self.prefilter_bias = float(weights[0])
        self.prefilter_weights = weights[1:].astype(np.float32)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or min(4, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # idle threads sleep
        self.session = ort.InferenceSession(
            str(model_dir / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._lock = threading.Lock()

    @property
    def outputs(self) -> int:
        return len(self.labels) + len(self.targets) + len(self.heads)

    def prefilter(self, encodings: Sequence[Encoding]) -> np.ndarray:
        """The first stage's probability that each post is harmful in any way."""
        logits = np.array(
            [
                self.prefilter_bias
                + float(self.prefilter_weights[hashed_features(enc.ids[1:-1], self.vocab_size)].sum())
                for enc in encodings
            ],
            dtype=np.float32,
        )
        return 1.0 / (1.0 + np.exp(-logits))

    def probabilities(self, encodings: Sequence[Encoding]) -> np.ndarray:
        """The transformer's probabilities, shape (posts, outputs), in length-sorted batches."""
        out = np.zeros((len(encodings), self.outputs), dtype=np.float32)
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            longest = max(len(encodings[i].ids) for i in batch)
            ids = np.zeros((len(batch), longest), dtype=np.int64)
            mask = np.zeros((len(batch), longest), dtype=np.int64)
            for row, i in enumerate(batch):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            with self._lock:  # one run at a time: the session already uses every core
                (probs,) = self.session.run(["probabilities"], {"input_ids": ids, "attention_mask": mask})
            out[batch] = probs
        return out

    def score(self, texts: Sequence[str], screen: bool = True) -> list[Scores]:
        """Scores for each text, read as ``for_model`` gives it; with ``screen`` the first stage
        clears the plainly harmless."""
        encodings = self.tokenizer.encode_batch([for_model(text) for text in texts])
        if screen:
            keep = [i for i, p in enumerate(self.prefilter(encodings)) if p >= self.prefilter_threshold]
        else:
            keep = list(range(len(texts)))
        probs = self.probabilities([encodings[i] for i in keep])
        results = [self._scores(np.zeros(self.outputs), screened=True)] * len(texts)
        for row, i in enumerate(keep):
            results[i] = self._scores(probs[row], screened=False)
        return results

    def flagged(self, scores: Scores, hate_from: float | None = None) -> list[str]:
        """The labels whose probability reaches its calibrated threshold (``hate_from`` instead
        for hate, where the caller has a reason to read it more readily)."""
        thresholds = self.thresholds | ({"hate": hate_from} if hate_from is not None else {})
        return [label for label in self.labels if scores.labels[label] >= thresholds[label]]

    def _scores(self, row: np.ndarray, screened: bool) -> Scores:
        n, m = len(self.labels), len(self.labels) + len(self.targets)
        return Scores(
            labels={label: float(row[i]) for i, label in enumerate(self.labels)},
            targets={target: float(row[n + i]) for i, target in enumerate(self.targets)},
            heads={head: float(row[m + i]) for i, head in enumerate(self.heads)},
            screened=screened,
        )


_settings: dict[str, int | None] = {"threads": None}
_retired: list[Classifier] = []


def limit_threads(threads: int) -> None:
    """Cap the classifier's threads: an audit runs one worker process per core already.

    In a forked worker, a classifier inherited from the parent is set aside, never freed:
    its thread pool did not survive the fork, and tearing it down would wait on it forever.
    """
    if classifier.cache_info().currsize:
        _retired.append(classifier())
    _settings["threads"] = threads
    classifier.cache_clear()


@cache
def classifier() -> Classifier:
    """The packaged classifier, loaded once per process on first use."""
    return Classifier(threads=_settings["threads"])
