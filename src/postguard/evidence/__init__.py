"""The tamper-evident evidence log: online abuse a member receives, kept as proof.

The policy's Online Bullying section tells members to screenshot abuse and keep a log of when it
happened for the platform, the police or a complaint; this package keeps that log so that nobody
can say it was edited afterwards; an earlier export, signed with the install's key, anchors the
log against a rewrite that recomputes every hash. The CLI lives in :mod:`postguard.evidence.cli`
(``evidence_app``); the library entry points are below.
"""

from postguard.evidence.anchor import parse_against, verify_against
from postguard.evidence.bundle import check_bundle
from postguard.evidence.export import export_bundle
from postguard.evidence.record import correct_incident, record_incident
from postguard.evidence.store import EvidenceStore, StoreError
from postguard.evidence.verify import VerifyResult, verify

__all__ = [
    "EvidenceStore",
    "StoreError",
    "VerifyResult",
    "check_bundle",
    "correct_incident",
    "export_bundle",
    "parse_against",
    "record_incident",
    "verify",
    "verify_against",
]
