"""Passwords checked in memory only: verdicts, reasons, reuse, and that nothing of them is kept."""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

import pytest
from zxcvbn import matching

from postguard.secure import passwords
from postguard.secure.passwords import PasswordSession, ask_passwords

ME = ["Jane Okafor", "@jane_okafor_cbt", "Leeds"]


def check(
    password: str, mfa: bool | None = True, user_inputs: list[str] | None = None
) -> passwords.PasswordVerdict:
    with PasswordSession(ME if user_inputs is None else user_inputs) as session:
        return session.check("X", password, mfa=mfa)


@pytest.mark.parametrize("password", ["password123", "Password1", "PASSWORD123", "letmein", "iloveyou"])
def test_common_passwords_are_found_whatever_their_case(password: str) -> None:
    verdict = check(password)
    assert verdict.common
    assert not verdict.strong
    assert verdict.verdict == "weak"
    assert passwords.REASON_COMMON in verdict.reasons
    assert passwords.ADVICE_CHANGE_NOW in verdict.advice


def test_only_the_whole_password_is_compared_with_the_list() -> None:
    assert "password" in passwords.common_passwords()
    assert not check("password tortoise lantern").common
    assert len(passwords.common_passwords()) == 30000


def test_three_random_words_score_well() -> None:
    verdict = check("correct horse battery staple", mfa=False)
    assert verdict.score >= 3
    assert verdict.strong and not verdict.common
    assert verdict.reasons == ()


def test_the_members_name_inside_is_named_as_a_reason() -> None:
    for password in ("okafor-family-1984", "JaneOkafor2024!", "Le3ds-rhubarb-tandem-orbit"):
        verdict = check(password)
        assert passwords.REASON_PERSONAL in verdict.reasons, password
        assert not verdict.strong
        assert passwords.ADVICE_NO_PERSONAL in verdict.advice
    assert passwords.REASON_PERSONAL not in check("okafor-family-1984", user_inputs=[]).reasons


def test_context_words_split_names_and_handles() -> None:
    words = passwords.context_words(["Jane Okafor", "@jane_okafor_cbt", "Al"])
    assert {"jane okafor", "jane", "okafor", "janeokafor", "janeokaforcbt", "cbt"} <= set(words)
    assert "al" not in words


def test_a_long_passphrase_is_scored_not_refused() -> None:
    phrase = "the blue heron waits by the cold canal while the late train hums across the valley at dusk"
    assert len(phrase) > 72
    verdict = check(phrase, mfa=False)
    assert verdict.strong and verdict.score == 4
    assert not check("a" * 100).strong  # a long repeat is still weak


def test_length_against_two_step_verification() -> None:
    short = "Tq9#vR2!mZ4x"  # 12 random characters: hard to guess, shorter than NIST's 15
    assert check(short, mfa=True).strong
    without = check(short, mfa=False)
    assert not without.strong
    assert passwords.REASON_SHORT_NO_MFA in without.reasons
    assert passwords.ADVICE_MFA in without.advice
    unknown = check(short, mfa=None)
    assert passwords.REASON_SHORT_UNKNOWN_MFA in unknown.reasons
    assert passwords.REASON_TOO_SHORT in check("Tq9#vR2", mfa=True).reasons


@pytest.mark.parametrize(
    ("password", "pattern"), [("zaqxswcdevfr", "spatial"), ("hjkl;hjkl;hjkl;", "repeat")]
)
def test_weak_passwords_say_why_in_plain_words(password: str, pattern: str) -> None:
    verdict = check(password, mfa=True)
    assert not verdict.strong
    assert any(reason.startswith("it could be guessed in ") for reason in verdict.reasons)
    assert passwords._PATTERN_REASONS[pattern] in verdict.reasons


def test_reuse_across_two_of_three_accounts_is_found() -> None:
    with PasswordSession(ME) as session:
        session.check("X", "velvet-otter-compass-92")
        session.check("Facebook", "amber-quiet-lighthouse-7")
        session.check("LinkedIn", "velvet-otter-compass-92")
        assert session.reused() == [["X", "LinkedIn"]]


def test_the_salt_differs_per_session() -> None:
    hashes = []
    for _ in range(2):
        with PasswordSession() as session:
            session.check("X", "velvet-otter-compass-92")
            hashes.append(session._hashes["X"])
    assert hashes[0] != hashes[1]


def test_a_closed_session_forgets_everything() -> None:
    session = PasswordSession()
    session.check("X", "velvet-otter-compass-92")
    session.check("Facebook", "velvet-otter-compass-92")
    session.close()
    assert session.closed and session._hashes == {} and session._salt == b""
    assert session.reused() == []
    with pytest.raises(RuntimeError) as error:
        session.check("X", "velvet-otter-compass-92")
    assert "velvet" not in str(error.value)


def test_ask_passwords_skips_labels_duplicates_and_finds_reuse() -> None:
    answers = iter(["velvet-otter-compass-92", "", "velvet-otter-compass-92", "password1"])
    prompts: list[str] = []

    def prompt(text: str) -> str:
        prompts.append(text)
        return next(answers)

    result = ask_passwords(
        ["X", "Instagram", "X", "LinkedIn"], ME, prompt=prompt, mfa=[True, None, True, False]
    )
    assert [v.account for v in result.verdicts] == ["X", "X (2)", "LinkedIn"]
    assert result.skipped == ["Instagram"]
    assert result.reused == [["X", "X (2)"]]
    assert prompts[1] == "Password for Instagram (press Enter to skip): "
    assert result.verdicts[0].strong and not result.verdicts[2].strong
    summary = result.to_dict()["summary"]
    assert summary[0] == "X: strong (4 of 4)."
    assert summary[-2].startswith("The same password is used for X and X (2)")
    assert summary[-1] == "Not checked: Instagram."


def test_the_policys_regular_changes_clause_is_quoted_with_current_advice() -> None:
    note = ask_passwords([], ME, prompt=lambda _: "").to_dict()["policy_note"]
    assert "changing passwords regularly" in note["clause"]
    assert "any sign" in note["advice"] and "breach" in note["advice"]
    assert any("NCSC" in c for c in note["citations"]) and any("NIST" in c for c in note["citations"])


def test_nothing_of_a_password_is_printed_logged_written_or_kept(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = "Zq-unique-7731-horse"
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    caplog.set_level(logging.DEBUG)

    derived: list[bytes] = []
    digest = passwords._digest

    def spy_digest(password: str, salt: bytes) -> bytes:
        result = digest(password, salt)
        derived.extend([result, salt])
        return result

    left_after_close: list[tuple[dict[str, bytes], bytes]] = []
    close = PasswordSession.close

    def spy_close(self: PasswordSession) -> None:
        close(self)
        left_after_close.append((dict(self._hashes), self._salt))

    monkeypatch.setattr(passwords, "_digest", spy_digest)
    monkeypatch.setattr(PasswordSession, "close", spy_close)

    prompts: list[str] = []
    typed = iter([secret, secret, ""])

    def prompt(text: str) -> str:
        prompts.append(text)
        return next(typed)

    result = ask_passwords(["X", "Facebook", "LinkedIn"], ME, prompt=prompt)
    assert result.reused == [["X", "Facebook"]]
    assert left_after_close == [({}, b"")]
    assert matching.RANKED_DICTIONARIES["user_inputs"] == {}  # zxcvbn keeps no names either
    assert len(derived) == 4

    captured = capsys.readouterr()
    texts = [captured.out, captured.err, caplog.text, *prompts, json.dumps(result.to_dict()), repr(result)]
    needles = [secret.encode(), secret.lower().encode(), *derived, *(d.hex().encode() for d in derived)]
    haystacks = [t.encode() for t in texts]
    written = [p for p in (*home.rglob("*"), *tmp.rglob("*")) if p.is_file()]
    haystacks += [p.read_bytes() for p in written]
    assert written == []
    for haystack in haystacks:
        for needle in needles:
            assert needle not in haystack
