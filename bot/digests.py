"""Digests: the claims added since a subscription's last digest, posted to a channel on a schedule.

A subscription posts daily or weekly (Mondays) at a local time in its time zone. The moment a
digest is due is its *window*: the latest scheduled time at or before now. Each window gets at
most one delivery row, written before anything is posted, and the digest is posted exactly once:

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
it in a thread, one at a time) and one that posts a page of embeds and returns its message id.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot import leases
from bot.answers.lookup import resolve_subject
from bot.answers.receipts import CLAIM_COLUMNS, CLAIM_FROM, VISIBLE_CLAIM, ClaimRow
from bot.embeds import embed_pages, escape, escape_keeping_channels, link, shorten
from bot.store import Store, utc_now

log = logging.getLogger("receipts.digests")

CADENCES = ("daily", "weekly", "instant")
INSTANT = "instant"
WEEKLY_ON = 0  # Monday
MAX_ATTEMPTS = 5
DELIVERY_DEADLINE = 10.0  # seconds for one digest's pages
DELIVERIES_AT_ONCE = 8
MAX_PER_SERVER = 25
QUOTE_CHARS = 180
OPEN_STATUSES = ("pending", "failed", "blocked")
_TIME = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*$")

StoreRunner = Callable[..., Awaitable[Any]]
Poster = Callable[["Subscription", list[dict], str], Awaitable[int]]


class DigestError(ValueError):
    """A subscription request that cannot be done, with what to do instead."""


class DeliveryFailed(Exception):
    """A post that failed; `blocked` when the bot may not post in the channel at all."""

    def __init__(self, reason: str, *, blocked: bool):
        super().__init__(reason)
        self.reason = reason
        self.blocked = blocked


@dataclass
class Subscription:
    id: int
    guild_id: int
    channel_id: int
    cadence: str
    time: str
    timezone: str
    device: str | None
    created_by: str
    created_at: str
    last_claim_id: int
    failing_reason: str | None
    failing_since: str | None
    removed_at: str | None

    @property
    def schedule(self) -> str:
        """How people are told when it posts: "every Monday at 09:00 (Europe/Berlin)"."""
        if self.cadence == INSTANT:
            return "as new articles are stored"
        day = "Monday" if self.cadence == "weekly" else "day"
        return f"every {day} at {self.time} ({self.timezone})"

    @property
    def scope(self) -> str:
        return self.device or "all devices"


@dataclass
class DigestGroup:
    subject: str
    claims: list[ClaimRow] = field(default_factory=list)


@dataclass
class Digest:
    """The claims of one digest, grouped by device in the order they were added."""

    subscription: Subscription
    since: str | None
    groups: list[DigestGroup] = field(default_factory=list)

    @property
    def claim_count(self) -> int:
        return sum(len(group.claims) for group in self.groups)


@dataclass
class DeliveryJob:
    """One delivery to post: its pages, and how many of them are already posted."""

    delivery_id: int
    subscription: Subscription
    window: str
    pages: list[list[dict]]
    posted_pages: int


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


@dataclass
class DeliveryOutcome:
    delivery_id: int
    subscription_id: int
    window: str
    status: str
    error: str | None = None


# Schedules -------------------------------------------------------------------------------------


def parse_time(text: str) -> str:
    """"9", "09:00" or "21:30" as HH:MM."""
    match = _TIME.match(text)
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (99, 99)
    if hour > 23 or minute > 59:
        raise DigestError(f"“{text}” is not a time of day; write it as HH:MM, e.g. 09:00 or 18:30.")
    return f"{hour:02d}:{minute:02d}"


def parse_timezone(text: str) -> str:
    """A time zone name (IANA), its case forgiven: "europe/berlin" -> "Europe/Berlin"."""
    name = text.strip()
    known = {zone.lower(): zone for zone in available_timezones()}
    zone = known.get(name.lower())
    if zone is None:
        raise DigestError(f"“{text}” is not a time zone Receipts knows; use a name like UTC, "
                          f"Europe/Berlin, America/New_York or Asia/Kolkata.")
    return zone


def timezone_names(fragment: str, limit: int = 25) -> list[str]:
    """Time zone names containing what has been typed (for autocomplete)."""
    fragment = fragment.strip().lower().replace(" ", "_")
    names = sorted(zone for zone in available_timezones() if fragment in zone.lower())
    names.sort(key=lambda zone: not zone.lower().startswith(fragment))
    return names[:limit]


def _scheduled_on(day, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)


def latest_window(cadence: str, at: str, zone_name: str, now: datetime) -> datetime:
    """The latest scheduled moment at or before `now`, in UTC (for `instant`, the minute)."""
    if cadence == INSTANT:
        return now.astimezone(timezone.utc).replace(second=0, microsecond=0)
    zone = ZoneInfo(zone_name)
    at_time = time.fromisoformat(at)
    day = now.astimezone(zone).date()
    step = 1
    if cadence == "weekly":
        day -= timedelta(days=(day.weekday() - WEEKLY_ON) % 7)
        step = 7
    moment = _scheduled_on(day, at_time, zone)
    while moment > now:
        day -= timedelta(days=step)
        moment = _scheduled_on(day, at_time, zone)
    return moment


def next_window(cadence: str, at: str, zone_name: str, now: datetime) -> datetime:
    """The first scheduled moment after `now`, in UTC."""
    if cadence == INSTANT:
        return latest_window(cadence, at, zone_name, now) + timedelta(minutes=1)
    zone = ZoneInfo(zone_name)
    latest = latest_window(cadence, at, zone_name, now).astimezone(zone).date()
    step = timedelta(days=7 if cadence == "weekly" else 1)
    return _scheduled_on(latest + step, time.fromisoformat(at), zone)


def window_key(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="minutes")


# Subscriptions ---------------------------------------------------------------------------------


def _subscription(row: dict | None) -> Subscription | None:
    return Subscription(**row) if row else None


def subscriptions(store: Store, guild_id: int | None = None) -> list[Subscription]:
    """The active subscriptions, of one server or (None) of all."""
    where, params = "removed_at IS NULL", []
    if guild_id is not None:
        where, params = where + " AND guild_id = ?", [guild_id]
    return [Subscription(**row) for row in
            store.db["subscriptions"].rows_where(where, params, order_by="id")]


def _device_name(store: Store, device: str | None, guild_id: int) -> str | None:
    if not device or not device.strip():
        return None
    resolution = resolve_subject(store, device, guild_id)
    if not resolution.found:
        hint = f" Did you mean {', '.join(resolution.suggestions)}?" if resolution.suggestions else ""
        raise DigestError(f"No device called “{device}” is known in this server.{hint}")
    return resolution.subject.name


def _max_claim_id(store: Store) -> int:
    return store.db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]


def subscribe(store: Store, *, guild_id: int, channel_id: int, cadence: str, at: str | None,
              zone: str | None, device: str | None, actor: str,
              now: datetime | None = None) -> tuple[Subscription, bool]:
    """Subscribe a channel (to one device, or all); returns it and whether it replaced one.

    Subscribing a channel again for the same device changes its schedule. The first digest holds
    the claims added after this moment, not the whole store. An instant subscription needs no
    time of day; daily and weekly ones do.
    """
    if cadence not in CADENCES:
        raise DigestError(f"The cadence is {', '.join(CADENCES[:-1])} or {CADENCES[-1]}, "
                          f"not “{cadence}”.")
    if cadence == INSTANT:
        at, zone = "00:00", "UTC"
    elif not at or not zone:
        raise DigestError(f"A {cadence} digest needs a time of day and a time zone, e.g. "
                          f"time:09:00 timezone:Europe/Berlin.")
    at, zone = parse_time(at), parse_timezone(zone)
    with store.db.atomic():
        device = _device_name(store, device, guild_id)
        existing = store.db.execute(
            "SELECT id FROM subscriptions WHERE removed_at IS NULL AND guild_id = ? "
            "AND channel_id = ? AND device IS ?", [guild_id, channel_id, device]).fetchone()
        schedule = {"cadence": cadence, "time": at, "timezone": zone}
        if not existing and len(subscriptions(store, guild_id)) >= MAX_PER_SERVER:
            raise DigestError(f"This server has {MAX_PER_SERVER} digests, the most it may have; "
                              f"`/digest unsubscribe` one first.")
        if existing:
            subscription_id = existing[0]
            store.db["subscriptions"].update(subscription_id, schedule)
        else:
            subscription_id = store.db["subscriptions"].insert({
                "guild_id": guild_id, "channel_id": channel_id, "device": device, **schedule,
                "created_by": actor, "last_claim_id": _max_claim_id(store),
                "created_at": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
            }).last_pk
        store.record(actor, "digest.subscribe", f"subscription:{subscription_id}", guild_id,
                     f"<#{channel_id}> {cadence} {at} {zone} {device or 'all devices'}")
    return _subscription(store.db["subscriptions"].get(subscription_id)), bool(existing)


def unsubscribe(store: Store, *, guild_id: int, channel_id: int, device: str | None,
                actor: str) -> Subscription:
    """End a channel's subscription (for one device, or the all-devices one)."""
    with store.db.atomic():
        rows = [s for s in subscriptions(store, guild_id) if s.channel_id == channel_id]
        wanted = device.strip().lower() if device and device.strip() else None
        matches = [s for s in rows if (s.device or "").lower() == (wanted or "")]
        if not matches:
            have = ", ".join(s.scope for s in rows)
            raise DigestError(f"<#{channel_id}> has no digest for {device or 'all devices'}"
                              + (f"; it has: {have}." if have else "; `/digest list` shows them."))
        subscription = matches[0]
        store.db["subscriptions"].update(subscription.id, {"removed_at": utc_now()})
        store.record(actor, "digest.unsubscribe", f"subscription:{subscription.id}", guild_id)
    return subscription


@dataclass
class SubscriptionStatus:
    """A subscription as `/digest list` shows it: when it posts, and whether it is failing."""

    subscription: Subscription
    next_post: datetime
    last_posted: str | None
    open_error: str | None


def list_subscriptions(store: Store, guild_id: int, now: datetime) -> list[SubscriptionStatus]:
    statuses = []
    for subscription in subscriptions(store, guild_id):
        open_row = _open_delivery(store, subscription.id)
        statuses.append(SubscriptionStatus(
            subscription, next_window(subscription.cadence, subscription.time,
                                      subscription.timezone, now),
            _last_posted(store, subscription.id), open_row["last_error"] if open_row else None))
    return statuses


# What a digest holds ---------------------------------------------------------------------------


def digest_claims(store: Store, subscription: Subscription, claims_from: int,
                  claims_through: int) -> list[ClaimRow]:
    """The claims in an id range that the subscription's server sees, of its device if it has one."""
    sql = (f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id BETWEEN ? AND ? "
           f"AND {VISIBLE_CLAIM}")
    params: list = [claims_from, claims_through, subscription.guild_id]
    if subscription.device:
        resolution = resolve_subject(store, subscription.device, subscription.guild_id)
        if not resolution.found:
            return []
        sql += " AND c.subject_id = ?"
        params.append(resolution.subject.id)
    return [ClaimRow(*row) for row in store.db.execute(sql + " ORDER BY c.id", params)]


def build_digest(store: Store, subscription: Subscription, claims_from: int,
                 claims_through: int, since: str | None) -> Digest:
    """The claims grouped by device, or, for an instant subscription, by article."""
    groups: dict[str, DigestGroup] = {}
    instant = subscription.cadence == INSTANT
    for claim in digest_claims(store, subscription, claims_from, claims_through):
        key = claim.article if instant else claim.subject
        heading = (claim.title or claim.source) if instant else claim.subject
        groups.setdefault(key, DigestGroup(heading)).claims.append(claim)
    return Digest(subscription, since, list(groups.values()))


def _last_posted(store: Store, subscription_id: int) -> str | None:
    return store.db.execute(
        "SELECT max(posted_at) FROM deliveries WHERE subscription_id = ? AND status = 'posted'",
        [subscription_id]).fetchone()[0]


def preview(store: Store, *, guild_id: int, channel_id: int | None = None) -> list[Digest]:
    """What the server's next digests would hold if they were posted now; nothing is recorded."""
    return [build_digest(store, s, s.last_claim_id + 1, _max_claim_id(store),
                         _last_posted(store, s.id))
            for s in subscriptions(store, guild_id)
            if channel_id is None or s.channel_id == channel_id]


def _claim_line(claim: ClaimRow, with_subject: bool = False) -> str:
    source = link(claim.source, claim.url)
    subject = f"**{escape(claim.subject)}** · " if with_subject else ""
    return (f"{subject}**{claim.attribute}**: {escape(claim.value)} ({claim.status}) · "
            f"claim {claim.claim_id}\n"
            f"> “{shorten(escape(claim.quote), QUOTE_CHARS)}”\n"
            f"> — {source}, {claim.published or 'date unknown'}")


def digest_pages(digest: Digest) -> list[list[dict]]:
    """The digest as pages of embeds, each page one message within Discord's limits; none when empty."""
    if not digest.claim_count:
        return []
    subscription = digest.subscription
    instant = subscription.cadence == INSTANT
    since = f" since {digest.since[:10]}" if digest.since and not instant else ""
    title = (f"Receipts: {digest.claim_count} new claims from {len(digest.groups)} new articles"
             if instant else f"Receipts digest: {digest.claim_count} new claims{since}")
    sections = [(group.subject, [_claim_line(claim, instant) for claim in group.claims])
                for group in digest.groups]
    return embed_pages(title, sections,
                       footer=f"{subscription.scope} · {subscription.schedule} · /digest list")


# Deliveries ------------------------------------------------------------------------------------


def _open_delivery(store: Store, subscription_id: int) -> dict | None:
    rows = list(store.db["deliveries"].rows_where(
        f"subscription_id = ? AND status IN ({','.join('?' * len(OPEN_STATUSES))})",
        [subscription_id, *OPEN_STATUSES], order_by="id DESC", limit=1))
    return rows[0] if rows else None


def _message_ids(row: dict) -> list[int]:
    return json.loads(row["message_ids"] or "[]")


def _job(store: Store, subscription: Subscription, row: dict) -> DeliveryJob:
    digest = build_digest(store, subscription, row["claims_from"], row["claims_through"],
                          _last_posted(store, subscription.id))
    return DeliveryJob(row["id"], subscription, row["window"], digest_pages(digest),
                       len(_message_ids(row)))


def _insert_delivery(store: Store, subscription: Subscription, window: str, claims_from: int,
                     claims_through: int, status: str) -> dict:
    delivery_id = store.db["deliveries"].insert({
        "subscription_id": subscription.id, "window": window, "claims_from": claims_from,
        "claims_through": claims_through, "status": status, "message_ids": "[]", "attempts": 0,
        "created_at": utc_now(),
    }).last_pk
    return store.db["deliveries"].get(delivery_id)


def plan_delivery(store: Store, subscription: Subscription, now: datetime) -> DeliveryJob | None:
    """The delivery to post now for a subscription, its row written first; None when none is due."""
    window = latest_window(subscription.cadence, subscription.time, subscription.timezone, now)
    if window <= datetime.fromisoformat(subscription.created_at):
        return None
    key = window_key(window)
    with store.db.atomic():
        open_row = _open_delivery(store, subscription.id)
        if open_row and _message_ids(open_row):
            return _job(store, subscription, open_row)  # a restart in the middle of a post
        if open_row and open_row["window"] == key:
            if open_row["status"] == "blocked" or open_row["attempts"] >= MAX_ATTEMPTS:
                return None  # tried enough for this window; the next window tries again
            return _job(store, subscription, open_row)
        if store.db["deliveries"].count_where("subscription_id = ? AND window = ?",
                                              [subscription.id, key]):
            return None
        claims_from = open_row["claims_from"] if open_row else subscription.last_claim_id + 1
        claims_through = _max_claim_id(store)
        if subscription.cadence == INSTANT and not open_row and not digest_claims(
                store, subscription, claims_from, claims_through):
            # Nothing new this minute: no row (an instant subscription would write 1,440 a day).
            if claims_through > subscription.last_claim_id:
                store.db["subscriptions"].update(subscription.id, {"last_claim_id": claims_through})
            return None
        if open_row:
            store.db["deliveries"].update(open_row["id"], {"status": "superseded"})
        if not digest_claims(store, subscription, claims_from, claims_through):
            _insert_delivery(store, subscription, key, claims_from, claims_through, "empty")
            store.db["subscriptions"].update(subscription.id, {"last_claim_id": claims_through})
            return None
        row = _insert_delivery(store, subscription, key, claims_from, claims_through, "pending")
        return _job(store, subscription, row)


def delivery_due(store: Store, subscription: Subscription, now: datetime) -> bool:
    """Whether `plan_delivery` has work for the subscription now; it only reads, so a process can
    ask it of every subscription and take a lease only for the few that are due."""
    window = latest_window(subscription.cadence, subscription.time, subscription.timezone, now)
    if window <= datetime.fromisoformat(subscription.created_at):
        return False
    open_row = _open_delivery(store, subscription.id)
    if open_row and _message_ids(open_row):
        return True
    if (subscription.cadence == INSTANT and open_row is None
            and _max_claim_id(store) <= subscription.last_claim_id):
        return False  # its window is every minute; without a new claim it writes nothing
    row = store.db.execute("SELECT status, attempts FROM deliveries WHERE subscription_id = ? "
                           "AND window = ?", [subscription.id, window_key(window)]).fetchone()
    if row is None:
        return True
    status, attempts = row
    return status in ("pending", "failed") and (attempts or 0) < MAX_ATTEMPTS


def subscriptions_due(store: Store, now: datetime, holds: Callable[[int], bool] = _every_guild,
                      busy: frozenset[int] = frozenset()) -> list[Subscription]:
    """The subscriptions with a delivery to plan or finish now, of the servers `holds` accepts,
    but the `busy` ones (being posted right now): not even planned, as a new window would
    supersede the row in flight."""
    return [subscription for subscription in subscriptions(store)
            if subscription.id not in busy and holds(subscription.guild_id)
            and delivery_due(store, subscription, now)]


def plan_current(store: Store, subscription_id: int, now: datetime) -> DeliveryJob | None:
    """`plan_delivery` on the subscription as stored now (under its lease: another process may
    have moved it on since it was listed); None when it has been removed."""
    subscription = _subscription(store.db["subscriptions"].get(subscription_id))
    if subscription.removed_at:
        return None
    return plan_delivery(store, subscription, now)


def record_posted_page(store: Store, delivery_id: int, message_id: int,
                       page: int | None = None) -> None:
    """Write a posted page's message id at once, so a restart never posts that page again.

    With its `page` number, a page already recorded is not recorded twice: a process whose lease
    ran out while it posted, and the process that took over, may both record the same page (the
    nonce made Discord answer both with the one message).
    """
    with store.db.atomic():
        row = store.db["deliveries"].get(delivery_id)
        posted = _message_ids(row)
        if page is not None and len(posted) > page:
            return
        store.db["deliveries"].update(delivery_id, {"message_ids": json.dumps(posted + [message_id])})


def complete_delivery(store: Store, delivery_id: int, posted_by: str | None = None) -> None:
    """Every page is posted: the row is done and the subscription moves on past its claims."""
    with store.db.atomic():
        row = store.db["deliveries"].get(delivery_id)
        store.db["deliveries"].update(delivery_id, {"status": "posted", "posted_at": utc_now(),
                                                    "last_error": None, "posted_by": posted_by})
        store.db["subscriptions"].update(row["subscription_id"], {
            "last_claim_id": row["claims_through"], "failing_reason": None, "failing_since": None})


def record_failure(store: Store, delivery_id: int, failure: DeliveryFailed) -> None:
    """Keep the row open with the error; a blocked channel marks the subscription as failing."""
    with store.db.atomic():
        row = store.db["deliveries"].get(delivery_id)
        store.db["deliveries"].update(delivery_id, {
            "status": "blocked" if failure.blocked else "failed",
            "attempts": (row["attempts"] or 0) + 1, "last_error": failure.reason})
        if failure.blocked:
            subscription = store.db["subscriptions"].get(row["subscription_id"])
            store.db["subscriptions"].update(row["subscription_id"], {
                "failing_reason": failure.reason,
                "failing_since": subscription["failing_since"] or utc_now()})


async def deliver_due(run: StoreRunner, now: datetime, post: Poster, *,
                      deadline: float = DELIVERY_DEADLINE, busy: set[int] | None = None,
                      worker: Worker = THIS_PROCESS) -> list[DeliveryOutcome]:
    """Post every due digest of the worker's servers; `run(fn, *args)` runs `fn(store, *args)`,
    `post` posts one page.

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
            async with slots, leases.held(run, f"digest:{subscription.id}", worker.owner,
                                          worker.lease_seconds) as lease:
                if lease is None:
                    return None
                try:
                    job = await run(plan_current, subscription.id, now)
                except Exception:  # noqa: BLE001 - one subscription's failure must not stop the others
                    log.exception("could not plan the digest of subscription %s; it is tried "
                                  "again at the next tick", subscription.id)
                    return None
                return None if job is None else await _deliver(run, job, post, deadline, lease)
        finally:
            busy.discard(subscription.id)

    outcomes = await asyncio.gather(*(deliver_one(subscription) for subscription in due))
    return [outcome for outcome in outcomes if outcome is not None]


async def _deliver(run: StoreRunner, job: DeliveryJob, post: Poster, deadline: float,
                   lease: leases.Lease) -> DeliveryOutcome:
    outcome = DeliveryOutcome(job.delivery_id, job.subscription.id, job.window, "posted")
    try:
        try:
            async with asyncio.timeout(deadline):
                for number in range(job.posted_pages, len(job.pages)):
                    if not await lease.renew():
                        outcome.status = "handed over"  # another process took it; it resumes
                        return outcome
                    message_id = await post(job.subscription, job.pages[number],
                                            f"rd{job.delivery_id}p{number}")
                    await run(record_posted_page, job.delivery_id, message_id, number)
        except TimeoutError:
            raise DeliveryFailed(f"Discord did not take the digest within {deadline:g} s",
                                 blocked=False) from None
        await run(complete_delivery, job.delivery_id, lease.owner)
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


# What moderators are shown ---------------------------------------------------------------------


def _timestamp(moment: datetime) -> str:
    """A Discord timestamp: each reader sees it in their own time zone."""
    return f"<t:{int(moment.timestamp())}:f>"


def subscribed_message(subscription: Subscription, replaced: bool, now: datetime) -> str:
    """The reply to `/digest subscribe`."""
    verb = "Changed" if replaced else "Subscribed"
    if subscription.cadence == INSTANT:
        return (f"{verb}: <#{subscription.channel_id}> gets the claims of each new article about "
                f"{subscription.scope} within a minute of its storing, grouped per article. "
                f"Nothing is posted while nothing new arrives.")
    upcoming = next_window(subscription.cadence, subscription.time, subscription.timezone, now)
    return (f"{verb}: <#{subscription.channel_id}> gets the new claims about "
            f"{subscription.scope} {subscription.schedule}, from {_timestamp(upcoming)} on. "
            f"A digest is posted only when something new was added.")


def subscription_list_pages(statuses: list[SubscriptionStatus]) -> list[list[dict]]:
    """`/digest list`: each subscription, when it posts next, and why it fails if it does."""
    lines = []
    for status in statuses:
        subscription = status.subscription
        line = (f"<#{subscription.channel_id}> · {escape(subscription.scope)} · "
                f"{subscription.schedule}\nnext {_timestamp(status.next_post)}"
                f" · last posted {(status.last_posted or 'never')[:16].replace('T', ' ')}")
        problem = subscription.failing_reason or status.open_error
        if problem:
            since = (subscription.failing_since or "")[:16].replace("T", " ")
            line += (f"\n**Failing**{' since ' + since if since else ''}: "
                     f"{escape_keeping_channels(problem)} "
                     f"(retried at the next digest; its claims are kept)")
        lines.append(line)
    if not lines:
        lines = ["No digests in this server; `/digest subscribe` starts one."]
    return embed_pages(f"Digests in this server ({len(statuses)})", [("Digests", lines)])
