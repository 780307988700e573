"""LinkedIn CSV export and plain CSV/JSONL/JSON imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from source_builders import DATA, zip_dir

from postguard.errors import InputError
from postguard.sources import Item, open_export
from postguard.sources.linkedin import fix_commentary

LINKEDIN = DATA / "linkedin"


def load(path: Path) -> list[Item]:
    with open_export(path) as export:
        return list(export.items())


def on(items: list[Item], day: str) -> Item:
    return next(i for i in items if (i.post.created_at or "").startswith(day))


def test_linkedin_shares_comments_and_profile(tmp_path: Path) -> None:
    archive = zip_dir(LINKEDIN, tmp_path / "Basic_LinkedInDataExport.zip")
    with open_export(archive) as export:
        assert export.platform == "linkedin"
        profile = export.profile
        items = list(export.items())
        assert not export.warnings
    assert profile.name == "Sam Taylor"
    assert "The UK's leading expert in panic disorder" in profile.bio
    assert profile.website == "https://samtaylorcbt.example"
    assert profile.location == "Leeds, England, United Kingdom"
    assert [i.post.kind for i in items].count("post") == 5
    assert [i.post.kind for i in items].count("comment") == 4
    guarantee = on(items, "2023-11-08")
    assert guarantee.post.id == "urn:li:ugcPost:7327839327176862342"
    assert guarantee.post.text == (
        "Results speak for themselves:\n98% of my clients are completely anxiety-free after "
        "6 sessions.\nI guarantee it, or your money back.\n\nBook a free call today."
    )
    assert guarantee.post.media[0].path.startswith("https://media.licdn.example/")
    accreditation = on(items, "2023-03-02")
    assert accreditation.post.text.startswith("I'm delighted to share that I've completed")
    assert "accreditation.\n\nThank you" in accreditation.post.text
    assert on(items, "2024-02-27").post.visibility == "connections"
    assert on(items, "2024-05-16").post.visibility == "public"
    rubbish = on(items, "2023-09-30")
    assert rubbish.post.kind == "comment"
    assert rubbish.post.text.startswith('With respect, this "research" is rubbish and so are you.')
    decoy = on(items, "2023-06-20")
    assert (
        decoy.post.text == 'Exactly this. "Positive thinking" and balanced thinking are not the same thing.'
    )


def test_fix_commentary() -> None:
    assert fix_commentary('a."\n""\n"b') == "a.\n\nb"
    assert fix_commentary("plain") == "plain"


def test_plain_csv_with_optional_columns(tmp_path: Path) -> None:
    path = tmp_path / "my posts.txt"  # the name says nothing; the header does
    path.write_text(
        "id,text,created_at,kind,platform\n"
        'a1,"Hello, world",2024-01-02 03:04:05,reply,x\n'
        "a2,,2024-01-02,post,x\n"
        "a3,Second post,1700000000,weird,\n",
        "utf-8",
    )
    items = load(path)
    assert [(i.post.id, i.post.text, i.post.kind) for i in items] == [
        ("a1", "Hello, world", "reply"),
        ("a3", "Second post", "post"),
    ]
    assert items[0].post.created_at == "2024-01-02T03:04:05Z"
    assert items[0].post.platform == "x" and items[1].post.platform == "plain"
    assert items[1].post.created_at == "2023-11-14T22:13:20Z"


def test_plain_jsonl_with_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": 1, "text": "first"}), "{not json", json.dumps({"text": "third"})]
    (tmp_path / "posts.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    with open_export(tmp_path / "posts.jsonl") as export:
        posts = list(export.posts())
        warnings = [str(w) for w in export.warnings]
    assert [p.text for p in posts] == ["first", "third"]
    assert [p.id for p in posts] == ["1", "3"]
    assert warnings == [
        "posts.jsonl: line 2: malformed JSON skipped (Expecting property name enclosed in double quotes)"
    ]


def test_plain_json_array(tmp_path: Path) -> None:
    (tmp_path / "drafts.json").write_text(json.dumps([{"text": "a"}, {"text": "b"}]), "utf-8")
    assert [i.post.text for i in load(tmp_path / "drafts.json")] == ["a", "b"]


def test_csv_without_text_column_is_unknown(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("name,age\nx,1\n", "utf-8")
    with pytest.raises(InputError, match="unknown export format"):
        open_export(tmp_path / "data.csv")
