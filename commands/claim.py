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
from commands._shared import MODERATOR_DEFAULTS, ModeratorOnly, actor, receipts, send, send_answer
from commands.render.claims import claim_restored, claim_retracted


class Claim(commands.Cog):
    @app_commands.command(
        name="claim", description="One claim with its quote, article and date, and what happened to it"
    )
    @app_commands.rename(claim_id="id")
    @app_commands.describe(claim_id="The claim number shown after every line, e.g. 12")
    async def claim(self, interaction: discord.Interaction, claim_id: app_commands.Range[int, 1]) -> None:
        await send_answer(
            interaction, receipts(interaction).read_store(claim, claim_id, guild_id=interaction.guild_id)
        )


@app_commands.default_permissions(**MODERATOR_DEFAULTS)
@app_commands.guild_only()
class ClaimModeration(
    ModeratorOnly,
    commands.GroupCog,
    group_name="moderate-claim",
    group_description="Moderators: retract or restore a claim of this server",
):
    @app_commands.command(
        name="retract", description="Retract a claim that an article of this server got wrong"
    )
    @app_commands.rename(claim_id="id")
    @app_commands.describe(claim_id="The claim number", reason="Why; kept with the claim and shown")
    async def retract(
        self,
        interaction: discord.Interaction,
        claim_id: app_commands.Range[int, 1],
        reason: app_commands.Range[str, 1, 300],
    ) -> None:
        await receipts(interaction).run_store(
            moderation.retract_claim,
            claim_id,
            guild_id=interaction.guild_id,
            actor=actor(interaction),
            reason=reason,
        )
        await send(interaction, ephemeral=True, content=claim_retracted(claim_id, reason))

    @app_commands.command(name="restore", description="Undo the retraction of a claim")
    @app_commands.rename(claim_id="id")
    @app_commands.describe(claim_id="The claim number")
    async def restore(self, interaction: discord.Interaction, claim_id: app_commands.Range[int, 1]) -> None:
        await receipts(interaction).run_store(
            moderation.restore_claim, claim_id, guild_id=interaction.guild_id, actor=actor(interaction)
        )
        await send(interaction, ephemeral=True, content=claim_restored(claim_id))


async def setup(bot: commands.Bot) -> None:
    """discord.py's extension entry: adds /claim and the /moderate-claim group."""
    await bot.add_cog(Claim())
    await bot.add_cog(ClaimModeration())
