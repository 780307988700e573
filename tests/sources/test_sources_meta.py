"""Facebook, Instagram and Threads importers: mojibake, check-ins, EXIF, HTML exports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from source_builders import DATA, zip_dir

from postguard.errors import InputError
from postguard.sources import Item, open_export
from postguard.sources.meta import fix_mojibake


def load(path: Path) -> tuple[str, list[Item]]:
    with open_export(path) as export:
        return export.platform, list(export.items())


def on(items: list[Item], day: str) -> Item:
    return next(i for i in items if (i.post.created_at or "").startswith(day))


def test_facebook_posts() -> None:
    platform, items = load(DATA / "facebook")
    assert platform == "facebook" and len(items) == 6
    assert all(i.post.platform == "facebook" and i.post.id.startswith("fb-") for i in items)
    parkrun = on(items, "2023-04-29")
    assert parkrun.post.text.startswith("Ran into a client at Roundhay parkrun this morning 😂 we’re")
    assert parkrun.post.media[0].path.endswith("344556677_889900112233445_5566778899001122334_n.jpg")
    exif = parkrun.meta.media[0].exif
    assert exif and exif["camera_model"] == "iPhone 13"
    assert parkrun.meta.media[0].coordinates == (53.8391, -1.498)
    assert parkrun.meta.mentions == ("Alex Morgan",)
    mrs_p = on(items, "2024-01-20")
    assert "Mrs P (you know who you are, Beeston’s finest baker!)" in mrs_p.post.text
    clinic = on(items, "2023-07-08")
    assert clinic.post.location and clinic.post.location.startswith("Northgate CBT Clinic")
    assert clinic.meta.subkind == "check-in"
    link = on(items, "2023-10-10")
    assert link.post.text.endswith("https://samtaylorcbt.example/blog/boring-habits")


def test_facebook_old_layout_home_check_in() -> None:
    platform, items = load(DATA / "facebook-old")
    assert platform == "facebook" and len(items) == 5
    home = on(items, "2018-06-23")
    assert home.post.location == "Home, Ashby Road, Leeds (53.82213, -1.57902)"
    assert home.meta.coordinates == (53.82213, -1.57902)
    assert on(items, "2017-09-03").post.text.startswith("Can’t believe it’s my last week")
    assert on(items, "2016-05-14").post.text == "Sam Taylor recommends Kirkgate Market Café."


def test_instagram_posts_and_profile() -> None:
    with open_export(DATA / "instagram") as export:
        assert export.platform == "instagram"
        profile = export.profile
        items = list(export.items())
    assert "guaranteed results in 6 sessions" in profile.bio
    assert profile.bio.startswith("CBT therapist 🌿 Leeds | anxiety · panic")
    assert profile.handle == "@samtaylor.cbt"
    assert len(items) == 4 and all(i.post.visibility == "public" for i in items)
    garden = on(items, "2023-08-14")
    assert garden.post.text == "Garden finally finished ☀️ Home office with a view."
    assert len(garden.post.media) == 2
    assert all(m.coordinates == (53.82213, -1.57902) for m in garden.meta.media)
    snapped = on(items, "2024-02-03")
    assert snapped.post.text.startswith("Snapped my client on her final session today 💪")
    assert on(items, "2024-06-21").post.media[0].kind == "video"


def test_threads_posts() -> None:
    platform, items = load(DATA / "threads")
    assert platform == "threads" and len(items) == 5
    hot = on(items, "2023-09-02")
    assert hot.post.text.startswith("Hot take: people who leave 1-star reviews")
    assert hot.post.platform == "threads"
    assert [i.post.kind for i in items].count("reply") == 1
    refresh = on(items, "2024-04-18")
    assert refresh.post.text == "Spring clinic refresh – before and after"
    assert len(refresh.post.media) == 2


def test_combined_meta_zip_with_media_and_renamed_files(tmp_path: Path) -> None:
    root = tmp_path / "export"
    shutil.copytree(DATA / "instagram", root)
    shutil.copytree(DATA / "threads", root, dirs_exist_ok=True)
    content = root / "your_instagram_activity/content"
    (content / "posts_1.json").rename(content / "stuff.json")
    photo = root / "media/posts/202402"
    photo.mkdir(parents=True)
    name = "201868386_228053063804971_4594997415501725572_n_51212485650385962.jpg"
    (photo / name).write_bytes(b"\xff\xd8client")
    archive = zip_dir(root, tmp_path / "instagram.zip", prefix="instagram-samtaylor/")
    with open_export(archive) as export:
        assert export.platform == "instagram"
        items = list(export.items())
        assert {i.post.platform for i in items} == {"instagram", "threads"}
        snapped = on(items, "2024-02-03")
        assert snapped.meta.media[0].present
        assert export.open_media(snapped.post.media[0]) == b"\xff\xd8client"


def test_truncated_facebook_file(tmp_path: Path) -> None:
    source = DATA / "facebook/your_facebook_activity/posts"
    text = (source / "your_posts__check_ins__photos_and_videos_1.json").read_text("utf-8")
    cut = text.index("World Mental Health Day")
    (tmp_path / "your_posts_1.json").write_text(text[:cut], "utf-8")
    platform, items = load(tmp_path)
    assert platform == "facebook" and len(items) == 3


def test_html_meta_export_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "your_facebook_activity/posts"
    folder.mkdir(parents=True)
    (folder / "your_posts__check_ins__photos_and_videos_1.html").write_text(
        "<!DOCTYPE html><html><head><title>Your posts</title></head><body>Facebook</body></html>"
    )
    (tmp_path / "start_here.html").write_text("<html><body>Your Facebook information</body></html>")
    with pytest.raises(InputError, match=r"HTML format.*JSON"):
        open_export(tmp_path)


def test_comments_and_malformed_records(tmp_path: Path) -> None:
    comments = [
        {
            "string_map_data": {
                "Comment": {"value": "Lovely \u00f0\u009f\u0098\u008a"},
                "Media Owner": {"value": "jordan"},
                "Time": {"timestamp": 1700000000},
            }
        },
        {"string_map_data": {"Comment": {"value": ""}}},
    ]
    folder = tmp_path / "your_instagram_activity/comments"
    folder.mkdir(parents=True)
    (folder / "post_comments_1.json").write_text(json.dumps(comments), "utf-8")
    posts = [
        {"media": [{"uri": "", "title": "ok", "creation_timestamp": 1700000000}]},
        {"media": "not a list", "title": 5},
        7,
    ]
    (tmp_path / "posts_1.json").write_text(json.dumps(posts), "utf-8")
    with open_export(tmp_path) as export:
        items = list(export.items())
        warnings = [str(w) for w in export.warnings]
    assert [(i.post.kind, i.post.text) for i in items] == [("post", "ok"), ("comment", "Lovely 😊")]
    assert items[1].meta.in_reply_to_user == "jordan"
    assert len(warnings) == 1 and "not an object" in warnings[0]


def test_fix_mojibake() -> None:
    assert fix_mojibake("Can\u00e2\u0080\u0099t") == "Can’t"
    assert fix_mojibake("Café") == "Café"  # already right: kept
    assert fix_mojibake({"k\u00c3\u00a9": ["\u00c2\u00a3420"]}) == {"ké": ["£420"]}
