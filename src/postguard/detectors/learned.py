"""Rules a pack defines by examples (postguard.policy.learned): each rule's fitted head reads
every passage, and the rule fires where the head reaches its cross-validated threshold."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence
from postguard.policy import Pack
from postguard.policy.learned import Head, features, load_heads


@register
class LearnedDetector(Detector):
    name = "learned"
    rules = ()  # the pack's rules that name this detector, once bound

    def __init__(self) -> None:
        self.heads: dict[str, Head] = {}

    def bind(self, pack: Pack) -> None:
        self.heads = load_heads(pack)

    def speaks_for(self, rule: str) -> bool:
        return rule in self.heads

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        if not self.heads or not post.passages:
            return
        spans = [(s, e) for s, e in post.passages if not post.read_alone(s, e)] or post.passages
        found = features([post.text[s:e] for s, e in spans])
        for code, head in self.heads.items():
            probabilities = np.array([head.probability(f) for f in found])
            best = int(probabilities.argmax())
            if probabilities[best] >= head.threshold:
                start, end = spans[best]
                yield Evidence(
                    rule=code,
                    message="reads like the pack's examples of this rule",
                    start=start,
                    end=end,
                    score=round(float(probabilities[best]), 3),
                    detector=self.name,
                    explanation={"head": code, "probability": round(float(probabilities[best]), 3)},
                )
