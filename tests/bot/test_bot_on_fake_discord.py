"""The real bot against the fake Discord on 127.0.0.1: login, sync, answers, refusals, digests.

Writes go through `bot.run_store`, as the bot's own do: the digest loop uses the store meanwhile.

A smoke test of the wiring (settings -> base urls -> extensions -> tree -> error handler -> loop);
the logic itself is tested in the other files of this folder.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from aiohttp import web
from bot_test_helpers import stored_article

from bot.settings import Settings
from commands.client import ReceiptsBot
from tests.fakediscord import FakeDiscord, Permission, point_discord_py_at
from tests.fakediscord.api_spec import discord_api
from tests.fakediscord.messages import EPHEMERAL

PAGE = """<!doctype html><html><head><title>Contoso X9 leak</title></head><body><article>
<h1>Contoso X9 leak</h1><p>Published June 29, 2022.</p>
<p>The Contoso X9 will come with a 5000mAh battery, a reliable tipster says on Weibo.</p>
<p>The phone is also said to pack 12GB of RAM and a 6.7-inch display with a 120Hz panel.</p>
</article></body></html>"""


@dataclass
class World:
    fake: FakeDiscord
    bot: ReceiptsBot
    guild: object
    general: object
    readonly: object
    alice: object
    moderator: object


class FastBot(ReceiptsBot):
    async def before_identify_hook(self, shard_id, *, initial=False):
        """discord.py waits 5 s before identifying again; not against a fake."""


@pytest.fixture
async def world(store, tmp_path):
    async with FakeDiscord() as fake:
        undo = point_discord_py_at(fake)  # restores discord.py's urls afterwards
        guild = fake.add_guild("Phones")
        general = guild.add_channel("general")
        readonly = guild.add_channel("announcements")
        readonly.set_overwrite(guild.members[fake.bot_user.id], deny=Permission.SEND_MESSAGES)
        mods = guild.add_role("Mods", Permission.MANAGE_MESSAGES)
        alice = guild.add_member(fake.add_user("alice"))
        moderator = guild.add_member(fake.add_user("mo"), roles=[mods])
        settings = Settings(
            discord_token=fake.token,
            db_path=tmp_path / "claims.db",
            dev_guild=guild.id,
            log_level="INFO",
            discord_api=fake.api_base,
            discord_gateway=fake.gateway_url,
            discord_cdn=fake.url + "/cdn",
            allow_private_urls=True,
            digest_interval=0.05,
        )
        bot = FastBot(settings, store, guild_ready_timeout=0.05)
        running = asyncio.create_task(bot.start(settings.discord_token))
        try:
            await asyncio.wait_for(bot.wait_until_ready(), 5)
            yield World(fake, bot, guild, general, readonly, alice, moderator)
        finally:
            await bot.close()
            await running
            undo()
        assert fake.errors == [] and fake.requests.unhandled == []
        violations = discord_api().violations(fake.requests)
        assert violations == [], "\n".join(map(str, violations))


async def command(world, user, name, options=None, channel=None):
    record = await world.fake.send_command(
        world.guild.id, (channel or world.general).id, user.id, name, options or {}
    )
    callback = await world.fake.wait_for_callback(record, timeout=5)
    return record, callback


async def test_the_bot_syncs_its_commands_to_the_dev_guild(world):
    names = {c["name"] for c in world.fake.commands[world.guild.id]}
    assert names == {
        "spec",
        "timeline",
        "sources",
        "search",
        "claim",
        "article",
        "moderate-claim",
        "digest",
        "feed",
    }


async def test_an_answer_is_an_embed_that_mentions_no_one(world, store):
    await world.bot.run_store(stored_article, "x2", url="https://news.example/x2")
    record, callback = await command(world, world.alice, "spec", {"device": "Contoso X2"})
    message = record.original if callback.type == 5 else callback.data
    if callback.type == 5:
        message = (await world.fake.wait_for_followups(record))[0]
    assert message["embeds"] and "5000 mAh" in str(message["embeds"])
    assert callback.data.get("allowed_mentions", {"parse": []}) == {"parse": []}


async def test_a_moderator_adds_an_article_from_a_url(world, store):
    app = web.Application()

    async def page(request):
        return web.Response(text=PAGE, content_type="text/html")

    app.router.add_get("/x9", page)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        record, callback = await command(
            world, world.moderator, "article add", {"url": f"http://127.0.0.1:{port}/x9"}
        )
        assert callback.type == 5  # deferred: fetching may take longer than 3 s
        [reply] = await world.fake.wait_for_followups(record, timeout=10)
    finally:
        await runner.cleanup()
    assert "Added x9" in str(reply["embeds"])
    assert store.article("x9")["guild_id"] == world.guild.id


async def test_a_digest_goes_to_its_channel_and_a_blocked_channel_shows_as_failing(world, store):
    for channel in (world.general, world.readonly):
        _, callback = await command(
            world,
            world.moderator,
            "digest subscribe",
            {"channel": channel.id, "cadence": "daily", "time": "00:00", "timezone": "UTC"},
        )
        assert callback.data["flags"] & EPHEMERAL, callback.data
    earlier = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")

    def backdate(store):
        with store.db.atomic():
            store.db.execute("UPDATE subscriptions SET created_at = ?", [earlier])

    await world.bot.run_store(backdate)
    await world.bot.run_store(stored_article, "digest-news", device="Contoso Q1")

    def posted():
        return [
            m
            for m in world.fake.messages.values()
            if int(m["channel_id"]) == world.general.id and m["embeds"]
        ]

    await world.fake.wait_until(
        lambda: (
            posted()
            and store.db.execute("SELECT count(*) FROM deliveries WHERE status = 'blocked'").fetchone()[0]
        ),
        timeout=5,
    )
    assert "Contoso Q1" in str(posted()[0]["embeds"])
    _, callback = await command(world, world.moderator, "digest list")
    assert "Failing" in str(callback.data["embeds"]) and "Send Messages" in str(callback.data["embeds"])


def inputs(modal_callback):
    """The custom ids of a modal's text inputs, in order."""
    return [
        component["custom_id"] for row in modal_callback.data["components"] for component in row["components"]
    ]


async def test_a_pasted_undated_article_gets_its_date_set_with_a_button(world, store):
    record, callback = await command(world, world.moderator, "article add")
    assert callback.type == 9  # the modal: url, title, date, text
    url, title, date, text = inputs(callback)
    submitted = await world.fake.submit_modal(
        callback.data["custom_id"],
        {
            url: "",
            title: "Contoso X5 leak",
            date: "",
            text: "The Contoso X5 will come with a 5000mAh battery, a leak says.",
        },
    )
    [reply] = await world.fake.wait_for_followups(submitted, timeout=5)
    assert reply["flags"] & EPHEMERAL and "unknown" in str(reply["embeds"])
    buttons = {c["label"]: c["custom_id"] for row in reply["components"] for c in row["components"]}
    assert set(buttons) == {"Set the date…"}

    stranger = await world.fake.press_button(int(reply["id"]), buttons["Set the date…"], world.alice.id)
    assert "Only the person who asked" in (await world.fake.wait_for_callback(stranger)).data["content"]

    pressed = await world.fake.press_button(int(reply["id"]), buttons["Set the date…"], world.moderator.id)
    modal = await world.fake.wait_for_callback(pressed)
    [published] = inputs(modal)
    settled = await world.fake.submit_modal(modal.data["custom_id"], {published: "2022-06-29"})
    update = await world.fake.wait_for_callback(settled)
    assert update.type == 7 and "set by a moderator" in str(update.data["embeds"])
    assert store.article("contoso-x5-leak")["published"] == "2022-06-29"
    assert store.history("article:contoso-x5-leak")[-1]["action"] == "article.redate"
