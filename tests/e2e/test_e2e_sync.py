"""Issue 11, point 4: the commands are synced only when they changed, and `sync` forces it."""

from __future__ import annotations

import asyncio
import sys

import discord
from discord import app_commands

from commands.client import ReceiptsBot, open_bot_store
from commands.sync import payload_hash
from tests.conftest import PROJECT_ROOT
from tests.e2e.helpers import ANSWER_TIMEOUT, add_server, bot_settings, fake_discord
from tests.e2e.test_e2e_gateway_and_sync import bot_process_env

GLOBAL_SYNC = "/applications/{application_id}/commands"
GUILD_SYNC = "/applications/{application_id}/guilds/{guild_id}/commands"


class BotWithOneMoreCommand(ReceiptsBot):
    """The bot after a release that added a command."""

    async def load_command_groups(self) -> None:
        await super().load_command_groups()

        @app_commands.command(name="about", description="What Receipts is")
        async def about(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("Receipts", ephemeral=True)

        self.tree.add_command(about)


async def start_and_stop(settings, bot_class=ReceiptsBot) -> None:
    store = open_bot_store(settings)
    bot = bot_class(settings, store, guild_ready_timeout=0.05)
    running = asyncio.create_task(bot.start(settings.discord_token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), ANSWER_TIMEOUT)
    finally:
        await bot.close()
        await running
        store.close()


async def test_a_restart_with_the_same_commands_does_not_sync_and_a_changed_tree_does(db_path):
    async with fake_discord() as fake:
        add_server(fake, "A")
        settings = bot_settings(fake, db_path)
        await start_and_stop(settings)
        await start_and_stop(settings)
        assert len(fake.requests.matching("PUT", GLOBAL_SYNC)) == 1
        await start_and_stop(settings, BotWithOneMoreCommand)
        puts = fake.requests.matching("PUT", GLOBAL_SYNC)
        assert len(puts) == 2 and "about" in {command["name"] for command in puts[-1].json}
        await start_and_stop(settings, BotWithOneMoreCommand)
        assert len(fake.requests.matching("PUT", GLOBAL_SYNC)) == 2


async def test_python_m_bot_sync_syncs_even_when_nothing_changed(db_path):
    async with fake_discord() as fake:
        a = add_server(fake, "A")
        env = bot_process_env(fake)
        for args in (("sync",), ("sync",), ("sync", "--guild", str(a.id))):
            child = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                *args,
                "--db",
                str(db_path),
                cwd=PROJECT_ROOT,
                env=env,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            out, err = await asyncio.wait_for(child.communicate(), timeout=60)
            assert child.returncode == 0, err.decode()
            assert out.decode().startswith("Synced "), out.decode()
        assert len(fake.requests.matching("PUT", GLOBAL_SYNC)) == 2
        [guild_sync] = fake.requests.matching("PUT", GUILD_SYNC)
        assert {command["name"] for command in guild_sync.json} >= {"spec", "timeline", "claim"}


def test_the_payload_hash_does_not_depend_on_key_order():
    payload = [{"name": "spec", "description": "What is known", "options": [{"name": "device"}]}]
    reordered = [{"options": [{"name": "device"}], "description": "What is known", "name": "spec"}]
    assert payload_hash(payload) == payload_hash(reordered)
    assert payload_hash(payload) != payload_hash([{**payload[0], "description": "Changed"}])
