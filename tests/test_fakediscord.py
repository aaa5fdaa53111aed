"""The fake Discord, proven with a tiny real discord.py bot (not the project's).

Each test starts a fresh fake and a fresh bot on 127.0.0.1; nothing reaches the internet.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass

import aiohttp
import discord
import pytest
import pytest_asyncio
from discord import app_commands
from discord.ext import commands

from tests.fakediscord import (
    Channel,
    FakeDiscord,
    Guild,
    InteractionRecord,
    Member,
    Permission,
    point_discord_py_at,
)
from tests.fakediscord.messages import EPHEMERAL, LOADING

PHONES = ["Pixel 8", "Pixel 8 Pro", "Galaxy S24", "iPhone 15"]


class Confirm(discord.ui.View):
    @discord.ui.button(label="Confirm", custom_id="confirm")
    async def confirm(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content=f"confirmed by {interaction.user.name}", view=None)


class Note(discord.ui.Modal, title="Add a note"):
    text = discord.ui.TextInput(label="Note", custom_id="note_text")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"noted: {self.text.value}", ephemeral=True)


@app_commands.command(description="A phone's spec sheet")
@app_commands.describe(phone="Which phone")
async def spec(interaction: discord.Interaction, phone: str) -> None:
    embed = discord.Embed(title=phone, description="6.2 in, 120 Hz")
    await interaction.response.send_message(f"Spec for {phone}", embed=embed, view=Confirm())


@spec.autocomplete("phone")
async def spec_phone(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=p, value=p) for p in PHONES if current.lower() in p.lower()]


@app_commands.command(description="Answers after thinking")
async def slow(interaction: discord.Interaction, phone: str) -> None:
    await interaction.response.defer(thinking=True)
    await interaction.followup.send(f"Later: {phone}")
    original = await interaction.original_response()
    await original.edit(content=f"Done: {phone} (was loading: {original.flags.loading})")


@app_commands.command(description="Leave a note")
async def note(interaction: discord.Interaction) -> None:
    await interaction.response.send_modal(Note(custom_id="note"))


@app_commands.command(description="Moderators: tidy the channel")
@app_commands.default_permissions(manage_messages=True)
async def purge(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("purged", ephemeral=True)


settings = app_commands.Group(name="settings", description="Per-server settings")


@settings.command(name="show", description="Show what the bot may do in a channel")
async def settings_show(
    interaction: discord.Interaction, channel: discord.TextChannel, verbose: bool = False
) -> None:
    await interaction.response.send_message(
        f"{channel.mention} verbose={verbose} manage={interaction.permissions.manage_messages} "
        f"bot_send={channel.permissions_for(interaction.guild.me).send_messages}"
    )


class TinyBot(commands.Bot):
    """A bot that also notes the host of every HTTP request and websocket it opens."""

    def __init__(self) -> None:
        self.hosts: list[str] = []
        trace = aiohttp.TraceConfig()
        trace.on_request_start.append(self._note_host)
        # guild_ready_timeout: discord.py waits this long after the last GUILD_CREATE before
        # "ready"; the default 2 s would dominate every test.
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            guild_ready_timeout=0.05,
            http_trace=trace,
        )
        self.tree.add_command(spec)
        self.tree.add_command(slow)
        self.tree.add_command(note)
        self.tree.add_command(settings)
        self.tree.add_command(purge)

    async def _note_host(self, session, context, params: aiohttp.TraceRequestStartParams) -> None:
        self.hosts.append(params.url.host)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """discord.py sleeps 5 s before every IDENTIFY but the first; not against a fake."""


@dataclass
class World:
    guild: Guild
    general: Channel
    readonly: Channel  # the bot may not send here
    alice: Member
    moderator: Member


@pytest_asyncio.fixture
async def fake():
    async with FakeDiscord() as fake:
        undo = point_discord_py_at(fake)
        try:
            yield fake
        finally:
            undo()
        assert fake.errors == []


@pytest.fixture
def world(fake: FakeDiscord) -> World:
    guild = fake.add_guild("Phones")
    general = guild.add_channel("general")
    readonly = guild.add_channel("announcements")
    readonly.set_overwrite(guild.members[fake.bot_user.id], deny=Permission.SEND_MESSAGES)
    mods = guild.add_role("Mods", Permission.MANAGE_MESSAGES)
    return World(
        guild,
        general,
        readonly,
        guild.add_member(fake.add_user("alice")),
        guild.add_member(fake.add_user("mo"), roles=[mods]),
    )


async def start(bot: commands.Bot, fake: FakeDiscord) -> asyncio.Task:
    """Starts the bot and waits for ready, surfacing a failed login instead of a timeout."""
    running = asyncio.create_task(bot.start(fake.token))
    ready = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait({running, ready}, timeout=5, return_when=asyncio.FIRST_COMPLETED)
    if running in done:
        ready.cancel()
        running.result()
    assert ready in done, "the bot did not get ready within 5 s"
    return running


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord, world: World):
    bot = TinyBot()
    running = await start(bot, fake)
    try:
        guild = discord.Object(world.guild.id)
        bot.tree.copy_global_to(guild=guild)
        await bot.tree.sync(guild=guild)
        yield bot
    finally:
        await bot.close()
        await running
    assert set(bot.hosts) == {"127.0.0.1"}


pytestmark = pytest.mark.asyncio


async def run(fake: FakeDiscord, world: World, member: Member, name: str, options=None) -> InteractionRecord:
    """``member`` runs slash command ``name`` in #general."""
    return await fake.send_command(world.guild.id, world.general.id, member.id, name, options)


async def test_the_bot_logs_in_identifies_and_sees_the_guild(fake, world, bot):
    assert [r.path for r in fake.requests][:2] == ["/users/@me", "/oauth2/applications/@me"]
    # zlib-stream, or zstd-stream when zstandard is importable: the fake speaks both.
    assert (
        fake.gateway.connections[0]["compress"] == discord.utils._ActiveDecompressionContext.COMPRESSION_TYPE
    )
    assert len(fake.sessions) == 1
    guild = bot.get_guild(world.guild.id)
    assert guild.me.id == fake.bot_user.id
    assert {channel.name for channel in guild.text_channels} == {"general", "announcements"}
    readonly = guild.get_channel(world.readonly.id)
    assert not readonly.permissions_for(guild.me).send_messages
    assert guild.get_channel(world.general.id).permissions_for(guild.me).send_messages
    assert bot.latency < 1  # the first heartbeat was acknowledged
    assert sorted(c["name"] for c in fake.commands[world.guild.id]) == [
        "note",
        "purge",
        "settings",
        "slow",
        "spec",
    ]
    assert fake.requests.unhandled == []


async def test_a_command_gets_its_callback_with_content_and_embed(fake, world, bot):
    record = await run(fake, world, world.alice, "spec", {"phone": "Pixel 8"})
    callback = await fake.wait_for_callback(record)
    assert callback.type == 4
    assert callback.data["content"] == "Spec for Pixel 8"
    assert callback.data["embeds"][0]["title"] == "Pixel 8"
    assert record.original["content"] == "Spec for Pixel 8"
    assert 0 <= record.latency < 1


async def test_options_are_typed_from_the_synced_schema_and_permissions_come_from_roles(fake, world, bot):
    options = {"channel": world.readonly.id, "verbose": True}
    by_mod = await run(fake, world, world.moderator, "settings show", options)
    by_alice = await run(fake, world, world.alice, "settings show", options)
    assert by_mod.payload["data"]["resolved"]["channels"][str(world.readonly.id)]["name"] == "announcements"
    assert (await fake.wait_for_callback(by_mod)).data["content"] == (
        f"<#{world.readonly.id}> verbose=True manage=True bot_send=False"
    )
    assert "manage=False" in (await fake.wait_for_callback(by_alice)).data["content"]
    raw = [{"name": "phone", "type": 3, "value": "as typed"}]
    record = await run(fake, world, world.alice, "spec", raw)
    assert (await fake.wait_for_callback(record)).data["content"] == "Spec for as typed"


async def test_a_command_is_sent_only_for_members_who_see_it_or_once_the_server_shows_it(fake, world, bot):
    with pytest.raises(PermissionError, match="show_command"):
        await run(fake, world, world.alice, "purge")
    assert (await fake.wait_for_callback(await run(fake, world, world.moderator, "purge"))).data[
        "content"
    ] == "purged"
    world.guild.show_command("purge")
    assert (await fake.wait_for_callback(await run(fake, world, world.alice, "purge"))).data[
        "content"
    ] == "purged"


async def test_a_command_tree_discord_would_refuse_is_refused(fake, world, bot):
    valid = {"name": "ok", "description": "fine", "type": 1}
    bad = [
        valid,
        {"name": "Shout", "description": "upper case", "type": 1},
        {"name": "long", "description": "x" * 101, "type": 1},
        {
            "name": "order",
            "description": "optional first",
            "type": 1,
            "options": [
                {"name": "a", "description": "a", "type": 3},
                {
                    "name": "b",
                    "description": "b",
                    "type": 3,
                    "required": True,
                    "choices": [{"name": str(n), "value": str(n)} for n in range(26)],
                },
            ],
        },
    ]
    url = f"{fake.api_base}/applications/{fake.application_id}/guilds/{world.guild.id}/commands"
    headers = {"Authorization": f"Bot {fake.token}"}
    async with aiohttp.ClientSession() as session:
        async with session.put(url, json=bad, headers=headers) as response:
            assert response.status == 400
            errors = (await response.json())["errors"]
        async with session.put(url, json=[valid], headers=headers) as response:
            assert response.status == 200
    assert set(errors) == {"1", "2", "3"}
    assert set(errors["3"]["options"]) == {"_errors", "1"}  # the order, then b's 26 choices
    assert "choices" in errors["3"]["options"]["1"]
    assert [command["name"] for command in fake.commands[world.guild.id]] == ["ok"]


async def test_autocomplete_answers_with_choices(fake, world, bot):
    record = await fake.send_autocomplete(
        world.guild.id, world.general.id, world.alice.id, "spec", {"phone": "pix"}, focused="phone"
    )
    callback = await fake.wait_for_callback(record)
    assert callback.type == 8
    assert [choice["name"] for choice in callback.data["choices"]] == ["Pixel 8", "Pixel 8 Pro"]


async def test_a_button_press_reaches_the_view(fake, world, bot):
    command = await run(fake, world, world.alice, "spec", {"phone": "Pixel 8"})
    await fake.wait_for_callback(command)
    message_id = int(command.original["id"])
    press = await fake.press_button(message_id, "confirm", world.moderator.id)
    callback = await fake.wait_for_callback(press)
    assert callback.type == 7
    assert fake.messages[message_id]["content"] == "confirmed by mo"
    assert fake.messages[message_id]["components"] == []


async def test_a_modal_submit_reaches_the_modal(fake, world, bot):
    opened = await run(fake, world, world.alice, "note")
    assert (await fake.wait_for_callback(opened)).type == 9
    submitted = await fake.submit_modal("note", {"note_text": "check the date"})
    callback = await fake.wait_for_callback(submitted)
    assert callback.type == 4
    assert callback.data["content"] == "noted: check the date"
    assert submitted.original["flags"] & EPHEMERAL


async def test_a_deferred_answer_then_a_follow_up(fake, world, bot):
    record = await run(fake, world, world.alice, "slow", {"phone": "Galaxy S24"})
    callback = await fake.wait_for_callback(record)
    assert callback.type == 5
    [followup] = await fake.wait_for_followups(record)
    assert followup["content"] == "Later: Galaxy S24"
    assert fake.followups(record.token) == [followup]
    done = "Done: Galaxy S24 (was loading: True)"
    await fake.wait_until(lambda: record.original["content"] == done, what="the edited original")
    assert not record.original["flags"] & LOADING
    assert [r.method for r in fake.requests.matching(path="/webhooks/*/*/messages/@original")] == [
        "GET",
        "PATCH",
    ]


async def test_a_rate_limited_post_is_retried_and_lands_once(fake, world, bot):
    fault = fake.faults.rate_limit("POST", "/channels/{channel_id}/messages", retry_after=0.05)
    message = await bot.get_channel(world.general.id).send("hello")
    posts = fake.requests.matching("POST", "/channels/{channel_id}/messages")
    assert [post.status for post in posts] == [429, 200]
    assert fault.hits == 1 and posts[1].at - posts[0].at >= 0.05
    assert [m["content"] for m in fake.messages.values()] == ["hello"]
    assert int(fake.messages[message.id]["channel_id"]) == world.general.id


async def test_channel_messages_can_be_fetched_edited_deleted_and_carry_files(fake, world, bot):
    channel = bot.get_channel(world.general.id)
    async with channel.typing():
        sent = await channel.send("with a file", file=discord.File(io.BytesIO(b"receipt"), "receipt.txt"))
    assert [(a.filename, a.size) for a in sent.attachments] == [("receipt.txt", 7)]
    assert fake.requests.matching("POST", "/channels/*/messages")[0].files[0].content == b"receipt"
    fetched = await channel.fetch_message(sent.id)
    await fetched.edit(content="edited")
    assert fake.messages[sent.id]["content"] == "edited"
    await fetched.delete()
    assert sent.id not in fake.messages
    with pytest.raises(discord.NotFound):
        await channel.fetch_message(sent.id)


async def test_state_changes_reach_the_bot_through_dispatch(fake, world, bot):
    world.readonly.set_overwrite(world.guild.members[fake.bot_user.id], allow=Permission.SEND_MESSAGES)
    await fake.dispatch("CHANNEL_UPDATE", world.readonly.payload())
    channel = bot.get_channel(world.readonly.id)
    await fake.wait_until(lambda: channel.permissions_for(channel.guild.me).send_messages, what="the update")
    await channel.send("now allowed")


async def test_a_server_error_is_retried(fake, world, bot):
    fake.faults.server_error("POST", "/channels/*/messages")
    await bot.get_channel(world.general.id).send("after a 500")  # discord.py waits 1 s first
    assert [post.status for post in fake.requests.matching("POST", "/channels/*/messages")] == [500, 200]


async def test_missing_permissions_raise_forbidden(fake, world, bot):
    with pytest.raises(discord.Forbidden) as denied:
        await bot.get_channel(world.readonly.id).send("nope")
    assert denied.value.code == 50013
    fake.faults.forbidden("POST", f"/channels/{world.general.id}/messages")
    with pytest.raises(discord.Forbidden):
        await bot.get_channel(world.general.id).send("nope either")
    assert fake.messages == {}


async def test_discord_limits_and_unknown_routes_fail_like_discord(fake, world, bot):
    with pytest.raises(discord.HTTPException) as too_long:
        await bot.get_channel(world.general.id).send("x" * 2001)
    assert too_long.value.code == 50035
    with pytest.raises(discord.NotFound):
        await bot.fetch_sticker(1)
    assert [(r.method, r.path) for r in fake.requests.unhandled] == [("GET", "/stickers/1")]


async def test_a_late_callback_is_refused(fake, world, bot):
    fake.interaction_deadline = 0.0
    record = await run(fake, world, world.alice, "spec", {"phone": "Pixel 8"})
    await fake.wait_until(lambda: fake.requests.matching("POST", "/interactions/*/*/callback", status=404))
    assert record.callback is None


@pytest.mark.parametrize("code", [4000, None], ids=["close-4000", "tcp-cut"])
async def test_a_dropped_gateway_resumes_and_replays_what_was_missed(fake, world, bot, code):
    await fake.drop_gateway(code)
    # Sent while the bot is reconnecting: the RESUME must replay it.
    record = await run(fake, world, world.alice, "spec", {"phone": "iPhone 15"})
    await fake.wait_until(lambda: fake.sessions[-1].resumes == 1, what="a RESUME")
    assert (await fake.wait_for_callback(record)).data["content"] == "Spec for iPhone 15"
    assert len(fake.sessions) == 1 and len(fake.gateway.connections) == 2
    again = await run(fake, world, world.alice, "spec", {"phone": "Pixel 8"})
    assert (await fake.wait_for_callback(again)).data["content"] == "Spec for Pixel 8"


async def test_reconnect_and_invalid_session_on_demand(fake, world, bot):
    await fake.send_reconnect()
    await fake.wait_until(lambda: fake.sessions[-1].resumes == 1, what="a RESUME after op 7")
    await fake.invalidate_session(resumable=False)
    await fake.wait_until(lambda: len(fake.sessions) == 2, what="a new IDENTIFY after op 9")
    record = await run(fake, world, world.alice, "spec", {"phone": "Pixel 8"})
    assert (await fake.wait_for_callback(record)).type == 4


async def test_heartbeats_are_acknowledged():
    async with FakeDiscord(heartbeat_interval_ms=50) as fake:
        undo = point_discord_py_at(fake)
        fake.add_guild("Phones")
        bot = TinyBot()
        running = await start(bot, fake)
        try:
            await fake.wait_until(
                lambda: [p["op"] for p in fake.gateway.received].count(1) >= 3, what="3 heartbeats"
            )
            assert bot.latency < 1
        finally:
            await bot.close()
            await running
            undo()
