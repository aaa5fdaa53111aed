"""Polling feeds: fetch each due feed politely, turn its new entries into articles, store them.

Politeness: a conditional GET (the feed's ETag and Last-Modified), one request at a time per
host (feed and linked pages alike), at most `feeds_at_once` feeds in flight, a host that answered
429 or 503 left alone for as long as it asked. Every fetch goes through `bot.fetch`, so the
moderators' url rules hold here too: public addresses only, every redirect checked, bodies capped
(a feed at 5 MB, a linked page at the article cap).

Never silent: every poll writes its outcome on the feed (last poll, last error, failures in a
row, next poll), and a feed paused for failing is marked for its server's moderators to be told.

Store work goes through `run(fn, *args)`, which runs `fn(store, *args)` one at a time (the bot's
`run_store`); parsing, page text and extraction run in one worker process, outside it and
outside the bot's GIL, so answers are not held up while a feed's entries are read.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from multiprocessing import get_context
from typing import Any

import httpx

from bot import leases
from bot.articles import MAX_ARTICLE_BYTES, ArticleError
from bot.feeds import FeedError, subscriptions
from bot.feeds.entries import entry_article
from bot.feeds.parse import MAX_FEED_BYTES, FeedEntry, ParsedFeed, parse_feed
from bot.feeds.schedule import (
    GONE_STATUSES,
    RETRY_AFTER_STATUSES,
    backoff,
    pause_reason,
    retry_after,
    with_jitter,
)
from bot.feeds.subscriptions import NOTICE_DUE, NOTICE_LISTED, Feed, iso
from bot.fetch import FetchedDocument, FetchError, Network, document_text, fetch_client, fetch_document
from bot.ingest import extract_claims
from bot.models import Article, Claim
from bot.store import Store, normalised_url

log = logging.getLogger("receipts.feeds")

FEEDS_AT_ONCE = 8
POLLER_LEASE = "feeds:poller"  # of several processes on one store, the holder polls (bot/leases.py)
MAX_ENTRY_ATTEMPTS = 3  # a summary-only entry whose page keeps failing is stored as its summary
PREVIEW_ENTRIES = 5
PENDING = "pending"

StoreRunner = Callable[..., Awaitable[Any]]

_worker: ProcessPoolExecutor | None = None


def _warm_up() -> None:
    """In the worker: Ctrl+C is the parent's to handle (it ends the worker), and the word lists
    load once, before the first entry waits for them."""
    import signal

    import bot.extract  # noqa: F401

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def cpu_worker() -> ProcessPoolExecutor:
    """The one worker process of this process's pollers (started on first use; a broken one,
    say killed by the system, is replaced)."""
    global _worker
    if _worker is None or getattr(_worker, "_broken", False):
        _worker = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"), initializer=_warm_up)
    return _worker


def serial_runner(store: Store) -> StoreRunner:
    """A `run` for use without the bot: store work in a thread, one piece at a time."""
    lock = asyncio.Lock()

    async def run(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        async with lock:
            return await asyncio.to_thread(function, store, *args, **kwargs)

    return run


@dataclass
class PollOutcome:
    """What one poll of one feed did, as the command line and `/feed poll` report it."""

    feed_id: int
    name: str
    status: str  # "new", "unchanged", "failed", "paused", "waiting"
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    pending: int = 0  # entries whose page failed; tried again at the next poll
    error: str | None = None

    def line(self) -> str:
        if self.status in ("failed", "paused", "waiting"):
            return f"{self.name}: {self.status}: {self.error}"
        if self.status == "unchanged":
            return f"{self.name}: not changed since the last poll"
        parts = [f"{self.stored} new articles"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already stored")
        if self.skipped:
            parts.append(f"{self.skipped} older entries left out (backfill)")
        return f"{self.name}: {', '.join(parts)}"


@dataclass
class EntryPreview:
    """An entry as `/feed preview` shows it: the article it would be and its claims."""

    entry: FeedEntry
    article: Article | None = None
    claims: list[Claim] = field(default_factory=list)
    error: str | None = None


def is_due(feed: Feed, now: datetime) -> bool:
    """As `subscriptions.due_feeds` reads it: not paused, and its next poll has come."""
    return feed.paused_at is None and (feed.next_poll_at is None or feed.next_poll_at <= iso(now))


def _host(url: str) -> str:
    try:
        return (httpx.URL(url).host or url).lower()
    except httpx.InvalidURL:
        return url


def _newest(entries: list[FeedEntry], count: int) -> list[FeedEntry]:
    """The `count` newest entries by date (undated ones as listed, feeds list newest first)."""
    ranked = sorted(enumerate(entries), key=lambda pair: (pair[1].published or "", -pair[0]), reverse=True)
    return [entry for _, entry in ranked[:count]]


class Poller:
    """Polls the store's feeds; one per bot (or command line run), holding the per-host limits."""

    def __init__(
        self,
        run: StoreRunner,
        *,
        exempt: Sequence[Network] = (),
        feeds_at_once: int = FEEDS_AT_ONCE,
        rng: random.Random | None = None,
        owner: str = leases.THIS_PROCESS,
        lease_seconds: float = leases.DEFAULT_LEASE_SECONDS,
    ):
        """`owner` and `lease_seconds`: the lease each poll is taken under (bot/leases.py), so
        of several processes on one store (bot processes, `feeds poll --watch`) one polls a
        feed at a time."""
        self.run = run
        self.owner = owner
        self.lease_seconds = lease_seconds
        self.exempt = exempt
        self.rng = rng or random.Random()
        self.requests = 0
        self._feeds_at_once = asyncio.Semaphore(feeds_at_once)
        self._host_locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._host_not_before: dict[str, datetime] = {}
        # One poll of a feed at a time in this process (leases keep other processes out).
        self._polling: dict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._client: httpx.AsyncClient | None = None

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def in_worker(self, function: Callable[..., Any], *args: Any) -> Any:
        """CPU work (parsing, page text, extraction) in the worker process, queued there.

        In a thread it would hold the GIL against the bot's own threads: every `/spec` answered
        meanwhile waited for it at each SQLite call (p99 of 240 ms against 15 ms idle, in
        benchmarks/bench_feeds.py); in a process it costs the answers nothing but a core.
        """
        return await asyncio.get_running_loop().run_in_executor(cpu_worker(), function, *args)

    # Fetching -----------------------------------------------------------------------------------

    @asynccontextmanager
    async def _turn(self, url: str):
        """One request at a time to a host."""
        async with self._host_locks[_host(url)]:
            yield

    async def get(
        self, url: str, *, max_bytes: int, what: str, headers: dict[str, str] | None = None
    ) -> FetchedDocument:
        if self._client is None:
            self._client = await fetch_client()
        async with self._turn(url):
            self.requests += 1
            return await fetch_document(
                url, client=self._client, exempt=self.exempt, max_bytes=max_bytes, headers=headers, what=what
            )

    async def read_feed(self, url: str) -> tuple[FetchedDocument, ParsedFeed]:
        """Fetch and parse a feed url (for `/feed add` and `/feed preview`), or FeedError."""
        document = await self.get(url, max_bytes=MAX_FEED_BYTES, what="the feed")
        if document.status != 200:
            raise FeedError(
                f"{document.url} answered {document.status} "
                f"{document.response.reason_phrase}; check that it opens in a browser."
            )
        parsed = await self.in_worker(
            parse_feed, document.body, document.url, document.headers.get("content-type", "")
        )
        return document, parsed

    async def page_text(self, entry: FeedEntry) -> str:
        """The linked page of a summary-only entry, as article text."""
        assert entry.url is not None
        document = await self.get(entry.url, max_bytes=MAX_ARTICLE_BYTES, what="the linked page")
        if document.status != 200:
            raise FetchError(f"{document.url} answered {document.status}")
        return await self.in_worker(
            document_text, document.body, document.url, document.headers.multi_items()
        )

    # Polling ------------------------------------------------------------------------------------

    async def poll_due(self, now: datetime | None = None) -> list[PollOutcome]:
        """Poll every feed that is due, a bounded number at once."""
        now = now or datetime.now(UTC)
        due = await self.run(subscriptions.due_feeds, now)
        return await self.poll_feeds(due, now, only_due=True)

    async def poll_due_once(self, owner: str | None = None) -> list[PollOutcome] | None:
        """`poll_due` under the poller's lease, so that of several processes sharing the store
        (shards, or `feeds poll --watch` beside the bot) one polls; None when another holds it.
        Each feed is taken under its own lease as well (`poll_feeds`), which also keeps a poll
        started by a command (`/feed add`, `/feed poll`) in another process from doubling it."""
        async with leases.held(self.run, POLLER_LEASE, owner or self.owner, self.lease_seconds) as lease:
            if lease is None:
                return None
            return await self.poll_due()

    async def poll_feeds(
        self, feeds: list[Feed], now: datetime | None = None, *, only_due: bool = False
    ) -> list[PollOutcome]:
        """Poll these feeds, a bounded number at once. With `only_due`, a feed no longer due
        when its turn comes (another process polled it meanwhile) is left out."""
        now = now or datetime.now(UTC)
        outcomes = await asyncio.gather(*(self._poll_bounded(feed, now, only_due) for feed in feeds))
        return [outcome for outcome in outcomes if outcome is not None]

    async def _poll_bounded(self, feed: Feed, now: datetime, only_due: bool) -> PollOutcome | None:
        turn = self._polling[feed.id]
        if only_due and turn.locked():
            return None  # the loop's poll is redundant: the feed is being polled right now
        try:
            async with (
                turn,
                self._feeds_at_once,
                leases.held(self.run, f"feed:{feed.id}", self.owner, self.lease_seconds) as lease,
            ):
                if lease is None:
                    return PollOutcome(
                        feed.id, feed.name, "waiting", error="another process is polling it right now"
                    )
                current = await self.run(subscriptions.feed, feed.id)
                if current is None or current.removed_at or (only_due and not is_due(current, now)):
                    return None
                return await self.poll_feed(current, now)
        except Exception as error:  # noqa: BLE001 - one feed's bug must not stop the others
            log.exception("polling feed %s (%s) failed", feed.id, feed.url)
            return await self._failed(feed, now, f"an error on Receipts' side ({error})", None)

    async def poll_feed(self, feed: Feed, now: datetime) -> PollOutcome:
        """One poll of one feed: fetch (conditionally), store what is new, write the outcome."""
        host = _host(feed.url)
        not_before = self._host_not_before.get(host)
        if not_before and not_before > now:
            await self.run(subscriptions.update_feed, feed.id, {"next_poll_at": iso(not_before)})
            return PollOutcome(
                feed.id, feed.name, "waiting", error=f"{host} asked to wait until {iso(not_before)}"
            )
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            document = await self.get(feed.url, headers=headers, max_bytes=MAX_FEED_BYTES, what="the feed")
        except FetchError as error:
            return await self._failed(feed, now, str(error), None)
        moved = await self._follow_permanent_redirect(feed, document)
        if document.status == 304:
            return await self._succeeded(
                feed, now, document, PollOutcome(feed.id, feed.name, "unchanged"), moved
            )
        if document.status in RETRY_AFTER_STATUSES:
            wait = retry_after(document.headers.get("retry-after"), now)
            if wait:
                self._host_not_before[host] = now + wait
            return await self._failed(
                feed,
                now,
                f"the site answered {document.status} "
                f"({'too many requests' if document.status == 429 else 'unavailable'})"
                + (f" and asked to wait {int(wait.total_seconds())} s" if wait else ""),
                document.status,
                wait=wait,
            )
        if document.status != 200:
            return await self._failed(
                feed,
                now,
                f"the feed answered {document.status} {document.response.reason_phrase}",
                document.status,
            )
        try:
            parsed = await self.in_worker(
                parse_feed, document.body, document.url, document.headers.get("content-type", "")
            )
        except FeedError as error:
            return await self._failed(feed, now, str(error), document.status)
        if parsed.problem:
            log.info("feed %s read with repairs: %s", feed.url, parsed.problem)
        outcome = await self._store_entries(feed, parsed)
        changes = {
            "title": feed.title or parsed.title,
            "kind": parsed.kind,
            "site_url": parsed.site_url or feed.site_url,
        }
        return await self._succeeded(feed, now, document, outcome, moved, changes)

    async def _follow_permanent_redirect(self, feed: Feed, document: FetchedDocument) -> dict:
        if not document.permanent or normalised_url(document.url) == feed.url_key:
            return {}
        if await self.run(subscriptions.url_taken, feed.guild_id, document.url, feed.id):
            return {}
        log.info("feed %s moved permanently to %s", feed.url, document.url)
        return {"url": document.url, "url_key": normalised_url(document.url)}

    async def _succeeded(
        self,
        feed: Feed,
        now: datetime,
        document: FetchedDocument,
        outcome: PollOutcome,
        moved: dict,
        changes: dict | None = None,
    ) -> PollOutcome:
        interval = timedelta(minutes=feed.interval_minutes)
        update = {
            "last_poll_at": iso(now),
            "last_success_at": iso(now),
            "last_status": str(document.status),
            "failures": 0,
            "gone_since": None,
            "next_poll_at": iso(now + with_jitter(interval, self.rng)),
            **(changes or {}),
            **moved,
        }
        if document.status == 200:
            # With entries still to retry, the next poll must get the feed again, not a 304.
            keep = not outcome.pending
            update["etag"] = document.headers.get("etag") if keep else None
            update["last_modified"] = document.headers.get("last-modified") if keep else None
        if outcome.stored:
            update["last_new_entry_at"] = iso(now)
        await self.run(subscriptions.update_feed, feed.id, update, audit="feed.moved" if moved else None)
        return outcome

    async def _failed(
        self, feed: Feed, now: datetime, error: str, status: int | None, *, wait: timedelta | None = None
    ) -> PollOutcome:
        failures = (feed.failures or 0) + 1
        gone_since = (feed.gone_since or iso(now)) if status in GONE_STATUSES else None
        interval = timedelta(minutes=feed.interval_minutes)
        next_poll = now + max(wait or timedelta(0), with_jitter(backoff(interval, failures), self.rng))
        update = {
            "last_poll_at": iso(now),
            "last_status": str(status or "error"),
            "last_error": error,
            "failures": failures,
            "gone_since": gone_since,
            "next_poll_at": iso(next_poll),
        }
        reason = pause_reason(
            status, failures, datetime.fromisoformat(gone_since) if gone_since else None, now, error
        )
        log.warning("feed %s (%s): %s (%d in a row)", feed.id, feed.url, error, failures)
        if reason:
            update.update(
                {
                    "paused_at": iso(now),
                    "paused_reason": reason,
                    "notice": NOTICE_DUE if feed.guild_id is not None else NOTICE_LISTED,
                }
            )
            log.warning("feed %s (%s) paused: %s", feed.id, feed.url, reason)
        await self.run(subscriptions.update_feed, feed.id, update, audit="feed.pause" if reason else None)
        return PollOutcome(feed.id, feed.name, "paused" if reason else "failed", error=reason or error)

    # Entries ------------------------------------------------------------------------------------

    async def _store_entries(self, feed: Feed, parsed: ParsedFeed) -> PollOutcome:
        outcome = PollOutcome(feed.id, feed.name, "new")
        entries = parsed.entries
        states = await self.run(
            subscriptions.entry_states, feed.id, feed.guild_id, [(entry.key, entry.url) for entry in entries]
        )
        known = [entry for entry in entries if states[entry.key].article_id]
        marks = [
            (entry.key, entry.url, states[entry.key].article_id)
            for entry in known
            if not states[entry.key].seen
        ]
        outcome.duplicates = len(marks)
        fresh = [
            entry
            for entry in entries
            if not states[entry.key].article_id
            and not (states[entry.key].seen and states[entry.key].attempts == 0)
        ]
        if feed.first_poll:
            chosen = {entry.key for entry in _newest(fresh, feed.backfill)}
            left_out = [entry for entry in fresh if entry.key not in chosen]
            marks += [(entry.key, entry.url, None) for entry in left_out]
            outcome.skipped = len(left_out)
            fresh = [entry for entry in fresh if entry.key in chosen]
        if marks:
            await self.run(subscriptions.mark_entries, feed.id, marks)
        for entry in reversed(fresh):  # feeds list newest first; store in the order published
            attempts = states[entry.key].attempts
            stored = await self._store_entry(feed, entry, attempts)
            if stored is True:
                outcome.stored += 1
            elif stored is False:
                outcome.duplicates += 1
            elif stored is PENDING:
                outcome.pending += 1
        return outcome

    async def _store_entry(self, feed: Feed, entry: FeedEntry, attempts: int) -> bool | str | None:
        """Store one new entry: True when stored, False when a duplicate, PENDING when its page
        failed (tried again next poll), None when it cannot be an article."""
        page_text = None
        if not entry.full and entry.url and attempts < MAX_ENTRY_ATTEMPTS:
            try:
                page_text = await self.page_text(entry)
            except (FetchError, ArticleError) as error:
                attempts = await self.run(
                    subscriptions.entry_failed, feed.id, entry.key, entry.url, str(error)
                )
                log.info(
                    "feed %s: the page of %s failed (%d of %d): %s",
                    feed.id,
                    entry.url,
                    attempts,
                    MAX_ENTRY_ATTEMPTS,
                    error,
                )
                if attempts < MAX_ENTRY_ATTEMPTS:
                    return PENDING
                if not entry.summary:
                    return None
        try:
            article = entry_article(entry, feed.title, page_text)
        except FeedError as error:
            log.info("feed %s: entry %s not stored: %s", feed.id, entry.key, error)
            await self.run(subscriptions.mark_entries, feed.id, [(entry.key, entry.url, None)])
            return None
        try:
            claims = await self.in_worker(extract_claims, article)
        except ArticleError as error:  # the extractor failed on it: a bug, logged, tried again
            log.error("feed %s: entry %s: %s", feed.id, entry.key, error)
            attempts = await self.run(subscriptions.entry_failed, feed.id, entry.key, entry.url, str(error))
            if attempts < MAX_ENTRY_ATTEMPTS:
                return PENDING
            await self.run(subscriptions.mark_entries, feed.id, [(entry.key, entry.url, None)])
            return None
        result = await self.run(
            subscriptions.store_entry, feed.id, entry.key, article, claims, guild_id=feed.guild_id
        )
        return result.stored

    # Preview ------------------------------------------------------------------------------------

    async def preview(self, url: str, limit: int = PREVIEW_ENTRIES) -> tuple[ParsedFeed, list[EntryPreview]]:
        """The newest entries of a feed and the claims they would give; nothing is stored."""
        _, parsed = await self.read_feed(url)
        previews = []
        for entry in _newest(parsed.entries, limit):
            preview = EntryPreview(entry)
            try:
                page_text = None if entry.full or not entry.url else await self.page_text(entry)
                preview.article = entry_article(entry, parsed.title, page_text)
                preview.claims = await self.in_worker(extract_claims, preview.article)
            except (FetchError, ArticleError) as error:
                preview.error = str(error)
            previews.append(preview)
        return parsed, previews
