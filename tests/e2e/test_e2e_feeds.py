"""Feeds through the real bot and the fake Discord, with a news site of the test's own on
127.0.0.1: moderators follow, list, preview, poll and remove feeds; a feed gone for a day is
paused and the moderators are told once; `cadence:instant` posts the claims of each new article
once, through a 500 on the first post and a restart."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp import web

from tests.e2e.helpers import (
    ANSWER_TIMEOUT,
    add_server,
    ask,
    bot_settings,
    embed_text,
    fake_discord,
    running_bot,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "feeds"))
from site_server import Entry, Site  # noqa: E402

UTC = UTC
TICKS_AFTER = 10  # loop runs that must post nothing more


@pytest.fixture
async def site():
    served = Site()
    runner = web.AppRunner(served.app())
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    served.base = f"http://127.0.0.1:{tcp._server.sockets[0].getsockname()[1]}"
    yield served
    await runner.cleanup()


def news(site: Site, devices: list[str]) -> list[Entry]:
    return [
        Entry(
            id=f"e-{n}",
            url=f"{site.base}/news/{n}",
            title=f"{device} leak",
            published=datetime(2024, 2, 1 + n, tzinfo=UTC),
            content=f"<p>The {device} will come with a 5000mAh battery, a tipster says. "
            f"It is also said to pack 12GB of RAM.</p>",
        )
        for n, device in enumerate(devices)
    ]


def feed_articles(bot) -> list[tuple]:
    return bot.store.db.execute(
        "SELECT id, guild_id, title FROM articles WHERE added_by LIKE 'feed:%' ORDER BY id"
    ).fetchall()


async def clear_of_a_minutes_end(margin: float) -> None:
    """Wait for the next minute when fewer than `margin` seconds are left of this one."""
    now = datetime.now(UTC)
    left = 60 - now.second - now.microsecond / 1e6
    if left < margin:
        await asyncio.sleep(left + 0.5)


def polled_feeds(bot) -> int:
    return bot.store.db.execute("SELECT count(*) FROM feeds WHERE last_poll_at IS NOT NULL").fetchone()[0]


def posted_in(fake, channel) -> list[dict]:
    return [
        m
        for m in fake.messages.values()
        if int(m["channel_id"]) == channel.id and "interaction_metadata" not in m
    ]


async def test_moderators_follow_list_preview_poll_and_remove_a_feed(db_path, site):
    site.put_rss("/feed.xml", "Test Mobile Wire", news(site, ["Nothing Phone 7", "OnePlus 44"]))
    site.put(
        "/",
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
        'href="/feed.xml"></head><body>Home</body></html>',
        "text/html",
    )
    async with fake_discord() as fake:
        server = add_server(fake, "A")
        async with running_bot(bot_settings(fake, db_path, feed_tick=0.05)) as bot:
            pointed = await ask(fake, server, server.moderator, "feed add", {"url": site.base + "/"})
            assert f"its feed is at {site.base}/feed.xml" in pointed["content"]
            assert feed_articles(bot) == []

            preview = embed_text(
                await ask(fake, server, server.moderator, "feed preview", {"url": site.base + "/feed.xml"})
            )
            assert "Nothing Phone 7" in preview and "battery: 5000 mAh" in preview
            assert "Nothing was stored" in preview and feed_articles(bot) == []

            added = await ask(
                fake, server, server.moderator, "feed add", {"url": site.base + "/feed.xml", "backfill": 5}
            )
            assert "Following **#1 Test Mobile Wire** (RSS 2.0)" in added["content"], added
            # the poll records its time after it has stored the entries: wait for both
            await fake.wait_until(
                lambda: len(feed_articles(bot)) == 2 and polled_feeds(bot) == 1,
                timeout=ANSWER_TIMEOUT,
                what="the feed's entries stored and its poll recorded",
            )
            assert {row[1] for row in feed_articles(bot)} == {server.id}

            listed = embed_text(await ask(fake, server, server.moderator, "feed list"))
            assert "Test Mobile Wire" in listed and "last poll <t:" in listed, listed

            site.put_rss(
                "/feed.xml",
                "Test Mobile Wire",
                news(site, ["Nothing Phone 7", "OnePlus 44", "Honor Magic 31"]),
            )
            polled = await ask(fake, server, server.moderator, "feed poll", {"feed": "1"})
            assert "1 new articles" in polled["content"], polled
            assert len(feed_articles(bot)) == 3

            with pytest.raises(PermissionError):  # hidden from members by default
                await fake.send_command(server.id, server.general.id, server.member.id, "feed list", {})

            removed = await ask(fake, server, server.moderator, "feed remove", {"feed": "1"})
            assert "No longer following #1" in removed["content"]
            assert "follows no feeds" in embed_text(await ask(fake, server, server.moderator, "feed list"))
            assert len(feed_articles(bot)) == 3  # its articles stay


async def test_a_feed_gone_for_a_day_is_paused_and_the_moderators_told_once(db_path, site):
    site.put_rss("/feed.xml", "Fading News", news(site, ["Nothing Phone 7"]))
    async with fake_discord() as fake:
        server = add_server(fake, "A")
        alerts = server.guild.add_channel("alerts")
        async with running_bot(bot_settings(fake, db_path, feed_tick=0.05)) as bot:
            await ask(
                fake,
                server,
                server.moderator,
                "digest subscribe",
                {"channel": alerts.id, "cadence": "weekly", "time": "09:00", "timezone": "UTC"},
            )
            await ask(fake, server, server.moderator, "feed add", {"url": site.base + "/feed.xml"})
            await fake.wait_until(
                lambda: len(feed_articles(bot)) == 1, timeout=ANSWER_TIMEOUT, what="the first poll"
            )
            del site.resources["/feed.xml"]
            polled = await ask(fake, server, server.moderator, "feed poll", {})
            assert "404" in polled["content"], polled
            a_day_ago = (datetime.now(UTC) - timedelta(days=1, minutes=1)).isoformat()

            def gone_for_a_day(store):
                with store.db.atomic():
                    store.db.execute(
                        "UPDATE feeds SET gone_since = ?, next_poll_at = ?", [a_day_ago, a_day_ago]
                    )

            await bot.run_store(gone_for_a_day)
            await fake.wait_until(
                lambda: posted_in(fake, alerts), timeout=ANSWER_TIMEOUT, what="the pause notice"
            )
            loop = bot.get_cog("FeedGroup").poll_due
            ticks = loop.current_loop
            await fake.wait_until(
                lambda: loop.current_loop >= ticks + TICKS_AFTER,
                timeout=ANSWER_TIMEOUT,
                what="more feed loop runs",
            )
            [notice] = posted_in(fake, alerts)
            text = embed_text(notice)
            assert "Fading News" in text and "paused" in text and "for more than a day" in text
            assert "/feed poll feed:1" in text
            listed = embed_text(await ask(fake, server, server.moderator, "feed list"))
            assert "paused" in listed and "404" in listed


async def test_instant_claims_are_posted_once_through_a_500_and_a_restart(db_path, site):
    site.put_rss("/feed.xml", "Instant Wire", news(site, ["Nothing Phone 7", "OnePlus 44"]))
    async with fake_discord() as fake:
        server = add_server(fake, "A")
        live = server.guild.add_channel("live")
        path = f"/channels/{live.id}/messages"
        server_error = fake.faults.server_error("POST", path)
        settings = bot_settings(fake, db_path, feed_tick=0.05)
        async with running_bot(settings) as bot:
            subscribed = await ask(
                fake, server, server.moderator, "digest subscribe", {"channel": live.id, "cadence": "instant"}
            )
            assert "within a minute" in subscribed["content"], subscribed
            earlier = (datetime.now(UTC) - timedelta(minutes=2)).isoformat(timespec="seconds")

            def made_earlier(store):  # waiting for the next minute would only slow the test
                with store.db.atomic():
                    store.db.execute("UPDATE subscriptions SET created_at = ?", [earlier])

            # both entries stored before the subscription is due and within one minute, so one
            # post holds both: an instant window is the minute, and entries stored on both sides
            # of a minute's end, or with a post between them, would rightly go out apart
            await clear_of_a_minutes_end(margin=15)
            await ask(fake, server, server.moderator, "feed add", {"url": site.base + "/feed.xml"})
            await fake.wait_until(
                lambda: len(feed_articles(bot)) == 2, timeout=ANSWER_TIMEOUT, what="the feed's entries stored"
            )
            assert posted_in(fake, live) == []
            await bot.run_store(made_earlier)
            await fake.wait_until(lambda: posted_in(fake, live), timeout=10, what="the instant post")
            assert server_error.hits == 1
            assert [r.status for r in fake.requests.matching("POST", path)] == [500, 200]
            [post] = posted_in(fake, live)
            text = embed_text(post)
            assert "Nothing Phone 7 leak" in text and "OnePlus 44 leak" in text
            assert "from 2 new articles" in text

        async with running_bot(settings) as restarted:
            loop = restarted.get_cog("Digest").deliver
            await fake.wait_until(
                lambda: loop.current_loop >= TICKS_AFTER,
                timeout=ANSWER_TIMEOUT,
                what="the restarted digest loop",
            )
            assert posted_in(fake, live) == [post]
