"""`/search TEXT`: full-text search over claim quotes and article text (FTS5).

What people type is never handed to FTS5 as syntax: each word becomes a quoted string, so
quotes, brackets, `AND`, `NEAR` or a lone `*` cannot raise an FTS syntax error.
"""

from __future__ import annotations

import re

from bot.answers.model import Answer, Item, failure
from bot.answers.receipts import claims_matching
from bot.answers.sourcing import source_name
from bot.store import Store
from bot.store.answers import articles_matching

SEARCH_LIMIT = 20
SNIPPET_WORDS = 32
_WORD = re.compile(r"\w+")


def fts_query(text: str) -> str | None:
    """The FTS5 query that finds all the words of the text, each taken literally."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search(store: Store, text: str, guild_id: int | None = None, limit: int = SEARCH_LIMIT) -> Answer:
    """Claims whose quote has the words, then articles that have them and gave no such claim."""
    query = fts_query(text)
    if query is None:
        return failure("search", "Type some words to search for, e.g. /search Leica.", matched=text)
    answer = Answer("search", title=f"Search · {text.strip()}", matched=text)
    answer.items = _matching_claims(store, query, guild_id, limit)
    shown = {item.article for item in answer.items}
    answer.items += [
        item for item in _matching_articles(store, query, guild_id, limit) if item.article not in shown
    ][: max(0, limit - len(answer.items))]
    if not answer.items:
        answer.notes.append(f"Nothing stored mentions “{text.strip()}”.")
    return answer


def _matching_claims(store: Store, query: str, guild_id: int | None, limit: int) -> list[Item]:
    items = []
    for claim in claims_matching(store, query, guild_id, limit):
        items.append(
            claim.item(
                kind="claim",
                subject=claim.subject,
                attribute=claim.attribute,
                value=claim.value,
                status=claim.status,
            )
        )
    return items


def _matching_articles(store: Store, query: str, guild_id: int | None, limit: int) -> list[Item]:
    """Articles whose title or body has the words; the quote is the passage around them."""
    rows = articles_matching(store, query, guild_id, limit, SNIPPET_WORDS)
    return [
        Item(
            quote=passage,
            article=article,
            source=source,
            published=published,
            url=url,
            title=title,
            kind="article",
            source_name=source_name(title=title, outlet=outlet, url=url, article=article),
        )
        for article, source, url, published, title, outlet, passage in rows
    ]
