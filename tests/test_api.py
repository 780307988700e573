"""The library API as DESIGN.md describes it: check, check_many, Report.to_dict()."""

from __future__ import annotations

import pytest

from postguard import Report, Severity, Verdict, check, check_many
from postguard.errors import InputError

CLIENT_POST = (
    "So proud of my 9am client today! Jess, a 34 year old teacher from Otley, finally got on the bus."
)


def test_report_shape_follows_the_contract() -> None:
    data = check(CLIENT_POST).to_dict()
    assert data["verdict"] == "block"
    assert data["policy"] == {"id": "babcp", "version": "2024.1"}
    finding = next(f for f in data["findings"] if f["rule"] == "SM101")
    for key in (
        "rule",
        "slug",
        "severity",
        "message",
        "start",
        "end",
        "excerpt",
        "clause",
        "suggestion",
        "source",
        "score",
    ):
        assert key in finding
    assert finding["slug"] == "confidentiality"
    assert finding["severity"] == "high"
    assert finding["source"] == "text"
    assert CLIENT_POST[finding["start"] : finding["end"]] == finding["excerpt"]
    assert "Jess" not in finding["suggestion"].split(":", 1)[1], "the rewrite must drop the name"


def test_clean_post_passes() -> None:
    report = check("Exposure work is hard at first; most people find the anxiety peaks and then falls.")
    assert isinstance(report, Report)
    assert report.verdict is Verdict.PASS
    assert report.findings == []


def test_warning_only_gives_review() -> None:
    report = check("I guarantee you'll be anxiety-free in 6 sessions or your money back!")
    assert report.verdict is Verdict.REVIEW
    assert {f.severity for f in report.findings} == {Severity.WARNING}


def test_check_many_keeps_input_order() -> None:
    texts = [
        "Lovely walk by the canal this morning.",
        CLIENT_POST,
        "Honestly this is utter RUBBISH. STOP posting it!!!",
    ]
    reports = check_many(texts)
    assert [r.verdict for r in reports] == [Verdict.PASS, Verdict.BLOCK, Verdict.REVIEW]
    assert [r.to_dict() for r in reports] == [check(t).to_dict() for t in texts]


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "empty"), ("   \n", "empty"), ("x" * 100_001, "at most"), (b"\xff\xfe bad", "UTF-8")],
)
def test_bad_input_raises_a_clear_error(text: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check(text)  # type: ignore[arg-type]


def test_other_languages_are_reported_not_passed() -> None:
    report = check("Je suis tellement fière de ma cliente aujourd'hui, elle a enfin pris le bus toute seule.")
    assert report.checked is False
    assert report.language == "fr"
    assert report.verdict is not Verdict.PASS
    assert report.to_dict()["checked"] is False


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["0" * 99_000, "a." * 49_000, "@" * 99_000, "a1 " * 33_000, ("YOU ARE AN IDIOT " * 5800)[:99_000]],
    ids=["digits", "dots", "ats", "leet", "shouting"],
)
def test_longest_allowed_post_is_checked_in_bounded_time(text: str) -> None:
    """No pattern may take time that grows with the square of the length (ReDoS)."""
    import time

    started = time.perf_counter()
    check(text)
    assert time.perf_counter() - started < 20


def test_photo_findings_survive_a_caption_in_another_language(tmp_path: object) -> None:
    from pathlib import Path

    from PIL import Image
    from PIL.ExifTags import IFD

    photo = Path(str(tmp_path)) / "jardin.jpg"
    exif = Image.Exif()
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[1], gps[2], gps[3], gps[4] = "N", (53.0, 48.0, 0.0), "W", (1.0, 32.0, 0.0)
    Image.new("RGB", (64, 64), "green").save(photo, exif=exif)
    report = check("Enfin fini le jardin! Mon bureau avec vue.", images=[photo])
    assert report.checked is False
    assert any(f.rule == "SM502" for f in report.findings)
