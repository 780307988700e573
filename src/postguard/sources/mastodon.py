"""Mastodon account archive importer: `outbox.json` (ActivityPub) and `actor.json`.

The outbox's `orderedItems` is streamed one activity at a time. `Create` wraps the status
(`Note`, or `Question` for polls); `Announce` is a boost whose text the archive does not hold, so
it is yielded as a `repost` the audit can skip. Visibility comes from the addressing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

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
    media_kind,
    parse_iso,
)
from postguard.sources.htmltext import html_to_text
from postguard.sources.jsonstream import iter_keyed_array
from postguard.sources.textcodec import decode_head

PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}
_STATUS_TYPES = {"Note", "Question", "Article", "Page", "Event", "Video", "Image", "Audio"}
_TOTAL_ITEMS = re.compile(r'"totalItems"\s*:\s*(\d+)')
_QUOTE_KEYS = ("quote", "quoteUri", "quoteUrl", "_misskey_quote")
_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def _addresses(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in as_list(value) if isinstance(v, str)]


def visibility(to: list[str], cc: list[str]) -> str:
    """public / unlisted / followers / direct, from ActivityPub addressing."""
    if PUBLIC & set(to):
        return "public"
    if PUBLIC & set(cc):
        return "unlisted"
    if any(a.endswith("/followers") for a in to + cc):
        return "followers"
    return "direct"


class MastodonImporter(Importer):
    """Statuses, boosts and the profile from a Mastodon archive."""

    platform = "mastodon"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._profiles: list[AccountProfile] | None = None
        self.actor_id = ""
        self._skipped: Counter[str] = Counter()  # activities that are not posts, by why

    def profiles(self) -> list[AccountProfile]:
        if self._profiles is None:
            self._profiles = [self._read_profile()]
        return self._profiles

    def _read_profile(self) -> AccountProfile:
        name = self.detection.first("mastodon:actor")
        actor = as_dict(self.load_small_json(name)) if name else {}
        self.actor_id = as_str(actor.get("id"))
        username = as_str(actor.get("preferredUsername"))
        host = urlsplit(as_str(actor.get("url")) or self.actor_id).hostname or ""
        bio = html_to_text(as_str(actor.get("summary")))
        lines = [bio.text] if bio.text else []
        website = ""
        for field in as_list(actor.get("attachment")):
            if not isinstance(field, dict) or field.get("type") != "PropertyValue":
                continue
            value = html_to_text(as_str(field.get("value")))
            label = as_str(field.get("name"))
            lines.append(f"{label}: {value.text}" if label else value.text)
            if not website and value.links:
                website = value.links[0]
        if not website:
            website = next(iter(bio.links), "")
        handle = f"@{username}@{host}" if username and host else (f"@{username}" if username else "")
        return AccountProfile(
            platform="mastodon",
            name=as_str(actor.get("name")),
            handle=handle,
            bio="\n".join(lines),
            location="",
            website=website,
            avatar=self._resolve(as_str(as_dict(actor.get("icon")).get("url"))),
        )

    def _resolve(self, url: str) -> str | None:
        """An archive member for a media URL (relative, or with a storage prefix)."""
        if not url:
            return None
        path = urlsplit(url).path if "://" in url else url
        found = self.archive.find_suffix(path)
        if found is None and "media_attachments/" in path:
            found = self.archive.find_suffix(path[path.index("media_attachments/") :])
        return found

    def items(self) -> Iterator[Item]:
        self.profiles()
        for name in self.detection.members("mastodon:outbox"):
            posts = 0
            self._skipped.clear()
            try:
                with self.archive.open(name) as stream:
                    activities = iter_keyed_array(
                        stream, "orderedItems", name, self.warnings, self.whole(name)
                    )
                    for index, activity in enumerate(activities):
                        try:
                            item = self._convert(activity, name)
                        except _ERRORS as exc:
                            self.warn(name, f"activity {index}: malformed, skipped ({exc!r})")
                            continue
                        if item is not None:
                            posts += 1
                            yield item
            except (OSError, InputError) as exc:
                self.warn(name, f"unreadable: {exc}")
            for reason, count in self._skipped.most_common():
                self.warn(name, f"{count:,} {'activity' if count == 1 else 'activities'} skipped: {reason}")
            self.check_stated(name, self._total_items(name), posts, "statuses (totalItems)")

    def _total_items(self, name: str) -> int | None:
        """The outbox's own count of its activities, stated before its list."""
        head = decode_head(self.archive.head(name)).split('"orderedItems"', 1)[0]
        match = _TOTAL_ITEMS.search(head)
        return int(match.group(1)) if match else None

    def _convert(self, activity: Any, source: str) -> Item | None:
        if not isinstance(activity, dict):
            self.warn(source, "an activity that is not an object was skipped")
            return None
        kind = activity.get("type")
        obj = activity.get("object")
        if kind == "Announce":
            target = obj if isinstance(obj, str) else as_str(as_dict(obj).get("id"))
            published = parse_iso(activity.get("published"))
            to, cc = _addresses(activity.get("to")), _addresses(activity.get("cc"))
            post = Post(
                id=as_str(activity.get("id")) or target,
                text="",
                platform="mastodon",
                created_at=published,
                url=target or None,
                kind="repost",
                visibility=visibility(to, cc),
            )
            return Item(post, PostMeta(source=source, reposted=target or None, raw=activity))
        if kind != "Create":
            self._skipped[f"of type {str(kind)[:40]!r}, not a status or a boost"] += 1
            return None
        if not isinstance(obj, dict):
            self._skipped["the status is not in the archive, only its address"] += 1
            return None
        if obj.get("type") not in _STATUS_TYPES:
            self._skipped[f"a {str(obj.get('type'))[:40]!r}, not a status"] += 1
            return None
        return self._status(activity, obj, source)

    def _status(self, activity: dict[str, Any], obj: dict[str, Any], source: str) -> Item | None:
        status_id = as_str(obj.get("id")) or as_str(activity.get("id"))
        if not status_id:
            self.warn(source, "a status without an id was skipped")
            return None
        content_map = as_dict(obj.get("contentMap"))
        content = as_str(obj.get("content")) or next(
            (v for v in content_map.values() if isinstance(v, str)), ""
        )
        body = html_to_text(content)
        text = body.text
        summary = as_str(obj.get("summary")).strip()
        if summary:
            text = f"{summary}\n\n{text}" if text else summary
        options = [
            as_str(o.get("name"))
            for key in ("oneOf", "anyOf")
            for o in as_list(obj.get(key))
            if isinstance(o, dict) and o.get("name")
        ]
        if options:
            text = text + "\n\n" + "\n".join(f"- {o}" for o in options)
        to = _addresses(obj.get("to")) or _addresses(activity.get("to"))
        cc = _addresses(obj.get("cc")) or _addresses(activity.get("cc"))
        reply_to = as_str(obj.get("inReplyTo")) or None
        quoted = next((as_str(obj.get(k)) for k in _QUOTE_KEYS if as_str(obj.get(k))), None)
        media: list[Media] = []
        metas: list[MediaMeta] = []
        for attachment in as_list(obj.get("attachment")):
            if not isinstance(attachment, dict):
                continue
            url = as_str(attachment.get("url"))
            if not url:
                continue
            local = self._resolve(url)
            kind = media_kind(url, as_str(attachment.get("mediaType")))
            media.append(Media(path=local or url, alt_text=as_str(attachment.get("name")), kind=kind))
            metas.append(MediaMeta(path=local or url, present=local is not None, remote_url=url))
        actor_prefix = self.actor_id.rstrip("/") + "/" if self.actor_id else None
        languages = [k for k in content_map if isinstance(k, str)]
        post = Post(
            id=status_id,
            text=text,
            platform="mastodon",
            created_at=parse_iso(obj.get("published")) or parse_iso(activity.get("published")),
            url=as_str(obj.get("url")) or status_id,
            kind="reply" if reply_to else ("quote" if quoted else "post"),
            visibility=visibility(to, cc),
            client_app=None,
            media=tuple(media),
        )
        meta = PostMeta(
            source=source,
            language=languages[0] if languages else None,
            in_reply_to=reply_to,
            self_reply=bool(reply_to and actor_prefix and reply_to.startswith(actor_prefix)),
            quoted=quoted,
            links=tuple(body.links),
            mentions=tuple(
                as_str(t.get("name"))
                for t in as_list(obj.get("tag"))
                if isinstance(t, dict) and t.get("type") == "Mention"
            ),
            hashtags=tuple(body.hashtags),
            content_warning=summary or None,
            sensitive=obj.get("sensitive") if isinstance(obj.get("sensitive"), bool) else None,
            subkind="poll" if obj.get("type") == "Question" else None,
            media=tuple(metas),
            raw=obj,
        )
        return Item(post, meta)
