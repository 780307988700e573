"""Turn the HTML of a Mastodon status or bio into the plain text a reader sees.

`<p>` and `<br>` become breaks and entities are decoded. Link text is split into
`<span class="invisible">` parts and shortened with an ellipsis, so a link is replaced by its
`href` (what it really points to, which the link checks need); mentions and hashtags keep their
visible `@name`/`#tag` form.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from postguard.sources.common import clean_text


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self.mentions: list[str] = []
        self.hashtags: list[str] = []
        self._anchor: list[tuple[str, str, list[str]]] = []  # (href, class, text parts)
        self._skip = 0

    def _emit(self, text: str) -> None:
        if self._anchor:
            self._anchor[-1][2].append(text)
        else:
            self.parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag == "br":
            self._emit("\n")
        elif tag in {"p", "div", "blockquote", "li", "pre"}:
            if self.parts and not self._anchor:
                self.parts.append("\n\n" if tag == "p" else "\n")
        elif tag == "a":
            self._anchor.append((attr.get("href", ""), attr.get("class", ""), []))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag == "a" and self._anchor:
            href, classes, parts = self._anchor.pop()
            shown = "".join(parts)
            cls = set(classes.split())
            if ("mention" in cls and "hashtag" in cls) or shown.startswith("#"):
                self.hashtags.append(shown.lstrip("#"))
                self._emit(shown)
            elif "mention" in cls or "u-url" in cls or shown.startswith("@"):
                self.mentions.append(href or shown)
                self._emit(shown)
            elif href.startswith(("http://", "https://")):
                self.links.append(href)
                self._emit(href)
            else:
                self._emit(shown)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._emit(data)


class HtmlText:
    """Plain text of an HTML fragment and the links, mentions and hashtags in it."""

    def __init__(self, text: str, links: list[str], mentions: list[str], hashtags: list[str]):
        self.text = text
        self.links = links
        self.mentions = mentions
        self.hashtags = hashtags


def html_to_text(fragment: str) -> HtmlText:
    parser = _Extractor()
    parser.feed(clean_text(fragment))
    parser.close()
    while parser._anchor:  # unclosed <a>: keep its text
        _, _, parts = parser._anchor.pop()
        parser._emit("".join(parts))
    text = "".join(parser.parts).replace("\xa0", " ")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return HtmlText(text, parser.links, parser.mentions, parser.hashtags)
