"""Two bot processes of two shards each (4 shards, 20 servers) on one store, against the fake
Discord: each server's commands answered by the process running its shard, through a SIGKILL and
a restart; a digest due in every server posted exactly once while one process is SIGKILLed in
the middle of a delivery and started again.

The processes are `python -m bot run --shards 4 --shard-ids ...` (tests/e2e/processes.py); the
one thing done beside Discord is making the digests due (moving their creation two days back),
as in test_e2e_digests.py.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest

from bot import digests
from bot.store import Store
from tests.e2e.helpers import ANSWER_TIMEOUT, add_server, fake_discord, run_command
from tests.e2e.processes import bot_process

SHARDS = 4
SERVERS = 20
PROCESS_SHARDS = ((0, 1), (2, 3))
UNANSWERED_WAIT = 1.5  # how much longer a dead process's servers are given, to stay unanswered
LEASE_SECONDS = "2"
SLOW_POST = 0.15  # each digest page post answers this late, so a delivery takes a while
NONCE = re.compile(r"^rd(\d+)p(\d+)$")
OWNER = re.compile(r"running shards [\d,]+ of \d+ \((.+)\)$", re.M)  # its lease owner name

pytestmark = pytest.mark.slow


def servers_on_every_shard(fake):
    return [add_server(fake, f"S{n}", shard=n % SHARDS) for n in range(SERVERS)]


def start_processes(fake, db_path, folder, **settings):
    return [bot_process(fake, db_path, folder, shards, SHARDS, **settings) for shards in PROCESS_SHARDS]


async def started(processes, fake):
    await asyncio.gather(*(process.start(fake) for process in processes))
    return processes


def device_name(db_path) -> str:
    with Store(db_path) as store:
        return store.db.execute(
            "SELECT s.name FROM claims c JOIN subjects s ON s.id = c.subject_id "
            "WHERE s.kind = 'device' ORDER BY c.id LIMIT 1"
        ).fetchone()[0]


async def spec_everywhere(fake, servers, device):
    return [
        await fake.send_command(server.id, server.general.id, server.member.id, "spec", {"device": device})
        for server in servers
    ]


def answered(record) -> bool:
    return record.callback is not None


async def test_every_server_s_commands_are_answered_by_the_process_running_its_shard(db_path, tmp_path):
    async with fake_discord(shards=SHARDS, max_concurrency=SHARDS) as fake:
        servers = servers_on_every_shard(fake)
        device = device_name(db_path)
        processes = await started(start_processes(fake, db_path, tmp_path / "logs"), fake)
        first, second = processes
        try:
            assert sorted(session.shard for session in fake.sessions) == [(n, SHARDS) for n in range(SHARDS)]
            assert len(fake.requests.matching("PUT", "/applications/*/commands")) == 1, (
                "only the process running shard 0 syncs the commands"
            )
            records = await spec_everywhere(fake, servers, device)
            for server, record in zip(servers, records, strict=False):
                callback = await fake.wait_for_callback(record, timeout=ANSWER_TIMEOUT)
                assert record.session.shard == (fake.shard_of(server.id), SHARDS)
                assert callback.type in (4, 5) and device in json.dumps(callback.data or record.followups)

            await second.kill()
            records = await spec_everywhere(fake, servers, device)
            held_by_first = [fake.shard_of(server.id) in first.shard_ids for server in servers]
            for record, held in zip(records, held_by_first, strict=False):
                if held:
                    await fake.wait_for_callback(record, timeout=ANSWER_TIMEOUT)
            await asyncio.sleep(UNANSWERED_WAIT)
            assert [answered(record) for record in records] == held_by_first, (
                "a dead process's servers go unanswered; no other process answers for them"
            )

            await second.start(fake)
            records = await spec_everywhere(fake, servers, device)
            for record in records:
                await fake.wait_for_callback(record, timeout=ANSWER_TIMEOUT)
            restarted = {session.id for session in fake.sessions[-2:]}
            assert {
                record.session.id for record, held in zip(records, held_by_first, strict=False) if not held
            } <= restarted
            for process in processes:
                await process.stop()
                assert process.process.returncode == 0, f"SIGTERM stops it cleanly:\n{process.log()}"
        finally:
            for process in processes:
                await process.stop()


def digest_posts(fake) -> list:
    """The digest pages the processes sent (every POST with a delivery nonce), in order."""
    return [
        request
        for request in fake.requests.matching("POST", "/channels/*/messages")
        if NONCE.match(str((request.json or {}).get("nonce", "")))
    ]


async def test_a_digest_due_in_every_server_is_posted_once_though_a_process_is_killed_delivering(
    db_path, tmp_path
):
    async with fake_discord(shards=SHARDS, max_concurrency=SHARDS) as fake:
        servers = servers_on_every_shard(fake)
        channels = {server.id: server.guild.add_channel("digests") for server in servers}
        processes = await started(
            start_processes(
                fake,
                db_path,
                tmp_path / "logs",
                RECEIPTS_DIGEST_INTERVAL="0.1",
                RECEIPTS_LEASE_SECONDS=LEASE_SECONDS,
            ),
            fake,
        )
        killed, survivor = processes
        try:
            for server in servers:
                _, callback = await run_command(
                    fake,
                    server,
                    server.moderator,
                    "digest subscribe",
                    {
                        "channel": channels[server.id].id,
                        "cadence": "daily",
                        "time": "00:00",
                        "timezone": "UTC",
                    },
                )
                assert "Subscribed" in callback.data["content"], callback.data
            fake.faults.slow("POST", "/channels/*/messages", seconds=SLOW_POST, times=10_000)
            with Store(db_path) as store, store.db.atomic():
                earlier = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")
                # Due now, with every stored claim as new: three pages a digest.
                store.db.execute("UPDATE subscriptions SET created_at = ?, last_claim_id = 0", [earlier])

            def in_flight_to_killed() -> list[str]:
                """The nonces of second pages sent to the servers of the process to kill: their
                first page is recorded, the second is on its way (answered after the kill)."""
                return [
                    request.json["nonce"]
                    for request in digest_posts(fake)
                    if NONCE.match(request.json["nonce"]).group(2) == "1"
                    and fake.shard_of(fake.guild_of_channel(int(request.path.split("/")[2])).id)
                    in killed.shard_ids
                ]

            await fake.wait_until(in_flight_to_killed, timeout=30, what="a second page in flight")
            await killed.kill()
            in_flight = in_flight_to_killed()
            with Store(db_path) as store:
                guild_of = {s.id: s.guild_id for s in digests.subscriptions(store)}
                interrupted = [
                    row
                    for row in store.db["deliveries"].rows_where("status = 'pending'")
                    if json.loads(row["message_ids"])
                    and fake.shard_of(guild_of[row["subscription_id"]]) in killed.shard_ids
                ]
            assert interrupted, "the kill came between two pages of a delivery"
            unrecorded = [
                nonce
                for nonce in in_flight
                if any(
                    nonce == f"rd{row['id']}p1" and len(json.loads(row["message_ids"])) == 1
                    for row in interrupted
                )
            ]
            assert unrecorded, "a page was sent and not recorded when the process was killed"
            await asyncio.sleep(SLOW_POST * 2)  # the page in flight lands, never recorded
            await killed.start(fake)  # the restart: the same shards, a new process

            deadline = time.monotonic() + 60
            with Store(db_path) as store:
                while store.db["deliveries"].count_where("status = 'posted'") < SERVERS:
                    assert time.monotonic() < deadline, [killed.log(), survivor.log()]
                    await asyncio.sleep(0.1)
                await asyncio.sleep(0.5)  # more ticks of both: nothing more is posted
                rows = {row["subscription_id"]: row for row in store.db["deliveries"].rows}
                subscriptions = {s.id: s for s in digests.subscriptions(store)}
            assert len(rows) == SERVERS and {row["status"] for row in rows.values()} == {"posted"}

            owners = {}
            for subscription_id, row in rows.items():
                guild_id = subscriptions[subscription_id].guild_id
                posted = [m for m in fake.messages.values() if int(m["channel_id"]) == channels[guild_id].id]
                assert [int(m["id"]) for m in posted] == json.loads(row["message_ids"])
                assert len(posted) == 3, "every page once, none twice, none lost"
                shard = fake.shard_of(guild_id)
                assert (
                    f"shards {','.join(map(str, next(p for p in PROCESS_SHARDS if shard in p)))} "
                    f"of {SHARDS}" in row["posted_by"]
                ), "posted by the process holding the server"
                owners[subscription_id] = row["posted_by"]
            killed_owner, restarted_owner = OWNER.findall(killed.log())
            assert killed_owner not in owners.values()
            for row in interrupted:
                assert owners[row["subscription_id"]] == restarted_owner
            for nonce in unrecorded:
                sent = [r for r in digest_posts(fake) if r.json["nonce"] == nonce]
                assert len(sent) == 2, "the page in flight was sent again by the restarted process"
            for process in processes:
                log = process.log()
                assert "Traceback" not in log, log[log.index("Traceback") - 300 :]
        finally:
            for process in processes:
                await process.stop()
