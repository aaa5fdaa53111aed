"""Instant digests: the claims of new articles posted at the next tick, grouped per article,
exactly once through failures and restarts, and no delivery rows while nothing new arrives."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from bot_test_helpers import stored_article

from bot import digests
from bot.digests import DeliveryFailed, DigestError
from bot.store import Store
from commands.render.digests import digest_pages

UTC = UTC
HOME = 111
CHANNEL = 999
START = datetime(2024, 5, 6, 9, 0, 30, tzinfo=UTC)


class Channel:
    def __init__(self):
        self.posts: list[tuple[list[dict], str]] = []
        self.failures: list[DeliveryFailed] = []

    async def post(self, subscription, page, nonce):
        if self.failures:
            raise self.failures.pop(0)
        self.posts.append((page, nonce))
        return 7000 + len(self.posts)


def runner(store):
    async def run(function, *args):
        return function(store, *args)

    return run


def subscribe_instant(store, now=START):
    subscription, _ = digests.subscribe(
        store,
        guild_id=HOME,
        channel_id=CHANNEL,
        cadence="instant",
        at=None,
        zone=None,
        device=None,
        actor="discord:1",
        now=now,
    )
    return subscription


def rows(store):
    return [row[0] for row in store.db.execute("SELECT status FROM deliveries ORDER BY id")]


async def test_new_articles_are_posted_at_the_next_minute_grouped_per_article(store):
    subscription = subscribe_instant(store)
    assert subscription.schedule == "as new articles are stored"
    stored_article(store, "first-leak", guild_id=HOME, device="Nothing Phone 7")
    stored_article(store, "second-leak", guild_id=HOME, device="OnePlus 44")
    channel = Channel()
    await digests.deliver_due(runner(store), START + timedelta(seconds=10), channel.post, render=digest_pages)
    assert channel.posts == []  # still the minute it was made in
    await digests.deliver_due(runner(store), START + timedelta(seconds=40), channel.post, render=digest_pages)
    [(page, _)] = channel.posts
    headings = [embed.get("title") for embed in page]
    assert headings == ["Nothing Phone 7 leak", "OnePlus 44 leak"]
    text = json.dumps(page, ensure_ascii=False)
    assert "**Nothing Phone 7** · **battery**" in text and "2023-01-10" in text
    assert "4 new claims from 2 new articles" in page[0]["author"]["name"]


async def test_minutes_with_nothing_new_write_no_rows_and_post_nothing(store):
    subscribe_instant(store)
    channel = Channel()
    for minute in range(1, 30):
        await digests.deliver_due(
            runner(store), START + timedelta(minutes=minute), channel.post, render=digest_pages
        )
    assert channel.posts == [] and rows(store) == []
    stored_article(store, "other-server", guild_id=HOME + 1, device="OnePlus 45")
    await digests.deliver_due(runner(store), START + timedelta(minutes=31), channel.post, render=digest_pages)
    assert channel.posts == [] and rows(store) == []


async def test_a_failed_post_is_retried_and_posted_once_across_a_restart(tmp_path):
    path = tmp_path / "claims.db"
    channel = Channel()
    channel.failures = [DeliveryFailed("Discord answered 500", blocked=False)]
    with Store(path) as store:
        subscribe_instant(store)
        stored_article(store, "leak", guild_id=HOME, device="Nothing Phone 7")
        [failed] = await digests.deliver_due(
            runner(store), START + timedelta(minutes=1), channel.post, render=digest_pages
        )
        assert failed.status == "failed" and channel.posts == []
    with Store(path) as reopened:  # the bot restarted
        for second in (5, 10, 70, 130):
            await digests.deliver_due(
                runner(reopened),
                START + timedelta(minutes=1, seconds=second),
                channel.post,
                render=digest_pages,
            )
        assert len(channel.posts) == 1 and rows(reopened) == ["posted"]
        stored_article(reopened, "later", guild_id=HOME, device="OnePlus 46")
        await digests.deliver_due(
            runner(reopened), START + timedelta(minutes=4), channel.post, render=digest_pages
        )
        assert len(channel.posts) == 2 and "OnePlus 46" in json.dumps(channel.posts[1][0])
        assert "Nothing Phone 7" not in json.dumps(channel.posts[1][0])


def test_daily_and_weekly_still_need_a_time_and_a_zone(store):
    with pytest.raises(DigestError, match="needs a time of day"):
        digests.subscribe(
            store,
            guild_id=HOME,
            channel_id=CHANNEL,
            cadence="daily",
            at=None,
            zone="UTC",
            device=None,
            actor="discord:1",
        )
