"""The words every renderer shows for an item: its heading, its tags and its receipt line.

Kept apart from the renderers so that Discord and the terminal say the same thing in the same
words, and differ only in layout.
"""

from __future__ import annotations

import calendar

from bot.answers.attributes import label
from bot.answers.family import ALIAS, COMPANY_WIDE, MEMBER, SERIES_WIDE
from bot.answers.model import Item
from bot.answers.sourcing import source_name


def when(item: Item) -> str:
    """A date at its precision: "2022-07-04", "July 2022", "2022", or "date unknown"."""
    if not item.date:
        return "date unknown"
    if item.precision == "month":
        year, month = item.date.split("-")[:2]
        return f"{calendar.month_name[int(month)]} {year}"
    return item.date


def heading(command: str, item: Item) -> str:
    """What the item says, in one line."""
    statement = f"{label(item.attribute)}: {item.value}" if item.attribute else ""
    if command == "spec":
        return statement
    if command == "timeline":
        return f"{when(item)} · {statement}"
    if command in ("search", "claim") and item.kind != "article":
        return f"{item.subject} · {statement}"
    return item.title or item.source


def tags(item: Item) -> list[str]:
    """Short words on how much the item counts: current or not, status, sources, scope."""
    words = []
    if item.standing:
        words.append(item.standing)
    if item.kind == "event":
        words.append("upcoming event" if item.upcoming else "event")
    if item.status and item.standing != "denied":
        words.append(item.status)
    if item.sources and (item.sources > 1 or item.current):
        words.append(f"{item.sources} source{'s' if item.sources > 1 else ''}")
    if item.claims is not None:
        words.append(f"{item.claims} claim{'s' if item.claims != 1 else ''}")
    words += _scope_words(item)
    if item.retracted:
        words.append("RETRACTED")
    return words


def _scope_words(item: Item) -> list[str]:
    if item.scope == SERIES_WIDE:
        return [f"series-wide ({item.via})"]
    if item.scope == COMPANY_WIDE:
        return [f"company-wide ({item.via})"]
    if item.scope == ALIAS:
        return [f"as “{item.via}”"]
    if item.scope == MEMBER:
        return [f"about {item.via}"]
    return []


def receipt_name(item: Item) -> str:
    """The item's source as a reader names it: title, outlet, site, else the article's id."""
    return item.source_name or source_name(title=item.title, outlet=None, url=item.url, article=item.article)


def receipt_after_name(item: Item) -> list[str]:
    """What follows the source's name in a receipt line: the date, then the claim number."""
    parts = [item.published or "date unknown"]
    if item.claim_id is not None:
        parts.append(f"claim #{item.claim_id}")
    return parts


def receipt(item: Item) -> str:
    """Where the quote comes from, as one line: source, publication date and claim number (the
    link, on the renderer's own terms, once beside it)."""
    return " · ".join([receipt_name(item), *receipt_after_name(item)])


def history_lines(item: Item) -> list[str]:
    """A claim's audit trail, one line an entry: when, who, what."""
    return [
        f"{entry['at']} · {entry['actor']} · {entry['action']}"
        + (f" ({entry['detail']})" if entry.get("detail") else "")
        for entry in item.history or ()
    ]
