"""Syncing the slash commands with Discord only when they changed.

The payload discord.py would send (every command of the place, as JSON) is hashed, and the hash
of the last successful sync to that place is kept in the store (`bot.store.syncs`). At start the
bot syncs only when the hash differs: Discord rate-limits command creation, and a restart with the
same commands needs no sync. `python -m bot sync [--guild ID]` syncs whatever the hash says.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.store.syncs import record_sync, synced_hash

if TYPE_CHECKING:
    from commands.client import ReceiptsBot

log = logging.getLogger("receipts.sync")


@dataclass(frozen=True)
class SyncResult:
    scope: str
    synced: int | None  # how many commands Discord took; None when nothing had changed


def command_payload(tree: app_commands.CommandTree, guild: discord.abc.Snowflake | None) -> list[dict]:
    """The commands of a place (a server, or None: global) as the JSON a sync sends."""
    return [command.to_dict(tree) for command in tree.get_commands(guild=guild)]


def payload_hash(payload: list[dict]) -> str:
    """A hash of the payload that does not depend on the order of keys."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def sync_scope(application_id: int | None, guild_id: int | None) -> str:
    """Where commands are synced: one application's global commands, or its commands in a server."""
    return f"{application_id}/guild/{guild_id}" if guild_id else f"{application_id}/global"


async def sync_commands(bot: ReceiptsBot, *, guild_id: int | None = None, force: bool = False) -> SyncResult:
    """Sync the command tree to a server (the global commands copied there) or globally, unless
    the store says this very payload is already there; `force` syncs regardless."""
    guild = discord.Object(guild_id) if guild_id else None
    if guild is not None:
        bot.tree.copy_global_to(guild=guild)
    scope = sync_scope(bot.application_id, guild_id)
    digest = payload_hash(command_payload(bot.tree, guild))
    if not force and await bot.read_store(synced_hash, scope) == digest:
        log.info("the commands of %s are unchanged since they were last synced; not syncing", scope)
        return SyncResult(scope, None)
    synced = await bot.tree.sync(guild=guild)
    await bot.run_store(record_sync, scope, digest)
    if guild_id:
        log.info("synced %d commands to guild %s", len(synced), guild_id)
    else:
        log.info("synced %d global commands (Discord may take a while to show them)", len(synced))
    return SyncResult(scope, len(synced))
