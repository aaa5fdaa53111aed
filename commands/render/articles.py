"""The replies of `/article add|list|remove|restore`: the claims found, the date used, the list.

The core (`bot.moderation`) returns what was done (`ArticleAdded`, `ArticleSummary`); these
functions turn it into embed pages.
"""

from __future__ import annotations

from bot.moderation import ArticleAdded, ArticleSummary
from commands.render.embeds import embed_pages, escape, link


def date_line(published: str | None, basis: str | None) -> str:
    """The date an article counts with, and where it came from."""
    if not published:
        return "Date: **unknown**: no date was found in the article. Set it, or its claims sort last."
    where = {"header": "from the article", "moderator": "set by a moderator"}.get(
        basis or "", (basis or "").removeprefix("inferred: ").strip() or "inferred"
    )
    if basis and basis.startswith("inferred"):
        return f"Date: **{published}**, inferred ({escape(where)}). Confirm it or set the right one."
    return f"Date: **{published}** ({where})."


def article_added_pages(added: ArticleAdded) -> list[list[dict]]:
    """The reply to `/article add`: the date used and the claims found."""
    name = link(added.title or added.article_id, added.url)
    if added.duplicate:
        title = f"Already stored as {added.article_id}"
        intro = (
            f"{name} was added before; nothing changed. If its date is wrong, "
            f"`/article redate article:{added.article_id} date:YYYY-MM-DD` corrects it and "
            f"reads its claims again."
        )
    elif added.redated_from:
        title = f"Redated {added.article_id}"
        intro = (
            f"{name}: the date was {added.redated_from}; its claims were read again against "
            f"the new one: {len(added.claims)} claims."
        )
    else:
        title = f"Added {added.article_id}"
        intro = f"{name}: {len(added.claims)} claims found."
    lines = [intro, date_line(added.published, added.published_basis)]
    claims = [
        f"#{claim.claim_id} **{escape(claim.subject)}** · {claim.attribute}: "
        f"{escape(claim.value)} ({claim.status})"
        for claim in added.claims
    ]
    if not claims:
        claims = [
            "No claims were found: the article names no device with a value Receipts can "
            "quote. It is stored and searchable with `/search`."
        ]
    return embed_pages(
        title,
        [("Article", lines), ("Claims", claims)],
        footer=f"/article remove article:{added.article_id} undoes this",
    )


def article_list_pages(articles: list[ArticleSummary]) -> list[list[dict]]:
    """`/article list`: this server's articles, newest first, removed ones marked."""
    lines = []
    for article in articles:
        state = " · **removed**" if article.removed_at else ""
        lines.append(
            f"`{article.article_id}` {link(article.title or 'untitled', article.url)}\n"
            f"{article.published or 'date unknown'} · {article.claims} claims · added "
            f"{(article.added_at or '')[:10]}{state}"
        )
    if not lines:
        lines = ["No articles were added in this server yet; `/article add` adds one."]
    return embed_pages(
        f"Articles added in this server ({len(articles)})",
        [("Articles", lines)],
        footer="Seeds and command-line articles are shared and not listed",
    )


def article_removed(removed: ArticleSummary) -> str:
    """The reply to `/article remove`: what no longer counts, and how to undo it."""
    return (
        f"Removed `{removed.article_id}`: its {removed.claims} claims no longer "
        f"count. `/article restore article:{removed.article_id}` brings it back."
    )


def article_restored(restored: ArticleSummary) -> str:
    """The reply to `/article restore`."""
    return f"Restored `{restored.article_id}`: its {restored.claims} claims count again."
