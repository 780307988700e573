"""The false alarms real accounts raised: emoji, other scripts, styled letters, numbers, mentions.

Ordinary people's exports are mostly chatter, reactions, links and numbers. Each case below is a
kind of post that once drew a "high" finding; none breaks the policy, so none may raise one.
"""

from __future__ import annotations

import pytest

from postguard import check, check_many
from postguard.language import NO_WORDS, detect_language
from postguard.model import Severity, Verdict

WORDLESS = [
    "🎉",
    "🏡",
    "🐉",
    "👨‍💻",
    "🏳️‍🌈",
    "❤️❤️❤️",
    "🙏🏽",
    "👍🏻👍🏻",
    "40/40",
    "2019",
    "v2.3.1",
    "bd03b8f",
    "3f2a9c1b0e7d4a5f6b8c9d0e1f2a3b4c5d6e7f80",
    "51.507351, -0.127758",
    "https://www.google.com/maps/@53.8008,-1.5491,15z",
    "@anna @bob @carl @dee @eve",
    "12-3 💪",
    "#1 🥇",
]


@pytest.mark.parametrize("text", WORDLESS)
def test_posts_without_words_are_not_read_as_english(text: str) -> None:
    report = check(text)
    assert detect_language(text) == NO_WORDS
    assert not report.checked
    assert report.findings == []
    assert report.verdict is Verdict.PASS  # nothing unreadable was skipped: there were no words
    assert any("no words" in note for note in report.notes)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("今天天气很好，我们去公园散步了", "zh"),
        ("新しい仕事を始めました！よろしくお願いします", "ja"),
        ("오늘 정말 즐거웠어요", "ko"),
        ("Сегодня был отличный день на работе", "ru"),
        ("شكرا لكم جميعا على الدعم", "ar"),
        ("Merci beaucoup à tous !", "fr"),
        ("Gracias amigo 🙏", "es"),
        ("Vielen Dank für alles", "de"),
    ],
)
def test_other_languages_are_not_checked_as_english(text: str, language: str) -> None:
    report = check(text)
    assert report.language == language
    assert not report.checked
    assert report.verdict is Verdict.REVIEW  # never passed as clean, never flagged either
    assert report.findings == []


@pytest.mark.parametrize(
    "text",
    ["@sam_cbt sure thing 😊", "Congrats Sam!", "nice one", "lol same", "Happy birthday!! 🎂🎈"],
)
def test_short_english_replies_are_checked(text: str) -> None:
    report = check(text)
    assert report.language == "en" and report.checked


def test_a_link_in_another_language_is_still_checked() -> None:
    report = check("Merci à tous, voici le lien https://paypa1-secure.com/login")
    assert not report.checked
    assert [f.rule for f in report.findings] == ["SM503"]


STYLED_CLEAN = [
    "𝗧𝗵𝗿𝗲𝗲 𝘁𝗵𝗶𝗻𝗴𝘀 𝗜 𝗹𝗲𝗮𝗿𝗻𝗲𝗱 𝘁𝗵𝗶𝘀 𝘄𝗲𝗲𝗸 about leading a team 👇",
    "𝘐'𝘮 𝘩𝘢𝘱𝘱𝘺 𝘵𝘰 𝘴𝘩𝘢𝘳𝘦 𝘵𝘩𝘢𝘵 𝘐'𝘮 𝘴𝘵𝘢𝘳𝘵𝘪𝘯𝘨 𝘢 𝘯𝘦𝘸 𝘱𝘰𝘴𝘪𝘵𝘪𝘰𝘯!",
    "ｗｅｅｋｅｎｄ ｖｉｂｅｓ ☀️",
]


@pytest.mark.parametrize("text", STYLED_CLEAN)
def test_styled_letters_read_as_plain_words(text: str) -> None:
    report = check(text)
    assert report.checked
    assert [f for f in report.findings if f.severity >= Severity.WARNING] == []


def test_styled_breach_is_found_and_highlighted_in_the_original() -> None:
    text = "𝗦𝗼 𝗽𝗿𝗼𝘂𝗱 of my client Jess, a 34 year old teacher from Otley 💜"
    report = check(text)
    finding = next(f for f in report.findings if f.rule == "SM101")
    assert finding.start is not None and finding.end is not None
    assert text[finding.start : finding.end] == finding.excerpt
    assert "Jess" in (finding.excerpt or "")


@pytest.mark.parametrize(
    "text",
    [
        "Got 40/40 on the final mock exam, buzzing",
        "Released version 2.13.0 of the library today, changelog in the repo",
        "Fixed in commit 3f2a9c1b0e7d4a5f, thanks for the report",
        "Met up at 53.800755, -1.549077 for the parkrun this morning",
        "Invoice 20231104567 paid, thanks",
        "Our ticket number is 1234567890, still waiting to hear back",
        "In 1998 2001 and 2004 we went back to the same beach",
        "Buy now at Rs. 299.00, only 2 left",
    ],
)
def test_numbers_are_not_phone_numbers(text: str) -> None:
    assert "SM204" not in {f.rule for f in check(text).findings}


def test_a_real_phone_number_with_a_name_still_fires() -> None:
    text = (
        "This is the woman who left my practice a fake review. Her mobile is 07700 900481, give her a ring."
    )
    assert "SM204" in {f.rule for f in check(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "@anna @bob @carl @dee @eve @fran thanks all for coming yesterday",
        "@JohnSmith @BBCNews @NHSEngland @DHSCgovuk have a look at this report",
    ],
)
def test_a_row_of_mentions_is_not_heated(text: str) -> None:
    assert "SM601" not in {f.rule for f in check(text).findings}


def test_a_batch_gives_the_same_answers_as_one_by_one() -> None:
    texts = ["🎉", "今天天气很好", "𝗧𝗵𝗿𝗲𝗲 𝘁𝗵𝗶𝗻𝗴𝘀 I learned", "Got 40/40 today"]
    assert [r.to_dict() for r in check_many(texts)] == [check(t).to_dict() for t in texts]


def test_an_emoji_is_never_a_place_or_an_organisation() -> None:
    """spaCy's small model tags a lone emoji as ORG; underlining 🙏 as an identifying detail is wrong."""
    text = (
        "💜🙏 So proud of my 9am client today! Jess, a 34 year old teacher from Otley, got on the bus alone"
    )
    finding = next(f for f in check(text).findings if f.rule == "SM101")
    assert finding.excerpt is not None and finding.excerpt.startswith("Jess")
    assert "🙏" not in finding.message
