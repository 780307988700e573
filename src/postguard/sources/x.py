"""X/Twitter archive importer: `data/tweets.js` and friends, streamed record by record.

The `.js` files are `window.YTD.<name>.partN = [...]`; the prefix is stripped and the array
streamed (see jsonstream), never evaluated. Files are found by their global name, so renamed
files still work. Text is un-escaped, `t.co` links expanded and media links dropped, replacing
by string since `indices` drift on escaped text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from postguard.model import AccountProfile, Media, Post
from postguard.sources.base import Importer
from postguard.sources.common import (
    UTC,
    Item,
    MediaMeta,
    PostMeta,
    as_dict,
    as_list,
    as_str,
    iso_utc,
    media_kind,
    parse_iso,
)
from postguard.sources.detect import ytd_global_name
from postguard.sources.textcodec import decode_head

TWITTER_EPOCH_MS = 1288834974657
_ANCHOR = re.compile(r"<a\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_STATUS_URL = re.compile(
    r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([A-Za-z0-9_]{1,15})/status(?:es)?/(\d+)"
    r"(?!/(?:photo|video)/)",
    re.IGNORECASE,
)
_RT = re.compile(r"^RT @([A-Za-z0-9_]{1,15}):?")
_TWEETS_MEDIA = re.compile(r"(?:^|/)(?:deleted_)?tweets?_media/(\d+)-([^/]+)$")
_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def snowflake_time(tweet_id: str) -> str | None:
    """Creation time encoded in a tweet id (ids after late 2010 are snowflakes)."""
    try:
        ms = (int(tweet_id) >> 22) + TWITTER_EPOCH_MS
    except ValueError:
        return None
    if int(tweet_id) < 1 << 32:  # pre-snowflake ids carry no time
        return None
    return iso_utc(dt.datetime.fromtimestamp(ms / 1000, UTC))


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_CLOCK = re.compile(r"\d\d:\d\d:\d\d")


def parse_x_time(value: object) -> str | None:
    """`Thu Nov 02 19:19:19 +0000 2023` (API v1.1) or ISO (newer files) to ISO UTC."""
    text = as_str(value).strip()
    if not text:
        return None
    parts = text.split()
    # Fast path for the usual UTC form (strptime costs ~30 us a call: 1.5 s per 50k posts).
    if (
        len(parts) == 6
        and parts[4] == "+0000"
        and parts[1] in _MONTHS
        and parts[2].isdigit()
        and parts[5].isdigit()
        and _CLOCK.fullmatch(parts[3])
    ):
        return f"{parts[5]}-{_MONTHS[parts[1]]:02d}-{int(parts[2]):02d}T{parts[3]}Z"
    try:
        return iso_utc(dt.datetime.strptime(text, "%a %b %d %H:%M:%S %z %Y"))
    except ValueError:
        return parse_iso(text)


def parse_source(source: str) -> tuple[str | None, str | None]:
    """(client name, href) from the `source` HTML anchor; plain text is kept as the name."""
    if not source:
        return None, None
    match = _ANCHOR.search(source)
    if match:
        name = html.unescape(re.sub(r"<[^>]+>", "", match.group(2))).strip()
        return name or None, html.unescape(match.group(1)) or None
    return html.unescape(source).strip() or None, None


def unescape_x(text: str) -> str:
    """X escapes only `&`, `<` and `>` in tweet text; undo exactly those."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _unwrap(record: Any, key: str) -> dict[str, Any] | None:
    if not isinstance(record, dict):
        return None
    inner = record.get(key)
    if isinstance(inner, dict):
        return inner
    if key == "tweet" and ("id_str" in record or "full_text" in record):
        return record  # very old archives: bare tweet objects
    return None


class XImporter(Importer):
    """Posts, deleted posts and profile from an X archive."""

    platform = "x"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.username = ""
        self.account_id = ""
        self._profiles: list[AccountProfile] | None = None
        self._protected: list[tuple[str, bool]] = []
        self._media_index: dict[str, list[str]] | None = None
        self._stated: dict[str, int] | None = None

    # -- profile ---------------------------------------------------------------------------------
    def profiles(self) -> list[AccountProfile]:
        if self._profiles is None:
            self._profiles = [self._read_profile()]
        return self._profiles

    def _first(self, role: str, key: str) -> dict[str, Any]:
        for name in self.detection.members(role):
            for record in self.stream_js(name):
                inner = _unwrap(record, key)
                if inner is not None:
                    return inner
        return {}

    def _read_profile(self) -> AccountProfile:
        account = self._first("x:account", "account")
        profile = self._first("x:profile", "profile")
        self.username = as_str(account.get("username"))
        self.account_id = as_str(account.get("accountId"))
        description = as_dict(profile.get("description"))
        avatar_url = as_str(profile.get("avatarMediaUrl"))
        avatar = None
        if avatar_url:
            base = avatar_url.rsplit("/", 1)[-1]
            local = self.archive.by_basename(f"{self.account_id}-{base}")
            avatar = local[0] if local else avatar_url
        self._load_protected()
        return AccountProfile(
            platform="x",
            name=as_str(account.get("accountDisplayName")),
            handle=f"@{self.username}" if self.username else "",
            bio=as_str(description.get("bio")),
            location=as_str(description.get("location")),
            website=as_str(description.get("website")),
            avatar=avatar,
        )

    def _load_protected(self) -> None:
        events: list[tuple[str, bool]] = []
        for name in self.detection.members("x:protected"):
            for record in self.stream_js(name):
                inner = _unwrap(record, "protectedHistory")
                if inner is None:
                    continue
                when = parse_iso(inner.get("protectedAt"))
                if when:
                    events.append((when, as_str(inner.get("action")).lower() == "protect"))
        self._protected = sorted(events)

    def _visibility(self, created: str | None) -> str:
        if not self._protected or created is None:
            return "public"
        i = bisect.bisect_right(self._protected, (created, True))
        return "followers" if i and self._protected[i - 1][1] else "public"

    # -- media -----------------------------------------------------------------------------------
    def _media_files(self) -> dict[str, list[str]]:
        if self._media_index is None:
            index: dict[str, list[str]] = {}
            for member in self.archive.members():
                match = _TWEETS_MEDIA.search(member.name)
                if match:
                    index.setdefault(match.group(1), []).append(member.name)
            self._media_index = index
        return self._media_index

    def _media(self, tweet: dict[str, Any], tweet_id: str) -> tuple[list[Media], list[MediaMeta]]:
        entities = as_dict(tweet.get("extended_entities")) or as_dict(tweet.get("entities"))
        files = self._media_files().get(tweet_id, [])
        used: set[str] = set()
        media: list[Media] = []
        metas: list[MediaMeta] = []
        for item in as_list(entities.get("media")):
            if not isinstance(item, dict):
                continue
            kind = media_kind(as_str(item.get("media_url_https")), as_str(item.get("type")))
            remote = as_str(item.get("media_url_https")) or as_str(item.get("media_url"))
            if kind in {"video", "gif"}:
                variants = as_list(as_dict(item.get("video_info")).get("variants"))
                best = max(
                    (v for v in variants if isinstance(v, dict) and v.get("url")),
                    key=lambda v: int(v["bitrate"]) if str(v.get("bitrate")).isdigit() else 0,
                    default=None,
                )
                if best:
                    remote = as_str(best.get("url")) or remote
            base = remote.split("?", 1)[0].rsplit("/", 1)[-1]
            local = next((f for f in files if f.endswith(f"/{tweet_id}-{base}")), None)
            if local is None:
                local = next((f for f in files if f not in used), None)
            if local:
                used.add(local)
            alt = as_str(item.get("ext_alt_text")) or as_str(item.get("alt_text"))
            media.append(Media(path=local or remote, alt_text=alt, kind=kind))
            metas.append(MediaMeta(path=local or remote, present=bool(local), remote_url=remote))
        return media, metas

    # -- posts -----------------------------------------------------------------------------------
    def items(self) -> Iterator[Item]:
        self.profiles()
        notes = self._load_notes()
        for name in self.detection.members("x:tweets"):
            yield from self._tweets(name, deleted=False, notes=notes)
        for name in self.detection.members("x:deleted"):
            yield from self._tweets(name, deleted=True, notes=notes)
        for note in notes.values():
            for record in note:
                item = self._note_item(record)
                if item:
                    yield item

    def _load_notes(self) -> dict[str, list[dict[str, Any]]]:
        """Long posts (note-tweet.js), keyed by creation second for matching to their tweets."""
        notes: dict[str, list[dict[str, Any]]] = {}
        for name in self.detection.members("x:notes"):
            for record in self.stream_js(name):
                inner = _unwrap(record, "noteTweet")
                if inner is None:
                    continue
                created = parse_iso(inner.get("createdAt"))
                if created:
                    notes.setdefault(created, []).append({**inner, "_source": name})
        return notes

    def stated_counts(self) -> dict[str, int]:
        """Records per data file as `manifest.js` states them, by global name (`YTD.tweets.part0`,
        which the file's first line repeats, so a renamed file still matches)."""
        if self._stated is None:
            self._stated = {}
            for name in self.detection.members("x:manifest"):
                text = decode_head(self.archive.head(name, 1024 * 1024))
                try:
                    manifest = json.JSONDecoder().raw_decode(text, max(text.find("{"), 0))[0]
                except (ValueError, RecursionError):  # also a number over int()'s 4,300 digits
                    self.warn(name, "unreadable manifest; the files' record counts were not checked")
                    continue
                for kind in as_dict(as_dict(manifest).get("dataTypes")).values():
                    for entry in map(as_dict, as_list(as_dict(kind).get("files"))):
                        count = as_str(entry.get("count"))
                        if count.isdigit():
                            self._stated[as_str(entry.get("globalName"))] = int(count)
        return self._stated

    def _check_count(self, name: str, read: int, what: str) -> None:
        global_name = ytd_global_name(decode_head(self.archive.head(name, 256)))
        if global_name:
            self.check_stated(name, self.stated_counts().get(global_name), read, what)

    def _tweets(self, name: str, *, deleted: bool, notes: dict[str, list[dict[str, Any]]]) -> Iterator[Item]:
        yielded_edits: set[str] = set()
        pending: dict[str, Item] = {}
        index = -1
        for index, record in enumerate(self.stream_js(name)):
            tweet = _unwrap(record, "tweet")
            if tweet is None:
                self.warn(name, f"record {index}: not a tweet; skipped")
                continue
            try:
                item = self._convert(tweet, name, deleted=deleted, notes=notes)
            except _ERRORS as exc:
                self.warn(name, f"record {index}: malformed tweet skipped ({exc!r})")
                continue
            if item is None:
                self.warn(name, f"record {index}: tweet without an id skipped")
                continue
            chain = _edit_chain(tweet)
            if len(chain) > 1:
                tid = item.post.id
                later = [c for c in chain if int(c) > int(tid)]
                if later:
                    newest = max(chain, key=int)
                    held = pending.get(newest)
                    if not yielded_edits.intersection(later) and (
                        held is None or int(held.post.id) < int(tid)
                    ):
                        pending[newest] = item  # the newest may come later in the file
                    continue
                yielded_edits.add(tid)
                pending.pop(tid, None)
                item = item._replace(
                    meta=_replace_meta(item.meta, edited_from=tuple(c for c in chain if c != tid))
                )
            yield item
        for item in pending.values():  # the newest version is missing: keep the latest we have
            yield item
        self._check_count(name, index + 1, "deleted tweets" if deleted else "tweets")

    def _convert(
        self,
        tweet: dict[str, Any],
        source: str,
        *,
        deleted: bool,
        notes: dict[str, list[dict[str, Any]]],
    ) -> Item | None:
        tweet_id = _sid(tweet, "id")
        if not tweet_id.isdigit():
            return None
        raw_text = as_str(tweet.get("full_text")) or as_str(tweet.get("text"))
        text = unescape_x(raw_text)
        entities = as_dict(tweet.get("entities"))
        media, media_meta = self._media(tweet, tweet_id)
        media_tco = {
            as_str(m.get("url"))
            for key in ("entities", "extended_entities")
            for m in as_list(as_dict(tweet.get(key)).get("media"))
            if isinstance(m, dict) and m.get("url")
        }
        links: list[str] = []
        quoted: str | None = None
        for url in as_list(entities.get("urls")):
            if not isinstance(url, dict):
                continue
            short, expanded = as_str(url.get("url")), as_str(url.get("expanded_url"))
            if expanded:
                links.append(expanded)
                if short:
                    text = text.replace(short, expanded)
                if quoted is None and _STATUS_URL.match(expanded):
                    quoted = expanded
        for short in media_tco:
            text = text.replace(short, "")
        text = text.strip()
        created = parse_x_time(tweet.get("created_at")) or snowflake_time(tweet_id)
        note_text = self._match_note(notes, created, text)
        if note_text is not None:
            text = note_text
        reply_to = _sid(tweet, "in_reply_to_status_id") or None
        reply_user = as_str(tweet.get("in_reply_to_screen_name")) or None
        reply_user_id = _sid(tweet, "in_reply_to_user_id")
        is_reply = bool(reply_to or reply_user_id)
        self_reply = is_reply and (
            (bool(self.account_id) and reply_user_id == self.account_id)
            or (bool(self.username) and (reply_user or "").lower() == self.username.lower())
        )
        retweet = _RT.match(raw_text)
        if retweet:
            kind = "repost"
        elif is_reply:
            kind = "reply"
        elif quoted:
            kind = "quote"
        else:
            kind = "post"
        client, href = parse_source(as_str(tweet.get("source")))
        location, coords = _location(tweet)
        lang = as_str(tweet.get("lang"))
        user = self.username or "i/web"
        post = Post(
            id=tweet_id,
            text=text,
            platform="x",
            created_at=created,
            url=f"https://x.com/{user}/status/{tweet_id}",
            kind=kind,
            visibility=self._visibility(created),
            client_app=client,
            media=tuple(media),
            location=location,
            deleted=deleted,
        )
        meta = PostMeta(
            source=source,
            language=lang if lang and lang != "und" else None,
            in_reply_to=reply_to,
            in_reply_to_user=reply_user,
            self_reply=self_reply,
            quoted=quoted,
            reposted=f"@{retweet.group(1)}" if retweet else None,
            client_href=href,
            links=tuple(links),
            mentions=tuple(
                as_str(m.get("screen_name"))
                for m in as_list(entities.get("user_mentions"))
                if isinstance(m, dict) and m.get("screen_name")
            ),
            hashtags=tuple(
                as_str(h.get("text"))
                for h in as_list(entities.get("hashtags"))
                if isinstance(h, dict) and h.get("text")
            ),
            sensitive=tweet.get("possibly_sensitive")
            if isinstance(tweet.get("possibly_sensitive"), bool)
            else None,
            deleted_at=parse_iso(tweet.get("deleted_at")) if deleted else None,
            subkind="note" if note_text is not None else None,
            media=tuple(media_meta),
            coordinates=coords,
            raw=tweet,
        )
        return Item(post, meta)

    def _match_note(
        self, notes: dict[str, list[dict[str, Any]]], created: str | None, text: str
    ) -> str | None:
        """The full text of a long post whose truncated version this tweet is."""
        if not created or created not in notes:
            return None
        stem = re.sub(r"(…|\.\.\.)?\s*(https?://\S+)?\s*$", "", text).strip()[:100]
        candidates = notes[created]
        for i, note in enumerate(candidates):
            core = as_dict(note.get("core"))
            full = unescape_x(as_str(core.get("text")))
            if full and full.startswith(stem[:50]):
                for url in as_list(core.get("urls")):
                    if isinstance(url, dict) and url.get("shortUrl") and url.get("expandedUrl"):
                        full = full.replace(as_str(url["shortUrl"]), as_str(url["expandedUrl"]))
                del candidates[i]
                if not candidates:
                    del notes[created]
                return full
        return None

    def _note_item(self, note: dict[str, Any]) -> Item | None:
        """A long post whose short tweet is missing from the archive."""
        note_id = as_str(note.get("noteTweetId"))
        core = as_dict(note.get("core"))
        text = unescape_x(as_str(core.get("text")))
        if not note_id or not text:
            return None
        created = parse_iso(note.get("createdAt"))
        post = Post(
            id=note_id,
            text=text,
            platform="x",
            created_at=created,
            url=None,
            kind="post",
            visibility=self._visibility(created),
        )
        return Item(post, PostMeta(source=as_str(note.get("_source")), subkind="note", raw=note))


def _sid(record: dict[str, Any], key: str) -> str:
    """An id field, from `<key>_str` or `<key>` (numbers are strings in archives, not always)."""
    for value in (record.get(f"{key}_str"), record.get(key)):
        if isinstance(value, str) and value.isdigit():
            return value
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return str(value)
    return ""


def _edit_chain(tweet: dict[str, Any]) -> list[str]:
    info = as_dict(tweet.get("edit_info"))
    initial = as_dict(info.get("initial"))
    edit = as_dict(as_dict(info.get("edit")).get("editControlInitial"))
    ids = as_list(initial.get("editTweetIds")) or as_list(edit.get("editTweetIds"))
    return [str(i) for i in ids if str(i).isdigit()]


def _location(tweet: dict[str, Any]) -> tuple[str | None, tuple[float, float] | None]:
    place = as_dict(tweet.get("place"))
    name = as_str(place.get("full_name")) or as_str(place.get("name")) or None
    coords: tuple[float, float] | None = None
    point = as_list(as_dict(tweet.get("coordinates")).get("coordinates"))
    geo = as_list(as_dict(tweet.get("geo")).get("coordinates"))
    try:
        if len(point) == 2:
            coords = (float(point[1]), float(point[0]))  # GeoJSON: lon, lat
        elif len(geo) == 2:
            coords = (float(geo[0]), float(geo[1]))
    except (TypeError, ValueError):
        coords = None
    if coords and not name:
        name = f"{coords[0]:.5f}, {coords[1]:.5f}"
    return name, coords


def _replace_meta(meta: PostMeta, **changes: Any) -> PostMeta:
    return replace(meta, **changes)
