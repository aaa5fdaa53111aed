"""Scheduled digests through the real bot and the fake's channel API: once per window, whatever
Discord answers on the way, across a restart; a refused post shows as failing in /digest list.

A subscription is made due as a moderator makes it, then its creation is moved two days back
(the one thing not done through Discord: waiting for a real window would take a day).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.e2e.helpers import (
    ANSWER_TIMEOUT,
    add_server,
    ask,
    bot_settings,
    embed_text,
    fake_discord,
    paste_article,
    run_command,
    running_bot,
)
from tests.fakediscord import Permission

ARTICLE = "The {device} will come with a 5000mAh battery, a reliable tipster says. It is also said to pack 12GB of RAM."
TICKS_AFTER_RESTART = 10  # digest loop runs of the restarted bot that must post nothing


async def make_due(fake, bot, server, channel, device: str) -> None:
    """A daily digest of `channel`, new claims for it, and its first window already passed."""
    _, callback = await run_command(
        fake,
        server,
        server.moderator,
        "digest subscribe",
        {"channel": channel.id, "cadence": "daily", "time": "00:00", "timezone": "UTC"},
    )
    assert "Subscribed" in callback.data["content"], callback.data
    await paste_article(
        fake, server, ARTICLE.format(device=device), title=f"{device} leak", published="2023-01-10"
    )
    earlier = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")

    def backdate(store):
        with store.db.atomic():
            store.db.execute(
                "UPDATE subscriptions SET created_at = ? WHERE channel_id = ?", [earlier, channel.id]
            )

    await bot.run_store(backdate)


def posted_in(fake, channel) -> list[dict]:
    """Messages the bot posted in a channel itself (not interaction replies)."""
    return [
        m
        for m in fake.messages.values()
        if int(m["channel_id"]) == channel.id and "interaction_metadata" not in m
    ]


def delivery_statuses(bot) -> list[str]:
    return [row[0] for row in bot.store.db.execute("SELECT status FROM deliveries ORDER BY id")]


async def test_a_due_digest_is_posted_once_through_a_429_and_a_500_and_not_again_after_a_restart(db_path):
    async with fake_discord() as fake:
        server = add_server(fake, "A")
        digests = server.guild.add_channel("digests")
        path = f"/channels/{digests.id}/messages"
        rate_limit = fake.faults.rate_limit("POST", path, retry_after=0.05)
        server_error = fake.faults.server_error("POST", path)
        settings = bot_settings(fake, db_path)
        async with running_bot(settings) as bot:
            await make_due(fake, bot, server, digests, "Nothing Phone 7")
            await fake.wait_until(
                lambda: "posted" in delivery_statuses(bot), timeout=10, what="the digest posted"
            )
            assert (rate_limit.hits, server_error.hits) == (1, 1)
            assert [r.status for r in fake.requests.matching("POST", path)] == [429, 500, 200]
            [digest] = posted_in(fake, digests)
            assert "Nothing Phone 7" in embed_text(digest)

        async with running_bot(settings) as restarted:
            loop = restarted.get_cog("Digest").deliver
            await fake.wait_until(
                lambda: loop.current_loop >= TICKS_AFTER_RESTART,
                timeout=ANSWER_TIMEOUT,
                what="the restarted digest loop running",
            )
            assert posted_in(fake, digests) == [digest]
            assert delivery_statuses(restarted) == ["posted"]


async def test_a_403_on_the_post_marks_the_subscription_failing_with_the_reason(db_path):
    async with fake_discord() as fake:
        server = add_server(fake, "A")
        news = server.guild.add_channel("news")
        settings = bot_settings(fake, db_path)
        async with running_bot(settings) as bot:
            # Send Messages is taken away and the bot is not told (no CHANNEL_UPDATE): only
            # Discord's 403 can tell it.
            news.set_overwrite(server.guild.members[fake.bot_user.id], deny=Permission.SEND_MESSAGES)
            await make_due(fake, bot, server, news, "Nothing Phone 8")
            await fake.wait_until(
                lambda: "blocked" in delivery_statuses(bot),
                timeout=ANSWER_TIMEOUT,
                what="the delivery blocked",
            )
            assert [r.status for r in fake.requests.matching("POST", f"/channels/{news.id}/messages")] == [
                403
            ]
            assert posted_in(fake, news) == []
            listed = embed_text(await ask(fake, server, server.moderator, "digest list"))
            assert "Failing" in listed and "Missing Permissions" in listed, listed


async def test_a_digest_stuck_on_5xx_holds_no_other_and_is_posted_once_later(db_path):
    """One channel's posts hang: the first lands but its answer comes too late, the next two get
    500s (discord.py alone would retry those for seconds). The other digest goes out at once;
    the stuck one is retried on later ticks, each try within its deadline, and posted once."""
    async with fake_discord() as fake:
        server = add_server(fake, "A")
        stuck, other = server.guild.add_channel("stuck"), server.guild.add_channel("other")
        stuck_path = f"/channels/{stuck.id}/messages"
        landed_late = fake.faults.slow("POST", stuck_path, seconds=5.0)
        server_errors = fake.faults.server_error("POST", stuck_path, times=2)
        async with running_bot(bot_settings(fake, db_path)) as bot:
            bot.get_cog("Digest").delivery_deadline = 0.5
            await make_due(fake, bot, server, stuck, "Nothing Phone 7")
            await make_due(fake, bot, server, other, "Nothing Phone 8")
            await fake.wait_until(
                lambda: posted_in(fake, other),
                timeout=3.5,
                what="the other digest posted while one channel is stuck",
            )
            await fake.wait_until(
                lambda: delivery_statuses(bot).count("posted") == 2,
                timeout=10,
                what="the stuck digest posted at last",
            )
            assert (landed_late.hits, server_errors.hits) == (1, 2)
            [digest] = posted_in(fake, stuck)
            assert "Nothing Phone 7" in embed_text(digest)
            nonces = {r.json["nonce"] for r in fake.requests.matching("POST", stuck_path)}
            assert len(nonces) == 1, "the retries did not carry the first try's nonce"
            assert len(posted_in(fake, other)) == 1
