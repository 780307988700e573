"""Policy packs: the rules of a professional body, as data."""

from postguard.policy.pack import Pack, Rule, load_pack

__all__ = ["Pack", "Rule", "load_pack"]
