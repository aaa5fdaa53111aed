"""`/digest subscribe|unsubscribe|list|preview`, and the loop that posts the digests that are due.

The schedule, the delivery rows and what a digest holds are `bot.digests`, its pages
`commands.render.digests`; this cog only posts a page where it is told to and turns Discord's
refusals into `DeliveryFailed`: a channel the bot may not post in is `blocked` (shown as failing,
retried at the next window), a server error or rate limit is `failed` (retried on the next
ticks), and so is a post that takes longer than its delivery's deadline.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, cast

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot import digests
from bot.digests import DeliveryFailed, Subscription
from bot.settings import DEFAULT_DIGEST_INTERVAL
from commands._shared import (
    AUTOCOMPLETE_LIMIT,
    MODERATOR_DEFAULTS,
    NO_MENTIONS,
    ModeratorOnly,
    actor,
    device_choices,
    embeds_of,
    in_time,
    receipts,
    send,
    send_pages,
)
from commands.render.digests import (
    NO_DIGEST_TO_PREVIEW,
    NOTHING_NEW_TO_PREVIEW,
    digest_pages,
    subscribed_message,
    subscription_list_pages,
    unsubscribed_message,
)

if TYPE_CHECKING:
    from commands.client import ReceiptsBot

log = logging.getLogger("receipts.digest")

POST_PERMISSIONS = ("view_channel", "send_messages", "embed_links")
CADENCE_CHOICES = [
    app_commands.Choice(name="daily", value="daily"),
    app_commands.Choice(name="weekly (Mondays)", value="weekly"),
    app_commands.Choice(name="instant (each new article, within a minute)", value="instant"),
]


def missing_post_permissions(channel: discord.abc.GuildChannel) -> list[str]:
    """The permissions the bot lacks to post a digest in a channel."""
    permissions = channel.permissions_for(channel.guild.me)
    return [name.replace("_", " ").title() for name in POST_PERMISSIONS if not getattr(permissions, name)]


async def time_zones(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Time zone names for what has been typed (the `timezone` option's autocomplete)."""
    return [
        app_commands.Choice(name=name, value=name)
        for name in digests.timezone_names(current, AUTOCOMPLETE_LIMIT)
    ]


@app_commands.default_permissions(**MODERATOR_DEFAULTS)
@app_commands.guild_only()
class Digest(
    ModeratorOnly,
    commands.GroupCog,
    group_name="digest",
    group_description="Moderators: post the new claims to a channel, daily or weekly",
):
    def __init__(self, bot: ReceiptsBot):
        super().__init__()
        self.bot = bot
        self.delivery_deadline = digests.DELIVERY_DEADLINE
        self._busy: set[int] = set()  # subscriptions being posted by a round still running
        self._rounds: set[asyncio.Task] = set()

    async def cog_load(self) -> None:
        self.deliver.change_interval(seconds=self.bot.settings.digest_interval)
        self.deliver.start()

    async def cog_unload(self) -> None:
        self.deliver.cancel()
        for delivery_round in list(self._rounds):
            delivery_round.cancel()  # a page cut off is posted again with its nonce: never twice

    # Posting ------------------------------------------------------------------------------------

    @tasks.loop(seconds=DEFAULT_DIGEST_INTERVAL)
    async def deliver(self) -> None:
        """Start a round of the digests due now, and do not wait for it: a round held up by a
        slow channel (up to its deadline) must not hold what becomes due meanwhile."""
        delivery_round = asyncio.create_task(self.deliver_round())
        self._rounds.add(delivery_round)
        delivery_round.add_done_callback(self._rounds.discard)

    async def deliver_round(self) -> None:
        try:
            await digests.deliver_due(
                self.bot.run_store,
                datetime.now(UTC),
                self.post_page,
                render=digest_pages,
                deadline=self.delivery_deadline,
                busy=self._busy,
                worker=self.bot.worker,
            )
        except Exception:  # noqa: BLE001 - the loop goes on at the next tick
            log.exception("a round of digests failed; the loop runs again at the next tick")

    @deliver.before_loop
    async def wait_until_connected(self) -> None:
        await self.bot.wait_until_ready()

    async def post_page(self, subscription: Subscription, page: list[dict], nonce: str) -> int:
        """Post one page of a digest; the message id, or DeliveryFailed saying why not."""
        where = f"<#{subscription.channel_id}>"
        channel = self.bot.get_channel(subscription.channel_id)
        try:
            if channel is None:
                channel = await self.bot.fetch_channel(subscription.channel_id)
            if isinstance(channel, discord.abc.GuildChannel):
                missing = missing_post_permissions(channel)
                if missing:
                    raise DeliveryFailed(
                        f"I may not post in {where}: missing {', '.join(missing)}. Give me these there.",
                        blocked=True,
                    )
            message = await cast(discord.TextChannel, channel).send(
                embeds=embeds_of(page), nonce=nonce, allowed_mentions=NO_MENTIONS
            )
        except discord.NotFound:
            raise DeliveryFailed(
                f"{where} no longer exists; `/digest unsubscribe` it or subscribe another channel.",
                blocked=True,
            ) from None
        except discord.Forbidden as error:
            reason = error.text or "Missing Access"
            raise DeliveryFailed(
                f"Discord refused my post in {where} ({reason}); give me View "
                f"Channel, Send Messages and Embed Links there.",
                blocked=True,
            ) from None
        except discord.HTTPException as error:
            blocked = error.status < 500 and error.status != 429
            raise DeliveryFailed(
                f"Discord answered {error.status} ({error.text or 'no detail'})", blocked=blocked
            ) from None
        except (TimeoutError, aiohttp.ClientError) as error:
            raise DeliveryFailed(
                f"Discord could not be reached ({type(error).__name__})", blocked=False
            ) from None
        return message.id

    # Commands -----------------------------------------------------------------------------------

    @app_commands.command(
        name="subscribe", description="Post the new claims to a channel, daily, weekly or as they come"
    )
    @app_commands.describe(
        channel="Where to post",
        cadence="Every day, every Monday, or each new article as it comes",
        time="Time of day, HH:MM (24 h), e.g. 09:00 (daily and weekly)",
        zone="The time zone of that time, e.g. Europe/Berlin or UTC (daily and weekly)",
        device="Only this phone (leave empty for all)",
    )
    @app_commands.choices(cadence=CADENCE_CHOICES)
    @app_commands.rename(zone="timezone")
    @app_commands.autocomplete(zone=time_zones, device=device_choices)
    async def subscribe(
        self,
        interaction: discord.Interaction,
        channel: discord.TextChannel,
        cadence: app_commands.Choice[str],
        time: app_commands.Range[str, 1, 5] | None = None,
        zone: app_commands.Range[str, 1, 64] | None = None,
        device: str | None = None,
    ) -> None:
        subscription, replaced = await in_time(
            interaction,
            receipts(interaction).run_store(
                digests.subscribe,
                guild_id=interaction.guild_id,
                channel_id=channel.id,
                cadence=cadence.value,
                at=time,
                zone=zone,
                device=device,
                actor=actor(interaction),
            ),
            ephemeral=True,
        )
        resolved = interaction.guild.get_channel(channel.id) if interaction.guild else None
        missing = missing_post_permissions(resolved) if resolved else []
        await send(
            interaction,
            ephemeral=True,
            content=subscribed_message(subscription, replaced, datetime.now(UTC), missing),
        )

    @app_commands.command(name="unsubscribe", description="Stop a channel's digest")
    @app_commands.describe(
        channel="The channel", device="The phone of that digest (empty: the all-devices one)"
    )
    @app_commands.autocomplete(device=device_choices)
    async def unsubscribe(
        self, interaction: discord.Interaction, channel: discord.TextChannel, device: str | None = None
    ) -> None:
        ended = await receipts(interaction).run_store(
            digests.unsubscribe,
            guild_id=interaction.guild_id,
            channel_id=channel.id,
            device=device,
            actor=actor(interaction),
        )
        await send(interaction, ephemeral=True, content=unsubscribed_message(ended))

    @app_commands.command(name="list", description="This server's digests, and any that fail")
    async def list_digests(self, interaction: discord.Interaction) -> None:
        statuses = await receipts(interaction).run_store(
            digests.list_subscriptions, interaction.guild_id, datetime.now(UTC)
        )
        await send_pages(interaction, subscription_list_pages(statuses), ephemeral=True)

    @app_commands.command(name="preview", description="What the next digest would hold if it were posted now")
    @app_commands.describe(channel="Only the digest of this channel")
    async def preview(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        previews = await in_time(
            interaction,
            receipts(interaction).run_store(
                digests.preview, guild_id=interaction.guild_id, channel_id=channel.id if channel else None
            ),
            ephemeral=True,
        )
        pages = [page for digest in previews for page in digest_pages(digest)]
        if not previews:
            await send(interaction, ephemeral=True, content=NO_DIGEST_TO_PREVIEW)
        elif not pages:
            await send(interaction, ephemeral=True, content=NOTHING_NEW_TO_PREVIEW)
        else:
            await send_pages(interaction, pages, ephemeral=True)


async def setup(bot: ReceiptsBot) -> None:
    """discord.py's extension entry: adds the /digest group and its posting loop."""
    await bot.add_cog(Digest(bot))
