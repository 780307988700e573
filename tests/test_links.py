"""SM503 suspicious-link: finding links in a post and judging each one offline."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest

from postguard.detectors.base import REGISTRY
from postguard.detectors.links import (
    SuspiciousLinkDetector,
    assess,
    find_links,
    inspect_link,
    parse_link,
)
from postguard.model import Evidence


@dataclass
class Post:
    text: str


def detect(text: str) -> list[Evidence]:
    return list(SuspiciousLinkDetector().detect(Post(text)))  # type: ignore[arg-type]


def codes(url: str) -> list[str]:
    return inspect_link(url).codes


def raws(text: str) -> list[str]:
    return [link.raw for link in find_links(text)]


# ------------------------------------------------------------------------------------------
# Finding links
# ------------------------------------------------------------------------------------------


def test_finds_scheme_www_and_bare_links_with_spans() -> None:
    text = "Read https://www.babcp.com/about, then www.nhs.uk and babcp-renewal.com/login (or mind.org.uk)."
    links = find_links(text)
    assert [link.raw for link in links] == [
        "https://www.babcp.com/about",
        "www.nhs.uk",
        "babcp-renewal.com/login",
        "mind.org.uk",
    ]
    for link in links:
        assert text[link.start : link.end] == link.raw
    assert links[0].scheme == "https" and links[0].explicit
    assert links[0].host == "www.babcp.com" and links[0].path == "/about"
    assert links[2].host == "babcp-renewal.com" and links[2].path == "/login"


def test_finds_unicode_and_homoglyph_hosts() -> None:
    assert raws("Renew at bаbcp.com today") == ["bаbcp.com"]  # Cyrillic а
    assert raws("Renew at münchen.de/x today") == ["münchen.de/x"]


@pytest.mark.parametrize(
    "text",
    [
        "Try CBT techniques, e.g. thought records, i.e. writing things down, etc.",
        "Session moved to 9.30am on Tuesday, or 10.30.",
        "Running version 1.2.3 of the app, v2.0 next week.",
        "I saved it as report.pdf and notes.docx and setup.py and README.md.",
        "Mr.Smith and Dr.Jones, B.Sc. and Ph.D, U.K. and St.Albans.",
        "I was so tired.so tired. Sleep well.Tomorrow is new.",
        "Costs £9.99 for a 3.5mm cable.",
        "Email me at hello@babcp-renewals.com or jane.doe@nhs.net.",
        "Save the file as CBT_thought_record.v2.docx please.",
        "No links at all in this perfectly ordinary post about self-care",
        "My thoughts...anyway...",
    ],
)
def test_no_false_links(text: str) -> None:
    assert find_links(text) == []


def test_trailing_punctuation_and_brackets() -> None:
    assert raws("See babcp.com.") == ["babcp.com"]
    assert raws("(see https://en.wikipedia.org/wiki/CBT_(therapy)).") == [
        "https://en.wikipedia.org/wiki/CBT_(therapy)"
    ]
    assert raws("Visit babcp.com's page!") == ["babcp.com"]


def test_bare_ip_needs_a_path_or_port() -> None:
    assert raws("Server is 192.168.0.1 today") == []
    assert raws("Go to 192.168.0.1/login now") == ["192.168.0.1/login"]


def test_parse_link_for_profile_fields() -> None:
    link = parse_link("babcp.com/members")
    assert link is not None
    assert link.host == "babcp.com" and link.path == "/members" and link.scheme is None
    assert parse_link("") is None


# ------------------------------------------------------------------------------------------
# Legitimate links
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.babcp.com/",
        "https://www.babcp.com/Members/Login",
        "members.babcp.com/cpd",
        "babcp.com",
        "https://www.nhs.uk/mental-health/",
        "england.nhs.uk",
        "https://www.jobs.nhs.uk/",
        "https://www.gov.uk/government/publications",
        "https://www.ncsc.gov.uk/collection/phishing-scams",
        "https://www.mind.org.uk/information-support/",
        "https://www.samaritans.org",
        "https://www.linkedin.com/in/jo-bellamy-cbt",
        "https://www.youtube.com/watch?v=abc123",
        "youtu.be/abc123",
        "x.com",
        "https://www.paypal.com/signin",
        "https://accounts.google.com/signin",
        "google.co.uk",
        "amazon.de",
        "ukcp.org.uk",
        "hcpc-uk.org",
        "bacp.co.uk",
        "www.harbourside-psychology.co.uk",
        "https://github.com/jbellamy/cbt-talk-2024",
        "https://doi.org/10.1017/S1352465823000123",
        "münchen.de",
        "пример.рф",
        "email.com",
        "cloud.com",
        "outlookcounselling.co.uk",
        "amazonrainforest.org",
        "nationwide-counselling.co.uk",
        "example.com/login",  # login words alone, on no brand, are not enough
        "bit.ly",  # a shortener's home page hides nothing
    ],
)
def test_legitimate_links_are_not_suspicious(url: str) -> None:
    result = inspect_link(url)
    assert not result.suspicious, result.texts
    assert assess(url) == []


def test_legitimate_post_yields_nothing() -> None:
    text = (
        "Useful links: https://www.babcp.com/, https://www.nhs.uk/mental-health/, "
        "mind.org.uk, www.samaritans.org, linkedin.com/in/jane-doe and "
        "https://www.youtube.com/@calmmindcbt"
    )
    assert detect(text) == []


# ------------------------------------------------------------------------------------------
# Each reason
# ------------------------------------------------------------------------------------------


def test_raw_ipv4_and_ipv6_hosts() -> None:
    assert codes("http://185.23.4.11/login")[0] == "ip-host"
    assert "ip-host" in codes("http://[2001:db8::1]/portal")
    assert "ip-host" in codes("http://81.144.7.203:8080/portal")
    assert "ip-host" in codes("http://3232235777/")  # a decimal address
    text = assess("http://185.23.4.11/x")[0]
    assert "bare internet address (185.23.4.11)" in text


def test_punycode_is_decoded_for_the_message() -> None:
    result = inspect_link("https://xn--bbcp-53d.com/members")
    assert result.suspicious
    assert result.codes[0] == "punycode"
    assert "bаbcp.com" in result.texts[0]  # decoded, with the Cyrillic а
    assert "lookalike" in result.codes
    assert result.brand is not None and result.brand.name == "BABCP"


def test_cyrillic_homoglyph_of_babcp() -> None:
    result = inspect_link("https://bаbcp.com/members")
    assert result.suspicious and result.codes == ["lookalike"]
    assert result.texts == [
        "the link goes to bаbcp.com, which imitates babcp.com using a Cyrillic letter ('а' in place of 'a')"
    ]


def test_whole_script_homoglyph_of_paypal() -> None:
    result = inspect_link("раураl.com")  # Cyrillic р, а, у
    assert result.brand is not None and result.brand.name == "PayPal"
    assert "Cyrillic letters" in result.texts[0]


def test_confusable_characters_without_a_brand() -> None:
    assert codes("https://zοom.us/j/84512093377") == ["homoglyph"]  # Greek omicron
    assert "Greek letter" in assess("https://zοom.us/j/1")[0]
    assert codes("bаnk.com") == ["homoglyph"]


def test_fullwidth_and_accented_lookalikes() -> None:
    assert "lookalike" in codes("ｂａｂｃｐ.com")
    result = inspect_link("bábcp.com")
    assert result.codes == ["lookalike"] and "accented letter 'á'" in result.texts[0]


def test_invisible_characters() -> None:
    result = inspect_link("bab\u200bcp.com/login")
    assert "invisible-characters" in result.codes
    assert result.brand is not None and result.brand.name == "BABCP"


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("www.bacbp.com/conference", "BABCP"),  # transposition
        ("babcpp.com", "BABCP"),  # doubled letter
        ("abbcp.com", "BABCP"),  # first letters swapped
        ("faceb00k.com", "Facebook"),  # 0 -> o
        ("paypa1.com/refund", "PayPal"),  # 1 -> l
        ("https://www.rnicrosoft.com/login", "Microsoft"),  # rn -> m
        ("vvhatsapp.com", "WhatsApp"),  # vv -> w
        ("https://linkedln.com/verify", "LinkedIn"),  # l for i
        ("goooogle.com", "Google"),
        ("gmial.com", "Gmail"),
        ("hbsc.co.uk", "HSBC"),
        ("natvvest.com", "NatWest"),
        ("arnazon.co.uk", "Amazon"),
        ("app1e.com", "Apple"),
        ("twiter.com", "X (Twitter)"),
    ],
)
def test_lookalike_spellings(url: str, brand: str) -> None:
    result = inspect_link(url)
    assert result.suspicious, url
    assert "lookalike" in result.codes
    assert result.brand is not None and result.brand.name == brand


def test_lookalike_message_names_the_trick() -> None:
    assert assess("paypa1.com")[0] == (
        "the link goes to paypa1.com, which imitates paypal.com using the digit '1' in place of 'l'"
    )
    assert "'rn' in place of 'm'" in assess("rnicrosoft.com")[0]


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("https://babcp-renewals.com/login", "BABCP"),
        ("babcprenewals.com", "BABCP"),
        ("login-facebook.co", "Facebook"),
        ("faceb00k-login.net/photos", "Facebook"),
        ("https://hcpc-uk-verify.org/verify", "the HCPC"),
        ("https://hmrc-refund-gov.uk.com/claim", "HMRC"),
        ("nhs-covid-pass.co.uk", "the NHS"),
        ("halifax-secure-login.com", "Halifax"),
        ("https://lloyds-secure-banking.co/account-suspended", "Lloyds Bank"),
        ("amaz0n-rewards.co.uk/claim", "Amazon"),
        ("paypal-login.web.app", "PayPal"),
    ],
)
def test_brand_embedded_in_another_domain(url: str, brand: str) -> None:
    result = inspect_link(url)
    assert result.suspicious
    assert "brand-embedded" in result.codes
    assert result.brand is not None and result.brand.name == brand


@pytest.mark.parametrize(
    ("url", "brand"),
    [
        ("paypal.secure-login.net/verify", "PayPal"),
        ("http://babcp.survey-forms.xyz/account/verify", "BABCP"),
        ("natwest.secure-unlock.info/login", "NatWest"),
        ("https://www.babcp.com.members-area.co/renew", "BABCP"),
        ("gov.uk.tax-refund.com/claim", "GOV.UK"),
    ],
)
def test_brand_as_subdomain_of_unrelated_domain(url: str, brand: str) -> None:
    result = inspect_link(url)
    assert "brand-subdomain" in result.codes
    assert result.brand is not None and result.brand.name == brand
    assert result.registered_domain in result.texts[0]


def test_brand_name_on_a_domain_it_does_not_own() -> None:
    assert codes("babcp.net") == ["brand-other-domain"]
    assert codes("bacp.com") == ["brand-other-domain"]
    assert codes("paypal.xyz")[0] == "brand-other-domain"  # any_tld brand, scam ending


def test_shorteners_warn_with_a_lower_score() -> None:
    for url in ("bit.ly/3xCbtFree", "https://tinyurl.com/nhs-cbt-b7", "is.gd/cbt"):
        result = inspect_link(url)
        assert result.suspicious and result.codes == ["shortener"], url
        assert result.score < 0.5
    assert "link shortener" in assess("ow.ly/sleep42")[0]
    assert inspect_link("bit.ly/x").score < inspect_link("paypa1.com").score


def test_platform_link_wrappers_are_not_shorteners() -> None:
    """X wraps every link in t.co and LinkedIn in lnkd.in: a copied post always has them."""
    for url in ("https://t.co/mmw3YaX9iw", "https://lnkd.in/eXb9Q2ZP"):
        assert not inspect_link(url).suspicious, url


def test_credential_words() -> None:
    result = inspect_link("secure-login.xyz/verify")
    assert result.suspicious
    assert result.codes == ["credential-words", "suspicious-tld"]
    assert "(secure, login, verify)" in result.texts[0]
    assert inspect_link("https://example.org/account-suspended").suspicious
    assert "not BABCP's own" in " ".join(assess("babcp-renewal.com/login"))


def test_suspicious_tld_supports_but_does_not_flag_alone() -> None:
    result = inspect_link("bank.xyz")
    assert result.codes == ["suspicious-tld"] and not result.suspicious
    assert "suspicious-tld" in codes("babcp-members.top")


def test_userinfo_trick() -> None:
    result = inspect_link("https://babcp.com@evil.example/renew")
    assert result.codes == ["userinfo"]
    assert result.link.host == "evil.example"
    assert "the link really goes to evil.example" in result.texts[0]
    assert result.brand is not None and result.brand.name == "BABCP"


def test_more_reasons_more_confidence() -> None:
    one = inspect_link("babcp-renewals.com").score
    two = inspect_link("babcp-renewals.com/login").score
    three = inspect_link("http://babcp-renewals.xyz/account-suspended").score
    assert 0 < one < two < three <= 1


# ------------------------------------------------------------------------------------------
# The detector
# ------------------------------------------------------------------------------------------


def test_detector_is_registered() -> None:
    assert REGISTRY["links"] is SuspiciousLinkDetector
    assert SuspiciousLinkDetector.rules == ("SM503",)


def test_one_evidence_per_suspicious_link() -> None:
    text = (
        "Renew now at https://bаbcp.com/renew or via bit.ly/renew-babcp. "
        "Official page: https://www.babcp.com/membership"
    )
    evidence = detect(text)
    assert len(evidence) == 2
    first, second = evidence
    assert first.rule == "SM503" and first.detector == "links"
    assert text[first.start : first.end] == "https://bаbcp.com/renew"
    assert text[second.start : second.end] == "bit.ly/renew-babcp"
    assert first.message == (
        "This link deserves suspicion: the link goes to bаbcp.com, which imitates babcp.com "
        "using a Cyrillic letter ('а' in place of 'a')."
    )
    assert first.suggestion == (
        "Don't share this link. If you meant BABCP, link to https://www.babcp.com directly."
    )
    assert first.explanation["host"] == "bаbcp.com"
    assert first.explanation["registered_domain"] == "bаbcp.com"
    assert first.explanation["reasons"]
    assert 0.0 < second.score < first.score <= 1.0
    assert "full address" in (second.suggestion or "")


def test_no_links_no_evidence() -> None:
    assert detect("Grateful for supervision today, e.g. on pacing. Next session 9.30am.") == []
    assert detect("") == []


def test_fast_on_a_post_without_links() -> None:
    text = (
        "Grateful for a thoughtful supervision session today. We talked about pacing, e.g. how "
        "to slow down when a session feels rushed, and why 9.30am starts suit me. Mr.Smith "
        "would approve, i.e. less is more. Onwards, etc. See report.pdf later, v1.2.3 done."
    )[:280]
    detector = SuspiciousLinkDetector()
    post = Post(text)
    list(detector.detect(post))  # type: ignore[arg-type]
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        list(detector.detect(post))  # type: ignore[arg-type]
    per_post = (time.perf_counter() - start) / runs
    assert per_post < 0.001, f"{per_post * 1e6:.0f} µs per post"
