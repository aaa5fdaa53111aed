"""Slash commands typed as text ("/spec 12 Ultra chipset"), for `ask`, the console and tests."""

from __future__ import annotations

from datetime import date

from bot.answers.attributes import split_attribute
from bot.answers.claim import claim
from bot.answers.lookup import resolve_subject
from bot.answers.model import Answer, failure
from bot.answers.search import search
from bot.answers.sources import sources
from bot.answers.spec import spec
from bot.answers.timeline import timeline
from bot.store import Store

COMMANDS = {
    "spec": "/spec DEVICE [ATTRIBUTE]",
    "timeline": "/timeline [DEVICE|SERIES|COMPANY]",
    "sources": "/sources DEVICE",
    "claim": "/claim ID",
    "search": "/search TEXT",
}


def usage() -> str:
    """How the commands are typed, for a query that is none of them."""
    return "Try: " + ", ".join(COMMANDS.values())


def run_query(store: Store, text: str, guild_id: int | None = None, today: date | None = None) -> Answer:
    """Answer a slash command typed as text, exactly as the Discord command would."""
    command, _, rest = text.strip().lstrip("/").partition(" ")
    command = command.lower()
    argument = rest.strip().strip("\"'“”").strip()
    if command == "spec":
        return _spec(store, argument, guild_id)
    if command == "timeline":
        return timeline(store, argument or None, guild_id=guild_id, today=today)
    if command == "sources":
        return sources(store, argument, guild_id=guild_id)
    if command == "claim":
        return claim(store, argument, guild_id=guild_id)
    if command == "search":
        return search(store, argument, guild_id=guild_id)
    if command in ("", "help"):
        return failure("help", "The commands:", matched=text, suggestions=list(COMMANDS.values()))
    return failure(
        command,
        f"Unknown command “/{command}”. The commands:",
        matched=text,
        suggestions=list(COMMANDS.values()),
    )


def _spec(store: Store, argument: str, guild_id: int | None) -> Answer:
    """`/spec 12 Ultra chipset`: the last words name an attribute when the rest names a device."""
    words = argument.split()
    device_words, attributes = split_attribute(words)
    if attributes and resolve_subject(store, " ".join(device_words), guild_id).found:
        return spec(store, " ".join(device_words), " ".join(words[len(device_words) :]), guild_id=guild_id)
    return spec(store, argument, guild_id=guild_id)
