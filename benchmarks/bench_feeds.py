"""Feeds end to end, by hand (not part of the test suite):

    python benchmarks/bench_feeds.py [--feeds 200] [--entries 25] [--hosts 10]

A news site in a child process serves `--feeds` RSS feeds of `--entries` entries each, spread over
`--hosts` loopback addresses (127.0.0.1, 127.0.0.2, ...: the poller takes one request at a time
per host, as it would on the internet); half the feeds carry the full text, half only a summary
and link their pages, which are served too. The articles are article_generator.py's generated phone
news, never real articles. In one run it measures:

  1. baseline: the same articles, written as files, stored with `ingest` (read, extract, store);
  2. the first poll of every feed, end to end (fetch, parse, fetch linked pages, extract, store),
     in articles per second, beside the baseline;
  3. a second poll with nothing changed: every feed answers 304; the requests and the time;
  4. `/spec` latency (p50, p99) on a reading connection of its own, one question at a time, as
     the bot answers, while the first poll runs, beside the same questions asked with the store
     idle afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "feeds"))

from site_server import Entry, Site, page, rss  # noqa: E402

from benchmarks.article_generator import make_article  # noqa: E402
from bot.answers.spec import spec  # noqa: E402
from bot.articles import parse_article  # noqa: E402
from bot.feeds import subscriptions  # noqa: E402
from bot.feeds.poll import Poller, serial_runner  # noqa: E402
from bot.ingest import ingest_paths, seed_store  # noqa: E402
from bot.store import Store  # noqa: E402

UTC = UTC
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)
SPEC_PAUSE = 0.02  # seconds between two /spec questions: a busy server, not a flood


def build_site(feeds: int, entries: int, seed: int = 7):
    """The documents of the site by path, and each article as a file would hold it."""
    rng = random.Random(seed)
    documents: dict[str, tuple[str, str]] = {}
    files: list[tuple[str, str]] = []
    feed_entries: dict[int, list[Entry]] = {}
    for feed in range(feeds):
        full = feed % 2 == 0
        written = []
        for number in range(entries):
            text = make_article(rng, feed * entries + number)
            article = parse_article(text, "x")
            path = f"/news/{feed}/{number}"
            paragraphs = [p for p in article.body.split("\n\n") if p.strip()]
            html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            published = (
                datetime.fromisoformat(article.published).replace(tzinfo=UTC) if article.published else None
            )
            written.append(
                Entry(
                    id=f"bench-{feed}-{number}",
                    url=path,
                    title=article.title or f"Story {feed}-{number}",
                    published=published,
                    summary=paragraphs[0][:200],
                    content=html if full else None,
                )
            )
            if not full:
                documents[path] = (page(article.title or "Story", paragraphs), "text/html; charset=utf-8")
            header = f"title: {article.title}\n" + (
                f"date: {article.published}\n" if article.published else ""
            )
            files.append((f"{feed:03d}-{number:02d}.txt", header + "\n" + article.body))
        feed_entries[feed] = written
    return documents, files, feed_entries


def serve(documents, feed_entries, hosts: int, ports) -> None:
    """The child process: the site on every loopback host, until it is terminated."""
    from aiohttp import web

    async def main():
        site = Site()
        runner = web.AppRunner(site.app())
        await runner.setup()
        bound = []
        for host in range(hosts):
            tcp = web.TCPSite(runner, f"127.0.0.{host + 1}", 0)
            await tcp.start()
            bound.append(tcp._server.sockets[0].getsockname()[1])
        for path, (text, kind) in documents.items():
            site.put(path, text, kind)
        for feed, written in feed_entries.items():
            base = f"http://127.0.0.{feed % hosts + 1}:{bound[feed % hosts]}"
            absolute = [
                Entry(e.id, base + e.url, e.title, e.published, e.summary, e.content) for e in written
            ]
            site.put(
                f"/feeds/{feed}.xml",
                rss(f"Bench Outlet {feed}", absolute, link=base + "/"),
                "application/rss+xml",
            )
        ports.put(bound)
        await asyncio.Event().wait()

    asyncio.run(main())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def ask_spec(run, devices: list[str], stop: asyncio.Event | None, count: int | None):
    """Time `/spec` questions through the store runner until stopped (or `count` asked)."""
    timings = []
    index = 0
    while (stop is None or not stop.is_set()) and (count is None or index < count):
        device = devices[index % len(devices)]
        started = time.perf_counter()
        await run(spec, device)
        timings.append((time.perf_counter() - started) * 1000)
        index += 1
        await asyncio.sleep(SPEC_PAUSE)
    return timings


async def measure(args, bases: list[str], files_dir: Path, work: Path) -> None:
    count = args.feeds * args.entries
    print(
        f"{args.feeds} feeds x {args.entries} entries = {count} articles, half summary-only, "
        f"on {args.hosts} hosts"
    )

    with Store(work / "files.db") as store:
        started = time.perf_counter()
        report = ingest_paths(store, [files_dir])
        files_seconds = time.perf_counter() - started
    files_rate = report.count("stored") / files_seconds
    print(
        f"baseline, ingest of the same articles as files: {report.count('stored')} stored in "
        f"{files_seconds:.1f} s = {files_rate:.0f} articles/s"
    )

    store = Store(work / "feeds.db")
    seed_store(store)
    devices = [
        row[0]
        for row in store.db.execute("SELECT name FROM subjects WHERE kind = 'device' ORDER BY id LIMIT 10")
    ]
    now = datetime.now(UTC)
    for feed in range(args.feeds):
        base = bases[feed % args.hosts]
        subscriptions.add_feed(
            store,
            guild_id=None,
            url=f"{base}/feeds/{feed}.xml",
            title=None,
            site_url=None,
            kind="RSS 2.0",
            actor="bench",
            backfill=args.entries,
            now=now,
        )
    run = serial_runner(store)
    answers = store.reader()  # as the bot answers: a reading connection of its own
    ask = serial_runner(answers)
    poller = Poller(run, exempt=LOOPBACK)
    try:
        stop = asyncio.Event()
        asking = asyncio.create_task(ask_spec(ask, devices, stop, None))
        started = time.perf_counter()
        outcomes = await poller.poll_due(now)
        poll_seconds = time.perf_counter() - started
        stop.set()
        during = await asking
        stored = sum(outcome.stored for outcome in outcomes)
        failed = [o for o in outcomes if o.status not in ("new", "unchanged")]
        first_requests = poller.requests
        rate = stored / poll_seconds
        print(
            f"first poll, end to end: {stored} stored in {poll_seconds:.1f} s = {rate:.0f} "
            f"articles/s ({rate / files_rate:.2f}x the files baseline); {first_requests} "
            f"requests; {len(failed)} feeds failed"
        )
        for outcome in failed[:5]:
            print(f"    {outcome.line()}")

        with store.write():
            store.db.execute("UPDATE feeds SET next_poll_at = ?", [now.isoformat()])
        started = time.perf_counter()
        again = await poller.poll_due(now + timedelta(minutes=20))
        second_seconds = time.perf_counter() - started
        unchanged = sum(1 for outcome in again if outcome.status == "unchanged")
        print(
            f"second poll, nothing changed: {poller.requests - first_requests} requests "
            f"({unchanged} answered 304), {second_seconds * 1000:.0f} ms, "
            f"{sum(o.stored for o in again)} stored"
        )

        idle = await ask_spec(ask, devices, None, max(len(during), 200))
        print(
            f"/spec during the first poll: p50 {statistics.median(during):.1f} ms, p99 "
            f"{percentile(during, 0.99):.1f} ms ({len(during)} questions); with the store idle: "
            f"p50 {statistics.median(idle):.1f} ms, p99 {percentile(idle, 0.99):.1f} ms; "
            f"p99 ratio {percentile(during, 0.99) / percentile(idle, 0.99):.1f}x"
        )
    finally:
        await poller.aclose()
        answers.close()
        store.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=25)
    parser.add_argument("--hosts", type=int, default=10)
    args = parser.parse_args(argv)
    documents, files, feed_entries = build_site(args.feeds, args.entries)
    context = multiprocessing.get_context("spawn")
    ports = context.Queue()
    server = context.Process(target=serve, args=(documents, feed_entries, args.hosts, ports), daemon=True)
    server.start()
    try:
        bound = ports.get(timeout=120)
        bases = [f"http://127.0.0.{host + 1}:{port}" for host, port in enumerate(bound)]
        with tempfile.TemporaryDirectory() as temp:
            work = Path(temp)
            files_dir = work / "articles"
            files_dir.mkdir()
            for name, text in files:
                (files_dir / name).write_text(text, encoding="utf-8")
            asyncio.run(measure(args, bases, files_dir, work))
    finally:
        server.terminate()
        server.join(10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
