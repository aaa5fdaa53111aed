"""Reading feed documents: what is not a feed is refused with what it is instead."""

from __future__ import annotations

import pytest

from bot.feeds import FeedError
from bot.feeds.parse import html_text, parse_feed

BASE = "https://news.example/feed"


@pytest.mark.parametrize(
    "body, content_type, reason",
    [
        (b"", "application/rss+xml", "empty document"),
        (b'{"name": "not a feed", "items": []}', "application/json", "not a JSON Feed"),
        (b"{broken json", "application/json", "cannot be read"),
        (
            b"<?xml version='1.0'?><catalog><book>x</book></catalog>",
            "application/xml",
            "not an RSS, Atom or JSON Feed document",
        ),
    ],
)
def test_documents_that_are_not_feeds_are_refused_with_the_reason(body, content_type, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(body, BASE, content_type)


def test_an_html_page_names_every_feed_it_links():
    page = (
        b"<!doctype html><html><head>"
        b'<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
        b'<link rel="alternate" type="application/feed+json" href="https://cdn.example/f.json">'
        b"</head><body>Hello</body></html>"
    )
    with pytest.raises(FeedError) as refused:
        parse_feed(page, BASE, "text/html")
    assert "its feed is at https://news.example/atom.xml" in str(refused.value)
    assert "https://cdn.example/f.json" in str(refused.value)


def test_json_feed_items_without_ids_are_told_apart_by_url_and_repeats_count_once():
    body = (
        b'{"version": "https://jsonfeed.org/version/1", "title": "J", "items": ['
        b'{"url": "/a", "content_text": "First text."},'
        b'{"url": "/b", "summary": "Second summary.", "date_published": "2024-02-03T10:00:00+01:00"},'
        b'{"url": "/a", "content_text": "First text again."}]}'
    )
    parsed = parse_feed(body, BASE, "application/feed+json")
    assert parsed.kind == "JSON Feed 1"
    assert [(e.url, e.full, e.published) for e in parsed.entries] == [
        ("https://news.example/a", True, None),
        ("https://news.example/b", False, "2024-02-03"),
    ]


def test_html_content_keeps_paragraphs_and_drops_scripts():
    text = html_text("<p>One &amp; two.</p><script>alert(1)</script><ul><li>Three</li></ul>")
    assert text == "One & two.\n\nThree"
