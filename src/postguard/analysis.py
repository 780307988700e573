"""One post under analysis: the text plus features computed once and shared by detectors.

Expensive features (spaCy entities) are computed lazily, or filled in a batch by the engine for
the posts that need them, so a post that never mentions a client never pays for NER.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from postguard import nlp, therapy
from postguard.classifier import Scores, classifier, passages
from postguard.identifiers import (
    Identifier,
    contact_identifiers,
    quasi_identifiers,
    record_identifiers,
)
from postguard.profile import Profile
from postguard.text import Span, sentence_at, sentences

if TYPE_CHECKING:
    from postguard.media import ImageInspection


@dataclass
class Analysis:
    text: str
    profile: Profile | None = None
    images: list[ImageInspection] = field(default_factory=list)
    _entities: list[nlp.Entity] | None = None
    _abuse: list[tuple[tuple[int, int], Scores]] | None = None

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    def sentence_at(self, offset: int) -> Span:
        return sentence_at(self.text, offset, self.sentences)

    def sentence_index(self, offset: int) -> int:
        """Which sentence an offset falls in (the last one for offsets past the end)."""
        starts = [s.start for s in self.sentences]
        return max(0, bisect_right(starts, offset) - 1)

    @cached_property
    def client_mentions(self) -> list[therapy.ClientMention]:
        return therapy.client_mentions(self.text)

    @cached_property
    def client_references(self) -> list[tuple[int, int]]:
        return therapy.client_references(self.text, self.client_mentions)

    def sentences_near(self, spans: list[tuple[int, int]], before: int = 1, after: int = 2) -> set[int]:
        """Indexes of the sentences around some spans; a short post counts as one context."""
        if len(self.text) < 300:
            return set(range(len(self.sentences)))
        return {self.sentence_index(s) + d for s, _ in spans for d in range(-before, after + 1)}

    @cached_property
    def specific_client(self) -> bool:
        return any(m.specific for m in self.client_mentions)

    @cached_property
    def mentions_clients(self) -> bool:
        return bool(self.client_mentions) or therapy.mentions_clients(self.text)

    @cached_property
    def contacts(self) -> list[Identifier]:
        return contact_identifiers(self.text)

    @cached_property
    def records(self) -> list[Identifier]:
        return record_identifiers(self.text)

    @cached_property
    def quasi(self) -> list[Identifier]:
        return quasi_identifiers(self.text)

    @property
    def needs_entities(self) -> bool:
        """NER can only change the verdict where a particular client is mentioned."""
        return self.specific_client

    @property
    def entities(self) -> list[nlp.Entity]:
        if self._entities is None:
            self._entities = nlp.entities(self.text)
        return self._entities

    def set_entities(self, ents: list[nlp.Entity]) -> None:
        self._entities = ents

    @cached_property
    def passages(self) -> list[tuple[int, int]]:
        return passages(self.text, self.sentences)

    def read_alone(self, start: int, end: int) -> bool:
        """Whether a passage is one sentence of a post read in several units: out of context
        such a line reads as anything, so only hate is judged on it and its passage decides
        the rest."""
        return len(self.passages) > 1 and any(s.start == start and s.end == end for s in self.sentences)

    @property
    def abuse(self) -> list[tuple[tuple[int, int], Scores]]:
        """The trained classifier's scores for each sentence and passage (see ``passages``)."""
        if self._abuse is None:
            spans = self.passages
            self._abuse = list(
                zip(spans, classifier().score([self.text[s:e] for s, e in spans]), strict=True)
            )
        return self._abuse

    def transformer_probability(self, start: int, end: int, label: str) -> float:
        """The transformer's highest probability for ``label`` over the sentences and passages
        around a span, run even where the first stage had cleared them (a pattern hit there is
        reason enough to look closely)."""
        found = self.abuse
        best = 0.0
        for i, ((s, e), scores) in enumerate(found):
            if s < end and start < e:
                if scores.screened:
                    scores = classifier().score([self.text[s:e]], screen=False)[0]
                    found[i] = ((s, e), scores)
                best = max(best, scores.labels[label])
        return best

    def set_abuse(self, scores: list[Scores]) -> None:
        """Scores for ``passages``, computed in a batch by the engine."""
        self._abuse = list(zip(self.passages, scores, strict=True))
