"""The clinicians' corpus (training/corpus/*.jsonl) as training examples for the policy heads.

Each line is a post with the rules it breaks (``rules``), its ``kind`` (breach, near_miss or
everyday), platform and voice; helpers with different briefs wrote the files (README.md there).
A post that breaks SM201, SM202, SM203 or SM601 teaches the abuse label of that rule; every
other rule has a head of its own, and so do credential claims ("CRED" in the files: the writer
claims a title or membership, which breaks SM401 only where the profile does not hold it). The pack's
own examples (``examples.fire`` and ``examples.clean``) are added, and near-duplicates are dropped
so a helper's favourite shape does not count twenty times.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from postguard.classifier import POLICY_HEADS
from postguard.policy import load_pack
from training.data import Example, bucket, example

CORPUS = Path(__file__).resolve().parent / "corpus"
# rules the abuse labels already judge: their posts teach those labels
ABUSE_LABEL = {"SM201": "hate", "SM202": "bullying", "SM203": "harm", "SM601": "heated"}
KINDS = ("breach", "near_miss", "everyday")
_TOKEN = re.compile(r"[^\W_]+")


def read(folder: Path = CORPUS) -> list[dict[str, Any]]:
    """Every post of the corpus files, in file order; a malformed line is an error naming it."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path.name}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(row.get("text"), str) or row.get("kind") not in KINDS:
                raise ValueError(f"{path.name}:{number}: needs a text and a kind in {KINDS}")
            rows.append(row | {"file": path.name})
    return rows


def distinct(texts: Iterable[str], jaccard: float = 0.7) -> list[int]:
    """Indexes of the texts kept when near-duplicates (word-trigram Jaccard at or above
    ``jaccard`` with an earlier text) are dropped."""
    kept: list[int] = []
    seen: list[set[tuple[str, ...]]] = []
    index: dict[tuple[str, ...], list[int]] = {}
    for i, text in enumerate(texts):
        words = _TOKEN.findall(text.casefold())
        grams = {tuple(words[j : j + 3]) for j in range(max(1, len(words) - 2))}
        candidates = {k for g in grams for k in index.get(g, ())}
        if any(len(grams & seen[k]) / len(grams | seen[k]) >= jaccard for k in candidates):
            continue
        for g in grams:
            index.setdefault(g, []).append(len(seen))
        seen.append(grams)
        kept.append(i)
    return kept


def labelled(text: str, rules: list[str], source: str) -> Example:
    """One post as an example: its abuse labels (known to be 0 on a clean post) and its heads."""
    rules = ["credential" if code == "CRED" else code for code in rules]
    clean = not rules
    abuse = {label: (1 if rule in rules else 0 if clean else None) for rule, label in ABUSE_LABEL.items()}
    return example(
        text,
        source,
        bucket(text, 0.15),
        hate=abuse["hate"],
        bullying=abuse["bullying"],
        harm=abuse["harm"],
        heated=abuse["heated"],
        rules={head: int(head in rules) for head in POLICY_HEADS},
    )


def pack_examples(pack: str = "babcp") -> Iterator[tuple[str, list[str]]]:
    """The pack's examples: each rule's ``fire`` posts break it, its ``clean`` posts break nothing."""
    for rule in load_pack(pack).rules.values():
        for text in rule.examples.fire:
            yield text, [rule.code]
        for text in rule.examples.clean:
            yield text, []


def load(folder: Path = CORPUS) -> list[Example]:
    """The corpus and the pack's examples, near-duplicates dropped, split by a hash of the text."""
    rows = [
        (str(r["text"]), [str(c) for c in r.get("rules") or []], f"corpus/{r['kind']}") for r in read(folder)
    ]
    rows += [(text, rules, "pack") for text, rules in pack_examples()]
    return [labelled(*rows[i]) for i in distinct(text for text, _, _ in rows)]
