"""Leases on once-only work, and digests delivered by several processes sharing one store.

Each "process" here is its own Store connection on the same file with its own lease owner; a
killed one is a process whose store calls fail from the moment it dies (it can neither post,
record, renew nor release), which is what SIGKILL leaves behind.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from bot_test_helpers import stored_article

from bot import digests, leases
from bot.digests import Worker
from bot.store import Store
from commands.render.digests import digest_pages

UTC = UTC
MONDAY = datetime(2024, 5, 6, tzinfo=UTC)
DUE = MONDAY + timedelta(hours=9, minutes=1)
LEASE = 0.3  # seconds: short, so a dead process's lease runs out within the test


def test_a_lease_is_held_by_one_owner_until_it_expires_or_is_released(store):
    assert leases.take(store, "digest:1", "a", 10, now=100)
    assert leases.take(store, "digest:1", "a", 10, now=101), "its holder may take it again"
    assert not leases.take(store, "digest:1", "b", 10, now=105)
    assert leases.holder(store, "digest:1", now=105) == "a"
    assert leases.renew(store, "digest:1", "a", 10, now=109)
    assert not leases.take(store, "digest:1", "b", 10, now=115), "renewed until 119"
    assert leases.take(store, "digest:1", "b", 10, now=119)
    assert not leases.renew(store, "digest:1", "a", 10, now=120), "a's lease was taken over"
    leases.release(store, "digest:1", "a")
    assert leases.holder(store, "digest:1", now=120) == "b", "a cannot release b's lease"
    leases.release(store, "digest:1", "b")
    assert leases.holder(store, "digest:1", now=120) is None
    assert leases.take(store, "digest:1", "a", 10, now=121)


def test_two_connections_racing_for_a_lease_get_it_once(tmp_path):
    path = tmp_path / "claims.db"
    with Store(path) as one, Store(path) as two:
        taken = [leases.take(one, "feed:7", "one", 5), leases.take(two, "feed:7", "two", 5)]
        assert taken == [True, False]
        assert leases.holder(two, "feed:7") == "one"


async def test_a_held_lease_is_renewed_while_the_work_runs_and_released_after(store):
    async def run(function, *args):
        return function(store, *args)

    async with leases.held(run, "digest:3", "me", LEASE) as lease:
        assert lease is not None
        await asyncio.sleep(LEASE * 2)  # longer than its term: kept by the renewals
        assert leases.holder(store, "digest:3") == "me"
        async with leases.held(run, "digest:3", "other", LEASE) as second:
            assert second is None
    assert leases.holder(store, "digest:3") is None


class Process:
    """One bot process on the shared store: its connection, lease owner and posts."""

    def __init__(self, path, name, posted: list, holds=lambda guild_id: True):
        self.store = Store(path)
        self.worker = Worker(f"{name}-owner", lease_seconds=LEASE, holds=holds)
        self.posted = posted  # shared between processes: what the channel shows
        self.dead = False
        self.die_after_posts: int | None = None

    async def run(self, function, *args):
        if self.dead:
            raise ConnectionError("this process was killed")
        return function(self.store, *args)

    async def post(self, subscription, page, nonce):
        if self.dead:
            raise ConnectionError("this process was killed")
        for message_id, _, seen in self.posted:
            if seen == nonce:  # Discord's enforced nonce: the same message again
                return message_id
        message_id = 7000 + len(self.posted)
        self.posted.append((message_id, subscription.guild_id, nonce))
        if self.die_after_posts is not None and len(self.posted) >= self.die_after_posts:
            self.dead = True
            raise ConnectionError("killed right after a post, before recording it")
        return message_id

    async def tick(self, now=DUE):
        return await digests.deliver_due(self.run, now, self.post, render=digest_pages, worker=self.worker)


def long_digest(store, guild_id=1, channel_id=10):
    digests.subscribe(
        store,
        guild_id=guild_id,
        channel_id=channel_id,
        cadence="daily",
        at="09:00",
        zone="UTC",
        device=None,
        actor="test",
        now=MONDAY,
    )
    for number in range(40):
        stored_article(
            store,
            f"news-{guild_id}-{number}",
            device=f"Contoso X{number}",
            values=[("battery", f"{4000 + number} mAh")],
        )


async def test_a_killed_process_s_delivery_is_finished_by_another_after_its_lease_runs_out(tmp_path):
    path = tmp_path / "claims.db"
    posted: list = []
    first, second = Process(path, "first", posted), Process(path, "second", posted)
    long_digest(first.store)
    first.die_after_posts = 2  # page 0 recorded; page 1 posted, never recorded
    with pytest.raises(ConnectionError):
        await first.tick()
    [row] = second.store.db["deliveries"].rows
    assert json.loads(row["message_ids"]) == [7000] and row["status"] == "pending"

    assert await second.tick() == [], "the dead process's lease still holds"
    assert len(posted) == 2
    await asyncio.sleep(LEASE + 0.05)
    [outcome] = await second.tick()
    assert outcome.status == "posted"
    [row] = second.store.db["deliveries"].rows
    nonces = [nonce for *_, nonce in posted]
    assert len(nonces) == len(set(nonces)) > 2, "every page posted once"
    assert json.loads(row["message_ids"]) == [message_id for message_id, *_ in posted]
    assert row["posted_by"] == "second-owner"
    assert leases.holder(second.store, f"digest:{row['subscription_id']}") is None
    assert await second.tick() == []
    first.store.close()
    second.store.close()


async def test_a_process_that_lost_its_lease_stops_and_no_page_is_recorded_twice(tmp_path):
    path = tmp_path / "claims.db"
    posted: list = []
    slow, fast = Process(path, "slow", posted), Process(path, "fast", posted)
    long_digest(slow.store)
    stalled, resume = asyncio.Event(), asyncio.Event()
    post = slow.post

    async def stalling_post(subscription, page, nonce):
        if len(posted) == 1:  # page 1: the process freezes (a stopped VM, a long GC pause)
            stalled.set()
            await resume.wait()
        return await post(subscription, page, nonce)

    slow.post = stalling_post
    slow_run = asyncio.create_task(slow.tick())
    await stalled.wait()
    # Its lease lapses while it is frozen; the other process takes it over and finishes.
    fast.store.db.execute("UPDATE leases SET expires_at = 0")
    fast.store.db.conn.commit()
    assert [o.status for o in await fast.tick()] == ["posted"]
    resume.set()
    assert [o.status for o in await slow_run] == ["handed over"]
    [row] = fast.store.db["deliveries"].rows
    nonces = [nonce for *_, nonce in posted]
    assert len(nonces) == len(set(nonces)) > 2
    assert json.loads(row["message_ids"]) == [message_id for message_id, *_ in posted]
    assert row["posted_by"] == "fast-owner"
    slow.store.close()
    fast.store.close()


async def test_a_process_delivers_only_the_digests_of_the_servers_its_shards_hold(tmp_path):
    path = tmp_path / "claims.db"
    posted: list = []
    even = Process(path, "even", posted, holds=lambda guild_id: guild_id % 2 == 0)
    odd = Process(path, "odd", posted, holds=lambda guild_id: guild_id % 2 == 1)
    for guild_id in (1, 2, 3, 4):
        digests.subscribe(
            even.store,
            guild_id=guild_id,
            channel_id=guild_id * 10,
            cadence="daily",
            at="09:00",
            zone="UTC",
            device=None,
            actor="test",
            now=MONDAY,
        )
    stored_article(even.store, "shared-news")
    assert sorted(o.subscription_id for o in await even.tick()) == [2, 4]
    assert sorted(guild for _, guild, _ in posted) == [2, 4]
    assert await even.tick() == []
    assert sorted(o.subscription_id for o in await odd.tick()) == [1, 3]
    assert sorted(guild for _, guild, _ in posted) == [1, 2, 3, 4]
    rows = list(odd.store.db["deliveries"].rows_where(order_by="subscription_id"))
    assert [row["posted_by"] for row in rows] == ["odd-owner", "even-owner"] * 2
    even.store.close()
    odd.store.close()


async def test_an_instant_digest_takes_no_lease_while_nothing_new_is_stored(tmp_path, monkeypatch):
    path = tmp_path / "claims.db"
    posted: list = []
    process = Process(path, "only", posted)
    digests.subscribe(
        process.store,
        guild_id=1,
        channel_id=10,
        cadence="instant",
        at=None,
        zone=None,
        device=None,
        actor="test",
        now=MONDAY,
    )
    taken = []
    take = leases.take

    def counting_take(store, name, *args, **kwargs):
        taken.append(name)
        return take(store, name, *args, **kwargs)

    monkeypatch.setattr(leases, "take", counting_take)
    for minute in range(3):
        assert await process.tick(DUE + timedelta(minutes=minute)) == []
    assert taken == []
    stored_article(process.store, "instant-news")
    [outcome] = await process.tick(DUE + timedelta(minutes=3))
    assert outcome.status == "posted" and taken == ["digest:1"] and len(posted) == 1
    process.store.close()
