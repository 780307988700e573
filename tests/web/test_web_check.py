"""``POST /v1/check`` as an editor or the extension uses it: LanguageTool's shape, offsets that
hold in both units whatever comes before the words (emoji, ZWJ sequences, flags, CRLF), batches,
rule filters, and photos."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

CLIENT_STORY = "So proud of my client Jess, a 34 year old teacher from Otley, who got on the bus alone"
ANGRY = "@cbt_sceptic you are clueless, STOP posting rubbish!!!"
PREFIXES = [
    "",
    "💜 ",
    "👩‍⚕️🧑🏽‍🤝‍🧑🏻 ",  # ZWJ sequences with skin tones
    "🇬🇧🏳️‍🌈 ",  # flags
    "Line one\r\nLine two\r\n",
    "é\u0301 — ",  # a combining accent and a dash
    "𝓗𝓮𝓵𝓵𝓸 ",  # mathematical letters outside the BMP
]


def in_units(text: str, offset: int, length: int, unit: str) -> str:
    """The slice a client takes with the answer's offset and length in its own string units."""
    if unit == "codepoints":
        return text[offset : offset + length]
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def check(client: TestClient, text: object, **extra: object) -> dict:
    answer = client.post("/v1/check", json={"text": text, **extra})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_the_answer_is_shaped_like_languagetools(client: TestClient) -> None:
    body = check(client, f"{CLIENT_STORY}. {ANGRY}")
    assert body["software"]["name"] == "postguard" and body["software"]["apiVersion"] == 1
    assert body["policy"]["id"] == "babcp"
    assert body["verdict"] == "block"
    assert {m["rule"]["id"] for m in body["matches"]} >= {"SM101", "SM601"}
    for match in body["matches"]:
        assert {
            "offset",
            "length",
            "message",
            "shortMessage",
            "replacements",
            "context",
            "rule",
            "type",
        } <= set(match)
        assert {"id", "description", "issueType", "category", "clause", "urls"} <= set(match["rule"])
        ctx = match["context"]
        assert ctx["text"][ctx["offset"] : ctx["offset"] + ctx["length"]] == match["excerpt"]
    confidentiality = next(m for m in body["matches"] if m["rule"]["id"] == "SM101")
    assert confidentiality["severity"] == "high"
    assert "Jess" in confidentiality["excerpt"]
    assert confidentiality["replacements"] and "Jess" not in confidentiality["replacements"][0]["value"]


@pytest.mark.parametrize("unit", ["codepoints", "utf16"])
@pytest.mark.parametrize("prefix", PREFIXES)
def test_offsets_hold_after_emoji_flags_and_crlf(client: TestClient, prefix: str, unit: str) -> None:
    text = f"{prefix}{CLIENT_STORY} 🙏\r\n{prefix}{ANGRY}"
    body = check(client, text, offsetUnits=unit)
    assert body["offsetUnits"] == unit
    assert {m["rule"]["id"] for m in body["matches"]} >= {"SM101", "SM601"}
    for match in body["matches"]:
        assert in_units(text, match["offset"], match["length"], unit) == match["excerpt"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(
        st.sampled_from(["💜", "👨‍👩‍👧", "🇬🇧", "\r\n", " ", "é", "𝓧", "a", "\u200d", "🏽"]), max_size=12
    ).map("".join),
    unit=st.sampled_from(["codepoints", "utf16"]),
)
def test_offsets_hold_whatever_comes_first(client: TestClient, before: str, unit: str) -> None:
    text = f"{before} {ANGRY}"
    for match in check(client, text, offsetUnits=unit)["matches"]:
        assert in_units(text, match["offset"], match["length"], unit) == match["excerpt"]


def test_a_list_of_texts_is_checked_as_a_batch_in_order(client: TestClient) -> None:
    texts = ["Lovely walk by the river this morning.", ANGRY, "💜 " + CLIENT_STORY]
    results = check(client, texts, offsetUnits="utf16")["results"]
    assert [r["verdict"] for r in results] == ["pass", "review", "block"]
    for text, result in zip(texts, results, strict=True):
        for match in result["matches"]:
            assert in_units(text, match["offset"], match["length"], "utf16") == match["excerpt"]


def test_rules_can_be_chosen_or_left_out(client: TestClient) -> None:
    text = f"{CLIENT_STORY}. {ANGRY}"
    only = check(client, text, enabledRules=["SM601"])
    assert {m["rule"]["id"] for m in only["matches"]} == {"SM601"}
    assert only["verdict"] == "review"
    without = check(client, text, disabledRules=["SM101"])
    assert "SM101" not in {m["rule"]["id"] for m in without["matches"]}
    unknown = client.post("/v1/check", json={"text": text, "enabledRules": ["SM999"]})
    assert unknown.status_code == 422 and "SM999" in unknown.json()["error"]


def test_a_post_in_another_language_is_not_passed_as_clean(client: TestClient) -> None:
    body = check(client, "Hoy fue un día muy largo en el trabajo, pero estoy contenta con mis pacientes.")
    assert body["verdict"] == "review"
    assert body["warnings"]["incompleteResults"] is True
    assert body["warnings"]["notes"]


def test_bad_requests_get_one_clear_error(client: TestClient) -> None:
    assert client.post("/v1/check", json={"txt": "hello"}).status_code == 422
    assert client.post("/v1/check", json={"text": "hi", "offsetUnits": "bytes"}).status_code == 422
    assert client.post("/v1/check", json={"text": ["a"] * 501}).status_code == 413
    broken = client.post("/v1/check", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422


def test_a_photo_with_a_gps_position_is_a_notice(client: TestClient, tmp_path: Path) -> None:
    from media.mediafixtures import gps_jpeg

    photo = gps_jpeg(tmp_path / "garden.jpg")
    upload = client.post(
        "/v1/uploads?name=garden.jpg", content=photo.read_bytes(), headers={"content-type": "image/jpeg"}
    )
    assert upload.status_code == 201, upload.text
    assert upload.json()["type"] == "JPEG"
    body = check(client, "Garden finally finished!", images=[upload.json()["id"]])
    assert "SM502" in {n["rule"]["id"] for n in body["notices"]}
    assert all(n["source"].startswith("image:") for n in body["notices"])


def test_an_upload_that_is_not_a_photo_is_refused_and_not_kept(client: TestClient) -> None:
    answer = client.post(
        "/v1/uploads?name=notes.jpg", content=b"just some text", headers={"content-type": "image/jpeg"}
    )
    assert answer.status_code == 415
    assert "notes.jpg" in answer.json()["error"] and "/" not in answer.json()["error"].split("notes.jpg")[0]
    assert client.post("/v1/check", json={"text": "hi", "images": ["0" * 32]}).status_code == 404


def test_rules_and_health(client: TestClient, anonymous: TestClient) -> None:
    rules = client.get("/v1/rules").json()
    assert rules["policy"]["id"] == "babcp"
    codes = [r["code"] for r in rules["rules"]]
    assert "SM101" in codes and all(r["clause"] for r in rules["rules"])
    health = anonymous.get("/v1/health")  # no token needed, and no secret in it
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert "token" not in health.text.lower()
