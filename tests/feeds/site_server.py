"""A news site of the tests' own on 127.0.0.1: feeds (RSS 2.0, Atom, JSON Feed) and article pages
that a test writes and changes as it goes, answering as real sites do.

It honours conditional GETs (ETag, Last-Modified: 304), gzips when asked, and plays scripted
answers first (a 429 with Retry-After, a 500, a redirect, a 404) before the normal one. Every
request is recorded, so tests see what the poller asked for and when. It serves until the test
ends; nothing loops on its own.
"""

from __future__ import annotations

import asyncio
import gzip
import json
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape

from aiohttp import web


@dataclass
class Entry:
    """An entry as a test writes it; `content` makes it full-text, else only `summary` is sent."""

    id: str
    url: str
    title: str
    published: datetime | None = None
    summary: str | None = None
    content: str | None = None


@dataclass
class Served:
    method: str
    path: str
    headers: dict[str, str]
    status: int
    encoding: str | None = None  # the Content-Encoding answered


def rss(title: str, entries: list[Entry], *, link: str = "/") -> str:
    items = []
    for entry in entries:
        parts = [
            f"<title>{escape(entry.title)}</title>",
            f"<link>{escape(entry.url)}</link>",
            f'<guid isPermaLink="false">{escape(entry.id)}</guid>',
        ]
        if entry.published:
            parts.append(f"<pubDate>{format_datetime(entry.published, usegmt=True)}</pubDate>")
        if entry.summary:
            parts.append(f"<description>{escape(entry.summary)}</description>")
        if entry.content:
            parts.append(f"<content:encoded><![CDATA[{entry.content}]]></content:encoded>")
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>test feed</description>{''.join(items)}</channel></rss>"
    )


def atom(title: str, entries: list[Entry], *, link: str = "/") -> str:
    items = []
    for entry in entries:
        parts = [
            f"<title>{escape(entry.title)}</title>",
            f'<link href="{escape(entry.url)}"/>',
            f"<id>{escape(entry.id)}</id>",
        ]
        if entry.published:
            parts.append(f"<updated>{entry.published.isoformat()}</updated>")
        if entry.summary:
            parts.append(f'<summary type="html">{escape(entry.summary)}</summary>')
        if entry.content:
            parts.append(f'<content type="html">{escape(entry.content)}</content>')
        items.append("<entry>" + "".join(parts) + "</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>{escape(title)}</title><link href="{escape(link)}"/><id>urn:test</id>'
        f"<updated>2024-01-01T00:00:00Z</updated>{''.join(items)}</feed>"
    )


def json_feed(title: str, entries: list[Entry], *, link: str = "/") -> str:
    items = []
    for entry in entries:
        item = {"id": entry.id, "url": entry.url, "title": entry.title}
        if entry.published:
            item["date_published"] = entry.published.isoformat()
        if entry.summary:
            item["summary"] = entry.summary
        if entry.content:
            item["content_html"] = entry.content
        items.append(item)
    return json.dumps(
        {"version": "https://jsonfeed.org/version/1.1", "title": title, "home_page_url": link, "items": items}
    )


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
        f"<nav>Home · News</nav><article><h1>{escape(title)}</h1>{body}</article>"
        f"<footer>© test site</footer></body></html>"
    )


@dataclass
class Resource:
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Script:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class Site:
    """The site's resources by path, scripted answers, and the requests it got."""

    def __init__(self) -> None:
        self.resources: dict[str, Resource] = {}
        self.scripts: dict[str, deque[Script]] = {}
        self.served: list[Served] = []
        self.base = ""
        self.version = 0
        self.delay = 0.0  # seconds each answer takes, to see requests overlap
        self.in_flight = 0
        self.most_in_flight = 0

    def put(self, path: str, text: str, content_type: str, *, validators: bool = True) -> None:
        """Serve text at a path; a changed body gets a new ETag and Last-Modified."""
        self.version += 1
        stamp = format_datetime(
            datetime(2024, 1, 1, tzinfo=UTC).replace(
                second=self.version % 60, minute=self.version // 60 % 60
            ),
            usegmt=True,
        )
        self.resources[path] = Resource(
            text.encode("utf-8"),
            content_type,
            f'"v{self.version}"' if validators else None,
            stamp if validators else None,
        )

    def put_rss(self, path: str, title: str, entries: list[Entry], **options) -> None:
        self.put(path, rss(title, entries, link=self.base + "/"), "application/rss+xml", **options)

    def put_atom(self, path: str, title: str, entries: list[Entry]) -> None:
        self.put(path, atom(title, entries, link=self.base + "/"), "application/atom+xml")

    def put_json(self, path: str, title: str, entries: list[Entry]) -> None:
        self.put(path, json_feed(title, entries, link=self.base + "/"), "application/feed+json")

    def put_page(self, path: str, title: str, paragraphs: list[str]) -> None:
        self.put(path, page(title, paragraphs), "text/html; charset=utf-8")

    def script(
        self, path: str, status: int, headers: dict[str, str] | None = None, times: int = 1, body: bytes = b""
    ) -> None:
        """Answer the next `times` requests of a path with this status before the normal answer."""
        queue = self.scripts.setdefault(path, deque())
        queue.extend(Script(status, headers or {}, body) for _ in range(times))

    def requests_to(self, path: str) -> list[Served]:
        return [served for served in self.served if served.path == path]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            response = self._answer(request)
        finally:
            self.in_flight -= 1
        self.served.append(
            Served(
                request.method,
                request.path,
                dict(request.headers),
                response.status,
                response.headers.get("Content-Encoding"),
            )
        )
        return response

    def _answer(self, request: web.Request) -> web.Response:
        queue = self.scripts.get(request.path)
        if queue:
            script = queue.popleft()
            return web.Response(status=script.status, headers=script.headers, body=script.body)
        resource = self.resources.get(request.path)
        if resource is None:
            return web.Response(status=404, text="not found")
        validators = {}
        if resource.etag:
            validators = {"ETag": resource.etag, "Last-Modified": resource.last_modified}
            if (
                request.headers.get("If-None-Match") == resource.etag
                or request.headers.get("If-Modified-Since") == resource.last_modified
            ):
                return web.Response(status=304, headers=validators)
        body, headers = resource.body, {"Content-Type": resource.content_type, **validators}
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            body, headers["Content-Encoding"] = gzip.compress(body), "gzip"
        return web.Response(body=body, headers=headers)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self.handle)
        return app
