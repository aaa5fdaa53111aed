"""Subscribing a channel to digests, ending it, and how a server's subscriptions stand."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.answers.lookup import resolve_subject
from bot.digests.model import INSTANT, DigestError, NoSuchDigest, Subscription, SubscriptionStatus
from bot.digests.schedules import CADENCES, next_window, parse_time, parse_timezone
from bot.store import Store
from bot.store import digests as sql

MAX_PER_SERVER = 25


def subscriptions(store: Store, guild_id: int | None = None) -> list[Subscription]:
    """The active subscriptions, of one server or (None) of all."""
    return [Subscription(**row) for row in sql.active_subscriptions(store, guild_id)]


def _device_name(store: Store, device: str | None, guild_id: int) -> str | None:
    if not device or not device.strip():
        return None
    resolution = resolve_subject(store, device, guild_id)
    if not resolution.found:
        hint = f" Did you mean {', '.join(resolution.suggestions)}?" if resolution.suggestions else ""
        raise DigestError(f"No device called “{device}” is known in this server.{hint}")
    assert resolution.subject is not None
    return resolution.subject.name


def subscribe(
    store: Store,
    *,
    guild_id: int,
    channel_id: int,
    cadence: str,
    at: str | None,
    zone: str | None,
    device: str | None,
    actor: str,
    now: datetime | None = None,
) -> tuple[Subscription, bool]:
    """Subscribe a channel (to one device, or all); returns it and whether it replaced one.

    Subscribing a channel again for the same device changes its schedule. The first digest holds
    the claims added after this moment, not the whole store. An instant subscription needs no
    time of day; daily and weekly ones do.
    """
    if cadence not in CADENCES:
        raise DigestError(f"The cadence is {', '.join(CADENCES[:-1])} or {CADENCES[-1]}, not “{cadence}”.")
    if cadence == INSTANT:
        at, zone = "00:00", "UTC"
    elif not at or not zone:
        raise DigestError(
            f"A {cadence} digest needs a time of day and a time zone, e.g. time:09:00 timezone:Europe/Berlin."
        )
    at, zone = parse_time(at), parse_timezone(zone)
    with store.write():
        device = _device_name(store, device, guild_id)
        existing = sql.channel_subscription_id(store, guild_id, channel_id, device)
        schedule = {"cadence": cadence, "time": at, "timezone": zone}
        if existing is None and len(subscriptions(store, guild_id)) >= MAX_PER_SERVER:
            raise DigestError(
                f"This server has {MAX_PER_SERVER} digests, the most it may have; "
                f"`/digest unsubscribe` one first."
            )
        if existing is not None:
            subscription_id = existing
            sql.update_subscription(store, subscription_id, schedule)
        else:
            subscription_id = sql.insert_subscription(
                store,
                {
                    "guild_id": guild_id,
                    "channel_id": channel_id,
                    "device": device,
                    **schedule,
                    "created_by": actor,
                    "last_claim_id": sql.latest_claim_id(store),
                    "created_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
                },
            )
        store.record(
            actor,
            "digest.subscribe",
            f"subscription:{subscription_id}",
            guild_id,
            f"channel {channel_id} {cadence} {at} {zone} {device or 'all devices'}",
        )
    return Subscription(**sql.subscription_row(store, subscription_id)), existing is not None


def unsubscribe(
    store: Store, *, guild_id: int, channel_id: int, device: str | None, actor: str
) -> Subscription:
    """End a channel's subscription (for one device, or the all-devices one)."""
    with store.write():
        rows = [s for s in subscriptions(store, guild_id) if s.channel_id == channel_id]
        wanted = device.strip().lower() if device and device.strip() else None
        matches = [s for s in rows if (s.device or "").lower() == (wanted or "")]
        if not matches:
            raise NoSuchDigest(channel_id, device, [s.scope for s in rows])
        subscription = matches[0]
        sql.remove_subscription(store, subscription.id)
        store.record(actor, "digest.unsubscribe", f"subscription:{subscription.id}", guild_id)
    return subscription


def list_subscriptions(store: Store, guild_id: int, now: datetime) -> list[SubscriptionStatus]:
    """A server's subscriptions with when each posts next, when it last posted and its open error."""
    statuses = []
    for subscription in subscriptions(store, guild_id):
        open_row = sql.open_delivery(store, subscription.id)
        statuses.append(
            SubscriptionStatus(
                subscription,
                next_window(subscription.cadence, subscription.time, subscription.timezone, now),
                sql.last_posted(store, subscription.id),
                open_row["last_error"] if open_row else None,
            )
        )
    return statuses
