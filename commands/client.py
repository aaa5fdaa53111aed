"""The Discord bot: a `commands.AutoShardedBot` that loads every command group in `commands/` and serves it.

The Discord side's client: the command groups beside it turn options into calls of the core, and
`commands.render` turns the core's answers into messages. The store is one writer and many
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
import functools
import importlib
import logging
import pkgutil
import signal
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
from bot.digests import Worker
from bot.ingest import seed_store
from bot.leases import process_owner
from bot.models import Article, Claim
from bot.moderation import read_claims
from bot.settings import Settings
from bot.store import Store
from commands.sync import SyncResult, sync_commands

log = logging.getLogger("receipts.client")

T = TypeVar("T")
IDENTIFY_INTERVAL = 5.0  # Discord: one IDENTIFY per rate limit bucket every 5 seconds
GUILD_EVENTS = ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE")  # whose `id` is the guild's


def point_discord_at(settings: Settings) -> None:
    """Set discord.py's REST, gateway and CDN base urls (process-wide) from the settings."""
    Route.BASE = settings.discord_api
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.discord_gateway)
    Asset.BASE = settings.discord_cdn


def extension_names() -> list[str]:
    """Every command group in `commands/`: each module (not a package, not starting with an
    underscore) with a discord.py `setup` function; the client, `run` and `render` are not."""
    names = (
        f"{command_groups.__name__}.{module.name}"
        for module in pkgutil.iter_modules(command_groups.__path__)
        if not module.name.startswith("_") and not module.ispkg
    )
    return sorted(name for name in names if hasattr(importlib.import_module(name), "setup"))


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
        """Seconds to wait before connecting again, doubled for each recent crash, up to max_delay."""
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
        """Run `function(store, *args, **kwargs)` in a thread, after the lane's previous call."""
        async with self._lock:
            await self.idle()
            self._work = asyncio.ensure_future(asyncio.to_thread(function, self.store, *args, **kwargs))
            return await asyncio.shield(self._work)

    async def idle(self) -> None:
        """Wait for the call in flight, if any (a cancelled caller's thread still runs)."""
        if self._work is not None and not self._work.done():
            await asyncio.wait([self._work])


class ReceiptsTree(app_commands.CommandTree):
    """The command tree, with the one error handler every slash command failure reaches."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """Every slash command failure ends here: answered by `report_failure`."""
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

    crash_policy = GatewayCrashPolicy()

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        force_sync: bool = False,
        sync_guild: int | None = None,
        **client_options: Any,
    ):
        """`force_sync` syncs the commands even when unchanged, to `sync_guild` when given
        (`python -m bot sync`); `client_options` go to `commands.AutoShardedBot` (tests pass e.g.
        `guild_ready_timeout`)."""
        point_discord_at(settings)
        intents = discord.Intents.none()
        intents.guilds = True  # channels and the bot's own permissions, for digests
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            help_command=None,
            tree_cls=ReceiptsTree,
            allowed_mentions=discord.AllowedMentions.none(),
            shard_count=settings.shard_count,
            # discord.py reads shard_ids with .get (None: all shards; documented Optional[List[int]]),
            # but its options TypedDict says List[int]
            shard_ids=list(settings.shard_ids) if settings.shard_ids else None,  # type: ignore[arg-type]
            **client_options,
        )
        self.settings = settings
        self.store = store
        self.force_sync = force_sync
        self.sync_guild = sync_guild
        self.last_sync: SyncResult | None = None
        self._writer = StoreLane(store)
        self._answers = StoreLane(store.reader())
        self._autocomplete = StoreLane(store.reader())
        self.worker = Worker(process_owner(shard_label(settings)), settings.lease_seconds, self.holds_guild)
        self._identify_buckets = 1
        self._logging_in = False
        self._identified_at: dict[int, float] = {}
        self._crashes: deque[float] = deque()
        self._reconnecting: set[int] = set()
        self._background: set[asyncio.Future] = set()
        self.gateway_gave_up: GatewayKeepsCrashing | None = None
        self._guard_event_parsers()

    def holds_guild(self, guild_id: int) -> bool:
        """Whether one of this process's shards holds the server (Discord's rule: the shard of a
        guild is `(guild_id >> 22) % shard_count`); its channels are this process's to post in."""
        if self.shard_count is None:
            return True  # not launched yet; told nothing, this process runs every shard
        return (guild_id >> 22) % self.shard_count in (self.shard_ids or range(self.shard_count))

    def runs_first_shard(self) -> bool:
        return self.settings.shard_ids is None or 0 in self.settings.shard_ids

    async def run_store(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `function(store, *args, **kwargs)` on the writing connection: every change, and
        the reads that decide one (a moderator's own article, a digest's window)."""
        return await self._writer.run(function, *args, **kwargs)

    async def read_store(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a read (an answer, a list) on the answers' own connection: it sees the last
        commit and never waits for a write or an extraction."""
        return await self._answers.run(function, *args, **kwargs)

    async def autocomplete_from_store(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run an autocomplete lookup on a connection of its own, so typing is never held up by
        a slow answer either."""
        return await self._autocomplete.run(function, *args, **kwargs)

    async def extract_claims(self, article: Article) -> list[Claim]:
        """An article's claims, extracted in a thread outside every store lane (a 1 MB article
        takes long, and holds nothing meanwhile)."""
        return await asyncio.to_thread(read_claims, article)

    async def login(self, token: str) -> None:
        self._logging_in = True
        await super().login(token)

    async def close(self) -> None:
        """Close the connection to Discord, then wait for the store work still running."""
        if self._logging_in:  # discord.py's sharded close needs what login sets up
            await super().close()
        for lane in (self._writer, self._answers, self._autocomplete):
            await lane.idle()
        for lane in (self._answers, self._autocomplete):
            lane.store.close()

    def _guard_event_parsers(self) -> None:
        """Wrap each of discord.py's gateway event parsers, so that one raising (a Discord change,
        a malformed payload) does not end the process.

        discord.py reconnects by itself after network failures and Discord's close codes, but an
        exception raised while parsing an event escapes the shard's loop and closes the bot.
        Wrapped, the failure is logged and the shard the event came on is connected again with a
        fresh IDENTIFY (its state rebuilt from what Discord sends rather than resumed past an
        event never applied) after a growing delay; only repeated failures within a short time
        end the bot, with `GatewayKeepsCrashing`.
        """
        parsers = self._connection.parsers
        for event, parse in list(parsers.items()):
            parsers[event] = functools.partial(self._parse_guarded, event, parse)

    def _parse_guarded(self, event: str, parse: Callable[[Any], None], data: Any) -> None:
        try:
            parse(data)
        except Exception as error:  # noqa: BLE001 - whatever the parser raised
            self._event_failed(event, data, error)

    def _event_failed(self, event: str, data: Any, error: Exception) -> None:
        """Called while handling `error`: log it, then reconnect its shard or, too often, stop."""
        policy = self.crash_policy
        now = time.monotonic()
        self._crashes.append(now)
        while now - self._crashes[0] > policy.window:
            self._crashes.popleft()
        if len(self._crashes) >= policy.limit:
            log.exception("could not handle an event from Discord's gateway (%s) again", event)
            self.gateway_gave_up = GatewayKeepsCrashing(
                f"{len(self._crashes)} gateway crashes within {policy.window:.0f} s, the last "
                f"{type(error).__name__}: {error}"
            )
            self._keep_task(self.close())
            return
        delay = policy.delay(len(self._crashes))
        shards = self._shards_of_event(event, data)
        log.exception(
            "could not handle an event from Discord's gateway (%s); connecting shard "
            "%s again in %.1f s (crash %d; the bot stops at %d within %.0f s)",
            event,
            ",".join(map(str, shards)),
            delay,
            len(self._crashes),
            policy.limit,
            policy.window,
        )
        for shard_id in shards:
            if shard_id not in self._reconnecting:
                self._reconnecting.add(shard_id)
                self._keep_task(self._reconnect_shard(shard_id, delay))

    def _shards_of_event(self, event: str, data: Any) -> list[int]:
        """The shard a failed event came on, from its guild; every shard here when it has none."""
        guild_id: Any = None
        if isinstance(data, dict):
            guild_id = data.get("id") if event in GUILD_EVENTS else data.get("guild_id")
        if str(guild_id).isdigit() and self.shard_count:
            return [(int(guild_id) >> 22) % self.shard_count]
        return sorted(self.shards)

    async def _reconnect_shard(self, shard_id: int, delay: float) -> None:
        try:
            shard = self.get_shard(shard_id)
            if shard is None:
                return
            await shard.disconnect()
            await asyncio.sleep(delay)
            if not self.is_closed():
                await shard.reconnect()
        finally:
            self._reconnecting.discard(shard_id)

    def _keep_task(self, work) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def load_command_groups(self) -> None:
        """Load every extension of `commands/` (`extension_names`)."""
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
        """Load every command group, then sync them when they changed since the last sync (see
        `commands.sync`): to the dev guild when set (at once), else globally.

        Of several processes, the one running shard 0 syncs; the others would send the same.
        """
        await self.load_command_groups()
        self._identify_buckets = max(1, (await self.fetch_session_start_limits()).max_concurrency)
        log.info("running %s (%s)", shard_label(self.settings), self.worker.owner)
        if not self.runs_first_shard() and not self.force_sync:
            log.info("slash commands are synced by the process running shard 0")
            return
        self.last_sync = await sync_commands(
            self, guild_id=self.sync_guild or self.settings.dev_guild, force=self.force_sync
        )

    async def on_ready(self) -> None:
        """Log who and where the bot is once connected."""
        log.info(
            "connected as %s (%s) to %d servers", self.user, getattr(self.user, "id", "?"), len(self.guilds)
        )


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
    if bot.gateway_gave_up is not None:
        raise bot.gateway_gave_up


def run_bot(settings: Settings, db_path: Path | None = None) -> int:
    """Connect to Discord and serve until stopped (Ctrl+C); the exit code of `python -m bot run`."""
    assert settings.discord_token is not None
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
            log.error(
                "Discord refused the token. Reset it in the Developer Portal (Bot > Reset "
                "Token) and put the new one in .env as DISCORD_TOKEN."
            )
            return 2
        except GatewayKeepsCrashing as error:
            log.error(
                "The connection to Discord keeps crashing (%s); stopping. The log above has "
                "each crash; an update of discord.py (pip install -U discord.py) may be "
                "needed.",
                error,
            )
            return 3
    return 0


def sync_now(settings: Settings, guild_id: int | None, db_path: Path | None = None) -> int:
    """Log in, sync the commands whatever the store's hash says, and leave; the exit code of
    `python -m bot sync`. No gateway connection is made."""
    discord.utils.setup_logging(level=logging.getLevelName(settings.log_level))

    async def sync() -> SyncResult:
        assert settings.discord_token is not None
        with open_bot_store(settings, db_path) as store:
            bot = ReceiptsBot(settings, store, force_sync=True, sync_guild=guild_id)
            async with bot:
                await bot.login(settings.discord_token)  # setup_hook loads the groups and syncs
            assert bot.last_sync is not None
            return bot.last_sync

    try:
        result = asyncio.run(sync())
    except discord.LoginFailure:
        log.error(
            "Discord refused the token. Reset it in the Developer Portal (Bot > Reset "
            "Token) and put the new one in .env as DISCORD_TOKEN."
        )
        return 2
    print(f"Synced {result.synced} commands ({result.scope}).")
    return 0
