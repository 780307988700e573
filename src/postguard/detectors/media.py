"""SM102 (faces) and SM502 (metadata) for the images attached to a post.

The media package does the reading (``postguard.media.inspect_image``); these detectors only
pass its evidence on, so image findings go through the same pack, severities and verdict as
text findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.model import Evidence


def _image_evidence(post: Analysis, rule: str) -> Iterator[Evidence]:
    for inspection in post.images:
        for ev in inspection.evidence:
            if ev.rule == rule:
                yield ev


@register
class FacesDetector(Detector):
    name = "faces"
    rules = ("SM102",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        return _image_evidence(post, "SM102")


@register
class ImageMetadataDetector(Detector):
    name = "image_metadata"
    rules = ("SM502",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        return _image_evidence(post, "SM502")
