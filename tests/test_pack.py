"""Policy packs are data: validated at load, extendable by an employer or another body."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from postguard.engine import Engine
from postguard.errors import PackError
from postguard.model import Severity, Verdict
from postguard.policy import load_pack
from postguard.policy.pack import builtin_packs


def test_babcp_pack_has_the_whole_catalogue() -> None:
    pack = load_pack("babcp")
    expected = {
        "SM101",
        "SM102",
        "SM103",
        "SM201",
        "SM202",
        "SM203",
        "SM204",
        "SM301",
        "SM401",
        "SM402",
        "SM403",
        "SM501",
        "SM502",
        "SM503",
        "SM601",
    }
    assert set(pack.rules) == expected
    assert pack.rules["SM102"].severity_for("text") is Severity.HIGH
    assert pack.rules["SM102"].severity_for("image:me.jpg") is Severity.WARNING
    assert "babcp" in builtin_packs()


def test_employer_pack_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "trust.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "id": "nhs-trust",
                "version": "1",
                "title": "Trust social media rules",
                "body": "An NHS trust",
                "extends": "babcp",
                "overrides": {"SM601": {"severity": "high"}, "SM501": {"enabled": False}},
            }
        )
    )
    pack = load_pack(str(path))
    assert pack.rules["SM601"].severity == "high"
    assert "SM501" not in pack.rules
    report = Engine(pack).check("@troll you are a clueless idiot!!!")
    assert report.verdict is Verdict.BLOCK
    assert report.policy_id == "nhs-trust"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "x", "version": "1", "title": "t", "body": "b", "rules": [{"code": "SM1"}]}, "rules.0"),
        (
            {
                "id": "x",
                "version": "1",
                "title": "t",
                "body": "b",
                "extends": "babcp",
                "overrides": {"SM999": {}},
            },
            "SM999",
        ),
        ({"id": "x", "version": "1", "title": "t"}, "body"),
        ({"id": "x", "version": "1", "title": "t", "body": "b", "extends": "nope"}, "no policy pack named"),
    ],
)
def test_broken_pack_names_the_field(tmp_path: Path, data: dict[str, object], message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(PackError, match=message):
        load_pack(str(path))


def test_unknown_detector_is_rejected(tmp_path: Path) -> None:
    base = yaml.safe_load((Path(__file__).parents[1] / "src/postguard/policy/packs/babcp.yaml").read_text())
    base["rules"][0]["detectors"] = ["no_such_detector"]
    path = tmp_path / "pack.yaml"
    path.write_text(yaml.safe_dump(base))
    with pytest.raises(PackError, match="no_such_detector"):
        Engine(load_pack(str(path)))


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("rules: [unclosed")
    with pytest.raises(PackError, match="not valid YAML"):
        load_pack(str(path))


def test_unknown_rule_code() -> None:
    with pytest.raises(PackError, match="unknown rule code 'SM999'"):
        load_pack("babcp").rule("SM999")
