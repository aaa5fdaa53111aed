"""The Discord bot: a `commands.Bot` that loads every command group in `commands/` and serves it.

This is the one module of the core that knows Discord; the command groups in `commands/` turn
options into calls of the core and its answers into messages. The store is one writer and many
readers, each connection a `StoreLane` (one call at a time, in a thread, so the gateway keeps its
heartbeat): writes go through `ReceiptsBot.run_store`, answers through `read_store` and
autocomplete through `autocomplete_from_store`, each on a connection of its own that reads the
last commit (WAL) and never waits for a write. Extraction needs no store at all:
`extract_claims` runs it in a thread of its own, outside every lane.

The Discord base urls come from the settings, so the end-to-end tests can point the bot at a fake
Discord on 127.0.0.1 (RECEIPTS_DISCORD_API, RECEIPTS_DISCORD_GATEWAY, RECEIPTS_DISCORD_CDN).
"""

from __future__ import annotations

import asyncio
import logging
import pkgutil
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
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
from bot.ingest import seed_store
from bot.models import Article, Claim
from bot.moderation import read_claims
from bot.settings import Settings
from bot.store import Store

log = logging.getLogger("receipts.client")

T = TypeVar("T")


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


@dataclass(frozen=True)
class GatewayCrashPolicy:
    """How often the bot connects again after a gateway event it could not handle, and when it
    gives up: after `limit` crashes within `window` seconds the process ends non-zero, so that
    whatever supervises it (systemd, Docker) sees a bot that keeps failing."""

    limit: int = 5
    window: float = 600.0
    first_delay: float = 0.5  # seconds before connecting again; doubled for each recent crash
    max_delay: float = 30.0

    def delay(self, recent_crashes: int) -> float:
        return min(self.max_delay, self.first_delay * 2 ** max(0, recent_crashes - 1))


class GatewayKeepsCrashing(Exception):
    """Too many gateway crashes in a short time; `python -m bot run` exits non-zero."""
class StoreLane:
    """One store connection, used by one call at a time, in a thread.

    A cancelled caller (an interaction that timed out, the digest loop stopping) does not stop its
    thread; the next call and `idle` wait for it, so the connection is never used by two threads
    at once nor closed under a running statement.
    """

    def __init__(self, store: Store):
        self.store = store
        self._lock = asyncio.Lock()
        self._work: asyncio.Future | None = None

    async def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        async with self._lock:
            await self.idle()
            self._work = asyncio.ensure_future(
                asyncio.to_thread(function, self.store, *args, **kwargs))
            return await asyncio.shield(self._work)

    async def idle(self) -> None:
        if self._work is not None and not self._work.done():
            await asyncio.wait([self._work])


class ReceiptsTree(app_commands.CommandTree):
    """The command tree, with the one error handler every slash command failure reaches."""

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        from commands._shared import report_failure

        await report_failure(interaction, error)


class ReceiptsBot(commands.Bot):
    """Receipts on Discord: slash commands only, no message content, no mentions ever."""

    crash_policy = GatewayCrashPolicy()

    def __init__(self, settings: Settings, store: Store, **client_options: Any):
        """`client_options` go to `commands.Bot` (tests pass e.g. `guild_ready_timeout`)."""
        point_discord_at(settings)
        intents = discord.Intents.none()
        intents.guilds = True  # channels and the bot's own permissions, for digests
        super().__init__(command_prefix=commands.when_mentioned, intents=intents,
                         help_command=None, tree_cls=ReceiptsTree,
                         allowed_mentions=discord.AllowedMentions.none(), **client_options)
        self.settings = settings
        self.store = store
        self._writer = StoreLane(store)
        self._answers = StoreLane(store.reader())
        self._autocomplete = StoreLane(store.reader())

    async def run_store(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `function(store, *args, **kwargs)` on the writing connection: every change, and
        the reads that decide one (a moderator's own article, a digest's window)."""
        return await self._writer.run(function, *args, **kwargs)

    async def read_store(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a read (an answer, a list) on the answers' own connection: it sees the last
        commit and never waits for a write or an extraction."""
        return await self._answers.run(function, *args, **kwargs)

    async def autocomplete_from_store(self, function: Callable[..., T], *args: Any,
                                      **kwargs: Any) -> T:
        """Run an autocomplete lookup on a connection of its own, so typing is never held up by
        a slow answer either."""
        return await self._autocomplete.run(function, *args, **kwargs)

    async def extract_claims(self, article: Article) -> list[Claim]:
        """An article's claims, extracted in a thread outside every store lane (a 1 MB article
        takes long, and holds nothing meanwhile)."""
        return await asyncio.to_thread(read_claims, article)

    async def close(self) -> None:
        await super().close()
        for lane in (self._writer, self._answers, self._autocomplete):
            await lane.idle()
        for lane in (self._answers, self._autocomplete):
            lane.store.close()

    async def connect(self, *, reconnect: bool = True) -> None:
        """discord.py's connection loop, outliving an event it cannot parse.

        discord.py reconnects by itself after network failures and Discord's close codes, but an
        exception raised while parsing an event (a Discord change, a malformed payload) escapes
        its loop and would end the process. Such a crash is logged, the connection closed and
        made again with a fresh IDENTIFY (the state is rebuilt from what Discord sends, rather
        than resumed past an event that was never applied), after a growing delay; only
        repeated crashes within a short time end the bot, with `GatewayKeepsCrashing`.
        """
        policy = self.crash_policy
        crashes: deque[float] = deque()
        while not self.is_closed():
            try:
                await super().connect(reconnect=reconnect)
                return
            except discord.DiscordException:
                raise  # discord.py's own verdicts: a bad token, missing intents, a fatal close
            except Exception as error:  # noqa: BLE001 - whatever the parser raised
                if self.is_closed():
                    return
                now = time.monotonic()
                crashes.append(now)
                while now - crashes[0] > policy.window:
                    crashes.popleft()
                if len(crashes) >= policy.limit:
                    raise GatewayKeepsCrashing(
                        f"{len(crashes)} gateway crashes within {policy.window:.0f} s, the last "
                        f"{type(error).__name__}: {error}") from error
                delay = policy.delay(len(crashes))
                log.exception("could not handle an event from Discord's gateway; connecting "
                              "again in %.1f s (crash %d; the bot stops at %d within %.0f s)",
                              delay, len(crashes), policy.limit, policy.window)
                await self._drop_connection()
                await asyncio.sleep(delay)

    async def _drop_connection(self) -> None:
        """Close the websocket whose event failed (its heartbeat too) before connecting anew."""
        if self.ws is None:
            return
        try:
            await self.ws.close(code=1000)
        except Exception:  # noqa: BLE001 - it may be half gone already; a new one is made anyway
            log.debug("closing the failed gateway connection failed", exc_info=True)
        self.dispatch("disconnect")

    async def load_command_groups(self) -> None:
        for name in extension_names():
            await self.load_extension(name)

    async def setup_hook(self) -> None:
        """Load every command group, then sync: to the dev guild at once when set, else globally."""
        await self.load_command_groups()
        if self.settings.dev_guild:
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


def run_bot(settings: Settings, db_path: Path | None = None) -> int:
    """Connect to Discord and serve until stopped (Ctrl+C); the exit code of `python -m bot run`."""
    # The command line set up plain logging; discord.py's formatter replaces it.
    for handler in list(logging.getLogger().handlers):
        logging.getLogger().removeHandler(handler)
    discord.utils.setup_logging(level=logging.getLevelName(settings.log_level))
    with open_bot_store(settings, db_path) as store:
        bot = ReceiptsBot(settings, store)
        try:
            bot.run(settings.discord_token, log_handler=None)
        except discord.LoginFailure:
            log.error("Discord refused the token. Reset it in the Developer Portal (Bot > Reset "
                      "Token) and put the new one in .env as DISCORD_TOKEN.")
            return 2
        except GatewayKeepsCrashing as error:
            log.error("The connection to Discord keeps crashing (%s); stopping. The log above has "
                      "each crash; an update of discord.py (pip install -U discord.py) may be "
                      "needed.", error)
            return 3
    return 0
