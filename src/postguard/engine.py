"""The check engine: run detectors over posts, apply the policy pack, decide the verdict."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from postguard import detectors as _detectors  # noqa: F401  (registers every detector)
from postguard import nlp
from postguard.analysis import Analysis
from postguard.classifier import classifier
from postguard.detectors.abuse_classifier import second_opinion
from postguard.detectors.base import REGISTRY, Detector
from postguard.errors import InputError, PackError
from postguard.language import NO_WORDS, detect_language, language_name
from postguard.model import Evidence, Finding, Report, Severity, Verdict
from postguard.normalize import Normalized, normalize
from postguard.policy import Pack, load_pack
from postguard.profile import Profile
from postguard.text import excerpt

MAX_CHARS = 100_000
# Detectors that do not depend on reading English: they still run on a post in another language.
LANGUAGE_FREE = ("faces", "image_metadata", "links", "watchlist")
# Detectors that read the classifier: a batch is scored at once when the pack uses any of them.
MODEL_DETECTORS = ("abuse_classifier", "policy_model", "misrepresentation")
WINDOW = 3_000
MAX_MERGED = 400  # a merged finding highlights a passage, not a whole essay
OVERLAP = 300


def validate_text(text: object) -> str:
    """The post text, or an InputError saying why it cannot be checked."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the post is not valid UTF-8 text") from None
    if not isinstance(text, str):
        raise InputError(f"the post must be text, not {type(text).__name__}")
    if not text.strip():
        raise InputError("the post is empty: give the text to check")
    if len(text) > MAX_CHARS:
        raise InputError(f"the post is {len(text):,} characters; postguard checks at most {MAX_CHARS:,}")
    return text


class Engine:
    """Runs one pack's detectors; detectors are created on first use and reused."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._detectors: dict[str, Detector] = {}
        for rule in pack.rules.values():
            for name in rule.detectors:
                if name not in REGISTRY:
                    raise PackError(f"pack {pack.id!r}: rule {rule.code} names unknown detector {name!r}")
        self.detector_names = sorted({name for rule in pack.rules.values() for name in rule.detectors})
        for name in self.detector_names:
            self.detector(name)  # a detector that cannot bind to this pack (stale heads) says so now

    def detector(self, name: str) -> Detector:
        if name not in self._detectors:
            detector = REGISTRY[name]()
            detector.bind(self.pack)
            self._detectors[name] = detector
        return self._detectors[name]

    def check(
        self, text: str | None, images: Sequence[str | Path] = (), profile: Profile | None = None
    ) -> Report:
        """Check one post and its photos; each photo's metadata, faces and visible text count."""
        from postguard.media import inspect_image

        inspections = [inspect_image(path) for path in images]
        if not inspections or (text and text.strip()):
            text = validate_text(text)
        typed = normalize(text or "")
        post = Analysis(typed.text, profile, inspections)
        language = detect_language(post.text) if post.text.strip() else "en"
        return self._report(post, language, typed)

    def check_many(self, texts: Sequence[str], profile: Profile | None = None) -> list[Report]:
        """Check posts in one batch: NER runs once over just the posts that need it."""
        typed = [normalize(validate_text(t)) for t in texts]
        posts = [Analysis(t.text, profile) for t in typed]
        languages = [detect_language(p.text) for p in posts]
        need_ner = [p for p, lang in zip(posts, languages, strict=True) if lang == "en" and p.needs_entities]
        for post, ents in zip(need_ner, nlp.entities_many([p.text for p in need_ner]), strict=True):
            post.set_entities(ents)
        if set(MODEL_DETECTORS) & set(self.detector_names):
            self._classify([p for p, lang in zip(posts, languages, strict=True) if lang == "en"])
        return [
            self._report(post, lang, original)
            for post, lang, original in zip(posts, languages, typed, strict=True)
        ]

    @staticmethod
    def _classify(posts: list[Analysis]) -> None:
        """The classifier over every passage of a batch at once, so its batches are full."""
        short = [p for p in posts if len(p.text) <= WINDOW]  # longer posts are read in windows
        spans = [p.passages for p in short]
        scores = classifier().score([p.text[s:e] for p, sp in zip(short, spans, strict=True) for s, e in sp])
        at = 0
        for post, sp in zip(short, spans, strict=True):
            post.set_abuse(scores[at : at + len(sp)])
            at += len(sp)

    def _evidence(self, post: Analysis) -> list[Evidence]:
        if len(post.text) <= WINDOW:
            found = [
                ev
                for name in self.detector_names
                for ev in self.detector(name).detect(post)
                if self.detector(name).speaks_for(ev.rule)
            ]
            return second_opinion(post, found) if "abuse_classifier" in self.detector_names else found
        # A very long text is read in overlapping windows, so no pattern's cost can grow with
        # the square of the length; photo evidence comes once, from the whole post.
        found = self._evidence(Analysis("", post.profile, post.images))
        for start, end in windows(post.text):
            for ev in self._evidence(Analysis(post.text[start:end], post.profile)):
                moved = (
                    ev
                    if ev.start is None or ev.end is None
                    else replace(ev, start=ev.start + start, end=ev.end + start)
                )
                found.append(moved)
        return found

    def _image_text_evidence(self, post: Analysis) -> list[Evidence]:
        """Every text rule over what OCR read in each photo, tagged with the photo's name."""
        found = []
        for inspection in post.images:
            if not inspection.ocr_text.strip():
                continue
            for ev in self._evidence(Analysis(inspection.ocr_text, post.profile)):
                found.append(
                    replace(
                        ev,
                        source=inspection.source,
                        start=None,
                        end=None,
                        message=f"{ev.message} (text read from the photo: {ev_excerpt(inspection.ocr_text, ev)!r})",
                    )
                )
        return found

    def _report(self, post: Analysis, language: str, typed: Normalized) -> Report:
        """Findings on the normalised text, reported at their places in what was typed."""
        notes = [note for inspection in post.images for note in inspection.notes]
        checked = language == "en"
        if checked:
            evidence = self._evidence(post) + self._image_text_evidence(post)
        else:
            # English rules cannot read the words; photos, links and watched names still count
            notes.append(
                "not checked: the post has no words to read, only emoji, numbers, links or mentions"
                if language == NO_WORDS
                else f"not checked: the post looks like {language_name(language)}; postguard checks English"
            )
            evidence = [
                ev
                for name in LANGUAGE_FREE
                for ev in self.detector(name).detect(post)
                if name in self.detector_names
            ]
        findings = [
            self.finding(typed.original, _in_original(ev, typed))
            for ev in merge(evidence)
            if ev.rule in self.pack.rules
        ]
        findings.sort(key=lambda f: (-f.severity, f.start if f.start is not None else -1, f.rule))
        verdict = Verdict.from_findings(findings)
        if not checked and language != NO_WORDS and verdict is Verdict.PASS:
            verdict = Verdict.REVIEW  # words we cannot read are never passed as clean
        return Report(verdict, findings, self.pack.id, self.pack.version, language, checked, notes)

    def finding(self, text: str, ev: Evidence) -> Finding:
        """Evidence as the pack's finding: its rule's severity (lowered, never raised, by the evidence)."""
        rule = self.pack.rules[ev.rule]
        severity = rule.severity_for(ev.source)
        if ev.severity is not None:
            severity = min(severity, ev.severity)
        return Finding(
            rule=rule.code,
            slug=rule.slug,
            severity=Severity(severity),
            message=f"{rule.title}: {ev.message}",
            start=ev.start,
            end=ev.end,
            excerpt=excerpt(text, ev.start, ev.end) if ev.source == "text" else None,
            clause=rule.clause,
            suggestion=ev.suggestion or rule.fix,
            source=ev.source,
            score=ev.score,
            detector=ev.detector,
            explanation=ev.explanation,
        )


def _in_original(ev: Evidence, typed: Normalized) -> Evidence:
    """Evidence found in the normalised text, its span moved to the characters that were typed."""
    if ev.source != "text" or ev.start is None or ev.end is None or not typed.changed:
        return ev
    start, end = typed.span(ev.start, ev.end)
    return replace(ev, start=start, end=end)


def windows(text: str) -> list[tuple[int, int]]:
    """Overlapping spans of at most WINDOW characters, cut at whitespace where possible."""
    spans = []
    start = 0
    while start < len(text):
        end = min(len(text), start + WINDOW)
        if end < len(text):
            cut = text.rfind(" ", start + WINDOW - OVERLAP, end)
            end = cut if cut > start else end
        spans.append((start, end))
        if end >= len(text):
            break
        start = max(start + 1, end - OVERLAP)
    return spans


def ev_excerpt(text: str, ev: Evidence, width: int = 80) -> str:
    if ev.start is None or ev.end is None:
        return text[:width]
    return text[ev.start : ev.end][:width]


def merge(evidence: Iterable[Evidence], gap: int = 40) -> list[Evidence]:
    """One piece of evidence per rule and stretch of text: overlapping or nearby hits (within
    ``gap`` characters) become one, the strongest message stretched to cover them all.
    """
    merged: list[Evidence] = []
    for ev in sorted(evidence, key=lambda e: (e.rule, e.source, e.start or 0, -e.score)):
        last = merged[-1] if merged else None
        if last and last.rule == ev.rule and last.source == ev.source and _overlaps(last, ev, gap):
            best = last if last.score >= ev.score else ev
            start = None if last.start is None or ev.start is None else min(last.start, ev.start)
            end = None if last.end is None or ev.end is None else max(last.end, ev.end)
            merged[-1] = Evidence(
                best.rule,
                best.message,
                start,
                end,
                max(last.score, ev.score),
                best.detector,
                best.suggestion,
                best.source,
                best.severity,
                best.explanation,
            )
        else:
            merged.append(ev)
    return merged


def _overlaps(a: Evidence, b: Evidence, gap: int) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return a.start is None and b.start is None and a.message == b.message
    near = a.start < b.end + gap and b.start < a.end + gap
    return near and max(a.end, b.end) - min(a.start, b.start) <= MAX_MERGED


@cache
def engine_for(pack: str = "babcp") -> Engine:
    return Engine(load_pack(pack))


def check(text: str | None, images: Sequence[str | Path] = (), profile: Profile | None = None) -> Report:
    """Check one post (and its images) against the member's pack (BABCP by default)."""
    return engine_for(profile.pack if profile else "babcp").check(text, images, profile)


def check_many(texts: Sequence[str], profile: Profile | None = None) -> list[Report]:
    """Check many posts in one batch; reports come back in input order."""
    return engine_for(profile.pack if profile else "babcp").check_many(texts, profile)
