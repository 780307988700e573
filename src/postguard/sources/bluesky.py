"""Bluesky (AT Protocol) repository importer: posts, reposts and the profile from a `.car`.

Everything on Bluesky is public. Rich-text facets index UTF-8 bytes; a link facet's shown text
is replaced by its target when it is the same link shortened, and kept with the target beside it
when they differ (a lookalike shown over another domain is exactly what the link checks need).
The record key (TID) encodes when the record was made: `PostMeta.key_time`, and a `backdated`
flag when `createdAt` is far from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from postguard.errors import InputError
from postguard.model import AccountProfile, Media, Post
from postguard.sources.base import Importer
from postguard.sources.car import Car, cid_str
from postguard.sources.common import (
    UTC,
    Item,
    MediaMeta,
    PostMeta,
    as_dict,
    as_list,
    as_str,
    iso_utc,
    one_line,
    parse_iso,
)

TID_CHARS = "234567abcdefghijklmnopqrstuvwxyz"
POST = "app.bsky.feed.post"
REPOST = "app.bsky.feed.repost"
PROFILE_KEY = "app.bsky.actor.profile/self"
BACKDATED_AFTER = dt.timedelta(days=1)
_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def tid_time(rkey: str) -> str | None:
    """The creation time in a TID record key (13 base32-sortable chars), or None."""
    if len(rkey) != 13 or any(c not in TID_CHARS for c in rkey):
        return None
    value = 0
    for char in rkey:
        value = value * 32 + TID_CHARS.index(char)
    micros = value >> 10
    try:
        return iso_utc(dt.datetime.fromtimestamp(micros / 1_000_000, UTC))
    except (OverflowError, OSError, ValueError):
        return None


def web_url(at_uri: str) -> str | None:
    """`at://did/app.bsky.feed.post/rkey` to its bsky.app page."""
    parts = at_uri.removeprefix("at://").split("/")
    if len(parts) == 3 and parts[1] == POST:
        return f"https://bsky.app/profile/{parts[0]}/post/{parts[2]}"
    return None


def _norm_link(value: str) -> str:
    text = value.strip().lower().rstrip("…").rstrip(".").rstrip("/")
    for prefix in ("https://", "http://"):
        text = text.removeprefix(prefix)
    return text.removeprefix("www.")


def same_link(shown: str, uri: str) -> bool:
    """True when the shown text is the link itself, perhaps shortened (`example.com/pa...`).

    A shown domain that only matches after IDNA decoding (a homoglyph over punycode) is not
    the same: both forms are kept so the link checks see them.
    """
    text = _norm_link(shown)
    return bool(text) and _norm_link(uri).startswith(text)


def render_text(text: str, facets: list[Any]) -> tuple[str, list[str], list[str], list[str]]:
    """Text with link facets resolved; also the links, mentioned DIDs and tags."""
    raw = text.encode("utf-8")
    links: list[str] = []
    mentions: list[str] = []
    tags: list[str] = []
    edits: list[tuple[int, int, str]] = []
    for facet in facets:
        if not isinstance(facet, dict):
            continue
        index = as_dict(facet.get("index"))
        start, end = index.get("byteStart"), index.get("byteEnd")
        valid = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw)
        for feature in as_list(facet.get("features")):
            if not isinstance(feature, dict):
                continue
            kind = as_str(feature.get("$type"))
            if kind.endswith("#link") and feature.get("uri"):
                uri = as_str(feature.get("uri"))
                links.append(uri)
                if valid:
                    assert isinstance(start, int) and isinstance(end, int)
                    shown = raw[start:end].decode("utf-8", errors="replace")
                    new = uri if same_link(shown, uri) else f"{shown} ({uri})"
                    edits.append((start, end, new))
            elif kind.endswith("#mention") and feature.get("did"):
                mentions.append(as_str(feature.get("did")))
            elif kind.endswith("#tag") and feature.get("tag"):
                tags.append(as_str(feature.get("tag")))
    last = len(raw) + 1
    for start, end, new in sorted(edits, reverse=True):
        if end <= last:  # skip overlapping facets
            raw = raw[:start] + new.encode("utf-8") + raw[end:]
            last = start
    return raw.decode("utf-8", errors="replace"), links, mentions, tags


class BlueskyImporter(Importer):
    """Posts and reposts from an AT Protocol repository export."""

    platform = "bluesky"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._car: Car | None = None
        self._data_root: bytes | None = None
        self.did = ""
        self._profiles: list[AccountProfile] | None = None
        self._stems: dict[str, str] | None = None

    def _open(self) -> tuple[Car, bytes]:
        if self._car is None or self._data_root is None:
            cars = self.detection.members("bluesky:car")
            if not cars:
                raise InputError(f"{self.archive.label}: no repository CAR file found")
            name = max(cars, key=lambda n: self.archive.member(n).size)
            for other in cars:
                if other != name:
                    self.warn(other, f"another repository CAR; only the largest ({name}) is read")
            car = Car(self.archive.read_bytes(name), name, self.warnings)
            commit = car.get(car.root)
            if not isinstance(commit, dict):
                raise InputError(one_line(f"{name}: the root commit block is missing; cannot read the repo"))
            data = commit.get("data")
            if not isinstance(data, bytes):
                raise InputError(one_line(f"{name}: the root commit has no tree"))
            self.did = as_str(commit.get("did"))
            self._car, self._data_root = car, data
        return self._car, self._data_root

    def profiles(self) -> list[AccountProfile]:
        if self._profiles is None:
            self._profiles = [self._read_profile()]
        return self._profiles

    def _handle(self) -> str:
        name = self.detection.first("bluesky:diddoc")
        if not name:
            return ""
        doc = as_dict(self.load_small_json(name))
        if self.did and doc.get("id") not in (None, self.did):
            return ""
        for aka in as_list(doc.get("alsoKnownAs")):
            if isinstance(aka, str) and aka.startswith("at://"):
                return aka.removeprefix("at://")
        return ""

    def _read_profile(self) -> AccountProfile:
        car, root = self._open()
        cid = car.lookup(root, PROFILE_KEY)
        record = as_dict(car.get(cid)) if cid else {}
        handle = self._handle()
        pinned = as_str(as_dict(record.get("pinnedPost")).get("uri")) or None
        return AccountProfile(
            platform="bluesky",
            name=as_str(record.get("displayName")),
            handle=f"@{handle}" if handle else self.did,
            bio=as_str(record.get("description")),
            pinned_post_id=pinned,
            avatar=self._blob_path(record.get("avatar"))[0],
        )

    def _blob_path(self, blob: object) -> tuple[str | None, bool]:
        """(path, present): a blob file in the export when there is one, else its CID."""
        ref = as_dict(blob)
        cid = cid_str(ref.get("ref")) or as_str(ref.get("cid")) or None
        if cid is None:
            return None, False
        if self._stems is None:
            self._stems = {}
            for member in self.archive.members():
                self._stems.setdefault(member.basename.split(".", 1)[0], member.name)
        found = self._stems.get(cid)
        return (found, True) if found else (cid, False)

    def items(self) -> Iterator[Item]:
        car, root = self._open()
        self.profiles()
        seen_records = 0
        for key, cid in car.walk(root):
            collection, _, rkey = key.partition("/")
            if collection not in (POST, REPOST):
                continue
            seen_records += 1
            record = car.get(cid)
            if record is None:
                if cid not in car:
                    self.warn(car.source, f"record {key} is missing from the CAR; skipped")
                continue
            if not isinstance(record, dict):
                self.warn(car.source, f"record {key} is not an object; skipped")
                continue
            try:
                item = (
                    self._post(record, rkey, car.source)
                    if collection == POST
                    else self._repost(record, rkey, car.source)
                )
            except _ERRORS as exc:
                self.warn(car.source, f"record {key}: malformed, skipped ({exc!r})")
                continue
            yield item

    def _uri(self, collection: str, rkey: str) -> str:
        return f"at://{self.did}/{collection}/{rkey}"

    def _repost(self, record: dict[str, Any], rkey: str, source: str) -> Item:
        subject = as_str(as_dict(record.get("subject")).get("uri"))
        key_time = tid_time(rkey)
        post = Post(
            id=self._uri(REPOST, rkey),
            text="",
            platform="bluesky",
            created_at=parse_iso(record.get("createdAt")) or key_time,
            url=web_url(subject) or subject or None,
            kind="repost",
            visibility="public",
        )
        return Item(post, PostMeta(source=source, reposted=subject or None, key_time=key_time, raw=record))

    def _post(self, record: dict[str, Any], rkey: str, source: str) -> Item:
        text, links, mentions, tags = render_text(as_str(record.get("text")), as_list(record.get("facets")))
        for entity in as_list(record.get("entities")):  # deprecated pre-facet records
            if isinstance(entity, dict) and entity.get("type") == "link" and entity.get("value"):
                links.append(as_str(entity.get("value")))
        tags.extend(t for t in as_list(record.get("tags")) if isinstance(t, str))
        embed = as_dict(record.get("embed"))
        media, metas, quoted, external = self._embed(embed)
        if external:
            links.append(external)
        for link in links:
            if link not in text and not any(same_link(w, link) for w in text.split()):
                text = f"{text}\n{link}" if text else link
        reply = as_dict(record.get("reply"))
        parent = as_str(as_dict(reply.get("parent")).get("uri")) or None
        key_time = tid_time(rkey)
        created = parse_iso(record.get("createdAt"))
        flags: tuple[str, ...] = ()
        if created and key_time:
            gap = abs(dt.datetime.fromisoformat(created) - dt.datetime.fromisoformat(key_time))
            if gap > BACKDATED_AFTER:
                flags = ("backdated",)
        labels = [
            as_str(v.get("val"))
            for v in as_list(as_dict(record.get("labels")).get("values"))
            if isinstance(v, dict)
        ]
        langs = [lang for lang in as_list(record.get("langs")) if isinstance(lang, str)]
        uri = self._uri(POST, rkey)
        post = Post(
            id=uri,
            text=text,
            platform="bluesky",
            created_at=created or key_time,
            url=f"https://bsky.app/profile/{self.did}/post/{rkey}",
            kind="reply" if parent else ("quote" if quoted else "post"),
            visibility="public",
            media=tuple(media),
        )
        meta = PostMeta(
            source=source,
            language=langs[0] if langs else None,
            in_reply_to=parent,
            self_reply=bool(parent and parent.startswith(f"at://{self.did}/")),
            quoted=quoted,
            links=tuple(dict.fromkeys(links)),
            mentions=tuple(mentions),
            hashtags=tuple(tags),
            sensitive=True if labels else None,
            key_time=key_time,
            flags=flags,
            media=tuple(metas),
            raw=record,
        )
        return Item(post, meta)

    def _embed(self, embed: dict[str, Any]) -> tuple[list[Media], list[MediaMeta], str | None, str | None]:
        kind = as_str(embed.get("$type"))
        media: list[Media] = []
        metas: list[MediaMeta] = []
        quoted: str | None = None
        external: str | None = None
        if kind.startswith("app.bsky.embed.recordWithMedia"):
            quoted = as_str(as_dict(as_dict(embed.get("record")).get("record")).get("uri")) or None
            inner = as_dict(embed.get("media"))
            media, metas, _, external = self._embed(inner)
            return media, metas, quoted, external
        if kind.startswith("app.bsky.embed.record"):
            quoted = as_str(as_dict(embed.get("record")).get("uri")) or None
        elif kind.startswith("app.bsky.embed.images"):
            for image in as_list(embed.get("images")):
                if not isinstance(image, dict):
                    continue
                path, present = self._blob_path(image.get("image"))
                if path:
                    media.append(Media(path=path, alt_text=as_str(image.get("alt")), kind="image"))
                    metas.append(MediaMeta(path=path, present=present))
        elif kind.startswith("app.bsky.embed.video"):
            path, present = self._blob_path(embed.get("video"))
            if path:
                media.append(Media(path=path, alt_text=as_str(embed.get("alt")), kind="video"))
                metas.append(MediaMeta(path=path, present=present))
        elif kind.startswith("app.bsky.embed.external"):
            external = as_str(as_dict(embed.get("external")).get("uri")) or None
        return media, metas, quoted, external
