"""The SQL of digests: subscriptions, and one delivery row per subscription and window.

`bot.digests` decides what is due and what a digest holds; every statement it needs is a named
function here. Writes run inside the caller's `store.write()` transaction.
"""

from __future__ import annotations

import json
from typing import cast

from bot.store import Store, utc_now

OPEN_STATUSES = ("pending", "failed", "blocked")


# Subscriptions ---------------------------------------------------------------------------------


def active_subscriptions(store: Store, guild_id: int | None = None) -> list[dict]:
    """The subscriptions not removed, of one server or (None) of all, oldest first."""
    where, params = "removed_at IS NULL", []
    if guild_id is not None:
        where, params = where + " AND guild_id = ?", [guild_id]
    return list(store.db.table("subscriptions").rows_where(where, params, order_by="id"))


def subscription_row(store: Store, subscription_id: int) -> dict:
    """A subscription's row, removed or not."""
    return store.db.table("subscriptions").get(subscription_id)


def channel_subscription_id(store: Store, guild_id: int, channel_id: int, device: str | None) -> int | None:
    """The active subscription of a channel for a device (None: all devices), if there is one."""
    row = store.db.execute(
        "SELECT id FROM subscriptions WHERE removed_at IS NULL AND guild_id = ? "
        "AND channel_id = ? AND device IS ?",
        [guild_id, channel_id, device],
    ).fetchone()
    return row[0] if row else None


def insert_subscription(store: Store, row: dict) -> int:
    """A new subscription; its id."""
    return cast(int, store.db.table("subscriptions").insert(row).last_pk)


def update_subscription(store: Store, subscription_id: int, changes: dict) -> None:
    """Change a subscription's columns (schedule, last claim, failing state)."""
    store.db.table("subscriptions").update(subscription_id, changes)


def remove_subscription(store: Store, subscription_id: int) -> None:
    """End a subscription; its row stays, for its deliveries and the audit log."""
    store.db.table("subscriptions").update(subscription_id, {"removed_at": utc_now()})


def latest_claim_id(store: Store) -> int:
    """The id of the newest claim (0 in an empty store): where a digest's range ends."""
    return store.db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]


# Deliveries ------------------------------------------------------------------------------------


def last_posted(store: Store, subscription_id: int) -> str | None:
    """When the subscription's last digest was posted, if ever."""
    return store.db.execute(
        "SELECT max(posted_at) FROM deliveries WHERE subscription_id = ? AND status = 'posted'",
        [subscription_id],
    ).fetchone()[0]


def open_delivery(store: Store, subscription_id: int) -> dict | None:
    """The subscription's latest delivery still to post (pending, failed or blocked), if any."""
    rows = list(
        store.db.table("deliveries").rows_where(
            f"subscription_id = ? AND status IN ({','.join('?' * len(OPEN_STATUSES))})",
            [subscription_id, *OPEN_STATUSES],
            order_by="id DESC",
            limit=1,
        )
    )
    return rows[0] if rows else None


def window_delivery(store: Store, subscription_id: int, window: str) -> tuple | None:
    """The (status, attempts) of the subscription's delivery for a window, if it has one."""
    return store.db.execute(
        "SELECT status, attempts FROM deliveries WHERE subscription_id = ? AND window = ?",
        [subscription_id, window],
    ).fetchone()


def delivery_row(store: Store, delivery_id: int) -> dict:
    """A delivery's row."""
    return store.db.table("deliveries").get(delivery_id)


def window_has_delivery(store: Store, subscription_id: int, window: str) -> bool:
    """Whether the subscription already has a delivery row for this window."""
    return bool(
        store.db.table("deliveries").count_where(
            "subscription_id = ? AND window = ?", [subscription_id, window]
        )
    )


def insert_delivery(
    store: Store, subscription_id: int, window: str, claims_from: int, claims_through: int, status: str
) -> dict:
    """A new delivery row (no page posted yet); returns it."""
    delivery_id = cast(
        int,
        store.db.table("deliveries")
        .insert(
            {
                "subscription_id": subscription_id,
                "window": window,
                "claims_from": claims_from,
                "claims_through": claims_through,
                "status": status,
                "message_ids": "[]",
                "attempts": 0,
                "created_at": utc_now(),
            }
        )
        .last_pk,
    )
    return store.db.table("deliveries").get(delivery_id)


def update_delivery(store: Store, delivery_id: int, changes: dict) -> None:
    """Change a delivery's columns (status, attempts, error, when posted)."""
    store.db.table("deliveries").update(delivery_id, changes)


def message_ids(row: dict) -> list[int]:
    """The message ids of the pages of a delivery posted so far, in page order."""
    return json.loads(row["message_ids"] or "[]")


def add_message_id(store: Store, delivery_id: int, message_id: int) -> None:
    """Record a posted page's message id after those before it."""
    row = store.db.table("deliveries").get(delivery_id)
    store.db.table("deliveries").update(
        delivery_id, {"message_ids": json.dumps(message_ids(row) + [message_id])}
    )
