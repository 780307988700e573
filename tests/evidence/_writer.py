"""Child process for the reliability tests: adds entries (each with a fresh screenshot) in a loop.

Usage: python _writer.py TAG COUNT [START_FILE]   (COUNT < 0: forever, until killed)
Prints the entry number after each add, so the parent can follow progress.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from postguard.evidence.record import record_incident
from postguard.evidence.store import EvidenceStore


def main() -> None:
    tag, count = sys.argv[1], int(sys.argv[2])
    if len(sys.argv) > 3:
        start = Path(sys.argv[3])
        while not start.exists():  # a barrier, so both writers really run at once
            time.sleep(0.005)
    store = EvidenceStore()
    scratch = Path(tempfile.mkdtemp(prefix=f"writer-{tag}-"))
    i = 0
    while count < 0 or i < count:
        shot = scratch / f"{tag}-{i}.png"
        Image.frombytes("RGB", (64, 64), os.urandom(64 * 64 * 3)).save(shot)
        entry = record_incident(
            store,
            platform="X",
            url=f"https://x.com/{tag}/status/{i}",
            author=f"@{tag}",
            text=f"message {i} from {tag}: you are a fraud",
            screenshots=[shot],
            note=f"{tag}:{i}",
            use_engine=False,
        )
        print(entry.seq, flush=True)
        shot.unlink()
        i += 1


if __name__ == "__main__":
    main()
