"""Digests: windows, exactly-once delivery across restarts and downtime, failing channels."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from bot_test_helpers import stored_article

from bot import digests, moderation
from bot.digests import DeliveryFailed, DigestError
from bot.store import Store
from commands.render.digests import digest_pages, subscription_list_pages
from commands.render.embeds import EMBEDS_PER_MESSAGE, MESSAGE_EMBED_CHARS

UTC = UTC
HOME, OTHER = 111, 222
CHANNEL = 999
ACTOR = "discord:42"
MONDAY = datetime(2024, 5, 6, tzinfo=UTC)  # a Monday


class BotStopped(BaseException):
    """The process stopping in the middle of a post (not SystemExit: raised inside one of the
    tasks posting digests side by side, that would end the test's event loop itself)."""


class Channel:
    """A stand-in for Discord: records the pages posted, or fails the way it is told to."""

    def __init__(self):
        self.posts: list[tuple[int, list[dict], str]] = []
        self.failure: DeliveryFailed | None = None
        self.crash_after: int | None = None

    async def post(self, subscription, page, nonce):
        if self.failure:
            raise self.failure
        if self.crash_after is not None and len(self.posts) >= self.crash_after:
            raise BotStopped("the bot stopped")
        self.posts.append((subscription.id, page, nonce))
        return 5000 + len(self.posts)

    def text(self) -> str:
        return json.dumps([page for _, page, _ in self.posts], ensure_ascii=False)


def runner(store):
    async def run(function, *args):
        return function(store, *args)

    return run


async def tick(store, channel, now):
    return await digests.deliver_due(runner(store), now, channel.post, render=digest_pages)


def subscribe(
    store, now, *, guild_id=HOME, cadence="daily", at="09:00", zone="UTC", device=None, channel_id=CHANNEL
):
    subscription, _ = digests.subscribe(
        store,
        guild_id=guild_id,
        channel_id=channel_id,
        cadence=cadence,
        at=at,
        zone=zone,
        device=device,
        actor=ACTOR,
        now=now,
    )
    return subscription


def deliveries(store):
    return list(store.db["deliveries"].rows_where(order_by="id"))


@pytest.mark.parametrize(
    "cadence, at, zone, now, expected",
    [
        ("daily", "09:00", "UTC", "2024-05-06T10:00", "2024-05-06T09:00"),
        ("daily", "09:00", "UTC", "2024-05-06T08:59", "2024-05-05T09:00"),
        ("daily", "09:00", "Europe/Berlin", "2024-05-06T07:30", "2024-05-06T07:00"),
        ("daily", "23:30", "America/New_York", "2024-05-06T02:00", "2024-05-05T03:30"),
        ("weekly", "09:00", "UTC", "2024-05-08T12:00", "2024-05-06T09:00"),
        ("weekly", "09:00", "UTC", "2024-05-06T08:00", "2024-04-29T09:00"),
        # Berlin moves its clocks on 2024-03-31: 09:00 is 08:00 UTC before and 07:00 UTC after.
        ("daily", "09:00", "Europe/Berlin", "2024-03-31T07:30", "2024-03-31T07:00"),
        ("daily", "09:00", "Europe/Berlin", "2024-03-30T08:30", "2024-03-30T08:00"),
    ],
)
def test_the_due_window_is_the_latest_scheduled_time_at_or_before_now(cadence, at, zone, now, expected):
    moment = datetime.fromisoformat(now).replace(tzinfo=UTC)
    window = digests.latest_window(cadence, at, zone, moment)
    assert window == datetime.fromisoformat(expected).replace(tzinfo=UTC)
    assert digests.next_window(cadence, at, zone, moment) > moment >= window


@pytest.mark.parametrize("typed, expected", [("9", "09:00"), ("18:30", "18:30"), (" 7:05 ", "07:05")])
def test_times_of_day(typed, expected):
    assert digests.parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "9am", "12:60", ""])
def test_bad_times_are_refused(typed):
    with pytest.raises(DigestError, match="HH:MM"):
        digests.parse_time(typed)


def test_time_zones_forgive_case_and_are_offered_for_autocomplete():
    assert digests.parse_timezone("europe/berlin") == "Europe/Berlin"
    with pytest.raises(DigestError, match="time zone"):
        digests.parse_timezone("Mars/Olympus")
    assert digests.timezone_names("berl") == ["Europe/Berlin"]
    assert len(digests.timezone_names("")) == 25


async def test_a_due_digest_posts_new_claims_grouped_by_device_with_source_and_date(store):
    stored_article(store, "before")
    subscribe(store, MONDAY)
    stored_article(store, "x2-news", url="https://news.example/x2")
    stored_article(store, "y7-news", device="Contoso Y7", values=(("chipset", "Snapdragon 8 Gen 2"),))
    channel = Channel()
    assert await tick(store, channel, MONDAY + timedelta(hours=8)) == []
    outcomes = await tick(store, channel, MONDAY + timedelta(hours=9, minutes=1))
    assert [outcome.status for outcome in outcomes] == ["posted"]
    [(_, page, nonce)] = channel.posts
    assert [embed["title"] for embed in page] == ["Contoso X2", "Contoso Y7"]
    text = channel.text()
    assert "5000 mAh" in text and "Snapdragon 8 Gen 2" in text and "2023-01-10" in text
    assert "[Contoso X2 leak](https://news.example/x2)" in text
    assert "before" not in text.lower()  # only claims added after subscribing
    [row] = deliveries(store)
    assert (row["status"], json.loads(row["message_ids"]), row["window"]) == (
        "posted",
        [5001],
        "2024-05-06T09:00+00:00",
    )
    assert nonce == f"rd{row['id']}p0" and len(nonce) <= 25
    assert store.db["subscriptions"].get(1)["last_claim_id"] == row["claims_through"]


async def test_nothing_new_posts_nothing(store):
    subscribe(store, MONDAY)
    channel = Channel()
    await tick(store, channel, MONDAY + timedelta(hours=10))
    assert channel.posts == [] and [r["status"] for r in deliveries(store)] == ["empty"]
    stored_article(store, "late")  # added after the window: waits for the next one
    await tick(store, channel, MONDAY + timedelta(hours=11))
    assert channel.posts == []
    await tick(store, channel, MONDAY + timedelta(days=1, hours=10))
    assert len(channel.posts) == 1


async def test_a_window_is_posted_exactly_once_across_restarts(tmp_path):
    path = tmp_path / "claims.db"
    channel = Channel()
    with Store(path) as store:
        subscribe(store, MONDAY)
        stored_article(store, "news")
        await tick(store, channel, MONDAY + timedelta(hours=9))
        await tick(store, channel, MONDAY + timedelta(hours=9, minutes=1))
    with Store(path) as reopened:
        await tick(reopened, channel, MONDAY + timedelta(hours=9, minutes=2))
        assert len(channel.posts) == 1 and len(deliveries(reopened)) == 1


async def test_a_restart_in_the_middle_of_a_long_digest_posts_only_the_missing_pages(tmp_path):
    path = tmp_path / "claims.db"
    channel = Channel()
    with Store(path) as store:
        subscribe(store, MONDAY)
        for number in range(40):
            stored_article(
                store,
                f"news-{number}",
                device=f"Contoso X{number}",
                values=[("battery", f"{4000 + number} mAh"), ("ram", "12 GB")],
            )
        channel.crash_after = 1
        with pytest.raises(BotStopped):
            await tick(store, channel, MONDAY + timedelta(hours=9))
        [row] = deliveries(store)
        assert row["status"] == "pending" and json.loads(row["message_ids"]) == [5001]
    channel.crash_after = None
    with Store(path) as reopened:
        await tick(reopened, channel, MONDAY + timedelta(hours=9, minutes=1))
        [row] = deliveries(reopened)
        pages = [page for _, page, _ in channel.posts]
        assert len(pages) > 2 and row["status"] == "posted"
        assert json.loads(row["message_ids"]) == [5000 + n for n in range(1, len(pages) + 1)]
        assert [nonce for *_, nonce in channel.posts] == [f"rd{row['id']}p{n}" for n in range(len(pages))]
    for page in pages:
        assert len(page) <= EMBEDS_PER_MESSAGE
        assert sum(len(json.dumps(embed)) for embed in page) < MESSAGE_EMBED_CHARS * 1.2
        assert all(len(embed.get("description", "")) <= 4096 for embed in page)
    posted = "".join(json.dumps(page) for page in pages)
    assert all(f"{4000 + number} mAh" in posted for number in range(40))
    assert posted.count("4039 mAh") == 1


async def test_after_downtime_one_catch_up_digest_covers_every_missed_claim(store):
    subscribe(store, MONDAY)
    channel = Channel()
    stored_article(store, "day-0")
    await tick(store, channel, MONDAY + timedelta(hours=9))
    for day in range(1, 4):  # the bot is down from Tuesday to Thursday
        stored_article(store, f"day-{day}", device=f"Contoso Z{day}")
    await tick(store, channel, MONDAY + timedelta(days=4, hours=12))
    await tick(store, channel, MONDAY + timedelta(days=4, hours=12, minutes=1))
    assert len(channel.posts) == 2
    rows = deliveries(store)
    assert [r["window"] for r in rows] == ["2024-05-06T09:00+00:00", "2024-05-10T09:00+00:00"]
    catch_up = json.dumps(channel.posts[1][1])
    assert all(f"Contoso Z{day}" in catch_up for day in range(1, 4))


async def test_a_channel_the_bot_may_not_post_in_fails_visibly_and_loses_no_claims(store):
    subscribe(store, MONDAY)
    stored_article(store, "first")
    channel = Channel()
    channel.failure = DeliveryFailed("Missing Access: the bot may not post in <#999>", blocked=True)
    await tick(store, channel, MONDAY + timedelta(hours=9))
    await tick(store, channel, MONDAY + timedelta(hours=10))  # not retried within the window
    [row] = deliveries(store)
    assert (row["status"], row["attempts"]) == ("blocked", 1)
    [status] = digests.list_subscriptions(store, HOME, MONDAY + timedelta(hours=10))
    assert status.subscription.failing_reason.startswith("Missing Access")
    assert status.open_error.startswith("Missing Access")

    stored_article(store, "second", device="Contoso Y7")
    channel.failure = None
    await tick(store, channel, MONDAY + timedelta(days=1, hours=9))
    assert len(channel.posts) == 1
    posted = channel.text()
    assert "Contoso X2" in posted and "Contoso Y7" in posted
    assert [r["status"] for r in deliveries(store)] == ["superseded", "posted"]
    [status] = digests.list_subscriptions(store, HOME, MONDAY + timedelta(days=1, hours=10))
    assert status.subscription.failing_reason is None and status.open_error is None


async def test_digest_list_shows_the_channel_of_a_failure_reason_as_a_channel(store):
    subscribe(store, MONDAY)
    stored_article(store, "first")
    channel = Channel()
    # The reason quotes Discord's own words, which must stay text, around the bot's mention.
    channel.failure = DeliveryFailed("Discord refused my post in <#999> (**Missing** `Access`)", blocked=True)
    await tick(store, channel, MONDAY + timedelta(hours=9))
    statuses = digests.list_subscriptions(store, HOME, MONDAY + timedelta(hours=10))
    [[embed]] = subscription_list_pages(statuses)
    failing = next(line for line in embed["description"].split("\n") if "Failing" in line)
    assert "refused my post in <#999> " in failing, failing
    assert "\\*\\*Missing\\*\\* \\`Access\\`" in failing, failing


async def test_server_errors_are_retried_on_later_ticks_a_few_times(store):
    subscribe(store, MONDAY)
    stored_article(store, "news")
    channel = Channel()
    channel.failure = DeliveryFailed("503 Service Unavailable", blocked=False)
    for minute in range(digests.MAX_ATTEMPTS + 3):
        await tick(store, channel, MONDAY + timedelta(hours=9, minutes=minute))
    [row] = deliveries(store)
    assert (row["status"], row["attempts"]) == ("failed", digests.MAX_ATTEMPTS)
    channel.failure = None
    await tick(store, channel, MONDAY + timedelta(days=1, hours=9))
    assert len(channel.posts) == 1


class StuckChannel(Channel):
    """Posts to one channel hang (as discord.py's retries of a 5xx do) until released."""

    def __init__(self, stuck_channel_id: int):
        super().__init__()
        self.stuck_channel_id = stuck_channel_id
        self.released = asyncio.Event()
        self.stuck_posts = 0

    async def post(self, subscription, page, nonce):
        if subscription.channel_id == self.stuck_channel_id and not self.released.is_set():
            self.stuck_posts += 1
            await self.released.wait()
        return await super().post(subscription, page, nonce)


async def test_a_stuck_digest_holds_no_other_and_is_posted_once_later(store):
    stuck_id, other_id = 1001, 1002
    stuck = subscribe(store, MONDAY, channel_id=stuck_id)
    other = subscribe(store, MONDAY, channel_id=other_id)
    stored_article(store, "news")
    channel = StuckChannel(stuck_id)
    deadline = 0.2

    started = asyncio.get_running_loop().time()
    outcomes = await digests.deliver_due(
        runner(store), MONDAY + timedelta(hours=9), channel.post, render=digest_pages, deadline=deadline
    )
    assert asyncio.get_running_loop().time() - started < deadline * 5
    assert {o.subscription_id: o.status for o in outcomes} == {stuck.id: "failed", other.id: "posted"}
    assert [subscription_id for subscription_id, _, _ in channel.posts] == [other.id]
    [open_row] = [r for r in deliveries(store) if r["subscription_id"] == stuck.id]
    assert open_row["status"] == "failed" and "0.2 s" in open_row["last_error"]

    channel.released.set()  # Discord answers again
    await tick(store, channel, MONDAY + timedelta(hours=9, minutes=1))
    await tick(store, channel, MONDAY + timedelta(hours=9, minutes=2))
    assert sorted(subscription_id for subscription_id, _, _ in channel.posts) == sorted([other.id, stuck.id])
    assert {r["status"] for r in deliveries(store)} == {"posted"}


async def test_a_digest_due_while_another_is_stuck_goes_out_at_once_and_none_twice(store):
    """The digest loop does not wait for a stuck round: the next round, side by side with it,
    posts what became due meanwhile and leaves the stuck subscription to the round posting it."""
    stuck = subscribe(store, MONDAY, channel_id=1001)
    stored_article(store, "news")
    channel = StuckChannel(1001)
    busy: set[int] = set()
    first = asyncio.create_task(
        digests.deliver_due(
            runner(store),
            MONDAY + timedelta(hours=9),
            channel.post,
            render=digest_pages,
            deadline=30,
            busy=busy,
        )
    )
    while channel.stuck_posts == 0:
        await asyncio.sleep(0.01)
    other = subscribe(store, MONDAY, channel_id=1002)
    stored_article(store, "more", device="Contoso Y7")
    second = await asyncio.wait_for(
        digests.deliver_due(
            runner(store),
            MONDAY + timedelta(hours=9, minutes=1),
            channel.post,
            render=digest_pages,
            deadline=30,
            busy=busy,
        ),
        timeout=5,
    )
    assert [(o.subscription_id, o.status) for o in second] == [(other.id, "posted")]
    assert not first.done()
    channel.released.set()
    assert [(o.subscription_id, o.status) for o in await first] == [(stuck.id, "posted")]
    assert sorted(subscription_id for subscription_id, _, _ in channel.posts) == sorted([stuck.id, other.id])
    assert [r["status"] for r in deliveries(store)] == ["posted", "posted"] and busy == set()


async def test_a_digest_holds_only_what_its_server_sees(store):
    subscribe(store, MONDAY)
    stored_article(store, "home", guild_id=HOME, device="Contoso H1")
    stored_article(store, "other", guild_id=OTHER, device="Contoso O1")
    removed = stored_article(store, "removed", guild_id=HOME, device="Contoso R1")
    retracted = stored_article(store, "retracted", guild_id=HOME, device="Contoso T1")
    moderation.remove_article(store, "removed", guild_id=HOME, actor=ACTOR)
    moderation.retract_claim(store, retracted[0], guild_id=HOME, actor=ACTOR, reason="wrong")
    channel = Channel()
    await tick(store, channel, MONDAY + timedelta(hours=9))
    posted = channel.text()
    assert "Contoso H1" in posted and "Contoso O1" not in posted and "Contoso R1" not in posted
    assert f"claim #{retracted[0]}" not in posted and f"claim #{retracted[1]}" in posted
    assert f"claim #{removed[0]}" not in posted


async def test_a_device_subscription_holds_only_that_device(store):
    stored_article(store, "known", device="Contoso X2")
    subscribe(store, MONDAY, device="contoso x2")
    stored_article(store, "x2", device="Contoso X2", values=(("storage", "512 GB"),))
    stored_article(store, "y7", device="Contoso Y7")
    channel = Channel()
    await tick(store, channel, MONDAY + timedelta(hours=9))
    assert "512 GB" in channel.text() and "Contoso Y7" not in channel.text()


def test_an_unknown_device_is_refused(store):
    with pytest.raises(DigestError, match="No device"):
        subscribe(store, MONDAY, device="Nonexistent Phone 99")


def test_subscribing_again_changes_the_schedule_and_unsubscribing_ends_it(store):
    first = subscribe(store, MONDAY)
    again, replaced = digests.subscribe(
        store,
        guild_id=HOME,
        channel_id=CHANNEL,
        cadence="weekly",
        at="18:00",
        zone="Asia/Kolkata",
        device=None,
        actor=ACTOR,
    )
    assert replaced and again.id == first.id and again.schedule == "every Monday at 18:00 (Asia/Kolkata)"
    with pytest.raises(DigestError, match="no digest"):
        digests.unsubscribe(store, guild_id=OTHER, channel_id=CHANNEL, device=None, actor=ACTOR)
    digests.unsubscribe(store, guild_id=HOME, channel_id=CHANNEL, device=None, actor=ACTOR)
    assert digests.subscriptions(store, HOME) == []
    assert [r["action"] for r in store.history(f"subscription:{first.id}")] == [
        "digest.subscribe",
        "digest.subscribe",
        "digest.unsubscribe",
    ]


def test_a_server_sees_only_its_own_subscriptions(store):
    subscribe(store, MONDAY, guild_id=HOME)
    subscribe(store, MONDAY, guild_id=OTHER)
    assert [s.subscription.guild_id for s in digests.list_subscriptions(store, HOME, MONDAY)] == [HOME]


def test_preview_shows_what_is_waiting_without_recording_anything(store):
    subscribe(store, MONDAY)
    stored_article(store, "waiting")
    [digest] = digests.preview(store, guild_id=HOME)
    assert digest.claim_count == 2 and deliveries(store) == []
    assert digest_pages(digest)[0][0]["author"]["name"].startswith("Receipts digest: 2 new")
