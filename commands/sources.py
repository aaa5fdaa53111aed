"""`/sources device`: the articles that speak of a device, each with the sentence that shows it."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import sources
from commands._shared import device_choices, receipts, send_answer


class Sources(commands.Cog):
    @app_commands.command(name="sources", description="The articles behind what is known about a phone")
    @app_commands.describe(device="The phone, e.g. Xiaomi 12S Ultra")
    @app_commands.autocomplete(device=device_choices)
    async def sources(self, interaction: discord.Interaction, device: str) -> None:
        await send_answer(
            interaction, receipts(interaction).read_store(sources, device, guild_id=interaction.guild_id)
        )


async def setup(bot: commands.Bot) -> None:
    """discord.py's extension entry: adds /sources."""
    await bot.add_cog(Sources())
