"""Meta "Download your information" importer: Facebook, Instagram and Threads (JSON).

Meta writes each UTF-8 byte of a string as its own `\\u00XX` escape, so `json` yields mojibake
(`Canâ\\x80\\x99t`); every string is repaired with a latin-1 round trip, keeping the original
when that fails. Posts carry no id, URL or client: ids are stable hashes of time and content.
Lists are streamed; a record that does not have the expected shape is skipped with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from postguard.errors import InputError
from postguard.model import AccountProfile, Media, Post
from postguard.sources.base import Importer
from postguard.sources.common import (
    Item,
    MediaMeta,
    PostMeta,
    as_dict,
    as_list,
    as_str,
    clean_text,
    from_unix,
    media_kind,
    short_hash,
)
from postguard.sources.jsonstream import iter_json_array, iter_keyed_array

_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)
_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf]")

# Lists that hold the records, for files that wrap them in an object.
_WRAPPERS = {
    "meta:fb-posts": ("status_updates_v2", "group_posts_v2", "your_posts", "posts"),
    "meta:fb-comments": ("comments_v2", "comments"),
    "meta:ig-posts": ("ig_archived_post_media", "ig_recently_deleted_media", "ig_posts"),
    "meta:ig-stories": ("ig_stories",),
    "meta:ig-reels": ("ig_reels_media",),
    "meta:ig-comments": ("comments_media_comments", "comments_reels_comments"),
    "meta:threads-posts": ("text_post_app_text_posts",),
}
_PLATFORM = {"fb": "facebook", "ig": "instagram", "threads": "threads"}


def _fix_text(value: str) -> str:
    value = clean_text(value)
    if not _MOJIBAKE.search(value):
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def fix_mojibake(value: Any) -> Any:
    """Undo Meta's double encoding in every string (and key) of a decoded JSON value.

    Walked with a stack, not recursion: a record nested as deep as the JSON parser allows
    (about 1,000 levels) would otherwise overflow Python's stack here.
    """
    holder = [value]
    stack: list[tuple[Any, Any]] = [(holder, 0)]
    while stack:
        parent, key = stack.pop()
        node = parent[key]
        if isinstance(node, str):
            parent[key] = _fix_text(node)
        elif isinstance(node, list):
            parent[key] = rebuilt = list(node)
            stack.extend((rebuilt, i) for i in range(len(rebuilt)))
        elif isinstance(node, dict):
            parent[key] = fixed = {_fix_text(k) if isinstance(k, str) else k: v for k, v in node.items()}
            stack.extend((fixed, k) for k in fixed)
    return holder[0]


def _labels(data: dict[str, Any]) -> dict[str, str]:
    """`string_map_data` as {normalised label: value}; labels are matched loosely."""
    out: dict[str, str] = {}
    for label, entry in as_dict(data.get("string_map_data")).items():
        value = as_dict(entry)
        text = as_str(value.get("value")) or as_str(value.get("href"))
        out[re.sub(r"[^a-z]", "", str(label).lower())] = text
    return out


def _place(place: dict[str, Any]) -> tuple[str | None, tuple[float, float] | None]:
    coordinate = as_dict(place.get("coordinate"))
    coords: tuple[float, float] | None = None
    try:
        if "latitude" in coordinate and "longitude" in coordinate:
            coords = (float(coordinate["latitude"]), float(coordinate["longitude"]))
    except (TypeError, ValueError):
        coords = None
    parts = [as_str(place.get("name")), as_str(place.get("address"))]
    text = ", ".join(p for p in parts if p)
    if coords:
        text = f"{text} ({coords[0]:.5f}, {coords[1]:.5f})" if text else f"{coords[0]}, {coords[1]}"
    return text or None, coords


def _exif(media: dict[str, Any]) -> tuple[dict[str, Any] | None, tuple[float, float] | None]:
    metadata = as_dict(media.get("media_metadata"))
    block = as_dict(metadata.get("photo_metadata")) or as_dict(metadata.get("video_metadata"))
    entries = [e for e in as_list(block.get("exif_data")) if isinstance(e, dict)]
    if not entries:
        return None, None
    merged: dict[str, Any] = {}
    for entry in entries:
        merged.update(entry)
    coords: tuple[float, float] | None = None
    try:
        if "latitude" in merged and "longitude" in merged:
            coords = (float(merged["latitude"]), float(merged["longitude"]))
    except (TypeError, ValueError):
        coords = None
    return merged, coords


class MetaImporter(Importer):
    """Facebook posts and comments; Instagram posts, stories, reels and comments; Threads."""

    platform = "meta"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._profiles: list[AccountProfile] | None = None
        self._private: dict[str, bool] = {}
        self._stems: dict[str, list[str]] | None = None

    @property
    def main_platform(self) -> str:
        roles = self.detection.roles
        if any(r.startswith("meta:fb-") for r in roles):
            return "facebook"
        if any(r.startswith("meta:ig-") for r in roles):
            return "instagram"
        return "threads"

    # -- reading -------------------------------------------------------------------------------
    def _records(self, role: str, name: str) -> Iterator[Any]:
        """The records of one file, streamed, with mojibake repaired."""
        try:
            head = self.archive.head(name, 4096).lstrip(b"\xef\xbb\xbf \t\r\n")
            with self.archive.open(name) as stream:
                if head.startswith(b"["):
                    source = iter_json_array(stream, name, self.warnings, self.whole(name))
                else:
                    key = self._wrapper_key(name, role)
                    if key is None:
                        self.warn(name, "no list of records found; file skipped")
                        return
                    source = iter_keyed_array(stream, key, name, self.warnings, self.whole(name))
                for record in source:
                    yield fix_mojibake(record)
        except (OSError, InputError) as exc:
            self.warn(name, f"unreadable: {exc}")

    def _wrapper_key(self, name: str, role: str) -> str | None:
        head = self.archive.head(name).decode("utf-8", errors="replace")
        for key in _WRAPPERS.get(role, ()):
            if re.search(rf'"{re.escape(key)}"\s*:\s*\[', head):
                return key
        match = re.match(r'\s*\{\s*"([^"]+)"\s*:\s*\[', head)
        return match.group(1) if match else None

    def _document(self, name: str) -> dict[str, Any]:
        return as_dict(fix_mojibake(self.load_small_json(name)))

    def _resolve(self, uri: str) -> str | None:
        """The archive member for a media `uri` (relative; the extension may be missing)."""
        if not uri or uri.startswith(("http://", "https://")):
            return None
        found = self.archive.find_suffix(uri)
        if found:
            return found
        if self._stems is None:
            self._stems = {}
            for member in self.archive.members():
                base = member.basename.rsplit(".", 1)[0].lower()
                self._stems.setdefault(base, []).append(member.name)
        wanted = uri.strip("/").lower()
        for name in self._stems.get(wanted.rsplit("/", 1)[-1], ()):
            stem = name.rsplit(".", 1)[0].lower() if "." in name.rsplit("/", 1)[-1] else name
            if stem == wanted or stem.endswith("/" + wanted):
                return name
        return None

    def _media(self, item: dict[str, Any]) -> tuple[Media, MediaMeta] | None:
        uri = as_str(item.get("uri"))
        if not uri:
            return None
        local = self._resolve(uri)
        exif, coords = _exif(item)
        path = local or uri
        media = Media(path=path, alt_text="", kind=media_kind(uri))
        meta = MediaMeta(path=path, present=local is not None, exif=exif, coordinates=coords)
        return media, meta

    # -- profiles ------------------------------------------------------------------------------
    def profiles(self) -> list[AccountProfile]:
        if self._profiles is None:
            found: list[AccountProfile] = []
            for name in self.detection.members("meta:fb-profile"):
                found.append(self._fb_profile(name))
            for name in self.detection.members("meta:ig-profile"):
                found.append(self._ig_profile(name, "instagram", "profile_user"))
            for name in self.detection.members("meta:threads-profile"):
                found.append(self._ig_profile(name, "threads", "text_post_app_text_post_app_profile"))
            main = self.main_platform
            found.sort(key=lambda p: p.platform != main)
            self._profiles = found or [AccountProfile(platform=main)]
        return self._profiles

    def _fb_profile(self, name: str) -> AccountProfile:
        doc = self._document(name)
        profile = as_dict(doc.get("profile_v2")) or as_dict(doc.get("profile"))
        websites = [as_str(as_dict(w).get("address")) for w in as_list(profile.get("websites"))]
        bio = next(
            (as_str(profile.get(k)) for k in ("intro_bio", "about_me", "bio") if profile.get(k)),
            "",
        )
        return AccountProfile(
            platform="facebook",
            name=as_str(as_dict(profile.get("name")).get("full_name")),
            handle=as_str(profile.get("username")),
            bio=bio,
            location=as_str(as_dict(profile.get("current_city")).get("name")),
            website=next((w for w in websites if w), ""),
        )

    def _ig_profile(self, name: str, platform: str, key: str) -> AccountProfile:
        doc = self._document(name)
        users = as_list(doc.get(key))
        user = as_dict(users[0]) if users else {}
        labels = _labels(user)
        photo = as_dict(as_dict(user.get("media_map_data")).get("Profile Photo"))
        self._private[platform] = labels.get("privateaccount", "").strip().lower() == "true"
        username = labels.get("username", "")
        return AccountProfile(
            platform=platform,
            name=labels.get("name", ""),
            handle=f"@{username}" if username else "",
            bio=labels.get("bio", ""),
            location=labels.get("city", "") or labels.get("location", ""),
            website=labels.get("website", "") or labels.get("links", ""),
            avatar=self._resolve(as_str(photo.get("uri"))) or as_str(photo.get("uri")) or None,
        )

    # -- posts ---------------------------------------------------------------------------------
    def items(self) -> Iterator[Item]:
        self.profiles()
        handlers = (
            ("meta:fb-posts", self._fb_post),
            ("meta:fb-comments", self._fb_comment),
            ("meta:ig-posts", self._ig_post),
            ("meta:ig-stories", self._ig_story),
            ("meta:ig-reels", self._ig_post),
            ("meta:ig-comments", self._ig_comment),
            ("meta:threads-posts", self._threads_post),
        )
        for role, handler in handlers:
            for name in self.detection.members(role):
                for index, record in enumerate(self._records(role, name)):
                    if not isinstance(record, dict):
                        self.warn(name, f"record {index}: not an object; skipped")
                        continue
                    try:
                        item = handler(record, name)
                    except _ERRORS as exc:
                        self.warn(name, f"record {index}: malformed, skipped ({exc!r})")
                        continue
                    if item is not None:
                        yield item

    def _fb_post(self, record: dict[str, Any], source: str) -> Item | None:
        texts: list[str] = []
        for entry in as_list(record.get("data")):
            post_text = as_str(as_dict(entry).get("post"))
            if post_text:
                texts.append(post_text)
        media: list[Media] = []
        metas: list[MediaMeta] = []
        links: list[str] = []
        location: str | None = None
        coords: tuple[float, float] | None = None
        subkind: str | None = None
        for attachment in as_list(record.get("attachments")):
            for data in as_list(as_dict(attachment).get("data")):
                data = as_dict(data)
                item = as_dict(data.get("media"))
                if item:
                    found = self._media(item)
                    if found:
                        media.append(found[0])
                        metas.append(found[1])
                    caption = as_str(item.get("description")) or as_str(item.get("title"))
                    if caption and caption not in texts:
                        texts.append(caption)
                place = as_dict(data.get("place"))
                if place:
                    location, coords = _place(place)
                    subkind = "check-in"
                context = as_dict(data.get("external_context"))
                if context.get("url"):
                    links.append(as_str(context.get("url")))
                    subkind = subkind or "link"
                extra = as_str(data.get("text"))
                if extra and extra not in texts:
                    texts.append(extra)
        text = "\n\n".join(texts)
        for link in links:
            if link not in text:
                text = f"{text}\n{link}" if text else link
        title = as_str(record.get("title"))
        if not text:
            text = title
            subkind = subkind or "activity"
        if not text and not media:
            return None
        created = from_unix(record.get("timestamp"))
        first = media[0].path if media else ""
        post = Post(
            id=f"fb-{short_hash(created, text, first)}",
            text=text,
            platform="facebook",
            created_at=created,
            kind="post",
            media=tuple(media),
            location=location,
        )
        tags = tuple(as_str(as_dict(t).get("name")) for t in as_list(record.get("tags")) if as_dict(t))
        meta = PostMeta(
            source=source,
            links=tuple(links),
            mentions=tags,
            subkind=subkind,
            media=tuple(metas),
            coordinates=coords,
            raw=record,
        )
        return Item(post, meta)

    def _fb_comment(self, record: dict[str, Any], source: str) -> Item | None:
        comment: dict[str, Any] = {}
        for entry in as_list(record.get("data")):
            comment = as_dict(as_dict(entry).get("comment")) or comment
        text = as_str(comment.get("comment"))
        if not text:
            return None
        created = from_unix(comment.get("timestamp") or record.get("timestamp"))
        post = Post(
            id=f"fb-{short_hash(created, text)}",
            text=text,
            platform="facebook",
            created_at=created,
            kind="comment",
        )
        meta = PostMeta(source=source, subkind=as_str(record.get("title")) or None, raw=record)
        return Item(post, meta)

    def _visibility(self, platform: str) -> str | None:
        if platform not in self._private:
            return None
        return "followers" if self._private[platform] else "public"

    def _media_post(
        self,
        record: dict[str, Any],
        source: str,
        platform: str,
        *,
        subkind: str | None = None,
        deleted: bool = False,
    ) -> Item | None:
        items = [m for m in as_list(record.get("media")) if isinstance(m, dict)]
        if not items and record.get("uri") is not None:
            items = [record]  # stories: one media object per record
        title = as_str(record.get("title"))
        captions = [as_str(m.get("title")) for m in items if as_str(m.get("title"))]
        text = title or "\n\n".join(dict.fromkeys(captions))
        media: list[Media] = []
        metas: list[MediaMeta] = []
        for item in items:
            found = self._media(item)
            if found:
                media.append(found[0])
                metas.append(found[1])
        if not text and not media:
            return None
        stamp = record.get("creation_timestamp")
        if stamp is None and items:
            stamp = items[0].get("creation_timestamp")
        created = from_unix(stamp)
        is_reply = any(as_dict(m.get("text_app_post")).get("is_reply") is True for m in items[:1])
        sources = [
            as_str(as_dict(m.get("cross_post_source")).get("source_app"))
            for m in items
            if as_dict(m.get("cross_post_source"))
        ]
        prefix = {"instagram": "ig", "threads": "th"}[platform]
        post = Post(
            id=f"{prefix}-{short_hash(created, text, media[0].path if media else '')}",
            text=text,
            platform=platform,
            created_at=created,
            kind="reply" if is_reply else "post",
            visibility=self._visibility(platform),
            media=tuple(media),
            deleted=deleted,
        )
        coords = next((m.coordinates for m in metas if m.coordinates), None)
        meta = PostMeta(
            source=source,
            subkind=subkind,
            client_href=next((s for s in sources if s), None),
            media=tuple(metas),
            coordinates=coords,
            raw=record,
        )
        return Item(post, meta)

    def _ig_post(self, record: dict[str, Any], source: str) -> Item | None:
        lowered = source.lower()
        deleted = "recently_deleted" in lowered
        subkind = "reel" if "reel" in lowered else ("archived" if "archived" in lowered else None)
        return self._media_post(record, source, "instagram", subkind=subkind, deleted=deleted)

    def _ig_story(self, record: dict[str, Any], source: str) -> Item | None:
        return self._media_post(record, source, "instagram", subkind="story")

    def _threads_post(self, record: dict[str, Any], source: str) -> Item | None:
        return self._media_post(record, source, "threads")

    def _ig_comment(self, record: dict[str, Any], source: str) -> Item | None:
        labels = _labels(record)
        text = labels.get("comment", "")
        if not text:
            return None
        stamp = as_dict(as_dict(record.get("string_map_data")).get("Time")).get("timestamp")
        created = from_unix(stamp)
        owner = labels.get("mediaowner") or None
        post = Post(
            id=f"ig-{short_hash(created, text, owner)}",
            text=text,
            platform="instagram",
            created_at=created,
            kind="comment",
            visibility=self._visibility("instagram"),
        )
        return Item(post, PostMeta(source=source, in_reply_to_user=owner, raw=record))
