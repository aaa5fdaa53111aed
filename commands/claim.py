"""`/claim id` for everyone; `/moderate-claim retract|restore` for moderators.

Discord cannot make one top-level command both a command with options (`/claim 12`) and a group
(`/claim retract`), and `default_permissions` applies to a whole top-level command; so the
moderator actions are their own group, hidden from members by default and checked at run time.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot import moderation
from bot.answers import claim
from commands._shared import (MODERATOR_DEFAULTS, actor, ModeratorOnly, receipts, send,
                              send_answer)


class Claim(commands.Cog):
    @app_commands.command(name="claim", description="One claim with its quote, article and "
                                                    "date, and what happened to it")
    @app_commands.describe(id="The claim number shown after every line, e.g. 12")
    async def claim(self, interaction: discord.Interaction,
                    id: app_commands.Range[int, 1]) -> None:  # noqa: A002 - Discord's option name
        await send_answer(interaction, receipts(interaction).read_store(
            claim, id, guild_id=interaction.guild_id))


@app_commands.default_permissions(**MODERATOR_DEFAULTS)
@app_commands.guild_only()
class ClaimModeration(ModeratorOnly, commands.GroupCog, group_name="moderate-claim",
                      group_description="Moderators: retract or restore a claim of this server"):
    @app_commands.command(name="retract", description="Retract a claim that an article of this "
                                                      "server got wrong")
    @app_commands.describe(id="The claim number", reason="Why; kept with the claim and shown")
    async def retract(self, interaction: discord.Interaction, id: app_commands.Range[int, 1],
                      reason: app_commands.Range[str, 1, 300]) -> None:  # noqa: A002
        await receipts(interaction).run_store(moderation.retract_claim, id,
                                              guild_id=interaction.guild_id,
                                              actor=actor(interaction), reason=reason)
        await send(interaction, ephemeral=True,
                   content=f"Claim #{id} is retracted ({reason}); it no longer counts in this "
                           f"server's answers. `/moderate-claim restore id:{id}` undoes it.")

    @app_commands.command(name="restore", description="Undo the retraction of a claim")
    @app_commands.describe(id="The claim number")
    async def restore(self, interaction: discord.Interaction,
                      id: app_commands.Range[int, 1]) -> None:  # noqa: A002
        await receipts(interaction).run_store(moderation.restore_claim, id,
                                              guild_id=interaction.guild_id,
                                              actor=actor(interaction))
        await send(interaction, ephemeral=True, content=f"Claim #{id} counts again.")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Claim())
    await bot.add_cog(ClaimModeration())
