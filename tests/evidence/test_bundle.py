"""A bundle checked on its own: by the member, or by the police on a computer without the log."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from evidence_helpers import Cli, tamper


@pytest.fixture
def bundle(cli: Cli, png: Callable[..., Path], tmp_path: Path) -> Path:
    for i in range(1, 4):
        assert cli.add("--screenshot", str(png(f"message {i}")), text=f"message {i}: you liar").exit_code == 0
    out = tmp_path / "police.zip"
    assert cli("export", "--for", "police", "--out", str(out)).exit_code == 0
    return out


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rezip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _verify_bundle(cli: Cli, path: Path, code: int) -> dict[str, Any]:
    result = cli("verify-bundle", str(path), "--format", "json")
    assert result.exit_code == code, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_a_fresh_bundle_checks_out_and_names_this_computer(cli: Cli, bundle: Path) -> None:
    result = cli("verify-bundle", str(bundle))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Bundle police.zip intact" in text
    assert "(this computer's key)" in text
    report = _verify_bundle(cli, bundle, 0)
    assert report["signed_here"] is True
    assert report["entries"] == 3 and report["problems"] == []


def test_police_without_postguard_can_check_the_signature(bundle: Path) -> None:
    """What the bundle's README tells a recipient to do (OpenSSL there; the same check here)."""
    members = _members(bundle)
    key = serialization.load_pem_public_key(members["public-key.pem"])
    assert isinstance(key, Ed25519PublicKey)
    key.verify(members["manifest.sig"], members["manifest.json"])  # raises if it does not hold
    assert "openssl pkeyutl -verify" in members["README.txt"].decode()


def test_police_on_another_computer_see_only_the_fingerprint(
    cli: Cli, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTGUARD_HOME", str(tmp_path / "police-computer"))
    report = _verify_bundle(cli, bundle, 0)
    assert report["signed_here"] is None
    assert len(report["signed_by"]) == 64
    assert not (tmp_path / "police-computer").exists(), "checking a bundle creates nothing"


def test_a_screenshot_swapped_inside_the_bundle_is_named(
    cli: Cli, bundle: Path, png: Callable[..., Path], tmp_path: Path
) -> None:
    members = _members(bundle)
    name = next(n for n in members if n.startswith("files/entry-0002/"))
    members[name] = png("a doctored screenshot").read_bytes()
    report = _verify_bundle(cli, _rezip(tmp_path / "changed.zip", members), 1)
    assert [p["detail"] for p in report["problems"]] == [
        f"{name} no longer matches its SHA-256 in manifest.json"
    ]


def test_a_manifest_rewritten_to_match_an_edit_breaks_the_signature(
    cli: Cli, bundle: Path, tmp_path: Path
) -> None:
    members = _members(bundle)
    members["README.txt"] += b"\nA line added later.\n"
    manifest = json.loads(members["manifest.json"])
    for item in manifest["files"]:
        if item["path"] == "README.txt":
            item["sha256"] = hashlib.sha256(members["README.txt"]).hexdigest()
            item["size"] = len(members["README.txt"])
    members["manifest.json"] = json.dumps(manifest, indent=2).encode()
    report = _verify_bundle(cli, _rezip(tmp_path / "resigned.zip", members), 1)
    assert [p["problem"] for p in report["problems"]] == ["bad-signature"]


def test_a_bundle_re_signed_with_another_key_is_not_from_this_computer(
    cli: Cli, bundle: Path, tmp_path: Path
) -> None:
    members = _members(bundle)
    forger = Ed25519PrivateKey.generate()
    members["public-key.pem"] = forger.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    raw = forger.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    manifest = json.loads(members["manifest.json"])
    manifest["signing"]["fingerprint"] = hashlib.sha256(raw).hexdigest()
    for item in manifest["files"]:
        if item["path"] == "public-key.pem":
            item["sha256"] = hashlib.sha256(members["public-key.pem"]).hexdigest()
            item["size"] = len(members["public-key.pem"])
    members["manifest.json"] = json.dumps(manifest).encode()
    members["manifest.sig"] = forger.sign(members["manifest.json"])
    forged = _rezip(tmp_path / "forged.zip", members)

    report = _verify_bundle(cli, forged, 0)  # consistent in itself...
    assert report["signed_here"] is False  # ...but not made on this computer
    assert "(not this computer's key)" in cli("verify-bundle", str(forged)).stdout
    against = cli.json("verify", "--against", str(forged))["against"]
    assert [p["problem"] for p in against["problems"]] == ["other-key"]


def test_a_file_slipped_into_the_bundle_is_named(cli: Cli, bundle: Path, tmp_path: Path) -> None:
    members = _members(bundle)
    members["files/entry-0001/2-extra.png"] = b"added later"
    report = _verify_bundle(cli, _rezip(tmp_path / "extra.zip", members), 1)
    assert [p["problem"] for p in report["problems"]] == ["bundle-changed"]
    assert "files/entry-0001/2-extra.png is not listed" in report["problems"][0]["detail"]


def test_a_bundle_from_before_signing_still_anchors_the_log(cli: Cli, bundle: Path, tmp_path: Path) -> None:
    members = _members(bundle)
    manifest = json.loads(members["manifest.json"])
    manifest["version"] = 1
    del manifest["signing"]
    manifest["files"] = [item for item in manifest["files"] if item["path"] != "public-key.pem"]
    members = {n: d for n, d in members.items() if n not in ("manifest.sig", "public-key.pem")}
    members["manifest.json"] = json.dumps(manifest).encode()
    old = _rezip(tmp_path / "old.zip", members)

    report = _verify_bundle(cli, old, 0)
    assert report["signed_by"] is None
    assert "not signed" in report["notes"][0]
    result = cli("verify", "--against", str(old))
    assert result.exit_code == 0, result.output
    assert "note: this bundle is not signed" in " ".join(result.stdout.split())


def test_a_damaged_zip_is_a_one_line_error(cli: Cli, bundle: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(bundle.read_bytes()[:2000])
    for result in (cli("verify-bundle", str(cut)), cli("verify-bundle", str(tmp_path / "none.zip"))):
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stderr.startswith("error: ")


def test_the_signing_key_is_made_once_owner_only_and_never_replaced(
    cli: Cli, home: Path, bundle: Path
) -> None:
    key = home / "signing-key.pem"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    first = key.read_bytes()
    assert cli("export", "--for", "platform", "--out", str(home.parent / "again.zip")).exit_code == 0
    assert key.read_bytes() == first

    key.write_bytes(b"damaged")
    result = cli("export", "--for", "platform", "--out", str(home.parent / "third.zip"))
    assert result.exit_code == 2
    assert "signing key" in result.stderr and "damaged" in result.stderr
    assert key.read_bytes() == b"damaged"


def test_a_bundle_of_a_log_that_had_failed_verification_says_so(cli: Cli, home: Path, tmp_path: Path) -> None:
    assert cli.add(text="message 1: you liar").exit_code == 0
    assert cli.add(text="message 2: you liar").exit_code == 0
    conn = tamper(home)
    conn.execute("UPDATE entries SET content = replace(content, 'liar', 'dear') WHERE seq = 1")
    conn.close()
    out = tmp_path / "broken.zip"
    assert cli("export", "--for", "police", "--out", str(out)).exit_code == 0
    report = _verify_bundle(cli, out, 1)
    assert ("exported-broken", None) in {(p["problem"], p["entry"]) for p in report["problems"]}
    assert (1, "edited") in {(p["entry"], p["problem"]) for p in report["problems"]}
