"""Load and validate policy packs (YAML), so a body or employer can change rules without code.

A pack either lists its rules in full or ``extends`` another pack and overrides severities or
disables rules, e.g. an NHS trust's pack on top of BABCP's.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from postguard.errors import PackError
from postguard.model import Severity

SeverityName = Literal["info", "warning", "high"]
CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fire: list[str] = Field(min_length=1)
    clean: list[str] = Field(default_factory=list)
    rewrite: str | None = None
    file: str | None = Field(
        default=None, description="JSON Lines of more examples beside the pack (rules defined by examples)"
    )


class Rule(BaseModel):
    """One rule of a policy: what it catches, the clause it enforces, how to fix a breach."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    slug: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    title: str
    severity: SeverityName
    image_severity: SeverityName | None = None
    clause: str = Field(min_length=10)
    why: str
    fix: str
    detectors: list[str] = Field(min_length=1)
    examples: Examples
    status: Literal["stable", "preview", "deprecated"] = "stable"

    @field_validator("code")
    @classmethod
    def _code_shape(cls, value: str) -> str:
        if not CODE.match(value):
            raise ValueError(f"{value!r} is not a rule code like SM101")
        return value

    def severity_for(self, source: str) -> Severity:
        if source.startswith("image:") and self.image_severity:
            return Severity.parse(self.image_severity)
        return Severity.parse(self.severity)


class Override(BaseModel):
    model_config = ConfigDict(extra="forbid")

    severity: SeverityName | None = None
    image_severity: SeverityName | None = None
    enabled: bool = True


class PackFile(BaseModel):
    """The YAML file as written: a full pack, or an extension of another."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    version: str
    title: str
    body: str
    source: str = ""
    language: str = "en"
    extends: str | None = None
    rules: list[Rule] = Field(default_factory=list)
    overrides: dict[str, Override] = Field(default_factory=dict)
    redirects: dict[str, str] = Field(default_factory=dict)


class Pack(BaseModel):
    """A resolved pack: every enabled rule, keyed by code."""

    model_config = ConfigDict(frozen=True)

    id: str
    version: str
    title: str
    body: str
    language: str
    rules: dict[str, Rule]
    redirects: dict[str, str]
    path: str | None = None  # the pack file, for a pack not built in

    def rule(self, code: str) -> Rule:
        """The rule for a code, following renamed codes; PackError names an unknown one."""
        code = code.strip().upper()
        code = self.redirects.get(code, code)
        try:
            return self.rules[code]
        except KeyError:
            known = ", ".join(sorted(self.rules))
            raise PackError(f"unknown rule code {code!r} in pack {self.id!r} (known: {known})") from None


def builtin_packs() -> list[str]:
    folder = resources.files("postguard.policy") / "packs"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def _read(name_or_path: str) -> tuple[PackFile, str]:
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        where = str(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PackError(f"cannot read policy pack {where}: {exc}") from None
    else:
        where = f"built-in pack {name_or_path!r}"
        resource = resources.files("postguard.policy") / "packs" / f"{name_or_path}.yaml"
        if not resource.is_file():
            known = ", ".join(builtin_packs())
            raise PackError(f"no policy pack named {name_or_path!r} (built in: {known})")
        raw = resource.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise PackError(f"{where}:{line} is not valid YAML") from None
    if not isinstance(data, dict):
        raise PackError(f"{where}: a policy pack must be a YAML mapping")
    try:
        return PackFile.model_validate(data), where
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise PackError(f"{where}: field {field!r}: {err['msg']}") from None


@cache
def load_pack(name_or_path: str = "babcp") -> Pack:
    """Load a built-in pack by name or a pack file by path, resolving ``extends``."""
    return _resolve(name_or_path, ())


def _resolve(name_or_path: str, seen: tuple[str, ...]) -> Pack:
    if name_or_path in seen:
        raise PackError(f"policy packs extend each other in a loop: {' -> '.join(seen)}")
    pack_file, where = _read(name_or_path)
    rules: dict[str, Rule] = {}
    redirects: dict[str, str] = {}
    if pack_file.extends:
        base = _resolve(pack_file.extends, (*seen, name_or_path))
        rules.update(base.rules)
        redirects.update(base.redirects)
    for rule in pack_file.rules:
        if rule.code in rules and not pack_file.extends:
            raise PackError(f"{where}: rule {rule.code} is defined twice")
        rules[rule.code] = rule
    for code, override in pack_file.overrides.items():
        if code not in rules:
            raise PackError(f"{where}: field 'overrides.{code}': no such rule to override")
        if not override.enabled:
            del rules[code]
            continue
        changes = override.model_dump(exclude_none=True, exclude={"enabled"})
        rules[code] = rules[code].model_copy(update=changes)
    redirects.update(pack_file.redirects)
    if not rules:
        raise PackError(f"{where}: the pack has no rules")
    return Pack(
        id=pack_file.id,
        version=pack_file.version,
        title=pack_file.title,
        body=pack_file.body,
        language=pack_file.language,
        rules=dict(sorted(rules.items())),
        redirects=redirects,
        path=None if where.startswith("built-in") else where,
    )
