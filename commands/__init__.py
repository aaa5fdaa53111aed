"""Slash command groups: one discord.py extension per group, loaded by `bot.client`."""
