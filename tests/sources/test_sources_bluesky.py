"""Bluesky repository (CAR) importer: the samples, built CARs, partial and broken files."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from source_builders import DATA, build_car

from postguard.errors import InputError
from postguard.sources import Item, open_export
from postguard.sources.bluesky import render_text, same_link, tid_time

BLUESKY = DATA / "bluesky"
DID = "did:plc:samtaylorcbtexampleaaaaa"
POST = f"at://{DID}/app.bsky.feed.post/"


@pytest.fixture(scope="module")
def items() -> list[Item]:
    with open_export(BLUESKY / "repo.car") as export:
        assert export.platform == "bluesky"
        return list(export.items())


def get(items: list[Item], rkey: str) -> Item:
    return next(i for i in items if i.post.id == POST + rkey)


def test_counts_and_kinds(items: list[Item]) -> None:
    # 10 posts and 1 repost are in the tree; likes, follows, votes, the profile, a third-party
    # record and an orphan block (a deleted draft, not in the tree) are not posts.
    assert Counter(i.post.kind for i in items) == {"post": 8, "reply": 1, "quote": 1, "repost": 1}
    assert not any("never mind" in i.post.text for i in items)
    assert all(i.post.visibility == "public" for i in items)


def test_planted_posts(items: list[Item]) -> None:
    phish = get(items, "3kuvvgxfts22b")
    assert phish.post.created_at == "2024-06-14T19:45:00Z"
    assert "bаbcp.com/renew (https://xn--bbcp-53d.com/renew)" in phish.post.text
    assert phish.meta.links == ("https://xn--bbcp-53d.com/renew",)
    assert phish.post.url == f"https://bsky.app/profile/{DID}/post/3kuvvgxfts22b"
    troll = get(items, "3kzd2z3g2k22b")
    assert "14 Ashby Road" in troll.post.text and "07700 900456" in troll.post.text
    decoy = get(items, "3l3s2gmrl222b")
    assert decoy.meta.hashtags == ("WSPD",)


def test_backdated_reply_quote_and_media(items: list[Item]) -> None:
    old = get(items, "3l7ybczau222b")
    assert old.post.created_at == "2019-05-14T07:00:00Z"
    assert old.meta.key_time == "2024-11-02T18:00:00Z" and old.meta.flags == ("backdated",)
    reply = next(i for i in items if i.post.kind == "reply")
    assert reply.meta.in_reply_to and reply.meta.in_reply_to.startswith("at://did:plc:jordanlee")
    assert "Café" in reply.post.text
    quote = next(i for i in items if i.post.kind == "quote")
    assert quote.meta.quoted and "priyakaur" in quote.meta.quoted
    tulips = next(i for i in items if i.post.text.startswith("Clinic garden"))
    assert tulips.post.media[0].alt_text.startswith("Purple tulips")
    assert tulips.post.media[0].path.startswith("bafkrei")
    legacy = next(i for i in items if i.post.text.startswith("Testing the new app"))
    assert legacy.post.created_at == "2023-04-20T10:00:00Z"
    assert legacy.meta.links == ("https://samtaylorcbt.example",)
    hello = next(i for i in items if i.post.text.startswith("Hello Bluesky"))
    assert "Blog: https://samtaylorcbt.example #CBT" in hello.post.text
    repost = next(i for i in items if i.post.kind == "repost")
    assert repost.post.text == "" and repost.meta.reposted


def test_profile_with_did_document() -> None:
    with open_export(BLUESKY) as export:  # folder: repo.car, repo-partial.car, did-doc.json
        profile = export.profile
        assert any("only the largest" in str(w) for w in export.warnings)
    assert profile.handle == "@samtaylorcbt.example"
    assert profile.name == "Sam Taylor 🌿"
    assert profile.bio.startswith("CBT therapist in Leeds")
    assert profile.avatar and profile.avatar.startswith("bafkrei")


def test_partial_car_reports_gaps_and_continues() -> None:
    with open_export(BLUESKY / "repo-partial.car") as export:
        items = list(export.items())
        warnings = [str(w) for w in export.warnings]
    assert any("MST node" in w and "missing" in w for w in warnings)
    assert any("record app.bsky.feed.post/" in w and "missing" in w for w in warnings)
    assert 0 < len(items) < 11
    assert not any(i.post.text.startswith("Clinic garden") for i in items)


def test_renamed_car_is_detected(tmp_path: Path) -> None:
    shutil.copy(BLUESKY / "repo.car", tmp_path / "backup.dat")
    with open_export(tmp_path / "backup.dat") as export:
        assert export.platform == "bluesky"


def _post(text: str, created: str = "2024-05-01T10:00:00.000Z", **extra: Any) -> dict[str, Any]:
    return {"$type": "app.bsky.feed.post", "text": text, "createdAt": created, **extra}


def test_built_car_missing_left_node_and_record(tmp_path: Path) -> None:
    records = {
        "app.bsky.actor.profile/self": {"$type": "app.bsky.actor.profile", "displayName": "T"},
        "app.bsky.feed.post/3kmwsy3ci222b": _post("one"),
        "app.bsky.feed.post/3kmwvqlpoo22b": _post("two"),
        "app.bsky.feed.post/3kpwo3hu6222b": _post("three"),
        "app.bsky.feed.post/3kriloerok22b": _post("four"),
    }
    path = tmp_path / "repo.car"
    path.write_bytes(build_car(records, drop_records=("app.bsky.feed.post/3kriloerok22b",)))
    with open_export(path) as export:
        assert export.profile.name == "T"
        assert [p.text for p in export.posts()] == ["one", "two", "three"]
        assert len(export.warnings) == 1
    path.write_bytes(build_car(records, drop_left_node=True))
    with open_export(path) as export:
        texts = [p.text for p in export.posts()]
        assert any("MST node" in str(w) for w in export.warnings)
    assert texts and "one" not in texts


def test_truncated_car_keeps_blocks_before_the_cut(tmp_path: Path) -> None:
    data = (BLUESKY / "repo.car").read_bytes()
    (tmp_path / "repo.car").write_bytes(data[: len(data) - 300])
    with open_export(tmp_path / "repo.car") as export:
        posts = list(export.posts())
        assert any("truncated" in str(w) for w in export.warnings)
    assert 0 < len(posts) <= 11


def test_car_without_root_commit_is_fatal(tmp_path: Path) -> None:
    path = tmp_path / "repo.car"
    path.write_bytes(build_car({"app.bsky.feed.post/3kmwsy3ci222b": _post("x")}, drop_commit=True))
    with pytest.raises(InputError, match="root commit"):
        open_export(path)


def test_matches_atproto_reference_decoder() -> None:
    """Cross-check block decoding against atproto's CAR reader when it is installed."""
    atproto = pytest.importorskip("atproto")
    car = atproto.CAR.from_bytes((BLUESKY / "repo.car").read_bytes())
    texts = {b.get("text") for b in car.blocks.values() if b.get("$type") == "app.bsky.feed.post"}
    with open_export(BLUESKY / "repo.car") as export:
        ours = {i.meta.raw.get("text") for i in export.items() if i.meta.raw and i.post.text}
    assert ours <= texts and len(texts - ours) == 1  # the orphan draft is not in the tree


def test_helpers() -> None:
    assert tid_time("3l7ybczau222b") == "2024-11-02T18:00:00Z"
    assert tid_time("self") is None
    assert same_link("example.org/a/lo...", "https://example.org/a/long")
    assert not same_link("bаbcp.com", "https://xn--bbcp-53d.com")
    text = "see 🌿 example.org/x"
    start = text.encode().index(b"example")
    facets = [
        {
            "index": {"byteStart": start, "byteEnd": start + 13},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org/x/y"}],
        },
        {"index": {"byteStart": 500, "byteEnd": 900}, "features": []},
    ]
    out, links, _, _ = render_text(text, facets)
    assert out == "see 🌿 https://example.org/x/y" and links == ["https://example.org/x/y"]
