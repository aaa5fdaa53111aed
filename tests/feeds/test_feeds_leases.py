"""A feed poll is once-only work across processes: each poll is taken through a lease in the store,
so two pollers on one store (two bot processes, or the bot and `feeds poll --watch`) fetch a due
feed once, and a poller that died holding a feed's lease delays it only until the lease runs out.

Each "process" is a Poller with its own Store connection on the same file and its own owner name.
"""

from __future__ import annotations

import asyncio
import ipaddress

from test_feeds_polling import NOW, entries, feed_articles, follow

from bot import leases
from bot.feeds.poll import Poller, serial_runner
from bot.store import Store

LEASE = 0.3
LOCALHOST_ONLY = (ipaddress.ip_network("127.0.0.1/32"),)  # the site of the test, and nothing else


def feed_fetches(site) -> int:
    return sum(1 for served in site.served if served.path == "/feed")


async def test_a_due_feed_is_fetched_once_by_two_processes_polling_at_once(store, poller, site):
    site.put_rss("/feed", "Example Mobile News", entries(3, base=site.base))
    feed = await follow(store, poller, site, "/feed")
    fetched = feed_fetches(site)
    with Store(store.path) as other_store:
        other = Poller(serial_runner(other_store), exempt=LOCALHOST_ONLY, owner="other process")
        try:
            results = await asyncio.gather(poller.poll_due(NOW), other.poll_due(NOW))
            assert await other.poll_due(NOW) == [] and await poller.poll_due(NOW) == []
        finally:
            await other.aclose()
    outcomes = [outcome for result in results for outcome in result]
    assert [outcome.status for outcome in outcomes if outcome.status != "waiting"] == ["new"]
    assert feed_fetches(site) - fetched == 1
    assert len(feed_articles(store, feed.id)) == 3


async def test_a_feed_whose_poller_died_is_polled_once_its_lease_runs_out(store, site):
    site.put_rss("/feed", "Example Mobile News", entries(2, base=site.base))
    survivor = Poller(serial_runner(store), exempt=LOCALHOST_ONLY, owner="survivor", lease_seconds=LEASE)
    try:
        feed = await follow(store, survivor, site, "/feed")
        # A process killed in the middle of its poll: the lease stays until it runs out.
        assert leases.take(store, f"feed:{feed.id}", "killed process", LEASE)
        [waiting] = await survivor.poll_due(NOW)
        assert (waiting.status, waiting.error) == ("waiting", "another process is polling it right now")
        assert feed_articles(store, feed.id) == []
        await asyncio.sleep(LEASE + 0.05)
        [polled] = await survivor.poll_due(NOW)
        assert (polled.status, polled.stored) == ("new", 2)
        assert leases.holder(store, f"feed:{feed.id}") is None
    finally:
        await survivor.aclose()
