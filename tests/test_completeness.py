"""Completeness instead of discipline (flake8's test_pyflakes_codes, sqlite-utils' test_docs):
every rule has detectors that are registered, a fixture file with enough cases, and examples
in its documentation that behave as documented; every command has help text.
"""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from postguard import check
from postguard.cli import app
from postguard.detectors import REGISTRY
from postguard.policy import load_pack
from rule_cases import RULES_DIR

PACK = load_pack("babcp")
IMAGE_ONLY = {"SM502"}  # no text can carry photo metadata: covered by tests/media


@pytest.mark.parametrize("code", sorted(PACK.rules))
def test_rule_has_registered_detectors(code: str) -> None:
    rule = PACK.rules[code]
    for name in rule.detectors:
        assert name in REGISTRY, f"{code} names unregistered detector {name}"
        assert code in REGISTRY[name].rules, f"{name} does not declare {code}"


@pytest.mark.parametrize("code", sorted(set(PACK.rules) - IMAGE_ONLY))
def test_rule_has_a_fixture_file(code: str) -> None:
    data = yaml.safe_load((RULES_DIR / f"{code}.yaml").read_text())
    assert data["rule"] == code
    assert len(data["fire"]) >= 15 and len(data["clean"]) >= 15


@pytest.mark.parametrize("code", sorted(set(PACK.rules) - IMAGE_ONLY))
def test_documented_examples_behave_as_documented(code: str) -> None:
    rule = PACK.rules[code]
    for example in rule.examples.fire:
        assert code in {f.rule for f in check(example).findings}, example
    for example in rule.examples.clean:
        assert code not in {f.rule for f in check(example).findings}, example
    if rule.examples.rewrite:
        assert code not in {f.rule for f in check(rule.examples.rewrite).findings}


COMMANDS = [
    [],
    ["check"],
    ["rules"],
    ["explain"],
    ["scrub"],
    ["profile"],
    ["profile", "init"],
    ["profile", "show"],
    ["profile", "watch", "add"],
    ["evidence"],
    ["evidence", "add"],
    ["evidence", "verify"],
    ["evidence", "export"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "postguard")
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert len(result.output.splitlines()) > 4
