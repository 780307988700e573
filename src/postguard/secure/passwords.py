"""Passwords checked in memory only: strength, the common-password list, personal details, and
reuse across the accounts entered in one run. No password, no part of one and no hash of one is
written to disk, logged, printed or put in an exception message; hashes are dropped when the run
ends. What leaves is a score and reasons in plain words.

Strength is zxcvbn's 0-4 score (zxcvbn 4.5.0, MIT), told the member's names, handles and town so
that passwords built on them count as weak, as NIST SP 800-63B asks of "context-specific words".

The breached-password list is the one zxcvbn ships (``zxcvbn.frequency_lists``, "passwords"):
the 30,000 most common passwords, ranked by how often they appear in leaked password dumps
(zxcvbn's authors name Mark Burnett's 10-million-password Xato set as the source). A password
counts as common only when the whole of it, ignoring case, is on the list: NIST SP 800-63B
rev. 4 says the "entire password SHALL be subject to comparison, not substrings".

Reuse is found by comparing salted scrypt hashes whose random salt lives only as long as one
`PasswordSession`: only identical passwords are found, not near-copies like "Summer24"/"Summer25".
"""

from __future__ import annotations

import getpass
import hashlib
import re
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import TracebackType
from typing import Any, Literal

from zxcvbn import frequency_lists, matching, zxcvbn

from postguard.secure import advice as policy

# zxcvbn 4.5.0 raises ValueError beyond max_length (72 by default) and its matching slows with
# length. Scoring the first 72 characters gives a lower bound that still catches "aaaa..."; a
# longer passphrase that is not repetitive is strong anyway.
SCORED_LENGTH = 72
STRONG_SCORE = 3  # zxcvbn 3 and 4 resist offline guessing; Bitwarden calls <= 2 weak (research §4)
MIN_LENGTH_WITHOUT_MFA = 15  # NIST SP 800-63B rev. 4: single-factor passwords, at least 15
MIN_LENGTH = 8  # NIST SP 800-63B: the shortest any password may be

# zxcvbn keeps the user inputs of its last call in a module-level dictionary: one call at a time.
_ZXCVBN_LOCK = threading.Lock()

REASON_COMMON = "it is one of the most common passwords, which attackers try first"
REASON_PERSONAL = "it contains your name, a username or your town, which anyone can read on your profile"
REASON_SHORT_NO_MFA = (
    f"it is shorter than {MIN_LENGTH_WITHOUT_MFA} characters and this account has no 2-step verification"
)
REASON_SHORT_UNKNOWN_MFA = (
    f"it is shorter than {MIN_LENGTH_WITHOUT_MFA} characters, which is only enough "
    "when 2-step verification is turned on"
)
REASON_TOO_SHORT = f"it is shorter than {MIN_LENGTH} characters"
REASON_GUESSABLE = "it could be guessed in {time} by someone holding a stolen copy of a site's password file"
_PATTERN_REASONS = {
    "passwords": "it is built on a common password",
    "names": "it is built on a common first name or surname",
    "words": "it is mostly common words, without enough of them",
    "spatial": "it follows a row or pattern of keys on the keyboard",
    "repeat": "it repeats the same characters or words",
    "sequence": "it contains a sequence such as abc or 4321",
    "date": "it contains a date or a recent year",
    "l33t": "swapping letters for look-alike symbols (@ for a, 0 for o) does not make it much harder to guess",
}

ADVICE_CHANGE_NOW = "Change this password now, on the site itself, and anywhere else you have used it."
ADVICE_UNIQUE = (
    "Use a different password for every account, so that one leak cannot open the others "
    "(BABCP policy; NCSC Cyber Aware)."
)
ADVICE_WORDS = (
    "Make it long rather than complicated: three random words joined together are easy to "
    "remember and hard to guess (NCSC). You do not need capitals, numbers or symbols "
    "(NIST SP 800-63B)."
)
ADVICE_MANAGER = (
    "Let a password manager, or your browser's saved passwords, create and remember passwords "
    "for you (NCSC; the BABCP policy suggests a password generator and manager too)."
)
ADVICE_MFA = (
    "Turn on 2-step verification wherever it is offered: then a stolen password alone is not "
    "enough to get in (NCSC; the BABCP policy asks for it)."
)
ADVICE_NO_PERSONAL = "Leave out your name, usernames, town, and dates that mean something to you."


@dataclass(frozen=True)
class PolicyNote:
    """Where the policy's wording differs from current guidance: the clause, quoted, and what to
    do instead, with the sources to cite."""

    clause: str
    source: str
    advice: str
    citations: tuple[str, ...]


REGULAR_CHANGES = PolicyNote(
    clause=policy.CLAUSE_CHANGE_REGULARLY,
    source="BABCP social media policy, security section",
    advice=(
        "Change a password straight away if there is any sign that someone else has used the "
        "account, and after any breach of a site where you used it. Changing a strong, unique "
        "password on a timetable is not needed: people forced to do so tend to pick weaker, "
        "predictable ones."
    ),
    citations=(
        "NCSC, 'The problems with forcing regular password expiry' "
        "(https://www.ncsc.gov.uk/blog-post/problems-forcing-regular-password-expiry)",
        "NIST SP 800-63B: sites should not require periodic changes, but shall force a change "
        "when there is evidence of compromise",
    ),
)


@dataclass(frozen=True)
class PasswordVerdict:
    """What a check found for one account's password. It holds no part of the password."""

    account: str
    score: int  # zxcvbn, 0 (guessed at once) to 4 (very hard to guess)
    strong: bool
    common: bool
    guess_time: str  # zxcvbn's estimate against a slow-hashed stolen password file, e.g. "3 hours"
    reasons: tuple[str, ...]
    advice: tuple[str, ...]

    @property
    def verdict(self) -> Literal["strong", "weak"]:
        return "strong" if self.strong else "weak"

    def to_dict(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "verdict": self.verdict,
            "score": self.score,
            "common": self.common,
            "guess_time": self.guess_time,
            "reasons": list(self.reasons),
            "advice": list(self.advice),
        }

    def summary(self) -> str:
        """One plain sentence, e.g. "X: weak (1 of 4): it is one of the most common passwords"."""
        head = f"{self.account}: {self.verdict} ({self.score} of 4)"
        return f"{head}: {'; '.join(self.reasons)}." if self.reasons else f"{head}."


@cache
def common_passwords() -> frozenset[str]:
    """zxcvbn's 30,000 most common passwords from breach dumps, lower case."""
    return frozenset(frequency_lists.FREQUENCY_LISTS["passwords"])


def context_words(user_inputs: Sequence[str]) -> list[str]:
    """The member's names and handles as zxcvbn should see them: each whole, each word of three
    or more characters, and the words run together ("Jane Smith" -> "jane smith", "jane", "smith",
    "janesmith"), since a password rarely keeps the space or the underscore."""
    found: dict[str, None] = {}
    for text in user_inputs:
        folded = text.strip().lstrip("@").casefold()
        words = [w for w in re.split(r"[\W_]+", folded) if len(w) >= 3]
        for word in (folded, *words, "".join(words)):
            if len(word) >= 3:
                found[word] = None
    return list(found)


def _digest(password: str, salt: bytes) -> bytes:
    """scrypt at n=2**14, r=8 (16 MiB, about 50 ms): slow enough that a memory dump does not give
    away short passwords, quick enough for a handful of accounts."""
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)


def _pattern_reasons(sequence: Sequence[Mapping[str, object]]) -> list[str]:
    """Plain reasons for a weak score, from the parts zxcvbn split the password into."""
    keys: list[str] = []
    for match in sequence:
        pattern, dictionary = match.get("pattern"), match.get("dictionary_name")
        if match.get("l33t"):
            keys.append("l33t")
        if pattern == "dictionary" and dictionary == "passwords":
            keys.append("passwords")
        elif pattern == "dictionary" and dictionary in ("surnames", "male_names", "female_names"):
            keys.append("names")
        elif pattern == "dictionary" and dictionary in ("english_wikipedia", "us_tv_and_film"):
            keys.append("words")
        elif pattern in ("spatial", "repeat", "sequence", "date"):
            keys.append(str(pattern))
        elif pattern == "regex" and match.get("regex_name") == "recent_year":
            keys.append("date")
    return [_PATTERN_REASONS[key] for key in dict.fromkeys(keys)]


def _score(password: str, words: list[str]) -> tuple[int, str, bool, list[str]]:
    """zxcvbn's score, guess time, whether a personal word was found, and pattern reasons. The
    result dictionary holds the password and its pieces, so only these derived values leave."""
    with _ZXCVBN_LOCK:
        try:
            result = zxcvbn(password[:SCORED_LENGTH], user_inputs=words)
        finally:
            matching.RANKED_DICTIONARIES["user_inputs"] = {}  # do not keep the member's names
    sequence = result["sequence"]
    personal = any(m.get("dictionary_name") == "user_inputs" for m in sequence)
    score = result["score"]
    reasons = _pattern_reasons(sequence) if score < STRONG_SCORE else []
    guess_time = str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"])
    return score, guess_time, personal, reasons


class PasswordSession:
    """Checks the passwords of one run and remembers, per account, only a salted hash, so that
    `reused` can name accounts sharing a password. Close it (or use ``with``) to forget them.

    Python strings cannot be wiped from memory: a password lives on until the garbage collector
    reuses its memory. The session therefore keeps no reference to one after `check` returns.
    """

    def __init__(self, user_inputs: Sequence[str] = ()) -> None:
        self._salt = secrets.token_bytes(16)
        self._hashes: dict[str, bytes] = {}
        self._words = context_words(user_inputs)

    def __enter__(self) -> PasswordSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return not self._salt

    def check(self, account: str, password: str, mfa: bool | None = None) -> PasswordVerdict:
        """Score a password and remember its hash for this session. ``mfa`` says whether the
        account has 2-step verification (None: not known)."""
        if self.closed:
            raise RuntimeError("this password session is closed")
        self._hashes[account] = _digest(password, self._salt)
        common = password.lower() in common_passwords()
        score, guess_time, personal, pattern_reasons = _score(password, self._words)
        folded = password.casefold()
        personal = personal or any(word in folded for word in self._words)
        length = len(password)
        del password, folded

        reasons: list[str] = []
        if common:
            reasons.append(REASON_COMMON)
        if personal:
            reasons.append(REASON_PERSONAL)
        if length < MIN_LENGTH:
            reasons.append(REASON_TOO_SHORT)
        short = length < MIN_LENGTH_WITHOUT_MFA
        if short and mfa is False:
            reasons.append(REASON_SHORT_NO_MFA)
        elif short and mfa is None:
            reasons.append(REASON_SHORT_UNKNOWN_MFA)
        if score < STRONG_SCORE:
            reasons.append(REASON_GUESSABLE.format(time=guess_time))
            reasons.extend(pattern_reasons)
        too_short = length < MIN_LENGTH or (short and mfa is False)
        strong = score >= STRONG_SCORE and not (common or personal or too_short)

        advice: list[str] = []
        if not strong:
            advice.extend([ADVICE_CHANGE_NOW, ADVICE_WORDS, ADVICE_MANAGER])
        if personal:
            advice.append(ADVICE_NO_PERSONAL)
        if mfa is not True:
            advice.append(ADVICE_MFA)
        return PasswordVerdict(
            account=account,
            score=score,
            strong=strong,
            common=common,
            guess_time=guess_time,
            reasons=tuple(reasons),
            advice=tuple(advice),
        )

    def reused(self) -> list[list[str]]:
        """Groups of accounts (two or more) that were given the same password, in entry order."""
        groups: dict[bytes, list[str]] = {}
        for account, digest in self._hashes.items():
            groups.setdefault(digest, []).append(account)
        return [accounts for accounts in groups.values() if len(accounts) > 1]

    def close(self) -> None:
        """Forget every hash and the salt: afterwards nothing links back to a password."""
        self._hashes.clear()
        self._salt = b""


@dataclass(frozen=True)
class PasswordCheck:
    """The outcome of asking for the passwords of several accounts."""

    verdicts: list[PasswordVerdict]
    reused: list[list[str]]  # accounts sharing one password
    skipped: list[str] = field(default_factory=list)  # accounts the member left out
    advice: tuple[str, ...] = (ADVICE_UNIQUE, ADVICE_WORDS, ADVICE_MANAGER, ADVICE_MFA)
    policy_note: PolicyNote = REGULAR_CHANGES

    def summary(self) -> list[str]:
        """Plain lines for the terminal and the report: a verdict per account, then reuse."""
        lines = [verdict.summary() for verdict in self.verdicts]
        lines += [
            f"The same password is used for {_join(group)}: if one of them leaks, all of them are open. "
            "Give each its own password."
            for group in self.reused
        ]
        if self.skipped:
            lines.append(f"Not checked: {_join(self.skipped)}.")
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdicts": [verdict.to_dict() for verdict in self.verdicts],
            "reused": [list(group) for group in self.reused],
            "skipped": list(self.skipped),
            "summary": self.summary(),
            "advice": list(self.advice),
            "policy_note": {
                "clause": self.policy_note.clause,
                "source": self.policy_note.source,
                "advice": self.policy_note.advice,
                "citations": list(self.policy_note.citations),
            },
        }


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _labels(accounts: Sequence[str]) -> list[str]:
    """Account labels made unique ("X", "X (2)"): two accounts on one platform are two entries."""
    seen: dict[str, int] = {}
    labels = []
    for account in accounts:
        seen[account] = seen.get(account, 0) + 1
        labels.append(account if seen[account] == 1 else f"{account} ({seen[account]})")
    return labels


def ask_passwords(
    accounts: list[str],
    user_inputs: list[str],
    prompt: Callable[[str], str] | None = None,
    mfa: Sequence[bool | None] = (),
) -> PasswordCheck:
    """Ask for each account's password without echoing it (Enter skips one), check them, and find
    the ones used more than once. ``mfa`` gives, in the order of ``accounts``, whether each has
    2-step verification (None: not known). The prompts name only the account. ``prompt`` is
    ``getpass.getpass`` unless given (looked up at call time)."""
    prompt = prompt or getpass.getpass
    verdicts: list[PasswordVerdict] = []
    skipped: list[str] = []
    with PasswordSession(user_inputs) as session:
        for index, account in enumerate(_labels(accounts)):
            typed = prompt(f"Password for {account} (press Enter to skip): ")
            if typed:
                verdicts.append(session.check(account, typed, mfa[index] if index < len(mfa) else None))
            else:
                skipped.append(account)
            del typed
        reused = session.reused()
    return PasswordCheck(verdicts=verdicts, reused=reused, skipped=skipped)
