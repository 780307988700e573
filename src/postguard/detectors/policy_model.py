"""The policy heads of the trained classifier: a learned judgement for each text rule that the
abuse labels do not cover, beside the patterns.

Patterns wait for words; real breaches paraphrase ("my half-past-ten lady managed the school run
on her own again, after everything"). Each head was trained on the clinicians' corpus
(training/corpus/) and calibrated so clean posts are not flagged (training/calibrate.py). A head
reads each passage as the abuse labels do, so a one-line sentence of a longer post is judged in
its context; the heads about clients count from a lower, separately calibrated threshold where
the post is set in clinical work (a session, a ward, a referral). The finding points at the
sentence of the passage the head scores highest. A model without heads (the one shipped until
the heads meet their bars, see the model card) makes this detector silent.
"""

from __future__ import annotations

from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.classifier import POLICY_HEADS, classifier
from postguard.detectors.base import Detector, register
from postguard.detectors.heads import flagged_heads, strongest_sentence
from postguard.detectors.misrepresentation import hedged
from postguard.model import Evidence
from postguard.therapy import clinical_context

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
        model = classifier()
        thresholds = model.thresholds
        lowered = model.meta.get("context_thresholds", {})
        if (
            lowered
            and any(
                lowered.get(head, 1.0) <= scores.heads.get(head, 0.0)
                for _, scores in post.abuse
                for head in lowered
            )
            and clinical_context(post.text)
        ):
            thresholds = thresholds | lowered  # a post set in clinical work is read more readily
        for (start, end), head, probability in flagged_heads(post, RULE_HEADS, thresholds):
            if head == "SM402" and post.profile and post.profile.speaks_for("BABCP"):
                continue  # an authorised spokesperson may speak for BABCP
            s, e = strongest_sentence(post, start, end, head)
            if head == "SM401" and hedged(post.text[s:e]):
                continue  # a warning about guarantees is not one
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
