"""Tell which platform an export comes from by looking inside its files, not at their names.

Users rename files and re-zip folders, so every member's first bytes are classified into a
role (`x:tweets`, `mastodon:outbox`, `bluesky:car`, `meta:ig-posts`, `linkedin:shares`, ...).
The platform with the strongest roles wins. Meta's HTML exports are recognised and refused with
an explanation, since they hold no machine-readable data.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from postguard.errors import InputError
from postguard.sources.archive import Archive, Member
from postguard.sources.jsonstream import first_element
from postguard.sources.textcodec import decode_head

HEAD = 64 * 1024

# Extensions that are almost always media: sniffed only when nothing else was recognised.
_MEDIA_EXT = {
    "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "mp4", "mov", "m4v", "webm", "mp3",
    "m4a", "ogg", "opus", "wav", "srt", "vtt", "pdf", "ico", "bmp", "tif", "tiff", "avif",
}  # fmt: skip
_MEDIA_MAGIC = (
    b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"\x00\x00\x00\x18ftyp", b"\x00\x00\x00\x1cftyp",
    b"\x00\x00\x00 ftyp", b"%PDF", b"ID3", b"OggS",
)  # fmt: skip
_ARCHIVE_EXT = (".zip", ".tar.gz", ".tgz", ".tar")

_YTD = re.compile(r"^\s*window\.YTD\.([A-Za-z0-9_]+)\.part(\d+)\s*=")
_THAR = re.compile(r"^\s*window\.__THAR_CONFIG\s*=")

# X archive global names (`window.YTD.<name>.partN`) that the importer reads.
X_ROLES = {
    "tweets": "x:tweets",
    "tweet": "x:tweets",
    "deleted_tweets": "x:deleted",
    "deleted_tweet": "x:deleted",
    "note_tweet": "x:notes",
    "account": "x:account",
    "profile": "x:profile",
    "protected_history": "x:protected",
}

PLAIN_TEXT_KEYS = ("text", "full_text", "content", "body", "post", "message")

# Role weights: which files make an export "of" a platform (posts beat profiles beat the rest).
_WEIGHT = {
    "x:tweets": 10, "x:deleted": 5, "x:notes": 5, "x:account": 4, "x:profile": 4, "x:other": 3,
    "x:manifest": 3, "x:protected": 2,
    "mastodon:outbox": 10, "mastodon:actor": 4,
    "bluesky:car": 10, "bluesky:diddoc": 1,
    "meta:fb-posts": 10, "meta:fb-comments": 6, "meta:fb-profile": 4,
    "meta:ig-posts": 10, "meta:ig-stories": 6, "meta:ig-reels": 6, "meta:ig-comments": 6,
    "meta:ig-profile": 4, "meta:threads-posts": 10, "meta:threads-profile": 4,
    "linkedin:shares": 10, "linkedin:comments": 6, "linkedin:profile": 4,
    "plain:csv": 2, "plain:jsonl": 2, "plain:json": 2,
}  # fmt: skip

_META_HTML_NAME = re.compile(
    r"(your_posts|posts_\d|post_comments|text_post_app|threads_and_replies|"
    r"your_facebook_activity|your_instagram_activity|personal_information|profile_information|"
    r"start_here|your_activity_across_facebook)[^/]*(/.*)?\.html?$",
    re.IGNORECASE,
)


# Facebook lists many things as {timestamp, data, title} (searches, events): posts say so.
_POSTISH = re.compile(r'"(post|media|place|external_context)"\s*:')


@dataclass
class Detection:
    """The platform found and, per role, the members that hold it (in archive order)."""

    format: str
    roles: dict[str, list[str]] = field(default_factory=dict)
    other_formats: list[str] = field(default_factory=list)

    def members(self, role: str) -> list[str]:
        return list(self.roles.get(role, ()))

    def first(self, role: str) -> str | None:
        found = self.roles.get(role)
        return found[0] if found else None


def is_car(head: bytes) -> bool:
    """A CAR v1 header: varint length, then a DAG-CBOR map holding `version` and `roots`."""
    length, shift, i = 0, 0, 0
    while i < len(head) and i < 4:
        byte = head[i]
        length |= (byte & 0x7F) << shift
        i += 1
        if not byte & 0x80:
            break
        shift += 7
    if not 0 < length < 4096 or len(head) < i + length:
        return False
    body = head[i : i + length]
    if not body or body[0] & 0xE0 != 0xA0:  # CBOR major type 5 (map)
        return False
    return b"roots" in body and b"version" in body


def ytd_global_name(text: str) -> str | None:
    """The global name an X data file declares on its first line (`YTD.tweets.part0`)."""
    match = _YTD.match(text)
    return f"YTD.{match.group(1)}.part{match.group(2)}" if match else None


def header_line(text: str) -> str:
    """The first line of a CSV's text, after the `Notes:` block LinkedIn puts before some."""
    if text.startswith("Notes:"):
        parts = re.split(r"\r?\n\r?\n", text, maxsplit=1)
        text = parts[1] if len(parts) > 1 else ""
    return text.lstrip("\r\n").split("\n", 1)[0].rstrip("\r")


def sniff_delimiter(line: str) -> str:
    """A CSV's delimiter from its header line: comma, semicolon (European spreadsheets) or tab
    (LinkedIn's older exports). Only the delimiter: one line says nothing about quoting."""
    try:
        return csv.Sniffer().sniff(line, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _csv_header(text: str) -> list[str]:
    line = header_line(text)
    if line.strip().strip("\ufeff").lower() in PLAIN_TEXT_KEYS:
        return [line.strip().strip("\ufeff").lower()]  # a one-column CSV of texts
    if not line or ("," not in line and "\t" not in line and ";" not in line):
        return []
    try:
        row = next(csv.reader(io.StringIO(line), delimiter=sniff_delimiter(line)))
    except (csv.Error, StopIteration):
        return []
    return [c.strip().strip("\ufeff").lower() for c in row]


def _classify_json_object(text: str) -> str | None:
    if re.search(r'"orderedItems"\s*:\s*\[\s*\{', text) or (
        re.search(r'"type"\s*:\s*"OrderedCollection"', text)
        and re.search(r'"id"\s*:\s*"[^"]*outbox[^"]*"', text)
    ):
        return "mastodon:outbox"
    if '"preferredUsername"' in text and re.search(r'"type"\s*:\s*"(Person|Service)"', text):
        return "mastodon:actor"
    if '"alsoKnownAs"' in text and re.search(r'"id"\s*:\s*"did:', text):
        return "bluesky:diddoc"
    checks = (
        ('"text_post_app_text_posts"', "meta:threads-posts"),
        ('"text_post_app_text_post_app_profile"', "meta:threads-profile"),
        ('"profile_user"', "meta:ig-profile"),
        ('"profile_v2"', "meta:fb-profile"),
        ('"ig_stories"', "meta:ig-stories"),
        ('"ig_reels_media"', "meta:ig-reels"),
        ('"comments_media_comments"', "meta:ig-comments"),
        ('"comments_reels_comments"', "meta:ig-comments"),
        ('"comments_v2"', "meta:fb-comments"),
        ('"group_posts_v2"', "meta:fb-posts"),
        ('"status_updates_v2"', "meta:fb-posts"),
        ('"ig_archived_post_media"', "meta:ig-posts"),
        ('"ig_recently_deleted_media"', "meta:ig-posts"),
    )
    for needle, role in checks:
        if needle in text:
            return role
    return None


def _classify_element(element: Any, text: str) -> str | None:
    if isinstance(element, dict):
        keys = set(element)
        if "string_map_data" in keys and "Comment" in json.dumps(element)[:2000]:
            return "meta:ig-comments"
        media = element.get("media")
        if isinstance(media, list) and media and isinstance(media[0], dict):
            if "text_app_post" in media[0]:
                return "meta:threads-posts"
            if "uri" in media[0] or "creation_timestamp" in media[0]:
                return "meta:ig-posts"
        if "timestamp" in keys and keys & {"data", "attachments"} and _POSTISH.search(text):
            return "meta:fb-posts"
        if keys & set(PLAIN_TEXT_KEYS) and isinstance(_plain_text(element), str):
            return "plain:json"
        return None
    if element is None and text:
        # The first element did not fit in the head: fall back on tell-tale keys.
        if re.search(r'"text_app_post"\s*:', text):
            return "meta:threads-posts"
        if re.search(r'"media"\s*:\s*\[\s*\{\s*"uri"', text):
            return "meta:ig-posts"
        if re.search(r'"timestamp"\s*:\s*\d', text) and _POSTISH.search(text):
            return "meta:fb-posts"
    return None


def _plain_text(record: dict[str, Any]) -> Any:
    for key in PLAIN_TEXT_KEYS:
        if key in record:
            return record[key]
    return None


def classify(name: str, head: bytes) -> str | None:
    """The role of one member from its first bytes (`name` only breaks ties for HTML)."""
    if not head.strip():
        return None
    if is_car(head):
        return "bluesky:car"
    if head.startswith(_MEDIA_MAGIC):
        return None
    text = decode_head(head)
    match = _YTD.match(text)
    if match:
        return X_ROLES.get(match.group(1), "x:other")
    if _THAR.match(text):
        return "x:manifest"
    stripped = text.lstrip()
    if stripped[:1] == "<":
        low = stripped[:4096].lower()
        if "<html" in low or "<!doctype html" in low:
            meta_words = ("facebook", "instagram", "meta platforms", "threads")
            if _META_HTML_NAME.search(name) or any(w in text.lower() for w in meta_words):
                return "meta:html"
        return None
    if stripped[:1] == "{":
        role = _classify_json_object(stripped)
        if role:
            return role
        return _classify_jsonl(stripped)
    if stripped[:1] == "[":
        return _classify_element(first_element(stripped), stripped)
    return _classify_csv(text)


def _classify_jsonl(text: str) -> str | None:
    lines = [line for line in text.splitlines()[:3] if line.strip()]
    if not lines:
        return None
    try:
        first = json.loads(lines[0])
    except (ValueError, RecursionError):
        return None
    if isinstance(first, dict) and isinstance(_plain_text(first), str):
        return "plain:jsonl"
    return None


def _classify_csv(text: str) -> str | None:
    header = _csv_header(text)
    if not header:
        return None
    cols = set(header)
    if {"sharelink", "sharecommentary"} <= cols:
        return "linkedin:shares"
    if {"date", "link", "message"} <= cols and len(cols) <= 5:
        return "linkedin:comments"
    if {"first name", "last name", "headline"} <= cols:
        return "linkedin:profile"
    if cols & set(PLAIN_TEXT_KEYS):
        return "plain:csv"
    return None


def _ordered(members: Iterable[Member]) -> tuple[list[Member], list[Member]]:
    likely: list[Member] = []
    media: list[Member] = []
    for member in members:
        ext = member.name.rsplit(".", 1)[-1].lower() if "." in member.basename else ""
        (media if ext in _MEDIA_EXT else likely).append(member)
    return likely, media


def detect(archive: Archive, sniff_budget: int = 256 * 1024 * 1024) -> Detection:
    """Classify the export's members and pick its platform; `InputError` when none fits."""
    if len(archive) == 0:
        raise InputError(f"{archive.label}: the export is empty (no readable files)")
    roles: dict[str, list[str]] = {}
    likely, media = _ordered(archive.members())
    read = 0
    for group in (likely, media):
        for member in group:
            if member.size == 0 or read > sniff_budget:
                continue
            try:
                head = archive.head(member.name, HEAD)
            except (OSError, InputError) as exc:
                archive.warnings.add(member.name, f"unreadable: {exc}")
                continue
            read += len(head)
            role = classify(member.name, head)
            if role:
                roles.setdefault(role, []).append(member.name)
        if any(not r.startswith(("plain:", "meta:html", "bluesky:diddoc")) for r in roles):
            break
    return _decide(archive, roles)


def _decide(archive: Archive, roles: dict[str, list[str]]) -> Detection:
    scores: dict[str, int] = {}
    for role, names in roles.items():
        prefix = role.split(":", 1)[0]
        if role == "meta:html":
            continue
        scores[prefix] = scores.get(prefix, 0) + _WEIGHT.get(role, 1) * min(len(names), 3)
    if "bluesky:car" not in roles:
        scores.pop("bluesky", None)  # a DID document alone holds no posts
    # A plain CSV or JSONL only counts when no platform file is there.
    platform_scores = {k: v for k, v in scores.items() if k != "plain"}
    chosen = max(platform_scores, key=lambda k: platform_scores[k], default=None)
    if chosen is None and "plain" in scores:
        chosen = "plain"
    if chosen is None:
        if "meta:html" in roles:
            raise InputError(
                f"{archive.label}: this is a Facebook/Instagram export in HTML format; "
                "download your information again choosing the JSON format"
            )
        if not any(m.size for m in archive.members()):
            raise InputError(f"{archive.label}: the export is empty (every file is empty)")
        nested = [m.name for m in archive.members() if m.name.lower().endswith(_ARCHIVE_EXT)]
        hint = f" (it contains {nested[0]!r}: extract that archive first)" if nested else ""
        raise InputError(
            f"{archive.label}: unknown export format{hint}; expected an X, Mastodon, Bluesky, "
            "Facebook, Instagram, Threads or LinkedIn export, or a CSV/JSONL of posts with a "
            "`text` column"
        )
    others = sorted(k for k in scores if k != chosen and k != "plain")
    picked = {r: n for r, n in roles.items() if r.startswith(chosen + ":")}
    return Detection(format=chosen, roles=picked, other_formats=others)
