"""`/feed add|list|remove|poll|preview`, and the loop that polls the feeds that are due.

Polling, storing and the schedule are `bot.feeds`; this cog runs the poller on a timer while the
bot is up (it starts when the bot's setup loads the command groups) and tells a server's
moderators, once, when one of its feeds is paused: in the channel of the server's digest
subscription, posted as the digests are (same permissions check, a nonce against doubles), or,
when the server has no digest, in `/feed list`.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot import digests
from bot.digests import DeliveryFailed
from bot.feeds import subscriptions
from bot.feeds.poll import Poller
from bot.feeds.subscriptions import (
    DEFAULT_BACKFILL,
    DEFAULT_INTERVAL_MINUTES,
    MAX_BACKFILL,
    MAX_INTERVAL_MINUTES,
    MIN_INTERVAL_MINUTES,
    NOTICE_LISTED,
    NOTICE_POSTED,
    Feed,
)
from bot.fetch import EVERY_NETWORK
from bot.settings import DEFAULT_FEED_TICK
from commands._shared import (
    AUTOCOMPLETE_LIMIT,
    CHOICE_LIMIT,
    MODERATOR_DEFAULTS,
    ModeratorOnly,
    actor,
    in_time,
    receipts,
    require_moderator,
    send,
    send_pages,
)
from commands.render import feeds as pages

if TYPE_CHECKING:
    from commands.client import ReceiptsBot
    from commands.digest import Digest

log = logging.getLogger("receipts.feed")


async def feed_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """This server's feeds, for moderators: "#3 Example News", by number or a piece of the name."""
    try:
        require_moderator(interaction)
    except app_commands.CheckFailure:
        return []
    feeds = await receipts(interaction).read_store(subscriptions.feeds_of, interaction.guild_id)
    typed = current.strip().lower().removeprefix("#")
    found = [
        feed
        for feed in feeds
        if not typed or typed == str(feed.id) or typed in f"{feed.name} {feed.url}".lower()
    ]
    return [
        app_commands.Choice(name=f"#{feed.id} {feed.name}"[:CHOICE_LIMIT], value=str(feed.id))
        for feed in found[:AUTOCOMPLETE_LIMIT]
    ]


@app_commands.default_permissions(**MODERATOR_DEFAULTS)
@app_commands.guild_only()
class FeedGroup(
    ModeratorOnly,
    commands.GroupCog,
    group_name="feed",
    group_description="Moderators: follow news feeds; their new entries become articles of this server",
):
    def __init__(self, bot: ReceiptsBot):
        super().__init__()
        self.bot = bot
        settings = bot.settings
        self.poller = Poller(
            bot.run_store,
            exempt=EVERY_NETWORK if settings.allow_private_urls else (),
            owner=bot.worker.owner,
            lease_seconds=bot.worker.lease_seconds,
        )
        self._background: set[asyncio.Task] = set()

    async def cog_load(self) -> None:
        self.poll_due.change_interval(seconds=self.bot.settings.feed_tick)
        self.poll_due.start()

    async def cog_unload(self) -> None:
        self.poll_due.cancel()
        for task in self._background:
            task.cancel()
        await self.poller.aclose()

    # Polling ------------------------------------------------------------------------------------

    @tasks.loop(seconds=DEFAULT_FEED_TICK)
    async def poll_due(self) -> None:
        try:
            await self.poller.poll_due_once()
            # Every process tells the servers its shards hold (whichever polled the feed).
            await self.tell_moderators()
        except Exception:  # noqa: BLE001 - an exception would stop the loop for good
            log.exception("the feed loop failed; it runs again at the next tick")

    @poll_due.before_loop
    async def wait_until_connected(self) -> None:
        await self.bot.wait_until_ready()

    async def tell_moderators(self) -> None:
        """Post each paused feed's notice once in its server's digest channel, or list it."""
        run = self.bot.run_store
        for feed in await run(subscriptions.pending_notices):
            if feed.guild_id is not None and not self.bot.worker.holds(feed.guild_id):
                continue  # the process whose shard holds the server tells it
            subscription = next(iter(await run(digests.subscriptions, feed.guild_id)), None)
            digest_cog = cast("Digest | None", self.bot.get_cog("Digest"))
            if subscription is None or digest_cog is None:
                await run(subscriptions.record_notice, feed.id, NOTICE_LISTED)
                continue
            assert feed.paused_at is not None
            stamp = int(datetime.fromisoformat(feed.paused_at).timestamp())
            try:
                message_id = await digest_cog.post_page(
                    subscription, pages.pause_notice_pages(feed)[0], f"rf{feed.id}t{stamp}"
                )
            except DeliveryFailed as failure:
                log.warning(
                    "could not tell server %s that feed %s is paused: %s",
                    feed.guild_id,
                    feed.id,
                    failure.reason,
                )
                if failure.blocked:
                    await run(subscriptions.record_notice, feed.id, NOTICE_LISTED)
                continue
            await run(subscriptions.record_notice, feed.id, NOTICE_POSTED, message_id)

    def _in_background(self, work) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # Commands -----------------------------------------------------------------------------------

    @app_commands.command(
        name="add", description="Follow an RSS, Atom or JSON feed: its new entries become articles here"
    )
    @app_commands.describe(
        url="The feed's url (a site's page that links its feed is pointed to it)",
        backfill=f"How many entries already in the feed to store now (default {DEFAULT_BACKFILL})",
        interval=f"Minutes between polls (default {DEFAULT_INTERVAL_MINUTES}, "
        f"at least {MIN_INTERVAL_MINUTES})",
    )
    async def add(
        self,
        interaction: discord.Interaction,
        url: app_commands.Range[str, 1, 2000],
        backfill: app_commands.Range[int, 0, MAX_BACKFILL] = DEFAULT_BACKFILL,
        interval: app_commands.Range[
            int, MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES
        ] = DEFAULT_INTERVAL_MINUTES,
    ) -> None:
        document, parsed = await in_time(interaction, self.poller.read_feed(url), ephemeral=True)
        feed = await receipts(interaction).run_store(
            subscriptions.add_feed,
            guild_id=interaction.guild_id,
            url=document.url,
            title=parsed.title,
            site_url=parsed.site_url,
            kind=parsed.kind,
            actor=actor(interaction),
            backfill=backfill,
            interval_minutes=interval,
        )
        self._in_background(self.poller.poll_feeds([feed]))
        stored_now = (
            f"the newest {min(backfill, len(parsed.entries))} of its "
            f"{len(parsed.entries)} entries are being stored now"
            if backfill
            else f"its {len(parsed.entries)} current entries are left out"
        )
        await send(
            interaction,
            ephemeral=True,
            content=(
                f"Following **#{feed.id} {discord.utils.escape_markdown(feed.name)}** ({parsed.kind}): "
                f"{stored_now}; new entries are checked every {interval} minutes. `/feed list` shows "
                f"how it is doing; `/digest subscribe cadence:instant` posts their claims as they "
                f"come."
            ),
        )

    @app_commands.command(
        name="list", description="This server's feeds: last poll, last new entry, next poll, errors"
    )
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        feeds = await receipts(interaction).read_store(subscriptions.feeds_of, interaction.guild_id)
        await send_pages(interaction, pages.feed_list_pages(feeds), ephemeral=True)

    @app_commands.command(name="remove", description="Stop following a feed (its articles stay)")
    @app_commands.describe(feed="The feed (see /feed list)")
    @app_commands.autocomplete(feed=feed_choices)
    async def remove(self, interaction: discord.Interaction, feed: app_commands.Range[str, 1, 2000]) -> None:
        removed = await receipts(interaction).run_store(
            subscriptions.remove_feed, guild_id=interaction.guild_id, given=feed, actor=actor(interaction)
        )
        await send(
            interaction,
            ephemeral=True,
            content=(
                f"No longer following #{removed.id} {discord.utils.escape_markdown(removed.name)}; "
                f"the articles it brought stay (`/article list`)."
            ),
        )

    @app_commands.command(name="poll", description="Poll this server's feeds now (a paused feed is resumed)")
    @app_commands.describe(feed="Only this feed (empty: all of them)")
    @app_commands.autocomplete(feed=feed_choices)
    async def poll(
        self, interaction: discord.Interaction, feed: app_commands.Range[str, 1, 2000] | None = None
    ) -> None:
        outcomes = await in_time(interaction, self._poll_now(interaction, feed), ephemeral=True)
        await send(interaction, ephemeral=True, content=pages.poll_reply(outcomes))

    async def _poll_now(self, interaction: discord.Interaction, given: str | None):
        run, now = receipts(interaction).run_store, datetime.now(UTC)
        if given:
            chosen: list[Feed] = [await run(subscriptions.find_feed, interaction.guild_id, given)]
        else:
            chosen = await run(subscriptions.feeds_of, interaction.guild_id)
        resumed = [
            await run(subscriptions.resume_feed, feed.id, actor=actor(interaction), now=now)
            for feed in chosen
        ]
        return await self.poller.poll_feeds(resumed, now)

    @app_commands.command(
        name="preview",
        description="A feed's newest entries and the claims they would give; nothing is stored",
    )
    @app_commands.describe(url="The feed's url")
    async def preview(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 2000]) -> None:
        parsed, previews = await in_time(interaction, self.poller.preview(url), ephemeral=True)
        await send_pages(interaction, pages.preview_pages(url, parsed, previews), ephemeral=True)


async def setup(bot: ReceiptsBot) -> None:
    await bot.add_cog(FeedGroup(bot))
