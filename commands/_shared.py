"""What every command group shares: sending pages, the moderator check, and reporting failures.

Discord's rules are kept here once: an interaction is answered within 3 seconds (slow work is
deferred), nothing the bot sends can ping anyone, pages turn only for the person who asked, and
every failure is answered to the user ephemerally with what to do, while its traceback goes to the
log. The tree's error handler and every view and modal call `report_failure`.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import discord
from discord import app_commands

from bot.answers import Answer
from bot.digests import NoSuchDigest
from bot.errors import UserError
from bot.moderation import NOT_MODERATOR, actor_name, is_moderator
from bot.store import StoreBusy, StoreError
from commands.render.answers import to_discord_pages
from commands.render.digests import no_such_digest

if TYPE_CHECKING:
    from commands.client import ReceiptsBot

log = logging.getLogger("receipts.commands")

NO_MENTIONS = discord.AllowedMentions.none()
# Who sees moderator commands until a server changes it; Discord can only require all of the
# permissions given, so Manage Messages stands for "Manage Messages or Manage Server" here and
# `require_moderator` applies the full rule at run time.
MODERATOR_DEFAULTS = {"manage_messages": True}
DEFER_AFTER = 1.5  # seconds; Discord's limit is 3, and the answer still has to travel
PAGE_TIMEOUT = 600.0
MESSAGE_LIMIT = 2000
PUBLIC_DEFER = "receipts_public_defer"

T = TypeVar("T")


ROLES_UNKNOWN = (
    "I do not know this server's roles yet, so I cannot tell whether you are a "
    "moderator; try again in a minute."
)


class NotModerator(app_commands.CheckFailure):
    """The member lacks Manage Messages and Manage Server server-wide, whatever the server's
    overrides and the channel's overwrites say."""


def receipts(interaction: discord.Interaction) -> ReceiptsBot:
    return cast("ReceiptsBot", interaction.client)


def actor(interaction: discord.Interaction) -> str:
    """Who did it, as the store and the audit log name people."""
    return actor_name(interaction.user.id)


def require_moderator(interaction: discord.Interaction) -> bool:
    """The runtime check behind `default_permissions`: a server override cannot widen it.

    Every moderator action changes the whole server (its articles, claims and digests), so the
    member's server-wide permissions count, from their roles; `interaction.permissions` are the
    channel's, and a channel overwrite granting Manage Messages there must not be enough.
    """
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    member = interaction.user
    guild = getattr(member, "guild", None)
    if guild is None or guild.default_role is None:
        raise NotModerator(ROLES_UNKNOWN)  # the server's roles are not known yet (still loading)
    permissions = cast(discord.Member, member).guild_permissions
    if not is_moderator(
        manage_messages=permissions.manage_messages,
        manage_guild=permissions.manage_guild,
        administrator=permissions.administrator,
    ):
        raise NotModerator(NOT_MODERATOR)
    return True


class ModeratorOnly:
    """Mixed into a moderator command group: `require_moderator` runs before every command."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return require_moderator(interaction)


def embeds_of(page: list[dict]) -> list[discord.Embed]:
    return [discord.Embed.from_dict(embed) for embed in page]


# Answering in time ------------------------------------------------------------------------------


async def in_time(interaction: discord.Interaction, work: Awaitable[T], *, ephemeral: bool = False) -> T:
    """Await work, deferring the interaction first if it takes longer than DEFER_AFTER."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=DEFER_AFTER)
    if not done and not interaction.response.is_done():
        await defer(interaction, ephemeral=ephemeral)
    return await task


async def defer(interaction: discord.Interaction, *, ephemeral: bool) -> None:
    """Defer with "thinking…"; a public defer is remembered so a failure can be made private."""
    await interaction.response.defer(ephemeral=ephemeral, thinking=True)
    interaction.extras[PUBLIC_DEFER] = not ephemeral


async def send(
    interaction: discord.Interaction, *, ephemeral: bool, **kwargs: Any
) -> discord.Message | discord.InteractionMessage | None:
    """Send the first answer or a follow-up, whichever is due; never with mentions."""
    kwargs.setdefault("allowed_mentions", NO_MENTIONS)
    if not interaction.response.is_done():
        callback = await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
        resource = callback.resource
        return resource if isinstance(resource, discord.InteractionMessage) else None
    if ephemeral and interaction.extras.pop(PUBLIC_DEFER, False):
        # A public "thinking…" would turn into a public message; remove it, answer privately.
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            pass
    return await interaction.followup.send(ephemeral=ephemeral, wait=True, **kwargs)


async def send_pages(
    interaction: discord.Interaction, pages: list[list[dict]], *, ephemeral: bool = False
) -> None:
    """Send pages of embeds: the first page, with buttons to turn the others when there are any."""
    if len(pages) <= 1:
        await send(interaction, ephemeral=ephemeral, embeds=embeds_of(pages[0] if pages else []))
        return
    view = PageView(interaction.user.id, pages)
    view.message = await send(interaction, ephemeral=ephemeral, embeds=embeds_of(pages[0]), view=view)


async def send_answer(interaction: discord.Interaction, work: Awaitable[Answer]) -> None:
    """A public answer from the answers core; an answer that is an error goes to the asker only."""
    answer = await in_time(interaction, work)
    await send_pages(interaction, to_discord_pages(answer), ephemeral=not answer.ok)


# Views -----------------------------------------------------------------------------------------


class OwnedView(discord.ui.View):
    """A view whose buttons only the person who asked can press; failures are reported as usual."""

    def __init__(self, owner_id: int, timeout: float = PAGE_TIMEOUT):
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message: discord.Message | discord.InteractionMessage | None = None

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            "Only the person who asked can use these buttons; run the command yourself to get your own.",
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )
        return False

    async def on_timeout(self) -> None:
        if self.message is not None:
            try:
                await self.message.edit(view=None)
            except discord.HTTPException:
                pass  # the message is gone or the token expired; the buttons just stop working

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item
    ) -> None:
        await report_failure(interaction, error)


class PageView(OwnedView):
    """Previous / next buttons over pages of embeds, with the page number between them."""

    def __init__(self, owner_id: int, pages: list[list[dict]]):
        super().__init__(owner_id)
        self.pages = pages
        self.index = 0
        self._show_position()

    def _show_position(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.pages) - 1
        self.position.label = f"{self.index + 1}/{len(self.pages)}"

    async def _show(self, interaction: discord.Interaction, index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._show_position()
        await interaction.response.edit_message(
            embeds=embeds_of(self.pages[self.index]), view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """A label, not a button: disabled, it only shows where the reader is."""

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await self._show(interaction, self.index + 1)


class ReportingModal(discord.ui.Modal):
    """A modal whose failures reach the user like every other failure."""

    # discord.py's own Modal.on_error has this signature, which differs from its BaseView's
    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:  # type: ignore[override]
        await report_failure(interaction, error)


# Failures --------------------------------------------------------------------------------------


def failure_message(error: BaseException) -> tuple[str, bool]:
    """What to tell the user about a failure, and whether it is unexpected (traceback to the log)."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, NotModerator):
        return str(error), False
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages.", False
    if isinstance(error, app_commands.BotMissingPermissions):
        missing = ", ".join(p.replace("_", " ").title() for p in error.missing_permissions)
        return (
            f"I am missing {missing} here; ask a server admin to give me that permission in this channel."
        ), False
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s.", False
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use this command here; ask one of your server's moderators.", False
    if isinstance(error, app_commands.TransformerError):
        return (
            f"“{error.value}” is not a valid {error.type.name.lower()} for this option; "
            f"pick one from the list."
        ), False
    if isinstance(error, StoreBusy):
        return (
            "The claim store is busy with another writer (an import, most likely); nothing "
            "was changed. Try again in a moment."
        ), False
    if isinstance(error, StoreError):
        return (f"The claim store cannot be used right now ({error}). Tell the bot's maintainer."), True
    if isinstance(error, NoSuchDigest):
        return no_such_digest(error), False
    if isinstance(error, UserError):
        return str(error), False
    if isinstance(error, discord.Forbidden):
        return (
            "Discord did not let me do that here (missing permissions). Ask a server admin to "
            "give me View Channel, Send Messages and Embed Links in this channel."
        ), False
    if isinstance(error, app_commands.CommandSignatureMismatch | app_commands.CommandNotFound):
        return (
            "This command changed since Discord last loaded it; wait a minute, or reload "
            "Discord (Ctrl+R), and try again."
        ), True
    return (
        "Something went wrong on my side. Try again in a moment; if it keeps failing, tell "
        "the bot's maintainer"
    ), True


async def report_failure(interaction: discord.Interaction, error: BaseException) -> None:
    """Answer a failure to the user, privately, and log the traceback when it is unexpected."""
    message, unexpected = failure_message(error)
    command = interaction.command.qualified_name if interaction.command else interaction.type.name
    if unexpected:
        reference = secrets.token_hex(3)
        message += f" (reference {reference})."
        original = getattr(error, "original", error)
        log.error(
            "/%s failed for user %s in guild %s [%s]",
            command,
            interaction.user.id,
            interaction.guild_id,
            reference,
            exc_info=original,
        )
    else:
        log.info(
            "/%s refused for user %s in guild %s: %s",
            command,
            interaction.user.id,
            interaction.guild_id,
            message,
        )
    if len(message) > MESSAGE_LIMIT:
        message = message[: MESSAGE_LIMIT - 1] + "…"
    try:
        await send(interaction, ephemeral=True, content=message)
    except discord.HTTPException:
        log.warning(
            "could not tell user %s about the failure of /%s", interaction.user.id, command, exc_info=True
        )


# Options ---------------------------------------------------------------------------------------

AUTOCOMPLETE_LIMIT = 25
AUTOCOMPLETE_WAIT = 2.0  # seconds; an answer after Discord's 3 s is thrown away anyway
CHOICE_LIMIT = 100


async def device_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Subject names this server can see, for what has been typed so far."""
    from bot.answers import autocomplete

    try:
        names = await asyncio.wait_for(
            receipts(interaction).autocomplete_from_store(
                autocomplete, current, interaction.guild_id, AUTOCOMPLETE_LIMIT
            ),
            AUTOCOMPLETE_WAIT,
        )
    except TimeoutError:
        return []  # too slow for Discord to show; typing on asks again
    return [
        app_commands.Choice(name=name[:CHOICE_LIMIT], value=name[:CHOICE_LIMIT])
        for name in names[:AUTOCOMPLETE_LIMIT]
    ]
