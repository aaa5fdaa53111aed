"""Leases: work that exactly one of several processes does, claimed through a row in the store.

Several processes of the bot can share one store (README, "Running at scale"). Work that must
happen once, such as posting a digest, is taken through a lease: a row naming the work
(`digest:17`), who holds it (`owner`, one name per process) and until when (`expires_at`, Unix
seconds). The holder renews it while it works; a process that dies stops renewing, so its lease
runs out and the next process to take it resumes from what the work itself recorded (a
delivery's posted message ids), never from the start.

Taking and renewing are each one statement in a write transaction (their SQL is
`bot.store.leases`), so two owners never hold a lease at once, as long as the processes read one
clock (they share a machine with the store).
The functions take the `Store` first, so the bot runs them with `run_store` like other store work.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import Any

from bot.store import Store
from bot.store import leases as sql

log = logging.getLogger("receipts.leases")

DEFAULT_LEASE_SECONDS = 30.0
RENEWALS_PER_TERM = 3  # renewed every third of its term: two renewals may be late before it lapses

StoreRunner = Callable[..., Awaitable[Any]]


def process_owner(label: str = "") -> str:
    """A lease owner name unique to this process: host, pid and a random tag (pids are reused)."""
    name = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
    return f"{name} {label}".strip()


THIS_PROCESS = process_owner()  # the owner name of work taken with no other name given


def take(store: Store, name: str, owner: str, seconds: float, now: float | None = None) -> bool:
    """Hold the lease `name` for `seconds` if it is free, expired, or already `owner`'s."""
    now = time.time() if now is None else now
    with store.write():
        return sql.claim_lease(store, name, owner, now + seconds, now)


def renew(store: Store, name: str, owner: str, seconds: float, now: float | None = None) -> bool:
    """Extend `owner`'s lease; False when another owner has taken it since (it had expired)."""
    now = time.time() if now is None else now
    with store.write():
        return sql.extend_lease(store, name, owner, now + seconds)


def release(store: Store, name: str, owner: str) -> None:
    """Give the lease up (the work is done or handed back); another owner's lease is left alone."""
    with store.write():
        sql.drop_lease(store, name, owner)


def holder(store: Store, name: str, now: float | None = None) -> str | None:
    """Who holds the lease now; None when it is free or has expired."""
    now = time.time() if now is None else now
    return sql.lease_holder(store, name, now)


@dataclass
class Lease:
    """A lease this process holds while it works; `lost` once another owner has taken it."""

    run: StoreRunner
    name: str
    owner: str
    seconds: float
    lost: bool = False

    async def renew(self) -> bool:
        """Extend it now (before each step of the work); False, for good, once it is lost."""
        if not self.lost and not await self.run(renew, self.name, self.owner, self.seconds):
            self.lost = True
            log.warning("lease %s was taken over by another process; leaving the work to it", self.name)
        return not self.lost

    async def keep_renewed(self) -> None:
        while True:
            await asyncio.sleep(self.seconds / RENEWALS_PER_TERM)
            if not await self.renew():
                return


@asynccontextmanager
async def held(
    run: StoreRunner, name: str, owner: str, seconds: float = DEFAULT_LEASE_SECONDS
) -> AsyncIterator[Lease | None]:
    """The lease `name`, renewed in the background while the block runs and released after it;
    None (and the block should do nothing) when another process holds it.

    A lease is released only when the block ends by itself or with an error: a process killed
    in the block releases nothing, and its lease runs out `seconds` later.
    """
    if not await run(take, name, owner, seconds):
        yield None
        return
    lease = Lease(run, name, owner, seconds)
    renewing = asyncio.create_task(lease.keep_renewed(), name=f"renew {name}")
    try:
        yield lease
    finally:
        renewing.cancel()
        with suppress(asyncio.CancelledError):
            await renewing
        if not lease.lost:
            await run(release, name, owner)
