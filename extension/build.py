"""Build the browser extension from ``extension/src`` (standard library only, no npm).

Writes ``<out>/chrome/`` (the sources as they are: Chromium loads them unpacked),
``<out>/firefox/`` (the same files with Firefox's manifest: an event page instead of a service
worker, a gecko id, no ``key``) and ``<out>/postguard-firefox.zip`` (the Firefox build, zipped
with fixed timestamps so the same sources give the same bytes). ``<out>`` is ``extension/dist``
unless ``--out`` says otherwise.

    python extension/build.py [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "src"
GECKO_ID = "postguard-extension@postguard"
#: Firefox 140 is the first with the CSS Custom Highlight API and data_collection_permissions.
FIREFOX_MIN = "140.0"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def manifest() -> dict:
    return json.loads((SOURCE / "manifest.json").read_text(encoding="utf-8"))


def check_sources(data: dict) -> None:
    """Every file the manifest or a page names must exist: a missing one fails the build, not the browser."""
    named = [data["background"]["service_worker"], data["options_ui"]["page"]]
    named += [name for script in data["content_scripts"] for name in script["js"]]
    for page in SOURCE.glob("*.html"):
        named += re.findall(r'(?:src|href)="([^":]+)"', page.read_text(encoding="utf-8"))
    missing = sorted({name for name in named if not (SOURCE / name).is_file()})
    if missing:
        raise SystemExit(f"extension/src lacks: {', '.join(missing)}")
    if data.get("host_permissions") != ["http://127.0.0.1/*"]:
        raise SystemExit("the only host permission must be http://127.0.0.1/* (postguard on this computer)")


def firefox_manifest(data: dict) -> dict:
    made = {k: v for k, v in data.items() if k not in ("key", "minimum_chrome_version")}
    made["background"] = {"scripts": [data["background"]["service_worker"]]}
    made["browser_specific_settings"] = {
        "gecko": {
            "id": GECKO_ID,
            "strict_min_version": FIREFOX_MIN,
            # The text goes to postguard on this computer only: nothing is collected.
            "data_collection_permissions": {"required": ["none"]},
        }
    }
    return made


def copy_tree(target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(SOURCE, target)


def zip_tree(folder: Path, archive: Path) -> None:
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as made:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            made.writestr(info, path.read_bytes())


def build(out: Path) -> Path:
    data = manifest()
    check_sources(data)
    out.mkdir(parents=True, exist_ok=True)
    copy_tree(out / "chrome")
    copy_tree(out / "firefox")
    (out / "firefox" / "manifest.json").write_text(
        json.dumps(firefox_manifest(data), indent=2) + "\n", encoding="utf-8"
    )
    zip_tree(out / "firefox", out / "postguard-firefox.zip")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=HERE / "dist", help="where to write (default: extension/dist)"
    )
    args = parser.parse_args(argv)
    out = build(args.out.resolve())
    print(f"built {out / 'chrome'}, {out / 'firefox'} and {out / 'postguard-firefox.zip'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
