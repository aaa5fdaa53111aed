"""`/timeline [subject]`: the dated story of a device, a series or a company, or of everything."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import timeline
from commands._shared import device_choices, receipts, send_answer


class Timeline(commands.Cog):
    @app_commands.command(
        name="timeline", description="What was reported and what happened, in date order, with sources"
    )
    @app_commands.describe(subject="A phone, a series or a company; leave empty for the latest news")
    @app_commands.autocomplete(subject=device_choices)
    async def timeline(self, interaction: discord.Interaction, subject: str | None = None) -> None:
        await send_answer(
            interaction,
            receipts(interaction).read_store(timeline, subject or None, guild_id=interaction.guild_id),
        )


async def setup(bot: commands.Bot) -> None:
    """discord.py's extension entry: adds /timeline."""
    await bot.add_cog(Timeline())
