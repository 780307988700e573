"""The shipped classifier: it loads from the package with no network and no torch, it is small,
and it behaves as the policy asks on posts a member might write or receive."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from postguard import check, check_many
from postguard.classifier import MODEL_DIR, classifier, passages
from postguard.text import sentences

LOAD_OFFLINE = """
import sys
from pathlib import Path
from postguard.classifier import classifier
scores = classifier().score(["Muslims are a disease and should be wiped out."], screen=False)[0]
assert "torch" not in sys.modules and "transformers" not in sys.modules, "torch imported at run time"
print(round(scores.labels["hate"], 3))
"""


def _offline_prefix() -> list[str]:
    """``unshare -rn``: a new network namespace with no interfaces, so any fetch would fail."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    pytest.skip("unshare -rn is not permitted here")


def test_model_loads_from_the_package_with_no_network() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "HF_HUB_OFFLINE": "0"}
    result = subprocess.run(
        [*_offline_prefix(), sys.executable, "-c", LOAD_OFFLINE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert float(result.stdout) >= classifier().thresholds["hate"]


def test_shipped_files_fit_the_size_budget() -> None:
    total = sum(f.stat().st_size for f in MODEL_DIR.iterdir())
    assert total <= 30 * 1024 * 1024
    meta = classifier().meta
    assert set(meta["thresholds"]) == {"hate", "bullying", "harm", "heated"}
    assert len(meta["training"]["data_sha256"]) >= 7  # every dataset file learnt from is pinned


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Trans women are just blokes in dresses and they'll never be real women.", "transphobic"),
        pytest.param(
            "Why do disabled people think they deserve to be treated like normal humans?",
            "ableist",
            marks=pytest.mark.xfail(
                strict=True, reason="hate 0.26, under the threshold calibrated on real posts (issue 10)"
            ),
        ),
        ("Honestly, Muslims are a cancer on this country.", "religious hate"),
        ("gay men are disgusting perverts who shouldn't be let near kids", "homophobic"),
    ],
)
def test_hate_is_named_by_the_characteristic_it_targets(text: str, word: str) -> None:
    findings = [f for f in check(text).findings if f.rule == "SM201"]
    assert findings, text
    assert any(word in f.message for f in findings), [f.message for f in findings]


@pytest.mark.parametrize(
    "text",
    [
        "Saying trans women are men in dresses is transphobic, and I'll keep saying so.",
        "Someone replied 'immigrants are vermin' under my post about the refugee clinic. Reported.",
        "I don't hate anyone for their religion. My Muslim clients deserve the same care as anyone.",
        "Proud to be running our first group for autistic adults this spring.",
        "Black History Month reading list for therapists: five books that changed my practice.",
        "If you're having thoughts of ending your life, Samaritans are there on 116 123, day or night.",
        "A man shouted 'go back to your own country' at our interpreter today. She's staying. So are we.",
    ],
)
def test_counter_speech_and_identity_talk_pass(text: str) -> None:
    report = check(text)
    assert not [f for f in report.findings if f.rule in ("SM201", "SM203")], report.findings


def test_the_span_is_the_offending_sentence() -> None:
    text = (
        "Lovely supervision session this morning, really helpful. "
        "Honestly, immigrants are parasites who should be sent back. "
        "Anyway, off to the gym."
    )
    finding = next(f for f in check(text).findings if f.rule == "SM201")
    assert finding.excerpt is not None
    assert "parasites" in text[finding.start : finding.end]
    assert "supervision" not in text[finding.start : finding.end]
    assert "gym" not in text[finding.start : finding.end]


def test_the_first_stage_clears_everyday_posts() -> None:
    everyday = [
        "Great CPD day on trauma-focused CBT, lots to take back to the team.",
        "Reminder: our clinic is closed on bank holiday Monday.",
        "Reading a lovely paper on compassion-focused therapy this evening.",
        "Coffee, notes, and then three clients before lunch. Tuesdays!",
    ]
    assert all(s.screened for s in classifier().score(everyday))


def test_batch_and_single_checks_agree() -> None:
    texts = [
        "Women are too emotional to be surgeons.",
        "Our waiting list is down to six weeks, thanks to the whole team.",
        "you're a pathetic excuse for a nurse, everyone report her",
        "Just kys already, nobody would miss you",
    ]
    batched = check_many(texts)
    for text, report in zip(texts, batched, strict=True):
        single = check(text)
        # int8 activations are scaled per batch, so probabilities may differ in the second decimal
        assert report.verdict == single.verdict
        assert {(f.rule, f.start, f.end) for f in report.findings} == {
            (f.rule, f.start, f.end) for f in single.findings
        }


def test_passages_keep_sentences_whole() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(60))
    spans = passages(text, sentences(text))
    assert len(spans) > 1
    assert all(end - start <= 400 for start, end in spans)
    assert all(text[start].isupper() for start, _ in spans)


def test_an_audit_after_a_check_in_the_same_process(tmp_path: Path) -> None:
    """The audit forks its workers; a classifier the parent already loaded must not hang them."""
    from postguard.audit.runner import run_audit

    check("Warming up the classifier in this process before the audit forks.")
    run_audit([Path(__file__).parent / "sources" / "data" / "x-archive"], tmp_path / "out", workers=2)
    assert (tmp_path / "out" / "summary.json").exists()
