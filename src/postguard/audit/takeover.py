"""Account-takeover signals: posts unlike the account's own history, grouped in time.

The policy notes members often do not know their account was hacked and used to post
offensive content. An incident is a run of posts close in time that are harmful and unusual
for this account: a client app it never used, hours it never posts at, a language it does not
write in, or a burst of abusive posts from an account that almost never posts any.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from postguard.audit.model import PostSample, TakeoverIncident
from postguard.sources.common import post_time

HARMFUL_RULES = frozenset({"SM201", "SM202", "SM203", "SM403", "SM503", "SM601"})
# What hijacked accounts post besides abuse: scams and fake security warnings.
SPAM = re.compile(
    r"\b(?:crypto|bitcoin|giveaway|free (?:iphone|gift|money)|claim (?:now|your)|investment opportunit\w+|"
    r"double your money|verify your account|account (?:will be|has been) (?:suspended|locked|disabled)|"
    r"click (?:here|the link)|dm me (?:to|for) (?:earn|invest|profit)|earn £?\$?\d+)",
    re.IGNORECASE,
)
WINDOW = dt.timedelta(hours=48)
STEPS = [
    "Regain control: change the password from a device you trust, turn on multi-factor "
    "authentication, sign out of every other session and remove connected apps you don't know.",
    "Remove the material: keep screenshots for your records, then delete the posts listed here.",
    "Check your privacy settings and linked email and phone: hackers often change them.",
    "Tell BABCP if these posts might lead to a professional complaint; the policy expects members "
    "to let BABCP know.",
]


@dataclass(frozen=True)
class PostSignal:
    """What takeover detection needs to remember about each post (small, so 50,000 fit)."""

    id: str
    when: dt.datetime | None
    client_app: str | None
    language: str | None
    harmful_rules: frozenset[str]
    text: str = ""  # kept only for harmful posts, so memory stays small
    url: str | None = None


def signal(
    post_id: str,
    created_at: str | None,
    client_app: str | None,
    language: str | None,
    rules: set[str],
    text: str,
    url: str | None = None,
) -> PostSignal:
    harmful = set(rules & HARMFUL_RULES)
    if SPAM.search(text):
        harmful.add("scam")
    kept = text if harmful else ""
    return PostSignal(
        post_id,
        post_time(created_at),
        client_app,
        language,
        frozenset(harmful),
        kept,
        url if harmful else None,
    )


class Baseline:
    """The account's habits: which apps, hours and languages it normally posts with."""

    def __init__(self, signals: list[PostSignal]) -> None:
        self.total = max(1, len(signals))
        self.apps = Counter(s.client_app for s in signals if s.client_app)
        self.hours = Counter(s.when.hour for s in signals if s.when)
        self.languages = Counter(s.language for s in signals if s.language)
        self.harmful_share = sum(bool(s.harmful_rules) for s in signals) / self.total
        self.main_language = self.languages.most_common(1)[0][0] if self.languages else None

    def unusual(self, s: PostSignal) -> list[str]:
        reasons = []
        apps_total = sum(self.apps.values()) or 1
        if s.client_app and self.apps[s.client_app] / apps_total < 0.02:
            reasons.append(
                f"posted with '{s.client_app}', an app used for only {self.apps[s.client_app]} posts"
            )
        hours_total = sum(self.hours.values()) or 1
        if s.when and self.hours[s.when.hour] / hours_total < 0.01:
            reasons.append(
                f"posted at {s.when.hour:02d}:00-{s.when.hour:02d}:59 UTC, an hour this account almost never posts at"
            )
        foreign = s.language and self.main_language and s.language != self.main_language
        if foreign and s.language and self.languages[s.language] / self.total < 0.02:
            reasons.append(f"written in '{s.language}' while the account writes in '{self.main_language}'")
        return reasons


def incidents(signals: list[PostSignal]) -> list[TakeoverIncident]:
    """Suspected takeovers: runs of harmful posts, close in time, that break the account's habits."""
    baseline = Baseline(signals)
    suspects = []
    for s in signals:
        if s.when is None or not s.harmful_rules:
            continue
        suspects.append((s, baseline.unusual(s)))
    suspects.sort(key=lambda pair: pair[0].when or dt.datetime.min.replace(tzinfo=dt.UTC))
    groups: list[list[tuple[PostSignal, list[str]]]] = []
    for pair in suspects:
        when = pair[0].when
        assert when is not None
        last_when = groups[-1][-1][0].when if groups else None
        if groups and last_when is not None and when - last_when <= WINDOW:
            groups[-1].append(pair)
        else:
            groups.append([pair])
    found = []
    for group in groups:
        unusual = [p for p in group if p[1]]
        first_when, last_when = group[0][0].when, group[-1][0].when
        assert first_when is not None and last_when is not None
        quick = last_when - first_when <= dt.timedelta(hours=12)
        # a burst: many harmful posts in hours, from an account that hardly ever posts any
        burst = quick and len(group) >= 5 and baseline.harmful_share < 0.05
        if not ((len(unusual) >= 2 and quick) or len(unusual) >= 3 or burst):
            continue
        reasons: Counter[str] = Counter()
        for _, why in group:
            reasons.update(why)
        first, last = group[0][0].when, group[-1][0].when
        assert first is not None and last is not None
        hours = max(1, round((last - first).total_seconds() / 3600))
        rules = sorted({r for s, _ in group for r in s.harmful_rules})
        summary = [
            f"{len(group)} abusive, scam or discriminatory posts ({', '.join(rules)}) within {hours} hours"
        ]
        summary += [
            f"{reason} ({count} of them)" if count > 1 else reason for reason, count in reasons.most_common(4)
        ]
        found.append(
            TakeoverIncident(
                start=first.isoformat().replace("+00:00", "Z"),
                end=last.isoformat().replace("+00:00", "Z"),
                post_ids=[s.id for s, _ in group],
                reasons=summary,
                steps=list(STEPS),
                score=min(1.0, 0.4 + 0.1 * len(unusual) + (0.2 if burst else 0.0)),
                posts=[
                    PostSample(
                        s.id,
                        s.when.isoformat().replace("+00:00", "Z") if s.when else None,
                        s.url,
                        s.text,
                        None,
                        "post",
                        "block",
                    )
                    for s, _ in group
                ],
            )
        )
    return found
