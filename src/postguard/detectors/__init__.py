"""Every detector module; importing this package registers them all."""

from postguard.detectors import (
    abuse_classifier,
    babcp,
    bullying,
    client_disparagement,
    client_image,
    client_relationship,
    confidentiality,
    discrimination,
    doxxing,
    harm_encouragement,
    heated_tone,
    links,
    media,
    misrepresentation,
    policy_model,
    security_questions,
)
from postguard.detectors.base import REGISTRY, Detector, register

__all__ = [
    "REGISTRY",
    "Detector",
    "abuse_classifier",
    "babcp",
    "bullying",
    "client_disparagement",
    "client_image",
    "client_relationship",
    "confidentiality",
    "discrimination",
    "doxxing",
    "harm_encouragement",
    "heated_tone",
    "links",
    "media",
    "misrepresentation",
    "policy_model",
    "register",
    "security_questions",
]
