"""`read_security`: the security files of one export (folder, zip or tar), whatever the platform.

The platform is told by which security files are there, not by the file the member gave: X's
global names, Facebook's and Instagram's file names, LinkedIn's CSVs. An export holding none is
refused with the list of files looked for, since the member most likely asked the platform for
their posts only and needs to ask again for the complete archive.
"""

from __future__ import annotations

from pathlib import Path

from postguard.errors import InputError
from postguard.secure import linkedin, meta, x
from postguard.secure.model import SecurityData, Skipped
from postguard.sources.archive import Archive, open_archive
from postguard.sources.common import Warnings, one_line

NAMES = {"x": "X", "facebook": "Facebook", "instagram": "Instagram", "linkedin": "LinkedIn"}
_NESTED = (".zip", ".tar.gz", ".tgz", ".tar")


def read_security(path: Path) -> SecurityData:
    """Every sign-in, device, account change, app and contact the export records, with what could
    not be read; `InputError` (one line) when it holds no security file at all."""
    warnings = Warnings()
    with open_archive(path, warnings=warnings) as archive:
        x_files = x.find(archive)
        found = {
            "x": [n for key in x.SECURITY for n in x_files.get(key, [])],
            "facebook": meta.find(archive, meta.FACEBOOK_FILES),
            "instagram": meta.find(archive, meta.INSTAGRAM_FILES),
            "linkedin": linkedin.find(archive),
        }
        platform = max(found, key=lambda p: len(found[p]))  # a tie goes to the first listed
        if not found[platform]:
            raise InputError(_nothing_found(archive))
        data = SecurityData(platform=platform, export=archive.label)
        if platform == "x":
            x.XReader(archive, data).read(x_files)
        elif platform == "facebook":
            meta.FacebookReader(archive, data).read()
        elif platform == "instagram":
            meta.InstagramReader(archive, data).read()
        else:
            linkedin.LinkedInReader(archive, data).read()
        for other, names in found.items():
            if other != platform:
                reason = (
                    f"a {NAMES[other]} security file in this {NAMES[platform]} export, not read: "
                    "give each platform's export on its own"
                )
                data.skipped.extend(Skipped(source=name, reason=reason) for name in names)
        data.skipped.extend(
            Skipped(source=w.file or archive.label, reason=one_line(w.message)) for w in warnings.as_list()
        )
    return data


def _nothing_found(archive: Archive) -> str:
    nested = next((m.name for m in archive.members() if m.name.lower().endswith(_NESTED)), None)
    hint = f" It contains {nested!r}: give that file instead." if nested else ""
    return one_line(
        f"{archive.label}: no security files found (looked for {x.LOOKED_FOR}; {meta.LOOKED_FOR}; "
        f"{linkedin.LOOKED_FOR}). Ask the platform for the complete archive of your data, not only "
        f"your posts, and give that.{hint}"
    )
