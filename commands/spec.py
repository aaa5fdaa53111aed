"""`/spec device [attribute]`: what is known about a device, each value with its receipt."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers import spec
from bot.answers.attributes import label
from bot.models import ATTRIBUTES
from commands._shared import device_choices, receipts, send_answer

ATTRIBUTE_CHOICES = [app_commands.Choice(name=label(attribute), value=attribute) for attribute in ATTRIBUTES]


class Spec(commands.Cog):
    @app_commands.command(
        name="spec", description="What is known about a phone, with the source and date of every value"
    )
    @app_commands.describe(
        device="The phone, e.g. Xiaomi 12S Ultra or 12S Ultra", attribute="Only this attribute, e.g. chipset"
    )
    @app_commands.choices(attribute=ATTRIBUTE_CHOICES)
    @app_commands.autocomplete(device=device_choices)
    async def spec(
        self, interaction: discord.Interaction, device: str, attribute: app_commands.Choice[str] | None = None
    ) -> None:
        await send_answer(
            interaction,
            receipts(interaction).read_store(
                spec, device, attribute.value if attribute else None, guild_id=interaction.guild_id
            ),
        )


async def setup(bot: commands.Bot) -> None:
    """discord.py's extension entry: adds /spec."""
    await bot.add_cog(Spec())
