"""Write clean copies of photos, with every identifying tag removed and nothing re-encoded.

ExifTool (Debian ``libimage-exiftool-perl``) removes EXIF, GPS, XMP, IPTC, maker notes and
comments from JPEG, PNG, HEIC, WebP and TIFF without touching the image data, so quality is
kept and HEIC stays fast (re-encoding HEIC with pillow-heif takes tens of seconds). Removing
tags one library at a time leaves some behind (piexif keeps XMP and IPTC), and re-saving with
Pillow re-encodes lossily; ExifTool does neither.

Safety: the original is copied into a private folder inside the output folder, the copy is
cleaned there, read back and verified, and only then renamed into place. The originals are
never opened for writing, a file that fails leaves nothing behind, and the rest of a batch
goes on. One ExifTool process does the whole batch (read, strip, read again).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postguard.errors import InputError, PostguardError
from postguard.media import formats
from postguard.media.formats import label
from postguard.media.metadata import read_metadata


class ExiftoolMissingError(PostguardError):
    """ExifTool is not installed, so photos cannot be scrubbed."""


#: ExifTool arguments that strip everything identifying yet keep the photo displaying as
#: before: the Orientation tag is copied back (so it stays the right way up), the colour
#: profile and Adobe colour-transform segment are kept (colours unchanged; they describe the
#: colour space, not the person). TIFF keeps its IFD0 (the image lives there), so the common
#: IFD0 text tags are deleted by name.
STRIP_ARGS = (
    "-all=",
    "--icc_profile:all",
    "--adobe:all",
    "-CommonIFD0=",
    "-IFD0:HostComputer=",
    "-IFD0:DocumentName=",
    "-IFD0:PageName=",
    "-IFD0:ImageUniqueID=",
    "-tagsfromfile",
    "@",
    "-Orientation",
)
READ_ARGS = ("-j", "-G1", "-a", "-s", "-api", "LargeFileSupport=1")

#: Groups that describe the file or are computed by ExifTool, not stored metadata.
_NOT_METADATA = {"SourceFile", "ExifTool", "System", "Composite"}
#: Container structure whose names happen to match the patterns below.
_STRUCTURAL_KEYS = {"QuickTime:HandlerDescription", "QuickTime:HandlerType"}
#: Groups whose tags describe only the colour profile, kept on purpose.
_COLOUR = ("ICC_Profile", "ICC-", "Adobe")
#: Stored groups that must not survive a scrub at all.
_FORBIDDEN_GROUPS = (
    "GPS",
    "XMP",
    "IPTC",
    "Photoshop",
    "MakerNotes",
    "ExifIFD",
    "IFD1",
    "InteropIFD",
    "MPF",
    "FlashPix",
)
_FORBIDDEN_TAGS = re.compile(
    r"GPS|Serial|Owner|Artist|Author|Creator|Copyright|Rights|Date|^Make$|Model|Software|"
    r"Comment|Description|Location|City|Country|Province|Title|Keywords|HostComputer|"
    r"UniqueID|By-line|Credit|Contact|Caption|Latitude|Longitude",
    re.IGNORECASE,
)


@dataclass
class ScrubResult:
    """What happened to one photo: where the clean copy is, and what was taken out."""

    source: Path
    output: Path | None = None
    #: Removed tags by ExifTool group (family 1, e.g. "GPS", "IFD0", "XMP-dc").
    removed: dict[str, list[str]] = field(default_factory=dict)
    #: Metadata still in the clean copy, "Group:Tag" (orientation and colour profile).
    kept: list[str] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def removed_count(self) -> int:
        return sum(len(tags) for tags in self.removed.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": os.fspath(self.source),
            "output": os.fspath(self.output) if self.output else None,
            "ok": self.ok,
            "error": self.error,
            "removed": self.removed,
            "removed_count": self.removed_count,
            "kept": self.kept,
            "notes": self.notes,
        }


def exiftool_path() -> str:
    """Where ExifTool is; ExiftoolMissingError with the install hint when it is not."""
    found = shutil.which("exiftool")
    if found is None:
        raise ExiftoolMissingError(
            "exiftool is not installed (Debian: apt-get install libimage-exiftool-perl)"
        )
    return found


def scrub(paths: Iterable[Path | str], out_dir: Path | str) -> list[ScrubResult]:
    """Write a clean copy of each photo into ``out_dir`` under the same name.

    Returns one result per path, in order; a file that cannot be cleaned has its ``error``
    set and the others are still cleaned. Raises InputError only when ``out_dir`` itself is
    unusable, and ExiftoolMissingError when ExifTool is absent.
    """
    sources = [Path(p) for p in paths]
    out = Path(out_dir)
    tool = exiftool_path()
    _prepare_out_dir(out)
    results = [ScrubResult(source=p) for p in sources]
    formats_by_index: dict[int, str] = {}
    names: dict[str, Path] = {}
    for i, result in enumerate(results):
        try:
            formats_by_index[i] = _admit(result, out, names)
        except InputError as exc:
            result.error = str(exc)
    if not formats_by_index:
        return results
    work = Path(tempfile.mkdtemp(prefix=".postguard-scrub-", dir=out))
    try:
        copies: dict[int, Path] = {}
        for i, fmt in formats_by_index.items():
            copy = work / f"{i:05d}{formats.EXTENSION[fmt]}"
            try:
                shutil.copyfile(results[i].source, copy)
            except OSError as exc:
                results[i].error = f"{label(results[i].source)} cannot be copied: {exc.strerror}"
                continue
            copies[i] = copy
        _run_exiftool(tool, copies, results)
        for i, copy in copies.items():
            result = results[i]
            if result.error is None:
                target = out / result.source.name
                os.replace(copy, target)
                result.output = target
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return results


def _prepare_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{label(out)} is a file, not a folder: choose another --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{label(out)} cannot be created: {exc.strerror or exc}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise InputError(f"{label(out)} is not writable")


def _admit(result: ScrubResult, out: Path, names: dict[str, Path]) -> str:
    """Validate one input; return its real format. Raises InputError with the reason."""
    source = result.source
    meta = read_metadata(source)
    result.notes.extend(meta.notes)
    target = out / source.name
    if target.exists() and _same_file(target, source):
        raise InputError(
            f"{label(source)}: the clean copy would overwrite the original; "
            "choose an --out folder other than the photo's own folder"
        )
    earlier = names.get(source.name)
    if earlier is not None:
        raise InputError(
            f"{label(source)}: another photo in this batch ({label(earlier)}) has the same "
            "name, and clean copies keep their names; scrub it into another folder"
        )
    names[source.name] = source
    return meta.format


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _run_exiftool(tool: str, copies: dict[int, Path], results: list[ScrubResult]) -> None:
    """Read, strip and read again in one ExifTool process; fill in each result."""
    if not copies:
        return
    files = [os.fspath(p) for p in copies.values()]
    args: list[str] = []
    for step, step_args in (
        ("before", READ_ARGS),
        # -m: a minor fault in the metadata being deleted must not stop its deletion
        ("strip", ("-q", "-m", "-overwrite_original", *STRIP_ARGS)),
        ("after", READ_ARGS),
    ):
        if args:
            args.append("-execute")
        args += ["-echo", f"@@postguard {step}", "-echo2", f"@@postguard {step}"]
        args += [*step_args, *files]
    try:
        proc = subprocess.run(
            [tool, "-charset", "filename=utf8", "-@", "-"],
            input="\n".join(args) + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=60 + 5 * len(files),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        for i in copies:
            results[i].error = f"{label(results[i].source)} could not be scrubbed: {exc}"
        return
    out_steps = _split(proc.stdout)
    err_steps = _split(proc.stderr)
    before = _records(out_steps.get("before", ""))
    after = _records(out_steps.get("after", ""))
    strip_errors = _errors(err_steps.get("strip", ""))
    for i, copy in copies.items():
        result = results[i]
        key = os.fspath(copy)
        name = label(result.source)
        if key in strip_errors:
            result.error = f"{name} could not be scrubbed: {strip_errors[key]}"
            continue
        if key not in before or key not in after:
            detail = _errors(err_steps.get("after", "")).get(key, "exiftool could not read it")
            result.error = f"{name} could not be scrubbed: {detail}"
            continue
        result.removed, result.kept = _difference(before[key], after[key])
        leftovers = _leftovers(after[key])
        if leftovers:
            result.error = (
                f"{name} could not be fully scrubbed (still holds {', '.join(leftovers[:6])}); "
                "no copy was written"
            )


def _split(stream: str) -> dict[str, str]:
    """ExifTool output cut at the "@@postguard STEP" markers echoed before each step."""
    steps: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in stream.splitlines():
        if line.startswith("@@postguard "):
            if current is not None:
                steps[current] = "\n".join(lines)
            current, lines = line.removeprefix("@@postguard ").strip(), []
        else:
            lines.append(line)
    if current is not None:
        steps[current] = "\n".join(lines)
    return steps


def _records(text: str) -> dict[str, dict[str, Any]]:
    text = text.strip()
    if not text:
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return {}
    records: dict[str, dict[str, Any]] = {}
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and "SourceFile" in item and "ExifTool:Error" not in item:
            records[str(item["SourceFile"])] = item
    return records


_ERROR_LINE = re.compile(r"^Error: (.*) - (.+)$")


def _errors(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = _ERROR_LINE.match(line.strip())
        if match:
            found.setdefault(match.group(2), match.group(1))
    return found


def _stored(record: dict[str, Any]) -> set[str]:
    """Keys of a record that are metadata stored in the file (not file-system facts)."""
    keys = set()
    for key in record:
        group = key.split(":", 1)[0]
        if group in _NOT_METADATA or (group == "File" and key != "File:Comment"):
            continue
        keys.add(key)
    return keys


def _difference(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, list[str]], list[str]]:
    removed: dict[str, list[str]] = {}
    kept_keys = _stored(after)
    for key in sorted(_stored(before) - kept_keys):
        group, _, tag = key.partition(":")
        removed.setdefault(group, []).append(tag)
    kept = sorted(k for k in kept_keys if _is_descriptive(k))
    return removed, kept


_STRUCTURE = {
    "ImageWidth",
    "ImageHeight",
    "BitsPerSample",
    "Compression",
    "PhotometricInterpretation",
    "StripOffsets",
    "SamplesPerPixel",
    "RowsPerStrip",
    "StripByteCounts",
    "PlanarConfiguration",
    "TileWidth",
    "TileLength",
    "TileOffsets",
    "TileByteCounts",
    "XResolution",
    "YResolution",
    "ResolutionUnit",
    "YCbCrPositioning",
    "YCbCrSubSampling",
    "ExtraSamples",
    "SampleFormat",
    "Predictor",
    "FillOrder",
    "ColorMap",
}


def _is_descriptive(key: str) -> bool:
    """Tags worth listing as kept: metadata groups, not the image's own structure."""
    group, _, tag = key.partition(":")
    if group in ("IFD0", "IFD1", "ExifIFD", "GPS") or group.startswith(("XMP", "IPTC", "ICC")):
        return tag not in _STRUCTURE
    return group.startswith(("MakerNotes", "Photoshop")) or key == "File:Comment"


def _leftovers(after: dict[str, Any]) -> list[str]:
    """Identifying tags still present after a scrub (there should be none)."""
    left = []
    for key in sorted(_stored(after)):
        group, _, tag = key.partition(":")
        if group.startswith(_COLOUR) or key in _STRUCTURAL_KEYS:
            continue
        if group.startswith(_FORBIDDEN_GROUPS) or _FORBIDDEN_TAGS.search(tag):
            left.append(key)
    return left


def summarise(removed: dict[str, list[str]]) -> str:
    """A table cell such as "GPS (7); IFD0 (Artist, Make, Model); XMP-dc (2)"."""
    parts = []
    for group, tags in removed.items():
        shown = ", ".join(tags) if len(tags) <= 3 else str(len(tags))
        parts.append(f"{group} ({shown})")
    return "; ".join(parts) if parts else "nothing to remove"


def kept_words(kept: list[str]) -> list[str]:
    """What a clean copy keeps on purpose, as words: "colour profile" rather than thirty ICC tags."""
    words: list[str] = []
    for key in kept:
        group, _, tag = key.partition(":")
        if group.startswith("ICC"):
            word = "colour profile"
        elif tag == "Orientation":
            word = "orientation"
        else:
            word = key
        if word not in words:
            words.append(word)
    return words


def describe_failures(results: Sequence[ScrubResult]) -> list[str]:
    """One line per failed file, for stderr."""
    return [r.error for r in results if r.error]
