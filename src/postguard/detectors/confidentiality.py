"""SM101: a client could be identified, or someone revealed to be in treatment.

Identifiers count only next to a particular client ("my 9am", "a lad I see"): a name or record
number identifies on its own; ages, jobs, places, workplaces and events are quasi-identifiers
that identify in combination (age + job + town), as the policy's own example shows. The member's
watch-list of client names fires whatever the context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from postguard.analysis import Analysis
from postguard.detectors.base import Detector, register
from postguard.identifiers import QUASI, STRONG, Identifier
from postguard.model import Evidence

# Names introduced like this belong to colleagues, authors or the member's own family.
_NOT_A_CLIENT_BEFORE = re.compile(
    r"(?:\b(?:dr|prof|professor|colleague|supervisor|supervisee|author|by|thanks|thank you|"
    r"congrats|congratulations|with|from|speaker|keynote|presenter|chair|trainer|tutor|mentor|"
    r"my (?:sister|brother|husband|wife|partner|mum|mam|mom|dad|son|daughter|friend|colleague|"
    r"boss|manager|nan|gran|grandad|niece|nephew|cousin|aunt|uncle|dog|cat|pup|puppy|kitten|"
    r"horse|bestie|mate|fiancé|fiancée|fiance|fiancee|boyfriend|girlfriend))\.?\s*$)",
    re.IGNORECASE,
)
_NOT_A_CLIENT_AFTER = re.compile(r"^(?:'s|’s)\s+(?:book|model|paper|work|theory|research|talk|keynote)\b")
# The member describing themselves ("as a nurse", "I'm a teacher", "my clinic in Leeds").
_SELF_BEFORE = re.compile(
    r"(?:\b(?:i'?m|i am|as|i was|fellow|our|my (?:clinic|practice|office|service|team|room)s?)\s+"
    r"(?:an?\s+|based\s+|located\s+|in\s+|at\s+)*)$",
    re.IGNORECASE,
)
_PLACE_LABELS = {"GPE": "a place", "LOC": "a place", "FAC": "a place", "ORG": "an organisation"}
_REPLACEMENTS = {
    "name": "[a client]",
    "initial": "[a client]",
    "age": "[age removed]",
    "job": "[job removed]",
    "workplace": "[workplace removed]",
    "place": "[place removed]",
    "organisation": "[organisation removed]",
    "event": "[detail removed]",
    "nhs_number": "[record number removed]",
    "date_of_birth": "[date removed]",
    "address": "[address removed]",
    "postcode": "[postcode removed]",
    "phone": "[number removed]",
    "email": "[email removed]",
    "handle": "[handle removed]",
    "role": "[detail removed]",
    "sighting": "[detail removed]",
}


def _entity_identifiers(post: Analysis) -> list[Identifier]:
    found = []
    own_name = (post.profile.name.casefold() if post.profile else "") or None
    for ent in post.entities:
        before = post.text[max(0, ent.start - 30) : ent.start]
        after = post.text[ent.end : ent.end + 12]
        if ent.label == "PERSON":
            if _NOT_A_CLIENT_BEFORE.search(before) or _NOT_A_CLIENT_AFTER.match(after):
                continue
            if own_name and ent.text.casefold() in own_name:
                continue
            if _ambiguous_sentence_start(post, ent.start, ent.end):
                continue
            found.append(Identifier("name", ent.start, ent.end, STRONG, "a name"))
        elif ent.label in _PLACE_LABELS and not _SELF_BEFORE.search(before):
            if ent.text.upper() in {"NHS", "CBT", "BABCP", "OCD", "PTSD", "GP", "A&E", "IAPT"}:
                continue
            kind = "organisation" if ent.label == "ORG" else "place"
            found.append(Identifier(kind, ent.start, ent.end, QUASI, _PLACE_LABELS[ent.label]))
    return found


_APPOSITION_AFTER = re.compile(
    r"^(?:,\s+(?:a|an|the|who|aged|\d|we|you|i|so|well|thank|congrat|happy)|'s|’s|\s+\(\d)", re.IGNORECASE
)


def _ambiguous_sentence_start(post: Analysis, start: int, end: int) -> bool:
    """A lone capitalised word opening a sentence ("Proud doesn't cover it") is as likely a
    word as a name; count it only when it reads as a name ("Jess, a 34 year old ...").
    """
    text = post.text
    if " " in text[start:end].strip() or post.sentence_at(start).start != start:
        return False
    return not _APPOSITION_AFTER.match(text[end : end + 12])


def _near_a_client(post: Analysis, ids: list[Identifier]) -> list[Identifier]:
    """Keep identifiers in the sentences around a specific client mention."""
    mention_idx = [post.sentence_index(m.start) for m in post.client_mentions if m.specific]
    if not mention_idx:
        return []
    low, high = min(mention_idx) - 1, max(mention_idx) + 2
    kept = []
    for ident in ids:
        i = post.sentence_index(ident.start)
        if ident.kind == "handle" and not any(m - 1 <= i <= m for m in mention_idx):
            continue  # a handle after the client story is usually who the post replies to
        if low <= i <= high and not _SELF_BEFORE.search(post.text[max(0, ident.start - 25) : ident.start]):
            kept.append(ident)
    return kept


def redact(text: str, ids: list[Identifier]) -> str:
    """The post with every identifying detail replaced by a generic placeholder."""
    out, pos = [], 0
    for ident in sorted(ids, key=lambda i: (i.start, -i.end)):
        if ident.start < pos:
            continue
        out.append(text[pos : ident.start])
        out.append(_REPLACEMENTS.get(ident.kind, "[detail removed]"))
        pos = ident.end
    out.append(text[pos:])
    return "".join(out)


def _shifted(ident: Identifier, by: int) -> Identifier:
    return replace(ident, start=ident.start + by, end=ident.end + by)


def _describe(text: str, ids: list[Identifier]) -> str:
    seen: dict[str, str] = {}
    for ident in sorted(ids, key=lambda i: i.start):
        seen.setdefault(ident.label, text[ident.start : ident.end].strip(" ,."))
    return ", ".join(f"{label} ({value!r})" for label, value in seen.items())


@register
class ConfidentialityDetector(Detector):
    name = "confidentiality"
    rules = ("SM101",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        records = post.records
        if not post.specific_client and not (records and post.mentions_clients):
            if records and any(i.kind == "nhs_number" for i in records):
                yield self._evidence(post, records, "an NHS number is in the post")
            return
        ids = list(records)
        if post.specific_client:
            candidates = [*post.quasi, *post.contacts, *_entity_identifiers(post)]
            ids += _near_a_client(post, candidates)
        if not ids:
            return
        by_kind: dict[str, float] = {}
        for ident in ids:
            by_kind[ident.kind] = max(by_kind.get(ident.kind, 0.0), ident.weight)
        if {"place", "organisation"} <= by_kind.keys():
            by_kind["organisation"] *= 0.5  # "Leeds" and "LGI" often name one place twice
        score = sum(by_kind.values())
        if score < STRONG:
            return
        yield self._evidence(post, ids, f"identifies a client: {_describe(post.text, ids)}", score)

    def _evidence(self, post: Analysis, ids: list[Identifier], message: str, score: float = 1.0) -> Evidence:
        start = min(i.start for i in ids)
        end = max(i.end for i in ids)
        return Evidence(
            rule="SM101",
            message=message,
            start=start,
            end=end,
            score=min(1.0, 0.5 + score / 4),
            detector=self.name,
            suggestion="Rewrite without the identifying details: " + redact(post.text, ids),
            explanation={
                "identifiers": sorted({i.kind for i in ids}),
                # what the flagged words become, so an editor can offer it as the replacement
                "replacement": redact(post.text[start:end], [_shifted(i, -start) for i in ids]),
            },
        )


_WORD = re.compile(r"[\w'’-]+")


@register
class WatchListDetector(Detector):
    """Names on the member's watch-list, matched by keyed hash over every 1-4 word window."""

    name = "watchlist"
    rules = ("SM101",)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        profile = post.profile
        if profile is None or not profile.watchlist.names:
            return
        names, parts = set(profile.watchlist.names), set(profile.watchlist.parts)
        words = list(_WORD.finditer(post.text))
        for i in range(len(words)):
            for n in range(4, 0, -1):
                if i + n > len(words):
                    continue
                start, end = words[i].start(), words[i + n - 1].end()
                digest = profile.digest(post.text[start:end])
                full = digest in names
                if full or (n == 1 and digest in parts and post.mentions_clients):
                    yield Evidence(
                        rule="SM101",
                        message="a name on your client watch-list appears in the post",
                        start=start,
                        end=end,
                        detector=self.name,
                        suggestion="Remove the client's name, and any detail that points to them.",
                        explanation={"match": "full name" if full else "part of a name"},
                    )
                    break
