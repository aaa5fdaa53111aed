"""The fake Discord against Discord's published API description (tests/fakediscord/spec).

Every e2e test checks its traffic when its fake stops (helpers.fake_discord); this one makes sure
the traffic it checks covers the answers that matter to discord.py: a sync, a message answer, a
deferral, a form and its submission, a follow-up, a digest post, a rate limit, a refusal.
"""

from __future__ import annotations

from tests.e2e.helpers import (
    ANSWER_TIMEOUT,
    DEFERRED,
    add_server,
    bot_settings,
    fake_discord,
    run_command,
    running_bot,
)
from tests.e2e.test_e2e_digests import delivery_statuses, make_due
from tests.fakediscord.api_spec import discord_api, fake_routes
from tests.fakediscord.records import RecordedRequest

FORM = 9


async def test_every_request_and_answer_follows_discords_api_description(db_path):
    async with fake_discord() as fake:
        server = add_server(fake, "A")
        digests = server.guild.add_channel("digests")
        fake.faults.rate_limit("POST", f"/channels/{digests.id}/messages", retry_after=0.05)
        async with running_bot(bot_settings(fake, db_path)) as bot:
            await run_command(fake, server, server.member, "timeline")
            server.guild.show_command("article")
            await run_command(fake, server, server.member, "article list")  # refused: a member
            _, form = await run_command(fake, server, server.moderator, "article add")
            assert form.type == FORM
            await make_due(fake, bot, server, digests, "Nothing Phone 6")
            await fake.wait_until(
                lambda: "posted" in delivery_statuses(bot), timeout=ANSWER_TIMEOUT, what="the digest posted"
            )
            fake.faults.add(
                "POST",
                "/interactions/{interaction_id}/{token}/callback",
                status=404,
                body={"code": 10062, "message": "Unknown interaction"},
            )
            refused = await fake.send_command(server.id, server.general.id, server.member.id, "timeline")
            await fake.wait_for_callback(refused, timeout=ANSWER_TIMEOUT)  # the failure, reported
            assert fake.requests.matching("POST", "/interactions/*/*/callback", status=404)
            seen = {(r.method, r.route, r.status) for r in fake.requests}
            callbacks = [
                r for r in fake.requests.matching("POST", "/interactions/*/*/callback") if r.status == 200
            ]
            problems = discord_api().violations(fake.requests)
    answered = {r.json["type"] for r in callbacks}
    assert {4, DEFERRED, FORM} <= answered, answered  # make_due pastes an article: form, defer
    for needed in (
        ("PUT", "/applications/{application_id}/commands", 200),
        ("POST", "/webhooks/{application_id}/{token}", 200),
        ("POST", "/channels/{channel_id}/messages", 429),
        ("POST", "/channels/{channel_id}/messages", 200),
    ):
        assert needed in seen, needed
    assert problems == [], "\n".join(map(str, problems))


def test_the_copied_description_has_an_operation_for_every_route_of_the_fake():
    description = discord_api()
    for method, template in fake_routes():
        path = template.replace("{", "").replace("}", "")  # a real path of that shape
        assert description.operation_pointer(method, path), (method, template)


def recorded(method: str, path: str, body, status: int, answer) -> RecordedRequest:
    return RecordedRequest(
        method=method,
        path=path,
        query={},
        headers={},
        json=body,
        files=[],
        at=0.0,
        route=path,
        status=status,
        answer=answer,
    )


def test_answers_and_requests_that_discord_would_not_give_are_caught():
    command = {
        "id": "1",
        "application_id": "2",
        "version": "3",
        "type": 1,
        "name": "spec",
        "description": "A phone's specs",
        "default_member_permissions": "8192",
        "integration_types": [0],
    }
    sync = "/applications/2/commands"
    assert discord_api().check(recorded("PUT", sync, [], 200, [command])) == []
    as_number = {**command, "default_member_permissions": 8192}
    assert discord_api().check(recorded("PUT", sync, [], 200, [as_number]))
    assert discord_api().check(recorded("PUT", sync, [], 200, [{**command, "integration_types": None}]))
    deferred = {"interaction": {"id": "4", "type": 2}, "resource": {"type": 5}}
    assert discord_api().check(recorded("POST", "/interactions/4/token/callback", {"type": 5}, 200, deferred))
    assert discord_api().check(
        recorded(
            "POST", "/interactions/4/token/callback", {"type": 5, "data": {"flags": "ephemeral"}}, 204, None
        )
    )
