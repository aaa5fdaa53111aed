"""Embed pages as plain data, within Discord's limits, for the replies the answers do not render.

Discord refuses a message whose embeds break its limits, so text is cut here, before sending:
title 256, description 4096, footer 2048, author 256, at most 10 embeds and 6000 characters in
one message. Text quoted from articles is escaped so that it cannot turn into markdown.
"""

from __future__ import annotations

import re

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
EMBEDS_PER_MESSAGE = 10
MESSAGE_EMBED_CHARS = 6000
PAGE_BUDGET = 5600  # room below 6000 for the page number in the footer
COLOUR = 0x5865F2
_MARKDOWN = re.compile(r"([\\*_~`|<>\[\]])")


def truncate(text: str, limit: int) -> str:
    """The text, cut at a word with an ellipsis when it is longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut + "…"


def escape(text: str) -> str:
    """Text shown literally: markdown characters escaped."""
    return _MARKDOWN.sub(r"\\\1", text)


def link(text: str, url: str | None) -> str:
    """A masked link to an http(s) url, or the plain text when there is none."""
    if not url or not url.startswith(("http://", "https://")):
        return escape(text)
    return f"[{escape(truncate(text, 120))}]({url.replace(')', '%29').replace(' ', '%20')})"


def _size(embed: dict) -> int:
    return (len(embed.get("title", "")) + len(embed.get("description", ""))
            + len(embed.get("footer", {}).get("text", ""))
            + len(embed.get("author", {}).get("name", "")))


def _section_embeds(heading: str, lines: list[str]) -> list[dict]:
    """One embed per section, split into more when its lines pass the description limit."""
    embeds: list[dict] = []
    chunk: list[str] = []
    for line in lines:
        line = line if len(line) <= DESCRIPTION_LIMIT else line[: DESCRIPTION_LIMIT - 1] + "…"
        if chunk and len("\n\n".join(chunk + [line])) > min(DESCRIPTION_LIMIT, PAGE_BUDGET // 2):
            embeds.append({"title": truncate(heading, TITLE_LIMIT), "description": "\n\n".join(chunk)})
            chunk = []
        chunk.append(line)
    if chunk or not embeds:
        embeds.append({"title": truncate(heading, TITLE_LIMIT), "description": "\n\n".join(chunk)})
    return embeds


def embed_pages(title: str, sections: list[tuple[str, list[str]]], *, footer: str = "",
                url: str | None = None) -> list[list[dict]]:
    """Sections (a heading and its lines) as pages of embeds; each page fits one message.

    Every page starts with the title (as the first embed's author) and ends with the footer and
    its page number, so a page read alone still says what it is.
    """
    author = {"name": truncate(title, AUTHOR_LIMIT)}
    if url:
        author["url"] = url
    pages: list[list[dict]] = [[]]
    used = len(author["name"]) + len(footer)
    for heading, lines in sections:
        for embed in _section_embeds(heading, lines):
            if pages[-1] and (len(pages[-1]) >= EMBEDS_PER_MESSAGE
                              or used + _size(embed) > PAGE_BUDGET):
                pages.append([])
                used = len(author["name"]) + len(footer)
            pages[-1].append({**embed, "color": COLOUR})
            used += _size(embed)
    if not pages[-1]:
        pages[-1].append({"description": "Nothing to show.", "color": COLOUR})
    for number, page in enumerate(pages, start=1):
        page[0]["author"] = dict(author)
        numbered = f"{footer} · page {number}/{len(pages)}" if len(pages) > 1 else footer
        if numbered:
            page[-1]["footer"] = {"text": truncate(numbered, FOOTER_LIMIT)}
    return pages
