"""A fake Discord (HTTP API v10 + gateway) that the real discord.py 2.x client talks to.

    async with FakeDiscord() as fake:
        guild = fake.add_guild("Phones")
        general = guild.add_channel("general")
        alice = guild.add_member(fake.add_user("alice"))
        undo = point_discord_py_at(fake)
        ...  # start the bot with fake.token, let it sync its tree, then:
        record = await fake.send_command(guild.id, general.id, alice.id, "spec", {"phone": "Pixel 8"})
        callback = await fake.wait_for_callback(record)
        undo()

Sharded: ``FakeDiscord(shards=4)`` recommends 4 shards in GET /gateway/bot,
``add_guild(name, shard=2)`` makes a guild shard 2 holds, and every guild's events and
interactions go to the session that IDENTIFY'd with the shard holding it
(``record.session.shard``); see gateway.py.

What a bot under test wants besides the patched urls (see patching.py):
``guild_ready_timeout`` of about 0.05 (discord.py waits 2 s after the last GUILD_CREATE
before "ready"), and a no-op ``before_identify_hook`` if a test invalidates the session
(discord.py sleeps 5 s before every IDENTIFY but the first).
"""

from .faults import Fault, Faults
from .gateway import GatewaySession
from .patching import point_discord_py_at
from .records import Callback, InteractionRecord, RecordedRequest, RequestLog, UploadedFile
from .server import FakeDiscord
from .state import (
    ALL_PERMISSIONS,
    DEFAULT_EVERYONE_PERMISSIONS,
    Channel,
    ChannelType,
    Guild,
    Member,
    Permission,
    Role,
    User,
)

__all__ = [
    "ALL_PERMISSIONS",
    "Callback",
    "Channel",
    "ChannelType",
    "DEFAULT_EVERYONE_PERMISSIONS",
    "FakeDiscord",
    "Fault",
    "Faults",
    "GatewaySession",
    "Guild",
    "InteractionRecord",
    "Member",
    "Permission",
    "RecordedRequest",
    "RequestLog",
    "Role",
    "UploadedFile",
    "User",
    "point_discord_py_at",
]
