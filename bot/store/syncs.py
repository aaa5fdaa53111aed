"""The SQL of command syncs: which command tree was last synced to each place, by its hash."""

from __future__ import annotations

from bot.store import Store, utc_now


def synced_hash(store: Store, scope: str) -> str | None:
    """The hash of the payload last synced to `scope`, or None when nothing was synced there."""
    row = store.db.execute("SELECT payload_hash FROM command_syncs WHERE scope = ?", [scope]).fetchone()
    return row[0] if row else None


def record_sync(store: Store, scope: str, payload_hash: str) -> None:
    """Remember that the payload with this hash is what `scope` now has."""
    with store.write():
        store.db.table("command_syncs").upsert(
            {"scope": scope, "payload_hash": payload_hash, "synced_at": utc_now()}, pk="scope"
        )
