"""Reading the classifier's policy heads over a post's passages: shared by the detectors that
use them (policy_model for the rules, misrepresentation for credential claims)."""

from __future__ import annotations

from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.classifier import Scores


def flagged_heads(
    post: Analysis, heads: tuple[str, ...], thresholds: dict[str, float]
) -> Iterator[tuple[tuple[int, int], str, float]]:
    """(passage, head, probability) for every head that reaches its threshold on a passage. In a
    post of several sentences a sentence read alone does not count: its passage decides."""
    for (start, end), scores in post.abuse:
        if post.read_alone(start, end):
            continue
        for head in heads:
            if head in thresholds and scores.heads.get(head, 0.0) >= thresholds[head]:
                yield (start, end), head, scores.heads[head]


def strongest_sentence(post: Analysis, start: int, end: int, head: str) -> tuple[int, int]:
    """The sentence of a passage that the head scores highest, among the sentences the classifier
    already read alone; the whole passage where it read none."""
    alone: list[tuple[tuple[int, int], Scores]] = [
        (span, scores)
        for span, scores in post.abuse
        if start <= span[0] and span[1] <= end and (span[0], span[1]) != (start, end)
    ]
    if not alone:
        return start, end
    (s, e), _ = max(alone, key=lambda item: item[1].heads.get(head, 0.0))
    return s, e
