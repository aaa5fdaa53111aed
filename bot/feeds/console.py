"""`python -m bot feeds add|list|remove|poll [--watch]`: the command line's own feeds.

Feeds added here belong to no server, like articles ingested from the command line: their
articles are seen everywhere. The same poller as the bot's polls them; `poll --watch` keeps
polling, as the bot does inside `python -m bot run`, for a machine without Discord.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from bot.articles import ArticleError
from bot.feeds import subscriptions
from bot.feeds.poll import Poller, serial_runner
from bot.feeds.status import StatusStyle, feed_status_lines
from bot.fetch import EVERY_NETWORK
from bot.store import Store


def _utc_minute(moment: str) -> str:
    return moment[:16].replace("T", " ") + " UTC"


def _resume_hint(feed: subscriptions.Feed) -> str:
    return f"`feeds poll {feed.id}` resumes it; `feeds remove {feed.id}` stops following it"


# A feed's status in plain text; `/feed list` says the same in Discord (commands/render/feeds.py).
PLAIN = StatusStyle(moment=_utc_minute, text=str, paused="paused", resume_hint=_resume_hint)


def _poller(store: Store, allow_private: bool) -> Poller:
    return Poller(serial_runner(store), exempt=EVERY_NETWORK if allow_private else ())


async def add(
    store: Store, url: str, *, backfill: int, interval: int, allow_private: bool, say: Callable[[str], None]
) -> int:
    poller = _poller(store, allow_private)
    try:
        document, parsed = await poller.read_feed(url)
        feed = subscriptions.add_feed(
            store,
            guild_id=None,
            url=document.url,
            title=parsed.title,
            site_url=parsed.site_url,
            kind=parsed.kind,
            actor="cli",
            backfill=backfill,
            interval_minutes=interval,
        )
        say(
            f"Following #{feed.id} {feed.name} ({parsed.kind}, {len(parsed.entries)} entries); "
            f"polling it now."
        )
        for outcome in await poller.poll_feeds([feed]):
            say(outcome.line())
    finally:
        await poller.aclose()
    return 0


def list_feeds(store: Store, say: Callable[[str], None]) -> int:
    feeds = subscriptions.feeds_of(store, None)
    if not feeds:
        say("No feeds are followed from the command line; `feeds add URL` follows one.")
    for feed in feeds:
        say(f"#{feed.id} {feed.name}\n    {feed.url}")
        for line in feed_status_lines(feed, PLAIN):
            say(f"    {line}")
    return 0


async def poll(
    store: Store,
    given: list[str],
    *,
    watch: bool,
    allow_private: bool,
    say: Callable[[str], None],
    tick: float,
) -> int:
    """Poll the named feeds now (paused ones resumed), or every due one; with `watch`, forever."""
    poller = _poller(store, allow_private)
    failed = False
    try:
        now = datetime.now(UTC)
        if given:
            feeds = [
                subscriptions.resume_feed(
                    store, subscriptions.find_feed(store, None, g).id, actor="cli", now=now
                )
                for g in given
            ]
            outcomes = await poller.poll_feeds(feeds, now)
        else:
            outcomes = await poller.poll_due(now)
        for outcome in outcomes:
            say(outcome.line())
            failed = failed or outcome.status in ("failed", "paused")
        if not outcomes and not watch:
            say("No feed is due; name one to poll it now.")
        while watch:
            await asyncio.sleep(tick)
            for outcome in await poller.poll_due_once() or []:
                say(outcome.line())
    finally:
        await poller.aclose()
    return 1 if failed else 0


def remove(store: Store, given: str, say: Callable[[str], None]) -> int:
    feed = subscriptions.remove_feed(store, guild_id=None, given=given, actor="cli")
    say(f"No longer following #{feed.id} {feed.name}; the articles it brought stay.")
    return 0


def run_feeds_command(
    store: Store, args, *, allow_private: bool, tick: float, say: Callable[[str], None]
) -> int:
    """The `feeds` subcommands; a FeedError is the user's mistake, told plainly."""
    try:
        if args.feeds_command == "add":
            return asyncio.run(
                add(
                    store,
                    args.url,
                    backfill=args.backfill,
                    interval=args.interval,
                    allow_private=allow_private,
                    say=say,
                )
            )
        if args.feeds_command == "list":
            return list_feeds(store, say)
        if args.feeds_command == "remove":
            return remove(store, args.feed, say)
        return asyncio.run(
            poll(store, args.feeds, watch=args.watch, allow_private=allow_private, say=say, tick=tick)
        )
    except ArticleError as error:  # FeedError and FetchError: told plainly
        say(f"error: {error}")
        return 1
    except KeyboardInterrupt:
        return 0
