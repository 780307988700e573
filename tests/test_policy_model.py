"""The policy heads as the detectors use them: where a model finding points, which readings
count, and credential claims judged against the member's profile."""

from __future__ import annotations

from postguard.analysis import Analysis
from postguard.classifier import POLICY_HEADS, Scores
from postguard.detectors.heads import flagged_heads, strongest_sentence
from postguard.profile import Profile

THRESHOLDS = dict.fromkeys(POLICY_HEADS, 0.5)


def scored(text: str, heads_by_unit: dict[str, float]) -> Analysis:
    """A post whose classifier readings are given: the whole post gets the key "whole", each
    sentence read alone the value of the key it starts with, every other unit 0."""
    post = Analysis(text)
    readings = []
    for start, end in post.passages:
        unit = text[start:end]
        if unit == text:
            p = heads_by_unit.get("whole", 0.0)
        else:
            p = next((v for k, v in heads_by_unit.items() if unit.startswith(k)), 0.0)
        readings.append(Scores(labels={}, targets={}, heads={"SM101": p}))
    post.set_abuse(readings)
    return post


POST = (
    "Lovely day at the practice today. My half-past-ten lady managed the school run on her own "
    "again, after everything. Now for a large coffee."
)


def test_a_passage_decides_and_the_finding_points_at_its_strongest_sentence() -> None:
    post = scored(POST, {"whole": 0.7, "Lovely": 0.1, "My half": 0.4})
    found = list(flagged_heads(post, ("SM101",), THRESHOLDS))
    assert len(found) == 1
    (start, end), head, probability = found[0]
    assert (head, probability) == ("SM101", 0.7) and (start, end) == (0, len(POST))
    s, e = strongest_sentence(post, start, end, "SM101")
    assert POST[s:e].startswith("My half-past-ten lady")


def test_a_sentence_read_alone_does_not_fire_in_a_longer_post() -> None:
    # out of context one line reads as anything: only its passage counts
    post = scored(POST, {"My half": 0.9})
    assert list(flagged_heads(post, ("SM101",), THRESHOLDS)) == []


def test_a_post_of_one_sentence_is_read_whole() -> None:
    text = "She drops round homemade soup every week now, honestly she feels like family"
    post = Analysis(text)
    post.set_abuse([Scores(labels={}, targets={}, heads={"SM301": 0.8})])
    assert [h for _, h, _ in flagged_heads(post, ("SM301",), THRESHOLDS)] == ["SM301"]
    assert strongest_sentence(post, 0, len(text), "SM301") == (0, len(text))


def test_a_profile_that_lists_the_credential_covers_the_claim() -> None:
    profile = Profile(credentials=["BABCP accredited CBT therapist"], titles=["RMN"])
    assert profile.mentions_held("As an RMN of twenty years I have seen it all")
    assert profile.mentions_held("I'm a BABCP-accredited CBT therapist in Leeds")
    assert not profile.mentions_held("As a consultant clinical psychologist I can say")
    assert not Profile().mentions_held("As an RMN of twenty years")
