"""The detector interface and its single registry (one source of truth, as flake8's checks)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from postguard.analysis import Analysis
    from postguard.model import Evidence
    from postguard.policy import Pack

REGISTRY: dict[str, type[Detector]] = {}


class Detector:
    """A detector looks at one analysed post and yields evidence for one or more rules.

    Subclasses set ``name`` (what a policy pack refers to) and ``rules`` (the codes they can
    produce), and register themselves with :func:`register`. They are instantiated once per
    process, lazily, by the engine.
    """

    name: ClassVar[str]
    rules: ClassVar[tuple[str, ...]]

    def detect(self, post: Analysis) -> Iterable[Evidence]:
        raise NotImplementedError

    def bind(self, pack: Pack) -> None:
        """Called once by the engine with its pack: a detector that learns from the pack reads it here."""

    def speaks_for(self, rule: str) -> bool:
        """Whether the detector may produce findings for ``rule``."""
        return rule in self.rules


def register(cls: type[Detector]) -> type[Detector]:
    """Class decorator adding a detector to the registry under its ``name``."""
    if cls.name in REGISTRY:
        raise RuntimeError(f"detector {cls.name!r} registered twice")
    REGISTRY[cls.name] = cls
    return cls
