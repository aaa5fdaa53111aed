"""Discord's embed limits and the text helpers every embed is made with, in one place; the one
page packer (`pack`) every reply is cut into messages with, and embed pages for the replies made
of sections (digests, moderation).

Discord refuses a message whose embeds break its limits, so text is cut here, before sending:
title 256, description 4096, footer 2048, author 256, at most 10 embeds and 6000 characters in
one message. Text quoted from articles is escaped so that it cannot turn into markdown; the
mentions in it cannot ping anyone, because every message is sent with allowed mentions off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
EMBEDS_PER_MESSAGE = 10
MESSAGE_EMBED_CHARS = 6000
PAGE_BUDGET = 5600  # room below 6000 for the page number in the footer
LINK_TEXT_CHARS = 120
ELLIPSIS = "…"
BLOCK_SEPARATOR = "\n\n"
COLOUR = 0x5865F2
# Emphasis, code, spoilers, masked links, block quotes, headings, list items and the `<` of
# mentions, channels and custom emoji; the escape character itself.
_MARKDOWN = re.compile(r"([\\*_~`|<>\[\]()#-])")
_ESCAPED_CHANNEL_MENTION = re.compile(r"\\<\\#(\d{1,20})\\>")


def escape(text: str) -> str:
    """Text shown as written, on one line: markdown characters escaped, line breaks made spaces
    (a line break would let the rest start a heading or leave a quote)."""
    return _MARKDOWN.sub(r"\\\1", " ".join(text.split()))


def escape_keeping_channels(text: str) -> str:
    """Like `escape`, but channel mentions (`<#123>`) stay mentions: the bot's own messages name
    channels so, and a channel mention cannot ping anyone."""
    return _ESCAPED_CHANNEL_MENTION.sub(r"<#\1>", escape(text))


def shorten(text: str, limit: int) -> str:
    """The text whole when it fits, else cut at a word and ended with an ellipsis; an escape cut
    off from the character it escaped is dropped, so it cannot show or escape the ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ELLIPSIS))]
    if " " in cut[len(cut) // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip("\\") + ELLIPSIS


def safe_url(url: str) -> str:
    """A url that cannot end a masked link early: spaces and brackets percent-encoded."""
    return url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")


def link(text: str, url: str | None) -> str:
    """A masked link to an http(s) url, or the plain (escaped) text when there is none."""
    if not url or not url.startswith(("http://", "https://")):
        return escape(text)
    return f"[{escape(shorten(text, LINK_TEXT_CHARS))}]({safe_url(url)})"


def embed_length(embed: dict) -> int:
    """The characters Discord counts towards the 6,000 of a message."""
    fields = embed.get("fields", [])
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
        + sum(len(field["name"]) + len(field["value"]) for field in fields)
    )


def pack(
    sections: Sequence[tuple[str | None, list[str]]], room: int, *, description_limit: int = DESCRIPTION_LIMIT
) -> list[list[tuple[str | None, list[str]]]]:
    """The one page packer: blocks of text into embeds, and embeds into pages (one message each).

    A block is never split. An embed holds blocks of one section (the section's heading is its
    title) while its description stays within `description_limit`; a page holds at most 10
    embeds and `room` characters, headings and blocks counted as Discord counts them. Returns the
    pages, each a list of embeds as (heading, blocks).
    """
    pages: list[list[tuple[str | None, list[str]]]] = [[]]
    used = 0
    for heading, blocks in sections:
        starts_section = True
        for block in blocks or [""]:
            page = pages[-1]
            joined = len(BLOCK_SEPARATOR) + len(block)
            opened = len(heading or "") + len(block)
            if (
                page
                and not starts_section
                and used + joined <= room
                and len(BLOCK_SEPARATOR.join(page[-1][1])) + joined <= description_limit
            ):
                page[-1][1].append(block)
                used += joined
            elif page and used + opened <= room and len(page) < EMBEDS_PER_MESSAGE:
                page.append((heading, [block]))
                used += opened
            else:
                if page:
                    pages.append([])
                pages[-1].append((heading, [block]))
                used = opened
            starts_section = False
    return pages


def embed_pages(
    title: str, sections: list[tuple[str, list[str]]], *, footer: str = "", url: str | None = None
) -> list[list[dict]]:
    """Sections (a heading and its lines) as pages of embeds; each page fits one message.

    Every page starts with the title (as the first embed's author) and ends with the footer and
    its page number, so a page read alone still says what it is.
    """
    author = {"name": shorten(title, AUTHOR_LIMIT)}
    if url:
        author["url"] = url
    cut = [
        (
            shorten(heading, TITLE_LIMIT),
            [
                line if len(line) <= DESCRIPTION_LIMIT else line[: DESCRIPTION_LIMIT - 1] + ELLIPSIS
                for line in lines
            ],
        )
        for heading, lines in sections
    ]
    packed = pack(
        cut,
        PAGE_BUDGET - len(author["name"]) - len(footer),
        description_limit=min(DESCRIPTION_LIMIT, PAGE_BUDGET // 2),
    )
    pages: list[list[dict]] = [
        [
            {"title": heading, "description": BLOCK_SEPARATOR.join(blocks), "color": COLOUR}
            for heading, blocks in page
        ]
        for page in packed
    ]
    if not pages[-1]:
        pages[-1].append({"description": "Nothing to show.", "color": COLOUR})
    for number, page in enumerate(pages, start=1):
        page[0]["author"] = dict(author)
        numbered = f"{footer} · page {number}/{len(pages)}" if len(pages) > 1 else footer
        if numbered:
            page[-1]["footer"] = {"text": shorten(numbered, FOOTER_LIMIT)}
    return pages
