"""Render reports for people: the post with the offending words highlighted, findings grouped
by severity, each with the policy clause and a concrete fix. Written for busy clinicians, not
programmers: plain words, no codes without their names.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from postguard.model import Finding, Report, Severity, Verdict
from postguard.policy import Pack

SEVERITY_STYLE = {Severity.HIGH: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}
SEVERITY_HEADING = {
    Severity.HIGH: "Must fix before posting",
    Severity.WARNING: "Worth a second look",
    Severity.INFO: "For your information",
}
VERDICT_LINE = {
    Verdict.BLOCK: ("bold white on red", "DON'T POST", "this post breaks the policy"),
    Verdict.REVIEW: ("bold black on yellow", "REVIEW", "look again before posting"),
    Verdict.PASS: ("bold white on green", "OK TO POST", "nothing in the policy stands in the way"),
}


def highlighted(text: str, findings: list[Finding]) -> Text:
    """The post with each finding's words underlined in its severity's colour."""
    out = Text(text)
    for finding in sorted(findings, key=lambda f: f.severity):
        if finding.start is not None and finding.end is not None and finding.source == "text":
            out.stylize(f"{SEVERITY_STYLE[finding.severity]} underline", finding.start, finding.end)
    return out


def report_view(report: Report, text: str) -> Group:
    style, word, why = VERDICT_LINE[report.verdict]
    parts: list[Text | Panel] = [Text.assemble((f" {word} ", style), f"  {why}")]
    unchecked = [note for note in report.notes if note.startswith("not checked")]
    for note in unchecked:  # said first: the text rules did not read this post
        parts.append(Text(note[0].upper() + note[1:], style="bold yellow"))
    if text and report.checked:
        parts.append(Panel(highlighted(text, report.findings), title="Your post", title_align="left"))
    for severity in (Severity.HIGH, Severity.WARNING, Severity.INFO):
        group = [f for f in report.findings if f.severity is severity]
        if not group:
            continue
        parts.append(Text(SEVERITY_HEADING[severity], style=SEVERITY_STYLE[severity]))
        for finding in group:
            parts.append(finding_view(finding))
    for note in report.notes:
        if note in unchecked:
            continue
        parts.append(Text(f"Note: {note}", style="yellow"))
    return Group(*parts)


def finding_view(finding: Finding) -> Text:
    where = f" in {finding.source.removeprefix('image:')}" if finding.source != "text" else ""
    lines = Text.assemble(
        ("  ● ", SEVERITY_STYLE[finding.severity]),
        (f"{finding.rule} {finding.slug}", "bold"),
        f"{where}: {finding.message}\n",
    )
    if finding.excerpt:
        lines.append("    words: ", style="dim")
        lines.append(f"“{finding.excerpt}”\n", style=SEVERITY_STYLE[finding.severity])
    lines.append("    policy: ", style="dim")
    lines.append(f"{finding.clause}\n")
    lines.append("    fix: ", style="dim")
    lines.append(f"{finding.suggestion}\n", style="green")
    return lines


def print_report(console: Console, report: Report, text: str) -> None:
    console.print(report_view(report, text))


def rules_table(pack: Pack) -> Group:
    from rich.table import Table

    table = Table(title=f"{pack.title} ({pack.id} {pack.version})", title_justify="left")
    table.add_column("code", style="bold")
    table.add_column("slug")
    table.add_column("severity")
    table.add_column("what it catches")
    for rule in pack.rules.values():
        severity = Severity.parse(rule.severity)
        table.add_row(rule.code, rule.slug, Text(rule.severity, style=SEVERITY_STYLE[severity]), rule.title)
    return Group(table)
