"""What digests are made of: a subscription, a digest's contents, a subscription's standing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.answers.receipts import ClaimRow
from bot.errors import UserError

INSTANT = "instant"  # the cadence posting each new article's claims within a minute


class DigestError(UserError, ValueError):
    """A subscription request that cannot be done, with what to do instead."""


class NoSuchDigest(DigestError):
    """The channel has no digest for that device; `has` names the ones it has. The Discord side
    names the channel as a mention (`commands.render.digests.no_such_digest`)."""

    def __init__(self, channel_id: int, device: str | None, has: list[str]):
        self.channel_id, self.device, self.has = channel_id, device, has
        have = ", ".join(has)
        super().__init__(
            f"Channel {channel_id} has no digest for {device or 'all devices'}"
            + (f"; it has: {have}." if have else "; `/digest list` shows them.")
        )


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
        """What it is about: its device, or all devices."""
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
        """How many claims the digest holds, over every device."""
        return sum(len(group.claims) for group in self.groups)


@dataclass
class SubscriptionStatus:
    """A subscription as `/digest list` shows it: when it posts, and whether it is failing."""

    subscription: Subscription
    next_post: datetime
    last_posted: str | None
    open_error: str | None
