"""The checkup on exports with planted takeovers (tests/secure/data/PLANTED.md): every planted
event is found with the advice that fixes it, a clean history raises nothing, and the member's
answers ("that was me") are respected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from postguard.engine import engine_for
from postguard.secure import advice
from postguard.secure.checkup import check_account
from postguard.secure.model import AccountEvent, SecurityData, SignIn
from postguard.secure.run import Checkup, run_checkup

DATA = Path(__file__).parent / "data"
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
TAKEOVER = dt.datetime(2026, 10, 14, 21, 0, tzinfo=dt.UTC)

PLANTED = {
    "x-planted": {
        "new_country",
        "impossible_travel",
        "email_change",
        "app",
        "privacy_change",
        "suspect_posts",
        "new_device",
    },
    "facebook-planted": {
        "new_country",
        "impossible_travel",
        "email_change",
        "password_change",
        "app",
        "suspect_posts",
    },
    "instagram-planted": {
        "new_country",
        "impossible_travel",
        "email_change",
        "password_change",
        "privacy_change",
        "suspect_posts",
    },
    "linkedin-planted": {"new_country", "impossible_travel", "email_change", "suspect_posts"},
}


@pytest.fixture(scope="module")
def check_many() -> object:
    return engine_for("babcp").check_many


def _checkup(name: str, check_many: object) -> Checkup:
    return run_checkup([DATA / name], NOW, check_posts=check_many)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_every_planted_event_is_found_with_its_fix(name: str, check_many: object) -> None:
    checkup = _checkup(name, check_many)
    (account,) = checkup.accounts
    where = advice.platform(account.data.platform)
    kinds = {s.kind for s in account.signals}
    assert PLANTED[name] <= kinds, f"missing: {PLANTED[name] - kinds}"
    by_kind = {s.kind: s for s in account.signals}
    assert where.sessions in by_kind["new_country"].fix
    assert "Brazil" in by_kind["new_country"].title or by_kind["new_country"].sign_ins[0].country != "GB"
    assert by_kind["new_country"].when is not None and abs(
        by_kind["new_country"].when - TAKEOVER
    ) < dt.timedelta(hours=1)
    assert where.sessions in by_kind["impossible_travel"].fix
    assert "hacked" in by_kind["email_change"].fix
    if "app" in by_kind:
        assert where.apps in by_kind["app"].fix
    if "privacy_change" in by_kind:
        assert where.privacy in by_kind["privacy_change"].fix
        assert by_kind["privacy_change"].clause == advice.CLAUSE_PRIVACY
    burst = by_kind["suspect_posts"]
    assert burst.severity == "high"
    posts = checkup.suspect_posts[account.data.export]
    assert len(posts) >= 3 and all(TAKEOVER <= p.when <= TAKEOVER + dt.timedelta(hours=2) for p in posts)
    assert account.suspect_windows and account.score < 50
    assert account.data.skipped, "the planted broken records are reported, not dropped"


@pytest.mark.parametrize("name", ["x-clean", "facebook-clean", "instagram-clean", "linkedin-clean"])
def test_a_clean_history_raises_nothing(name: str, check_many: object) -> None:
    checkup = _checkup(name, check_many)
    (account,) = checkup.accounts
    assert account.signals == []
    assert account.data.sign_ins and not account.data.skipped
    assert not account.dormant and account.suspect_windows == []
    assert checkup.suspect_posts[account.data.export] == []


def test_a_dormant_account_is_told_to_secure_or_delete(check_many: object) -> None:
    (account,) = _checkup("linkedin-dormant", check_many).accounts
    assert account.dormant
    (signal,) = [s for s in account.signals if s.kind == "dormant"]
    assert "Secure it" in signal.fix and "delete it" in signal.fix
    assert signal.clause == advice.CLAUSE_UNUSED
    assert account.todo[0].title.startswith("Secure or delete")


def test_the_x_write_and_dm_app_is_named_and_the_read_only_one_is_not(check_many: object) -> None:
    (account,) = _checkup("x-planted", check_many).accounts
    apps = [s for s in account.signals if s.kind == "app"]
    assert [s.detail for s in apps if "Growth Booster Pro" in s.detail]
    assert not [s for s in apps if "Quiet Reader" in s.detail]


def _sign_in(day: int, country: str, hour: int = 9, device: str = "iPhone") -> SignIn:
    when = dt.datetime(2026, 1, 1, hour, tzinfo=dt.UTC) + dt.timedelta(days=day)
    return SignIn(platform="x", when=when, source="data/ip-audit.js", country=country, device=device)


def _history(*extra: SignIn) -> SecurityData:
    data = SecurityData(platform="x", export="x.zip")
    data.sign_ins = [_sign_in(day, "GB") for day in range(0, 300, 10)] + list(extra)
    data.last_post = NOW - dt.timedelta(days=3)
    return data


def test_a_trip_abroad_is_asked_about_and_an_answer_of_yes_clears_it() -> None:
    data = _history(_sign_in(305, "ES", hour=12))
    (signal,) = [s for s in check_account(data, NOW).signals if s.kind == "new_country"]
    assert "Spain" in signal.title and signal.question
    assert not check_account(data, NOW, {signal.key: True}).signals
    confirmed = check_account(data, NOW, {signal.key: False})
    assert confirmed.signals[0].severity == "high" and "not you" in confirmed.signals[0].title


def test_a_country_seen_early_in_the_history_is_not_new() -> None:
    data = _history()
    data.sign_ins[1] = _sign_in(10, "ES")
    data.sign_ins.append(_sign_in(305, "ES"))
    assert [s for s in check_account(data, NOW).signals if s.kind == "new_country"] == []


def test_old_changes_are_kept_but_not_asked_about() -> None:
    data = _history()
    old = NOW - dt.timedelta(days=800)
    data.events = [AccountEvent("x", "email_change", old, "data/email-address-change.js", "email changed")]
    assert check_account(data, NOW).signals == []


def test_two_step_verification_evidence_and_answers_change_the_score() -> None:
    data = _history()
    unknown = check_account(data, NOW)
    assert unknown.mfa is None and unknown.todo[0].done is None
    unknown.answer_mfa(False)
    assert unknown.todo[0].done is False
    data.events = [AccountEvent("x", "mfa", None, "data/ni-devices.js", "SMS two-step verification")]
    assert check_account(data, NOW).score > unknown.score


def test_two_step_verification_turned_off_later_counts_as_off() -> None:
    data = _history()
    on = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    data.events = [
        AccountEvent("facebook", "mfa", on, "record_details.json", "turned on", {"on": True}),
        AccountEvent(
            "facebook", "mfa", on + dt.timedelta(days=400), "record_details.json", "turned off", {"on": False}
        ),
    ]
    assert check_account(data, NOW).mfa is False


def test_recovery_contacts_are_a_todo_and_a_no_is_a_takeover() -> None:
    data = _history()
    data.events = [
        AccountEvent(
            "x", "recovery_contact", None, "data/account.js", "email address on the account: s***@x.example"
        )
    ]
    check = check_account(data, NOW)
    (todo,) = [t for t in check.todo if "recovery email" in t.title]
    assert "s***@x.example" in todo.how and todo.done is None
    check.answer_contacts(False)
    assert check.signals[0].kind == "recovery_contact" and check.signals[0].severity == "high"
