"""One checkup over every export the member gives: read each, check it, read its posts for the
suspect windows, and put the answers together. An export that cannot be read is reported and
the others go on; a checkup that read nothing is an error, never a clean bill of health."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postguard.errors import InputError, PostguardError
from postguard.secure import advice
from postguard.secure.checkup import AccountCheck, Answers, Signal, check_account
from postguard.secure.model import Skipped
from postguard.secure.posts import BURST, SuspectPost, checked, read_history
from postguard.secure.readers import read_security


def as_of(value: str | None, option: str) -> dt.datetime:
    """The date unused accounts are judged on: ``value`` (ISO, UTC unless it says) or now.
    ``option`` names where the value came from in the error (``--as-of``, ``asOf``)."""
    if not value:
        return dt.datetime.now(dt.UTC)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date like 2026-12-01") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


NOTHING_READ = "no security information could be read from these exports, so nothing was checked"


@dataclass
class Checkup:
    """The whole checkup: one ``AccountCheck`` per export, and what could not be read."""

    now: dt.datetime
    accounts: list[AccountCheck] = field(default_factory=list)
    suspect_posts: dict[str, list[SuspectPost]] = field(default_factory=dict)  # export -> posts
    unreadable: list[Skipped] = field(default_factory=list)  # whole exports that failed
    notes: list[str] = field(default_factory=list)
    passwords: dict[str, Any] | None = None

    @property
    def score(self) -> int | None:
        """The weakest account's score: one open door is enough."""
        return min((a.score for a in self.accounts), default=None)

    @property
    def skipped(self) -> list[Skipped]:
        return [*self.unreadable, *(s for a in self.accounts for s in a.data.skipped)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "generated": self.now.isoformat(),
            "score": self.score,
            "accounts": [
                {
                    **a.to_dict(),
                    "suspect_posts": [p.to_dict() for p in self.suspect_posts.get(a.data.export, [])],
                }
                for a in self.accounts
            ],
            "sign_ins": [s.to_dict() for a in self.accounts for s in a.data.sign_ins],
            "events": [e.to_dict() for a in self.accounts for e in a.data.events],
            "skipped": [s.to_dict() for s in self.skipped],
            "notes": self.notes,
            "passwords": self.passwords,
            "recheck": advice.RECHECK,
            "password_change": {"policy": advice.CLAUSE_CHANGE_REGULARLY, "advice": advice.PASSWORD_CHANGE},
        }


Check = Callable[[list[str]], list[Any]]


def run_checkup(
    paths: Sequence[Path],
    now: dt.datetime | None = None,
    answers: Answers | None = None,
    check_posts: Check | None = None,
) -> Checkup:
    """Check every export; ``check_posts`` (the policy engine's ``check_many``) reads suspect posts."""
    now = now or dt.datetime.now(dt.UTC)
    checkup = Checkup(now=now)
    for path in paths:
        try:
            data = read_security(path)
        except PostguardError as exc:
            checkup.unreadable.append(Skipped(source=str(path), reason=str(exc)))
            continue
        first = check_account(data, now, answers)
        history = read_history(path, first.suspect_windows)
        if history.note:
            checkup.notes.append(history.note)
        if data.last_post is None:
            data.last_post = history.last_post
        account = check_account(data, now, answers)
        suspect = history.suspect
        if suspect and check_posts is not None:
            suspect = checked(suspect, check_posts([p.text for p in suspect]))
        checkup.suspect_posts[data.export] = suspect
        burst = _burst(account, suspect)
        if burst is not None:
            account.signals.insert(0, burst)
        checkup.accounts.append(account)
    if not checkup.accounts:
        reasons = "; ".join(s.reason for s in checkup.unreadable)
        raise InputError(f"{NOTHING_READ} ({reasons})" if reasons else NOTHING_READ)
    return checkup


def _burst(account: AccountCheck, posts: list[SuspectPost]) -> Signal | None:
    """Posts in a suspect window: a burst, or any the policy would not pass, are a signal."""
    flagged = [p for p in posts if p.verdict != "pass"]
    if len(posts) < BURST and not flagged:
        return None
    platform = account.data.platform
    first = posts[0]
    return Signal(
        key=f"{platform}|suspect_posts|{first.when.isoformat()}",
        platform=platform,
        kind="suspect_posts",
        severity="high",
        when=first.when,
        title=f"{len(posts)} post(s) made while someone else may have been in the account",
        detail=(
            f"Posted between {first.when:%d %b %Y %H:%M} and {posts[-1].when:%d %b %Y %H:%M} UTC, "
            f"after the sign-in above; {len(flagged)} of them break the policy."
        ),
        question="Did you write these posts?",
        fix="If not: keep screenshots for your records, then delete them (the list is in the report), "
        "and follow the hacked-account steps (postguard secure hacked).",
        source=account.data.export,
        clause=advice.CLAUSE_HACKED,
    )
