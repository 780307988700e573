"""Load the per-rule fixture files (tests/rules/SMxxx.yaml) into test cases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from postguard.profile import Profile

RULES_DIR = Path(__file__).parent / "rules"


@dataclass(frozen=True)
class Case:
    rule: str
    text: str
    should_fire: bool
    excerpt: str | None
    profile: dict[str, Any] | None
    where: str

    def make_profile(self) -> Profile | None:
        if self.profile is None:
            return None
        data = dict(self.profile)
        watch = data.pop("watch", [])
        profile = Profile.model_validate(data)
        for name in watch:
            profile.watch(name)
        return profile


def _line_numbers(path: Path) -> list[int]:
    """Line of each ``- text:`` item, in file order, so test ids point into the file."""
    return [
        i for i, line in enumerate(path.read_text().splitlines(), 1) if line.lstrip().startswith("- text:")
    ]


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(RULES_DIR.glob("SM*.yaml")):
        data = yaml.safe_load(path.read_text())
        lines = iter(_line_numbers(path))
        for key, fire in (("fire", True), ("clean", False)):
            for item in data.get(key, []):
                line = next(lines, 0)
                cases.append(
                    Case(
                        data["rule"],
                        item["text"],
                        fire,
                        item.get("excerpt"),
                        item.get("profile"),
                        f"{path.name}:{line}",
                    )
                )
    return cases
