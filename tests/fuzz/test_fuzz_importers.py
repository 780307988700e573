"""Fuzz every importer with mutated exports (issue 12, part 2).

Each case starts from one platform's synthetic export, damages it (bytes, JSON values and
records, CSV dialects and cells, CAR blocks, whole files, the zip/tar/folder around them) and
imports it in-process under guard (see fuzz_guard): no exception but a one-line `InputError`,
no hang, bounded memory, nothing written outside the out folder, nothing read through a link,
and no records lost from a damaged file without a warning naming it. A few cases go through the
CLI too. `POSTGUARD_FUZZ_EXAMPLES` sets the cases per test (CI: the default; `make fuzz`: many
more); seeds are fixed, so a CI run is reproducible, unless `POSTGUARD_FUZZ_SEED` is set.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fuzz_containers import SECRET, SECRET_TOKEN, Tweak, tweaks, write_container, write_hostile
from fuzz_exports import BYTE_DAMAGE, SEED_NAMES, Mutation, mutations, seeds
from fuzz_guard import Expected, guarded_import, judge
from hypothesis import HealthCheck, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from postguard.sources import Limits
from postguard.sources.archive import DEFAULT_LIMITS

pytestmark = [pytest.mark.fuzz, pytest.mark.slow]

EXAMPLES = int(os.environ.get("POSTGUARD_FUZZ_EXAMPLES", "200"))
BASE_SEED = int(os.environ.get("POSTGUARD_FUZZ_SEED", "0"))
CLI_EXAMPLES = max(3, EXAMPLES // 40)


def fuzz(name: str, examples: int) -> Callable[[Any], Any]:
    """Hypothesis settings for one fuzz: a fixed seed per test, no example database."""

    def apply(test: Any) -> Any:
        configured = settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )(test)
        return hypothesis_seed(BASE_SEED + zlib.crc32(name.encode()))(configured)

    return apply


_EXPECTED: dict[str, Expected] = {}


def expected(seed_name: str, where: Path) -> Expected:
    """Posts per member of the unmutated export (what the mutated one is held to)."""
    if seed_name not in _EXPECTED:
        fresh(where)
        path = write_container(seeds()[seed_name].members(), where / "seed", "folder")
        outcome = guarded_import(path, where / "seed-out")
        assert outcome.format and not outcome.crash and not outcome.error, outcome
        _EXPECTED[seed_name] = Expected.of(outcome)
        shutil.rmtree(where)
    return _EXPECTED[seed_name]


def undamaged(seed_name: str, changes: list[Mutation], where: Path) -> Callable[[], Expected]:
    """What the export gives with `changes` but the byte-level damage, in a plain folder."""

    def build() -> Expected:
        members = seeds()[seed_name].members()
        for change in changes:
            if not isinstance(change, BYTE_DAMAGE):
                change.apply(members)
        path = write_container(members, fresh(where) / "export", "folder")
        return Expected.of(guarded_import(path, where / "out"))

    return build


def fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir()
    return path


@pytest.mark.parametrize("seed_name", SEED_NAMES)
def test_unmutated_exports_import_cleanly(seed_name: str, tmp_path: Path) -> None:
    """The seeds themselves: posts from every one, the same from a folder, a zip and a tar."""
    counts = []
    for container in seeds()[seed_name].containers():
        path = write_container(seeds()[seed_name].members(), tmp_path / container, container)
        outcome = guarded_import(path, fresh(tmp_path / f"{container}-out"))
        assert judge(outcome, path, expected(seed_name, tmp_path / "expected")).problems == []
        assert outcome.error is None and sum(outcome.posts.values()) > 0
        counts.append(dict(outcome.posts))
    assert all(c == counts[0] for c in counts), counts


@pytest.mark.parametrize("seed_name", SEED_NAMES)
def test_mutated_exports(
    seed_name: str, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    """One platform's export with one to three mutations, as a folder, a zip, a tar.gz or the
    file itself."""
    seed = seeds()[seed_name]
    reference = expected(seed_name, tmp_path / "expected")
    cases, known = 0, Counter[str]()

    @fuzz(seed_name, EXAMPLES)
    @given(
        container=st.sampled_from(seed.containers()),
        changes=st.lists(mutations(seed), min_size=1, max_size=3),
    )
    def case(container: str, changes: list[Mutation]) -> None:
        nonlocal cases
        cases += 1
        where = fresh(tmp_path / "case")
        members = seed.members()
        for change in changes:
            change.apply(members)
        path = write_container(members, where / "export", container)
        outcome = guarded_import(path, where / "out")
        verdict = judge(
            outcome, path, reference, undamaged=undamaged(seed_name, changes, where / "undamaged")
        )
        known.update(verdict.known)
        assert not verdict.problems, "\n".join(verdict.problems)

    case()
    record_property("fuzz_cases", cases)
    record_property("fuzz_known", dict(known))
    assert cases >= EXAMPLES


LIMITS = st.one_of(
    st.just(DEFAULT_LIMITS),
    st.builds(
        Limits,
        max_total_bytes=st.sampled_from([10_000, 100_000, DEFAULT_LIMITS.max_total_bytes]),
        max_entry_bytes=st.sampled_from([100, 5_000, DEFAULT_LIMITS.max_entry_bytes]),
        max_ratio=st.sampled_from([1.5, 10.0, DEFAULT_LIMITS.max_ratio]),
        ratio_floor_bytes=st.sampled_from([0, 1_000, DEFAULT_LIMITS.ratio_floor_bytes]),
        max_members=st.sampled_from([1, 3, DEFAULT_LIMITS.max_members]),
        max_read_bytes=st.sampled_from([100, 5_000, DEFAULT_LIMITS.max_read_bytes]),
        max_media_bytes=st.sampled_from([10, DEFAULT_LIMITS.max_media_bytes]),
    ),
)


@st.composite
def hostile(draw: st.DrawFn) -> tuple[str, str, list[Tweak], list[Mutation]]:
    seed_name = draw(st.sampled_from(SEED_NAMES))
    container = draw(st.sampled_from(["zip", "tar", "folder"]))
    changes = draw(st.lists(mutations(seeds()[seed_name]), max_size=1))
    return seed_name, container, draw(tweaks(container)), changes


def test_hostile_containers(tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    """Zip, tar and folder tricks: `..` and absolute names, links out of the export, FIFOs,
    duplicate names, bad CRCs, lying sizes, unknown compression, cut or flipped bytes, tight
    limits."""
    references = {name: expected(name, tmp_path / "expected") for name in SEED_NAMES}
    cases, known = 0, Counter[str]()

    @fuzz("hostile", EXAMPLES * 2)
    @given(setup=hostile(), limits=LIMITS)
    def case(setup: tuple[str, str, list[Tweak], list[Mutation]], limits: Limits) -> None:
        nonlocal cases
        cases += 1
        seed_name, container, container_tweaks, changes = setup
        where = fresh(tmp_path / "case")
        secret = where / "secret" / "secret.js"
        secret.parent.mkdir()
        secret.write_bytes(SECRET)
        members = seeds()[seed_name].members()
        for change in changes:
            change.apply(members)
        path = write_hostile(members, where / "export", container, container_tweaks, secret)
        outcome = guarded_import(path, where / "out", limits)
        verdict = judge(
            outcome,
            path,
            references[seed_name],
            secret=SECRET_TOKEN,
            undamaged=undamaged(seed_name, changes, where / "undamaged"),
        )
        known.update(verdict.known)
        assert not verdict.problems, "\n".join(verdict.problems)

    case()
    record_property("fuzz_cases", cases)
    record_property("fuzz_known", dict(known))
    assert cases >= EXAMPLES * 2


def _snapshot(root: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """Every path under `root` but `skip`, with its size and modification time."""
    found = {}
    for current, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if Path(current, d) != skip]
        for name in dirs + files:
            info = os.lstat(os.path.join(current, name))
            found[os.path.join(current, name)] = (info.st_size, info.st_mtime_ns)
    return found


def _changes(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]], where: Path) -> set[str]:
    return {
        str(Path(p).relative_to(where)) for p in before.keys() | after.keys() if before.get(p) != after.get(p)
    }


def test_cli_audit_of_mutated_exports(tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    """`postguard audit` end to end: exit 0, 2 (one line, never a traceback) or 3, the three
    report files, nothing written outside `--out` (home, working folder and export included)."""
    cases = 0

    @fuzz("cli", CLI_EXAMPLES)
    @given(
        seed_name=st.sampled_from(SEED_NAMES),
        container=st.sampled_from(["folder", "zip"]),
        data=st.data(),
    )
    def case(seed_name: str, container: str, data: st.DataObject) -> None:
        nonlocal cases
        cases += 1
        changes = data.draw(st.lists(mutations(seeds()[seed_name]), min_size=1, max_size=2))
        where = fresh(tmp_path / "case")
        members = seeds()[seed_name].members()
        for change in changes:
            change.apply(members)
        path = write_container(members, where / "export", container)
        out, home, cwd = where / "out", where / "home", where / "cwd"
        home.mkdir()
        cwd.mkdir()
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "POSTGUARD_HOME": str(home / "postguard"),
            "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        before = _snapshot(where, out)
        command = [sys.executable, "-m", "postguard.cli", "audit", str(path), "--out", str(out)]
        run = subprocess.run(
            [*command, "--workers", "1", "--format", "json"],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert run.returncode in (0, 2, 3), (run.returncode, run.stderr[-3000:])
        assert "Traceback" not in run.stderr and "unexpected problem" not in run.stderr, run.stderr[-3000:]
        if run.returncode == 2:
            assert len(run.stderr.strip().splitlines()) == 1, run.stderr
        else:
            summary = json.loads(run.stdout)
            assert (summary["read_nothing"] or bool(summary["incomplete"])) == (run.returncode == 3)
            assert {"report.html", "summary.json", "findings.jsonl"} <= {p.name for p in out.iterdir()}
        assert not _changes(before, _snapshot(where, out), where)

    case()
    record_property("fuzz_cases", cases)
    assert cases >= CLI_EXAMPLES
