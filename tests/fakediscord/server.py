"""FakeDiscord: one aiohttp server on 127.0.0.1 that is Discord's HTTP API and gateway at once."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from aiohttp import web

from . import interactions
from .faults import Faults
from .gateway import Gateway, GatewaySession, shard_of
from .http_api import API_PREFIX, HttpApi
from .records import Callback, InteractionRecord, RequestLog
from .state import Guild, Snowflakes, User

# GATEWAY_MESSAGE_CONTENT_LIMITED | GATEWAY_GUILD_MEMBERS_LIMITED, the usual flags of a small bot.
DEFAULT_APPLICATION_FLAGS = (1 << 19) | (1 << 15)


class FakeDiscord:
    """A fake Discord (API v10) for discord.py 2.x, everything on 127.0.0.1.

    Set up the world (``add_guild``, ``guild.add_channel/add_role/add_member``), start it, point
    discord.py at it (``point_discord_py_at``), run the bot, then act as members do
    (``send_command``, ``send_autocomplete``, ``press_button``, ``submit_modal``) and look at
    what the bot answered (the returned ``InteractionRecord``, ``requests``, ``messages``).
    """

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        bot_name: str = "Receipts",
        heartbeat_interval_ms: int = 41250,
        interaction_deadline: float = 3.0,
        application_flags: int = DEFAULT_APPLICATION_FLAGS,
        shards: int = 1,
        max_concurrency: int = 1,
    ) -> None:
        self.token = token
        self.shards = shards  # what GET /gateway/bot recommends; guilds go by each session's own
        self.max_concurrency = max_concurrency  # IDENTIFYs allowed at once (session_start_limit)
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.interaction_deadline = interaction_deadline  # Discord drops callbacks later than 3 s
        self.application_flags = application_flags
        self.new_id = Snowflakes()
        self.application_id = self.new_id()
        self.bot_user = User(self.application_id, bot_name, bot=True)  # a bot's user id is its app's id
        self.owner = User(self.new_id(), "owner")
        self.guilds: dict[int, Guild] = {}
        self.commands: dict[int | None, list[dict]] = {}  # synced commands by guild id, None = global
        self.messages: dict[int, dict] = {}
        self.nonces: dict[tuple[int, str], tuple[float, dict]] = {}  # (channel, nonce) -> (when, message)
        self.interactions: dict[int, InteractionRecord] = {}
        self.interactions_by_token: dict[str, InteractionRecord] = {}
        self.requests = RequestLog()
        self.errors: list[Exception] = []  # the fake's own failures while handling a request
        self.faults = Faults()
        self.gateway = Gateway(self)
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    # -- lifecycle -----------------------------------------------------------------------------

    async def start(self) -> FakeDiscord:
        self._runner = web.AppRunner(HttpApi(self).build_app(), handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        """Stops serving. Close the bot first, or it will keep trying to reconnect."""
        if self._runner is not None:
            await self.gateway.close_all()
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        if self._port is None:
            raise RuntimeError("FakeDiscord is not started")
        return f"http://127.0.0.1:{self._port}"

    @property
    def api_base(self) -> str:
        """What ``discord.http.Route.BASE`` must be."""
        return self.url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self._port}/gateway"

    # -- the world -----------------------------------------------------------------------------

    def add_user(self, name: str, *, bot: bool = False) -> User:
        """A user, to be added to guilds with ``guild.add_member``."""
        return User(self.new_id(), name, bot)

    def add_guild(self, name: str, *, owner: User | None = None, shard: int | None = None) -> Guild:
        """A guild the bot is in, owned by ``owner`` (default: the application's owner).
        The bot's member has no roles: it gets what @everyone and the overwrites give.
        ``shard`` picks an id that shard holds (of the ``shards`` the fake recommends)."""
        owner = owner or self.owner
        guild_id = self.new_id() if shard is None else self.new_id.on_shard(shard, self.shards)
        guild = Guild(guild_id, name, owner.id, self.new_id)
        guild.add_member(owner)
        guild.add_member(self.bot_user)
        self.guilds[guild.id] = guild
        return guild

    def shard_of(self, guild_id: int, shard_count: int | None = None) -> int:
        """The shard holding a guild: ``(guild_id >> 22) % shard_count`` (default: ``shards``)."""
        return shard_of(guild_id, shard_count or self.shards)

    def guild_of_channel(self, channel_id: int) -> Guild | None:
        return next((guild for guild in self.guilds.values() if channel_id in guild.channels), None)

    # -- acting as members ---------------------------------------------------------------------

    async def send_command(
        self,
        guild_id: int,
        channel_id: int,
        user_id: int,
        name: str,
        options: Mapping[str, Any] | Sequence[dict] | None = None,
        *,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """A member runs a slash command. ``name`` may carry a subcommand path ("settings set").
        A command the member cannot see (``Guild.sees_command``) raises PermissionError.
        ``options`` maps option names to values, typed from the synced schema (users, channels
        and roles by id or object, put in ``resolved``); a list of option dicts is sent as is."""
        data = self._command_data(guild_id, user_id, name, options or {})
        return await self._deliver(2, guild_id, channel_id, user_id, data, locale=locale)

    async def send_autocomplete(
        self,
        guild_id: int,
        channel_id: int,
        user_id: int,
        name: str,
        options: Mapping[str, Any],
        focused: str,
        *,
        locale: str = "en-US",
    ) -> InteractionRecord:
        """A member types into option ``focused`` (its value in ``options`` is the text so far)."""
        if focused not in options:
            raise KeyError(f"the focused option {focused!r} needs a value in options")
        data = self._command_data(guild_id, user_id, name, options, focused=focused)
        return await self._deliver(4, guild_id, channel_id, user_id, data, locale=locale)

    async def press_button(self, message_id: int, custom_id: str, user_id: int) -> InteractionRecord:
        """A member clicks a button on a message the bot sent."""
        message = self.messages[message_id]
        available = interactions.custom_ids(message["components"])
        if custom_id not in available:
            raise LookupError(
                f"message {message_id} has no component {custom_id!r}; it has {sorted(available)}"
            )
        data = {"custom_id": custom_id, "component_type": 2}
        guild_id, channel_id = int(message["guild_id"]), int(message["channel_id"])
        return await self._deliver(3, guild_id, channel_id, user_id, data, message=message)

    async def submit_modal(self, custom_id: str, fields: Mapping[str, Any]) -> InteractionRecord:
        """The member the bot last showed modal ``custom_id`` fills it in with ``fields``
        (text input custom_id -> text) and submits it."""
        opened = next(
            (
                r
                for r in reversed(self.interactions.values())
                if r.callback and r.callback.type == 9 and r.callback.data["custom_id"] == custom_id
            ),
            None,
        )
        if opened is None:
            raise LookupError(f"the bot never opened a modal {custom_id!r}")
        modal = opened.callback.data["components"]
        unknown = set(fields) - interactions.custom_ids(modal)
        if unknown:
            raise KeyError(f"modal {custom_id!r} has no inputs {sorted(unknown)}")
        data = {"custom_id": custom_id, "components": interactions.modal_submission(modal, fields)}
        payload = opened.payload
        return await self._deliver(
            5,
            int(payload["guild_id"]),
            int(payload["channel_id"]),
            int(payload["member"]["user"]["id"]),
            data,
            message=opened.message,
            locale=payload["locale"],
            trigger=opened,
        )

    def _command_data(
        self,
        guild_id: int,
        user_id: int,
        name: str,
        options: Mapping[str, Any] | Sequence[dict],
        focused: str | None = None,
    ) -> dict:
        command_name, *path = name.split()
        command = interactions.find_command(self.commands, guild_id, command_name)
        if not self.guilds[guild_id].sees_command(user_id, command):
            raise PermissionError(
                f"user {user_id} does not see /{command_name} (default_member_permissions "
                f"{command['default_member_permissions']}), so Discord would not send it; "
                f"guild.show_command({command_name!r}) is the server override that shows it"
            )
        data: dict = {"id": command["id"], "name": command_name, "type": 1}
        if "guild_id" in command:
            data["guild_id"] = command["guild_id"]
        if isinstance(options, Mapping):
            resolved: dict = {}
            chain = interactions.walk_path(command, path)
            leaf = interactions.encode_options(
                interactions.leaf_schema(command, chain),
                options,
                self.guilds[guild_id],
                user_id,
                resolved,
                focused=focused,
            )
            data["options"] = interactions.nest(chain, leaf)
            if resolved:
                data["resolved"] = resolved
        else:
            data["options"] = list(options)
        return data

    async def _deliver(
        self,
        kind: int,
        guild_id: int,
        channel_id: int,
        user_id: int,
        data: dict,
        *,
        message: dict | None = None,
        locale: str = "en-US",
        trigger: InteractionRecord | None = None,
    ) -> InteractionRecord:
        guild = self.guilds[guild_id]
        channel = guild.channels[channel_id]
        member_permissions = str(guild.permissions_for(user_id, channel_id))
        interaction_id, token = self.new_id(), secrets.token_urlsafe(48)
        payload = {
            "id": str(interaction_id),
            "application_id": str(self.application_id),
            "type": kind,
            "data": data,
            "guild_id": str(guild_id),
            "guild": {"id": str(guild_id), "locale": guild.locale, "features": []},
            "channel_id": str(channel_id),
            "channel": {**channel.payload(), "permissions": member_permissions},
            "member": {**guild.members[user_id].payload(), "permissions": member_permissions},
            "token": token,
            "version": 1,
            "app_permissions": str(guild.permissions_for(self.bot_user.id, channel_id)),
            "locale": locale,
            "guild_locale": guild.locale,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = message
        session = self.gateway.session_for(guild_id)
        record = InteractionRecord(
            interaction_id,
            token,
            payload,
            sent_at=time.monotonic(),
            message=message,
            trigger=trigger,
            session=session,
        )
        self.interactions[interaction_id] = record
        self.interactions_by_token[token] = record
        await session.dispatch("INTERACTION_CREATE", payload)
        return record

    # -- waiting and looking -------------------------------------------------------------------

    async def wait_until(
        self, predicate: Callable[[], Any], timeout: float = 3.0, what: str = "condition"
    ) -> None:
        """Polls ``predicate`` (about the fake or the bot alike) until it holds."""
        try:
            async with asyncio.timeout(timeout):
                while not predicate():
                    await asyncio.sleep(0.005)
        except TimeoutError:
            unhandled = [f"{r.method} {r.path}" for r in self.requests.unhandled]
            raise TimeoutError(
                f"{what} not met within {timeout}s (unhandled requests: {unhandled}; fake errors: {self.errors})"
            ) from None

    async def wait_for_callback(self, interaction: InteractionRecord | int, timeout: float = 3.0) -> Callback:
        record = interaction if isinstance(interaction, InteractionRecord) else self.interactions[interaction]
        await self.wait_until(
            lambda: record.callback is not None, timeout, f"callback for interaction {record.id}"
        )
        return record.callback

    async def wait_for_followups(
        self, interaction: InteractionRecord, count: int = 1, timeout: float = 3.0
    ) -> list[dict]:
        await self.wait_until(
            lambda: len(interaction.followups) >= count,
            timeout,
            f"{count} follow-up(s) for interaction {interaction.id}",
        )
        return interaction.followups

    def followups(self, token: str) -> list[dict]:
        return self.interactions_by_token[token].followups

    # -- the gateway ---------------------------------------------------------------------------

    @property
    def sessions(self) -> list[GatewaySession]:
        """Every IDENTIFY'd session; ``sessions[-1].resumes`` counts RESUMEs of the latest."""
        return self.gateway.sessions

    async def dispatch(self, event: str, data: Any, guild_id: int | None = None) -> int:
        """Sends any gateway event (MESSAGE_CREATE, GUILD_UPDATE, ...); returns its sequence.
        With ``guild_id`` it goes to the session whose shard holds that guild."""
        return await self.gateway.dispatch(event, data, guild_id)

    async def drop_gateway(self, code: int | None = 4000) -> None:
        """Closes the bot's websocket; discord.py then RESUMEs. ``code=None`` cuts the TCP
        connection with no close frame (the client sees 1006)."""
        await self.gateway.drop(code)

    async def send_reconnect(self) -> None:
        """Op 7: the client should reconnect and RESUME."""
        await self.gateway.send_reconnect()

    async def invalidate_session(self, resumable: bool = False) -> None:
        """Op 9. Not resumable makes discord.py IDENTIFY anew, which its ``before_identify_hook``
        delays by 5 s for any identify after the first."""
        await self.gateway.invalidate(resumable)
