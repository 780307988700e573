"""A pack can add a rule with examples and no code: `postguard pack build` fits its head.

The rule here is one another body might add: members must not use their professional standing
to sell products (supplements, multi-level marketing) to the people who follow them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from postguard.engine import Engine
from postguard.errors import PackError
from postguard.policy import load_pack
from postguard.policy.learned import build

SELLING = [
    "As a nurse I swear by these collagen gummies, use my code NURSEJO for 20% off!",
    "Message me to join my wellness team, I've made £800 this month selling the shakes alongside my shifts",
    "My patients always ask how I keep my energy up on nights. This greens powder! Link in bio for my discount",
    "Therapist-approved: this magnesium spray fixed my sleep. I get commission if you buy through my link x",
    "Who wants to earn from home? DM me, our essential oils business has changed my life",
    "Flash sale on my detox tea bundles tonight only, ladies! Trust me, I'm a midwife 😉",
    "Counsellors, tired of the NHS pay? Join my team selling skincare, message for details",
    "Stocked up on the immune-boost drops again, order through my shop page and tag a friend",
    "These CBD drops are what I recommend to every anxious person I meet, 15% off with my link",
    "Big news, I'm now an ambassador for a vitamin brand! Use code THERAPYSAM at checkout",
    "Sign up under me and get the starter kit half price, the opportunity of a lifetime",
    "My protein coffee is back in stock! As a paramedic I need the boost, order via my page",
    "If you're struggling with low mood try these mushroom capsules, I sell them, DM me",
    "Party plan night at mine Friday, come buy the candles and maybe join my downline!",
    "Doctor's orders 😂 buy my hydration sachets, link below, free postage this week",
    "Psychologist by day, wellness entrepreneur by night: ask me about the weight-loss bundle",
]
NOT_SELLING = [
    "Long night shift done, heading home to sleep for a week",
    "Our team raised £600 for the hospice at the weekend, thank you all",
    "New paper out on sleep and low mood, worth a read for anyone in primary care",
    "Reminder that our drop-in clinic moves to Thursdays from next month",
    "Finally finished my CBT supervision course, delighted",
    "Anyone got a good recipe for a slow cooker curry? Cold one today",
    "We're recruiting two band 6 nurses for the community team, apply on NHS Jobs",
    "Lovely walk with the dog before clinic, frost on every field",
    "Reading the new NICE guidance on depression tonight, thoughts welcome",
    "Proud of our students who passed their placements this term",
    "Strike day tomorrow, thinking of everyone on the picket line",
    "Be wary of anyone selling miracle supplements for anxiety, talk to your GP first",
    "Took part in the park run this morning, personal best!",
    "Free mindfulness session at the library on Saturday, all welcome",
    "Grateful for colleagues who covered when my little one was poorly",
    "The canteen has run out of porridge again, a true crisis",
]


def write_pack(folder: Path, examples: list[dict[str, object]]) -> Path:
    (folder / "selling.jsonl").write_text("".join(json.dumps(e) + "\n" for e in examples), encoding="utf-8")
    pack = folder / "body.yaml"
    rule = {
        "code": "XY701",
        "slug": "selling-to-followers",
        "title": "Selling products to followers",
        "severity": "warning",
        "clause": '"Members must not use their professional standing to sell products to the public."',
        "why": "Followers trust a clinician's word; a sales pitch borrows that trust.",
        "fix": "Keep product promotion off your professional account.",
        "detectors": ["learned"],
        "examples": {"fire": SELLING[:2], "clean": NOT_SELLING[:2], "file": "selling.jsonl"},
    }
    pack.write_text(
        yaml.safe_dump(
            {
                "id": "otherbody",
                "version": "1",
                "title": "t",
                "body": "b",
                "extends": "babcp",
                "rules": [rule],
            }
        ),
        encoding="utf-8",
    )
    return pack


@pytest.fixture
def pack_path(tmp_path: Path) -> Path:
    rows = [{"text": t, "fire": True} for t in SELLING[2:]] + [
        {"text": t, "fire": False} for t in NOT_SELLING[2:]
    ]
    return write_pack(tmp_path, rows)


def test_a_rule_defined_by_examples_fires_on_new_posts_like_them(pack_path: Path) -> None:
    out, heads = build(pack_path)
    assert out == pack_path.with_name("body.heads.json") and out.is_file()
    assert heads["XY701"].fire_examples == len(SELLING)
    engine = Engine(load_pack(str(pack_path)))
    unseen_selling = [
        "Hey lovely followers, I've started selling hair vitamins, use my nurse discount code",
        "Join my team and sell the slimming shakes with me, perfect side hustle for HCAs",
    ]
    unseen_clean = [
        "Ward round ran late again but we got there",
        "Looking forward to the CBT conference in York next week",
    ]
    for text in unseen_selling:
        assert "XY701" in {f.rule for f in engine.check(text).findings}, text
    for text in unseen_clean:
        assert "XY701" not in {f.rule for f in engine.check(text).findings}, text
    finding = next(f for f in engine.check(unseen_selling[0]).findings if f.rule == "XY701")
    assert finding.detector == "learned" and finding.explanation["head"] == "XY701"


def test_a_changed_pack_must_be_built_again(pack_path: Path) -> None:
    with pytest.raises(PackError, match="postguard pack build"):
        Engine(load_pack(str(pack_path)))  # never built
    build(pack_path)
    examples = pack_path.with_name("selling.jsonl")
    examples.write_text(examples.read_text(encoding="utf-8") + '{"text": "one more", "fire": false}\n')
    load_pack.cache_clear()
    with pytest.raises(PackError, match="another version"):
        Engine(load_pack(str(pack_path)))


def test_too_few_examples_and_bad_lines_are_named(tmp_path: Path) -> None:
    few = write_pack(tmp_path, [{"text": "buy my tea", "fire": True}])
    with pytest.raises(PackError, match="needs at least"):
        build(few)
    few.with_name("selling.jsonl").write_text('{"text": "buy my tea"}\n', encoding="utf-8")
    load_pack.cache_clear()
    with pytest.raises(PackError, match=r"selling.jsonl:1"):
        build(few)


def test_pack_build_command_reports_each_head_and_refuses_a_missing_file(pack_path: Path) -> None:
    from tests.test_cli_check import invoke

    code, out, err = invoke("pack", "build", str(pack_path))
    assert code == 0, err
    assert "XY701: 16 posts that break it" in out and "body.heads.json" in out
    code, out, err = invoke(
        "check", "Use my code NURSEJO for 20% off the collagen gummies!", "--pack", str(pack_path)
    )
    assert "XY701" in out
    code, _, err = invoke("pack", "build", str(pack_path.with_name("missing.yaml")))
    assert code == 2 and err.startswith("error: no such pack file")
