"""Articles for the bot's tests: text the extractor reads, and stored articles with hand-made claims."""

from __future__ import annotations

from bot.articles import parse_article


def article_text(device="Contoso X2", date="2023-01-10", extra=""):
    """A dated article the extractor finds claims in."""
    header = f"date: {date}\ntitle: {device} leak\n\n" if date else ""
    return (
        f"{header}The {device} will come with a 5000mAh battery, a leak says. "
        f"It is also said to pack 12GB of RAM. {extra}"
    )


def make_article(article_id, device="Contoso X2", date="2023-01-10", extra=""):
    return parse_article(article_text(device, date, extra), article_id)


def stored_article(
    store,
    article_id,
    *,
    guild_id=None,
    device="Contoso X2",
    values=(("battery", "5000 mAh"), ("ram", "12 GB")),
    published="2023-01-10",
    url=None,
):
    """Store an article with hand-made claims (independent of the extractor); returns claim ids."""
    from bot.models import Claim

    article = parse_article(article_text(device, published, extra=article_id), article_id, url=url)
    claims = [
        Claim(
            article=article_id,
            subject=device,
            attribute=attribute,
            value=value,
            status="rumored",
            quote=article.body[:20],
            start=0,
            end=20,
            published=article.published,
            published_basis=article.published_basis,
        )
        for attribute, value in values
    ]
    result = store.add_article(article, claims, guild_id=guild_id, added_by="test")
    assert result.stored
    rows = store.db.execute(
        "SELECT id FROM claims WHERE article_id = ? ORDER BY id", [result.article_id]
    ).fetchall()
    return [row[0] for row in rows]
