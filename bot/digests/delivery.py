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
- An `instant` subscription has a window every minute: the claims of the articles stored since its
  last post are posted at the next tick, grouped per article, through the same rows (a minute
  with nothing new writes no row).

Several processes may share the store (each running some shards): a process delivers only the
digests of the servers its shards hold, and takes each one through a lease (bot/leases.py) held
while it posts. A process killed in the middle leaves its lease to run out; the next process
holding those shards takes it and resumes after the last recorded page.

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

from bot import leases
from bot.digests.contents import build_digest, digest_claims
from bot.digests.model import INSTANT, Digest, Subscription
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


def _every_guild(guild_id: int) -> bool:
    return True


@dataclass(frozen=True)
class Worker:
    """Who delivers: the lease owner's name, how long a lease lasts, and which servers are this
    process's to post in (those its shards hold)."""

    owner: str
    lease_seconds: float = leases.DEFAULT_LEASE_SECONDS
    holds: Callable[[int], bool] = _every_guild


THIS_PROCESS = Worker(leases.THIS_PROCESS)


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
    digest = build_digest(
        store,
        subscription,
        row["claims_from"],
        row["claims_through"],
        sql.last_posted(store, subscription.id),
    )
    return DeliveryJob(row["id"], subscription, row["window"], digest, len(sql.message_ids(row)))


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
        claims_through = sql.latest_claim_id(store)
        if (
            subscription.cadence == INSTANT
            and not open_row
            and not digest_claims(store, subscription, claims_from, claims_through)
        ):
            # Nothing new this minute: no row (an instant subscription would write 1,440 a day).
            if claims_through > subscription.last_claim_id:
                sql.update_subscription(store, subscription.id, {"last_claim_id": claims_through})
            return None
        if open_row:
            sql.update_delivery(store, open_row["id"], {"status": "superseded"})
        if not digest_claims(store, subscription, claims_from, claims_through):
            sql.insert_delivery(store, subscription.id, key, claims_from, claims_through, "empty")
            sql.update_subscription(store, subscription.id, {"last_claim_id": claims_through})
            return None
        row = sql.insert_delivery(store, subscription.id, key, claims_from, claims_through, "pending")
        return _job(store, subscription, row)


def delivery_due(store: Store, subscription: Subscription, now: datetime) -> bool:
    """Whether `plan_delivery` has work for the subscription now; it only reads, so a process can
    ask it of every subscription and take a lease only for the few that are due."""
    window = latest_window(subscription.cadence, subscription.time, subscription.timezone, now)
    if window <= datetime.fromisoformat(subscription.created_at):
        return False
    open_row = sql.open_delivery(store, subscription.id)
    if open_row and sql.message_ids(open_row):
        return True
    if (
        subscription.cadence == INSTANT
        and open_row is None
        and sql.latest_claim_id(store) <= subscription.last_claim_id
    ):
        return False  # its window is every minute; without a new claim it writes nothing
    row = sql.window_delivery(store, subscription.id, window_key(window))
    if row is None:
        return True
    status, attempts = row
    return status in ("pending", "failed") and (attempts or 0) < MAX_ATTEMPTS


def subscriptions_due(
    store: Store,
    now: datetime,
    holds: Callable[[int], bool] = _every_guild,
    busy: frozenset[int] = frozenset(),
) -> list[Subscription]:
    """The subscriptions with a delivery to plan or finish now, of the servers `holds` accepts,
    but the `busy` ones (being posted right now): not even planned, as a new window would
    supersede the row in flight."""
    return [
        subscription
        for subscription in subscriptions(store)
        if subscription.id not in busy
        and holds(subscription.guild_id)
        and delivery_due(store, subscription, now)
    ]


def plan_current(store: Store, subscription_id: int, now: datetime) -> DeliveryJob | None:
    """`plan_delivery` on the subscription as stored now (under its lease: another process may
    have moved it on since it was listed); None when it has been removed."""
    subscription = Subscription(**sql.subscription_row(store, subscription_id))
    if subscription.removed_at:
        return None
    return plan_delivery(store, subscription, now)


def record_posted_page(store: Store, delivery_id: int, message_id: int, page: int | None = None) -> None:
    """Write a posted page's message id at once, so a restart never posts that page again.

    With its `page` number, a page already recorded is not recorded twice: a process whose lease
    ran out while it posted, and the process that took over, may both record the same page (the
    nonce made Discord answer both with the one message).
    """
    with store.write():
        if page is not None and len(sql.message_ids(sql.delivery_row(store, delivery_id))) > page:
            return
        sql.add_message_id(store, delivery_id, message_id)


def complete_delivery(store: Store, delivery_id: int, posted_by: str | None = None) -> None:
    """Every page is posted: the row is done and the subscription moves on past its claims."""
    with store.write():
        row = sql.delivery_row(store, delivery_id)
        sql.update_delivery(
            store,
            delivery_id,
            {"status": "posted", "posted_at": utc_now(), "last_error": None, "posted_by": posted_by},
        )
        sql.update_subscription(
            store,
            row["subscription_id"],
            {"last_claim_id": row["claims_through"], "failing_reason": None, "failing_since": None},
        )


def record_failure(store: Store, delivery_id: int, failure: DeliveryFailed) -> None:
    """Keep the row open with the error; a blocked channel marks the subscription as failing."""
    with store.write():
        row = sql.delivery_row(store, delivery_id)
        sql.update_delivery(
            store,
            delivery_id,
            {
                "status": "blocked" if failure.blocked else "failed",
                "attempts": (row["attempts"] or 0) + 1,
                "last_error": failure.reason,
            },
        )
        if failure.blocked:
            subscription = sql.subscription_row(store, row["subscription_id"])
            sql.update_subscription(
                store,
                row["subscription_id"],
                {
                    "failing_reason": failure.reason,
                    "failing_since": subscription["failing_since"] or utc_now(),
                },
            )


async def deliver_due(
    run: StoreRunner,
    now: datetime,
    post: Poster,
    *,
    render: Renderer,
    deadline: float = DELIVERY_DEADLINE,
    busy: set[int] | None = None,
    worker: Worker = THIS_PROCESS,
) -> list[DeliveryOutcome]:
    """Post every due digest of the worker's servers; `run(fn, *args)` runs `fn(store, *args)`,
    `render` turns a digest into its pages (the same pages every time, so a restart resumes at
    the right one) and `post` posts one page.

    Digests are posted side by side, each within its own `deadline`: a channel whose posts hang
    (discord.py alone retries a 5xx for about 16 s) holds no other digest. A digest past its
    deadline is `failed` and retried on a later tick, after the pages already recorded; the
    page cut off in flight carries the same nonce then, so Discord does not post it twice.

    Each digest is planned and posted under its lease, so of several processes on the store one
    posts it; one whose lease another process holds is left to that process. Calls in one
    process may run side by side (the digest loop does not wait for a slow one) when they share
    `busy`, the ids of the subscriptions being posted: a call leaves those to the call posting
    them (the lease is the process's, so it does not keep them apart).
    """
    busy = set() if busy is None else busy
    due = await run(subscriptions_due, now, worker.holds, frozenset(busy))
    due = [subscription for subscription in due if subscription.id not in busy]  # taken meanwhile
    busy.update(subscription.id for subscription in due)
    slots = asyncio.Semaphore(DELIVERIES_AT_ONCE)

    async def deliver_one(subscription: Subscription) -> DeliveryOutcome | None:
        try:
            async with (
                slots,
                leases.held(run, f"digest:{subscription.id}", worker.owner, worker.lease_seconds) as lease,
            ):
                if lease is None:
                    return None
                try:
                    job = await run(plan_current, subscription.id, now)
                except Exception:  # one subscription's failure must not stop the others
                    log.exception(
                        "could not plan the digest of subscription %s; it is tried again at the next tick",
                        subscription.id,
                    )
                    return None
                if job is None:
                    return None
                return await _deliver(run, job, render(job.digest), post, deadline, lease)
        finally:
            busy.discard(subscription.id)

    outcomes = await asyncio.gather(*(deliver_one(subscription) for subscription in due))
    return [outcome for outcome in outcomes if outcome is not None]


async def _deliver(
    run: StoreRunner, job: DeliveryJob, pages: list[Any], post: Poster, deadline: float, lease: leases.Lease
) -> DeliveryOutcome:
    outcome = DeliveryOutcome(job.delivery_id, job.subscription.id, job.window, "posted")
    try:
        try:
            async with asyncio.timeout(deadline):
                for number in range(job.posted_pages, len(pages)):
                    if not await lease.renew():
                        outcome.status = "handed over"  # another process took it; it resumes
                        return outcome
                    message_id = await post(job.subscription, pages[number], f"rd{job.delivery_id}p{number}")
                    await run(record_posted_page, job.delivery_id, message_id, number)
        except TimeoutError:
            raise DeliveryFailed(
                f"Discord did not take the digest within {deadline:g} s", blocked=False
            ) from None
        await run(complete_delivery, job.delivery_id, lease.owner)
    except DeliveryFailed as failure:
        await run(record_failure, job.delivery_id, failure)
        outcome.status, outcome.error = ("blocked" if failure.blocked else "failed", failure.reason)
        log.warning(
            "digest %s for subscription %s not posted: %s", job.window, job.subscription.id, failure.reason
        )
    except Exception as error:  # noqa: BLE001 - one digest's bug must not stop the others
        log.exception(
            "digest %s for subscription %s failed; it is tried again at the next tick",
            job.window,
            job.subscription.id,
        )
        outcome.status, outcome.error = "error", f"{type(error).__name__}: {error}"
    return outcome
