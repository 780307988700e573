"""LinkedIn export importer: `Shares.csv` (posts), `Comments.csv` and `Profile.csv`.

LinkedIn's CSVs have quirks: some start with a `Notes:` block ending at the first blank line,
`ShareCommentary` wraps each of its lines in quotes (parsed lines come out joined by `"\\n"`), and
`Comments.csv` escapes quotes as `\\"`. Dates carry no zone and are taken as UTC. Text is kept as
written (including "mathematical bold" letters); matching code should NFKC-normalise it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import IO, Any
from urllib.parse import unquote

from postguard.errors import InputError
from postguard.model import AccountProfile, Media, Post
from postguard.sources.base import Importer
from postguard.sources.common import Item, MediaMeta, PostMeta, parse_time, short_hash
from postguard.sources.detect import header_line, sniff_delimiter
from postguard.sources.textcodec import decode_head, text_stream

_URN = re.compile(r"urn:li:(?:share|ugcPost|activity):\d+")
_BRACKETED = re.compile(r"\[([^\]]*)\]")
# A field holding a line that starts like a row of LinkedIn's (its date): a quote was left open.
_SWALLOWED_ROW = re.compile(r"\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[,;\t]")
_URL = re.compile(r"https?://[^\s,\]]+")
_VISIBILITY = {
    "MEMBER_NETWORK": "public",
    "PUBLIC": "public",
    "ANYONE": "public",
    "CONNECTIONS_ONLY": "connections",
    "CONNECTIONS": "connections",
}


def fix_commentary(text: str) -> str:
    """Undo the per-line quoting of `ShareCommentary` (`a"\\n""\\n"b` is `a\\n\\nb`)."""
    fixed = text.replace('"\n"', "\n")
    fixed = fixed.replace('\n""\n', "\n\n")
    return fixed.strip().strip('"').strip()


def _lines(stream: IO[str]) -> Iterator[str]:
    """Lines of `stream` after a leading `Notes:` block (which ends at its first blank line)."""
    first = stream.readline()
    if first.lstrip("\ufeff").startswith("Notes:"):
        for line in stream:
            if not line.strip():
                break
    else:
        yield first
    yield from stream


class LinkedInImporter(Importer):
    """Shares, comments and profile from a LinkedIn data export."""

    platform = "linkedin"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._profiles: list[AccountProfile] | None = None

    def rows(self, name: str) -> Iterator[dict[str, str]]:
        """Rows with lower-cased column names; bad rows are reported and skipped."""
        try:
            head = self.archive.head(name)
            sample = decode_head(head)
            delimiter = sniff_delimiter(header_line(sample))
            escape = "\\" if '\\"' in sample else None
            with self.archive.open(name) as raw:
                # strict: a quote left open to the end of the file is reported, not swallowed
                reader = csv.reader(
                    _lines(text_stream(raw, head)), delimiter=delimiter, escapechar=escape, strict=True
                )
                header: list[str] | None = None
                for _, row in self.readable_rows(name, reader):
                    if header is None:
                        header = [h.strip().lower() for h in row]
                        continue
                    if not any(cell.strip() for cell in row):
                        continue
                    if len(row) != len(header):
                        self.warn(name, f"line {reader.line_num}: {len(row)} fields, not {len(header)}")
                    if any(_SWALLOWED_ROW.search(cell) for cell in row):
                        self.warn(
                            name,
                            f"line {reader.line_num}: a quote left open; the rows after it were read into it",
                        )
                    yield dict(zip(header, row, strict=False))
        except (OSError, InputError) as exc:
            self.warn(name, f"unreadable: {exc}")

    def profiles(self) -> list[AccountProfile]:
        if self._profiles is None:
            profile = AccountProfile(platform="linkedin")
            for name in self.detection.members("linkedin:profile"):
                for row in self.rows(name):
                    profile = self._profile(row)
                    break
            self._profiles = [profile]
        return self._profiles

    def _profile(self, row: dict[str, str]) -> AccountProfile:
        name = " ".join(p for p in (row.get("first name", ""), row.get("last name", "")) if p)
        headline = row.get("headline", "").strip()
        summary = row.get("summary", "").strip()
        websites = row.get("websites", "")
        links = _URL.findall(websites) or [
            w.split(":", 1)[-1] for w in _BRACKETED.findall(websites) if w.strip()
        ]
        twitter = _BRACKETED.findall(row.get("twitter handles", ""))
        return AccountProfile(
            platform="linkedin",
            name=name,
            handle=f"@{twitter[0]}" if twitter and twitter[0] else "",
            bio="\n\n".join(p for p in (headline, summary) if p),
            location=row.get("geo location", "").strip(),
            website=links[0].strip() if links else "",
        )

    def items(self) -> Iterator[Item]:
        self.profiles()
        for name in self.detection.members("linkedin:shares"):
            for row in self.rows(name):
                item = self._share(row, name)
                if item:
                    yield item
        for name in self.detection.members("linkedin:comments"):
            for row in self.rows(name):
                item = self._comment(row, name)
                if item:
                    yield item

    def _share(self, row: dict[str, str], source: str) -> Item | None:
        link = row.get("sharelink", "").strip()
        text = fix_commentary(row.get("sharecommentary", ""))
        shared = row.get("sharedurl", "").strip()
        media_url = row.get("mediaurl", "").strip()
        if shared and shared not in text:
            text = f"{text}\n{shared}" if text else shared
        if not text and not media_url:
            return None
        created = parse_time(row.get("date", ""))
        urn = _URN.search(unquote(link))
        raw_visibility = row.get("visibility", "").strip().upper()
        media = (Media(path=media_url, kind="image"),) if media_url else ()
        post = Post(
            id=urn.group(0) if urn else f"li-{short_hash(created, text)}",
            text=text,
            platform="linkedin",
            created_at=created,
            url=link or None,
            kind="post",
            visibility=_VISIBILITY.get(raw_visibility, raw_visibility.lower() or None),
            media=media,
        )
        meta = PostMeta(
            source=source,
            links=(shared,) if shared else (),
            media=(MediaMeta(path=media_url, remote_url=media_url),) if media_url else (),
            raw=row,
        )
        return Item(post, meta)

    def _comment(self, row: dict[str, str], source: str) -> Item | None:
        text = row.get("message", "").strip()
        if not text:
            return None
        created = parse_time(row.get("date", ""))
        link = row.get("link", "").strip()
        post = Post(
            id=f"li-comment-{short_hash(created, link, text)}",
            text=text,
            platform="linkedin",
            created_at=created,
            url=link or None,
            kind="comment",
            visibility="public",
        )
        return Item(post, PostMeta(source=source, in_reply_to=link or None, raw=row))
