"""Delivering digests: each due window's digest posted exactly once, whatever fails on the way.

Each window gets at most one delivery row, written before anything is posted, and the digest is
posted exactly once:

- A row is inserted, in one transaction, with the range of claim ids it covers (`claims_from`,
  `claims_through`): the claims added since the subscription's last digest. Nothing new: the row
  is marked `empty` and nothing is posted.
- Each page posted is recorded with its message id at once; a restart resumes after the last
  recorded page, so a page is never posted twice (Discord's enforced nonce covers the moment
  between the post and its record).
- When every page is posted the row is `posted` and the subscription moves on to its last claim.
- Due digests are posted side by side, each within its own deadline, so a channel where Discord
  hangs holds no other.
- A failed post keeps the row open: `failed` (a server error, a rate limit or a post past the
  deadline: retried on the next ticks, up to MAX_ATTEMPTS) or `blocked` (the bot may not post
  there: the subscription shows as failing, with the reason, and is retried at its next window).
  Its claims are not lost: the next window's row takes over the open row's range (the open row
  is marked `superseded`).
- After downtime only the latest window is due, so one catch-up digest covers every claim since the
  last one, instead of one digest per missed window.

Nothing here knows Discord: the caller passes an async function that runs store work (the bot runs
it in a thread, one at a time), one that renders a digest as pages (the Discord side's
`commands.render.digests.digest_pages`) and one that posts a page and returns its message id.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.digests.contents import build_digest, digest_claims
from bot.digests.model import Digest, Subscription
from bot.digests.schedules import latest_window, window_key
from bot.digests.subscriptions import subscriptions
from bot.store import Store, utc_now
from bot.store import digests as sql

log = logging.getLogger("receipts.digests")

MAX_ATTEMPTS = 5
DELIVERY_DEADLINE = 10.0  # seconds for one digest's pages
DELIVERIES_AT_ONCE = 8

StoreRunner = Callable[..., Awaitable[Any]]
Poster = Callable[[Subscription, Any, str], Awaitable[int]]
Renderer = Callable[[Digest], list[Any]]


class DeliveryFailed(Exception):
    """A post that failed; `blocked` when the bot may not post in the channel at all."""

    def __init__(self, reason: str, *, blocked: bool):
        super().__init__(reason)
        self.reason = reason
        self.blocked = blocked


@dataclass
class DeliveryJob:
    """One delivery to post: what its digest holds, and how many of its pages are already posted."""

    delivery_id: int
    subscription: Subscription
    window: str
    digest: Digest
    posted_pages: int


@dataclass
class DeliveryOutcome:
    delivery_id: int
    subscription_id: int
    window: str
    status: str
    error: str | None = None


def _job(store: Store, subscription: Subscription, row: dict) -> DeliveryJob:
    digest = build_digest(store, subscription, row["claims_from"], row["claims_through"],
                          sql.last_posted(store, subscription.id))
    return DeliveryJob(row["id"], subscription, row["window"], digest,
                       len(sql.message_ids(row)))


def plan_delivery(store: Store, subscription: Subscription, now: datetime) -> DeliveryJob | None:
    """The delivery to post now for a subscription, its row written first; None when none is due."""
    window = latest_window(subscription.cadence, subscription.time, subscription.timezone, now)
    if window <= datetime.fromisoformat(subscription.created_at):
        return None
    key = window_key(window)
    with store.write():
        open_row = sql.open_delivery(store, subscription.id)
        if open_row and sql.message_ids(open_row):
            return _job(store, subscription, open_row)  # a restart in the middle of a post
        if open_row and open_row["window"] == key:
            if open_row["status"] == "blocked" or open_row["attempts"] >= MAX_ATTEMPTS:
                return None  # tried enough for this window; the next window tries again
            return _job(store, subscription, open_row)
        if sql.window_has_delivery(store, subscription.id, key):
            return None
        claims_from = open_row["claims_from"] if open_row else subscription.last_claim_id + 1
        if open_row:
            sql.update_delivery(store, open_row["id"], {"status": "superseded"})
        claims_through = sql.latest_claim_id(store)
        if not digest_claims(store, subscription, claims_from, claims_through):
            sql.insert_delivery(store, subscription.id, key, claims_from, claims_through, "empty")
            sql.update_subscription(store, subscription.id, {"last_claim_id": claims_through})
            return None
        row = sql.insert_delivery(store, subscription.id, key, claims_from, claims_through, "pending")
        return _job(store, subscription, row)


def due_deliveries(store: Store, now: datetime,
                   busy: frozenset[int] = frozenset()) -> list[DeliveryJob]:
    """Every delivery due now, across all servers, but those of the `busy` subscriptions (being
    posted right now): not even planned, as a new window would supersede the row in flight."""
    jobs = (plan_delivery(store, subscription, now) for subscription in subscriptions(store)
            if subscription.id not in busy)
    return [job for job in jobs if job is not None]


def record_posted_page(store: Store, delivery_id: int, message_id: int) -> None:
    """Write a posted page's message id at once, so a restart never posts that page again."""
    with store.write():
        sql.add_message_id(store, delivery_id, message_id)


def complete_delivery(store: Store, delivery_id: int) -> None:
    """Every page is posted: the row is done and the subscription moves on past its claims."""
    with store.write():
        row = sql.delivery_row(store, delivery_id)
        sql.update_delivery(store, delivery_id, {"status": "posted", "posted_at": utc_now(),
                                                 "last_error": None})
        sql.update_subscription(store, row["subscription_id"], {
            "last_claim_id": row["claims_through"], "failing_reason": None, "failing_since": None})


def record_failure(store: Store, delivery_id: int, failure: DeliveryFailed) -> None:
    """Keep the row open with the error; a blocked channel marks the subscription as failing."""
    with store.write():
        row = sql.delivery_row(store, delivery_id)
        sql.update_delivery(store, delivery_id, {
            "status": "blocked" if failure.blocked else "failed",
            "attempts": (row["attempts"] or 0) + 1, "last_error": failure.reason})
        if failure.blocked:
            subscription = sql.subscription_row(store, row["subscription_id"])
            sql.update_subscription(store, row["subscription_id"], {
                "failing_reason": failure.reason,
                "failing_since": subscription["failing_since"] or utc_now()})


async def deliver_due(run: StoreRunner, now: datetime, post: Poster, *, render: Renderer,
                      deadline: float = DELIVERY_DEADLINE,
                      busy: set[int] | None = None) -> list[DeliveryOutcome]:
    """Post every due digest; `run(fn, *args)` runs `fn(store, *args)`, `render` turns a digest
    into its pages (the same pages every time, so a restart resumes at the right one) and `post`
    posts one page.

    Digests are posted side by side, each within its own `deadline`: a channel whose posts hang
    (discord.py alone retries a 5xx for about 16 s) holds no other digest. A digest past its
    deadline is `failed` and retried on a later tick, after the pages already recorded; the
    page cut off in flight carries the same nonce then, so Discord does not post it twice.

    Calls may run side by side (the digest loop does not wait for a slow one) when they share
    `busy`, the ids of the subscriptions being posted: a call leaves those to the call posting
    them.
    """
    busy = set() if busy is None else busy
    jobs = await run(due_deliveries, now, frozenset(busy))
    jobs = [job for job in jobs if job.subscription.id not in busy]  # taken meanwhile
    busy.update(job.subscription.id for job in jobs)
    slots = asyncio.Semaphore(DELIVERIES_AT_ONCE)

    async def deliver_one(job: DeliveryJob) -> DeliveryOutcome:
        try:
            async with slots:
                return await _deliver(run, job, render(job.digest), post, deadline)
        finally:
            busy.discard(job.subscription.id)

    return list(await asyncio.gather(*(deliver_one(job) for job in jobs)))


async def _deliver(run: StoreRunner, job: DeliveryJob, pages: list[Any], post: Poster,
                   deadline: float) -> DeliveryOutcome:
    outcome = DeliveryOutcome(job.delivery_id, job.subscription.id, job.window, "posted")
    try:
        try:
            async with asyncio.timeout(deadline):
                for number in range(job.posted_pages, len(pages)):
                    message_id = await post(job.subscription, pages[number],
                                            f"rd{job.delivery_id}p{number}")
                    await run(record_posted_page, job.delivery_id, message_id)
        except TimeoutError:
            raise DeliveryFailed(f"Discord did not take the digest within {deadline:g} s",
                                 blocked=False) from None
        await run(complete_delivery, job.delivery_id)
    except DeliveryFailed as failure:
        await run(record_failure, job.delivery_id, failure)
        outcome.status, outcome.error = ("blocked" if failure.blocked else "failed",
                                         failure.reason)
        log.warning("digest %s for subscription %s not posted: %s", job.window,
                    job.subscription.id, failure.reason)
    except Exception as error:  # noqa: BLE001 - one digest's bug must not stop the others
        log.exception("digest %s for subscription %s failed; it is tried again at the next tick",
                      job.window, job.subscription.id)
        outcome.status, outcome.error = "error", f"{type(error).__name__}: {error}"
    return outcome
