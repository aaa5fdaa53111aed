"""The SQL of leases: one row per piece of once-only work, naming who holds it and until when.

`bot.leases` decides when a lease is taken, renewed and given up; each of those is one statement
here, run inside the caller's `store.write()` transaction, so that two owners never both hold a
lease. Moments are Unix seconds (`expires_at`), read from the one clock the processes share.
"""

from __future__ import annotations

from bot.store import Store, utc_now


def claim_lease(store: Store, name: str, owner: str, expires_at: float, now: float) -> bool:
    """Make `owner` the holder of `name` until `expires_at`, if the lease is free, ran out by
    `now`, or is already `owner`'s; whether it is now `owner`'s. One upsert, so two processes
    racing for a free lease cannot both win."""
    cursor = store.db.conn.execute(
        "INSERT INTO leases (name, owner, expires_at, taken_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, "
        "expires_at = excluded.expires_at, taken_at = excluded.taken_at "
        "WHERE leases.owner = excluded.owner OR leases.expires_at <= ?",
        [name, owner, expires_at, utc_now(), now],
    )
    return cursor.rowcount == 1


def extend_lease(store: Store, name: str, owner: str, expires_at: float) -> bool:
    """Move `owner`'s lease on to `expires_at`; False when it is no longer `owner`'s (it ran
    out and another owner took it)."""
    cursor = store.db.conn.execute(
        "UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ?", [expires_at, name, owner]
    )
    return cursor.rowcount == 1


def drop_lease(store: Store, name: str, owner: str) -> None:
    """Free the lease if `owner` holds it; another owner's lease is left alone."""
    store.db.conn.execute("DELETE FROM leases WHERE name = ? AND owner = ?", [name, owner])


def lease_holder(store: Store, name: str, now: float) -> str | None:
    """The owner of a lease that has not run out by `now`; None when there is none."""
    row = store.db.execute(
        "SELECT owner FROM leases WHERE name = ? AND expires_at > ?", [name, now]
    ).fetchone()
    return row[0] if row else None
