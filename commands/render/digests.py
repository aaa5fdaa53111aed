"""Digests as Discord shows them: the pages of a digest, and the replies of `/digest`.

The core (`bot.digests`) returns what a digest holds (`Digest`) and how subscriptions stand
(`SubscriptionStatus`); channel mentions and Discord timestamps are written only here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.answers.receipts import ClaimRow
from bot.digests import INSTANT, Digest, NoSuchDigest, Subscription, SubscriptionStatus, next_window
from commands.render.embeds import embed_pages, escape, escape_keeping_channels, shorten
from commands.render.receipt import receipt_line

QUOTE_CHARS = 180


def _claim_line(claim: ClaimRow, with_subject: bool = False) -> str:
    subject = f"**{escape(claim.subject)}** · " if with_subject else ""
    return (
        f"{subject}**{claim.attribute}**: {escape(claim.value)} ({claim.status})\n"
        f"> “{shorten(escape(claim.quote), QUOTE_CHARS)}”\n"
        f"> {receipt_line(claim.source_name, claim.url, claim.published, claim.claim_id)}"
    )


def digest_pages(digest: Digest) -> list[list[dict]]:
    """The digest as pages of embeds, each page one message within Discord's limits; none when empty."""
    if not digest.claim_count:
        return []
    subscription = digest.subscription
    instant = subscription.cadence == INSTANT
    since = f" since {digest.since[:10]}" if digest.since and not instant else ""
    title = (
        f"Receipts: {digest.claim_count} new claims from {len(digest.groups)} new articles"
        if instant
        else f"Receipts digest: {digest.claim_count} new claims{since}"
    )
    sections = [
        (group.subject, [_claim_line(claim, instant) for claim in group.claims]) for group in digest.groups
    ]
    return embed_pages(
        title, sections, footer=f"{subscription.scope} · {subscription.schedule} · /digest list"
    )


def _timestamp(moment: datetime) -> str:
    """A Discord timestamp: each reader sees it in their own time zone."""
    return f"<t:{int(moment.timestamp())}:f>"


def subscribed_message(
    subscription: Subscription, replaced: bool, now: datetime, missing_permissions: Sequence[str] = ()
) -> str:
    """The reply to `/digest subscribe`, and what the bot lacks to post there, if anything."""
    verb = "Changed" if replaced else "Subscribed"
    if subscription.cadence == INSTANT:
        message = (
            f"{verb}: <#{subscription.channel_id}> gets the claims of each new article "
            f"about {subscription.scope} within a minute of its storing, grouped per "
            f"article. Nothing is posted while nothing new arrives."
        )
        return message + _cannot_post_yet(subscription, missing_permissions)
    upcoming = next_window(subscription.cadence, subscription.time, subscription.timezone, now)
    message = (
        f"{verb}: <#{subscription.channel_id}> gets the new claims about "
        f"{subscription.scope} {subscription.schedule}, from {_timestamp(upcoming)} on. "
        f"A digest is posted only when something new was added."
    )
    return message + _cannot_post_yet(subscription, missing_permissions)


def _cannot_post_yet(subscription: Subscription, missing_permissions: Sequence[str]) -> str:
    if not missing_permissions:
        return ""
    return (
        f"\n**I cannot post there yet**: missing {', '.join(missing_permissions)}. "
        f"Until a server admin gives me these in <#{subscription.channel_id}>, "
        f"`/digest list` shows this digest as failing."
    )


def unsubscribed_message(ended: Subscription) -> str:
    """The reply to `/digest unsubscribe`."""
    return f"<#{ended.channel_id}> no longer gets the digest about {ended.scope}."


def no_such_digest(error: NoSuchDigest) -> str:
    """Why `/digest unsubscribe` found nothing to end, with the channel as a mention."""
    have = ", ".join(error.has)
    return f"<#{error.channel_id}> has no digest for {error.device or 'all devices'}" + (
        f"; it has: {have}." if have else "; `/digest list` shows them."
    )


NO_DIGEST_TO_PREVIEW = "There is no digest to preview here; `/digest subscribe` starts one."
NOTHING_NEW_TO_PREVIEW = "Nothing new since the last digest: the next one would not be posted."


def subscription_list_pages(statuses: list[SubscriptionStatus]) -> list[list[dict]]:
    """`/digest list`: each subscription, when it posts next, and why it fails if it does."""
    lines = []
    for status in statuses:
        subscription = status.subscription
        line = (
            f"<#{subscription.channel_id}> · {escape(subscription.scope)} · "
            f"{subscription.schedule}\nnext {_timestamp(status.next_post)}"
            f" · last posted {(status.last_posted or 'never')[:16].replace('T', ' ')}"
        )
        problem = subscription.failing_reason or status.open_error
        if problem:
            since = (subscription.failing_since or "")[:16].replace("T", " ")
            line += (
                f"\n**Failing**{' since ' + since if since else ''}: "
                f"{escape_keeping_channels(problem)} "
                f"(retried at the next digest; its claims are kept)"
            )
        lines.append(line)
    if not lines:
        lines = ["No digests in this server; `/digest subscribe` starts one."]
    return embed_pages(f"Digests in this server ({len(statuses)})", [("Digests", lines)])
