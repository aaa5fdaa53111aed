"""The gateway: a websocket at /gateway speaking Discord's v10 protocol as discord.py uses it.

HELLO, IDENTIFY -> READY + one GUILD_CREATE per guild, heartbeat ACKs, RESUME -> missed
events + RESUMED, and on demand RECONNECT (op 7), INVALID_SESSION (op 9) and dropped
connections. Every dispatch is kept per session so a RESUME can replay what the client missed,
including interactions sent while it was disconnected.

Sharding as Discord does it: an IDENTIFY with ``shard: [shard_id, shard_count]`` opens a session
for the guilds with ``(guild_id >> 22) % shard_count == shard_id`` only (in READY, in the
GUILD_CREATEs, and for every event of a guild, interactions included); one without ``shard``
holds every guild. When several sessions hold a guild (a process restarted on the same shards),
its events go to the latest one; an invalid shard is closed with 4010, as Discord does.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

if TYPE_CHECKING:
    from .server import FakeDiscord

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, INVALID_SESSION, HELLO, HEARTBEAT_ACK = (
    0,
    1,
    2,
    6,
    7,
    9,
    10,
    11,
)


def stream_compressor(kind: str | None) -> Callable[[bytes], bytes] | None:
    """The transport compression a connection asked for, as one stream per connection.

    discord.py 2.7 asks for ``zstd-stream`` when ``zstandard`` (or Python 3.14's
    ``compression.zstd``) is importable, else ``zlib-stream``: then each frame is a chunk of one
    zlib stream ending in Z_SYNC_FLUSH's 00 00 ff ff, which is how discord.py knows a payload is
    complete. A zstd frame is one flushed block. The zstd libraries are tried in discord.py's
    order, so whichever made it ask for zstd is the one compressing here.
    """
    if kind is None:
        return None
    if kind == "zlib-stream":
        deflate = zlib.compressobj()
        return lambda data: deflate.compress(data) + deflate.flush(zlib.Z_SYNC_FLUSH)
    if kind == "zstd-stream":
        try:
            import zstandard
        except ImportError:
            from compression import zstd  # Python 3.14+

            compressor = zstd.ZstdCompressor()
            return lambda data: compressor.compress(data, mode=zstd.ZstdCompressor.FLUSH_BLOCK)
        stream = zstandard.ZstdCompressor().compressobj()
        return lambda data: stream.compress(data) + stream.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
    raise ValueError(f"unknown gateway compression {kind!r}")


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that holds a guild, by Discord's rule."""
    return (guild_id >> 22) % shard_count


def valid_shard(shard: Any) -> bool:
    return (
        isinstance(shard, list)
        and len(shard) == 2
        and all(isinstance(n, int) for n in shard)
        and 0 <= shard[0] < shard[1]
    )


class Connection:
    """One websocket; the lock keeps frames in stream order when several tasks send."""

    def __init__(
        self,
        ws: web.WebSocketResponse,
        transport: asyncio.Transport | None,
        compress: Callable[[bytes], bytes] | None,
    ) -> None:
        self.ws = ws
        self.transport = transport
        self._compress = compress
        self._lock = asyncio.Lock()

    async def send(self, payload: dict) -> bool:
        """Sends one payload; False when the socket is already gone."""
        text = json.dumps(payload)
        async with self._lock:
            if self.ws.closed:
                return False
            try:
                if self._compress is None:
                    await self.ws.send_str(text)
                else:
                    await self.ws.send_bytes(self._compress(text.encode()))
            except (ConnectionError, RuntimeError):
                return False
        return True


@dataclass
class GatewaySession:
    """An IDENTIFY'd session: its sequence, every dispatch sent in it, its current connection.

    The lock keeps dispatches in sequence order, also against a RESUME replaying missed ones.
    """

    id: str
    identify: dict  # the IDENTIFY payload's d: intents, properties, shard, ...
    seq: int = 0
    events: list[dict] = field(default_factory=list)
    connection: Connection | None = None
    resumes: int = 0
    invalidated: bool = False
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def shard(self) -> tuple[int, int] | None:
        """(shard_id, shard_count) as IDENTIFY gave it; None for an unsharded session."""
        shard = self.identify.get("shard")
        return (int(shard[0]), int(shard[1])) if shard else None

    def holds(self, guild_id: int) -> bool:
        """Whether this session's shard holds the guild: ``(guild_id >> 22) % shard_count``."""
        return self.shard is None or shard_of(guild_id, self.shard[1]) == self.shard[0]

    async def dispatch(self, event: str, data: Any) -> int:
        async with self._lock:
            return await self._dispatch(event, data)

    async def _dispatch(self, event: str, data: Any) -> int:
        self.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.events.append(payload)
        if self.connection is not None:
            await self.connection.send(payload)  # if this fails, a RESUME will replay it
        return self.seq

    async def resume(self, connection: Connection, seen: int) -> None:
        """Moves the session to ``connection``, replays what came after ``seen``, then RESUMED."""
        async with self._lock:
            self.connection = connection
            self.resumes += 1
            for payload in self.events:
                if payload["s"] > seen:
                    await connection.send(payload)
            await self._dispatch("RESUMED", {"_trace": ["fake-discord"]})  # discord.py writes into d


class Gateway:
    def __init__(self, fake: FakeDiscord) -> None:
        self._fake = fake
        self.sessions: list[GatewaySession] = []
        self.received: list[dict] = []  # every payload the client sent, in order
        self.connections: list[dict[str, str]] = []  # the query string of every websocket opened
        self._live: set[Connection] = set()

    @property
    def current(self) -> GatewaySession:
        for session in reversed(self.sessions):
            if not session.invalidated:
                return session
        raise RuntimeError("no gateway session: the client has not identified (is the bot connected?)")

    def session_for(self, guild_id: int) -> GatewaySession:
        """The session a guild's events go to: the latest valid one whose shard holds it."""
        for session in reversed(self.sessions):
            if not session.invalidated and session.holds(guild_id):
                return session
        raise RuntimeError(
            f"no gateway session holds guild {guild_id}: is the bot connected with the shard that holds it?"
        )

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self.connections.append(dict(request.query))
        try:
            if request.query.get("encoding", "json") != "json":
                raise ValueError(f"unsupported gateway encoding {request.query['encoding']!r}")
            compress = stream_compressor(request.query.get("compress"))
        except (ValueError, ImportError) as error:
            self._fake.errors.append(error)  # fails the test instead of a silent reconnect loop
            await ws.close(code=4000, message=str(error).encode()[:120])
            return ws

        connection = Connection(ws, request.transport, compress)
        self._live.add(connection)
        session: GatewaySession | None = None
        try:
            interval = self._fake.heartbeat_interval_ms
            await connection.send({"op": HELLO, "d": {"heartbeat_interval": interval}, "s": None, "t": None})
            async for message in ws:
                if message.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(message.data)
                self.received.append(payload)
                op, data = payload.get("op"), payload.get("d")
                if op == HEARTBEAT:
                    await connection.send({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
                elif op == IDENTIFY:
                    session = await self._identify(connection, data)
                elif op == RESUME:
                    session = await self._resume(connection, data)
        finally:
            self._live.discard(connection)
            if session is not None and session.connection is connection:
                session.connection = None
        return ws

    async def _identify(self, connection: Connection, data: dict) -> GatewaySession | None:
        if data.get("token") != self._fake.token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return None
        if "shard" in data and not valid_shard(data["shard"]):
            await connection.ws.close(code=4010, message=b"Invalid shard.")
            return None
        session = GatewaySession(id=secrets.token_hex(16), identify=data)
        session.connection = connection
        self.sessions.append(session)
        await session.dispatch("READY", self._ready_payload(session, data))
        for guild in self._fake.guilds.values():
            if session.holds(guild.id):
                await session.dispatch("GUILD_CREATE", guild.create_payload())
        return session

    def _ready_payload(self, session: GatewaySession, identify: dict) -> dict:
        fake = self._fake
        ready = {
            "v": 10,
            "user": {**fake.bot_user.payload(), "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [
                {"id": str(guild_id), "unavailable": True}
                for guild_id in fake.guilds
                if session.holds(guild_id)
            ],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": fake.gateway_url,
            "application": {"id": str(fake.application_id), "flags": fake.application_flags},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
        }
        if "shard" in identify:
            ready["shard"] = identify["shard"]
        return ready

    async def _resume(self, connection: Connection, data: dict) -> GatewaySession | None:
        if data.get("token") != self._fake.token:
            await connection.ws.close(code=4004, message=b"Authentication failed.")
            return None
        session = next((s for s in self.sessions if s.id == data.get("session_id")), None)
        if session is None or session.invalidated:
            await connection.send({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return None
        await session.resume(connection, data.get("seq") or 0)
        return session

    async def dispatch(self, event: str, data: Any, guild_id: int | None = None) -> int:
        """Sends an event to the session holding ``guild_id`` (else the latest session)."""
        session = self.current if guild_id is None else self.session_for(guild_id)
        return await session.dispatch(event, data)

    def _current_connection(self) -> Connection:
        connection = self.current.connection
        if connection is None:
            raise RuntimeError("the gateway session has no live connection right now")
        return connection

    async def drop(self, code: int | None = 4000) -> None:
        """Closes the session's websocket with ``code``, or with None cuts the TCP connection
        without any close frame, which the client sees as 1006."""
        connection = self._current_connection()
        if code is None:
            connection.transport.abort()
        else:
            await connection.ws.close(code=code, message=b"fake gateway: dropped on purpose")

    async def send_reconnect(self) -> None:
        await self._current_connection().send({"op": RECONNECT, "d": None, "s": None, "t": None})

    async def invalidate(self, resumable: bool) -> None:
        session = self.current
        connection = self._current_connection()
        session.invalidated = not resumable
        await connection.send({"op": INVALID_SESSION, "d": resumable, "s": None, "t": None})

    async def close_all(self) -> None:
        for connection in list(self._live):
            await connection.ws.close(code=1001, message=b"fake gateway: shutting down")
