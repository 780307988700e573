"""``postguard secure hacked``: what to do, in order, when an account has been taken over.

The platform's own route first (locked out or still signed in), then NCSC's recovery steps
(email forwarding rules before anything else, sign out everywhere, 2-step verification, tell
contacts, report); then, from the exports, the posts made while someone else was in, checked
against the policy, as a removal list; an incident in the evidence log carrying the export
files' hashes; and a draft notice to BABCP for the member to edit (the policy: "We expect our
members to let us know if such posts might lead to a professional complaint being made")."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postguard.secure import advice
from postguard.secure.posts import SuspectPost
from postguard.secure.run import Checkup


@dataclass
class Response:
    """The hacked-account response for one platform."""

    platform: str
    can_log_in: bool | None
    steps: list[str] = field(default_factory=list)
    removal: list[SuspectPost] = field(default_factory=list)
    review: list[SuspectPost] = field(default_factory=list)
    signals: list[dict[str, Any]] = field(default_factory=list)
    notice: str = ""
    evidence_entry: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "can_log_in": self.can_log_in,
            "steps": self.steps,
            "remove": [p.to_dict() for p in self.removal],
            "review": [p.to_dict() for p in self.review],
            "signals": self.signals,
            "notice": self.notice,
            "evidence_entry": self.evidence_entry,
            "policy": advice.CLAUSE_HACKED,
        }


def steps(platform: str, can_log_in: bool | None) -> list[str]:
    """The platform's route, then NCSC's steps in NCSC's order."""
    where = advice.platform(platform)
    if can_log_in is False:
        first = [f"Get back in through {where.name}'s recovery route: {where.hacked}."]
    else:
        first = [f"On {where.name}: {step}" for step in where.hacked_steps] or [
            f"Change the password on {where.name} now."
        ]
    ncsc = list(advice.NCSC_RECOVERY[1:])  # the first NCSC step is the platform's route, above
    ncsc[2] = f"{ncsc[2]} ({where.sessions})"
    ncsc[3] = f"{ncsc[3]} ({where.two_step})"
    return [*first, *ncsc]


def respond(platform: str, can_log_in: bool | None, checkup: Checkup | None) -> Response:
    """The response: steps, and from the checkup (when exports were given) the posts to remove."""
    response = Response(platform=platform, can_log_in=can_log_in, steps=steps(platform, can_log_in))
    if checkup is not None:
        for account in checkup.accounts:
            if account.data.platform != platform and len(checkup.accounts) > 1:
                continue
            response.signals += [
                s.to_dict() for s in account.signals if s.kind not in {"dormant"} and s.severity != "info"
            ]
            posts = checkup.suspect_posts.get(account.data.export, [])
            response.removal += [p for p in posts if p.verdict != "pass"]
            response.review += [p for p in posts if p.verdict == "pass"]
    response.notice = notice(platform, response)
    return response


def notice(platform: str, response: Response) -> str:
    """A draft for the member to edit and send to BABCP; postguard never sends anything."""
    name = advice.platform(platform).name
    posts = len(response.removal) + len(response.review)
    found = (
        f"Between the dates below, {posts} post(s) were made from my account that I did not write; "
        f"{len(response.removal)} of them may breach the BABCP social media policy. I have kept screenshots "
        "and removed them."
        if posts
        else "I have checked my account for posts I did not make and [found none / removed them]."
    )
    return (
        "To: BABCP\n"
        f"Subject: My {name} account was hacked\n\n"
        "Dear BABCP,\n\n"
        f"I am writing to let you know that my {name} account ([your handle]) was accessed by someone "
        f"else on or around [date]. {found}\n\n"
        "I have regained control of the account, changed the password, signed out all other sessions and "
        "turned on 2-step verification. I am letting you know in line with the social media policy, in "
        "case any of these posts leads to a complaint.\n\n"
        "Yours sincerely,\n[your name]\n[your membership number]\n"
    )


def record(response: Response, checkup: Checkup | None, when: dt.datetime) -> int:
    """Add the incident to the evidence log, with the export files' hashes in an attached record."""
    from postguard.evidence.record import record_incident
    from postguard.evidence.store import EvidenceStore

    summary = {
        "what": "account takeover",
        "platform": response.platform,
        "signals": response.signals,
        "posts_to_remove": [p.to_dict() for p in response.removal],
        "export_files": {
            a.data.export: a.data.files for a in (checkup.accounts if checkup is not None else [])
        },
    }
    lines = [f"Account takeover on {advice.platform(response.platform).name}."]
    lines += [f"- {s['title']}: {s['detail']}" for s in response.signals[:10]]
    lines += [
        f"- post to remove ({p.when:%d %b %Y %H:%M} UTC): {p.text[:200]}" for p in response.removal[:10]
    ]
    with tempfile.TemporaryDirectory(prefix="postguard-hacked-") as folder:
        attached = Path(folder) / "takeover-record.json"
        attached.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        entry = record_incident(
            EvidenceStore(),
            platform=advice.platform(response.platform).name,
            url="(account takeover)",
            author="unknown (whoever took over the account)",
            text="\n".join(lines),
            files=[attached],
            occurred_at=when,
            note="Recorded by postguard secure hacked; takeover-record.json holds the signals and the "
            "SHA-256 of each export file read.",
            kind="impersonation",
            use_engine=False,
        )
    return entry.seq
