"""The policy heads of the trained classifier: a learned judgement for each text rule that the
abuse labels do not cover, beside the patterns.

Patterns wait for words; real breaches paraphrase ("my half-past-ten lady managed the school run
on her own again, after everything"). Each head was trained on the clinicians' corpus
(training/corpus/) and calibrated so clean posts are not flagged (training/calibrate.py). A head
reads each passage as the abuse labels do, so a one-line sentence of a longer post is judged in
its context; the finding points at the sentence of the passage the head scores highest.
"""

from __future__ import annotations

from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.classifier import POLICY_HEADS, Scores, classifier
from postguard.detectors.base import Detector, register
from postguard.model import Evidence

RULE_HEADS = tuple(head for head in POLICY_HEADS if head != "credential")
NAMES_DETAILS = ("SM101", "SM204")  # rules whose message lists the identifying details read
# What the model recognised, in the words of each rule.
MESSAGES = {
    "SM101": "reads as telling readers who is in treatment with you, or their treatment details",
    "SM102": "reads as sharing a picture of a client, patient or service user",
    "SM103": "reads as a belittling or mocking comment about clients, patients or service users",
    "SM204": "reads as publishing someone's private details or using their identity",
    "SM301": "reads as contact or a relationship with a client outside therapy",
    "SM401": "reads as overstating what your services achieve or your expertise",
    "SM402": "reads as speaking for BABCP from a personal account",
    "SM403": "reads as a derogatory or inflammatory comment about BABCP",
    "SM501": "gives away answers to account security questions",
    "SM503": "reads as urging people to open a suspicious link",
}


@register
class PolicyModelDetector(Detector):
    name = "policy_model"
    rules = RULE_HEADS

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        thresholds = classifier().thresholds
        for (start, end), head, probability in flagged_heads(post, RULE_HEADS, thresholds):
            s, e = strongest_sentence(post, start, end, head)
            details = identifying_details(post, start, end) if head in NAMES_DETAILS else []
            yield Evidence(
                rule=head,
                message=MESSAGES[head] + (f" ({', '.join(details)})" if details else ""),
                start=s,
                end=e,
                score=round(probability, 3),
                detector=self.name,
                explanation={"head": head, "probability": round(probability, 3)}
                | ({"details": details} if details else {}),
            )


def identifying_details(post: Analysis, start: int, end: int) -> list[str]:
    """What in a passage could point to a person (an age, a job, a place, a phone number...),
    so the message says what was recognised."""
    found = [*post.records, *post.contacts, *post.quasi]
    return sorted({i.label for i in found if i.start < end and start < i.end})


def flagged_heads(
    post: Analysis, heads: tuple[str, ...], thresholds: dict[str, float]
) -> Iterator[tuple[tuple[int, int], str, float]]:
    """(passage, head, probability) for every head that reaches its threshold on a passage. In a
    post of several sentences a sentence read alone does not count: its passage decides."""
    several = len(post.abuse) > 1
    for (start, end), scores in post.abuse:
        if several and any(s.start == start and s.end == end for s in post.sentences):
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
