"""Import a platform's data export as a stream of `Post`s, its profile and its media.

    with open_export("twitter-2024.zip") as export:
        print(export.platform, export.profile.handle)
        for post in export.posts():        # streamed; memory stays bounded
            ...
        print(export.warnings)             # per-entry problems (skipped, the rest imported)

The format is detected from the content (see `detect`); the archive is read in place without
extracting (see `archive`). Fatal problems (unknown format, empty export, unusable main file,
zip bomb) raise `InputError` with a one-line message naming the file.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from postguard.errors import InputError
from postguard.model import AccountProfile, Media, Post
from postguard.sources.archive import DEFAULT_LIMITS, Archive, Limits, open_archive
from postguard.sources.base import Importer
from postguard.sources.bluesky import BlueskyImporter
from postguard.sources.common import (
    Item,
    MediaMeta,
    PostMeta,
    SourceWarning,
    Warnings,
    short_hash,
)
from postguard.sources.detect import Detection, detect
from postguard.sources.linkedin import LinkedInImporter
from postguard.sources.mastodon import MastodonImporter
from postguard.sources.meta import MetaImporter
from postguard.sources.plain import PlainImporter
from postguard.sources.x import XImporter

__all__ = [
    "Export",
    "InputError",
    "Item",
    "Limits",
    "MediaMeta",
    "MediaNotFound",
    "PostMeta",
    "SourceWarning",
    "open_export",
]

IMPORTERS: dict[str, type[Importer]] = {
    "x": XImporter,
    "mastodon": MastodonImporter,
    "bluesky": BlueskyImporter,
    "meta": MetaImporter,
    "linkedin": LinkedInImporter,
    "plain": PlainImporter,
}


class MediaNotFound(InputError):
    """An attached file the export refers to but does not contain (common, not fatal)."""


class Export:
    """An opened export: platform, profile(s), a post stream, warnings and media access."""

    def __init__(self, archive: Archive, detection: Detection, warnings: Warnings) -> None:
        self.archive = archive
        self.detection = detection
        self._warnings = warnings
        self.importer = IMPORTERS[detection.format](archive, detection, warnings)
        if detection.other_formats:
            warnings.add(
                archive.label,
                f"also holds {', '.join(detection.other_formats)} data; only {detection.format} was imported",
            )
        profiles = self.importer.profiles()
        self.profiles: list[AccountProfile] = profiles
        self.profile: AccountProfile = profiles[0]
        if isinstance(self.importer, MetaImporter):
            self.platform = self.importer.main_platform
        else:
            self.platform = self.importer.platform
        # Read the first post now, so an unusable export fails here, before any work is done.
        before = len(warnings.items)
        self._stream: Iterator[Item] | None = self.importer.items()
        self._first = next(self._stream, None)
        if self._first is None:
            self._stream = None
            fresh = warnings.items[before:]
            if fresh:
                raise InputError(f"{fresh[0]} (no posts could be read)")
            if not any((self.profile.name, self.profile.handle, self.profile.bio)):
                raise InputError(f"{archive.label}: the export holds no posts and no profile")

    @property
    def path(self) -> Path:
        return self.archive.path

    @property
    def warnings(self) -> list[SourceWarning]:
        """Per-entry problems so far (the list grows while posts are read)."""
        return self._warnings.as_list()

    @property
    def shortfalls(self) -> list[str]:
        """Files that gave far fewer records than the export states they hold (known once the
        posts have been read; each file once, however many times they were read)."""
        return list(dict.fromkeys(self.importer.shortfalls))

    def items(self) -> Iterator[Item]:
        """Every post with its `PostMeta` (language, parent, links, EXIF, raw record...)."""
        stream, first = self._stream, self._first
        self._stream, self._first = None, None
        if stream is None or first is None:
            yield from self.importer.items()
            return
        yield first
        yield from stream

    def posts(self) -> Iterator[Post]:
        """Every post, reply, repost, comment and deleted post, streamed."""
        for item in self.items():
            yield item.post

    # -- media ---------------------------------------------------------------------------------
    def has_media(self, media: Media) -> bool:
        """True when the attached file is inside the export."""
        return media.path in self.archive

    def open_media(self, media: Media) -> bytes:
        """The bytes of an attached file; `MediaNotFound` when the export lacks it (or it is
        larger than `Limits.max_media_bytes`)."""
        if media.path not in self.archive:
            raise MediaNotFound(f"{self.archive.label}: {media.path} is not in the export")
        try:
            return self.archive.read_bytes(media.path, self.archive.limits.max_media_bytes)
        except (OSError, InputError) as exc:
            raise MediaNotFound(f"{self.archive.label}: {media.path} unreadable ({exc})") from None

    def extract_media(self, media: Media, directory: str | os.PathLike[str]) -> Path:
        """Copy one attached file into `directory` under a safe flat name and return its path.

        Only `directory` is written to; the name is a hash of the archive path plus its
        sanitised base name, so nothing in the archive can choose where the file lands.
        """
        if media.path not in self.archive:
            raise MediaNotFound(f"{self.archive.label}: {media.path} is not in the export")
        cap = self.archive.limits.max_media_bytes
        if self.archive.member(media.path).size > cap:
            raise MediaNotFound(f"{self.archive.label}: {media.path} is over {cap} bytes")
        base = media.path.rsplit("/", 1)[-1]
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in base)[-100:].lstrip(".")
        target = Path(directory) / f"{short_hash(media.path)}-{safe or 'media'}"
        try:
            with self.archive.open(media.path, cap) as source, target.open("wb") as out:
                shutil.copyfileobj(source, out, 1024 * 1024)
        except (OSError, InputError) as exc:
            target.unlink(missing_ok=True)
            raise MediaNotFound(f"{self.archive.label}: {media.path} unreadable ({exc})") from None
        return target

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Export:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def open_export(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Export:
    """Open and identify an export; `InputError` (one line, naming the file) when unusable."""
    warnings = Warnings()
    archive = open_archive(path, limits, warnings)
    try:
        detection = detect(archive)
        export = Export(archive, detection, warnings)
    except InputError:
        nested = _single_nested_archive(archive)
        archive.close()
        if nested is None:
            raise
        try:
            return open_export(nested, limits)
        except InputError:
            pass
        raise
    except BaseException:
        archive.close()
        raise
    return export


def _single_nested_archive(archive: Archive) -> Path | None:
    """A folder holding just one export archive (a downloaded zip next to nothing else)."""
    if archive.kind != "directory":
        return None
    candidates = [m for m in archive.members() if m.name.lower().endswith((".zip", ".tar.gz", ".tgz"))]
    if len(candidates) != 1:
        return None
    return archive.path.joinpath(*candidates[0].name.split("/"))
