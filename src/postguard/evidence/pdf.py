"""The PDF report inside an export bundle, worded for its reader: a platform, the police or BABCP.

reportlab is pure Python (no system libraries), so the report renders the same on every machine.
A Unicode TrueType font is embedded (DejaVu when installed, else the Vera font reportlab ships),
so abusive messages are reproduced as written rather than with missing glyphs.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from postguard.evidence.attachments import UnreadableImage, open_image
from postguard.evidence.model import Attachment, Entry, label, parse_stored_time
from postguard.evidence.verify import VerifyResult

AUDIENCES: tuple[str, ...] = ("platform", "police", "complaint")

#: What the policy says about complaints, quoted in the complaint report (BABCP, Online Bullying).
BABCP_COMPLAINT_CLAUSE = (
    "If you are subject to harassment by a member of BABCP, you are entitled to bring a complaint "
    "under our complaints policy. It's a good idea to keep screenshots of any concerning or "
    "abusive posts and a log of when they've happened in case you need to produce this for "
    "evidence during any further action."
)

#: How each kind is usually named in platforms' report forms.
PLATFORM_CATEGORY: dict[str, str] = {
    "harassment": "Harassment or bullying",
    "threat": "Violent threat",
    "stalking": "Harassment (stalking)",
    "doxxing": "Private information shared without consent (doxxing)",
    "image-based-abuse": "Non-consensual intimate or humiliating images",
    "hate-incident": "Hateful conduct",
    "impersonation": "Impersonation",
    "trolling": "Abuse or harassment (trolling)",
    "other": "Abuse",
}

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_MAX_IMAGE_HEIGHT = 11 * cm


@dataclass(frozen=True)
class Incident:
    """An entry as shown in the timeline: its latest correction, and what it replaced."""

    entry: Entry
    original: Entry
    corrected_by: tuple[int, ...]
    #: Per attachment sha256: None when the stored file matches, else "missing"/"changed".
    file_status: dict[str, str | None]
    #: Per attachment sha256 that matches, the bytes written to the bundle (what is drawn).
    contents: dict[str, bytes]
    #: Per attachment of ``entry``, in order: its path inside the bundle, None when left out.
    bundle_paths: tuple[str | None, ...]


@dataclass(frozen=True)
class ReportInfo:
    """Facts about the whole log that the title page and integrity section state."""

    audience: str
    created_at: datetime
    verification: VerifyResult
    entries: int
    #: The bundle's file name, for the commands that check it later.
    bundle_name: str
    #: Of the install's public key that signs the bundle.
    fingerprint: str
    member: str | None = None


@dataclass(frozen=True)
class _Fonts:
    regular: str
    bold: str
    mono: str


def _register_fonts() -> _Fonts:
    """Embed a Unicode font; fall back to reportlab's bundled Vera, then the PDF base fonts."""
    candidates: list[tuple[Path, Path, Path]] = [
        (d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf", d / "DejaVuSansMono.ttf") for d in _FONT_DIRS
    ]
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts"
    candidates.append((vera / "Vera.ttf", vera / "VeraBd.ttf", vera / "Vera.ttf"))
    for regular, bold, mono in candidates:
        if regular.exists() and bold.exists() and mono.exists():
            names = _Fonts("PGSans", "PGSans-Bold", "PGMono")
            if names.regular not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(names.regular, str(regular)))
                pdfmetrics.registerFont(TTFont(names.bold, str(bold)))
                pdfmetrics.registerFont(TTFont(names.mono, str(mono)))
                # Without a family, <b> in a paragraph silently stays regular.
                pdfmetrics.registerFontFamily(
                    names.regular,
                    normal=names.regular,
                    bold=names.bold,
                    italic=names.regular,
                    boldItalic=names.bold,
                )
            return names
    return _Fonts("Helvetica", "Helvetica-Bold", "Courier")


class _Styles:
    """Paragraph styles for the report, built once per export."""

    def __init__(self, fonts: _Fonts) -> None:
        base = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=13.5)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=fonts.bold)
        self.mono = ParagraphStyle("mono", parent=base, fontName=fonts.mono, fontSize=7.5, leading=9.5)
        self.title = ParagraphStyle(
            "title", parent=base, fontName=fonts.bold, fontSize=24, leading=30, alignment=TA_CENTER
        )
        self.subtitle = ParagraphStyle("subtitle", parent=base, fontSize=14, leading=19, alignment=TA_CENTER)
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=15,
            leading=19,
            spaceBefore=6,
            spaceAfter=8,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
        )
        self.quote = ParagraphStyle(
            "quote",
            parent=base,
            fontSize=10.5,
            leading=14,
            leftIndent=8,
            rightIndent=8,
            borderColor=colors.HexColor("#9a9a9a"),
            borderWidth=0.6,
            borderPadding=6,
            backColor=colors.HexColor("#f4f4f4"),
            spaceBefore=6,
            spaceAfter=10,
        )
        self.fonts = fonts


def _p(text: str) -> str:
    """Member- or abuser-written text made safe for reportlab's mini-markup, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def format_utc(value: str) -> str:
    """``2026-11-20T20:14:00Z`` -> ``20 Nov 2026, 20:14:00 UTC``."""
    try:
        moment = parse_stored_time(value)
    except ValueError:
        return value
    return moment.strftime("%d %b %Y, %H:%M:%S UTC")


def format_local(value: str) -> str:
    """``2026-11-20T21:14:00+01:00`` -> ``20 Nov 2026, 21:14:00 (UTC+01:00)``."""
    try:
        moment = parse_stored_time(value)
    except ValueError:
        return value
    offset = moment.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else "+00:00"
    return moment.strftime("%d %b %Y, %H:%M:%S") + f" (UTC{offset})"


def kind_text(entry: Entry) -> str:
    kind = entry.text_field("kind") or "other"
    characteristic = entry.get("characteristic")
    text = label(kind)
    if kind == "hate-incident" and characteristic:
        text += f" ({label(str(characteristic))})"
    return text


def _table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = False) -> Table:
    table = Table(rows, colWidths=list(widths), hAlign="LEFT", repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b0b0b0")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#f0f0f0")))
    table.setStyle(TableStyle(commands))
    return table


def _redrawn(data: bytes, name: str, max_width: float) -> tuple[io.BytesIO, float, float]:
    """The picture decoded, scaled and re-encoded, with its size on the page in points.

    Scaled to fit the page, never enlarged past ~96 dpi, and kept at up to 216 dpi. Decoding
    here, rather than letting reportlab read the file while it builds the PDF, means a damaged
    file costs its picture, never the report: any failure is :class:`UnreadableImage`.
    """
    with open_image(io.BytesIO(data), name) as picture:
        try:
            image_format = picture.format
            scale = min((max_width - 8) / picture.width, _MAX_IMAGE_HEIGHT / picture.height, 0.75)
            width, height = picture.width * scale, picture.height * scale
            picture.thumbnail((max(1, round(width * 3)), max(1, round(height * 3))))
            rgba = picture.convert("RGBA")
            flat = PILImage.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            encoded = io.BytesIO()
            flat.save(encoded, format="JPEG" if image_format == "JPEG" else "PNG", quality=90)
        except Exception as exc:
            raise UnreadableImage(name, f"cannot be drawn ({exc})") from None
    encoded.seek(0)
    return encoded, width, height


def _screenshot(data: bytes, name: str, max_width: float) -> Table:
    """A screenshot in a frame, so a mostly white one is not mistaken for the page itself."""
    encoded, width, height = _redrawn(data, name, max_width)
    framed = Table([[Image(encoded, width=width, height=height)]], hAlign="LEFT")
    framed.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#707070")),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return framed


class _Report:
    """Builds the flowables for one audience."""

    def __init__(self, info: ReportInfo, incidents: Sequence[Incident], entries: Sequence[Entry]):
        self.info = info
        self.incidents = incidents
        self.entries = entries
        self.s = _Styles(_register_fonts())
        self.width = A4[0] - 4 * cm

    # -- title page ---------------------------------------------------------------------------

    def purpose(self) -> tuple[str, str]:
        audience = self.info.audience
        if audience == "platform":
            platforms = sorted({i.entry.text_field("platform") for i in self.incidents})
            return (
                "Report of abusive content",
                f"Evidence for a report to {', '.join(platforms) or 'the platform'}",
            )
        if audience == "police":
            return ("Record of online abuse", "Evidence for the police: a timeline of incidents")
        return (
            "Record of online abuse",
            "Evidence for a complaint under the BABCP complaints policy",
        )

    def title_page(self) -> list[Any]:
        s = self.s
        title, subtitle = self.purpose()
        story: list[Any] = [Spacer(1, 3 * cm), Paragraph(_p(title), s.title), Spacer(1, 0.4 * cm)]
        story += [Paragraph(_p(subtitle), s.subtitle), Spacer(1, 1.5 * cm)]
        times = sorted(i.entry.text_field("occurred_at") for i in self.incidents)
        authors = sorted({i.entry.text_field("author") for i in self.incidents})
        platforms = sorted({i.entry.text_field("platform") for i in self.incidents})
        rows = []
        if self.info.member:
            rows.append(["Prepared by", self.info.member])
        rows += [
            ["Prepared on", format_utc(self.info.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"))],
            ["Incidents", str(len(self.incidents))],
            ["Period", f"{format_utc(times[0])} to {format_utc(times[-1])}" if times else "-"],
            ["Accounts", ", ".join(authors)],
            ["Platforms", ", ".join(platforms)],
            ["Log entries", str(self.info.entries)],
        ]
        story.append(
            _table(
                [[Paragraph(_p(k), s.cell_bold), Paragraph(_p(v), s.cell)] for k, v in rows],
                (4 * cm, self.width - 4 * cm),
            )
        )
        story += [Spacer(1, 0.8 * cm), *self.intro(), Spacer(1, 0.5 * cm), *self.integrity_box()]
        story.append(PageBreak())
        return story

    def intro(self) -> list[Any]:
        s = self.s
        audience = self.info.audience
        paragraphs: list[Any] = []
        if audience == "platform":
            paragraphs.append(
                "I am reporting the content listed in this document, posted by the accounts "
                "named above, under your rules on abuse, harassment and hateful conduct. For each "
                "incident the <b>Report reference</b> table gives the fields a report form asks "
                "for: the link to the content, the account responsible, when it was posted and "
                "the category of abuse. The original screenshots are attached to this bundle."
            )
        elif audience == "police":
            who = f"I, {_p(self.info.member)}," if self.info.member else "I"
            paragraphs.append(
                f"{who} have recorded the incidents below as they happened, in a tamper-evident "
                "log kept on my own computer. Each incident gives the time in UTC and in my "
                "local time, the account responsible, the link to the content, the words used "
                "and the screenshots I saved, with their SHA-256 hashes."
            )
            if any(i.entry.get("kind") == "hate-incident" for i in self.incidents):
                paragraphs.append(
                    "I believe the incidents marked <b>hate incident</b> were motivated by "
                    "hostility towards a protected characteristic (Equality Act 2010), which "
                    "is named for each of them."
                )
        else:
            paragraphs.append(
                "This report is the record of online harassment that I am submitting with a "
                "complaint under the BABCP complaints policy. The BABCP Social Media Policy "
                "(section <i>Online Bullying</i>) says:"
            )
            paragraphs.append(f"<i>“{_p(BABCP_COMPLAINT_CLAUSE)}”</i>")
            paragraphs.append(
                "The incidents below are that log: each gives when it happened (UTC and my "
                "local time), the account responsible, the link, the words used and the "
                "screenshots I kept, with their SHA-256 hashes."
            )
        return [Paragraph(text, s.body) for text in paragraphs]

    def integrity_box(self) -> list[Any]:
        s = self.s
        result = self.info.verification
        if result.intact:
            verdict = (
                f"<b>Log verified intact</b>: all {result.entries} entries and "
                f"{result.attachments_checked} attachment file(s) match their SHA-256 hashes."
            )
        else:
            verdict = (
                f"<b>Log verification FAILED</b>: {len(result.problems)} problem(s) found; "
                "see the integrity section."
            )
        rows = [
            [Paragraph("Verification", s.cell_bold), Paragraph(verdict, s.cell)],
            [
                Paragraph("Chain head hash", s.cell_bold),
                Paragraph(f"{result.head_hash}<br/>after {self.info.entries} log entries", s.mono),
            ],
            [Paragraph("Signing key", s.cell_bold), Paragraph(self.info.fingerprint, s.mono)],
        ]
        return [_table(rows, (4 * cm, self.width - 4 * cm))]

    # -- timeline -----------------------------------------------------------------------------

    def timeline(self) -> list[Any]:
        s = self.s
        heading = (
            "Statement: timeline of incidents"
            if self.info.audience == "police"
            else ("Timeline of incidents")
        )
        story: list[Any] = [Paragraph(heading, s.h1)]
        if not self.incidents:
            story.append(Paragraph("No incidents are recorded.", s.body))
        for number, incident in enumerate(self.incidents, start=1):
            story += self.incident(number, incident)
        return story

    def incident(self, number: int, incident: Incident) -> list[Any]:
        s = self.s
        entry = incident.entry
        when_local = format_local(entry.text_field("occurred_at_local"))
        when_utc = format_utc(entry.text_field("occurred_at"))
        head = Paragraph(f"Incident {number}: {_p(kind_text(entry))} — {_p(when_utc)}", s.h2)
        story: list[Any] = []
        audience = self.info.audience
        if audience == "police":
            story.append(
                Paragraph(
                    f"On {_p(when_local)} my local time ({_p(when_utc)}), the account "
                    f"<b>{_p(entry.text_field('author'))}</b> on "
                    f"{_p(entry.text_field('platform'))} posted or sent the following, at "
                    f"{_p(entry.text_field('url'))}:",
                    s.body,
                )
            )
        else:
            story.append(self.reference_table(entry, when_local, when_utc))
            story.append(Spacer(1, 0.15 * cm))
        text = entry.text_field("text")
        story.append(Paragraph(_p(text) if text.strip() else "<i>(no text)</i>", s.quote))
        note = entry.text_field("note")
        if note:
            who = "My note" if audience == "police" else "Member's note"
            story.append(Paragraph(f"<b>{who}:</b> {_p(note)}", s.body))
        if audience == "police":
            story.append(
                Paragraph(
                    "I recorded this in my evidence log on "
                    f"{_p(format_local(entry.text_field('recorded_at_local')))} "
                    f"(log entry {entry.seq}).",
                    s.body,
                )
            )
        story += self.corrections(incident)
        story += self.attachments(incident)
        story.append(Paragraph(f"Log entry {entry.seq} hash (SHA-256): {entry.hash}", s.mono))
        story.append(Spacer(1, 0.5 * cm))
        return [KeepTogether([head, *story[:1]]), *story[1:]]

    def reference_table(self, entry: Entry, when_local: str, when_utc: str) -> Table:
        s = self.s
        kind = entry.text_field("kind") or "other"
        category = PLATFORM_CATEGORY.get(kind, "Abuse")
        characteristic = entry.get("characteristic")
        if kind == "hate-incident" and characteristic:
            category += f" ({label(str(characteristic))})"
        rows = [
            ("Platform", entry.text_field("platform")),
            ("Link to content", entry.text_field("url")),
            ("Account", entry.text_field("author")),
            ("Date and time (UTC)", when_utc),
            ("Member's local time", when_local),
            ("Category", category if self.info.audience == "platform" else kind_text(entry)),
            ("Log entry", str(entry.seq)),
        ]
        title = "Report reference" if self.info.audience == "platform" else "Details"
        cells = [[Paragraph(f"<b>{title}</b>", s.cell), ""]] + [
            [Paragraph(_p(k), s.cell_bold), Paragraph(_p(v), s.cell)] for k, v in rows
        ]
        table = _table(cells, (4 * cm, self.width - 4 * cm))
        table.setStyle(
            TableStyle(
                [
                    ("SPAN", (0, 0), (1, 0)),
                    ("BACKGROUND", (0, 0), (1, 0), colors.HexColor("#dcdcdc")),
                ]
            )
        )
        return table

    def corrections(self, incident: Incident) -> list[Any]:
        s = self.s
        notes: list[str] = []
        if incident.entry.seq != incident.original.seq:
            notes.append(
                f"This is the corrected version (log entry {incident.entry.seq}) of log entry "
                f"{incident.original.seq}, recorded "
                f"{format_utc(incident.original.text_field('recorded_at'))}; the original entry "
                "is kept unchanged in the log."
            )
        return [Paragraph(_p(n), s.small) for n in notes]

    def attachments(self, incident: Incident) -> list[Any]:
        story: list[Any] = []
        for attachment, where in zip(incident.entry.attachments, incident.bundle_paths, strict=True):
            status = incident.file_status.get(attachment.sha256)
            data = incident.contents.get(attachment.sha256)
            undrawn = None
            if attachment.is_image and data is not None:
                try:
                    story += [Spacer(1, 0.2 * cm), _screenshot(data, attachment.name, self.width)]
                except UnreadableImage as exc:
                    undrawn = exc.reason
            story.append(self.attachment_caption(attachment, status, where, undrawn))
        return story

    def attachment_caption(
        self, attachment: Attachment, status: str | None, where: str | None, undrawn: str | None
    ) -> Paragraph:
        s = self.s
        state = ""
        if status == "missing":
            state = " <b>— FILE MISSING from the log</b>"
        elif status is not None:
            state = " <b>— FILE NO LONGER MATCHES its recorded hash</b>"
        lines = [f"{_p(attachment.name)} ({_p(attachment.media_type)}, {attachment.size:,} bytes){state}"]
        if undrawn is not None:
            lines.append(
                f"<b>This picture cannot be shown here</b>: the file {_p(undrawn)}. It is included "
                "in the bundle exactly as it was recorded, and its SHA-256 below still matches."
            )
        if where is not None:
            lines.append(f"In the bundle: <font name='{s.fonts.mono}'>{_p(where)}</font>")
        lines.append(f"SHA-256: <font name='{s.fonts.mono}'>{attachment.sha256}</font>")
        return Paragraph("<br/>".join(lines), s.small)

    # -- integrity ----------------------------------------------------------------------------

    def integrity(self) -> list[Any]:
        s = self.s
        result = self.info.verification
        m = s.fonts.mono
        story: list[Any] = [PageBreak(), Paragraph("Integrity of this record", s.h1)]
        story.append(
            Paragraph(
                "Every entry in the log is hash-chained: its SHA-256 hash covers its content "
                "(including the SHA-256 hashes of its screenshots and files) and the hash of the "
                "entry before it, so editing, removing or reordering any entry, or changing any "
                f"file, is detected. The bundle's <font name='{m}'>manifest.json</font> lists "
                f"the SHA-256 of every file in the bundle, and <font name='{m}'>entries.jsonl"
                "</font> holds each entry so that anyone can recompute the chain: "
                f"<font name='{m}'>hash = sha256(prev_hash + canonical)</font>, starting from "
                "64 zeros.",
                s.body,
            )
        )
        story.append(Spacer(1, 0.3 * cm))
        story += self.integrity_box()
        story += self.how_to_check()
        if not result.intact:
            story.append(Paragraph("Problems found", s.h2))
            for problem in result.problems:
                story.append(Paragraph(_p(str(problem)), s.body))
        story.append(Paragraph("Log entries", s.h2))
        rows: list[list[Any]] = [
            [Paragraph(f"<b>{h}</b>", s.cell) for h in ("Entry", "Recorded (UTC)", "Kind", "SHA-256")]
        ]
        for entry in self.entries:
            kind = kind_text(entry)
            if entry.get("corrects"):
                kind += f", corrects {entry.get('corrects')}"
            rows.append(
                [
                    Paragraph(str(entry.seq), s.cell),
                    Paragraph(_p(format_utc(entry.text_field("recorded_at"))), s.cell),
                    Paragraph(_p(kind), s.cell),
                    Paragraph(entry.hash, s.mono),
                ]
            )
        story.append(_table(rows, (1.4 * cm, 4.2 * cm, 3.6 * cm, self.width - 9.2 * cm), header=True))
        return story

    def how_to_check(self) -> list[Any]:
        """In plain words: what the signature and the chain head let a reader check, and how."""
        s = self.s
        m = s.fonts.mono
        head = self.info.verification.head_hash
        count = self.info.entries
        bundle = _p(self.info.bundle_name)
        when = format_utc(self.info.created_at.strftime("%Y-%m-%dT%H:%M:%SZ"))
        paragraphs = [
            f"<b>Was this bundle changed after it was made?</b> Its <font name='{m}'>manifest.json"
            "</font> is signed with a key kept on the member's computer (the signing key above). "
            f"Run <font name='{m}'>postguard evidence verify-bundle {bundle}</font>: it checks "
            "every file in the bundle and the signature. Without postguard, OpenSSL 3 checks the "
            f"signature: <font name='{m}'>openssl pkeyutl -verify -pubin -inkey public-key.pem "
            "-rawin -in manifest.json -sigfile manifest.sig</font>.",
            f"<b>Was the log rewritten after this report?</b> When this report was made, on {when}, "
            f"the log held {count} entries and its chain head was the hash above. The log only "
            f"ever grows, so it must still begin with these {count} entries, unchanged. On the "
            "member's computer, run "
            f"<font name='{m}'>postguard evidence verify --against {bundle}</font> (or, with "
            f"only this page: <font name='{m}'>postguard evidence verify --against "
            f"{head}:{count}</font>). Given the bundle, it names the first entry that differs or "
            "says the log is shorter; given the chain head, it says whether any of those entries "
            f"changed. Without postguard: a later bundle's <font name='{m}'>entries.jsonl</font> "
            f"must have this hash on line {count}, and its chain must recompute.",
            "<b>What this does not prove.</b> The signature shows the bundle came from the "
            "computer holding that key and was not changed since; the chain head shows that the "
            "entries before this report were not rewritten later. Neither shows that what was "
            "recorded is true, nor that nothing was left out before the first report, and "
            "whoever holds the key could make a new bundle.",
        ]
        story: list[Any] = [Spacer(1, 0.3 * cm), Paragraph("How to check this record", s.h2)]
        for text in paragraphs:
            story += [Paragraph(text, s.body), Spacer(1, 0.2 * cm)]
        return story

    def story(self) -> list[Any]:
        return [*self.title_page(), *self.timeline(), *self.integrity()]


def render_pdf(info: ReportInfo, incidents: Sequence[Incident], entries: Sequence[Entry]) -> bytes:
    """The report as PDF bytes (built in memory: nothing sensitive lands in a temp directory)."""
    report = _Report(info, incidents, entries)
    buffer = io.BytesIO()
    title, subtitle = report.purpose()
    footer_font = report.s.fonts.regular
    head_hash = info.verification.head_hash

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(footer_font, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(2 * cm, 1.2 * cm, f"{subtitle} · chain head {head_hash[:16]}…")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"{title}: {subtitle}",
        author=info.member or "postguard",
        subject="Evidence of online abuse",
        creator="postguard",
    )
    doc.build(report.story(), onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()
