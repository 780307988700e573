"""Takeover detection on hand-made histories: what counts as unlike the owner, and what does not."""

from __future__ import annotations

import datetime as dt

from postguard.audit.takeover import PostSignal, incidents, signal


def history(n: int = 400) -> list[PostSignal]:
    """An owner who posts from the web app between 8am and 9pm, in English, never abusive."""
    start = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    return [
        signal(
            str(i),
            (start + dt.timedelta(days=i // 2, hours=8 + i % 13)).isoformat(),
            "Twitter Web App",
            "en",
            set(),
            "",
        )
        for i in range(n)
    ]


def test_quiet_account_has_no_incident() -> None:
    assert incidents(history()) == []


def test_one_heated_reply_at_an_odd_hour_is_not_a_takeover() -> None:
    posts = history()
    posts.append(signal("odd", "2023-03-01T03:10:00Z", "Twitter Web App", "en", {"SM601"}, "you muppet"))
    assert incidents(posts) == []


def test_night_burst_from_a_new_app_is_a_takeover() -> None:
    posts = history()
    for minute in range(0, 40, 8):
        posts.append(
            signal(
                f"h{minute}",
                f"2023-05-02T03:{minute:02d}:00Z",
                "Twitter for Andr0id",
                "en",
                set(),
                "Free crypto giveaway, claim now!",
            )
        )
    found = incidents(posts)
    assert len(found) == 1
    assert found[0].post_ids == [f"h{m}" for m in range(0, 40, 8)]
    assert any("Andr0id" in r for r in found[0].reasons)
    assert any("regain control" in s.lower() for s in found[0].steps)
