"""SM201, SM202, SM203 and SM601 from the trained classifier, beside the pattern detectors.

The classifier reads whole sentences and passages, so it catches what word lists cannot (hate
without a slur, hate as a question, disguised spellings). Quoted words are read as reported, as the patterns
read them: a passage whose offending words lie only inside quotation marks does not fire, and
hate is not read into a passage that names a prejudice or condemns a hateful act. A finding
points at the sentence that carries the label: when a passage of several sentences is flagged,
each sentence is scored and the strongest one is the span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postguard.analysis import Analysis
from postguard.classifier import Scores, classifier, word_count
from postguard.detectors.base import Detector, register
from postguard.lexicon import CHARACTERISTIC_WORD, names_a_group
from postguard.model import Evidence
from postguard.text import condemns_hate

RULES = {"hate": "SM201", "bullying": "SM202", "harm": "SM203", "heated": "SM601"}
LABEL_OF = {rule: label for label, rule in RULES.items()}
# A pattern hit for these rules stands unless the transformer, reading the sentences and passages
# around it, gives the label less than this probability: word lists misread homonyms and irony.
OVERRULE_BELOW: dict[str, float] = {"SM201": 0.1}
# A weak pattern cue (explanation "cue": "weak") stands only when the transformer gives its label
# at least this: "word is", "spread the word" or "it's hilarious" alone are everyday speech.
CORROBORATE: dict[str, float] = {"SM202": 0.3}
# A reply of a few words ("@user Nothing LEAVE", "no, your head.") is too little for the model to
# tell bullying from banter; the bullying patterns still read short posts.
MIN_WORDS = 4
# Hate targets a group. Where the post names one (or may hold a slur), the model's hate reading
# counts from this probability; elsewhere only from the calibrated threshold, which is set high
# because unnamed "hate" on real posts is mostly misreading (a regex, "TIME TO MAKE MY RAGDOLL
# COSPLAY"). Chosen on bench/eval_real.py's corpora (bench/README.md).
HATE_NAMING_A_GROUP = 0.6
MESSAGES = {
    "bullying": "abuse, intimidation or a pile-on aimed at a person",
    "harm": "encourages violence or self-harm",
    "heated": "heated or insulting tone",
}


@register
class AbuseClassifierDetector(Detector):
    name = "abuse_classifier"
    rules = tuple(RULES.values())

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        model = classifier()
        # the group lexicon is read only where a passage is in the band it could decide
        in_band = any(scores.labels["hate"] >= HATE_NAMING_A_GROUP for _, scores in post.abuse)
        hate_from = (
            min(HATE_NAMING_A_GROUP, model.thresholds["hate"])
            if in_band and names_a_group(post.text)
            else None
        )
        for (start, end), scores in post.abuse:
            alone = post.read_alone(start, end)
            short = word_count(post.text[start:end]) < MIN_WORDS
            for label in model.flagged(scores, hate_from):
                if alone and label != "hate":
                    continue  # out of context a short line reads as anything; its passage decides
                if short and label == "bullying":
                    continue
                if _only_quoted(post.text[start:end], label):
                    continue
                if label == "hate" and condemns_hate(post.text[start:end]):
                    continue  # counter-speech by reference; the patterns still read group hate here
                s, e = self._sentence(post, start, end, label)
                characteristic = scores.characteristic() if label == "hate" else None
                yield Evidence(
                    rule=RULES[label],
                    message=_message(label, characteristic),
                    start=s,
                    end=e,
                    score=round(scores.labels[label], 3),
                    detector=self.name,
                    explanation={"label": label, "probability": round(scores.labels[label], 3)}
                    | ({"characteristic": characteristic} if characteristic else {}),
                )

    @staticmethod
    def _sentence(post: Analysis, start: int, end: int, label: str) -> tuple[int, int]:
        """The sentence of the passage the classifier finds most ``label``-like."""
        inside = [s for s in post.sentences if start <= s.start and s.end <= end]
        if len(inside) <= 1:
            return start, end
        scores: list[Scores] = classifier().score([post.text[s.start : s.end] for s in inside], screen=False)
        best = max(range(len(inside)), key=lambda i: scores[i].labels[label])
        return inside[best].start, inside[best].end


# A quotation: opening mark not inside a word, closing mark not followed by a letter (so the
# apostrophe in "can't" does not close it).
_QUOTATION = re.compile(r"(?<!\w)[\"'‘“«](?:(?![\"'’”»](?!\w)).){4,}?[\"'’”»](?!\w)")


def _only_quoted(passage: str, label: str) -> bool:
    """What carries the label is all inside quotation marks: reported, as the pattern detectors
    read quotes ("'Muslims are a cancer'? No.", "someone keeps replying 'moron'"). With the
    quotes replaced, the rest of the passage does not carry it."""
    masked = _QUOTATION.sub("that", passage)
    if masked == passage:
        return False
    model = classifier()
    return model.score([masked], screen=False)[0].labels[label] < model.thresholds[label]


def _message(label: str, characteristic: str | None) -> str:
    if label != "hate":
        return MESSAGES[label]
    if characteristic is None:
        return "hateful content about a group of people"
    return f"{CHARACTERISTIC_WORD[characteristic]} content (targets {characteristic})"


def second_opinion(post: Analysis, evidence: list[Evidence]) -> list[Evidence]:
    """Pattern evidence the transformer does not overrule (OVERRULE_BELOW) and weak cues it
    corroborates (CORROBORATE)."""
    kept = []
    for ev in evidence:
        floor = OVERRULE_BELOW.get(ev.rule)
        if ev.explanation.get("cue") == "weak":
            floor = CORROBORATE.get(ev.rule, floor)
        if (
            floor is not None
            and ev.detector != AbuseClassifierDetector.name
            and ev.source == "text"
            and post.abuse
        ):
            start, end = (
                (ev.start, ev.end) if ev.start is not None and ev.end is not None else (0, len(post.text))
            )
            if post.transformer_probability(start, end, LABEL_OF[ev.rule]) < floor:
                continue
        kept.append(ev)
    return kept
