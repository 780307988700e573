"""Mastodon archive importer on the synthetic sample and a .tar.gz of it."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from source_builders import DATA, tar_dir

from postguard.errors import InputError
from postguard.sources import Item, open_export
from postguard.sources.htmltext import html_to_text
from postguard.sources.mastodon import visibility

MASTODON = DATA / "mastodon"


@pytest.fixture(scope="module")
def items() -> list[Item]:
    with open_export(MASTODON) as export:
        assert export.platform == "mastodon"
        return list(export.items())


def on(items: list[Item], day: str) -> Item:
    return next(i for i in items if (i.post.created_at or "").startswith(day))


def test_counts_kinds_and_visibility(items: list[Item]) -> None:
    assert len(items) == 20
    assert Counter(i.post.kind for i in items) == {"post": 15, "repost": 4, "reply": 1}
    assert all(i.post.text == "" for i in items if i.post.kind == "repost")
    assert on(items, "2023-03-01").post.visibility == "followers"
    assert on(items, "2023-06-02").post.visibility == "direct"
    assert on(items, "2023-08-22").post.visibility == "unlisted"
    assert on(items, "2023-01-12T09").post.visibility == "public"


def test_planted_posts(items: list[Item]) -> None:
    moan = on(items, "2023-03-01")
    assert moan.post.text.startswith("Tough week. Third no-show today.")
    assert moan.post.id.endswith("/statuses/109950096310297381")
    assert moan.post.url == "https://social.therapists.example/@samtaylor/109950096310297381"
    phish = on(items, "2023-06-30")
    assert "http://203.0.113.54/babcp/renew/login.php" in phish.post.text
    assert phish.meta.links == ("http://203.0.113.54/babcp/renew/login.php",)


def test_html_content_warning_poll_and_media(items: list[Item]) -> None:
    assert on(items, "2023-01-20").post.text == (
        'Reminder that "just relax" is the least relaxing sentence in the English language.'
    )
    reply = on(items, "2023-02-03")
    assert reply.post.kind == "reply"
    assert reply.post.text == "@priya Yes! Formulation first, always. I'll send you my template."
    warned = on(items, "2023-04-04")
    assert warned.meta.content_warning == "self-harm, suicide (support info)"
    assert warned.post.text.startswith("self-harm, suicide (support info)\n\nTalking about")
    poll = on(items, "2023-04-21")
    assert poll.meta.subkind == "poll" and "- Dictation" in poll.post.text
    photo = on(items, "2023-02-17")
    assert photo.post.media[0].alt_text.startswith("A green pothos plant")
    assert not photo.meta.media[0].present
    assert on(items, "2023-09-19").post.media[0].alt_text == ""


def test_profile() -> None:
    with open_export(MASTODON) as export:
        profile = export.profile
    assert profile.handle == "@samtaylor@social.therapists.example"
    assert profile.website == "https://samtaylorcbt.example"
    assert "Pronouns: they/them" in profile.bio and "BABCP accredited" in profile.bio


def test_tar_gz_with_media_detected_by_content(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(MASTODON, folder)
    (folder / "outbox.json").rename(folder / "data-1.json")
    media = folder / "media_attachments/files/109/879/956/602/938/880/original"
    media.mkdir(parents=True)
    (media / "e48b9f772b459417.jpeg").write_bytes(b"\xff\xd8pothos")
    archive = tar_dir(folder, tmp_path / "archive-2024.tar.gz")
    with open_export(archive) as export:
        assert export.platform == "mastodon"
        items = list(export.items())
        photo = on(items, "2023-02-17")
        assert photo.meta.media[0].present
        assert export.open_media(photo.post.media[0]) == b"\xff\xd8pothos"
    assert len(items) == 20


def test_truncated_outbox_keeps_earlier_statuses(tmp_path: Path) -> None:
    text = (MASTODON / "outbox.json").read_text("utf-8")
    cut = text.index("Tough week")
    (tmp_path / "outbox.json").write_text(text[:cut], "utf-8")
    with open_export(tmp_path) as export:
        posts = list(export.posts())
        warnings = [str(w) for w in export.warnings]
    assert len(posts) == 5
    assert any("truncated" in w and "outbox.json" in w for w in warnings)


def test_malformed_activity_is_skipped(tmp_path: Path) -> None:
    outbox = json.loads((MASTODON / "outbox.json").read_text("utf-8"))
    outbox["orderedItems"][2] = {"type": "Create", "object": {"type": "Note", "to": 5}}
    outbox["orderedItems"].insert(0, "just a string")
    (tmp_path / "outbox.json").write_text(json.dumps(outbox), "utf-8")
    with open_export(tmp_path) as export:
        posts = list(export.posts())
        assert len(export.warnings) == 2
    assert len(posts) == 19


def test_empty_outbox_without_profile_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "outbox.json").write_text(
        '{"id": "outbox.json", "type": "OrderedCollection", "totalItems": 0, "orderedItems": []}'
    )
    with pytest.raises(InputError, match="no posts and no profile"):
        open_export(tmp_path)


def test_visibility_rules_and_html() -> None:
    public = "https://www.w3.org/ns/activitystreams#Public"
    followers = "https://h.example/users/a/followers"
    assert visibility([public], []) == "public"
    assert visibility([followers], [public]) == "unlisted"
    assert visibility([followers], []) == "followers"
    assert visibility(["https://h.example/users/b"], []) == "direct"
    parsed = html_to_text(
        '<p>One<br>two &amp; <a href="https://example.org/a/long/path" rel="nofollow">'
        '<span class="invisible">https://</span><span class="ellipsis">example.org/a/lo</span>'
        '<span class="invisible">ng/path</span></a></p><p>Next</p>'
    )
    assert parsed.text == "One\ntwo & https://example.org/a/long/path\n\nNext"
    assert parsed.links == ["https://example.org/a/long/path"]


def test_an_outbox_that_states_far_more_activities_than_it_holds(tmp_path: Path) -> None:
    """`totalItems` is the archive's own count; reading under half of it is reported."""
    export = tmp_path / "mastodon"
    shutil.copytree(DATA / "mastodon", export)
    outbox = export / "outbox.json"
    doc = json.loads(outbox.read_text())
    posts = sum(1 for a in doc["orderedItems"] if a["type"] in ("Create", "Announce"))
    doc["totalItems"] = 1586
    outbox.write_text(json.dumps(doc))
    with open_export(export) as opened:
        assert opened.shortfalls == []  # known only once the posts are read
        list(opened.items())
        list(opened.items())  # a second pass (the audit's progress bar counts posts first)
        assert opened.shortfalls == [
            f"outbox.json: the export states 1,586 statuses (totalItems) but only {posts} could be read"
        ]


def test_an_outbox_of_statuses_given_by_address_only_is_not_read_as_empty(tmp_path: Path) -> None:
    """Activities whose status is only a link (not embedded) hold no text: each is counted and
    said, and an outbox of nothing else is far short of its totalItems."""
    export = tmp_path / "mastodon"
    shutil.copytree(DATA / "mastodon", export)
    items = [
        {
            "type": "Create",
            "id": f"https://social.example/s/{i}/activity",
            "object": f"https://social.example/s/{i}",
        }
        for i in range(40)
    ]
    (export / "outbox.json").write_text(
        json.dumps({"type": "OrderedCollection", "totalItems": 40, "orderedItems": items})
    )
    with pytest.raises(
        InputError, match=r"outbox\.json: 40 activities skipped: the status is not in the archive"
    ):
        open_export(export)
