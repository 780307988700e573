"""X archive importer on the synthetic sample (see data/PLANTED.md) and on edge cases."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from source_builders import DATA, zip_dir

from postguard.errors import InputError
from postguard.sources import Item, open_export
from postguard.sources.x import parse_source, parse_x_time, snowflake_time

X = DATA / "x-archive"


@pytest.fixture(scope="module")
def x_items() -> list[Item]:
    with open_export(X) as export:
        assert export.platform == "x"
        return list(export.items())


def by_id(items: list[Item], post_id: str) -> Item:
    return next(i for i in items if i.post.id == post_id)


def test_counts_and_kinds(x_items: list[Item]) -> None:
    posts = [i.post for i in x_items]
    assert len(posts) == 31  # 30 tweets + 1 deleted
    assert sum(p.deleted for p in posts) == 1
    kinds = Counter(p.kind for p in posts)
    assert kinds == {"post": 22, "reply": 6, "repost": 2, "quote": 1}
    assert all(p.platform == "x" and p.created_at and p.created_at.endswith("Z") for p in posts)


def test_planted_posts(x_items: list[Item]) -> None:
    client = by_id(x_items, "1619018063935445090").post
    assert client.text.startswith("So proud of my client today! J, a 34 year old")
    assert client.created_at == "2023-01-27T17:02:41Z"
    assert client.url == "https://x.com/samtaylorcbt/status/1619018063935445090"
    idiot = by_id(x_items, "1654618863305179026")
    assert idiot.post.kind == "reply" and "clueless idiot" in idiot.post.text
    assert idiot.meta.in_reply_to_user == "cbt_sceptic" and not idiot.meta.self_reply
    assert "first pet's name" in by_id(x_items, "1669721490847678622").post.text
    phish = by_id(x_items, "1720158663342046029").post
    assert "http://www.bacbp-accreditation.com/member/login.php" in phish.text
    assert "t.co" not in phish.text
    assert phish.created_at == "2023-11-02T19:19:19Z"


def test_deleted_tweet(x_items: list[Item]) -> None:
    deleted = [i for i in x_items if i.post.deleted]
    assert len(deleted) == 1
    assert deleted[0].post.kind == "reply"
    assert deleted[0].meta.deleted_at == "2023-05-06T07:14:02Z"


def test_text_cleanup_threads_retweets_quotes_media(x_items: list[Item]) -> None:
    assert by_id(x_items, "1612437595225623528").post.text.startswith("CBT & ACT")
    assert "->" in by_id(x_items, "1572621830716999938").post.text
    thread = by_id(x_items, "1633567018188533073")
    assert thread.post.kind == "reply" and thread.meta.self_reply
    retweet = by_id(x_items, "1760733127114955026")
    assert retweet.post.kind == "repost" and retweet.meta.reposted == "@CBTjournalclub"
    quote = by_id(x_items, "1686302191124778676")
    assert quote.post.kind == "quote"
    assert quote.meta.quoted == "https://twitter.com/drpriya_k/status/1686000000000000000"
    photo = by_id(x_items, "1588101173871129875")
    assert photo.post.text == "Therapy room refresh done: new plant, same box of tissues."
    assert photo.post.media[0].kind == "image"
    assert photo.post.media[0].path == "https://pbs.twimg.com/media/FgA7g8HNAlIrCRZ.jpg"
    assert not photo.meta.media[0].present
    assert photo.post.client_app == "Twitter for iPhone"
    assert photo.meta.client_href == "http://twitter.com/download/iphone"


def test_profile() -> None:
    with open_export(X) as export:
        profile = export.profile
    assert profile.platform == "x"
    assert profile.handle == "@samtaylorcbt"
    assert profile.name == "Sam Taylor 🌿"
    assert "BABCP accredited" in profile.bio
    assert profile.location == "Leeds, England"


def test_zip_with_media_and_renamed_files(tmp_path: Path) -> None:
    """Files are found by their content (global name), media by the tweets_media layout."""
    zip_path = zip_dir(
        X,
        tmp_path / "archive.bin",
        prefix="twitter-2024-12-01/",
        rename={"data/tweets.js": "data/renamed.txt", "data/account.js": "data/a"},
    )
    with zipfile.ZipFile(zip_path, "a") as zf:
        zf.writestr(
            "twitter-2024-12-01/data/tweets_media/1588101173871129875-FgA7g8HNAlIrCRZ.jpg",
            b"\xff\xd8\xff\xe0fake-jpeg",
        )
    with open_export(zip_path) as export:
        assert export.platform == "x"
        assert export.profile.handle == "@samtaylorcbt"
        photo = next(p for p in export.posts() if p.id == "1588101173871129875")
        media = photo.media[0]
        assert media.path.endswith("tweets_media/1588101173871129875-FgA7g8HNAlIrCRZ.jpg")
        assert export.has_media(media)
        assert export.open_media(media) == b"\xff\xd8\xff\xe0fake-jpeg"
        out = export.extract_media(media, tmp_path)
        assert out.parent == tmp_path and out.read_bytes().startswith(b"\xff\xd8")


def _write_js(path: Path, name: str, records: list[dict[str, object]]) -> None:
    path.write_text(f"window.YTD.{name}.part0 = " + json.dumps(records, indent=2), "utf-8")


def _tweet(tweet_id: str, text: str, **extra: object) -> dict[str, object]:
    return {
        "tweet": {
            "id_str": tweet_id,
            "full_text": text,
            "created_at": "Thu Nov 02 19:19:19 +0000 2023",
            "source": '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
            **extra,
        }
    }


def test_edits_keep_latest_and_malformed_records_are_skipped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    chain = {"edit_info": {"initial": {"editTweetIds": ["1720158663342046029", "1720158663342046099"]}}}
    _write_js(
        data / "tweets.js",
        "tweets",
        [
            _tweet("1720158663342046099", "fixed typo", **chain),
            _tweet("1720158663342046029", "fixd typo", **chain),
            {"tweet": "not a dict"},
            {"like": {"tweetId": "1"}},
            _tweet("not-a-number", "bad id"),
            _tweet("1720158663342046100", "fine"),
        ],
    )
    with open_export(tmp_path) as export:
        items = list(export.items())
        warnings = [str(w) for w in export.warnings]
    assert [i.post.text for i in items] == ["fixed typo", "fine"]
    assert items[0].meta.edited_from == ("1720158663342046029",)
    assert len(warnings) == 3 and all("tweets.js" in w for w in warnings)


def test_protected_history_sets_visibility(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _write_js(data / "tweets.js", "tweets", [_tweet("1720158663342046029", "hello")])
    _write_js(
        data / "protected-history.js",
        "protected_history",
        [{"protectedHistory": {"protectedAt": "2022-01-01T00:00:00.000Z", "action": "Protect"}}],
    )
    with open_export(tmp_path) as export:
        assert next(export.posts()).visibility == "followers"


def test_note_tweet_replaces_truncated_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    short = "A long thought about exposure work that goes on and on… https://t.co/abc"
    _write_js(data / "tweets.js", "tweets", [_tweet("1720158663342046029", short)])
    full = "A long thought about exposure work that goes on and on, " + "more " * 80
    note = {
        "noteTweet": {
            "noteTweetId": "99",
            "createdAt": "2023-11-02T19:19:19.000Z",
            "core": {"text": full, "urls": []},
        }
    }
    _write_js(data / "note-tweet.js", "note_tweet", [note])
    with open_export(tmp_path) as export:
        posts = list(export.items())
    assert len(posts) == 1
    assert posts[0].post.text == full and posts[0].meta.subkind == "note"


def test_truncated_tweets_js_keeps_what_it_can(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    text = (X / "data" / "tweets.js").read_text("utf-8")
    cut = text.index('"id_str" : "1720158663342046029"')  # inside the 9th tweet
    (data / "tweets.js").write_text(text[:cut], "utf-8")
    with open_export(tmp_path) as export:
        posts = list(export.posts())
        warnings = [str(w) for w in export.warnings]
    assert len(posts) == 8
    assert any("truncated" in w for w in warnings)


def test_unusable_tweets_js_is_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "tweets.js").write_text('window.YTD.tweets.part0 = [ {"tweet" : {"id', "utf-8")
    with pytest.raises(InputError, match=r"tweets\.js"):
        open_export(tmp_path)


def test_helpers() -> None:
    assert parse_x_time("Thu Nov 02 19:19:19 +0000 2023") == "2023-11-02T19:19:19Z"
    assert parse_x_time("Thu Nov 02 19:19:19 +0100 2023") == "2023-11-02T18:19:19Z"
    assert parse_x_time("2023-11-02T19:19:19.000Z") == "2023-11-02T19:19:19Z"
    assert parse_x_time("garbage") is None
    assert snowflake_time("1720158663342046029") == "2023-11-02T19:19:19Z"
    assert snowflake_time("12345") is None
    assert parse_source('<a href="http://x.example" rel="nofollow">Tw &amp; Co</a>') == (
        "Tw & Co",
        "http://x.example",
    )
    assert parse_source("web") == ("web", None)
