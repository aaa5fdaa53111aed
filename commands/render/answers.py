"""Answers as Discord embeds: plain dicts in Discord's embed JSON shape, grouped into messages.

The core returns `Answer`s and imports nothing from discord; the bot calls
`discord.Embed.from_dict` on each dict.
Each item becomes one block of an embed's description (heading, quote, receipt), so a quote of
up to ~3,800 characters is shown whole; only a longer one is shortened with an ellipsis. Blocks
are never split: an answer too long for one message becomes pages, each within every limit.
Discord's limits, escaping and shortening come from `commands.render.embeds`, as for every
other reply.
"""

from __future__ import annotations

from bot.answers.model import Answer, Item
from bot.answers.sourcing import clean_url
from bot.answers.wording import heading, history_lines, receipt_name, tags
from commands.render.embeds import (
    BLOCK_SEPARATOR,
    DESCRIPTION_LIMIT,
    MESSAGE_EMBED_CHARS,
    TITLE_LIMIT,
    escape,
    pack,
    shorten,
)
from commands.render.receipt import receipt_line

PAGE_MARK_ROOM = len(" (999/999)")
FOOTER_ROOM = 64
COLORS = {"spec": 0x5865F2, "timeline": 0x57F287, "sources": 0xFEE75C, "search": 0xEB459E, "claim": 0x3BA55C}
ERROR_COLOR = 0xED4245


def to_discord_pages(answer: Answer) -> list[list[dict]]:
    """The messages of an answer, each a list of embed dicts within Discord's limits."""
    if not answer.ok:
        return [[_failure_embed(answer)]]
    title = shorten(answer.title, TITLE_LIMIT - PAGE_MARK_ROOM)
    room = MESSAGE_EMBED_CHARS - len(title) - PAGE_MARK_ROOM - FOOTER_ROOM
    blocks = [f"*{shorten(escape(note), min(room, DESCRIPTION_LIMIT) - 2)}*" for note in answer.notes]
    blocks += [item_block(answer.command, item, room) for item in answer.items]
    pages = [[blocks for _, blocks in page] for page in pack([(None, blocks or ["Nothing to show."])], room)]
    return [
        _page_embeds(answer, title, page, number, len(pages)) for number, page in enumerate(pages, start=1)
    ]


def item_block(command: str, item: Item, room: int = DESCRIPTION_LIMIT) -> str:
    """One item as markdown: heading and tags, the quote, the receipt (linked when it can be)."""
    head = f"**{escape(heading(command, item))}**"
    words = tags(item)
    if words:
        head += " · " + escape(" · ".join(words))
    tail = receipt_line(receipt_name(item), item.url, item.published, item.claim_id)
    history = "".join("\n" + escape(line) for line in history_lines(item))
    limit = min(DESCRIPTION_LIMIT, room)
    fixed = len(head) + len("\n> “”\n") + len(tail) + len(history)
    quote = shorten(escape(item.quote), limit - fixed)
    return f"{head}\n> “{quote}”\n{tail}{history}"[:limit]


def _page_embeds(answer: Answer, title: str, page: list[list[str]], number: int, count: int) -> list[dict]:
    color = COLORS.get(answer.command, COLORS["spec"])
    embeds = [{"description": BLOCK_SEPARATOR.join(blocks), "color": color} for blocks in page]
    embeds[0]["title"] = title + (f" ({number}/{count})" if count > 1 else "")
    if answer.command == "claim" and answer.items and answer.items[0].url:
        embeds[0]["url"] = clean_url(answer.items[0].url)
    footer = "Receipts" + (f" · page {number} of {count}" if count > 1 else "")
    embeds[-1]["footer"] = {"text": footer}
    return embeds


def _failure_embed(answer: Answer) -> dict:
    lines = [escape(answer.error or "")]
    lines += [f"• {escape(suggestion)}" for suggestion in answer.suggestions]
    return {
        "title": "No answer",
        "description": shorten("\n".join(lines), DESCRIPTION_LIMIT),
        "color": ERROR_COLOR,
    }
