"""Reading a feed document: RSS (0.9x, 1.0, 2.0) and Atom with feedparser, JSON Feed as published.

feedparser forgives what real feeds get wrong (malformed XML, a wrong declared encoding, HTML
entities, relative links, missing dates), so a feed it can read at all is read; a document that
is not a feed is refused with the reason, and an HTML page is searched for the feed it links.
The feedparser release in use does not read JSON Feed, whose form is small: it is read here.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser
import lxml.html

from bot.feeds import FeedError

MAX_FEED_BYTES = 5_000_000
FEED_LINK_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rss+xml;charset=utf-8",
    "text/xml",
    "application/xml",
)
KIND_NAMES = {
    "rss090": "RSS 0.90",
    "rss091n": "RSS 0.91",
    "rss091u": "RSS 0.91",
    "rss092": "RSS 0.92",
    "rss093": "RSS 0.93",
    "rss094": "RSS 0.94",
    "rss20": "RSS 2.0",
    "rss10": "RSS 1.0",
    "rss": "RSS",
    "atom01": "Atom 0.1",
    "atom02": "Atom 0.2",
    "atom03": "Atom 0.3",
    "atom10": "Atom 1.0",
    "atom": "Atom",
}
JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/(\d+(?:\.\d+)?)$")
BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
    "pre",
    "figcaption",
    "ul",
    "ol",
    "table",
)


@dataclass(frozen=True)
class FeedEntry:
    """One entry as Receipts needs it; `content` is the full text when the feed carries it."""

    key: str
    url: str | None
    title: str | None
    published: str | None
    content: str | None
    summary: str | None

    @property
    def full(self) -> bool:
        return bool(self.content and self.content.strip())


@dataclass
class ParsedFeed:
    kind: str
    title: str | None
    site_url: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    problem: str | None = None  # what feedparser had to forgive, for the log


def html_text(fragment: str | None) -> str:
    """The text of an HTML fragment (a feed's content or summary), paragraphs kept apart."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", fragment) if part.strip())
    try:
        root = lxml.html.document_fromstring(f"<html><body>{fragment}</body></html>")
    except (ValueError, lxml.etree.ParserError):
        return " ".join(fragment.split())
    for element in root.iter("script", "style"):
        element.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(part for part in paragraphs if part)


def _iso_date(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).date().isoformat() if moment else None


def _entry_key(entry_id: str | None, url: str | None, title: str | None, text: str) -> str:
    """An entry's identity: its id (guid), else its url, else a hash of what it says."""
    if entry_id and entry_id.strip():
        return "id:" + entry_id.strip()
    if url:
        return "url:" + url
    return "hash:" + hashlib.sha256(f"{title or ''}\n{text}".encode()).hexdigest()


def _unique(entries: list[FeedEntry]) -> list[FeedEntry]:
    """The entries without repeats of an id (some feeds repeat a guid): the first one counts."""
    seen: set[str] = set()
    kept = []
    for entry in entries:
        if entry.key not in seen:
            seen.add(entry.key)
            kept.append(entry)
    return kept


def feed_links(html: bytes | str, base: str) -> list[str]:
    """The feeds an HTML page links with `<link rel="alternate" type="…">`, as absolute urls."""
    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    links = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().replace(" ", "")
        href = (link.get("href") or "").strip()
        if "alternate" in rel and href and kind.split(";")[0] in FEED_LINK_TYPES:
            url = urljoin(base, href)
            if url not in links:
                links.append(url)
    return links


def _looks_like_html(data: bytes) -> bool:
    head = data[:1000].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:300]


def _not_a_feed(data: bytes, url: str, reason: str) -> FeedError:
    if _looks_like_html(data):
        links = feed_links(data, url)
        if links:
            also = f" (also: {', '.join(links[1:3])})" if len(links) > 1 else ""
            return FeedError(f"that page is HTML; its feed is at {links[0]}{also}. Give that url instead.")
        return FeedError(
            "that page is HTML and links no feed; give the url of the site's RSS, "
            "Atom or JSON feed (often /feed, /rss or /atom.xml)."
        )
    return FeedError(f"that url is not an RSS, Atom or JSON Feed document ({reason}).")


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """The feed in a fetched document, or FeedError saying what the document is instead."""
    if len(data) > MAX_FEED_BYTES:
        raise FeedError(
            f"the feed is {len(data):,} bytes; Receipts reads feeds of at most {MAX_FEED_BYTES:,} bytes"
        )
    if not data.strip():
        raise FeedError("that url answered an empty document, not a feed")
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type.endswith("json") or data.lstrip()[:1] == b"{":
        return parse_json_feed(data, url)
    parsed = feedparser.parse(
        data, response_headers={"content-type": content_type or "application/xml", "content-location": url}
    )
    if not parsed.version:
        problem = parsed.get("bozo_exception")
        raise _not_a_feed(data, url, str(problem) if problem else "no feed elements found")
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        link = urljoin(url, link) if link else None
        content = max(
            (html_text(part.get("value")) for part in item.get("content") or []), key=len, default=""
        )
        summary = html_text(item.get("summary"))
        moment = item.get("published_parsed") or item.get("updated_parsed")
        published = (
            datetime.fromtimestamp(calendar.timegm(moment), UTC).date().isoformat() if moment else None
        )
        title = " ".join(html_text(item.get("title")).split()) or None
        entries.append(
            FeedEntry(
                _entry_key(item.get("id"), link, title, content or summary),
                link,
                title,
                published,
                content or None,
                summary or None,
            )
        )
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    site = parsed.feed.get("link")
    return ParsedFeed(
        KIND_NAMES.get(parsed.version, parsed.version),
        " ".join(html_text(parsed.feed.get("title")).split()) or None,
        urljoin(url, site) if site else None,
        _unique(entries),
        str(problem) if problem else None,
    )


def _json_date(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return _iso_date(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    """A JSON Feed (https://jsonfeed.org/version/1.1): its items, their content or summary."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FeedError(f"that url answered JSON that cannot be read ({error})") from None
    version = JSON_FEED_VERSION.match(str(document.get("version", "")) if isinstance(document, dict) else "")
    if not version or not isinstance(document.get("items"), list):
        raise FeedError("that url answered JSON, but not a JSON Feed (no jsonfeed.org version and items)")
    entries = []
    for item in document["items"]:
        if not isinstance(item, dict):
            continue
        link = _text(item.get("url")) or _text(item.get("external_url"))
        link = urljoin(url, link) if link else None
        content = html_text(_text(item.get("content_html"))) or html_text(_text(item.get("content_text")))
        summary = html_text(_text(item.get("summary")))
        title = " ".join(html_text(_text(item.get("title"))).split()) or None
        item_id = item.get("id")
        entries.append(
            FeedEntry(
                _entry_key(
                    str(item_id) if item_id not in (None, "") else None, link, title, content or summary
                ),
                link,
                title,
                _json_date(item.get("date_published")) or _json_date(item.get("date_modified")),
                content or None,
                summary or None,
            )
        )
    site = _text(document.get("home_page_url"))
    return ParsedFeed(
        f"JSON Feed {version.group(1)}",
        _text(document.get("title")),
        urljoin(url, site) if site else None,
        _unique(entries),
    )
