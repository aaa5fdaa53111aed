"""The one receipt line of every message: `— [title](link) · date · claim #12`.

The source is named as a reader names it (`bot.answers.sourcing.source_name`: title, outlet,
site, else the article's id) and linked once, as a Markdown link to its url without tracking
parameters. Answers and digests both end a quote with this line.
"""

from __future__ import annotations

from bot.answers.sourcing import clean_url, is_web_url
from commands.render.embeds import escape, link


def receipt_line(name: str, url: str | None, published: str | None, claim_id: int | None = None) -> str:
    """The receipt of a quote: its source (linked when it has a web url), date and claim."""
    source = link(name, clean_url(url)) if is_web_url(url) else escape(name)
    parts = [source, published or "date unknown"]  # an ISO date: nothing in it to escape
    if claim_id is not None:
        parts.append(f"claim #{claim_id}")
    return "— " + " · ".join(parts)
