"""Digests: the claims added since a subscription's last digest, posted to a channel on a schedule.

A subscription posts daily or weekly (Mondays) at a local time in its time zone. The moment a
digest is due is its *window*: the latest scheduled time at or before now. Each window gets at
most one delivery row, written before anything is posted, and the digest is posted exactly once
(`delivery` tells how). One module per job:

- `schedules`: times, time zones and windows;
- `subscriptions`: subscribing, unsubscribing, listing;
- `contents`: what a digest holds (the claims a server sees, grouped by device), and a preview;
- `delivery`: the state machine that posts each due digest exactly once.

Nothing here knows Discord: the digest's pages are made on the Discord side
(`commands.render.digests`) and every SQL statement is in `bot.store.digests`. The names below
are the package's interface, used by the Discord side and the tests.
"""

from bot.digests.contents import build_digest, digest_claims, preview
from bot.digests.delivery import (
    DELIVERY_DEADLINE,
    MAX_ATTEMPTS,
    THIS_PROCESS,
    DeliveryFailed,
    DeliveryJob,
    DeliveryOutcome,
    Worker,
    complete_delivery,
    deliver_due,
    delivery_due,
    plan_current,
    plan_delivery,
    record_failure,
    record_posted_page,
    subscriptions_due,
)
from bot.digests.model import (
    INSTANT,
    Digest,
    DigestError,
    DigestGroup,
    NoSuchDigest,
    Subscription,
    SubscriptionStatus,
)
from bot.digests.schedules import (
    CADENCES,
    latest_window,
    next_window,
    parse_time,
    parse_timezone,
    timezone_names,
    window_key,
)
from bot.digests.subscriptions import (
    MAX_PER_SERVER,
    list_subscriptions,
    subscribe,
    subscriptions,
    unsubscribe,
)

__all__ = [
    "CADENCES",
    "DELIVERY_DEADLINE",
    "INSTANT",
    "MAX_ATTEMPTS",
    "MAX_PER_SERVER",
    "THIS_PROCESS",
    "DeliveryFailed",
    "DeliveryJob",
    "DeliveryOutcome",
    "Digest",
    "DigestError",
    "DigestGroup",
    "NoSuchDigest",
    "Subscription",
    "SubscriptionStatus",
    "Worker",
    "build_digest",
    "complete_delivery",
    "deliver_due",
    "delivery_due",
    "digest_claims",
    "latest_window",
    "list_subscriptions",
    "next_window",
    "parse_time",
    "parse_timezone",
    "plan_current",
    "plan_delivery",
    "preview",
    "record_failure",
    "record_posted_page",
    "subscribe",
    "subscriptions",
    "subscriptions_due",
    "timezone_names",
    "unsubscribe",
    "window_key",
]
