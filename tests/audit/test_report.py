"""The audit report page: sections, escaping, no external assets, the chart, empty audits."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest

from postguard.audit.model import AuditFinding, AuditResult, PostSample, TakeoverIncident
from postguard.audit.report import MAX_CARDS, highlight, render_report, timeline_svg
from postguard.model import AccountProfile

SECTIONS = [
    ("summary", "Summary"),
    ("priority", "Delete or edit first"),
    ("takeover", "Signs your account may have been taken over"),
    ("rules", "Findings by rule"),
    ("timeline", "Over time"),
    ("client-view", "Your profile as a client would see it"),
    ("mixing", "Personal and professional"),
    ("warnings", "What could not be checked"),
]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_EMPTY = {"rect", "line", "path", "circle"}


class Page(HTMLParser):
    """Collects what the tests look at and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.sections: list[str] = []
        self.headings: dict[str, str] = {}
        self._h2: str | None = None
        self._section: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "section":
            self._section = attributes.get("id") or ""
            self.sections.append(self._section)
        if tag == "h2" and self._section is not None and self._section not in self.headings:
            self._h2 = ""
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" and self._h2 is not None and self._section is not None:
            self.headings[self._section] = self._h2.strip()
            self._h2 = None
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._h2 is not None:
            self._h2 += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def cards(page: str) -> list[str]:
    return re.findall(r'<article class="card [a-z]+" data-post-id="([^"]*)"', section(page, "priority"))


def section(page: str, ident: str) -> str:
    match = re.search(rf'<section id="{ident}".*?</section>', page, re.DOTALL)
    assert match, ident
    return match.group(0)


@pytest.mark.parametrize("fixture", ["report_result", "report_empty", "report_long"])
def test_sections_in_order_with_visible_headings(fixture: str, request: pytest.FixtureRequest) -> None:
    page = parse(render_report(request.getfixturevalue(fixture)))
    assert page.sections == [ident for ident, _ in SECTIONS]
    assert page.headings == dict(SECTIONS)
    assert not page.errors and not page.stack


def test_page_is_one_self_contained_document(report_result: AuditResult) -> None:
    page = render_report(report_result)
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<html") == 1 and page.count("</html>") == 1
    assert '<meta charset="utf-8">' in page
    assert 'name="viewport"' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert render_report(report_result) == page  # deterministic: no clock, no randomness


def test_user_text_is_escaped(report_result: AuditResult) -> None:
    page = render_report(report_result)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;not a photo&gt;" in page  # an import warning


HOSTILE = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def test_every_field_is_escaped(
    report_result: AuditResult, make_finding: Callable[..., AuditFinding]
) -> None:
    result = report_result
    bad = make_finding(
        "p1",
        "SM101",
        "high",
        f"Hello {HOSTILE} world",
        HOSTILE,
        message=HOSTILE,
        suggestion=HOSTILE,
        platform=HOSTILE,
        kind=HOSTILE,
        visibility=HOSTILE,
        date=HOSTILE,
        url="javascript:alert(3)",
        source=f"image:{HOSTILE}",
    )
    result.priority = [bad, *result.priority]
    result.profile_findings = [dataclasses.replace(bad, post_id=HOSTILE)]
    result.profiles = [
        AccountProfile(
            platform=HOSTILE, name=HOSTILE, handle=HOSTILE, bio=HOSTILE, location=HOSTILE, website=HOSTILE
        )
    ]
    result.rule_titles = {code: HOSTILE for code in result.rule_titles}
    result.recent_public = [
        PostSample(HOSTILE, HOSTILE, "javascript:alert(4)", HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    ]
    result.exposed_details = [HOSTILE]
    result.mixing_signals = [HOSTILE]
    result.warnings = [HOSTILE]
    result.incidents = [TakeoverIncident(HOSTILE, HOSTILE, [HOSTILE], [HOSTILE], [HOSTILE], 0.9)]
    result.summary["platforms"] = [HOSTILE]
    result.summary["policy"] = {"id": HOSTILE, "version": HOSTILE}
    result.by_rule = {HOSTILE: 3, **result.by_rule}
    result.timeline[HOSTILE] = {"posts": 1}
    page = render_report(result)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "javascript:" not in page.lower()
    parsed = parse(page)
    assert not parsed.errors
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)


def test_no_external_assets(report_result: AuditResult) -> None:
    page = render_report(report_result)
    lowered = page.lower()
    for forbidden in (
        "<link",
        "<script",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "@import",
        "@font-face",
        "url(",
    ):
        assert forbidden not in lowered, forbidden
    post_urls = {f.url for f in report_result.priority if f.url} | {
        s.url for s in report_result.recent_public if s.url
    }
    hrefs = []
    for tag, attrs in parse(page).tags:
        for name, value in attrs.items():
            if value and re.search(r"https?://", value, re.IGNORECASE):
                assert (tag, name) == ("a", "href"), (tag, name, value)
                assert value in post_urls, value
                hrefs.append(value)
            if name in ("src", "srcset", "xlink:href", "background", "poster", "data"):
                raise AssertionError(f"{tag} has {name}={value!r}")
    assert hrefs  # the post links are there
    # http(s) outside attributes is only ever text the user wrote (a link in a post, their website)
    for match in re.finditer(r"https?://[^\s\"'<>]+", page):
        before = page[max(0, match.start() - 6) : match.start()]
        if before.endswith('href="'):
            continue
        assert match.group(0).startswith(("https://t.co/", "https://samtaylorcbt.example")), match.group(0)


def test_priority_cards_group_findings_per_post(report_result: AuditResult) -> None:
    page = render_report(report_result)
    ids = cards(page)
    assert len(ids) == len(set(ids)) == len({(f.platform, f.post_id) for f in report_result.priority})
    assert ids[0] == "1619018063935445090"  # the most serious first
    heated = re.search(r'data-post-id="1654618863305179026".*?</article>', page, re.DOTALL)
    assert heated
    card = heated.group(0)
    assert "SM202" in card and "SM601" in card
    assert '<mark class="high">You are a clueless idiot</mark>' in card
    assert '<mark class="warning">STOP posting rubbish</mark>' in card


def test_card_shows_date_platform_link_rule_severity_message_and_fix(report_result: AuditResult) -> None:
    page = section(render_report(report_result), "priority")
    card = re.search(r'data-post-id="1619018063935445090".*?</article>', page, re.DOTALL)
    assert card
    text = card.group(0)
    assert "27 Jan 2023" in text and "X (Twitter)" in text
    assert 'href="https://x.com/samtaylor_cbt/status/1619018063935445090"' in text
    assert '<mark class="high">J, a 34 year old primary school teacher from Otley</mark>' in text
    assert "SM101" in text and "Client could be identified" in text
    assert "High risk" in text  # severity in words, not only in colour
    assert "What to do:" in text and "Remove the detail or delete the post." in text


def test_photo_finding_and_deleted_post(report_result: AuditResult) -> None:
    page = section(render_report(report_result), "priority")
    assert "in the photo IMG_2231.jpg" in page
    assert "GPS position" in page
    assert "Already deleted" in page


def test_unsafe_urls_are_not_links(
    report_result: AuditResult, make_finding: Callable[..., AuditFinding]
) -> None:
    result = report_result
    result.priority = [make_finding("p1", "SM601", "warning", "x", None, url="javascript:alert(1)")]
    result.priority.append(make_finding("p2", "SM601", "warning", "x", None, url="data:text/html,hi"))
    page = render_report(result)
    assert "javascript:" not in page and "data:text" not in page


def test_headline_counts_posts_and_takeovers(report_result: AuditResult) -> None:
    page = section(render_report(report_result), "summary")
    assert "12 posts to delete or edit, 1 suspected account takeover" in page
    assert "4,213" in page
    assert "March 2019 to November 2024" in page
    assert "X (Twitter), Instagram" in page


def test_headline_without_verdict_counts_uses_the_priority_posts(report_result: AuditResult) -> None:
    report_result.summary = {"posts": 50}
    report_result.incidents = []
    report_result.profile_findings = []
    page = section(render_report(report_result), "summary")
    assert "9 posts to delete or edit</p>" in page


def test_priority_shows_at_most_fifty_cards_and_counts_the_rest(report_long: AuditResult) -> None:
    page = render_report(report_long)
    assert len(cards(page)) == MAX_CARDS
    assert "80 more posts" in section(page, "priority")


def test_takeover_incident_lists_window_reasons_posts_and_steps(report_result: AuditResult) -> None:
    page = section(render_report(report_result), "takeover")
    incident = report_result.incidents[0]
    assert "30 Oct 2024, 03:12 UTC to 30 Oct 2024, 05:58 UTC" in page
    for text in [*incident.reasons, *incident.post_ids]:
        assert text.replace("'", "&#x27;") in page
    for step in incident.steps:
        assert step.replace("'", "&#x27;") in page
    assert page.count("<li>Regain control") == 1
    assert 'href="https://x.com/samtaylor_cbt/status/1851000000000000001"' in page


def test_no_incident_is_reassuring(report_result: AuditResult) -> None:
    report_result.incidents = []
    page = section(render_report(report_result), "takeover")
    assert "No signs of a takeover" in page
    assert "Regain control" not in page


def test_rules_table_counts_and_bars(report_result: AuditResult) -> None:
    page = section(render_report(report_result), "rules")
    rows = re.findall(
        r'<tr><td><span class="code">(SM\d+)</span> ([^<]*)</td><td class="num">(\d+)</td>', page
    )
    assert rows[0][0] == "SM201"  # the most frequent first
    assert {code: int(n) for code, _, n in rows} == report_result.by_rule
    assert ("SM201", "Discriminatory or hateful content", "7") in rows
    assert page.count('class="bar"') == len(report_result.by_rule)
    assert 'style="width:100.0%"' in page


def months_in(svg: str) -> list[str]:
    return re.findall(r'<g class="month" data-month="(\d{4}-\d{2})">', svg)


def test_chart_has_a_bar_for_each_month(report_result: AuditResult) -> None:
    page = section(render_report(report_result), "timeline")
    svg = re.search(r"<svg.*?</svg>", page, re.DOTALL)
    assert svg
    chart = svg.group(0)
    dated = sorted(k for k in report_result.timeline if k != "unknown")
    assert months_in(chart) == dated
    assert chart.count('<rect class="posts"') == len(dated)
    flagged = sum(1 for k in dated for s in ("high", "warning", "info") if report_result.timeline[k].get(s))
    assert len(re.findall(r'<rect class="(?:high|warning|info)"', chart)) == flagged
    assert (
        'role="img"' in chart
        and 'aria-label="Bar chart of posts per month, March 2019 to November 2024' in chart
    )
    assert "3 posts had no date" in page
    for year in range(2020, 2025):
        assert f">{year}</text>" in chart
    assert "High risk findings" in page and "Findings to review" in page  # the legend, in words


def test_chart_of_one_month() -> None:
    svg = timeline_svg({"2024-05": {"posts": 3, "high": 1}})
    assert months_in(svg) == ["2024-05"]
    assert svg.count('<rect class="posts"') == 1 and svg.count('<rect class="high"') == 1
    assert ">May</text>" in svg and ">2024</text>" in svg
    width = float(re.search(r'<rect class="posts" x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    assert 10 < width <= 48  # a sensible bar, not the whole plot


def test_chart_of_two_hundred_months_fills_gaps(report_long: AuditResult) -> None:
    del report_long.timeline["2010-06"]  # a month without posts still gets its slot
    svg = timeline_svg(report_long.timeline)
    months = months_in(svg)
    assert len(months) == 200 and months[0] == "2008-01" and months[-1] == "2024-08"
    assert svg.count('<rect class="posts"') == 199
    widths = {
        float(w) for w in re.findall(r'<rect class="posts" x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)
    }
    assert all(w > 1 for w in widths)
    years = re.findall(r">(\d{4})</text>", svg)
    assert "2008" in years and "2024" in years and len(years) <= 16


def test_highlight_cuts_long_posts_around_the_words() -> None:
    text = "a" * 3000 + " the flagged words " + "b" * 3000
    out = highlight(text, [("flagged words", "high")], limit=500)
    assert '<mark class="high">flagged words</mark>' in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) < 600


def test_highlight_matches_case_and_spacing_and_merges_overlaps() -> None:
    out = highlight(
        "You are a CLUEless  idiot, honestly", [("clueless idiot", "warning"), ("are a clueless", "high")]
    )
    assert out == 'You <mark class="high">are a CLUEless  idiot</mark>, honestly'
    assert highlight("<b>", [("<b>", "info")]) == '<mark class="info">&lt;b&gt;</mark>'
    assert highlight("nothing here", [("absent", "high"), ("", "high")]) == "nothing here"


def test_client_view_shows_profiles_exposed_details_and_recent_posts(report_result: AuditResult) -> None:
    page = section(render_report(report_result), "client-view")
    assert "@samtaylor_cbt" in page and "@sam.taylor.cbt" in page
    assert "Roundhay, Leeds" in page and "https://samtaylorcbt.example" in page
    assert "X (Twitter): your location is shown on your profile" in page
    assert "SM401" in page and '<mark class="warning">Guaranteed results in 6 sessions</mark>' in page
    assert page.count('<li class="sample">') == len(report_result.recent_public)
    assert "Delete or edit" in page and "OK" in page


def test_mixing_and_warnings(report_result: AuditResult) -> None:
    page = render_report(report_result)
    assert "the bio presents you professionally" in section(page, "mixing")
    warnings = section(page, "warnings")
    assert "truncated JSON" in warnings
    assert "40 photos were checked" in warnings
    assert "1 photo was unreadable" in warnings
    assert "311 reposts were" in warnings
    report_result.mixing_signals = []
    assert "No signs of mixing" in section(render_report(report_result), "mixing")


def test_empty_audit_renders_sensibly(report_empty: AuditResult) -> None:
    page = render_report(report_empty)
    parsed = parse(page)
    assert not parsed.errors
    assert "<svg" not in page
    assert "No posts found to check" in section(page, "summary")
    assert "Nothing to delete or edit" in section(page, "priority")
    assert "No signs of a takeover" in section(page, "takeover")
    assert "No findings under any rule" in section(page, "rules")
    assert "nothing to chart" in section(page, "timeline")
    assert "Every file in the export could be read" in section(page, "warnings")


def test_clean_account_says_nothing_to_fix(report_result: AuditResult) -> None:
    report_result.priority = []
    report_result.profile_findings = []
    report_result.incidents = []
    report_result.by_rule = {}
    report_result.summary["verdicts"] = {"pass": 4_213}
    page = render_report(report_result)
    assert "Nothing to delete or edit: no post breaks the policy" in section(page, "summary")
    assert cards(page) == []
    assert "<script>" not in page
