"""SM503 suspicious-link: links that deserve suspicion before a member shares them.

The detector finds links in a post (with a scheme, ``www.``-prefixed, or bare domains such as
``babcp-renewal.com/login``) and judges each one offline:

* a raw IPv4/IPv6 host instead of a name;
* punycode labels (``xn--``), invisible characters, characters from other alphabets that look like
  Latin letters, and labels that mix alphabets;
* lookalikes of a bundled table of protected brands (BABCP and the other UK regulators and
  professional bodies, the NHS, GOV.UK, the major platforms and UK banks): a spelling within a
  small Damerau-Levenshtein distance, the same "skeleton" once homoglyphs and leet are folded
  (``0`` -> ``o``, ``1`` -> ``l``, ``rn`` -> ``m``, ``vv`` -> ``w``), the brand embedded in another
  registered domain (``babcp-renewals.com``), the brand as a subdomain of an unrelated domain
  (``paypal.secure-login.net``), and the brand's name on a domain it does not own;
* link shorteners, which hide the target (a warning with a lower score);
* credential-harvesting words (login, verify, account-suspended...) on a domain that is not the
  brand's own, and TLDs popular with phishing sites (supporting reasons only);
* a user-info ``@`` in the authority (``https://babcp.com@evil.example``).

Everything is offline: tldextract uses its bundled public suffix list and never the network.
:func:`find_links` and :func:`assess` are pure functions other parts (the account audit) reuse.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import tldextract
from confusable_homoglyphs import categories, confusables
from rapidfuzz.distance import DamerauLevenshtein

from postguard.detectors.base import Detector, register
from postguard.model import Evidence

if TYPE_CHECKING:
    from postguard.analysis import Analysis

__all__ = [
    "BRANDS",
    "Brand",
    "Link",
    "LinkAssessment",
    "Reason",
    "SuspiciousLinkDetector",
    "assess",
    "find_links",
    "inspect_link",
    "parse_link",
]

RULE = "SM503"

# Offline: the bundled public suffix list only, no cache directory, no download. Private suffixes
# (uk.com, github.io, web.app) count, so "hmrc-refund.uk.com" is its own registered domain.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)

# --------------------------------------------------------------------------------------------
# Brand table
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Brand:
    """An organisation whose name phishing links borrow.

    ``domains`` are the registered domains (or public suffixes, as ``gov.uk``) it owns; any
    subdomain of them is legitimate. ``tokens`` are distinctive compact names (no dots or hyphens)
    that alone betray an imitation; ``weak_tokens`` are ordinary words (apple, halifax,
    nationwide) that count only next to another sign of phishing. ``any_tld``: the brand uses its
    name under many country endings (google.de, amazon.co.uk), so its exact name is fine there.
    """

    name: str
    url: str
    domains: tuple[str, ...]
    tokens: tuple[str, ...] = ()
    weak_tokens: tuple[str, ...] = ()
    any_tld: bool = False

    @property
    def main(self) -> str:
        return self.domains[0]


BRANDS: tuple[Brand, ...] = (
    Brand("BABCP", "https://www.babcp.com", ("babcp.com", "cbtregisteruk.com"), ("babcp",)),
    Brand(
        "the NHS",
        "https://www.nhs.uk",
        ("nhs.uk", "nhs.net", "nhs.scot", "nhs.wales"),
        ("nhs", "nhsuk"),
    ),
    Brand("GOV.UK", "https://www.gov.uk", ("gov.uk",), ("govuk",), ("gov",)),
    Brand(
        "HMRC",
        "https://www.gov.uk/government/organisations/hm-revenue-customs",
        ("gov.uk",),
        ("hmrc",),
    ),
    Brand(
        "the DVLA",
        "https://www.gov.uk/government/organisations/driver-and-vehicle-licensing-agency",
        ("gov.uk",),
        ("dvla",),
    ),
    Brand("the HCPC", "https://www.hcpc-uk.org", ("hcpc-uk.org",), ("hcpcuk", "hcpc")),
    Brand(
        "UKCP",
        "https://www.psychotherapy.org.uk",
        ("ukcp.org.uk", "psychotherapy.org.uk"),
        ("ukcp",),
    ),
    Brand("BACP", "https://www.bacp.co.uk", ("bacp.co.uk",), ("bacp",)),
    Brand(
        "Facebook",
        "https://www.facebook.com",
        ("facebook.com", "fb.com", "fb.me", "facebook.net", "fbcdn.net", "messenger.com", "m.me"),
        ("facebook",),
        any_tld=True,
    ),
    Brand("Meta", "https://www.meta.com", ("meta.com",), (), ("meta",), any_tld=True),
    Brand(
        "Instagram",
        "https://www.instagram.com",
        ("instagram.com", "instagr.am", "ig.me", "cdninstagram.com"),
        ("instagram",),
        any_tld=True,
    ),
    Brand(
        "X (Twitter)",
        "https://x.com",
        ("x.com", "twitter.com", "t.co", "twimg.com"),
        ("twitter",),
        any_tld=True,
    ),
    Brand(
        "LinkedIn",
        "https://www.linkedin.com",
        ("linkedin.com", "lnkd.in", "licdn.com"),
        ("linkedin",),
        any_tld=True,
    ),
    Brand(
        "TikTok",
        "https://www.tiktok.com",
        ("tiktok.com", "tiktokv.com", "tiktokcdn.com"),
        ("tiktok",),
        any_tld=True,
    ),
    Brand(
        "YouTube",
        "https://www.youtube.com",
        ("youtube.com", "youtu.be", "youtube-nocookie.com", "ytimg.com"),
        ("youtube",),
        any_tld=True,
    ),
    Brand(
        "WhatsApp",
        "https://www.whatsapp.com",
        ("whatsapp.com", "whatsapp.net", "wa.me"),
        ("whatsapp",),
        any_tld=True,
    ),
    Brand(
        "Google",
        "https://www.google.com",
        ("google.com", "goo.gl", "g.co", "forms.gle", "googleusercontent.com", "gstatic.com"),
        ("google",),
        any_tld=True,
    ),
    Brand("Gmail", "https://mail.google.com", ("gmail.com", "googlemail.com"), ("gmail",)),
    Brand(
        "Microsoft",
        "https://www.microsoft.com",
        (
            "microsoft.com",
            "microsoftonline.com",
            "live.com",
            "office.com",
            "office365.com",
            "sharepoint.com",
            "onedrive.com",
            "msn.com",
            "skype.com",
        ),
        ("microsoft", "office365", "onedrive", "sharepoint"),
        any_tld=True,
    ),
    Brand(
        "Outlook",
        "https://outlook.live.com",
        ("outlook.com", "hotmail.com", "hotmail.co.uk", "live.co.uk"),
        ("hotmail",),
        ("outlook",),
        any_tld=True,
    ),
    Brand(
        "Apple",
        "https://www.apple.com",
        ("apple.com", "apple.co", "icloud.com", "me.com", "mac.com"),
        ("icloud", "appleid", "itunes"),
        ("apple",),
        any_tld=True,
    ),
    Brand(
        "PayPal",
        "https://www.paypal.com",
        ("paypal.com", "paypal.me", "paypalobjects.com"),
        ("paypal",),
        any_tld=True,
    ),
    Brand(
        "Amazon",
        "https://www.amazon.co.uk",
        ("amazon.com", "amazon.co.uk", "amzn.to", "amzn.eu", "a.co", "media-amazon.com"),
        (),
        ("amazon",),
        any_tld=True,
    ),
    Brand("eBay", "https://www.ebay.co.uk", ("ebay.co.uk", "ebay.com"), (), ("ebay",), any_tld=True),
    Brand("Netflix", "https://www.netflix.com", ("netflix.com",), ("netflix",), any_tld=True),
    Brand("Dropbox", "https://www.dropbox.com", ("dropbox.com", "db.tt"), ("dropbox",)),
    Brand("DocuSign", "https://www.docusign.com", ("docusign.com", "docusign.net"), ("docusign",)),
    Brand(
        "Barclays",
        "https://www.barclays.co.uk",
        ("barclays.co.uk", "barclays.com", "barclaycard.co.uk"),
        ("barclays", "barclaycard"),
    ),
    Brand("HSBC", "https://www.hsbc.co.uk", ("hsbc.co.uk", "hsbc.com"), ("hsbc",), any_tld=True),
    Brand(
        "Lloyds Bank",
        "https://www.lloydsbank.com",
        ("lloydsbank.com", "lloydsbank.co.uk", "lloydsbankinggroup.com", "lloyds.com"),
        ("lloydsbank",),
        ("lloyds",),
    ),
    Brand("NatWest", "https://www.natwest.com", ("natwest.com", "natwestgroup.com"), ("natwest",)),
    Brand(
        "Santander",
        "https://www.santander.co.uk",
        ("santander.co.uk", "santander.com"),
        (),
        ("santander",),
        any_tld=True,
    ),
    Brand("Nationwide", "https://www.nationwide.co.uk", ("nationwide.co.uk",), (), ("nationwide",)),
    Brand("Monzo", "https://monzo.com", ("monzo.com", "monzo.me"), ("monzo",)),
    Brand(
        "Starling Bank",
        "https://www.starlingbank.com",
        ("starlingbank.com",),
        ("starlingbank",),
        ("starling",),
    ),
    Brand(
        "Halifax",
        "https://www.halifax.co.uk",
        ("halifax.co.uk", "halifax-online.co.uk"),
        (),
        ("halifax",),
    ),
    Brand(
        "Royal Mail",
        "https://www.royalmail.com",
        ("royalmail.com", "royalmail.co.uk", "royalmailgroup.com"),
        ("royalmail",),
    ),
)

# Domain -> brand, for "is this host the brand's own (or a subdomain of it)?".
_OFFICIAL: dict[str, Brand] = {}
for _b in BRANDS:
    for _d in _b.domains:
        _OFFICIAL.setdefault(_d, _b)

# Words that are real, unrelated names close to a brand (email ~ gmail, cloud ~ icloud).
_BENIGN_LABELS = frozenset(
    {
        "email",
        "cloud",
        "mondo",
        "mono",
        "lloyd",
        "floyds",
        "goggle",
        "googly",
        "goole",
        "apply",
        "ample",
        "paypay",
        "barclay",
        "twister",
    }
)

# Link shorteners: the reader cannot see where the link goes. X's t.co and LinkedIn's lnkd.in
# are not here: those platforms wrap every link themselves, so a copied post always has them.
_SHORTENERS = frozenset(
    {
        "bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "ow.ly", "is.gd", "v.gd",
        "buff.ly", "rb.gy", "cutt.ly", "shorturl.at", "tiny.cc", "t.ly", "bl.ink", "rebrand.ly",
        "s.id", "shorte.st", "adf.ly", "dlvr.it", "ift.tt", "tr.im", "x.co",
        "trib.al", "soo.gd", "clck.ru", "shrtco.de", "tiny.one", "bit.do", "qr.ae", "po.st",
        "su.pr", "mcaf.ee", "urlz.fr", "1url.com", "short.gy",
    }
)  # fmt: skip

# Endings much used by throwaway and phishing sites (a supporting reason only).
_SUSPICIOUS_TLDS = frozenset(
    {
        "zip", "mov", "top", "xyz", "click", "country", "gq", "tk", "ml", "cf", "ga", "work",
        "link", "loan", "men", "date", "racing", "win", "review", "stream", "download", "kim",
        "party", "science", "bid", "trade", "webcam", "accountant", "faith", "cricket", "rest",
        "fit", "cam", "cyou", "buzz", "monster", "quest", "sbs", "cfd", "icu", "bar", "best",
        "uno", "su", "surf", "lol", "mom", "beauty", "hair", "skin", "makeup", "boats", "autos",
    }
)  # fmt: skip

# A bare domain with no scheme, ``www.`` or path counts as a link when it ends in one of these;
# other endings are often English words or file extensions ("tired.so", "setup.py").
_COMMON_BARE_TLDS = frozenset(
    {
        "com", "net", "org", "info", "biz", "edu", "gov", "uk", "eu", "io", "co", "ly", "gl",
        "gd", "cc", "tv", "fm", "ie", "de", "fr", "es", "nl", "au", "nz", "ca", "ch", "se",
        "dk", "fi", "pt", "online", "site", "website", "scot", "wales", "cymru", "london",
    }
)  # fmt: skip
_FILE_LIKE_TLDS = frozenset({"zip", "mov", "py", "md", "sh", "pl", "rs", "ai", "ps", "cat"})

# Words of fake login pages, in a path or in the host.
_CRED_WORDS = frozenset(
    {
        "login", "logon", "signin", "verify", "verification", "validate", "suspended",
        "password", "passwd", "billing", "confirm", "secure", "webscr", "authenticate",
        "unlock", "credentials", "wp-admin", "wp-login", "log-in", "sign-in", "sign-on",
        "reset-password", "update-billing", "account-suspended", "verify-account",
        "confirm-identity", "unlock-account", "account-locked", "security-check",
    }
)  # fmt: skip
_STRONG_CRED_PHRASES = frozenset(
    {
        "account-suspended", "update-billing", "verify-account", "confirm-identity",
        "unlock-account", "account-locked", "suspended",
    }
)  # fmt: skip
# Words that keep company with a borrowed brand name in phishing domains.
_PHISHY_WORDS = _CRED_WORDS | frozenset(
    {
        "account", "accounts", "update", "support", "payment", "pay", "bank",
        "banking", "online", "service", "services", "help", "helpdesk", "customer", "refund",
        "rebate", "tax", "alert", "alerts", "notice", "recovery", "recover", "reset", "auth",
        "wallet", "member", "members", "membership", "renew", "renewal", "renewals", "portal",
        "webmail", "mail", "official", "claim", "prize", "gift", "delivery", "parcel",
        "track", "tracking", "redelivery", "fee", "fine", "pass", "covid", "security", "safety",
        "id", "uk", "gb", "protect", "protection", "verified",
    }
)  # fmt: skip

_LEET = {"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t"}
_PAIRS = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_DOTS = "\u3002\uff0e\uff61"
_DOT_TABLE = str.maketrans(dict.fromkeys(_DOTS, "."))

# --------------------------------------------------------------------------------------------
# Finding links
# --------------------------------------------------------------------------------------------

_LABEL = r"(?:[^\W_]|[\u00ad\u200b-\u200d\u2060\ufeff])(?:[\w\u00ad\u200b-\u200d\u2060\ufeff-]{0,62})"
_DOT = r"[.\u3002\uff0e\uff61]"
_URL_CHARS = r"[^\s<>\"'`“”‘’«»|\\^{}]"

_SCHEME_RE = re.compile(rf"(?i)(?<![\w+.-])(?:https?|ftp)://{_URL_CHARS}+")
_BARE_RE = re.compile(
    rf"(?<![\w@#.:/\u00ad\u200b-\u200d\u2060\ufeff-])"
    rf"(?P<host>(?:{_LABEL}{_DOT})+(?:[^\W\d_]{{2,63}}|xn--[a-z0-9-]{{1,59}}))"
    rf"(?![\w@\u00ad\u200b-\u200d\u2060\ufeff-]|{_DOT}[^\W_])"
    rf"(?::(?P<port>\d{{1,5}})(?!\d))?"
    rf"(?P<path>[/?#]{_URL_CHARS}*)?"
)
_BARE_IP_RE = re.compile(
    rf"(?<![\w.@/:-])(?P<host>\d{{1,3}}(?:\.\d{{1,3}}){{3}})(?![\w.]?\d)"
    rf"(?::(?P<port>\d{{1,5}}))?(?P<path>/{_URL_CHARS}*)?"
)
_TRAILING = ".,;:!?…'\"*_~"
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}
_HOST_JUNK_RE = re.compile(r"[^\w.\u00ad\u200b-\u200d\u2060\ufeff:\[\]-]")
_WORD_SPLIT_RE = re.compile(r"[^a-z0-9]+")
_ENTITY_TAIL_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);?$")
_PLAUSIBLE_HOST_RE = re.compile(r".*\.(?:[^\W\d_]{2,63}|xn--[a-z0-9-]+)")


@dataclass(frozen=True)
class Link:
    """One link in a text: its span, what was written, and its parts.

    ``host`` is lower-cased with Unicode full stops turned into dots, without user-info, port or
    IPv6 brackets; ``explicit`` is true when the link carries a scheme or starts with ``www.``.
    """

    start: int
    end: int
    raw: str
    host: str
    scheme: str | None = None
    userinfo: str | None = None
    port: str | None = None
    path: str = ""
    explicit: bool = False


def _trim(raw: str) -> str:
    """Drop punctuation that ends the sentence rather than the link ("see babcp.com.")."""
    raw = _ENTITY_TAIL_RE.sub("", raw)  # "http://t.co/&#8230" in scraped, truncated posts
    while raw:
        last = raw[-1]
        unbalanced = last in _CLOSERS and raw.count(_CLOSERS[last]) < raw.count(last)
        if last not in _TRAILING and not unbalanced:
            break
        raw = raw[:-1]
    return raw


def _split_url(raw: str) -> tuple[str, str | None, str, str | None, str] | None:
    """Split ``scheme://[userinfo@]host[:port]rest`` into (scheme, userinfo, host, port, rest)."""
    scheme, sep, rest = raw.partition("://")
    if not sep:
        return None
    cut = len(rest)
    for ch in "/?#\\":
        pos = rest.find(ch)
        if pos != -1:
            cut = min(cut, pos)
    authority, path = rest[:cut], rest[cut:]
    userinfo: str | None = None
    if "@" in authority:
        userinfo, authority = authority.rsplit("@", 1)
    port: str | None = None
    if authority.startswith("["):
        end = authority.find("]")
        if end == -1:
            return None
        host = authority[1:end]
        tail = authority[end + 1 :]
        if tail.startswith(":"):
            port = tail[1:]
    else:
        host, colon, port_text = authority.partition(":")
        if colon:
            port = port_text
    host = host.translate(_DOT_TABLE).lower().strip(".")
    junk = _HOST_JUNK_RE.search(host)
    if junk:
        host = host[: junk.start()]
    if not host:
        return None
    return scheme.lower(), userinfo or None, host, port or None, path


def _url_link(raw: str, start: int) -> Link | None:
    parts = _split_url(raw)
    if parts is None:
        return None
    scheme, userinfo, host, port, path = parts
    if not (_PLAUSIBLE_HOST_RE.fullmatch(host) or _ip_host(host)):
        return None  # "http://t.c" cut off mid-word, "http://intranet"
    return Link(start, start + len(raw), raw, host, scheme, userinfo, port, path, explicit=True)


def _brand_hint(label: str) -> bool:
    """Whether a compact label contains a distinctive brand name (after folding)."""
    folded = _fold(_skeleton(label)[0])
    return any(tok in folded for tok in _STRONG_FOLDED_LONG)


def _accept_bare(host: str, path: str, port: str | None) -> bool:
    labels = host.split(".")
    if any(not lab for lab in labels):
        return False
    low = host.lower()
    ext = _EXTRACT(low)
    if not ext.suffix:
        return False
    if not ext.domain and low not in _OFFICIAL:
        return False
    if labels[0].lower() == "www" or path.startswith("/") or port:
        return True
    tld = labels[-1]
    if not tld.isascii() or tld.startswith("xn--"):
        return True
    if tld[0].isupper() and not tld.isupper():  # "Mr.Smith", "B.Sc", "end.It"
        return False
    tld = tld.lower()
    if not host.isascii() or "xn--" in low or low in _SHORTENERS:
        return True
    if tld in _FILE_LIKE_TLDS:
        return _brand_hint(ext.domain.lower().replace("-", ""))
    if tld in _COMMON_BARE_TLDS or tld in _SUSPICIOUS_TLDS:
        return True
    return _brand_hint(ext.domain.lower().replace("-", ""))


def find_links(text: str) -> list[Link]:
    """Every link in ``text``, in order of position: with a scheme, ``www.``, or a bare domain.

    Bare domains count when they have a path or port, or end in a common TLD, or are written with
    non-ASCII characters or punycode, or borrow a brand name; sentence abbreviations ("e.g.",
    "Mr.Smith"), file names ("report.pdf", "setup.py"), times ("9.30am") and version numbers are
    not links. E-mail addresses are not links either.
    """
    if "." not in text and "://" not in text and not any(d in text for d in _DOTS):
        return []
    links: list[Link] = []
    taken: list[tuple[int, int]] = []
    if "://" in text:
        for m in _SCHEME_RE.finditer(text):
            raw = _trim(m.group())
            link = _url_link(raw, m.start())
            if link is not None:
                links.append(link)
                taken.append((m.start(), m.end()))

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in _BARE_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        raw = _trim(m.group())
        host_text = m.group("host")
        if len(raw) < len(host_text):
            continue
        rest = raw[len(host_text) :]
        port = m.group("port")
        if port:
            rest = rest[len(port) + 1 :]
        path = rest
        host = host_text.translate(_DOT_TABLE)
        if not _accept_bare(host, path, port):
            continue
        low = host.lower()
        links.append(
            Link(
                m.start(),
                m.start() + len(raw),
                raw,
                low,
                port=port,
                path=path,
                explicit=low.startswith("www."),
            )
        )
        taken.append((m.start(), m.end()))
    if any(ch.isdigit() for ch in text):
        for m in _BARE_IP_RE.finditer(text):
            if not free(m.start(), m.end()) or not (m.group("path") or m.group("port")):
                continue
            try:
                ipaddress.IPv4Address(m.group("host"))
            except ValueError:
                continue
            raw = _trim(m.group())
            path = m.group("path") or ""
            links.append(
                Link(
                    m.start(),
                    m.start() + len(raw),
                    raw,
                    m.group("host"),
                    port=m.group("port"),
                    path=path,
                )
            )
    links.sort(key=lambda link: link.start)
    return links


def parse_link(url: str) -> Link | None:
    """Parse one address known to be a link (a profile's website field), scheme optional."""
    text = url.strip()
    if not text:
        return None
    if "://" in text:
        return _url_link(_trim(text), 0)
    link = _url_link("http://" + text, 0)
    if link is None:
        return None
    return Link(
        0,
        len(text),
        text,
        link.host,
        None,
        link.userinfo,
        link.port,
        link.path,
        link.host.startswith("www."),
    )


# --------------------------------------------------------------------------------------------
# Homoglyph skeletons
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _ascii_for(ch: str) -> tuple[str, str] | None:
    """The ASCII letter or digit a non-ASCII character imitates, and how ('confusable'/'accent')."""
    nfkc = unicodedata.normalize("NFKC", ch).lower()
    if len(nfkc) == 1 and nfkc.isascii() and nfkc.isalnum():
        return nfkc, "confusable"
    found = confusables.is_confusable(ch, preferred_aliases=[], greedy=True)
    if found:
        for glyph in found[0]["homoglyphs"]:
            c = str(glyph["c"]).lower()
            if len(c) == 1 and c.isascii() and c.isalnum():
                return c, "confusable"
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    base = base.lower()
    if len(base) == 1 and base.isascii() and base.isalnum():
        return base, "accent"
    return None


@dataclass(frozen=True)
class _Sub:
    orig: str
    repl: str
    kind: str  # confusable, accent, invisible, digit, pair, letter


def _skeleton(label: str) -> tuple[str, tuple[_Sub, ...]]:
    """Replace look-alike Unicode characters by the ASCII letters they imitate."""
    if label.isascii():
        return label, ()
    out: list[str] = []
    subs: list[_Sub] = []
    for ch in label:
        if ch in _INVISIBLE:
            subs.append(_Sub(ch, "", "invisible"))
        elif ch.isascii():
            out.append(ch)
        else:
            found = _ascii_for(ch)
            if found is None:
                out.append(ch)
            else:
                out.append(found[0])
                subs.append(_Sub(ch, found[0], found[1]))
    return "".join(out), tuple(subs)


def _fold_light(skel: str) -> str:
    """Fold what reads alike: 0->o, 1->l, rn->m, vv->w, cl->d, i->l."""
    s = "".join(_LEET.get(c, c) for c in skel)
    for pair, repl in _PAIRS:
        s = s.replace(pair, repl)
    return s.replace("i", "l")


@lru_cache(maxsize=4096)
def _fold(skel: str) -> str:
    """:func:`_fold_light`, then doubled letters collapsed (goooogle -> gogle)."""
    return _DOUBLED_RE.sub(r"\1", _fold_light(skel))


_DOUBLED_RE = re.compile(r"(.)\1+")


def _scripts(label: str) -> set[str]:
    found: set[str] = set()
    for ch in label:
        if ch.isalpha():
            alias = categories.alias(ch)
            if alias not in ("COMMON", "INHERITED"):
                found.add(alias)
    return found


_STRONG_FOLDED_LONG: tuple[str, ...] = tuple(
    sorted({_fold(t) for b in BRANDS for t in b.tokens if len(t) >= 4})
)
# token -> brand, for a label that is exactly some brand's name.
_TOKEN_OWNER: dict[str, Brand] = {}
for _b in BRANDS:
    for _t in (*_b.tokens, *_b.weak_tokens):
        _TOKEN_OWNER.setdefault(_t, _b)


def _close(label: str, token: str) -> bool:
    """A near miss of a brand name: small Damerau-Levenshtein distance scaled by length."""
    n = len(token)
    if n < 4 or len(label) < 3 or abs(len(label) - n) > 2 or label == token:
        return False
    if n <= 4:
        return (
            sorted(label) == sorted(token) and DamerauLevenshtein.distance(label, token, score_cutoff=1) == 1
        )
    limit = 1 if n <= 8 else 2
    distance = DamerauLevenshtein.distance(label, token, score_cutoff=limit)
    if distance > limit:
        return False
    if distance == 1 and sorted(label) == sorted(token):  # two letters swapped
        return True
    if n <= 6:
        return label[0] == token[0] and (
            label[-1] == token[-1] or token.startswith(label) or label.startswith(token)
        )
    return label[0] == token[0] or label[-1] == token[-1]


def _sub_group(sub: _Sub) -> tuple[str, str]:
    """(singular, plural) names for the kind of trick a substitution is."""
    if sub.kind == "invisible":
        return "an invisible character", "invisible characters"
    if sub.kind == "accent":
        return "the accented letter", "accented letters"
    if sub.kind == "digit":
        return "the digit", "digits"
    if sub.kind == "pair":
        return "the letters", "letter pairs"
    if sub.kind == "letter":
        return "the letter", "letters"
    script = categories.alias(sub.orig)
    if script in ("COMMON", "INHERITED", "LATIN"):
        return "the look-alike character", "look-alike characters"
    return f"a {script.title()} letter", f"{script.title()} letters"


def _describe_subs(subs: list[_Sub]) -> str:
    """Plain English for the tricks used: "a Cyrillic letter ('а' in place of 'a')"."""
    groups: dict[tuple[str, str], list[_Sub]] = {}
    seen: set[tuple[str, str]] = set()
    for sub in subs:
        if (sub.orig, sub.repl) not in seen:
            seen.add((sub.orig, sub.repl))
            groups.setdefault(_sub_group(sub), []).append(sub)
    parts: list[str] = []
    for (one, many), items in groups.items():
        if items[0].kind == "invisible":
            parts.append(one if len(items) == 1 else many)
            continue
        pairs = ", ".join(f"'{i.orig}' in place of '{i.repl}'" for i in items)
        if len(items) == 1 and not one.startswith("a "):
            parts.append(f"{one} {pairs}")
        else:
            parts.append(f"{one if len(items) == 1 else many} ({pairs})")
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _visible_subs(skel: str, subs: tuple[_Sub, ...], token: str) -> list[_Sub]:
    """The substitutions worth naming: Unicode look-alikes, plus leet/pairs the brand lacks."""
    out = list(subs)
    for ch in dict.fromkeys(skel):
        if ch in _LEET and ch not in token:
            out.append(_Sub(ch, _LEET[ch], "digit"))
    for pair, repl in _PAIRS:
        if pair in skel and pair not in token:
            out.append(_Sub(pair, repl, "pair"))
    if len(skel) == len(token):
        for mine, theirs in zip(skel, token, strict=True):
            if {mine, theirs} == {"i", "l"}:
                out.append(_Sub(mine, theirs, "letter"))
    return out


# --------------------------------------------------------------------------------------------
# Assessment
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One reason for suspicion: a stable code, plain-English text and a weight in 0..1.

    ``primary`` reasons are enough on their own; the others only support (a phishing TLD, login
    words), and report only when together they reach the threshold.
    """

    code: str
    text: str
    weight: float
    primary: bool = True


@dataclass(frozen=True)
class LinkAssessment:
    link: Link
    host: str  # as a reader sees it (punycode decoded)
    registered_domain: str
    reasons: tuple[Reason, ...]
    brand: Brand | None
    score: float
    suspicious: bool

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.reasons]

    @property
    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]


_THRESHOLD = 0.5


def _decode_punycode(host: str) -> tuple[str, bool]:
    """The host with ``xn--`` labels decoded, and whether any label was punycode."""
    if "xn--" not in host:
        return host, False
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError, ValueError):
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return ".".join(labels), True


def _official(host: str) -> Brand | None:
    labels = host.split(".")
    for i in range(len(labels)):
        brand = _OFFICIAL.get(".".join(labels[i:]))
        if brand is not None:
            return brand
    return None


def _ip_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        # Numeric hosts browsers still read as addresses: 3232235777, 0x7f.1, 0177.0.0.1.
        return bool(re.fullmatch(r"(?:0x[0-9a-f]+|\d+)(?:\.(?:0x[0-9a-f]+|\d+)){0,3}", host))
    return True


@dataclass(frozen=True)
class _BrandMatch:
    brand: Brand
    code: str
    text: str
    weight: float
    described: bool  # the text already names the Unicode tricks


def _label_parts(label: str) -> list[str]:
    return [p for p in label.split("-") if p]


def _phishy_context(words: set[str], tld: str) -> bool:
    return bool(words & _PHISHY_WORDS) or tld in _SUSPICIOUS_TLDS


def _match_brand(ext: Any, words: set[str], cred: bool, display: str, reg: str) -> _BrandMatch | None:
    """The brand a non-official host imitates, if any, with the reason in plain English."""
    label = str(ext.domain)
    suffix = str(ext.suffix)
    tld = suffix.rsplit(".", 1)[-1]
    sub_labels = [s for s in str(ext.subdomain).split(".") if s and s != "www"]
    compact_raw = label.replace("-", "")
    skel, subs = _skeleton(compact_raw)
    folded = _fold(skel)
    parts = _label_parts(label)
    context = cred or _phishy_context(words, tld)

    # 1. An official domain written as a subdomain: "paypal.com.secure-login.net".
    sub = str(ext.subdomain)
    if sub:
        dotted = f".{sub}."
        for brand in BRANDS:
            for d in brand.domains:
                if f".{d}." in dotted:
                    return _BrandMatch(
                        brand,
                        "brand-subdomain",
                        f"the address starts with {d}, but the website it really goes to is "
                        f"{reg}, not {brand.main}",
                        0.85,
                        False,
                    )

    # 2. The whole label is (or imitates) a brand name.
    exact_owner = _TOKEN_OWNER.get(compact_raw)
    if exact_owner is not None and (compact_raw == label or label in _OWN_LABELS):
        brand = exact_owner
        weak = compact_raw in brand.weak_tokens
        suspicious_tld = tld in _SUSPICIOUS_TLDS
        if (not brand.any_tld or suspicious_tld) and (not weak or context):
            return _BrandMatch(
                brand,
                "brand-other-domain",
                f"the link goes to {reg}, which uses the name of {brand.name} but is not its "
                f"official website ({brand.main})",
                0.6,
                False,
            )
        return None
    if label:
        for brand, tok, weak in _ALL_TOKENS:
            if folded != _FOLDED[tok] or label == tok:
                continue
            tricks = _visible_subs(skel, subs, tok)
            if not tricks and compact_raw in _BENIGN_LABELS:
                continue
            if weak and not (context or tricks):
                continue
            real = _domain_for(brand, tok)
            if tricks:
                how = f"imitates {real} using {_describe_subs(tricks)}"
            elif "-" in label and compact_raw == tok:
                how = f"imitates {real} by adding a hyphen"
            else:
                how = f"looks like {real} but is a different website"
            text = f"the link goes to {display}, which {how}"
            return _BrandMatch(brand, "lookalike", text, 0.9 if subs else 0.85, bool(subs))
        if exact_owner is None and compact_raw not in _BENIGN_LABELS:
            light = _fold_light(skel)
            for brand, tok, weak in _ALL_TOKENS:
                if (not weak or context) and _close(light, _LIGHT[tok]):
                    return _BrandMatch(
                        brand,
                        "lookalike",
                        f"the link goes to {display}, which looks like {_domain_for(brand, tok)} "
                        f"but is spelt differently: it is a different website",
                        0.75,
                        False,
                    )

    # 3. The brand name embedded in a longer registered domain: "babcp-renewals.com".
    if label and exact_owner is None:
        part_folds = [_fold(_skeleton(p)[0]) for p in parts]
        for brand, tok, weak in _ALL_TOKENS:
            tok_fold = _FOLDED[tok]
            hit = False
            if len(parts) > 1:
                if tok_fold in part_folds:
                    hit = not weak or context
                elif not weak and len(tok) >= 5:
                    # a misspelt brand beside other words: "bacbp-accreditation.com"
                    hit = any(_close(f, tok_fold) for f in part_folds)
            if not hit and len(tok) >= 4 and tok_fold in folded and folded != tok_fold:
                rest = folded.replace(tok_fold, " ").split()
                hit = not weak or context or any(_phishy_rest(r) for r in rest)
            if hit:
                return _BrandMatch(
                    brand,
                    "brand-embedded",
                    f"the link goes to {reg}, which borrows the name of {brand.name} but is "
                    f"not its official website ({brand.main})",
                    0.75,
                    False,
                )

    # 4. The brand as a subdomain label of an unrelated domain: "paypal.secure-login.net".
    for sub_label in sub_labels:
        sub_fold = _fold(_skeleton(sub_label.replace("-", ""))[0])
        sub_parts = {_fold(_skeleton(p)[0]) for p in _label_parts(sub_label)}
        for brand, tok, weak in _ALL_TOKENS:
            tok_fold = _FOLDED[tok]
            if len(tok) < 3 or (weak and not context):
                continue
            if (
                sub_fold == tok_fold
                or tok_fold in sub_parts
                or (len(tok) >= 4 and not weak and tok_fold in sub_fold)
            ):
                return _BrandMatch(
                    brand,
                    "brand-subdomain",
                    f"the address starts with {sub_label}, but the website it really goes "
                    f"to is {reg}, not {brand.main}",
                    0.75,
                    False,
                )
    return None


_FOLDED: dict[str, str] = {t: _fold(t) for t in _TOKEN_OWNER}
_LIGHT: dict[str, str] = {t: _fold_light(t) for t in _TOKEN_OWNER}
# (brand, token, weak) for every brand name: distinctive names first, then ordinary words.
_ALL_TOKENS: tuple[tuple[Brand, str, bool], ...] = tuple(
    [(b, t, False) for b in BRANDS for t in b.tokens] + [(b, t, True) for b in BRANDS for t in b.weak_tokens]
)
_TOKEN_DOMAIN: dict[tuple[str, str], str] = {
    (b.name, _EXTRACT(d).domain.replace("-", "")): d for b in BRANDS for d in reversed(b.domains)
}


def _domain_for(brand: Brand, token: str) -> str:
    """The brand's domain that a token names (twitter -> twitter.com), else its main one."""
    return _TOKEN_DOMAIN.get((brand.name, token), brand.main)


# Hyphenated labels of official domains ("hcpc-uk"): the brand's own name, not a trick.
_OWN_LABELS = frozenset(_EXTRACT(d).domain for b in BRANDS for d in b.domains if "-" in _EXTRACT(d).domain)


_PHISHY_FOLDED = frozenset(_fold(w) for w in _PHISHY_WORDS if "-" not in w)


def _phishy_rest(rest: str) -> bool:
    """Whether what surrounds a brand name in a (folded) label is phishing vocabulary."""
    rest = rest.strip("-0123456789")
    if not rest or rest in _PHISHY_FOLDED:
        return True
    return any(len(w) >= 4 and (rest.startswith(w) or rest.endswith(w)) for w in _PHISHY_FOLDED)


def _cred_words(name_labels: list[str], path: str) -> tuple[list[str], bool, bool]:
    """Login-page words in the host and the path, in order: (words, in both, strong phrase)."""
    hits: list[tuple[int, int, str]] = []
    places: set[int] = set()
    for place, text in enumerate(("-".join(name_labels), path.lower())):
        if not text:
            continue
        norm = "-" + "-".join(_WORD_SPLIT_RE.split(text)).strip("-") + "-"
        for word in _CRED_WORDS:
            pos = norm.find(f"-{word}-")
            if pos != -1:
                hits.append((place, pos, word))
                places.add(place)
    found = list(dict.fromkeys(word for _, _, word in sorted(hits)))
    # Drop single words already inside a found phrase ("suspended" in "account-suspended").
    found = [w for w in found if not any(w != o and w in o.split("-") for o in found)]
    strong = any(w in _STRONG_CRED_PHRASES for w in found)
    return found, len(places) == 2, strong


def inspect_link(link: Link | str) -> LinkAssessment:
    """Judge one link (or one address string) and give every reason for suspicion."""
    if isinstance(link, str):
        parsed = parse_link(link)
        if parsed is None:
            return LinkAssessment(Link(0, len(link), link, ""), "", "", (), None, 0.0, False)
        link = parsed
    judged = _judge(link.host, link.userinfo, link.path)
    return LinkAssessment(link, *judged)


@lru_cache(maxsize=8192)
def _judge(
    host: str, userinfo: str | None, path: str
) -> tuple[str, str, tuple[Reason, ...], Brand | None, float, bool]:
    """The verdict on one address (cached: audits meet the same links again and again)."""
    host = host.translate(_DOT_TABLE).strip(".").lower()
    reasons: list[Reason] = []
    brand: Brand | None = None

    if userinfo is not None:
        shown = userinfo
        reasons.append(
            Reason(
                "userinfo",
                f"the address hides its real destination: the part before '@' ({shown}) is "
                f"ignored, and the link really goes to {host}",
                0.9,
            )
        )
        brand = next(_official_in(shown), None)

    if _ip_host(host):
        reasons.append(
            Reason(
                "ip-host",
                f"the link goes to a bare internet address ({host}) instead of a named website, "
                f"so you cannot tell who runs it",
                0.7,
            )
        )
        return _finish(host, host, reasons, brand)

    uhost, was_punycode = _decode_punycode(host)
    if was_punycode:
        if uhost != host:
            text = (
                f"the address is written in punycode ({host}), a coded form that hides how it "
                f"really reads: {uhost}"
            )
        else:
            text = f"the address uses punycode ({host}), a coded form that hides how it reads"
        reasons.append(Reason("punycode", text, 0.5))

    ext = _EXTRACT(uhost)
    reg = ".".join(p for p in (ext.domain, ext.suffix) if p) or uhost

    if any(ch in _INVISIBLE for ch in uhost):
        reasons.append(
            Reason(
                "invisible-characters",
                "the address contains invisible characters, which can hide its real spelling",
                0.8,
            )
        )
        uhost = "".join(ch for ch in uhost if ch not in _INVISIBLE)
        ext = _EXTRACT(uhost)
        reg = ".".join(p for p in (ext.domain, ext.suffix) if p) or uhost
        imitated = _official(uhost)
        if imitated is not None:
            brand = imitated
            reasons.append(
                Reason(
                    "lookalike",
                    f"the link looks like {reg} but is not the same address: the hidden "
                    f"characters make it a different website",
                    0.85,
                )
            )
            return _finish(uhost, reg, reasons, brand)

    official = _official(uhost)
    short = reg in _SHORTENERS or uhost in _SHORTENERS
    if short and len(path.strip("/?#")) > 0:
        reasons.append(
            Reason(
                "shortener",
                f"{reg} is a link shortener, so readers cannot see where the link really goes",
                0.35,
            )
        )

    tld = str(ext.suffix).rsplit(".", 1)[-1]
    if official is None and not short:
        name_labels = [p for p in (*str(ext.subdomain).split("."), str(ext.domain)) if p]
        words = {w for lab in name_labels for w in _label_parts(lab)}
        words |= set(_WORD_SPLIT_RE.split(path.lower())) - {""}
        cred, both, strong = _cred_words(name_labels, path)
        match = None
        if ext.domain:
            match = _match_brand(ext, words, bool(cred), uhost, reg)
        described = False
        if match is not None:
            brand = match.brand
            described = match.described
            reasons.append(Reason(match.code, match.text, match.weight))

        # Unicode tricks not already explained by a brand lookalike.
        if not uhost.isascii() and not described:
            _unicode_reasons(uhost, reasons)

        if cred:
            text = "the address contains words used by fake login pages (" + ", ".join(cred) + ")"
            if brand is not None:
                text += f", on a site that is not {brand.name}'s own"
            weight = 0.5 if (strong or both) else 0.3
            reasons.append(Reason("credential-words", text, weight, primary=False))
        if tld in _SUSPICIOUS_TLDS:
            reasons.append(
                Reason(
                    "suspicious-tld",
                    f"it ends in .{tld}, an ending often used by scam websites",
                    0.2,
                    primary=False,
                )
            )
    return _finish(uhost, reg, reasons, brand)


def _official_in(userinfo: str) -> Iterator[Brand]:
    """Brands whose domain or name appears in the user-info part of an address."""
    low = userinfo.lower()
    for brand in BRANDS:
        if any(d in low for d in brand.domains) or any(t in low for t in brand.tokens):
            yield brand


def _unicode_reasons(uhost: str, reasons: list[Reason]) -> None:
    confusable: list[_Sub] = []
    mixed: set[str] = set()
    for label in uhost.split("."):
        if label.isascii():
            continue
        skel, subs = _skeleton(label)
        scripts = _scripts(label)
        tricks = [s for s in subs if s.kind == "confusable"]
        if tricks and (len(scripts) > 1 or skel.isascii()):
            confusable.extend(tricks)
        if len(scripts) > 1:
            mixed |= scripts
    if confusable:
        reasons.append(
            Reason(
                "homoglyph",
                f"the address {uhost} contains {_describe_subs(confusable)}, which looks like an "
                f"ordinary letter but is not",
                0.75,
            )
        )
    elif mixed:
        names = " and ".join(sorted(s.title() for s in mixed))
        reasons.append(
            Reason(
                "mixed-script",
                f"the address {uhost} mixes letters from different alphabets ({names})",
                0.6,
            )
        )


def _finish(
    host: str, reg: str, reasons: list[Reason], brand: Brand | None
) -> tuple[str, str, tuple[Reason, ...], Brand | None, float, bool]:
    """Combine the reasons: noisy-OR of their weights; suspicious on any primary reason."""
    remaining = 1.0
    for reason in reasons:
        remaining *= 1.0 - reason.weight
    score = round(min(0.99, 1.0 - remaining), 3)
    suspicious = any(r.primary for r in reasons) or score >= _THRESHOLD
    return host, reg, tuple(reasons), brand, score, suspicious


def assess(link: Link | str) -> list[str]:
    """Plain-English reasons why a link deserves suspicion; empty when it does not."""
    result = inspect_link(link)
    return result.texts if result.suspicious else []


# --------------------------------------------------------------------------------------------
# Detector
# --------------------------------------------------------------------------------------------


def _suggestion(result: LinkAssessment) -> str:
    if result.brand is not None:
        return (
            f"Don't share this link. If you meant {result.brand.name}, link to {result.brand.url} directly."
        )
    if result.codes == ["shortener"]:
        return "Share the full address instead of a shortened link, after checking where it really leads."
    return (
        "Don't share this link unless you are sure where it leads; link to the organisation's "
        "official website instead."
    )


def _message(result: LinkAssessment) -> str:
    text = "; ".join(result.texts)
    return f"This link deserves suspicion: {text}."


@register
class SuspiciousLinkDetector(Detector):
    """SM503: lookalike, homoglyph, raw-IP, punycode, shortened and credential-phishing links."""

    name = "links"
    rules = (RULE,)

    def detect(self, post: Analysis) -> Iterator[Evidence]:
        for link in find_links(post.text):
            result = inspect_link(link)
            if not result.suspicious:
                continue
            yield Evidence(
                rule=RULE,
                message=_message(result),
                start=link.start,
                end=link.end,
                score=result.score,
                detector=self.name,
                suggestion=_suggestion(result),
                explanation={
                    "host": result.host,
                    "registered_domain": result.registered_domain,
                    "reasons": result.texts,
                    "codes": result.codes,
                    "url": link.raw,
                    "brand": result.brand.name if result.brand is not None else None,
                },
            )
