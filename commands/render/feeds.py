"""What moderators are shown about feeds, as embed pages (Discord) or plain lines (the terminal):
each feed's state, the notice of a paused feed, and a preview of what a feed would store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.feeds.parse import ParsedFeed
from bot.feeds.poll import EntryPreview, PollOutcome
from bot.feeds.status import StatusStyle, feed_status_lines
from bot.feeds.subscriptions import Feed
from commands.render.embeds import embed_pages, escape, link, shorten

CLAIMS_PER_ENTRY = 8


def _relative_time(moment: str) -> str:
    return f"<t:{int(datetime.fromisoformat(moment).timestamp())}:R>"


def resume_hint(feed: Feed) -> str:
    """The commands that bring a paused feed back, or stop following it."""
    return (
        f"`/feed poll feed:{feed.id}` polls it now and resumes it once it works again; "
        f"`/feed remove feed:{feed.id}` stops following it"
    )


# A feed's status as `/feed list` shows it: Discord timestamps, Markdown escaped, paused in bold.
MARKDOWN = StatusStyle(moment=_relative_time, text=escape, paused="**paused**", resume_hint=resume_hint)


def feed_list_pages(feeds: Sequence[Feed]) -> list[list[dict]]:
    """`/feed list`: every feed of the server and how it is doing."""
    lines = []
    for feed in feeds:
        status = "\n".join(feed_status_lines(feed, MARKDOWN))
        lines.append(
            f"**#{feed.id}** {link(feed.name, feed.site_url or feed.url)} · "
            f"every {feed.interval_minutes} min\n{escape(feed.url)}\n{status}"
        )
    if not lines:
        lines = ["This server follows no feeds; `/feed add url:` follows one."]
    return embed_pages(
        f"Feeds followed in this server ({len(feeds)})",
        [("Feeds", lines)],
        footer="New entries become articles of this server · /feed poll, /feed remove",
    )


def pause_notice_pages(feed: Feed) -> list[list[dict]]:
    """The one message a server's moderators get when one of its feeds is paused."""
    lines = [
        f"{link(feed.name, feed.site_url or feed.url)} is **paused**: "
        f"{escape(feed.paused_reason or 'it kept failing')}.",
        f"Its url: {escape(feed.url)}",
        f"Nothing more is fetched from it until a moderator acts: {resume_hint(feed)}.",
    ]
    return embed_pages(
        "Receipts: a feed stopped working",
        [("Feed paused", lines)],
        footer="Moderators are told once; /feed list shows it until then",
    )


def poll_reply(outcomes: Sequence[PollOutcome]) -> str:
    """`/feed poll`: what each feed's poll did, one line each."""
    if not outcomes:
        return "No feed was due; `/feed poll feed:` polls one now."
    return "\n".join(f"• {escape(outcome.line())}" for outcome in outcomes)[:1900]


def preview_pages(url: str, parsed: ParsedFeed, previews: Sequence[EntryPreview]) -> list[list[dict]]:
    """`/feed preview`: the newest entries and the claims each would give; nothing stored."""
    sections = []
    for preview in previews:
        entry = preview.entry
        heading = shorten(entry.title or entry.url or "untitled entry", 200)
        lines = [
            f"{link('the entry', entry.url)} · {entry.published or 'date unknown'} · "
            + ("full text in the feed" if entry.full else "summary only: the page was read")
        ]
        if preview.error:
            lines.append(f"Would not be stored: {escape(preview.error)}")
        for claim in preview.claims[:CLAIMS_PER_ENTRY]:
            lines.append(
                f"**{escape(claim.subject)}** · {claim.attribute}: {escape(claim.value)} ({claim.status})"
            )
        if len(preview.claims) > CLAIMS_PER_ENTRY:
            lines.append(f"…and {len(preview.claims) - CLAIMS_PER_ENTRY} more claims")
        elif not preview.claims and not preview.error:
            lines.append("No claims: it names no device with a value Receipts can quote.")
        sections.append((heading, lines))
    if not sections:
        sections = [
            ("No entries", ["The feed is readable but has no entries yet."]),
        ]
    return embed_pages(
        f"Preview of {parsed.title or url} ({parsed.kind}, {len(parsed.entries)} entries)",
        sections,
        footer="Nothing was stored · /feed add follows it",
    )
