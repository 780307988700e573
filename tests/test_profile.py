"""Profiles: credentials and roles change what rules fire; watch-list names are never stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from postguard import check
from postguard.errors import ProfileError
from postguard.profile import Profile, load_profile


def test_watched_name_fires_without_therapy_context(tmp_path: Path) -> None:
    profile = Profile()
    profile.watch("Kerry-Ann Booth")
    path = tmp_path / "me.toml"
    profile.save(path)
    assert "kerry" not in path.read_text().lower()
    loaded = load_profile(path)
    report = check("Bumped into Kerry-Ann Booth at the farmers' market, lovely to catch up.", profile=loaded)
    assert [f.rule for f in report.findings] == ["SM101"]
    assert report.findings[0].excerpt == "Kerry-Ann Booth"


def test_watch_digests_are_keyed_per_profile() -> None:
    one, two = Profile(), Profile()
    one.watch("Sam Jones")
    two.watch("Sam Jones")
    assert one.watchlist.names != two.watchlist.names


def test_first_name_alone_fires_only_when_clients_come_up() -> None:
    profile = Profile()
    profile.watch("Imogen Pryce")
    assert not check("Imogen from the café made the best flat white today.", profile=profile).findings
    hits = check("My client Imogen smashed her exposure today!", profile=profile).findings
    assert any(f.rule == "SM101" and f.excerpt == "Imogen" for f in hits)


def test_credentials_the_profile_holds_are_fine() -> None:
    post = "As a BABCP accredited therapist I offer CBT for panic in Leeds."
    holds = Profile(credentials=["BABCP accredited"])
    lacks = Profile(credentials=[])
    assert not [f for f in check(post, profile=holds).findings if f.rule == "SM401"]
    assert [f for f in check(post, profile=lacks).findings if f.rule == "SM401"]


def test_spokesperson_may_speak_for_babcp() -> None:
    post = "BABCP's official position is that online CBT must be delivered by accredited therapists."
    assert [f.rule for f in check(post).findings] == ["SM402"]
    assert not check(post, profile=Profile(spokesperson_for=["BABCP"])).findings


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name = [unclosed", "not valid TOML"),
        ("credentials = 'not a list'", "field 'credentials'"),
        ("favourite_colour = 'blue'", "favourite_colour"),
    ],
)
def test_malformed_profile_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(ProfileError, match=message):
        load_profile(path)


def test_missing_profile(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="does not exist"):
        load_profile(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    "written", ["Kerry-Ann Booth's", "Kerry-Ann Booth’s", "KERRY ANN BOOTH", "Kerry-Ann  Booth,"]
)
def test_watched_name_survives_possessives_hyphens_and_case(written: str) -> None:
    profile = Profile()
    profile.watch("Kerry-Ann Booth")
    assert any(
        f.rule == "SM101"
        for f in check(f"Lovely chat with {written} new puppy today.", profile=profile).findings
    )


def test_watch_secret_must_be_hex(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('[watchlist]\nsecret = "not hex"\nnames = []\nparts = []\n')
    with pytest.raises(ProfileError, match="secret"):
        load_profile(path)
    path.write_text('[watchlist]\nsecret = ""\nnames = ["ab"]\nparts = []\n')
    with pytest.raises(ProfileError, match="no secret"):
        load_profile(path)


def test_profile_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    Profile(name="Sam").save(path)
    assert path.stat().st_mode & 0o777 == 0o600
