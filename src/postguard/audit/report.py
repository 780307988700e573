"""The audit report: one self-contained HTML page for a busy clinician.

Everything is inline (CSS, an SVG chart), nothing is fetched and nothing runs: a Content Security
Policy forbids scripts and remote loads, and every piece of text that came from the export is
escaped. The page opens with what to delete or edit first, then signs of an account takeover,
counts per rule, a timeline, the profile as a client would see it, signs of mixing personal and
professional presence, and what could not be checked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from postguard.audit.model import AuditFinding, AuditResult, PostSample, TakeoverIncident
from postguard.model import AccountProfile

MAX_CARDS = 50  # posts shown in "Delete or edit first"; the rest are counted
MAX_POST_CHARS = 1200  # longer posts are cut around the highlighted words
MAX_LIST = 100  # warnings, exposed details, months in the data table

SEVERITY_RANK = {"high": 3, "warning": 2, "info": 1}
SEVERITY_LABEL = {"high": "High risk", "warning": "Needs review", "info": "For information"}
COUNT_LABEL = {"high": "high risk", "warning": "to review", "info": "for information"}
VERDICT_LABEL = {"block": ("high", "Delete or edit"), "review": ("warning", "Review"), "pass": ("ok", "OK")}
PLATFORM_NAMES = {
    "x": "X (Twitter)",
    "twitter": "X (Twitter)",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "threads": "Threads",
    "linkedin": "LinkedIn",
    "meta": "Facebook / Instagram",
    "plain": "Posts file",
}
KIND_NAMES = {"post": "Post", "reply": "Reply", "comment": "Comment", "quote": "Quote", "bio": "Profile"}
MONTHS = tuple(calendar.month_abbr[1:])
MONTH_NAMES = tuple(calendar.month_name[1:])
_MONTH_KEY = re.compile(r"^(\d{4})-(\d{2})$")

# Colours: text on badges meets WCAG AA; chart fills reach 3:1 against white.
COLOURS = {"high": "#c62828", "warning": "#b86e00", "info": "#1e62c4", "posts": "#6b7685"}

CSS = """
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5361; --line: #d5dae1; --paper: #ffffff;
  --wash: #f4f6f9; --high: #b3261e; --high-bg: #fdecea; --warn: #8a5300; --warn-bg: #fff4d6;
  --warn-badge: #ffcc4d; --info: #1e62c4; --info-bg: #e8f0fc; --ok: #1e6b34; --ok-bg: #e6f4ea; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--wash); color: var(--ink); line-height: 1.5;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header.top { padding: 1.25rem 0 .5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 0 0 .75rem; line-height: 1.3; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p { margin: .4rem 0; }
a { color: #0b4fa8; }
a:focus-visible { outline: 3px solid #0b4fa8; outline-offset: 2px; }
.sub { color: var(--muted); margin: 0; }
nav.toc { margin: .75rem 0 0; }
nav.toc ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
nav.toc a { display: inline-block; padding: .2rem .6rem; border: 1px solid var(--line); border-radius: 999px;
  background: var(--paper); text-decoration: none; font-size: .9rem; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 1.1rem 1.25rem; margin: 1rem 0; }
.headline { font-size: 1.35rem; font-weight: 700; margin: 0 0 .35rem; }
.headline.bad { color: var(--high); }
.headline.good { color: var(--ok); }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem;
  margin: .9rem 0 0; }
.facts div { background: var(--wash); border-radius: 8px; padding: .55rem .75rem; }
.facts dt { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: .78rem; font-weight: 700; padding: .08rem .5rem;
  border-radius: 4px; white-space: nowrap; vertical-align: .1em; border: 1px solid transparent; }
.badge.high { background: var(--high); color: #fff; }
.badge.warning { background: var(--warn-badge); color: #1b1f24; border-color: #b88600; }
.badge.info { background: var(--info); color: #fff; }
.badge.ok { background: var(--ok-bg); color: var(--ok); border-color: #9fcfae; }
.badge.plain { background: var(--wash); color: var(--muted); border-color: var(--line); }
.card { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 8px;
  padding: .8rem 1rem; margin: .8rem 0; background: var(--paper); break-inside: avoid; }
.card.high { border-left-color: var(--high); }
.card.warning { border-left-color: #e0a100; }
.card.info { border-left-color: var(--info); }
.card-head { display: flex; flex-wrap: wrap; gap: .35rem .75rem; align-items: baseline; }
.meta { color: var(--muted); font-size: .9rem; }
.post { margin: .6rem 0; padding: .55rem .8rem; background: var(--wash); border-radius: 6px;
  white-space: pre-wrap; overflow-wrap: anywhere; font-size: .97rem; }
mark { color: inherit; padding: 0 .1em; border-radius: 2px; }
mark.high { background: #ffd3cf; box-shadow: inset 0 -2px 0 var(--high); }
mark.warning { background: #ffe7a3; box-shadow: inset 0 -2px 0 #b88600; }
mark.info { background: #d6e5fb; box-shadow: inset 0 -2px 0 var(--info); }
ul.findings { list-style: none; padding: 0; margin: .4rem 0 0; }
ul.findings li { padding: .45rem 0 .2rem; border-top: 1px dashed var(--line); }
ul.findings li:first-child { border-top: 0; }
.rule { font-weight: 600; }
.fix { background: var(--ok-bg); border-radius: 6px; padding: .35rem .6rem; margin: .35rem 0 .1rem; }
.more { color: var(--muted); font-style: italic; }
.note { color: var(--muted); font-size: .92rem; }
.calm { color: var(--ok); font-weight: 600; }
.incident { border: 1px solid #e8b4b0; background: var(--high-bg); border-radius: 8px; padding: .8rem 1rem;
  margin: .8rem 0; break-inside: avoid; }
.incident h3 { margin-top: 0; }
.incident ol, .incident ul { margin: .3rem 0 .3rem 1.2rem; padding: 0; }
.incident li { margin: .2rem 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .88rem;
  color: var(--muted); }
.barcell { width: 40%; }
.bar { display: block; height: .8rem; min-width: 2px; background: #3d6fb6; border-radius: 2px; margin-top: .35rem; }
.chart-wrap { overflow-x: auto; margin: .5rem 0; }
.chart-wrap svg { display: block; width: 100%; min-width: 34rem; height: auto; }
ul.legend { list-style: none; padding: 0; margin: .25rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem;
  font-size: .9rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px;
  vertical-align: -.1rem; margin-right: .35rem; }
.profile { border: 1px solid var(--line); border-radius: 10px; padding: .9rem 1rem; margin: .8rem 0;
  break-inside: avoid; }
.profile .name { font-size: 1.15rem; font-weight: 700; }
.profile .handle { color: var(--muted); }
.profile .bio { white-space: pre-wrap; overflow-wrap: anywhere; margin: .5rem 0; }
.profile dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .4rem 0 0; }
.profile dt { color: var(--muted); }
.profile dd { margin: 0; overflow-wrap: anywhere; }
ul.samples { list-style: none; padding: 0; margin: 0; }
ul.samples li { border-top: 1px solid var(--line); padding: .6rem 0; }
ul.samples .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0 0; }
ul.plain { margin: .3rem 0; padding-left: 1.3rem; }
ul.plain li { margin: .2rem 0; overflow-wrap: anywhere; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: #0b4fa8; }
footer { color: var(--muted); font-size: .85rem; padding: .5rem 0 2rem; }
@media (max-width: 40rem) {
  .page { padding: .5rem; }
  section { padding: .9rem .8rem; border-radius: 8px; }
  h1 { font-size: 1.35rem; }
  .headline { font-size: 1.15rem; }
  .barcell { width: 30%; }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section { border: 0; border-top: 2px solid #000; border-radius: 0; padding: .6rem 0; margin: .8rem 0; }
  h2 { break-after: avoid; }
  .card, .incident, .profile, tr { break-inside: avoid; }
  .chart-wrap { overflow: visible; }
  .chart-wrap svg { min-width: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: #444; overflow-wrap: anywhere; }
}
"""


# --- small helpers ------------------------------------------------------------------------------
def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _platform(name: str) -> str:
    return PLATFORM_NAMES.get(name.lower(), name.replace("_", " ").title() or "Unknown platform")


def _parse_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _date(value: str | None) -> str:
    """'2023-04-29T18:02:11Z' -> '29 Apr 2023'; anything unparseable is shown as it is."""
    parsed = _parse_date(value)
    if parsed is None:
        return value or "date unknown"
    return f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}"


def _datetime(value: str | None) -> str:
    parsed = _parse_date(value)
    if parsed is None:
        return value or "time unknown"
    parsed = parsed.astimezone(dt.UTC)
    return f"{parsed.day} {MONTHS[parsed.month - 1]} {parsed.year}, {parsed.hour:02d}:{parsed.minute:02d} UTC"


def _month_name(key: str) -> str:
    m = _MONTH_KEY.match(key)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return key
    return f"{MONTH_NAMES[int(m.group(2)) - 1]} {m.group(1)}"


def _plain(line: str) -> str:
    """'x: your location is shown' -> 'X (Twitter): your location is shown'."""
    head, sep, rest = line.partition(": ")
    if sep and head.lower() in PLATFORM_NAMES:
        return f"{_platform(head)}: {rest}"
    return line


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links to the posts themselves; never javascript:, data: or the like."""
    if not url:
        return None
    url = url.strip()
    return url if re.match(r"^https?://[^\s\"'<>]+$", url, re.IGNORECASE) else None


def _link(url: str | None, context: str = "") -> str:
    """'Open the post', linking to the post itself; ``context`` tells screen readers which one."""
    safe = _safe_url(url)
    if safe is None:
        return ""
    aria = f' aria-label="Open the post{_e(" of " + context) if context else ""}"'
    return f'<a href="{_e(safe)}" target="_blank" rel="noopener noreferrer nofollow"{aria}>Open the post</a>'


def _badge(severity: str) -> str:
    sev = severity if severity in SEVERITY_LABEL else "info"
    return f'<span class="badge {sev}">{_e(SEVERITY_LABEL[sev])}</span>'


def _rank(severity: str) -> int:
    return SEVERITY_RANK.get(severity, 0)


def _section(ident: str, title: str, body: str) -> str:
    return f'<section id="{ident}" aria-labelledby="{ident}-h">\n<h2 id="{ident}-h">{_e(title)}</h2>\n{body}\n</section>'


# --- highlighting -------------------------------------------------------------------------------
def _find(text: str, excerpt: str) -> tuple[int, int] | None:
    if not excerpt.strip():
        return None
    for pattern, flags in (
        (re.escape(excerpt), 0),
        (re.escape(excerpt), re.IGNORECASE),
        (r"\s+".join(re.escape(w) for w in excerpt.split()), re.IGNORECASE),
    ):
        m = re.search(pattern, text, flags)
        if m and m.end() > m.start():
            return m.start(), m.end()
    return None


def _spans(text: str, marks: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, severity) spans of the flagged words; overlaps merge to the worst."""
    found = []
    for excerpt, severity in marks:
        where = _find(text, excerpt)
        if where:
            found.append((where[0], where[1], severity))
    found.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, severity in found:
        if merged and start < merged[-1][1]:
            last_start, last_end, last_sev = merged[-1]
            worst = severity if _rank(severity) > _rank(last_sev) else last_sev
            merged[-1] = (last_start, max(end, last_end), worst)
        else:
            merged.append((start, end, severity))
    return merged


def highlight(text: str, marks: Iterable[tuple[str, str]], limit: int = MAX_POST_CHARS) -> str:
    """The text, escaped, with each (excerpt, severity) wrapped in ``<mark>``; long text is cut
    around the first highlighted words."""
    spans = _spans(text, marks)
    lo, hi = 0, len(text)
    if len(text) > limit:
        first = spans[0][0] if spans else 0
        lo = max(0, min(first - limit // 4, len(text) - limit))
        hi = lo + limit
    out = ["…" if lo > 0 else ""]
    pos = lo
    for start, end, severity in spans:
        start, end = max(start, lo), min(end, hi)
        if start >= end or start < pos:
            continue
        out.append(_e(text[pos:start]))
        sev = severity if severity in SEVERITY_LABEL else "info"
        out.append(f'<mark class="{sev}">{_e(text[start:end])}</mark>')
        pos = end
    out.append(_e(text[pos:hi]))
    if hi < len(text):
        out.append("…")
    return "".join(out)


# --- findings cards -----------------------------------------------------------------------------
def _group(findings: Sequence[AuditFinding]) -> list[list[AuditFinding]]:
    """Findings grouped per post, in the order of each post's most serious finding."""
    groups: dict[tuple[str, str], list[AuditFinding]] = {}
    for f in findings:
        groups.setdefault((f.platform, f.post_id), []).append(f)
    return list(groups.values())


def _source_label(source: str) -> str:
    if source.startswith("image:"):
        return f"in the photo {source.removeprefix('image:')}"
    if source == "bio":
        return "in your profile"
    return ""


def _how(f: AuditFinding) -> str:
    """How the finding was made, from its explanation: the model's probability or the detector."""
    probability = f.explanation.get("probability")
    if isinstance(probability, int | float):
        return f"the trained model reads it so, probability {probability:.2f}"
    return f"found by the {f.detector.replace('_', ' ')} check" if f.detector else ""


def _message(message: str, title: str) -> str:
    """The finding's message without a leading repeat of the rule title shown just above it."""
    for prefix in (f"{title}: ", f"{title}. "):
        if title and message.lower().startswith(prefix.lower()) and len(message) > len(prefix):
            rest = message[len(prefix) :]
            return rest[0].upper() + rest[1:]
    return message


def _card(findings: list[AuditFinding], titles: dict[str, str]) -> str:
    findings = sorted(findings, key=lambda f: (-_rank(f.severity), -f.score))
    head = findings[0]
    worst = head.severity if head.severity in SEVERITY_LABEL else "info"
    meta = [_platform(head.platform), KIND_NAMES.get(head.kind, head.kind.title())]
    if head.date or head.kind != "bio":
        meta.insert(0, _date(head.date))
    if head.visibility and head.visibility != "public":
        meta.append(f"visible to: {head.visibility}")
    parts = [f'<article class="card {worst}" data-post-id="{_e(head.post_id)}">', '<div class="card-head">']
    parts.append(_badge(worst))
    parts.append(f'<span class="meta">{" · ".join(_e(m) for m in meta)}</span>')
    if head.deleted:
        parts.append('<span class="badge plain">Already deleted</span>')
    link = _link(head.url, f"{meta[0]} on {_platform(head.platform)}")
    if link:
        parts.append(f'<span class="meta">{link}</span>')
    parts.append("</div>")
    text = head.text
    if text.strip():
        marks = [(f.excerpt, f.severity) for f in findings if f.excerpt and f.source in ("text", "bio")]
        parts.append(f'<div class="post">{highlight(text, marks)}</div>')
    if head.deleted:
        parts.append(
            '<p class="note">You have already deleted this post, but it is still in your archive: copies or '
            "screenshots may exist. If it could lead to a complaint, keep a record and consider telling BABCP.</p>"
        )
    parts.append('<ul class="findings">')
    seen: set[tuple[str, str, str | None]] = set()
    for f in findings:
        key = (f.rule, f.message, f.excerpt)
        if key in seen:
            continue
        seen.add(key)
        title = titles.get(f.rule) or f.slug.replace("-", " ").capitalize()
        where = _source_label(f.source)
        words = ""
        if f.excerpt and f.source not in ("text", "bio"):
            words = f' <span class="meta">(“{_e(f.excerpt)}”)</span>'
        parts.append(
            "<li>"
            f'{_badge(f.severity)} <span class="rule"><span class="code">{_e(f.rule)}</span> {_e(title)}</span>'
            + (f' <span class="meta">{_e(where)}</span>' if where else "")
            + f"<p>{_e(_message(f.message, title))}{words}"
            + (f' <span class="meta">({_e(_how(f))})</span>' if _how(f) else "")
            + "</p>"
            + (f'<p class="fix"><strong>What to do:</strong> {_e(f.suggestion)}</p>' if f.suggestion else "")
            + "</li>"
        )
    parts.append("</ul></article>")
    return "\n".join(parts)


# --- sections -----------------------------------------------------------------------------------
def _to_fix(result: AuditResult) -> tuple[int, int]:
    """(posts to delete or edit, of which high risk), from the verdict counts when known."""
    verdicts = result.summary.get("verdicts")
    posts = _group(result.priority)
    if isinstance(verdicts, dict) and ("block" in verdicts or "review" in verdicts):
        block, review = _int(verdicts.get("block")), _int(verdicts.get("review"))
        return max(block + review, len(posts)), block
    high = sum(1 for group in posts if any(f.severity == "high" for f in group))
    return len(posts), high


def _months(result: AuditResult) -> list[str]:
    return sorted(k for k in result.timeline if _MONTH_KEY.match(k))


def _posts(result: AuditResult) -> int:
    if "posts" in result.summary:
        return _int(result.summary["posts"])
    return sum(_int(c.get("posts")) for c in result.timeline.values())


def _headline(result: AuditResult) -> tuple[str, bool]:
    to_fix, _high = _to_fix(result)
    bio = sum(1 for f in result.profile_findings if f.severity in ("high", "warning"))
    incidents = len(result.incidents)
    parts = []
    if result.summary.get("incomplete"):
        parts.append("Incomplete audit: far fewer posts were read than the export holds")
    if to_fix:
        parts.append(f"{_plural(to_fix, 'post')} to delete or edit")
    if incidents:
        parts.append(_plural(incidents, "suspected account takeover"))
    if bio:
        parts.append(f"{_plural(bio, 'thing')} to change in your profile")
    if not parts:
        if not _posts(result):
            return "No posts found to check in this export", False
        return "Nothing to delete or edit: no post breaks the policy", False
    return ", ".join(parts), True


def _summary(result: AuditResult) -> str:
    s = result.summary
    headline, bad = _headline(result)
    to_fix, high = _to_fix(result)
    posts = _posts(result)
    months = _months(result)
    if months:
        first, last = _month_name(months[0]), _month_name(months[-1])
        span = first if first == last else f"{first} to {last}"
    else:
        span = "no dates in the export"
    platforms = [str(p) for p in s.get("platforms") or []] or [p.platform for p in result.profiles]
    names = list(dict.fromkeys(_platform(p) for p in platforms)) or ["none found"]
    severity = s.get("by_severity") if isinstance(s.get("by_severity"), dict) else {}
    tone = "bad" if bad else "good" if posts else "neutral"
    body = [f'<p class="headline {tone}">{_e(headline)}</p>']
    if to_fix:
        review = to_fix - high
        detail = []
        if high:
            detail.append(f"{_plural(high, 'post')} {'breaks' if high == 1 else 'break'} the BABCP guidance")
        if review:
            detail.append(f"{_plural(review, 'post')} {'needs' if review == 1 else 'need'} a second look")
        body.append(
            f'<p>{_e("; ".join(detail))}. Start with <a href="#priority">Delete or edit first</a>.</p>'
        )
    elif not posts:
        body.append(
            "<p>The export held none of your own posts with text to check. See "
            '<a href="#warnings">what could not be checked</a>.</p>'
        )
    else:
        body.append(
            "<p>postguard found nothing in your posts that breaks the BABCP guidance. It is still worth "
            'reading <a href="#client-view">your profile as a client would see it</a>.</p>'
        )
    if result.incidents:
        body.append(
            "<p><strong>Some posts look as if someone else wrote them.</strong> See "
            '<a href="#takeover">signs your account may have been taken over</a>.</p>'
        )
    facts = [
        ("Posts checked", f"{posts:,}"),
        ("Dates", span),
        ("Platforms", ", ".join(names)),
    ]
    if severity:
        counts = ", ".join(
            f"{_int(severity.get(k)):,} {COUNT_LABEL[k]}"
            for k in ("high", "warning", "info")
            if severity.get(k)
        )
        facts.append(("Findings", counts or "none"))
    else:
        facts.append(("Findings", f"{sum(result.by_rule.values()):,}"))
    body.append('<dl class="facts">')
    body.extend(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in facts)
    body.append("</dl>")
    return _section("summary", "Summary", "\n".join(body))


def _priority(result: AuditResult) -> str:
    groups = _group(result.priority)
    to_fix, _ = _to_fix(result)
    if not groups:
        calm = (
            '<p class="note">No post was read, so none could be checked: this is not a clean result.</p>'
            if result.summary.get("read_nothing")
            else '<p class="calm">Nothing to delete or edit. No post was flagged as high risk or for review.</p>'
        )
        return _section("priority", "Delete or edit first", calm)
    shown = groups[:MAX_CARDS]
    body = [
        '<p class="note">Most serious first. The flagged words are highlighted; each finding names the rule of the '
        "BABCP guidance it concerns and what to do about it.</p>"
    ]
    body.extend(_card(group, result.rule_titles) for group in shown)
    rest = max(to_fix, len(groups)) - len(shown)
    if rest > 0:
        body.append(
            f'<p class="more">…and {_plural(rest, "more post")} to review, listed in findings.jsonl next to this report.</p>'
        )
    return _section("priority", "Delete or edit first", "\n".join(body))


def _post_index(result: AuditResult) -> dict[str, tuple[str | None, str | None, str]]:
    index: dict[str, tuple[str | None, str | None, str]] = {}
    for s in [*result.recent_public, *(p for incident in result.incidents for p in incident.posts)]:
        index[s.id] = (s.url, s.date, s.text)
    for f in result.priority:
        index[f.post_id] = (f.url, f.date, f.text)
    return index


def _incident(
    n: int, incident: TakeoverIncident, index: dict[str, tuple[str | None, str | None, str]]
) -> str:
    start, end = _datetime(incident.start), _datetime(incident.end)
    window = start if start == end else f"{start} to {end}"
    strength = "Strong signs" if incident.score >= 0.7 else "Some signs"
    parts = [
        '<div class="incident">',
        f"<h3>Suspected takeover {n}: {_e(window)}</h3>",
        f'<p><span class="badge high">{_e(strength)}</span> {_plural(len(incident.post_ids), "post")} in this window.</p>',
        "<p><strong>Why these posts look unlike you:</strong></p>",
        '<ul class="plain">',
    ]
    parts.extend(f"<li>{_e(r)}</li>" for r in incident.reasons)
    parts.append('</ul><p><strong>The posts:</strong></p><ul class="plain">')
    for post_id in incident.post_ids[:MAX_LIST]:
        url, date, text = index.get(post_id, (None, None, ""))
        bits = [f'<span class="code">{_e(post_id)}</span>']
        if date:
            bits.append(_e(_date(date)))
        if text:
            snippet = text if len(text) <= 160 else text[:157] + "…"
            bits.append(f"“{_e(snippet)}”")
        link = _link(url, _date(date) if date else post_id)
        if link:
            bits.append(link)
        parts.append(f"<li>{' '.join(bits)}</li>")
    if len(incident.post_ids) > MAX_LIST:
        parts.append(f'<li class="more">…and {_plural(len(incident.post_ids) - MAX_LIST, "more post")}</li>')
    parts.append("</ul><p><strong>What to do now:</strong></p><ol>")
    parts.extend(f"<li>{_e(step)}</li>" for step in incident.steps)
    parts.append("</ol></div>")
    return "\n".join(parts)


def _takeover(result: AuditResult) -> str:
    title = "Signs your account may have been taken over"
    if not result.incidents:
        calm = (
            '<p class="calm">No signs of a takeover. No run of harmful posts from an unfamiliar app, at unusual hours '
            "or in another language was found.</p>"
            '<p class="note">Keep it that way: a unique strong password and multi-factor authentication on every '
            "account.</p>"
        )
        return _section("takeover", title, calm)
    index = _post_index(result)
    body = [
        "<p>The BABCP guidance notes that members often do not know their account was hacked and used to post "
        "offensive content. These posts differ from how you normally post. If you did not write them, act now.</p>"
    ]
    body.extend(_incident(n, incident, index) for n, incident in enumerate(result.incidents, 1))
    return _section("takeover", title, "\n".join(body))


def _rules(result: AuditResult) -> str:
    counts = [(code, n) for code, n in result.by_rule.items() if n > 0]
    if not counts:
        return _section("rules", "Findings by rule", '<p class="calm">No findings under any rule.</p>')
    counts.sort(key=lambda item: (-item[1], item[0]))
    top = max(n for _, n in counts)
    rows = []
    for code, n in counts:
        title = result.rule_titles.get(code, "")
        width = max(1.0, 100.0 * n / top)
        rows.append(
            f'<tr><td><span class="code">{_e(code)}</span> {_e(title)}</td>'
            f'<td class="num">{n:,}</td>'
            f'<td class="barcell" aria-hidden="true"><span class="bar" style="width:{width:.1f}%"></span></td></tr>'
        )
    body = (
        '<table><thead><tr><th scope="col">Rule of the BABCP guidance</th><th scope="col" class="num">Findings</th>'
        '<th scope="col" class="barcell"><span class="note">Share</span></th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )
    return _section("rules", "Findings by rule", body)


# --- timeline chart -----------------------------------------------------------------------------
def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last, gaps included."""
    y0, m0 = (int(x) for x in months[0].split("-"))
    y1, m1 = (int(x) for x in months[-1].split("-"))
    out: list[str] = []
    y, m = y0, m0
    while (y, m) <= (y1, m1) and len(out) < 1200:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _nice_max(value: int) -> int:
    if value <= 5:
        return max(1, value)
    magnitude = 10 ** (len(str(value)) - 1)
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        top = int(step * magnitude)
        if top >= value:
            return top
    return value


def timeline_svg(timeline: dict[str, dict[str, int]]) -> str:
    """Posts per month (top band) and findings per month stacked by severity (bottom band)."""
    months = sorted(k for k in timeline if _MONTH_KEY.match(k))
    if not months:
        return ""
    slots = _month_range(months)
    n = len(slots)
    data = {k: timeline.get(k, {}) for k in slots}
    posts = {k: _int(v.get("posts")) for k, v in data.items()}
    sev = {k: {s: _int(v.get(s)) for s in ("high", "warning", "info")} for k, v in data.items()}
    total_posts = sum(posts.values())
    totals = {s: sum(v[s] for v in sev.values()) for s in ("high", "warning", "info")}
    p_max = _nice_max(max(posts.values()))
    f_max = _nice_max(max(sum(v.values()) for v in sev.values()))

    width, left, right = 860, 56, 34
    top_y, band1, gap, band2, axis = 26, 150, 40, 100, 44
    height = top_y + band1 + gap + band2 + axis
    plot = width - left - right
    step = min(plot / n, 48.0)
    x0 = left + (plot - step * n) / 2
    bar = max(1.0, step * 0.78) if step >= 3 else step
    pad = (step - bar) / 2
    base1 = top_y + band1
    top2 = base1 + gap
    base2 = top2 + band2

    first, last = _month_name(slots[0]), _month_name(slots[-1])
    label = (
        f"Bar chart of posts per month, {first}"
        + (f" to {last}" if n > 1 else "")
        + f": {total_posts:,} posts in all. "
        f"Below it, findings per month: {totals['high']:,} high risk, {totals['warning']:,} needing review, "
        f"{totals['info']:,} for information."
    )
    out = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{_e(label)}" font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" '
        'font-size="12">',
        f"<title>{_e(label)}</title>",
        f'<text x="{left}" y="{top_y - 10}" font-weight="600" fill="#1b1f24">Posts per month</text>',
        f'<text x="{left}" y="{top2 - 10}" font-weight="600" fill="#1b1f24">Findings per month</text>',
    ]
    for base, size, top_value in ((base1, band1, p_max), (base2, band2, f_max)):
        for frac in (0.0, 0.5, 1.0) if top_value % 2 == 0 else (0.0, 1.0):
            y = base - size * frac
            text = f"{round(top_value * frac):,}"
            out.append(
                f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
                f'stroke="{"#6b7685" if frac == 0 else "#e3e7ec"}" stroke-width="1"/>'
            )
            out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#4a5361">{text}</text>')

    for i, key in enumerate(slots):
        x = x0 + i * step + pad
        parts = sev[key]
        tip = f"{_month_name(key)}: {_plural(posts[key], 'post')}"
        if any(parts.values()):
            tip += "; findings: " + ", ".join(
                f"{parts[s]} {SEVERITY_LABEL[s].lower()}" for s in ("high", "warning", "info") if parts[s]
            )
        out.append(f'<g class="month" data-month="{key}"><title>{_e(tip)}</title>')
        if posts[key]:
            h = max(1.5, band1 * posts[key] / p_max)
            out.append(
                f'<rect class="posts" x="{x:.2f}" y="{base1 - h:.2f}" width="{bar:.2f}" height="{h:.2f}" '
                f'fill="{COLOURS["posts"]}"/>'
            )
        y = float(base2)
        for s in ("high", "warning", "info"):
            if parts[s]:
                h = max(1.5, band2 * parts[s] / f_max)
                y -= h
                out.append(
                    f'<rect class="{s}" x="{x:.2f}" y="{y:.2f}" width="{bar:.2f}" height="{h:.2f}" '
                    f'fill="{COLOURS[s]}" stroke="#ffffff" stroke-width="{0.5 if bar > 3 else 0}"/>'
                )
        out.append("</g>")

    out.extend(_axis_labels(slots, x0, step, base2))
    out.append("</svg>")
    return "\n".join(out)


def _axis_labels(slots: list[str], x0: float, step: float, base: float) -> list[str]:
    n = len(slots)
    labels: list[str] = []
    tick_y = base + 4
    if n <= 24:
        every = 1 if n <= 12 else 3
        for i, key in enumerate(slots):
            year, month = int(key[:4]), int(key[5:])
            if i % every and month != 1:
                continue
            cx = x0 + (i + 0.5) * step
            labels.append(
                f'<text x="{cx:.1f}" y="{tick_y + 14:.1f}" text-anchor="middle" fill="#4a5361">{MONTHS[month - 1]}</text>'
            )
            if i == 0 or month == 1:
                labels.append(
                    f'<text x="{cx:.1f}" y="{tick_y + 30:.1f}" text-anchor="middle" font-weight="600" '
                    f'fill="#1b1f24">{year}</text>'
                )
        return labels
    years = n / 12
    every_year = 1 if years <= 14 else 2 if years <= 28 else 5
    for i, key in enumerate(slots):
        year, month = int(key[:4]), int(key[5:])
        if month != 1 or year % every_year:
            continue
        x = x0 + i * step
        labels.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{base:.1f}" y2="{tick_y + 2:.1f}" stroke="#6b7685"/>'
        )
        labels.append(
            f'<text x="{x + 3:.1f}" y="{tick_y + 16:.1f}" fill="#1b1f24" font-weight="600">{year}</text>'
        )
    if int(slots[0][5:]) != 1:
        # the first, partial year, labelled at its start when there is room before the next January
        first_jan = next((i for i, k in enumerate(slots) if k.endswith("-01")), n)
        if first_jan * step > 40:
            labels.append(
                f'<text x="{x0 + 3:.1f}" y="{tick_y + 16:.1f}" fill="#4a5361">{slots[0][:4]}</text>'
            )
    return labels


def _legend() -> str:
    items = [
        ("posts", "Posts"),
        ("high", "High risk findings"),
        ("warning", "Findings to review"),
        ("info", "For information"),
    ]
    return (
        '<ul class="legend">'
        + "".join(
            f'<li><span class="swatch" style="background:{COLOURS[key]}"></span>{_e(text)}</li>'
            for key, text in items
        )
        + "</ul>"
    )


def _timeline(result: AuditResult) -> str:
    months = _months(result)
    unknown = sum(_int(v.get("posts")) for k, v in result.timeline.items() if not _MONTH_KEY.match(k))
    if not months:
        empty = "<p>No dated posts in the export, so there is nothing to chart.</p>"
        if unknown:
            empty += f'<p class="note">{_plural(unknown, "post")} had no date.</p>'
        return _section("timeline", "Over time", empty)
    body = [
        '<p class="note">How much you posted each month, and when the findings happened. A sudden cluster of red '
        "can mean a difficult period, or a takeover.</p>",
        _legend(),
        f'<div class="chart-wrap">{timeline_svg(result.timeline)}</div>',
    ]
    if unknown:
        body.append(f'<p class="note">{_plural(unknown, "post")} had no date and are not in the chart.</p>')
    flagged = [
        (k, result.timeline[k])
        for k in months
        if any(_int(result.timeline[k].get(s)) for s in ("high", "warning", "info"))
    ]
    if flagged:
        rows = "".join(
            f'<tr><td>{_e(_month_name(k))}</td><td class="num">{_int(v.get("posts")):,}</td>'
            + "".join(f'<td class="num">{_int(v.get(s)):,}</td>' for s in ("high", "warning", "info"))
            + "</tr>"
            for k, v in flagged[-MAX_LIST:]
        )
        body.append(
            f"<details><summary>The chart as a table: {_plural(len(flagged), 'month')} with findings</summary>"
            '<table><thead><tr><th scope="col">Month</th><th scope="col" class="num">Posts</th>'
            '<th scope="col" class="num">High risk</th><th scope="col" class="num">Review</th>'
            f'<th scope="col" class="num">Information</th></tr></thead><tbody>{rows}</tbody></table></details>'
        )
    return _section("timeline", "Over time", "\n".join(body))


# --- the profile as a client sees it -------------------------------------------------------------
def _profile(profile: AccountProfile) -> str:
    parts = ['<div class="profile">', f'<p class="meta">{_e(_platform(profile.platform))}</p>']
    if profile.name:
        parts.append(f'<div class="name">{_e(profile.name)}</div>')
    if profile.handle:
        handle = profile.handle if profile.handle.startswith(("@", "did:")) else f"@{profile.handle}"
        parts.append(f'<div class="handle">{_e(handle)}</div>')
    if profile.bio:
        parts.append(f'<p class="bio">{_e(profile.bio)}</p>')
    facts = [("Location", profile.location), ("Website", profile.website)]
    rows = [(k, v) for k, v in facts if v]
    if rows:
        parts.append("<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows) + "</dl>")
    parts.append("</div>")
    return "\n".join(parts)


def _sample(sample: PostSample) -> str:
    cls, word = VERDICT_LABEL.get(sample.verdict, ("plain", sample.verdict))
    meta = [_date(sample.date), KIND_NAMES.get(sample.kind, sample.kind.title())]
    text = sample.text if len(sample.text) <= 600 else sample.text[:597] + "…"
    link = _link(sample.url, _date(sample.date))
    return (
        f'<li class="sample"><span class="badge {cls}">{_e(word)}</span> <span class="meta">{" · ".join(_e(m) for m in meta)}</span>'
        + (f' <span class="meta">{link}</span>' if link else "")
        + f'<p class="text">{_e(text)}</p></li>'
    )


def _client_view(result: AuditResult) -> str:
    body = [
        "<p>The BABCP guidance suggests reviewing your posts, photos and biography “from the perspective of a client "
        "or potential client”. This is roughly what someone searching for you would find.</p>"
    ]
    shown = [p for p in result.profiles if p.name or p.handle or p.bio or p.location or p.website]
    if shown:
        body.extend(_profile(p) for p in shown)
    else:
        body.append('<p class="note">The export held no profile (name, bio, location or website).</p>')
    bio = list(result.profile_findings)
    body.append("<h3>Findings on your profile</h3>")
    if bio:
        body.extend(_card(group, result.rule_titles) for group in _group(bio))
    else:
        body.append('<p class="calm">Nothing in your name, bio, location or website breaks the guidance.</p>')
    body.append("<h3>Personal details a client can see</h3>")
    if result.exposed_details:
        body.append(
            '<ul class="plain">'
            + "".join(f"<li>{_e(_plain(d))}</li>" for d in result.exposed_details[:MAX_LIST])
        )
        if len(result.exposed_details) > MAX_LIST:
            body.append(f'<li class="more">…and {len(result.exposed_details) - MAX_LIST:,} more</li>')
        body.append("</ul>")
    else:
        body.append('<p class="calm">No personal details (home location, phone, personal email) found.</p>')
    body.append("<h3>Your most recent public posts</h3>")
    if result.recent_public:
        body.append('<ul class="samples">' + "".join(_sample(s) for s in result.recent_public) + "</ul>")
    else:
        body.append('<p class="note">No public posts in the export.</p>')
    return _section("client-view", "Your profile as a client would see it", "\n".join(body))


def _mixing(result: AuditResult) -> str:
    if result.mixing_signals:
        body = (
            "<p>The BABCP guidance advises separate accounts for personal and professional use: clients who find "
            "you online build a picture of you as a therapist from everything they see.</p>"
            '<ul class="plain">'
            + "".join(f"<li>{_e(_plain(s))}</li>" for s in result.mixing_signals)
            + "</ul>"
        )
    else:
        body = '<p class="calm">No signs of mixing personal and professional presence were found.</p>'
    return _section("mixing", "Personal and professional", body)


def _count(n: int, one: str, many: str, verb_one: str, verb_many: str) -> str:
    """'1 photo was', '3 photos were': a count with its noun and verb agreeing."""
    return f"{n:,} {one if n == 1 else many} {verb_one if n == 1 else verb_many}"


def _warnings(result: AuditResult) -> str:
    s = result.summary
    media: dict[str, Any] = dict(
        result.media or (s.get("media") if isinstance(s.get("media"), dict) else {}) or {}
    )
    lines = []
    if media:
        checked = _int(media.get("checked"))
        lines.append(
            f"{_count(checked, 'photo', 'photos', 'was', 'were')} checked for location and other hidden details."
        )
    if n := _int(media.get("with_location")):
        lines.append(
            f"{_count(n, 'photo', 'photos', 'carries', 'carry')} the GPS position where it was taken."
        )
    if n := _int(media.get("unreadable")):
        lines.append(f"{_count(n, 'photo', 'photos', 'was', 'were')} unreadable, so not checked.")
    if n := _int(media.get("missing")):
        lines.append(
            f"{_count(n, 'photo', 'photos', 'was', 'were')} named in your posts but missing from the export."
        )
    if n := _int(s.get("reposts_skipped")):
        lines.append(
            f"{_count(n, 'repost', 'reposts', 'was', 'were')} of other people's words, so not checked."
        )
    if n := _int(s.get("without_text")):
        lines.append(f"{_count(n, 'post', 'posts', 'has', 'have')} no text, so only any photos were checked.")
    if n := _int(s.get("deleted_checked")):
        lines.append(
            f"{_count(n, 'deleted post', 'deleted posts', 'is', 'are')} still in your archive and checked too."
        )
    body = ["<h3>Reading the export</h3>"]
    if result.warnings:
        body.append("<p>Some parts of the export could not be read; the rest was checked:</p>")
        body.append('<ul class="plain">' + "".join(f"<li>{_e(w)}</li>" for w in result.warnings[:MAX_LIST]))
        if len(result.warnings) > MAX_LIST:
            body.append(f'<li class="more">…and {len(result.warnings) - MAX_LIST:,} more</li>')
        body.append("</ul>")
    else:
        body.append('<p class="calm">Every file in the export could be read.</p>')
    if lines:
        body.append("<h3>Photos and posts</h3>")
        body.append('<ul class="plain">' + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>")
    body.append(
        '<p class="note">postguard checks English. Posts in other languages are reported as not checked, never '
        "passed as clean.</p>"
    )
    return _section("warnings", "What could not be checked", "\n".join(body))


# --- the page -----------------------------------------------------------------------------------
SECTIONS = (
    ("summary", "Summary"),
    ("priority", "Delete or edit first"),
    ("takeover", "Account takeover"),
    ("rules", "By rule"),
    ("timeline", "Over time"),
    ("client-view", "As a client sees you"),
    ("mixing", "Personal and professional"),
    ("warnings", "Not checked"),
)


def _title(result: AuditResult) -> str:
    who = next((p.name or p.handle for p in result.profiles if p.name or p.handle), "")
    return "Social media audit" + (f": {who}" if who else "")


def render_report(result: AuditResult) -> str:
    """The whole report as one self-contained HTML page."""
    title = _title(result)
    policy = result.summary.get("policy") if isinstance(result.summary.get("policy"), dict) else {}
    policy_line = "BABCP guidance on the use of social media"
    if policy and policy.get("version"):
        policy_line += f" (postguard rules {policy.get('id', 'babcp')} {policy['version']})"
    nav = "".join(f'<li><a href="#{ident}">{_e(label)}</a></li>' for ident, label in SECTIONS)
    sections = [
        _summary(result),
        _priority(result),
        _takeover(result),
        _rules(result),
        _timeline(result),
        _client_view(result),
        _mixing(result),
        _warnings(result),
    ]
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        '<div class="page">\n<header class="top">\n'
        f"<h1>{_e(title)}</h1>\n"
        f'<p class="sub">Checked against the {_e(policy_line)}. Made on your computer by postguard: nothing was '
        "sent anywhere.</p>\n"
        f'<nav class="toc" aria-label="Sections"><ol>{nav}</ol></nav>\n</header>\n<main>\n'
        + "\n".join(sections)
        + "\n</main>\n"
        "<footer><p>postguard flags what a careful reader of the BABCP guidance might question; it can be wrong "
        "both ways. Your own judgement, and your supervisor's, come first.</p></footer>\n"
        "</div>\n</body>\n</html>\n"
    )
