"""The fake Discord speaks shards: GET /gateway/bot says how many, each IDENTIFY's shard gets the
guilds Discord's rule gives it, a guild's interactions go to the shard holding it; and a post
with an enforced nonce is created once."""

from __future__ import annotations

import asyncio

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import FakeDiscord, point_discord_py_at

SHARDS = 3


@app_commands.command(description="Which shard answered")
async def where(interaction: discord.Interaction) -> None:
    await interaction.response.send_message(f"shard {interaction.guild.shard_id}")


class ShardedBot(commands.AutoShardedBot):
    def __init__(self, **options) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
            **options,
        )
        self.tree.add_command(where)

    async def setup_hook(self) -> None:
        await self.tree.sync()

    async def before_identify_hook(self, shard_id, *, initial=False) -> None:
        """discord.py sleeps 5 s before every IDENTIFY but the first; not against a fake."""


@pytest.fixture
async def fake():
    async with FakeDiscord(shards=SHARDS) as fake:
        undo = point_discord_py_at(fake)
        try:
            yield fake
        finally:
            undo()
        assert fake.errors == [] and fake.requests.unhandled == []


async def started(bot: commands.AutoShardedBot, fake: FakeDiscord) -> asyncio.Task:
    running = asyncio.create_task(bot.start(fake.token))
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    return running


async def test_guilds_are_made_on_the_shard_asked_for(fake):
    guilds = [fake.add_guild(f"g{n}", shard=n % SHARDS) for n in range(9)]
    assert [(guild.id >> 22) % SHARDS for guild in guilds] == [n % SHARDS for n in range(9)]
    assert len({guild.id for guild in guilds}) == 9
    assert all(fake.shard_of(guild.id) == n % SHARDS for n, guild in enumerate(guilds))


async def test_the_recommended_shards_each_get_their_guilds_and_their_interactions(fake):
    guilds = [fake.add_guild(f"g{n}", shard=n % SHARDS) for n in range(6)]
    people = {guild.id: guild.add_member(fake.add_user(f"m{n}")) for n, guild in enumerate(guilds)}
    channels = {guild.id: guild.add_channel("general") for guild in guilds}
    bot = ShardedBot()
    running = await started(bot, fake)
    try:
        assert bot.shard_count == SHARDS, "the count GET /gateway/bot recommended"
        assert sorted(session.shard for session in fake.sessions) == [(n, SHARDS) for n in range(SHARDS)]
        for session in fake.sessions:
            created = [int(e["d"]["id"]) for e in session.events if e["t"] == "GUILD_CREATE"]
            ready = next(e for e in session.events if e["t"] == "READY")
            expected = [g.id for g in guilds if (g.id >> 22) % SHARDS == session.shard[0]]
            assert created == expected and len(created) == 2
            assert [int(g["id"]) for g in ready["d"]["guilds"]] == expected
        for guild in guilds:
            record = await fake.send_command(guild.id, channels[guild.id].id, people[guild.id].id, "where")
            callback = await fake.wait_for_callback(record)
            assert record.session.shard == (fake.shard_of(guild.id), SHARDS)
            assert callback.data["content"] == f"shard {fake.shard_of(guild.id)}"
    finally:
        await bot.close()
        await running


async def test_a_process_running_some_shards_gets_only_their_guilds(fake):
    guilds = [fake.add_guild(f"g{n}", shard=n % SHARDS) for n in range(6)]
    bot = ShardedBot(shard_count=SHARDS, shard_ids=[1])
    running = await started(bot, fake)
    try:
        assert [session.shard for session in fake.sessions] == [(1, SHARDS)]
        assert sorted(guild.id for guild in bot.guilds) == [g.id for g in guilds if fake.shard_of(g.id) == 1]
        with pytest.raises(RuntimeError, match="no gateway session holds guild"):
            fake.gateway.session_for(guilds[0].id)
    finally:
        await bot.close()
        await running


async def test_an_identify_with_an_impossible_shard_is_closed_with_4010(fake):
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(fake.gateway_url + "?encoding=json&v=10") as ws,
    ):
        await ws.receive_json()  # HELLO
        await ws.send_json(
            {"op": 2, "d": {"token": fake.token, "intents": 0, "properties": {}, "shard": [3, 3]}}
        )
        closed = await ws.receive()
    assert closed.type == aiohttp.WSMsgType.CLOSE and closed.data == 4010
    assert fake.sessions == []


async def test_a_post_with_an_enforced_nonce_is_created_once(fake):
    guild = fake.add_guild("g")
    channel = guild.add_channel("digests")
    bot = ShardedBot()
    running = await started(bot, fake)
    try:
        target = bot.get_channel(channel.id)
        first = await target.send("page 1", nonce="rd1p0")
        again = await target.send("page 1", nonce="rd1p0")
        other = await target.send("page 2", nonce="rd1p1")
        assert again.id == first.id != other.id
        assert [m["content"] for m in fake.messages.values()] == ["page 1", "page 2"]
    finally:
        await bot.close()
        await running
