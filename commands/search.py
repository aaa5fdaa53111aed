"""`/search text`: claims and articles that contain some words."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import search
from commands._shared import receipts, send_answer


class Search(commands.Cog):
    @app_commands.command(name="search", description="Find claims and articles by their words")
    @app_commands.describe(text="Words to look for, e.g. periscope camera")
    async def search(self, interaction: discord.Interaction, text: app_commands.Range[str, 1, 200]) -> None:
        await send_answer(
            interaction, receipts(interaction).read_store(search, text, guild_id=interaction.guild_id)
        )


async def setup(bot: commands.Bot) -> None:
    """discord.py's extension entry: adds /search."""
    await bot.add_cog(Search())
