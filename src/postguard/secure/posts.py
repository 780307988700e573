"""The account's own posts, read with the audit's importers: when the member last posted, and what
was posted while someone else may have been in the account, checked against the policy.

The BABCP policy: members "are not always aware that their account had been 'hacked' and
offensive posts made", and must "remove any inappropriate material"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postguard.errors import InputError
from postguard.model import Report
from postguard.sources import open_export
from postguard.sources.common import post_time

BURST = 3  # this many posts in one suspect window is a burst worth a signal of its own


@dataclass(frozen=True)
class SuspectPost:
    """A post made while someone else may have been in the account."""

    id: str
    when: dt.datetime
    text: str
    url: str | None
    verdict: str = "pass"
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "when": self.when.isoformat(),
            "text": self.text,
            "url": self.url,
            "verdict": self.verdict,
            "rules": list(self.rules),
        }


@dataclass
class PostHistory:
    """What the export's posts say: the last one, and those in the suspect windows."""

    last_post: dt.datetime | None = None
    suspect: list[SuspectPost] = field(default_factory=list)
    note: str | None = None  # why the posts could not be read, when they could not


def read_history(path: Path, windows: Sequence[tuple[dt.datetime, dt.datetime]]) -> PostHistory:
    """The last post's time and the posts inside ``windows``; never raises for a bad export."""
    history = PostHistory()
    try:
        with open_export(path) as export:
            for post in export.posts():
                when = post_time(post.created_at)
                if when is None:
                    continue
                if history.last_post is None or when > history.last_post:
                    history.last_post = when
                if post.text.strip() and any(start <= when <= end for start, end in windows):
                    history.suspect.append(SuspectPost(post.id, when, post.text, post.url))
    except InputError as exc:
        history.note = f"the posts in {path.name} could not be read: {exc}"
    history.suspect.sort(key=lambda p: p.when)
    return history


def checked(posts: Sequence[SuspectPost], reports: Sequence[Report]) -> list[SuspectPost]:
    """The suspect posts with the policy's verdict on each."""
    from dataclasses import replace

    return [
        replace(p, verdict=r.verdict.value, rules=tuple(sorted({f.rule for f in r.findings})))
        for p, r in zip(posts, reports, strict=True)
    ]
