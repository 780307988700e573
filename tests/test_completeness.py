"""Completeness instead of discipline (flake8's test_pyflakes_codes, sqlite-utils' test_docs):
every rule has detectors that are registered, a fixture file with enough cases, and examples
in its documentation that behave as documented; every command has help text.
"""

from __future__ import annotations

from typing import Any

import pytest
import typer
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


def _commands() -> list[list[str]]:
    """Every command and sub-command, read from the CLI itself so a new one cannot be missed."""
    found: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        found.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if not sub.hidden:
                walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = _commands()


def test_the_command_list_is_the_whole_cli() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"check", "audit", "scrub", "evidence export", "profile watch add"} <= names


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "postguard")
def test_every_command_has_help(command: list[str]) -> None:
    """A clinician reading --help sees what the command does and what each option is for."""
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert len(result.output.splitlines()) > 4
    leaf = typer.main.get_command(app)
    for name in command:
        leaf = leaf.commands[name]  # type: ignore[attr-defined]
    assert (leaf.help or "").strip(), f"{' '.join(command)} has no description"
    for param in leaf.params:
        if param.param_type_name == "option" and not getattr(param, "hidden", False):
            assert (param.help or "").strip(), f"{' '.join(command)} {param.opts[0]} has no help"
