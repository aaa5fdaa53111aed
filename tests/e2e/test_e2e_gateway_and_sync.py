"""The connection and the sync: a dropped gateway is resumed without losing a command, and the
tree the bot syncs is one Discord accepts."""

from __future__ import annotations

import pytest

from tests.e2e.helpers import ANSWER_TIMEOUT, answer_message, assert_receipts_are_true
from tests.fakediscord.command_rules import invalid_commands

ABNORMAL_CLOSURE = None  # the TCP connection cut with no close frame (the client sees 1006)


def a_device(store) -> str:
    return store.db.execute("SELECT s.name FROM subjects s JOIN claims c ON c.subject_id = s.id "
                            "WHERE s.kind = 'device' LIMIT 1").fetchone()[0]


@pytest.mark.parametrize("code", [4000, ABNORMAL_CLOSURE])
async def test_a_dropped_gateway_is_resumed_and_a_command_sent_meanwhile_is_answered(world, reader, code):
    fake, a = world.fake, world.a
    device = a_device(reader)
    await fake.drop_gateway(code)
    meanwhile = await fake.send_command(a.id, a.general.id, a.member.id, "spec", {"device": device})
    await fake.wait_until(lambda: fake.sessions[-1].resumes == 1, timeout=ANSWER_TIMEOUT,
                          what="a RESUME")
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
