"""The suggested kind of abuse, its reasons, and the optional check-engine mapping."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

import postguard
from postguard.evidence.classify import classify


@pytest.mark.parametrize(
    ("text", "kind", "characteristic"),
    [
        ("I'm going to find you and hurt you", "threat", None),
        ("Watch your back.", "threat", None),
        ("I know where you live and I saw you at the school gate yesterday", "stalking", None),
        ("Her home address is 12 Acacia Road, Leeds LS6 2AB, pay her a visit", "threat", None),
        ("Her home address is 12 Acacia Road, Leeds LS6 2AB", "doxxing", None),
        ("Everyone call her on 07700 900123", "doxxing", None),
        ("I'll leak your nudes to all your clients", "image-based-abuse", None),
        ("This fake account is pretending to be you", "impersonation", None),
        ("You're a useless quack and nobody likes you", "harassment", None),
        ("lol cry more snowflake", "trolling", None),
        ("Muslims like you are vermin", "hate-incident", "religion"),
        ("Go back to your own country", "hate-incident", "nationality"),
        ("trans women like you are freaks", "hate-incident", "gender-identity"),
        ("disgusting gays should not be therapists", "hate-incident", "sexual-orientation"),
        ("you are a retard", "hate-incident", "disability"),
        ("ok boomer, time to retire", "hate-incident", "age"),
        ("Thanks for the talk yesterday", "other", None),
    ],
)
def test_rule_kinds(text: str, kind: str, characteristic: str | None) -> None:
    result = classify(text, use_engine=False)
    assert result.kind == kind, result.reasons
    assert result.characteristic == characteristic
    assert result.reasons
    assert not result.engine_used


def test_reasons_quote_the_words_and_list_other_kinds() -> None:
    result = classify("I know where you live. Watch your back.", use_engine=False)
    assert result.kind == "threat"
    assert "stalking" in result.also
    assert any('"Watch your back"' in reason for reason in result.reasons)


def test_note_informs_the_suggestion() -> None:
    result = classify("Book a session with me!", "this account is impersonating me", use_engine=False)
    assert result.kind == "impersonation"
    assert any("in note" in reason for reason in result.reasons)


@dataclass
class _Finding:
    rule: str
    slug: str
    message: str
    explanation: dict[str, str] = field(default_factory=dict)


@dataclass
class _Report:
    findings: list[_Finding]


@pytest.mark.parametrize(
    ("rule", "slug", "explanation", "kind", "characteristic"),
    [
        ("SM201", "discrimination", {"characteristic": "religion"}, "hate-incident", "religion"),
        (
            "SM201",
            "discrimination",
            {"characteristic": "gender identity"},
            "hate-incident",
            "gender-identity",
        ),
        ("SM202", "bullying", {}, "harassment", None),
        ("SM203", "harm-encouragement", {}, "threat", None),
        ("SM204", "doxxing", {}, "doxxing", None),
    ],
)
def test_engine_findings_are_mapped_by_slug_and_explanation(
    monkeypatch: pytest.MonkeyPatch,
    rule: str,
    slug: str,
    explanation: dict[str, str],
    kind: str,
    characteristic: str | None,
) -> None:
    def fake_check(text: str, *args: object, **kwargs: object) -> _Report:
        return _Report(
            [_Finding("SM601", "heated-tone", "heated"), _Finding(rule, slug, "a message", explanation)]
        )

    monkeypatch.setattr(postguard, "check", fake_check, raising=False)
    result = classify("an otherwise unremarkable sentence")
    assert result.kind == kind
    assert result.characteristic == characteristic
    assert result.engine_used
    assert any(rule in reason for reason in result.reasons)


def test_the_real_engine_names_the_characteristic_without_parsing_messages() -> None:
    result = classify("All Muslims are terrorists and should be deported")
    assert result.kind == "hate-incident"
    assert result.characteristic == "religion"


def test_engine_unavailable_or_failing_falls_back_to_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(postguard, "check", raising=False)
    assert classify("Watch your back").kind == "threat"

    def broken(text: str, *args: object, **kwargs: object) -> _Report:
        raise RuntimeError("model failed to load")

    monkeypatch.setattr(postguard, "check", broken, raising=False)
    result = classify("Watch your back")
    assert result.kind == "threat"
    assert not result.engine_used
