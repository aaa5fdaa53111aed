"""Polling feeds against a news site on 127.0.0.1: each format, full and summary-only entries,
conditional GETs, the statuses a site answers with, and an entry stored once wherever it appears."""

from __future__ import annotations

import asyncio
import gzip
from datetime import UTC, datetime, timedelta

import pytest
from site_server import Entry

from bot.feeds import FeedError, subscriptions
from bot.feeds.parse import MAX_FEED_BYTES
from bot.feeds.schedule import MAX_BACKOFF, PAUSE_AFTER_FAILURES
from bot.feeds.subscriptions import NOTICE_DUE
from bot.fetch import FetchError

UTC = UTC
NOW = datetime(2024, 3, 4, 12, 0, tzinfo=UTC)
GUILD = 4242


def claim_text(device: str, battery: int = 5000) -> str:
    return (
        f"The {device} will come with a {battery}mAh battery, a tipster says. "
        f"It is also said to pack 12GB of RAM."
    )


def entries(
    count: int, *, full: bool = True, prefix: str = "OnePlus", start: int = 1, base: str = ""
) -> list[Entry]:
    """Entries newest first, as feeds list them; each names a device of its own."""
    made, slug = [], prefix.lower().replace(" ", "-")
    for number in range(start, start + count):
        device = f"{prefix} {number + 40}"
        text = f"<p>{claim_text(device)}</p><p>More about the {device} follows soon.</p>"
        made.append(
            Entry(
                id=f"{slug}-{number}",
                url=f"{base}/news/{slug}-{number}",
                title=f"{device} leak",
                published=NOW - timedelta(days=start + count - number),
                summary=f"A short note on the {device}.",
                content=text if full else None,
            )
        )
    return list(reversed(made))


async def follow(store, poller, site, path, *, guild_id=GUILD, backfill=25, interval=15):
    document, parsed = await poller.read_feed(site.base + path)
    return subscriptions.add_feed(
        store,
        guild_id=guild_id,
        url=document.url,
        title=parsed.title,
        site_url=parsed.site_url,
        kind=parsed.kind,
        actor="test",
        backfill=backfill,
        interval_minutes=interval,
        now=NOW,
    )


def feed_articles(store, feed_id=None):
    sql = "SELECT id, title, url, outlet, published, published_basis, body, guild_id FROM articles"
    rows = store.db.execute(
        sql + (" WHERE added_by = ?" if feed_id else " WHERE added_by LIKE 'feed:%'"),
        [f"feed:{feed_id}"] if feed_id else [],
    ).fetchall()
    return [
        dict(zip(("id", "title", "url", "outlet", "published", "basis", "body", "guild"), row, strict=False))
        for row in rows
    ]


def claim_values(store, article_id):
    return {
        (row[0], row[1])
        for row in store.db.execute("SELECT attribute, value FROM claims WHERE article_id = ?", [article_id])
    }


@pytest.mark.parametrize(
    "kind, put", [("RSS 2.0", "put_rss"), ("Atom 1.0", "put_atom"), ("JSON Feed 1.1", "put_json")]
)
async def test_full_content_entries_become_articles_with_their_fields_and_claims(
    store, poller, site, kind, put
):
    written = entries(3, base=site.base)
    getattr(site, put)("/feed", "Example Mobile News", written)
    feed = await follow(store, poller, site, "/feed")
    assert feed.kind == kind and feed.title == "Example Mobile News"
    [outcome] = await poller.poll_feeds([feed], NOW)
    assert (outcome.status, outcome.stored) == ("new", 3)
    stored = {article["url"]: article for article in feed_articles(store, feed.id)}
    for entry in written:
        article = stored[entry.url]
        assert article["title"] == entry.title and article["outlet"] == "Example Mobile News"
        assert (article["published"], article["basis"]) == (entry.published.date().isoformat(), "feed")
        assert article["guild"] == GUILD and "<p>" not in article["body"]
        assert ("battery", "5000 mAh") in claim_values(store, article["id"])
    # The site answers nothing but the feed itself: full content needs no page fetch.
    assert {served.path for served in site.served} == {"/feed"}


async def test_summary_only_entries_take_the_linked_pages_text(store, poller, site):
    written = entries(2, full=False, base=site.base)
    for entry in written:
        device = entry.title.removesuffix(" leak")
        site.put_page(
            entry.url.removeprefix(site.base),
            entry.title,
            [
                claim_text(device, 4800),
                f"The {device} is expected in spring, the "
                f"report adds, with a new hinge design for the lineup.",
            ],
        )
    site.put_atom("/atom.xml", "Summary Site", written)
    feed = await follow(store, poller, site, "/atom.xml")
    [outcome] = await poller.poll_feeds([feed], NOW)
    assert outcome.stored == 2
    for article in feed_articles(store, feed.id):
        assert "4800mAh" in article["body"] and "A short note" not in article["body"]
        assert ("battery", "4800 mAh") in claim_values(store, article["id"])
    assert sorted(served.path for served in site.served if served.path.startswith("/news/")) == sorted(
        entry.url.removeprefix(site.base) for entry in written
    )


async def test_an_unchanged_feed_is_asked_for_conditionally_and_answers_304(store, poller, site):
    site.put_rss("/feed", "News", entries(2, base=site.base))
    feed = await follow(store, poller, site, "/feed")
    await poller.poll_feeds([feed], NOW)
    later = NOW + timedelta(minutes=20)
    [again] = await poller.poll_due(later)
    assert again.status == "unchanged"
    last = site.requests_to("/feed")[-1]
    assert last.status == 304 and last.headers["If-None-Match"].startswith('"v')
    assert "If-Modified-Since" in last.headers
    assert len(feed_articles(store, feed.id)) == 2
    polled = subscriptions.feed(store, feed.id)
    assert polled.failures == 0 and polled.last_status == "304"


async def test_the_next_poll_comes_after_the_interval_with_jitter(store, poller, site):
    site.put_rss("/feed", "News", entries(1, base=site.base))
    feed = await follow(store, poller, site, "/feed", interval=30)
    await poller.poll_feeds([feed], NOW)
    next_poll = datetime.fromisoformat(subscriptions.feed(store, feed.id).next_poll_at)
    assert timedelta(minutes=27) <= next_poll - NOW <= timedelta(minutes=33)
    assert await poller.poll_due(NOW + timedelta(minutes=26)) == []


async def test_a_429_with_retry_after_is_honoured_for_the_whole_host(store, poller, site):
    site.put_rss("/a", "A", entries(1, prefix="Honor Magic", base=site.base))
    site.put_rss("/b", "B", entries(1, prefix="Motorola Edge", base=site.base))
    first = await follow(store, poller, site, "/a")
    second = await follow(store, poller, site, "/b")
    site.script("/a", 429, {"Retry-After": "3600"})
    [outcome] = await poller.poll_feeds([first], NOW)
    assert outcome.status == "failed" and "429" in outcome.error and "3600 s" in outcome.error
    failing = subscriptions.feed(store, first.id)
    assert failing.failures == 1
    assert datetime.fromisoformat(failing.next_poll_at) >= NOW + timedelta(seconds=3600)
    asked = len(site.served)
    [waiting] = await poller.poll_feeds([second], NOW + timedelta(minutes=5))
    assert waiting.status == "waiting" and len(site.served) == asked  # the host is left alone
    outcomes = await poller.poll_due(NOW + timedelta(hours=1, minutes=1))
    assert {outcome.status for outcome in outcomes} == {"new"}
    assert len(feed_articles(store)) == 2


async def test_a_503_date_retry_after_and_a_500_back_off_then_recover(store, poller, site):
    site.put_rss("/feed", "News", entries(2, base=site.base))
    feed = await follow(store, poller, site, "/feed", interval=10)
    site.script("/feed", 500)
    site.script("/feed", 500)
    [first] = await poller.poll_feeds([feed], NOW)
    assert first.status == "failed" and "500" in first.error
    after_one = subscriptions.feed(store, feed.id)
    wait_one = datetime.fromisoformat(after_one.next_poll_at) - NOW
    [second] = await poller.poll_feeds([after_one], NOW + wait_one)
    after_two = subscriptions.feed(store, feed.id)
    wait_two = datetime.fromisoformat(after_two.next_poll_at) - (NOW + wait_one)
    assert after_two.failures == 2 and wait_two > wait_one * 1.5  # doubled, give or take jitter
    assert "500" in after_two.last_error
    [recovered] = await poller.poll_feeds([after_two], NOW + timedelta(hours=1))
    assert recovered.stored == 2 and subscriptions.feed(store, feed.id).failures == 0
    site.script("/feed", 503, {"Retry-After": "Mon, 04 Mar 2024 20:00:00 GMT"})
    [unavailable] = await poller.poll_feeds([subscriptions.feed(store, feed.id)], NOW)
    assert unavailable.status == "failed"
    assert subscriptions.feed(store, feed.id).next_poll_at >= "2024-03-04T20:00"


def test_backoff_stops_at_six_hours():
    from bot.feeds.schedule import backoff

    assert backoff(timedelta(minutes=15), 1) == timedelta(minutes=30)
    assert backoff(timedelta(minutes=15), 12) == MAX_BACKOFF


async def test_a_permanent_redirect_moves_the_feed_and_a_temporary_one_does_not(store, poller, site):
    site.put_rss("/new-feed", "News", entries(1, base=site.base))
    site.put_rss("/old-feed", "News", entries(1, base=site.base))
    feed = await follow(store, poller, site, "/old-feed")
    site.script("/old-feed", 302, {"Location": "/new-feed"})
    await poller.poll_feeds([feed], NOW)
    assert subscriptions.feed(store, feed.id).url == site.base + "/old-feed"
    site.script("/old-feed", 301, {"Location": "/new-feed"})
    await poller.poll_feeds([subscriptions.feed(store, feed.id)], NOW + timedelta(hours=1))
    moved = subscriptions.feed(store, feed.id)
    assert moved.url == site.base + "/new-feed"
    assert [row["action"] for row in store.history(f"feed:{feed.id}")][-1] == "feed.moved"
    assert len(feed_articles(store)) == 1


async def test_a_gzipped_feed_is_read(store, poller, site):
    site.put_rss("/feed", "News", entries(2, base=site.base))
    feed = await follow(store, poller, site, "/feed")
    await poller.poll_feeds([feed], NOW)
    served = site.requests_to("/feed")[-1]
    assert "gzip" in served.headers["Accept-Encoding"] and served.encoding == "gzip"
    assert len(feed_articles(store, feed.id)) == 2


async def test_a_malformed_feed_with_entities_and_relative_links_is_still_read(store, poller, site):
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Q&A Mobile</title><link>/</link>"
        "<item><title>Honor Magic 55 &amp; more</title><link>/news/z5</link>"
        "<guid>z5</guid><description>"
        + claim_text("Honor Magic 55")
        + " &copy; Q&A</description></item></channel></rss>"
    )
    site.put("/broken", body, "application/rss+xml")
    site.put_page(
        "/news/z5",
        "Honor Magic 55",
        [claim_text("Honor Magic 55"), "The maker has said nothing about it yet."],
    )
    feed = await follow(store, poller, site, "/broken")
    [outcome] = await poller.poll_feeds([feed], NOW)
    [article] = feed_articles(store, feed.id)
    assert outcome.stored == 1 and article["url"] == site.base + "/news/z5"  # made absolute
    assert article["title"] == "Honor Magic 55 & more"
    assert article["basis"] != "feed"  # the entry has no date: inferred as for any article
    assert ("battery", "5000 mAh") in claim_values(store, article["id"])


async def test_a_page_of_html_that_links_its_feed_is_pointed_to_it(poller, site):
    site.put(
        "/",
        '<!doctype html><html><head><title>Site</title><link rel="alternate" '
        'type="application/rss+xml" href="/feeds/all.xml"></head><body>Hi</body></html>',
        "text/html",
    )
    with pytest.raises(FeedError, match=f"that page is HTML; its feed is at {site.base}/feeds/all.xml"):
        await poller.read_feed(site.base + "/")
    site.put("/plain", "<!doctype html><html><body>No feed here</body></html>", "text/html")
    with pytest.raises(FeedError, match="links no feed"):
        await poller.read_feed(site.base + "/plain")


async def test_a_feed_past_five_megabytes_is_refused_with_the_reason(store, poller, site):
    site.put("/huge", "<rss>" + "x" * (MAX_FEED_BYTES + 10) + "</rss>", "application/rss+xml")
    with pytest.raises(FetchError, match="larger than 5,000,000 bytes"):
        await poller.read_feed(site.base + "/huge")


async def test_a_private_address_is_refused_without_the_exemption(store, site):
    from bot.feeds.poll import Poller, serial_runner

    strict = Poller(serial_runner(store))
    try:
        with pytest.raises(FetchError, match="loopback"):
            await strict.read_feed(site.base + "/feed")
    finally:
        await strict.aclose()


async def test_a_404_feed_is_paused_after_a_day_and_the_notice_is_due_once(store, poller, site):
    site.put_rss("/feed", "News", entries(1, base=site.base))
    feed = await follow(store, poller, site, "/feed")
    del site.resources["/feed"]
    [first] = await poller.poll_feeds([feed], NOW)
    assert first.status == "failed" and "404" in first.error
    [still] = await poller.poll_due(NOW + timedelta(hours=2))
    assert still.status == "failed"
    [paused] = await poller.poll_due(NOW + timedelta(days=1, hours=1))
    assert paused.status == "paused" and "for more than a day" in paused.error
    assert [f.id for f in subscriptions.pending_notices(store)] == [feed.id]
    assert subscriptions.feed(store, feed.id).notice == NOTICE_DUE
    asked = len(site.served)
    assert await poller.poll_due(NOW + timedelta(days=5)) == []
    assert len(site.served) == asked
    resumed = subscriptions.resume_feed(store, feed.id, actor="test", now=NOW + timedelta(days=5))
    assert resumed.paused_at is None and resumed.failures == 0 and resumed.notice is None


async def test_a_feed_removed_after_it_was_named_is_refused_when_resumed_not_polled_as_nothing(
    store, poller, site
):
    """`feeds poll X` and `/feed poll` name the feed, then resume it in a transaction of its own:
    another moderator (or process) may remove it in between. It is then a clear FeedError; it was
    returned as None, which the poller then crashed on."""
    site.put_rss("/feed", "News", entries(1, base=site.base))
    feed = await follow(store, poller, site, "/feed")
    named = subscriptions.find_feed(store, GUILD, str(feed.id))
    subscriptions.remove_feed(store, guild_id=GUILD, given=str(feed.id), actor="another moderator")
    asked = len(site.served)
    with pytest.raises(FeedError, match=f"#{feed.id} is no longer followed"):
        subscriptions.resume_feed(store, named.id, actor="test", now=NOW)
    assert len(site.served) == asked


async def test_twenty_failures_in_a_row_pause_a_feed(store, poller, site):
    site.put_rss("/feed", "News", entries(1, base=site.base))
    feed = await follow(store, poller, site, "/feed")
    site.script("/feed", 500, times=PAUSE_AFTER_FAILURES)
    moment = NOW
    for _ in range(PAUSE_AFTER_FAILURES):
        [outcome] = await poller.poll_feeds([subscriptions.feed(store, feed.id)], moment)
        moment += timedelta(hours=7)
    assert outcome.status == "paused" and f"{PAUSE_AFTER_FAILURES} polls in a row" in outcome.error


async def test_an_entry_in_two_feeds_is_stored_once(store, poller, site):
    shared = entries(1, prefix="Xiaomi", base=site.base)
    site.put_rss("/one", "One", shared + entries(1, prefix="Motorola Edge", base=site.base))
    site.put_atom("/two", "Two", shared)
    one = await follow(store, poller, site, "/one")
    two = await follow(store, poller, site, "/two")
    [first] = await poller.poll_feeds([one], NOW)
    [second] = await poller.poll_feeds([two], NOW)
    assert (first.stored, second.stored, second.duplicates) == (2, 0, 1)
    assert len(feed_articles(store)) == 2


async def test_the_same_entry_under_a_new_id_or_url_is_found_by_url_or_body(store, poller, site):
    [entry] = entries(1, base=site.base)
    site.put_rss("/feed", "News", [entry])
    feed = await follow(store, poller, site, "/feed")
    await poller.poll_feeds([feed], NOW)
    new_id = Entry(id="another-id", url=entry.url, title=entry.title, content=entry.content)
    new_url = Entry(id="third-id", url=site.base + "/moved/1", title=entry.title, content=entry.content)
    site.put_rss("/feed", "News", [new_id, new_url])
    [outcome] = await poller.poll_feeds([subscriptions.feed(store, feed.id)], NOW + timedelta(hours=1))
    assert (outcome.stored, outcome.duplicates) == (0, 2)
    assert len(feed_articles(store)) == 1


async def test_a_feed_that_re_dates_and_re_orders_its_entries_adds_nothing(store, poller, site):
    written = entries(4, base=site.base)
    site.put_rss("/feed", "News", written)
    feed = await follow(store, poller, site, "/feed")
    await poller.poll_feeds([feed], NOW)
    shuffled = [
        Entry(e.id, e.url, e.title, NOW + timedelta(days=3), e.summary, e.content) for e in reversed(written)
    ]
    site.put_rss("/feed", "News", shuffled)
    [outcome] = await poller.poll_feeds([subscriptions.feed(store, feed.id)], NOW + timedelta(hours=1))
    assert (outcome.status, outcome.stored) == ("new", 0)
    assert len(feed_articles(store)) == 4


async def test_duplicate_guids_in_one_feed_count_once(store, poller, site):
    [entry] = entries(1, base=site.base)
    copy = Entry(
        entry.id,
        site.base + "/news/copy",
        entry.title + " (again)",
        entry.published,
        entry.summary,
        "<p>" + claim_text("Motorola Edge 77") + "</p>",
    )
    site.put_rss("/feed", "News", [entry, copy])
    feed = await follow(store, poller, site, "/feed")
    [outcome] = await poller.poll_feeds([feed], NOW)
    assert outcome.stored == 1 and feed_articles(store)[0]["url"] == entry.url


async def test_backfill_stores_the_newest_entries_and_leaves_the_others_out(store, poller, site):
    written = entries(6, base=site.base)
    site.put_rss("/feed", "News", written)
    feed = await follow(store, poller, site, "/feed", backfill=2)
    [outcome] = await poller.poll_feeds([feed], NOW)
    assert (outcome.stored, outcome.skipped) == (2, 4)
    assert {a["url"] for a in feed_articles(store)} == {e.url for e in written[:2]}
    newer = entries(1, start=7, base=site.base)
    site.put_rss("/feed", "News", newer + written)
    [later] = await poller.poll_feeds([subscriptions.feed(store, feed.id)], NOW + timedelta(hours=1))
    assert later.stored == 1 and len(feed_articles(store)) == 3


async def test_a_summary_only_entry_whose_page_fails_is_retried_then_kept_as_its_summary(store, poller, site):
    [entry] = entries(1, full=False, base=site.base)
    entry.summary = claim_text("Nothing Phone 9")
    site.put_rss("/feed", "News", [entry])
    feed = await follow(store, poller, site, "/feed")
    moment = NOW
    for attempt in range(3):
        [outcome] = await poller.poll_feeds([subscriptions.feed(store, feed.id)], moment)
        moment += timedelta(hours=1)
        if attempt < 2:
            assert outcome.stored == 0
    assert outcome.stored == 1
    [article] = feed_articles(store)
    assert "Nothing Phone 9" in article["body"]
    assert len(site.requests_to(entry.url.removeprefix(site.base))) == 3


async def test_feeds_of_two_servers_keep_their_articles_apart(store, poller, site):
    site.put_rss("/feed", "News", entries(1, base=site.base))
    mine = await follow(store, poller, site, "/feed", guild_id=1)
    theirs = await follow(store, poller, site, "/feed", guild_id=2)
    await poller.poll_feeds([mine], NOW)
    await poller.poll_feeds([theirs], NOW)
    assert sorted(a["guild"] for a in feed_articles(store)) == [1, 2]
    with pytest.raises(FeedError, match="already followed"):
        await follow(store, poller, site, "/feed", guild_id=1)


async def test_backfill_applies_to_the_first_poll_that_reads_the_feed_even_after_failures(
    store, poller, site
):
    site.put_rss("/feed", "News", entries(5, base=site.base))
    feed = await follow(store, poller, site, "/feed", backfill=1)
    site.script("/feed", 500)
    await poller.poll_feeds([feed], NOW)
    [outcome] = await poller.poll_feeds([subscriptions.feed(store, feed.id)], NOW + timedelta(hours=1))
    assert (outcome.stored, outcome.skipped) == (1, 4)


async def test_a_feed_in_a_wrong_declared_encoding_is_still_read(store, poller, site):
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Café Móvil</title><item><title>Honor Magic 31 – café edition</title>"
        "<link>/news/cafe</link><guid>cafe</guid><content:encoded "
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<![CDATA[<p>" + claim_text("Honor Magic 31") + " Déjà vu.</p>]]></content:encoded>"
        "</item></channel></rss>"
    )
    site.put("/latin", "", "application/rss+xml")
    site.resources["/latin"].body = body.encode("cp1252")  # says utf-8, is not
    feed = await follow(store, poller, site, "/latin")
    assert feed.title == "Café Móvil"
    [outcome] = await poller.poll_feeds([feed], NOW)
    [article] = feed_articles(store, feed.id)
    assert outcome.stored == 1 and "Déjà vu" in article["body"]
    assert article["title"] == "Honor Magic 31 – café edition"


async def test_a_compressed_feed_that_decodes_past_the_cap_is_refused(poller, site):
    bomb = gzip.compress(b"<rss>" + b" " * (MAX_FEED_BYTES + 100_000) + b"</rss>")
    site.script("/bomb", 200, {"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}, body=bomb)
    assert len(bomb) < MAX_FEED_BYTES // 100
    with pytest.raises(FetchError, match="the feed at .* is larger than 5,000,000 bytes"):
        await poller.read_feed(site.base + "/bomb")


async def test_a_feed_url_with_a_password_is_refused_before_any_request(poller, site):
    with pytest.raises(FetchError, match="user name or password"):
        await poller.read_feed(site.base.replace("http://", "http://reader:secret@") + "/feed")
    assert site.served == []


async def test_one_request_at_a_time_reaches_a_host_however_many_feeds_it_has(store, poller, site):
    followed = []
    for number in range(4):
        site.put_rss(
            f"/feed{number}",
            f"Feed {number}",
            entries(2, full=False, prefix="Honor Magic", start=10 * number + 1, base=site.base),
        )
        followed.append(await follow(store, poller, site, f"/feed{number}"))
    for entry_path in [f"/news/honor-magic-{10 * n + k}" for n in range(4) for k in (1, 2)]:
        site.put_page(entry_path, "Story", [claim_text("Honor Magic 99"), entry_path])
    site.delay, site.most_in_flight = 0.02, 0
    outcomes = await poller.poll_feeds(followed, NOW)
    assert sum(outcome.stored for outcome in outcomes) == 8
    assert site.most_in_flight == 1


async def test_of_two_processes_on_one_store_only_the_lease_holder_polls(store, poller, site):
    from bot import leases
    from bot.feeds.poll import POLLER_LEASE

    site.put_rss("/feed", "News", entries(1, base=site.base))
    await follow(store, poller, site, "/feed")
    asked = len(site.served)
    assert leases.take(store, POLLER_LEASE, "the other process", 60)
    assert await poller.poll_due_once("this process") is None
    assert len(site.served) == asked and feed_articles(store) == []
    leases.release(store, POLLER_LEASE, "the other process")
    [outcome] = await poller.poll_due_once("this process")
    assert outcome.stored == 1 and leases.holder(store, POLLER_LEASE) is None


async def test_a_poll_asked_for_while_the_feed_is_being_polled_waits_its_turn(store, poller, site):
    site.put_rss("/feed", "Example Mobile News", entries(3, base=site.base))
    feed = await follow(store, poller, site, "/feed")
    first, second = await asyncio.gather(poller.poll_feeds([feed], NOW), poller.poll_feeds([feed], NOW))
    assert [outcome.status for outcome in first + second if outcome.status == "waiting"] == []
    assert len(feed_articles(store, feed.id)) == 3
