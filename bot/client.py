"""The Discord bot: a `commands.Bot` that loads every command group in `commands/` and serves it.

This is the one module of the core that knows Discord; the command groups in `commands/` turn
options into calls of the core and its answers into messages. All store work goes through
`ReceiptsBot.run_store`: one piece at a time (the store is one SQLite connection, and a write
transaction must not interleave with other work on it), in a thread, so the gateway keeps its
heartbeat while an article is extracted.

The Discord base urls come from the settings, so the end-to-end tests can point the bot at a fake
Discord on 127.0.0.1 (RECEIPTS_DISCORD_API, RECEIPTS_DISCORD_GATEWAY, RECEIPTS_DISCORD_CDN).
"""

from __future__ import annotations

import asyncio
import logging
import pkgutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import discord
import yarl
from discord import app_commands
from discord.asset import Asset
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

import commands as command_groups
from bot.digests import Worker
from bot.ingest import seed_store
from bot.leases import process_owner
from bot.settings import Settings
from bot.store import Store

log = logging.getLogger("receipts.client")

T = TypeVar("T")
IDENTIFY_INTERVAL = 5.0  # Discord: one IDENTIFY per rate limit bucket every 5 seconds


def point_discord_at(settings: Settings) -> None:
    """Set discord.py's REST, gateway and CDN base urls (process-wide) from the settings."""
    Route.BASE = settings.discord_api
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway)
    Asset.BASE = settings.discord_cdn


def extension_names() -> list[str]:
    """Every command group in `commands/`: each module not starting with an underscore."""
    return sorted(f"{command_groups.__name__}.{module.name}"
                  for module in pkgutil.iter_modules(command_groups.__path__)
                  if not module.name.startswith("_"))


class ReceiptsTree(app_commands.CommandTree):
    """The command tree, with the one error handler every slash command failure reaches."""

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        from commands._shared import report_failure

        await report_failure(interaction, error)


def shard_label(settings: Settings) -> str:
    """Which shards a process runs, as its lease owner name and its log say."""
    if settings.shard_ids is not None:
        return f"shards {','.join(map(str, settings.shard_ids))} of {settings.shard_count}"
    if settings.shard_count is not None:
        return f"all {settings.shard_count} shards"
    return "all shards"


class ReceiptsBot(commands.AutoShardedBot):
    """Receipts on Discord: slash commands only, no message content, no mentions ever.

    Sharded the discord.py way: the settings' shard count and shard ids say which shards of the
    bot this process runs (all of them, as many as Discord recommends, by default). Several
    processes share one store; each posts digests only in the servers its shards hold, and takes
    each delivery through a lease, so a digest is posted once whichever process is up.
    """

    def __init__(self, settings: Settings, store: Store, **client_options: Any):
        """`client_options` go to `commands.AutoShardedBot` (tests pass e.g. `guild_ready_timeout`)."""
        point_discord_at(settings)
        intents = discord.Intents.none()
        intents.guilds = True  # channels and the bot's own permissions, for digests
        super().__init__(command_prefix=commands.when_mentioned, intents=intents,
                         help_command=None, tree_cls=ReceiptsTree,
                         allowed_mentions=discord.AllowedMentions.none(),
                         shard_count=settings.shard_count,
                         shard_ids=list(settings.shard_ids) if settings.shard_ids else None,
                         **client_options)
        self.settings = settings
        self.store = store
        self.worker = Worker(process_owner(shard_label(settings)), settings.lease_seconds,
                             self.holds_guild)
        self._store_lock = asyncio.Lock()
        self._store_work: asyncio.Future | None = None
        self._identify_buckets = 1
        self._logging_in = False
        self._identified_at: dict[int, float] = {}

    def holds_guild(self, guild_id: int) -> bool:
        """Whether one of this process's shards holds the server (Discord's rule: the shard of a
        guild is `(guild_id >> 22) % shard_count`); its channels are this process's to post in."""
        if self.shard_count is None:
            return True  # not launched yet; told nothing, this process runs every shard
        return (guild_id >> 22) % self.shard_count in (self.shard_ids or range(self.shard_count))

    def runs_first_shard(self) -> bool:
        return self.settings.shard_ids is None or 0 in self.settings.shard_ids

    async def run_store(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `function(store, *args, **kwargs)` in a thread, one store call at a time.

        A cancelled caller (an interaction that timed out, the digest loop stopping) does not
        stop its thread; the next call and `close` wait for it, so the store's one connection is
        never used by two threads at once nor closed under a running statement.
        """
        async with self._store_lock:
            await self._store_idle()
            self._store_work = asyncio.ensure_future(
                asyncio.to_thread(function, self.store, *args, **kwargs))
            return await asyncio.shield(self._store_work)

    async def _store_idle(self) -> None:
        if self._store_work is not None and not self._store_work.done():
            await asyncio.wait([self._store_work])

    async def login(self, token: str) -> None:
        self._logging_in = True
        await super().login(token)

    async def close(self) -> None:
        if self._logging_in:  # discord.py's sharded close needs what login sets up
            await super().close()
        await self._store_idle()

    async def load_command_groups(self) -> None:
        for name in extension_names():
            await self.load_extension(name)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Keep to Discord's IDENTIFY limit: one per bucket every 5 s, in `max_concurrency`
        buckets (a shard's is `shard_id % max_concurrency`). discord.py's own hook waits 5 s
        before every IDENTIFY but the first, whatever the limit."""
        bucket = (shard_id or 0) % self._identify_buckets
        loop = asyncio.get_running_loop()
        last = self._identified_at.get(bucket)
        at = loop.time() if last is None else max(loop.time(), last + IDENTIFY_INTERVAL)
        self._identified_at[bucket] = at
        await asyncio.sleep(at - loop.time())

    async def setup_hook(self) -> None:
        """Load every command group, then sync: to the dev guild at once when set, else globally.

        Of several processes, the one running shard 0 syncs; the others would send the same.
        """
        await self.load_command_groups()
        self._identify_buckets = max(1, (await self.fetch_session_start_limits()).max_concurrency)
        log.info("running %s (%s)", shard_label(self.settings), self.worker.owner)
        if not self.runs_first_shard():
            log.info("slash commands are synced by the process running shard 0")
        elif self.settings.dev_guild:
            guild = discord.Object(self.settings.dev_guild)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), self.settings.dev_guild)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands (Discord may take a while to show them)",
                     len(synced))

    async def on_ready(self) -> None:
        log.info("connected as %s (%s) to %d servers", self.user, getattr(self.user, "id", "?"),
                 len(self.guilds))


def open_bot_store(settings: Settings, db_path: Path | None = None) -> Store:
    """The store the bot serves; a new one is filled from the seeds, as on the command line."""
    path = db_path or settings.db_path
    new = not path.exists()
    store = Store(path)
    if new and store.is_empty():
        report = seed_store(store)
        log.info("new store %s: %s from the seed articles", path, report.summary())
    return store


async def serve(bot: ReceiptsBot, token: str) -> None:
    """Serve until Discord closes the bot or the process is asked to stop (SIGTERM, as service
    managers stop it, or Ctrl+C): the bot is closed, so its leases are released for the other
    processes instead of left to run out."""
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        await bot.start(token)


def run_bot(settings: Settings, db_path: Path | None = None) -> int:
    """Connect to Discord and serve until stopped (Ctrl+C); the exit code of `python -m bot run`."""
    # The command line set up plain logging; discord.py's formatter replaces it.
    for handler in list(logging.getLogger().handlers):
        logging.getLogger().removeHandler(handler)
    discord.utils.setup_logging(level=logging.getLevelName(settings.log_level))
    with open_bot_store(settings, db_path) as store:
        bot = ReceiptsBot(settings, store)
        try:
            asyncio.run(serve(bot, settings.discord_token))
        except KeyboardInterrupt:
            pass  # asyncio.run has cancelled `serve`, which closed the bot
        except discord.LoginFailure:
            log.error("Discord refused the token. Reset it in the Developer Portal (Bot > Reset "
                      "Token) and put the new one in .env as DISCORD_TOKEN.")
            return 2
    return 0
