"""The security readers (issue 15) on the synthetic exports in data/ (see data/PLANTED.md), on
localised and re-labelled Meta files, in zips and tars, and on files damaged by the importer
fuzz's mutations: every record is read or skipped with its reason, and nothing but a one-line
`InputError` ever comes out."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import zipfile
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from postguard.errors import InputError
from postguard.secure.meta import classify
from postguard.secure.model import SecurityData
from postguard.secure.readers import read_security
from postguard.secure.reading import country_code, mask_email, mask_phone, utc

# The importer fuzz's mutations and containers (tests/fuzz), imported as its own tests do.
sys.path.insert(0, str(Path(__file__).parents[1] / "fuzz"))
from fuzz_containers import write_container
from fuzz_exports import Seed, load_document, mutations, records_of

DATA = Path(__file__).parent / "data"
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
TAKEOVER = dt.datetime(2026, 10, 14, 21, 5, tzinfo=dt.UTC)
ATTACKER_EMAIL = "samtaylor.support@quickmail.example"
FB = "security_and_login_information/"
IG_LOGINS = "login_and_account_creation/"
UTC = dt.UTC


@functools.cache
def read(name: str) -> SecurityData:
    return read_security(DATA / name)


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


# -- counts ------------------------------------------------------------------------------------

EXPECTED: dict[str, tuple[str, dict[str, int], dict[str, int]]] = {
    "x-clean": (
        "x",
        {"login": 30, "device": 2},
        {"recovery_contact": 2, "account_created": 1, "mfa": 1, "app": 1},
    ),
    "x-planted": (
        "x",
        {"login": 29, "device": 4},
        dict(
            recovery_contact=2,
            email_change=2,
            app=2,
            account_created=1,
            handle_change=1,
            mfa=1,
            privacy_change=1,
        ),
    ),
    "facebook-clean": (
        "facebook",
        {"login": 64, "logout": 30, "session": 2, "device": 2},
        {"recovery_contact": 1, "mfa": 1, "app": 1},
    ),
    "facebook-planted": (
        "facebook",
        {"login": 62, "logout": 27, "session": 4, "device": 3},
        {"recovery_contact": 2, "app": 2, "mfa": 1, "email_change": 1, "password_change": 1},
    ),
    "instagram-clean": (
        "instagram",
        {"login": 30, "logout": 10, "device": 1},
        {"recovery_contact": 4, "account_created": 1},
    ),
    "instagram-planted": (
        "instagram",
        {"login": 29, "logout": 9, "device": 2},
        {
            "recovery_contact": 4,
            "account_created": 1,
            "password_change": 1,
            "privacy_change": 1,
            "email_change": 1,
        },
    ),
    "linkedin-clean": (
        "linkedin",
        {"login": 30, "challenge": 1},
        {"recovery_contact": 2, "account_created": 1},
    ),
    "linkedin-planted": (
        "linkedin",
        {"login": 29, "challenge": 2},
        {"recovery_contact": 3, "account_created": 1, "email_change": 1},
    ),
    "linkedin-dormant": ("linkedin", {"login": 13}, {"recovery_contact": 2, "account_created": 1}),
}

# (file, record) -> words of the reason, for each broken record PLANTED.md lists.
SKIPS: dict[str, dict[tuple[str, int], str]] = {
    "x-planted": {
        ("data/account.js", 1): "no email address, username or creation time",
        ("data/account-timezone.js", 1): "no time zone",
        ("data/ip-audit.js", 3): "'2026-13-45T25:61:00.000Z' could not be read",
        ("data/ip-audit.js", 5): "no IP address",
        ("data/device-token.js", 2): "'last Tuesday' could not be read",
        ("data/key-registry.js", 0): "device 3: the registration time '0000-00-00' could not be read",
        ("data/email-address-change.js", 2): "no time of the change",
        ("data/screen-name-change.js", 1): "'2025-02-30T10:00:00.000Z' could not be read",
        ("data/phone-number.js", 1): "the phone number 447700900123 is not text",
        ("data/ni-devices.js", 1): "'2026.02.31' could not be read",
        ("data/connected-application.js", 2): "'soon' could not be read",
        ("data/protected-history.js", 1): "no time of the change",
    },
    "facebook-planted": {
        (FB + "account_activity.json", 2): "'yesterday' could not be read",
        (FB + "account_activity.json", 4): "no IP address",
        (FB + "account_activity.json", 32): "'Checkpoint completed' is not a sign-in or an account change",
        (FB + "logins_and_logouts.json", 54): "'x' could not be read",
        (FB + "where_you're_logged_in.json", 2): "'abc' could not be read",
        (FB + "ip_address_activity.json", 5): "no IP address",
        (FB + "login_protection_data.json", 1): "no start time",
        (FB + "authorized_logins.json", 2): "'x' could not be read",
        (FB + "mobile_devices.json", 1): "'never' could not be read",
        (FB + "email_address_verifications.json", 2): "no email address or phone number",
        (FB + "record_details.json", 3): "'?' could not be read",
        ("apps_and_websites_off_of_facebook/apps_and_websites.json", 2): "'soon' could not be read",
    },
    "instagram-planted": {
        (IG_LOGINS + "login_activity.json", 1): "'tomorrow' could not be read",
        (IG_LOGINS + "login_activity.json", 3): "no IP address",
        (IG_LOGINS + "logout_activity.json", 9): "no time",
        (IG_LOGINS + "password_change_activity.json", 1): "'x' could not be read",
        (IG_LOGINS + "signup_information.json", 1): "no time",
        ("account_information/account_privacy_changes.json", 1): "no time",
        ("account_information/profile_changes.json", 1): "a change of 'Bio', not of a contact",
        ("account_information/profile_changes.json", 2): "'31/02/2026' could not be read",
        ("device_information/devices.json", 2): "'never' could not be read",
    },
    "linkedin-planted": {
        ("Logins.csv", 2): "'Tue Feb 30 10:00:00 UTC 2026' could not be read",
        ("Logins.csv", 4): "no IP address",
        ("Security Challenges.csv", 2): "no IP address or country",
        ("Email Addresses.csv", 2): "'yesterday' could not be read",
        ("PhoneNumbers.csv", 1): "no phone number",
        ("Registration.csv", 1): "'sometime' could not be read",
    },
}


def security_files(name: str) -> set[str]:
    """The files of an export its reader must read (all but the posts)."""
    root = DATA / name
    posts = {"tweets.js", "Shares.csv", "posts_1.json", "your_posts__check_ins__photos_and_videos_1.json"}
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name not in posts}


def record_count(path: Path) -> int:
    """Records in a data file, counted without the readers: JSON lists and CSV rows."""
    if path.suffix == ".csv":
        return len([r for r in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) if r]) - 1
    loaded = load_document(path.read_bytes())
    assert loaded is not None, path
    records = records_of(loaded[1])
    assert records is not None, path
    return len(records)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_export_reads_to_the_expected_counts(name: str) -> None:
    platform, sign_ins, events = EXPECTED[name]
    data = read(name)
    assert data.platform == platform and data.export == name
    assert Counter(s.kind for s in data.sign_ins) == sign_ins
    assert Counter(e.kind for e in data.events) == events
    root = DATA / name
    assert set(data.files) == set(data.records) == security_files(name)
    for file, digest in data.files.items():
        assert digest == hashlib.sha256((root / file).read_bytes()).hexdigest()
        assert data.records[file] == record_count(root / file), file
    times = [t for s in data.sign_ins for t in (s.when, s.last_seen) if t] + [
        e.when for e in data.events if e.when
    ]
    assert times and all(t.tzinfo is not None and t.utcoffset() == dt.timedelta(0) for t in times)


@pytest.mark.parametrize("name", sorted(SKIPS))
def test_each_broken_record_is_skipped_with_its_reason_and_the_rest_read(name: str) -> None:
    data = read(name)
    found = {(s.source, s.record): s.reason for s in data.skipped}
    assert len(found) == len(data.skipped)
    assert set(found) == set(SKIPS[name])
    for key, words in SKIPS[name].items():
        assert words in found[key], (key, found[key])
        assert "\n" not in found[key]


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n not in SKIPS))
def test_clean_exports_skip_nothing(name: str) -> None:
    assert read(name).skipped == []


# -- spot checks -------------------------------------------------------------------------------


def test_x_spot_checks() -> None:
    data = read("x-planted")
    foreign = [s for s in data.sign_ins if s.ip == "177.37.120.5"]
    assert len(foreign) == 1
    assert (
        foreign[0].when == TAKEOVER and foreign[0].kind == "login" and foreign[0].source == "data/ip-audit.js"
    )
    web = next(s for s in data.sign_ins if s.device == "Twitter Web App")
    assert (web.kind, web.when, web.last_seen) == (
        "device",
        at(2026, 10, 14, 21, 6),
        at(2026, 10, 14, 21, 40),
    )
    windows = [s for s in data.sign_ins if s.user_agent and "Windows NT" in s.user_agent]
    assert len(windows) == 1 and windows[0].source == "data/key-registry.js"
    app = next(e for e in data.events if e.kind == "app" and e.data["name"] == "Growth Booster Pro")
    assert app.when == at(2026, 10, 14, 21, 25)
    assert app.data["permissions"] == ["read", "write", "directmessages"]
    assert "can post as you and read and send your direct messages" in app.detail
    reader = next(e for e in data.events if e.kind == "app" and e.data["name"] == "Quiet Reader")
    assert "can only read" in reader.detail
    change = next(e for e in data.events if e.kind == "email_change" and e.when == at(2026, 10, 14, 21, 20))
    assert change.detail == "email address changed to s***@quickmail.example"
    assert change.data["to"] == ATTACKER_EMAIL and ATTACKER_EMAIL not in change.detail
    flat = next(e for e in data.events if e.kind == "email_change" and e.when == at(2025, 3, 2, 10, 15))
    assert flat.data == {"to": "sam@samtaylorcbt.example", "from": "sam.taylor@oldmail.example"}
    contact = next(e for e in data.events if e.kind == "recovery_contact" and "email" in e.data)
    assert contact.data["email"] == ATTACKER_EMAIL and "s***@quickmail.example" in contact.detail
    phone = next(e for e in data.events if e.kind == "recovery_contact" and "phone" in e.data)
    assert phone.detail.endswith("+44********23") and phone.data["phone"] == "+447700900123"
    mfa = next(e for e in data.events if e.kind == "mfa")
    assert mfa.when == at(2024, 3, 5) and "text message" in mfa.detail and "+447700900123" not in mfa.detail
    privacy = next(e for e in data.events if e.kind == "privacy_change")
    assert privacy.when == at(2026, 10, 14, 21, 30) and "public" in privacy.detail
    assert data.timezone == "London"
    assert data.handles == ["samtaylorcbt", "Sam Taylor (CBT)", "samtaylor_cbt"]
    assert data.last_post == at(2026, 10, 14, 21, 15)
    assert data.last_sign_in == at(2026, 10, 15, 8, 10)


def test_facebook_spot_checks_and_mojibake() -> None:
    data = read("facebook-planted")
    login = next(
        s for s in data.sign_ins if s.source.endswith("account_activity.json") and s.ip == "177.37.120.5"
    )
    assert (login.kind, login.when, login.city, login.country) == ("login", TAKEOVER, "São Paulo", "BR")
    assert login.user_agent is not None and "Windows NT" in login.user_agent
    session = next(s for s in data.sign_ins if s.source.endswith("logged_in.json") and s.city == "São Paulo")
    assert session.country == "BR" and session.device == "Windows, Chrome"
    assert session.last_seen == at(2026, 10, 14, 21, 40)
    ended = next(
        s for s in data.sign_ins if s.kind == "logout" and s.source.endswith("account_activity.json")
    )
    assert ended.when == at(2026, 10, 15, 8, 5)
    assert {s.country for s in data.sign_ins if s.source.endswith("account_activity.json")} == {"GB", "BR"}
    email = next(e for e in data.events if e.kind == "email_change")
    assert email.when == at(2026, 10, 14, 21, 15) and "from IP 177.37.120.5" in email.detail
    assert email.data["extra"] == {"new_email": ATTACKER_EMAIL}
    assert next(e for e in data.events if e.kind == "password_change").when == at(2026, 10, 14, 21, 18)
    assert next(e for e in data.events if e.kind == "mfa").when == at(2024, 3, 1, 19)
    app = next(e for e in data.events if e.kind == "app" and e.data["name"] == "Page Booster Pro")
    assert app.when == at(2026, 10, 14, 21, 25) and "does not say" in app.detail
    device = next(s for s in data.sign_ins if s.source.endswith("mobile_devices.json"))
    assert (device.device, device.when, device.last_seen) == (
        "iPhone iOS 17.5",
        at(2025, 3, 10, 9, 5),
        at(2026, 11, 28, 20),
    )
    assert data.last_post == at(2026, 10, 14, 21, 15)


def test_instagram_spot_checks_lower_case_labels_and_french_titles() -> None:
    data = read("instagram-planted")
    foreign = next(s for s in data.sign_ins if s.ip == "1.132.45.6" and s.kind == "login")
    assert foreign.when == at(2026, 10, 14, 21, 0)
    assert foreign.user_agent is not None and foreign.user_agent.startswith("Instagram 350.1.0.46.93 Android")
    android = next(
        s for s in data.sign_ins if s.kind == "device" and s.user_agent and "Android" in s.user_agent
    )
    assert android.when is None and android.last_seen == TAKEOVER
    change = next(e for e in data.events if e.kind == "email_change")
    assert change.when == at(2026, 10, 14, 21, 20)
    assert change.detail == "email address changed to s***@quickmail.example (was s***@samtaylorcbt.example)"
    privacy = next(e for e in data.events if e.kind == "privacy_change")
    assert privacy.data == {"title": "Account set to public"} and privacy.when == at(2026, 10, 14, 21, 30)
    created = next(e for e in data.events if e.kind == "account_created")
    assert created.when == at(2016, 6, 1, 18, 30) and "81.2.69.142" in created.detail
    current = [e for e in data.events if e.source.endswith("personal_information.json")]
    assert {e.data.get("email") for e in current} >= {ATTACKER_EMAIL}
    assert data.handles == ["samtaylor.cbt", "Sam Taylor"]
    first = read("instagram-clean").sign_ins[0]  # the 2024 layout, Title Case labels, ISO titles
    assert (first.ip, first.when) == ("86.150.12.34", at(2026, 1, 5, 8))


def test_linkedin_spot_checks() -> None:
    data = read("linkedin-planted")
    foreign = next(s for s in data.sign_ins if s.kind == "login" and s.ip == "105.112.33.4")
    assert foreign.when == at(2026, 10, 14, 21, 2)
    challenge = next(s for s in data.sign_ins if s.kind == "challenge" and s.ip == "105.112.33.4")
    assert challenge.country == "NG" and challenge.when == at(2026, 10, 14, 21, 1)
    assert next(s for s in read("linkedin-clean").sign_ins if s.kind == "challenge").country == "GB"
    (change,) = [e for e in data.events if e.kind == "email_change"]
    assert change.data["email"] == ATTACKER_EMAIL and change.when == at(2026, 10, 14, 21, 20)
    assert next(e for e in data.events if e.kind == "account_created").when == at(2012, 3, 14, 9, 5)
    assert data.last_post == at(2026, 10, 14, 21, 15)


def test_the_dormant_account_is_older_than_a_year() -> None:
    data = read("linkedin-dormant")
    assert data.last_post == at(2024, 5, 20, 12) and data.last_sign_in == at(2024, 6, 10, 8, 24)
    for name in EXPECTED:
        last = max(t for t in (read(name).last_post, read(name).last_sign_in) if t)
        assert (NOW - last > dt.timedelta(days=365)) == (name == "linkedin-dormant"), name


# -- localised and re-labelled Meta files ------------------------------------------------------


def meta_bytes(value: Any) -> bytes:
    """JSON as Meta writes it: each UTF-8 byte of a string as its own \\u00XX escape."""

    def broken(v: Any) -> Any:
        if isinstance(v, str):
            return v.encode("utf-8").decode("latin-1")
        if isinstance(v, list):
            return [broken(i) for i in v]
        if isinstance(v, dict):
            return {broken(k): broken(i) for k, i in v.items()}
        return v

    return json.dumps(broken(value), ensure_ascii=True).encode()


def write_files(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


@pytest.mark.parametrize(
    ("action", "kind"),
    [
        ("Login", "login"), ("Anmelden", "login"), ("Connexion", "login"), ("Inicio de sesión", "login"),
        ("Accesso", "login"), ("Log out", "logout"), ("Abmelden", "logout"), ("Déconnexion", "logout"),
        ("Web session terminated", "logout"), ("Session updated", "session"), ("Sitzung aktualisiert", "session"),
        ("Password change", "password_change"), ("Passwort geändert", "password_change"),
        ("Mot de passe modifié", "password_change"), ("E-Mail-Adresse hinzugefügt", "email_change"),
        ("Checkpoint completed", None), ("", None),
    ],
)  # fmt: skip
def test_localised_facebook_actions(action: str, kind: str | None) -> None:
    assert classify(action) == kind


def test_a_german_facebook_export_reads_like_an_english_one(tmp_path: Path) -> None:
    actions = [
        "Anmelden",
        "Sitzung aktualisiert",
        "Abmelden",
        "Passwort geändert",
        "Sicherheitsprüfung abgeschlossen",
    ]
    records = [
        {"action": a, "timestamp": 1780000000 + i * 60, "ip_address": "86.150.12.34", "city": "Düsseldorf",
         "country": "Deutschland" if i else "DE"}
        for i, a in enumerate(actions)
    ]  # fmt: skip
    sessions = [{"created_timestamp": 1780000000, "ip_address": "86.150.12.34", "location": "Köln, Germany"}]
    root = write_files(
        tmp_path / "facebook-de",
        {
            FB + "account_activity.json": meta_bytes({"account_activity_v2": records}),
            FB + "where_you're_logged_in.json": meta_bytes({"active_sessions_v2": sessions}),
        },
    )
    data = read_security(root)
    assert [s.kind for s in data.sign_ins] == ["login", "session", "logout", "session"]
    assert data.sign_ins[0].city == "Düsseldorf" and data.sign_ins[0].country == "DE"
    assert data.sign_ins[1].country is None  # a country name in German is not guessed at
    assert (data.sign_ins[3].city, data.sign_ins[3].country) == ("Köln", "DE")
    (event,) = data.events
    assert event.kind == "password_change" and "'Passwort geändert'" in event.detail
    (skipped,) = data.skipped
    assert skipped.record == 4 and "'Sicherheitsprüfung abgeschlossen'" in skipped.reason


def ig_login(labels: dict[str, tuple[str, int]], title: str) -> dict[str, Any]:
    return {
        "title": title,
        "media_map_data": {},
        "string_map_data": {k: {"href": "", "value": v, "timestamp": t} for k, (v, t) in labels.items()},
    }


def test_instagram_labels_in_any_case_or_language(tmp_path: Path) -> None:
    agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Instagram 350.0"
    logins = [
        ig_login({"IP ADDRESS": ("86.150.12.34", 0), "TIME": ("", 1780000000), "USER AGENT": (agent, 0)}, "2026-05-28T20:26:40+00:00"),
        ig_login({"Ip Address": ("82.132.200.17", 0), "time": ("", 1780000600), "Port": ("443", 0)}, "Connexion"),
        ig_login({"Adresse IP": ("81.2.69.142", 0), "Heure": ("", 1780001200), "Agent utilisateur": (agent, 0)}, "Connexion"),
        ig_login({"Adresse IP": ("1.132.45.6", 0), "Port": ("443", 0)}, "2026-05-28T21:00:00+00:00"),
        ig_login({"Adresse IP": ("1.132.45.6", 0), "Port": ("443", 0)}, "Anmeldung"),
    ]  # fmt: skip
    root = write_files(
        tmp_path / "instagram",
        {"login_activity.json": meta_bytes({"account_history_login_history": logins})},
    )
    data = read_security(root)
    assert data.platform == "instagram"
    assert [(s.ip, s.when) for s in data.sign_ins] == [
        ("86.150.12.34", at(2026, 5, 28, 20, 26, 40)),
        ("82.132.200.17", at(2026, 5, 28, 20, 36, 40)),
        ("81.2.69.142", at(2026, 5, 28, 20, 46, 40)),
        ("1.132.45.6", at(2026, 5, 28, 21)),  # no time label: the ISO title
    ]
    assert data.sign_ins[0].user_agent == agent and data.sign_ins[2].user_agent == agent
    assert [(s.record, s.reason) for s in data.skipped] == [(4, "no time")]


def test_an_unknown_newer_shape_is_skipped_record_by_record_never_guessed(tmp_path: Path) -> None:
    records = [
        {
            "timestamp": 1780000000 + i,
            "fbid": str(i),
            "label_values": [{"label": "IP address", "value": "86.150.12.34"}],
        }
        for i in range(3)
    ]
    root = write_files(tmp_path / "facebook-2027", {FB + "account_activity.json": meta_bytes(records)})
    data = read_security(root)
    assert (
        data.platform == "facebook"
        and data.sign_ins == []
        and data.records == {FB + "account_activity.json": 3}
    )
    assert [(s.record, s.reason) for s in data.skipped] == [(i, "no action named") for i in range(3)]


def test_the_precise_last_known_location_is_never_read(tmp_path: Path) -> None:
    place = {
        "string_map_data": {
            "Precise Latitude": {"value": "53.80012"},
            "Precise Longitude": {"value": "-1.54901"},
        }
    }
    root = shutil.copytree(DATA / "instagram-clean", tmp_path / "instagram")
    where = (
        root / "security_and_login_information" / "login_and_profile_creation" / "last_known_location.json"
    )
    where.write_bytes(meta_bytes({"account_history_imprecise_last_known_location": [place]}))
    data = read_security(root)
    assert not any("last_known_location" in name for name in data.files)
    assert "53.80012" not in json.dumps(essence(data), default=str)


# -- containers, mixed and empty exports -------------------------------------------------------


def zipped(folder: Path, out: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, prefix + path.relative_to(folder).as_posix())
    return out


def tarred(folder: Path, out: Path) -> Path:
    with tarfile.open(out, "w:gz") as tf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                tf.add(path, path.relative_to(folder).as_posix())
    return out


def essence(data: SecurityData) -> dict[str, Any]:
    return {
        "platform": data.platform,
        "sign_ins": [s.to_dict() for s in data.sign_ins],
        "events": [e.to_dict() for e in data.events],
        "skipped": [s.to_dict() for s in data.skipped],
        "files": data.files,
        "records": data.records,
        "handles": data.handles,
        "last_post": data.last_post,
        "timezone": data.timezone,
    }


@pytest.mark.parametrize("name", sorted(SKIPS))
def test_a_zip_or_tar_of_the_export_reads_the_same(name: str, tmp_path: Path) -> None:
    folder = essence(read(name))
    assert essence(read_security(zipped(DATA / name, tmp_path / f"{name}.zip"))) == folder
    assert essence(read_security(tarred(DATA / name, tmp_path / f"{name}.tar.gz"))) == folder
    prefixed = read_security(zipped(DATA / name, tmp_path / "download.zip", prefix="my-export/"))
    assert len(prefixed.sign_ins) == len(folder["sign_ins"]) and len(prefixed.skipped) == len(
        folder["skipped"]
    )
    assert all(s.source.startswith("my-export/") for s in prefixed.sign_ins)


def test_an_export_without_security_files_is_refused_in_one_line(tmp_path: Path) -> None:
    posts = write_files(
        tmp_path / "linkedin-basic", {"Shares.csv": (DATA / "linkedin-clean" / "Shares.csv").read_bytes()}
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    for path in (posts, empty, zipped(posts, tmp_path / "basic.zip")):
        with pytest.raises(InputError) as caught:
            read_security(path)
        message = str(caught.value)
        assert "\n" not in message and message.startswith(path.name)
        assert "no security files found" in message and "Logins.csv" in message and "ip-audit.js" in message
        assert "complete archive" in message


def test_a_security_file_of_another_platform_is_reported_not_read(tmp_path: Path) -> None:
    root = tmp_path / "x"
    shutil.copytree(DATA / "x-clean", root)
    shutil.copy(DATA / "linkedin-clean" / "Logins.csv", root / "Logins.csv")
    data = read_security(root)
    assert data.platform == "x" and "Logins.csv" not in data.files
    (skipped,) = data.skipped
    assert skipped.source == "Logins.csv" and "a LinkedIn security file in this X export" in skipped.reason


def test_an_entry_the_archive_refuses_is_reported(tmp_path: Path) -> None:
    path = zipped(DATA / "x-clean", tmp_path / "x.zip")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("../data/ip-audit.js", b"window.YTD.ip_audit.part0 = [ ]")
    data = read_security(path)
    assert essence(data)["sign_ins"] == essence(read("x-clean"))["sign_ins"]
    (skipped,) = data.skipped
    assert (
        skipped.source == "x.zip"
        and "unsafe path" in skipped.reason
        and "../data/ip-audit.js" in skipped.reason
    )


def test_time_contacts_and_countries() -> None:
    assert utc("Tue Mar 05 10:12:44 UTC 2024") == at(2024, 3, 5, 10, 12, 44)
    assert utc("Thu Nov 02 19:19:19 +0000 2023") == at(2023, 11, 2, 19, 19, 19)
    assert utc("2022-11-14T16:23:31.000Z") == at(2022, 11, 14, 16, 23, 31)
    assert utc("2024.03.05") == at(2024, 3, 5)
    assert utc("3/14/12, 9:05 AM") == at(2012, 3, 14, 9, 5)
    assert utc(1702744690) == utc("1702744690") == utc(1702744690000) == at(2023, 12, 16, 16, 38, 10)
    for bad in ("yesterday", "1970-01-01T00:00:00Z", "2200-01-01", 10**5000, float("nan"), True, [], None):
        assert utc(bad) is None, bad
    assert mask_email("jane.doe@example.org") == "j***@example.org"
    assert mask_phone("+44 7700 900123") == "+44********23" and mask_phone("123") == "***"
    assert [country_code(c) for c in ("GB", "gb", "United Kingdom", "UK", "Russia", "Brazil", "Atlantis", "")] == [
        "GB", "GB", "GB", "GB", "RU", "BR", None, None,
    ]  # fmt: skip


# -- mutated exports -----------------------------------------------------------------------------

FUZZ_SEEDS = ("x-planted", "x-clean", "facebook-planted", "instagram-planted", "linkedin-planted")
EXAMPLES = int(os.environ.get("POSTGUARD_FUZZ_EXAMPLES", "150"))
BASE_SEED = int(os.environ.get("POSTGUARD_FUZZ_SEED", "0"))


@functools.cache
def fuzz_seed(name: str) -> Seed:
    root = DATA / name
    return Seed(
        name, {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    )


def listed(name: str, data: bytes) -> int | None:
    """Records in a well-formed data file (an X `.js` array, a Meta list or object holding one
    list), counted without the readers; None for anything else."""
    loaded = load_document(data)
    if loaded is None or name.endswith(".csv"):
        return None
    prefix, doc = loaded
    if name.endswith(".js"):
        return len(doc) if prefix and isinstance(doc, list) else None
    if isinstance(doc, dict) and len(doc) == 1:
        doc = next(iter(doc.values()))
    return len(doc) if not prefix and isinstance(doc, list) else None


def check(data: SecurityData, members: dict[str, bytes]) -> None:
    """What a read of any export must satisfy: aware UTC times, one-line reasons, no unforeseen
    exception, and every record of every file read counted, each read or skipped."""
    times = [t for s in data.sign_ins for t in (s.when, s.last_seen)] + [e.when for e in data.events]
    times.append(data.last_post)
    assert all(t is None or t.utcoffset() == dt.timedelta(0) for t in times)
    for skipped in data.skipped:
        assert skipped.reason and skipped.reason.isprintable(), skipped
        assert not skipped.reason.startswith("could not be read ("), skipped  # an unforeseen exception
    assert set(data.records) <= set(data.files)
    whole_file = {s.source for s in data.skipped if s.record is None}
    for name in data.files:
        assert name in data.records or name in whole_file, name
        count = listed(name, members[name]) if name in members else None
        if count is not None:  # a well-formed file: every record read or skipped, none lost
            assert name not in whole_file and data.records[name] == count, name
            indices = [s.record for s in data.skipped if s.source == name and s.record is not None]
            assert all(0 <= i < count for i in indices), name


def test_the_unmutated_seeds_pass_the_checks() -> None:
    for name in FUZZ_SEEDS:
        check(read(name), fuzz_seed(name).members())


@pytest.mark.fuzz
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@hypothesis_seed(BASE_SEED + zlib.crc32(b"secure-readers"))
@given(st.data())
def test_mutated_security_files_never_crash_and_every_record_is_counted_or_skipped(
    draw: st.DataObject,
) -> None:
    seed = fuzz_seed(draw.draw(st.sampled_from(FUZZ_SEEDS), label="seed"))
    changes = draw.draw(st.lists(mutations(seed), min_size=1, max_size=3), label="mutations")
    container = draw.draw(st.sampled_from(("folder", "zip", "tar")), label="container")
    members = seed.members()
    for change in changes:
        change.apply(members)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_container(members, Path(tmp) / seed.name, container)
        try:
            data = read_security(path)
        except InputError as exc:
            assert "\n" not in str(exc)
            return
    check(data, members)
