"""The terminal's view of what Discord shows beyond answers: a server's article list and a digest
preview, from the same data the Discord side renders (`ArticleSummary`, `Digest`).

Text from articles is added as plain `Text`, never as markup, as in `answers.render_terminal`.
"""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from bot.answers.sourcing import clean_url, is_web_url
from bot.digests import Digest
from bot.moderation import ArticleSummary


def print_article_list(articles: list[ArticleSummary], console: Console) -> None:
    """`/article list` in a terminal: a server's articles, newest first, removed ones marked."""
    console.print(Text(f"Articles added in this server ({len(articles)})", style="bold underline"))
    if not articles:
        console.print("No articles were added in this server yet.")
    for article in articles:
        console.print()
        line = Text(article.article_id, style="bold")
        line.append(f"  {article.title or 'untitled'}")
        console.print(line)
        state = " · removed" if article.removed_at else ""
        console.print(
            Padding(
                Text(
                    f"{article.published or 'date unknown'} · {article.claims} claims "
                    f"· added {(article.added_at or '')[:10]}{state}",
                    style="dim",
                ),
                (0, 0, 0, 4),
            )
        )
        if is_web_url(article.url):
            console.print(Padding(Text(clean_url(article.url), style="dim"), (0, 0, 0, 4)))


def print_digest(digest: Digest, console: Console) -> None:
    """A digest preview in a terminal: its claims by device, each with its quote and receipt."""
    subscription = digest.subscription
    since = f" since {digest.since[:10]}" if digest.since else ""
    console.print(
        Text(
            f"Digest for channel {subscription.channel_id}: {digest.claim_count} new claims{since}",
            style="bold underline",
        )
    )
    console.print(Text(f"{subscription.scope} · {subscription.schedule}", style="dim"))
    if not digest.claim_count:
        console.print("Nothing new since the last digest: the next one would not be posted.")
    for group in digest.groups:
        console.print()
        console.print(Text(group.subject, style="bold"))
        for claim in group.claims:
            console.print(Text(f"  {claim.attribute}: {claim.value} ({claim.status})"))
            console.print(Padding(Text(f"“{claim.quote}”", style="italic"), (0, 0, 0, 4)))
            receipt = f"— {claim.source_name} · {claim.published or 'date unknown'} · claim #{claim.claim_id}"
            console.print(Padding(Text(receipt, style="dim"), (0, 0, 0, 4)))
            if is_web_url(claim.url):
                console.print(Padding(Text(clean_url(claim.url), style="dim"), (0, 0, 0, 4)))
