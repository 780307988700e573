"""Normalisation: styled and invisible characters folded, offsets exact in what was typed."""

from __future__ import annotations

import pytest

from postguard.normalize import for_model, normalize

STYLED = [
    ("𝗧𝗵𝗿𝗲𝗲 𝘁𝗵𝗶𝗻𝗴𝘀 𝗜 𝗹𝗲𝗮𝗿𝗻𝗲𝗱", "Three things I learned"),  # LinkedIn bold sans
    ("𝘪𝘵𝘢𝘭𝘪𝘤 𝘸𝘰𝘳𝘥𝘴", "italic words"),
    ("𝚖𝚘𝚗𝚘𝚜𝚙𝚊𝚌𝚎", "monospace"),
    ("ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
    ("Ⓒⓘⓡⓒⓛⓔⓓ", "Circled"),
    ("ᴛʜɪs ɪs sᴍᴀʟʟ ᴄᴀᴘs", "this is small caps"),
    ("🅽🅴🅶🅰🆃🅸🆅🅴", "NEGATIVE"),
    ("in\u200bvis\u00adible\u200d", "invisible"),
    ("café", "café"),  # e + combining acute composes
]


@pytest.mark.parametrize(("typed", "folded"), STYLED)
def test_styled_letters_fold_to_plain(typed: str, folded: str) -> None:
    assert normalize(typed).text == folded


def test_offsets_map_back_to_what_was_typed() -> None:
    typed = "𝗠𝘆 𝗰𝗹𝗶𝗲𝗻𝘁 Jess… 🎉 ｆｒｏｍ Otley"
    n = normalize(typed)
    for word in ("client", "Jess", "from", "Otley"):
        start = n.text.index(word)
        s, e = n.span(start, start + len(word))
        assert normalize(typed[s:e]).text == word
    dots = n.text.index("...")  # one ellipsis became three dots: all three map to it
    assert n.span(dots, dots + 3) == (typed.index("…"), typed.index("…") + 1)
    assert n.span(len(n.text), len(n.text)) == (len(typed), len(typed))


def test_plain_text_is_untouched() -> None:
    text = "Plain ASCII post, nothing to fold."
    n = normalize(text)
    assert n.text == text and not n.changed
    assert n.span(6, 11) == (6, 11)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("🎉", "party popper"),
        ("👨‍💻 new job!", "man technologist new job!"),  # one picture, not two
        ("I love 🏳️‍🌈 flags", "I love rainbow flag flags"),
        ("@sam_cbt thanks", "@user thanks"),
        ("RT @sam: yes", "@user yes"),
        ("see https://example.org/a?b=1 now", "see http://link now"),
        ("#MentalHealthAwareness week", "Mental Health Awareness week"),
        ("𝗯𝗼𝗹𝗱 ✨", "bold sparkles"),
    ],
)
def test_what_the_classifier_reads(typed: str, read: str) -> None:
    assert for_model(typed) == read
