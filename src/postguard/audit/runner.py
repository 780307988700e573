"""Run an account audit: stream every post of one or more exports through the check engine,
in batches on every core, and write findings.jsonl, summary.json and report.html into --out.

Memory stays bounded however big the export: posts stream from the importer, at most a few
batches are in flight, and only small per-post signals (for takeover detection), counters and
the most serious findings are kept.
"""

from __future__ import annotations

import heapq
import json
import os
import re
import shutil
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import count
from pathlib import Path
from typing import Any

from postguard.audit import takeover
from postguard.audit.model import AuditFinding, AuditResult, PostSample
from postguard.classifier import limit_threads
from postguard.engine import MAX_CHARS, Engine
from postguard.errors import InputError, PostguardError
from postguard.identifiers import contact_identifiers
from postguard.model import AccountProfile, Evidence, Finding, Post, Severity
from postguard.policy import load_pack
from postguard.sources import open_export
from postguard.sources.common import Item

BATCH = 256
PRIORITY_KEEP = 200
Compact = tuple[str, str, str, str, int | None, int | None, str | None, str, str, float, str, dict[str, Any]]

_PROFESSIONAL = re.compile(
    r"\b(?:therapist|psychotherapist|cbt|counsell?or|psychologist|nurse|clinician|practitioner|"
    r"babcp|accredited|hcpc|nhs|clinic|practice|dclinpsy|msc|pgdip)\b",
    re.IGNORECASE,
)
_PERSONAL = re.compile(
    r"\b(?:mum|mam|mom|dad|wife|husband|partner|kids|boys|girls|son|daughter|dog|cat|football|"
    r"fan|supporter|season ticket|pub|pints?|wine|gin|drunk|hangover|holiday|politics|labour|"
    r"tory|tories|reform|green party|my views|personal account|family|wedding|party)\b",
    re.IGNORECASE,
)

# --- worker side -------------------------------------------------------------------------------
_engine: Engine | None = None


def _init_worker(pack: str, threads: int) -> None:
    global _engine
    limit_threads(threads)
    _engine = Engine(load_pack(pack))


# Per text: the language when it could not be checked (else None), and its findings.
CheckResult = tuple[str | None, list[Compact]]
Job = tuple[list[Item], list[str], Future[list[CheckResult]]]


def _check_batch(texts: list[str]) -> list[CheckResult]:
    """Per post: the language when it could not be checked (else None), and its findings."""
    assert _engine is not None, "worker started without its engine"
    return [
        (None if report.checked else report.language, [_compact(f) for f in report.findings])
        for report in _engine.check_many(texts)
    ]


def _compact(f: Finding) -> Compact:
    return (
        f.rule,
        f.slug,
        f.severity.label,
        f.message,
        f.start,
        f.end,
        f.excerpt,
        f.suggestion,
        f.source,
        f.score,
        f.detector,
        f.explanation,
    )


# --- coordinator -------------------------------------------------------------------------------
class Audit:
    """Accumulates what the report needs while posts stream past."""

    def __init__(self, out: Path, pack: str) -> None:
        self.out = out
        self.pack = load_pack(pack)
        self.engine = Engine(self.pack)
        self.by_rule: Counter[str] = Counter()
        self.by_severity: Counter[str] = Counter()
        self.verdicts: Counter[str] = Counter()
        self.timeline: dict[str, Counter[str]] = defaultdict(Counter)
        self.priority: list[tuple[tuple[int, float, str], int, AuditFinding]] = []
        self.recent: list[tuple[str, int, PostSample]] = []
        self.signals: list[takeover.PostSignal] = []
        self.posts = 0
        self.deleted = 0
        self.reposts = 0
        self.checked: dict[str, CheckResult] = {}  # by text, so a repeated text is checked once
        self.empty = 0
        self.personal_posts = 0
        self.located_posts = 0
        self.media: Counter[str] = Counter()
        self.not_checked: Counter[str] = Counter()  # posts in other languages, by language
        self.warnings: list[str] = []
        self.shortfalls: list[str] = []
        self.profile_findings: list[AuditFinding] = []
        self.profiles: list[AccountProfile] = []
        self.platforms: list[str] = []
        self._tie = count()

    def add(self, item: Item, compact: list[Compact], findings_file: Any) -> None:
        post, meta = item.post, item.meta
        self.posts += 1
        self.deleted += post.deleted
        month = (post.created_at or "unknown")[:7]
        self.timeline[month]["posts"] += 1
        self.personal_posts += bool(_PERSONAL.search(post.text))
        self.located_posts += bool(meta.coordinates or post.location)
        worst = "pass"
        rules: set[str] = set()
        for c in compact:
            finding = self._finding(post, c)
            findings_file.write(json.dumps(finding.row(), ensure_ascii=False) + "\n")
            self.by_rule[finding.rule] += 1
            self.by_severity[finding.severity] += 1
            self.timeline[month][finding.severity] += 1
            rules.add(finding.rule)
            worst = max(
                worst, {"high": "block", "warning": "review"}.get(finding.severity, "pass"), key=_verdict_rank
            )
            self.push_priority(finding)
        self.verdicts[worst] += 1
        self.signals.append(
            takeover.signal(
                post.id, post.created_at, post.client_app, meta.language, rules, post.text, post.url
            )
        )
        if post.visibility in (None, "public") and not post.deleted and post.text.strip():
            sample = PostSample(
                post.id, post.created_at, post.url, post.text, post.visibility, post.kind, worst
            )
            entry2 = (post.created_at or "", next(self._tie), sample)
            if len(self.recent) < 10:
                heapq.heappush(self.recent, entry2)
            else:
                heapq.heappushpop(self.recent, entry2)

    def push_priority(self, finding: AuditFinding) -> None:
        """Keep the most serious findings (a bounded heap, whatever the export's size)."""
        if finding.severity == "info":
            return
        entry = (
            (Severity.parse(finding.severity).value, finding.score, finding.date or ""),
            next(self._tie),
            finding,
        )
        if len(self.priority) < PRIORITY_KEEP:
            heapq.heappush(self.priority, entry)
        else:
            heapq.heappushpop(self.priority, entry)

    def _finding(self, post: Post, c: Compact, kind: str | None = None) -> AuditFinding:
        (
            rule,
            slug,
            severity,
            message,
            _start,
            _end,
            excerpt,
            suggestion,
            source,
            score,
            detector,
            explanation,
        ) = c
        return AuditFinding(
            post_id=post.id,
            platform=post.platform,
            date=post.created_at,
            url=post.url,
            kind=kind or post.kind,
            visibility=post.visibility,
            rule=rule,
            slug=slug,
            severity=severity,
            message=message,
            excerpt=excerpt,
            suggestion=suggestion,
            source=source,
            score=score,
            detector=detector,
            explanation=explanation,
            text=post.text,
            deleted=post.deleted,
        )


def _verdict_rank(verdict: str) -> int:
    return {"pass": 0, "review": 1, "block": 2}[verdict]


def _batches(items: Iterator[Item], audit: Audit) -> Iterator[tuple[list[Item], list[str]]]:
    """Own posts with text, in batches, each with the texts not sent before: a text posted
    again (a cross-post, a copy-pasted reply) is checked once. Reposts (someone else's words)
    are counted and skipped."""
    batch: list[Item] = []
    texts: list[str] = []
    sent: set[str] = set()
    for item in items:
        post = item.post
        if post.kind == "repost":
            audit.reposts += 1
            continue
        if not post.text.strip():
            audit.empty += 1
            continue
        if len(post.text) > MAX_CHARS:
            audit.warnings.append(
                f"post {post.id} is {len(post.text):,} characters, over the {MAX_CHARS:,} checked"
            )
            continue
        batch.append(item)
        if post.text not in sent:
            sent.add(post.text)
            texts.append(post.text)
        if len(batch) == BATCH:
            yield batch, texts
            batch, texts = [], []
    if batch:
        yield batch, texts


def _check_media(audit: Audit, export: Any, item: Item, media_dir: Path, findings_file: Any) -> None:
    """Metadata of every attached photo (GPS, owner, device): SM502. When the export lacks the
    file but records where it was taken (Meta exports do), that position is reported too.
    """
    from postguard.media.metadata import GpsPosition, metadata_evidence, nearest_place, read_metadata

    recorded = {m.path: m.coordinates for m in item.meta.media if m.coordinates}
    for media in item.post.media:
        name = media.path.rsplit("/", 1)[-1]
        if not export.has_media(media):
            audit.media["missing"] += 1
            if media.path in recorded:
                position = GpsPosition(*recorded[media.path])
                place = nearest_place(position)
                where = f"{position}, near {place}" if place else str(position)
                message = (
                    f"the export records where {name} was taken ({where}); anyone who can see the "
                    "original photo may be able to put this place on a map"
                )
                _media_finding(
                    audit, item.post, Evidence("SM502", message, source=f"image:{name}"), findings_file
                )
            continue
        try:
            path = export.extract_media(media, media_dir)
        except PostguardError:
            audit.media["unreadable"] += 1
            continue
        try:
            evidence = metadata_evidence(read_metadata(path), f"image:{name}")
        except PostguardError:
            audit.media["unreadable"] += 1
            continue
        finally:
            path.unlink(missing_ok=True)
        audit.media["checked"] += 1
        for ev in evidence:
            _media_finding(audit, item.post, ev, findings_file)


def _media_finding(audit: Audit, post: Post, ev: Evidence, findings_file: Any) -> None:
    """A photo's evidence through the same pack and severities as ``check`` gives it."""
    if ev.rule not in audit.pack.rules:
        return
    finding = audit._finding(post, _compact(audit.engine.finding("", ev)))
    if finding.rule == "SM502" and finding.severity == "warning":
        audit.media["with_location"] += 1
    findings_file.write(json.dumps(finding.row(), ensure_ascii=False) + "\n")
    audit.by_rule[finding.rule] += 1
    audit.by_severity[finding.severity] += 1
    audit.push_priority(finding)


def run_audit(
    paths: Sequence[Path],
    out: Path,
    *,
    pack: str = "babcp",
    include_deleted: bool = True,
    workers: int | None = None,
    check_media: bool = True,
    progress: Callable[[int, int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> AuditResult:
    """Audit one or more exports into ``out``; InputError for an unusable export.

    ``on_total`` (for a progress bar with an ETA) costs one extra streaming pass to count posts.
    """
    from postguard.audit.report import render_report

    started = time.perf_counter()
    audit = Audit(out, pack)
    workers = workers or min(2, os.cpu_count() or 1)
    tmp = out / ".postguard-tmp"
    findings_tmp = out / "findings.jsonl.part"
    exports: list[Any] = []
    try:
        exports.extend(open_export(p) for p in paths)
        _make_out(out, paths)
        _begin(out)
        if on_total:
            on_total(sum(_countable(i, include_deleted) for e in exports for i in e.items()))
        tmp.mkdir(exist_ok=True)
        with (
            findings_tmp.open("w", encoding="utf-8") as findings_file,
            ProcessPoolExecutor(
                max_workers=workers,
                initializer=_init_worker,
                initargs=(pack, max(1, (os.cpu_count() or 1) // workers)),
            ) as pool,
        ):
            for export in exports:
                audit.platforms.append(export.platform)
                audit.profiles.extend(export.profiles)
                _audit_profiles(audit, export.profiles, findings_file)
                items = (i for i in export.items() if include_deleted or not i.post.deleted)
                pending: list[Job] = []
                for batch, texts in _batches(items, audit):
                    pending.append((batch, texts, pool.submit(_check_batch, texts)))
                    while len(pending) > 2 * workers:
                        _collect(audit, export, pending.pop(0), tmp, findings_file, check_media, progress)
                for job in pending:
                    _collect(audit, export, job, tmp, findings_file, check_media, progress)
                audit.warnings.extend(str(w) for w in export.warnings)
                audit.shortfalls.extend(export.shortfalls)
        findings_tmp.replace(out / "findings.jsonl")
    finally:
        for export in exports:
            export.close()
        if out.is_dir():
            findings_tmp.unlink(missing_ok=True)
            shutil.rmtree(tmp, ignore_errors=True)
    result = _result(audit, time.perf_counter() - started)
    _write(out / "summary.json", json.dumps(result.summary, indent=2, ensure_ascii=False))
    _write(out / "report.html", render_report(result))
    (out / "findings.jsonl").chmod(0o600)
    (out / IN_PROGRESS).unlink()
    return result


def _write(path: Path, text: str) -> None:
    """Write owner-only, through a temporary name, so no half-written file is ever left."""
    part = path.with_name(path.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    part.replace(path)


# Present while an audit is writing its folder; an audit killed half way leaves it behind.
IN_PROGRESS = "AUDIT-NOT-FINISHED.txt"


def _begin(out: Path) -> None:
    """Clear an earlier audit's results and mark the folder as being written, so an audit
    that is killed never leaves a folder that looks complete (old report, new findings)."""
    _write(
        out / IN_PROGRESS,
        f"An audit started writing this folder at {time.strftime('%Y-%m-%d %H:%M:%S')} and has not "
        "finished. If postguard is no longer running, it was interrupted: nothing here is a complete "
        "audit. Run postguard audit again.\n",
    )
    for name in ("summary.json", "report.html", "findings.jsonl"):
        (out / name).unlink(missing_ok=True)


def _make_out(out: Path, paths: Sequence[Path]) -> None:
    """The output folder, owner-only (the findings quote posts about clients)."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file, not a folder")
    for path in paths:
        if path.is_dir() and out.resolve().is_relative_to(path.resolve()):
            raise InputError(f"--out {out} is inside the export {path}; choose a folder outside it")
    try:
        out.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise InputError(f"cannot create --out {out}: {exc.strerror or exc}") from None


def _countable(item: Item, include_deleted: bool) -> bool:
    post = item.post
    return post.kind != "repost" and bool(post.text.strip()) and (include_deleted or not post.deleted)


def _collect(
    audit: Audit,
    export: Any,
    job: Job,
    media_dir: Path,
    findings_file: Any,
    check_media: bool,
    progress: Callable[[int, int], None] | None,
) -> None:
    batch, texts, future = job
    audit.checked.update(zip(texts, future.result(), strict=True))
    for item in batch:
        unchecked, compact = audit.checked[item.post.text]
        if unchecked:
            audit.not_checked[unchecked] += 1
        audit.add(item, compact, findings_file)
        if check_media and item.post.media:
            _check_media(audit, export, item, media_dir, findings_file)
    if progress:
        progress(audit.posts, len(batch))


def _audit_profiles(audit: Audit, profiles: list[AccountProfile], findings_file: Any) -> None:
    """The bio, name, location and website, checked like a post (kind "bio")."""
    engine = audit.engine
    for profile in profiles:
        # X wraps the profile website in its own t.co shortener: that is not the member's doing
        website = "" if profile.website.startswith(("https://t.co/", "http://t.co/")) else profile.website
        text = " \n".join(t for t in (profile.name, profile.bio, profile.location, website) if t)
        if not text.strip():
            continue
        try:
            report = engine.check(text)
        except InputError:
            continue
        post = Post(id=f"{profile.platform}:profile", text=text, platform=profile.platform, kind="bio")
        for f in report.findings:
            finding = audit._finding(post, _compact(f), kind="bio")
            audit.profile_findings.append(finding)
            audit.push_priority(finding)
            findings_file.write(json.dumps(finding.row(), ensure_ascii=False) + "\n")
            audit.by_rule[finding.rule] += 1
            audit.by_severity[finding.severity] += 1


def _language_warnings(audit: Audit) -> list[str]:
    from postguard.language import NO_WORDS, language_name

    return [
        f"{n} posts had no words to read (only emoji, numbers, links or mentions): their photos and links were checked"
        if code == NO_WORDS
        else f"{n} posts in {language_name(code)} were not checked: postguard's rules read English"
        for code, n in audit.not_checked.most_common()
    ]


def _exposed(audit: Audit) -> list[str]:
    details = []
    for profile in audit.profiles:
        where = profile.platform
        if profile.location:
            details.append(f"{where}: your location is shown on your profile ({profile.location})")
        if profile.website:
            details.append(f"{where}: your website is linked from your profile ({profile.website})")
        for ident in contact_identifiers(profile.bio):
            details.append(f"{where}: your bio shows {ident.label} ({profile.bio[ident.start : ident.end]})")
    if audit.located_posts:
        details.append(f"{audit.located_posts} posts carry a location or check-in")
    if audit.media.get("with_location"):
        details.append(f"{audit.media['with_location']} photos carry the GPS position where they were taken")
    return details


def _mixing(audit: Audit) -> list[str]:
    signals = []
    for profile in audit.profiles:
        bio = f"{profile.name} {profile.bio}"
        professional = _PROFESSIONAL.findall(bio)
        personal = _PERSONAL.findall(bio)
        if professional and personal:
            signals.append(
                f"{profile.platform}: the bio presents you professionally ({', '.join(sorted(set(professional))[:3])}) "
                f"and personally ({', '.join(sorted(set(personal))[:3])}) on the same account"
            )
    professional_account = any(_PROFESSIONAL.search(f"{p.name} {p.bio}") for p in audit.profiles)
    if professional_account and audit.posts and audit.personal_posts / audit.posts > 0.1:
        signals.append(
            f"{audit.personal_posts} of {audit.posts} posts on a professional account are about your personal "
            "life (family, nights out, politics); the policy advises separate personal and professional accounts"
        )
    return signals


# An audit that read nothing must never look like a clean account.
NOTHING_READ = (
    "No posts were read from this export, so this audit says nothing about the account: it is not a "
    "clean result. Check that you gave the whole export (the archive as downloaded, not one file from it)."
)


# Nor must one that read far fewer posts than the export says it holds.
READ_TOO_FEW = (
    "This export says it holds far more posts than could be read, so this audit is incomplete: "
    "fix or download the export again and rerun. "
)


def _result(audit: Audit, elapsed: float) -> AuditResult:
    incidents = takeover.incidents(audit.signals)
    read_nothing = audit.posts + audit.empty + audit.reposts == 0
    if audit.shortfalls:
        audit.warnings.insert(0, READ_TOO_FEW + "; ".join(audit.shortfalls))
    if read_nothing:
        audit.warnings.insert(0, NOTHING_READ)
    priority = [entry[2] for entry in sorted(audit.priority, reverse=True)]
    summary = {
        "posts": audit.posts,
        "read_nothing": read_nothing,
        "incomplete": audit.shortfalls,
        "by_rule": dict(sorted(audit.by_rule.items())),
        "by_severity": dict(audit.by_severity),
        "verdicts": dict(audit.verdicts),
        "platforms": audit.platforms,
        "policy": {"id": audit.pack.id, "version": audit.pack.version},
        "deleted_checked": audit.deleted,
        "reposts_skipped": audit.reposts,
        "without_text": audit.empty,
        "media": dict(audit.media),
        "not_checked": dict(audit.not_checked),
        "incidents": len(incidents),
        "warnings": len(audit.warnings),
        "elapsed_s": round(elapsed, 2),
        "posts_per_s": round(audit.posts / elapsed, 1) if elapsed else None,
    }
    return AuditResult(
        summary=summary,
        profiles=audit.profiles,
        profile_findings=audit.profile_findings,
        priority=priority,
        by_rule=dict(sorted(audit.by_rule.items())),
        rule_titles={code: rule.title for code, rule in audit.pack.rules.items()},
        timeline={month: dict(c) for month, c in sorted(audit.timeline.items())},
        recent_public=[entry[2] for entry in sorted(audit.recent, reverse=True)],
        exposed_details=_exposed(audit),
        mixing_signals=_mixing(audit),
        incidents=incidents,
        warnings=audit.warnings + _language_warnings(audit),
        media=dict(audit.media),
    )
