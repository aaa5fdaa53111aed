"""A feed entry as an article: its title, url, the feed's title as outlet, its date, and a body.

The body is the entry's full content when the feed carries it; when the feed carries only a
summary, the caller fetches the linked page and passes its text (trafilatura), which wins over the
summary. The entry's date wins over the page's; without either, the date is inferred from the
text as for any undated article.
"""

from __future__ import annotations

from bot.articles import MAX_ARTICLE_BYTES, ArticleError, check_publication_date, parse_article
from bot.feeds import FeedError
from bot.feeds.parse import FeedEntry
from bot.models import Article
from bot.moderation import article_id_for

FEED_DATE_BASIS = "feed"


def entry_article(entry: FeedEntry, outlet: str | None, page_text: str | None = None) -> Article:
    """The article an entry becomes; FeedError when it has no text or too much."""
    text = entry.content if entry.full else (page_text or entry.summary)
    if not text or not text.strip():
        raise FeedError(f"the entry {entry.title or entry.url or entry.key} has no text")
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise FeedError(
            f"the entry {entry.title or entry.url} is {size:,} bytes; an article may be "
            f"at most {MAX_ARTICLE_BYTES:,} bytes"
        )
    if entry.full or not page_text:
        # Feed content has no header lines; a blank line keeps a "Key: value" first line as text.
        text = "\n\n" + text if ":" in text.split("\n", 1)[0] else text
    published = entry.published
    if published:
        try:
            check_publication_date(published)
        except ArticleError:
            published = None  # a feed's impossible date: inferred from the text instead
    try:
        article = parse_article(
            text,
            "pending",
            url=entry.url,
            title=entry.title,
            published=published,
            published_basis=FEED_DATE_BASIS if published else None,
        )
    except ArticleError as error:
        raise FeedError(f"the entry {entry.title or entry.url}: {error}") from None
    article.outlet = outlet or article.outlet
    article.id = article_id_for(article.sha256, url=article.url, title=article.title)
    return article
