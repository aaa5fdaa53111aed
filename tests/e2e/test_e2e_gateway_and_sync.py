"""The connection and the sync: a dropped gateway is resumed without losing a command, and the
tree the bot syncs is one Discord accepts."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from commands.client import IDENTIFY_INTERVAL
from tests.e2e.helpers import (
    ANSWER_TIMEOUT,
    add_server,
    answer_message,
    assert_receipts_are_true,
    fake_discord,
)
from tests.fakediscord.command_rules import invalid_commands

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ABNORMAL_CLOSURE = None  # the TCP connection cut with no close frame (the client sees 1006)


def a_device(store) -> str:
    return store.db.execute(
        "SELECT s.name FROM subjects s JOIN claims c ON c.subject_id = s.id WHERE s.kind = 'device' LIMIT 1"
    ).fetchone()[0]


@pytest.mark.parametrize("code", [4000, ABNORMAL_CLOSURE])
async def test_a_dropped_gateway_is_resumed_and_a_command_sent_meanwhile_is_answered(world, reader, code):
    fake, a = world.fake, world.a
    device = a_device(reader)
    await fake.drop_gateway(code)
    meanwhile = await fake.send_command(a.id, a.general.id, a.member.id, "spec", {"device": device})
    await fake.wait_until(lambda: fake.sessions[-1].resumes == 1, timeout=ANSWER_TIMEOUT, what="a RESUME")
    assert len(fake.sessions) == 1, "the bot identified anew instead of resuming"
    assert_receipts_are_true(await answer_message(fake, meanwhile), reader)

    after = await fake.send_command(a.id, a.general.id, a.member.id, "timeline", {"subject": device})
    assert_receipts_are_true(await answer_message(fake, after), reader)


async def test_the_synced_command_payload_follows_discords_rules(world):
    [sync] = world.fake.requests.matching("PUT", "/applications/{application_id}/commands")
    assert sync.status == 200 and invalid_commands(sync.json) is None
    assert {command["name"] for command in sync.json} == {c.name for c in world.bot.tree.get_commands()}
    for command in sync.json:
        moderators = command["default_member_permissions"] is not None
        if moderators:  # hidden from members by default, and never in direct messages
            assert int(command["default_member_permissions"]) == int(1 << 13)  # Manage Messages
            assert command.get("dm_permission") is False or command.get("contexts") == [0]
        assert moderators == (command["name"] in {"article", "moderate-claim", "digest", "feed"})


def malformed_role_update(server) -> tuple[str, dict]:
    """A GUILD_ROLE_UPDATE without its role: discord.py's parser raises a KeyError on it."""
    return "GUILD_ROLE_UPDATE", {"guild_id": str(server.id)}


def bot_process_env(fake) -> dict[str, str]:
    """`python -m bot run`'s environment, pointing at the fake and nothing of the developer's."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "RECEIPTS_"))}
    env.update(
        DISCORD_TOKEN=fake.token,
        RECEIPTS_DISCORD_API=fake.api_base,
        RECEIPTS_DISCORD_GATEWAY=fake.gateway_url,
        RECEIPTS_DISCORD_CDN=fake.url + "/cdn",
        LOG_LEVEL="INFO",
    )
    return env


@pytest.mark.slow
async def test_an_event_discord_py_cannot_parse_is_logged_and_the_bot_reconnects_until_it_keeps_crashing(
    db_path, reader
):
    async with fake_discord() as fake:
        a = add_server(fake, "A")
        bot = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            "--db",
            str(db_path),
            cwd=PROJECT_ROOT,
            env=bot_process_env(fake),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        log = asyncio.ensure_future(bot.stderr.read())
        try:
            await fake.wait_until(
                lambda: fake.sessions and None in fake.commands,
                timeout=60,
                what="the bot connected and synced",
            )
            await fake.dispatch(*malformed_role_update(a))
            # Discord allows one IDENTIFY per 5 s (max_concurrency 1): the new one may wait for it.
            await fake.wait_until(
                lambda: len(fake.sessions) == 2 or bot.returncode is not None,
                timeout=ANSWER_TIMEOUT + IDENTIFY_INTERVAL,
                what="a new IDENTIFY",
            )
            assert bot.returncode is None, "the bot process ended on an event it could not parse"
            asked = await fake.send_command(
                a.id, a.general.id, a.member.id, "spec", {"device": a_device(reader)}
            )
            assert_receipts_are_true(await answer_message(fake, asked), reader)

            # The same event on every connection: the bot gives up, with a non-zero exit.
            while bot.returncode is None and len(fake.sessions) < 30:
                sessions = len(fake.sessions)
                await fake.dispatch(*malformed_role_update(a))
                await fake.wait_until(
                    lambda sessions=sessions: len(fake.sessions) > sessions or bot.returncode is not None,
                    timeout=90,
                    what="a new IDENTIFY or the end of the bot",
                )
                await asyncio.sleep(0.05)
            code = await asyncio.wait_for(bot.wait(), timeout=30)
        finally:
            if bot.returncode is None:
                bot.kill()
                await bot.wait()
        stderr = (await log).decode()
    assert code not in (0, None), stderr
    assert 2 < len(fake.sessions) < 30, len(fake.sessions)
    assert "could not handle an event from Discord's gateway" in stderr, stderr
    assert "KeyError" in stderr and "keeps crashing" in stderr, stderr
