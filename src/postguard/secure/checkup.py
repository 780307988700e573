"""The checkup itself: from what an export records, the sign-ins and changes the member should
look at ("was this you?"), a to-do list with the exact setting for each fix, and a score.

Decisions are deliberately simple and explainable (a clinician must be able to follow them):

* a **new country** is one that first appears in the last fifth of the sign-in history, never
  seen before it (mobile carriers and VPNs move between countries: it is a question, not a verdict);
* **impossible travel** is two sign-ins more than 50 km apart faster than 1,000 km/h (research §6);
* a **new device** is a device or browser that first appears in the last fifth of the history;
* every change of email, phone, handle or password is asked about, and an app that can post or
  send messages as the member is named;
* an account with no post and no sign-in for a year is **dormant**: "secure it or delete it".
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from postguard.secure import advice, geo
from postguard.secure.model import AccountEvent, SecurityData, SignIn

Severity = Literal["high", "warning", "info"]
RECENT_SHARE = 0.2  # the last fifth of the history is compared with the four fifths before it
DORMANT = dt.timedelta(days=365)
CHANGES_ASKED = dt.timedelta(days=365)  # older changes stay in the record, without a question
SUSPECT_WINDOW = dt.timedelta(hours=48)
PENALTY = {"high": 25, "warning": 10, "info": 0}
MFA_PENALTY = {False: 30, None: 15, True: 0}

#: Answers to "was this you?" questions: signal key -> True (it was me) / False (it was not).
Answers = dict[str, bool]
Ask = Callable[[str], bool | None]


@dataclass(frozen=True)
class Signal:
    """Something in the export the member should look at."""

    key: str  # stable across runs, so an answer can be remembered for this signal
    platform: str
    kind: str
    severity: Severity
    when: dt.datetime | None
    title: str
    detail: str
    question: str | None
    fix: str
    source: str
    clause: str | None = None
    sign_ins: tuple[SignIn, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "platform": self.platform,
            "kind": self.kind,
            "severity": self.severity,
            "when": self.when.isoformat() if self.when else None,
            "title": self.title,
            "detail": self.detail,
            "question": self.question,
            "fix": self.fix,
            "source": self.source,
            "clause": self.clause,
            "sign_ins": [s.to_dict() for s in self.sign_ins],
        }


@dataclass(frozen=True)
class Todo:
    """One thing to do, with where to do it and the policy clause it serves."""

    title: str
    how: str
    clause: str
    done: bool | None = None  # None: the export cannot say, and nobody was asked

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "how": self.how, "clause": self.clause, "done": self.done}


@dataclass
class AccountCheck:
    """The checkup of one account (one export)."""

    data: SecurityData
    signals: list[Signal] = field(default_factory=list)
    todo: list[Todo] = field(default_factory=list)
    mfa: bool | None = None
    last_activity: dt.datetime | None = None
    dormant: bool = False
    suspect_windows: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    contacts_confirmed: bool | None = None

    @property
    def score(self) -> int:
        """100 less a fixed penalty per open signal, for unknown or missing 2-step
        verification, and for a dormant account; never below 0."""
        lost = sum(PENALTY[s.severity] for s in self.signals) + MFA_PENALTY[self.mfa] + 20 * self.dormant
        return max(0, 100 - lost)

    @property
    def contacts(self) -> list[str]:
        """The recovery email addresses and phone numbers on file (masked), once each."""
        return list(dict.fromkeys(e.detail for e in self.data.events if e.kind == "recovery_contact"))

    def answer_contacts(self, still_mine: bool) -> None:
        """The member's answer to "are these still yours?"; a no is a takeover's first sign."""
        self.contacts_confirmed = still_mine
        if not still_mine:
            where = advice.platform(self.data.platform)
            self.signals.insert(
                0,
                Signal(
                    key=_key(self.data.platform, "recovery_contact"),
                    platform=self.data.platform,
                    kind="recovery_contact",
                    severity="high",
                    when=None,
                    title="The recovery email or phone is not yours any more",
                    detail="; ".join(self.contacts),
                    question=None,
                    fix=f"Whoever holds them can reset your password: follow the hacked-account steps now "
                    f"(postguard secure hacked); {where.hacked}.",
                    source=self.data.export,
                    clause=advice.CLAUSE_HACKED,
                ),
            )
        self.todo = _todo(self.data.platform, self)

    def answer_mfa(self, on: bool) -> None:
        """The member's answer where the export cannot say whether 2-step verification is on."""
        self.mfa = on
        self.todo = _todo(self.data.platform, self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "platform": self.data.platform,
            "export": self.data.export,
            "score": self.score,
            "two_step_verification": self.mfa,
            "last_activity": self.last_activity.isoformat() if self.last_activity else None,
            "dormant": self.dormant,
            "signals": [s.to_dict() for s in self.signals],
            "todo": [t.to_dict() for t in self.todo],
            "suspect_windows": [[a.isoformat(), b.isoformat()] for a, b in self.suspect_windows],
            "files": self.data.files,
        }


def check_account(data: SecurityData, now: dt.datetime, answers: Answers | None = None) -> AccountCheck:
    """Every signal in one export, less those the member has confirmed were them."""
    answers = answers or {}
    located = [_located(s) for s in data.sign_ins]
    check = AccountCheck(data=data)
    where = [*_new_countries(data.platform, located), *_impossible_travel(data.platform, located)]
    windows = _windows([s for s in where if answers.get(s.key) is not True])
    recent = [e for e in data.events if e.when is None or now - e.when <= CHANGES_ASKED]
    found = [*where, *_new_devices(data.platform, located), *_changes(data.platform, recent, windows)]
    check.signals = [
        _confirmed(s)
        if answers.get(s.key) is False
        else s  # "it was not me": a takeover, whatever it looked like
        for s in found
        if answers.get(s.key) is not True
    ]
    check.mfa = _mfa(data.events)
    check.last_activity = max((t for t in (data.last_post, data.last_sign_in) if t is not None), default=None)
    check.dormant = check.last_activity is not None and now - check.last_activity > DORMANT
    if check.dormant and check.last_activity is not None:
        check.signals.append(_dormant(data, check.last_activity))
    check.suspect_windows = windows
    check.todo = _todo(data.platform, check)
    check.signals.sort(key=lambda s: (-PENALTY[s.severity], s.when or now))
    return check


def _located(sign_in: SignIn) -> SignIn:
    """The sign-in with its country from the bundled table when the export gave only an IP."""
    if sign_in.country or not sign_in.ip:
        return sign_in
    country = geo.country_of(sign_in.ip)
    if country is None:
        return sign_in
    from dataclasses import replace

    return replace(sign_in, country=country)


def _timed(sign_ins: Sequence[SignIn]) -> list[SignIn]:
    return sorted((s for s in sign_ins if s.when is not None), key=lambda s: s.when or dt.datetime.min)


def _split(sign_ins: Sequence[SignIn]) -> tuple[list[SignIn], list[SignIn]]:
    """The history before the last fifth, and the last fifth (at least one sign-in each)."""
    timed = _timed(sign_ins)
    if len(timed) < 2:
        return timed, []
    cut = min(len(timed) - 1, max(1, round(len(timed) * (1 - RECENT_SHARE))))
    return timed[:cut], timed[cut:]


def _first_seen(
    recent: Sequence[SignIn], name: Callable[[SignIn], str | None], known: Collection[str | None]
) -> dict[str, SignIn]:
    """Each name (a country, a device) in the recent sign-ins that the history before never had,
    with the sign-in it first appeared in."""
    found: dict[str, SignIn] = {}
    for s in recent:
        value = name(s)
        if value and value not in known and value not in found:
            found[value] = s
    return found


def _key(*parts: object) -> str:
    return "|".join(str(p) for p in parts)


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%d %b %Y %H:%M UTC") if value else "at an unknown time"


def _new_countries(platform: str, sign_ins: Sequence[SignIn]) -> list[Signal]:
    before, recent = _split(sign_ins)
    known = {s.country for s in before if s.country}
    if not known:
        return []
    first_seen = _first_seen(recent, lambda s: s.country, known)
    where = advice.platform(platform)
    return [
        Signal(
            key=_key(platform, "new_country", country),
            platform=platform,
            kind="new_country",
            severity="high",
            when=s.when,
            title=f"A sign-in from a new country: {geo.country_name(country)}",
            detail=f"{_when(s.when)}{_from(s)}; before this, sign-ins came only from "
            f"{', '.join(sorted(geo.country_name(c) for c in known))}.",
            question="Were you in this country then, or using a VPN?",
            fix=f"If not: change the password now, then sign out of every other session ({where.sessions}).",
            source=s.source,
            clause=advice.CLAUSE_CHANGE_REGULARLY,
            sign_ins=(s,),
        )
        for country, s in first_seen.items()
    ]


def _from(s: SignIn) -> str:
    bits = [b for b in (s.city, geo.country_name(s.country) if s.country else None) if b]
    place = f" from {', '.join(bits)}" if bits else ""
    ip = f" (IP {s.ip})" if s.ip else ""
    device = f" on {s.device}" if s.device else ""
    return f"{place}{ip}{device}"


def _impossible_travel(platform: str, sign_ins: Sequence[SignIn]) -> list[Signal]:
    timed = [s for s in _timed(sign_ins) if s.country]
    found = []
    for a, b in itertools.pairwise(timed):
        speed = geo.speed_kmh(a, b)
        if speed is None or a.when is None or b.when is None:
            continue
        if speed > geo.MAX_SPEED_KMH:
            minutes = max(1, round((b.when - a.when).total_seconds() / 60))
            found.append(
                Signal(
                    key=_key(platform, "impossible_travel", a.when.isoformat(), b.when.isoformat()),
                    platform=platform,
                    kind="impossible_travel",
                    severity="high",
                    when=b.when,
                    title="Two sign-ins too far apart to be one person",
                    detail=f"{_when(a.when)}{_from(a)}, then {minutes} minutes later{_from(b)}: "
                    f"about {geo.distance_km(a, b) or 0:,.0f} km apart.",
                    question="Was one of these a VPN or a work network you use?",
                    fix="If not: someone else has your password. Change it now and sign out of every other "
                    f"session ({advice.platform(platform).sessions}).",
                    source=b.source,
                    clause=advice.CLAUSE_CHANGE_REGULARLY,
                    sign_ins=(a, b),
                )
            )
    return found


_BROWSER = re.compile(r"(Edg|OPR|Firefox|Chrome|Safari|Instagram|FBAN|LinkedInApp)[/ ]?", re.IGNORECASE)
_SYSTEM = re.compile(r"(Windows|Android|iPhone|iPad|Mac OS X|Macintosh|Linux|CrOS)", re.IGNORECASE)


def device_name(s: SignIn) -> str | None:
    """ "Chrome on Windows" from a user agent, else the device the export names."""
    if s.user_agent:
        browser = _BROWSER.search(s.user_agent)
        system = _SYSTEM.search(s.user_agent)
        if browser or system:
            b = (
                {"edg": "Edge", "opr": "Opera", "fban": "Facebook app", "linkedinapp": "LinkedIn app"}.get(
                    browser.group(1).lower(), browser.group(1)
                )
                if browser
                else "a browser"
            )
            return f"{b} on {system.group(1).replace('Mac OS X', 'Mac')}" if system else b
    return s.device


def _new_devices(platform: str, sign_ins: Sequence[SignIn]) -> list[Signal]:
    before, recent = _split(sign_ins)
    known = {device_name(s) for s in before} - {None}
    if not known:
        return []
    first_seen = _first_seen(recent, device_name, known)
    return [
        Signal(
            key=_key(platform, "new_device", name),
            platform=platform,
            kind="new_device",
            severity="warning",
            when=s.when,
            title=f"A new device or browser: {name}",
            detail=f"First used {_when(s.when)}{_from(s) if s.ip or s.country else ''}.",
            question="Is this a phone, computer or browser of yours?",
            fix=f"If not: sign it out ({advice.platform(platform).sessions}) and change the password.",
            source=s.source,
            sign_ins=(s,),
        )
        for name, s in first_seen.items()
    ]


_CHANGE_TITLES = {
    "email_change": "The account's email address was changed",
    "phone_change": "The account's phone number was changed",
    "handle_change": "The account's username was changed",
    "password_change": "The password was changed",
    "privacy_change": "A privacy setting was changed",
}
_WRITE = re.compile(r"\b(write|post|publish|direct|message|dm)\w*", re.IGNORECASE)


def _in(when: dt.datetime | None, windows: Sequence[tuple[dt.datetime, dt.datetime]]) -> bool:
    return when is not None and any(start <= when <= end for start, end in windows)


def _changes(
    platform: str, events: Sequence[AccountEvent], windows: Sequence[tuple[dt.datetime, dt.datetime]]
) -> list[Signal]:
    """Changes to ask about, and apps that can act as the member (or arrived during a suspect window)."""
    where = advice.platform(platform)
    found = []
    for e in events:
        if e.kind in _CHANGE_TITLES:
            privacy = e.kind == "privacy_change"
            found.append(
                Signal(
                    key=_key(platform, e.kind, e.when.isoformat() if e.when else e.detail),
                    platform=platform,
                    kind=e.kind,
                    severity="warning",
                    when=e.when,
                    title=_CHANGE_TITLES[e.kind],
                    detail=f"{_when(e.when)}: {e.detail}",
                    question="Did you make this change?",
                    fix=(
                        f"Check the setting is what you want ({where.privacy})."
                        if privacy
                        else f"If not: follow the hacked-account steps (postguard secure hacked); {where.hacked}."
                    ),
                    source=e.source,
                    clause=advice.CLAUSE_PRIVACY if privacy else advice.CLAUSE_HACKED,
                )
            )
        elif e.kind == "app" and (
            _WRITE.search(" ".join(map(str, e.data.get("permissions", [])))) or _in(e.when, windows)
        ):
            found.append(
                Signal(
                    key=_key(platform, "app", e.detail),
                    platform=platform,
                    kind="app",
                    severity="warning",
                    when=e.when,
                    title=(
                        "An app was connected while someone else may have been in the account"
                        if _in(e.when, windows)
                        else "An app can post or send messages as you"
                    ),
                    detail=e.detail,
                    question="Do you still use this app?",
                    fix=f"If not, remove it ({where.apps}).",
                    source=e.source,
                    clause=advice.CLAUSE_SUSPICIOUS,
                )
            )
    return found


def _confirmed(signal: Signal) -> Signal:
    from dataclasses import replace

    return replace(
        signal,
        severity="high",
        question=None,
        title=f"{signal.title} (you said it was not you)",
        fix=f"Follow the hacked-account steps now: postguard secure hacked. {signal.fix}",
    )


def _mfa(events: Sequence[AccountEvent]) -> bool | None:
    """Whether the export shows 2-step verification on (its latest word on it); None when it
    cannot say. An event without a time counts as evidence that it was set up."""
    found = sorted(
        (e for e in events if e.kind == "mfa"), key=lambda e: e.when or dt.datetime.min.replace(tzinfo=dt.UTC)
    )
    return bool(found[-1].data.get("on", True)) if found else None


def _dormant(data: SecurityData, last: dt.datetime) -> Signal:
    return Signal(
        key=_key(data.platform, "dormant"),
        platform=data.platform,
        kind="dormant",
        severity="warning",
        when=last,
        title="This account looks unused",
        detail=f"The last post or sign-in in this export was {_when(last)}.",
        question=None,
        fix="Secure it (a new password and 2-step verification) or delete it: unused accounts are "
        "hijacked without anyone noticing.",
        source=data.export,
        clause=advice.CLAUSE_UNUSED,
    )


def _windows(signals: Sequence[Signal]) -> list[tuple[dt.datetime, dt.datetime]]:
    """When someone else may have been in the account: from each suspicious sign-in, 48 hours."""
    starts = sorted(s.when for s in signals if s.when is not None)
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for start in starts:
        end = start + SUSPECT_WINDOW
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _todo(platform: str, check: AccountCheck) -> list[Todo]:
    where = advice.platform(platform)
    todo = [
        Todo(
            "Turn on 2-step verification (an authenticator app rather than text messages)",
            where.two_step,
            advice.CLAUSE_MFA,
            check.mfa,
        ),
        Todo(
            "Use a strong password used nowhere else, kept in a password manager",
            where.password,
            advice.CLAUSE_PASSWORDS,
        ),
        Todo(
            "Make sure the recovery email and phone are still yours, and give the email its own strong "
            "password and 2-step verification",
            "; ".join(check.contacts) or "the account's email and phone settings",
            advice.CLAUSE_CHANGE_REGULARLY,
            check.contacts_confirmed,
        ),
        Todo("Sign out of sessions and devices you do not recognise", where.sessions, advice.CLAUSE_HACKED),
        Todo("Remove connected apps you no longer use", where.apps, advice.CLAUSE_SUSPICIOUS),
        Todo("Check your privacy settings again after each app update", where.privacy, advice.CLAUSE_PRIVACY),
    ]
    if check.dormant:
        todo.insert(0, Todo("Secure or delete this unused account", where.password, advice.CLAUSE_UNUSED))
    return todo
