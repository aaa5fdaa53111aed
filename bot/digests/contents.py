"""What a digest holds: the claims added in its range that its server sees, grouped by device."""

from __future__ import annotations

from bot.answers.lookup import resolve_subject
from bot.answers.receipts import ClaimRow, claims_between
from bot.digests.model import INSTANT, Digest, DigestGroup, Subscription
from bot.digests.subscriptions import subscriptions
from bot.store import Store
from bot.store import digests as sql


def digest_claims(
    store: Store, subscription: Subscription, claims_from: int, claims_through: int
) -> list[ClaimRow]:
    """The claims in an id range that the subscription's server sees, of its device if it has one."""
    subject_id = None
    if subscription.device:
        resolution = resolve_subject(store, subscription.device, subscription.guild_id)
        if not resolution.found:
            return []
        assert resolution.subject is not None
        subject_id = resolution.subject.id
    return claims_between(store, claims_from, claims_through, subscription.guild_id, subject_id=subject_id)


def build_digest(
    store: Store, subscription: Subscription, claims_from: int, claims_through: int, since: str | None
) -> Digest:
    """The digest of a range of claim ids, its claims grouped by device in the order added, or,
    for an instant subscription, by article."""
    groups: dict[str, DigestGroup] = {}
    instant = subscription.cadence == INSTANT
    for claim in digest_claims(store, subscription, claims_from, claims_through):
        key = claim.article if instant else claim.subject
        heading = (claim.title or claim.source) if instant else claim.subject
        groups.setdefault(key, DigestGroup(heading)).claims.append(claim)
    return Digest(subscription, since, list(groups.values()))


def preview(store: Store, *, guild_id: int, channel_id: int | None = None) -> list[Digest]:
    """What the server's next digests would hold if they were posted now; nothing is recorded."""
    return [
        build_digest(store, s, s.last_claim_id + 1, sql.latest_claim_id(store), sql.last_posted(store, s.id))
        for s in subscriptions(store, guild_id)
        if channel_id is None or s.channel_id == channel_id
    ]
