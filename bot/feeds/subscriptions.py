"""Following, listing and removing feeds, their poll results, and the entries seen, each change
one transaction with its audit line; the SQL of each is a named function of `bot.store.feeds`.

A feed belongs to a server (`guild_id`), whose articles its entries become, or to no server when
it was added from the command line (its articles are seen everywhere, as command-line articles
are). The same url can be followed once per server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.feeds import FeedError
from bot.models import Article, Claim
from bot.store import AddResult, Store, normalised_url, utc_now
from bot.store import feeds as sql

DEFAULT_INTERVAL_MINUTES = 15
MIN_INTERVAL_MINUTES = 5
MAX_INTERVAL_MINUTES = 24 * 60
DEFAULT_BACKFILL = 10
MAX_BACKFILL = 100
MAX_FEEDS_PER_SERVER = 50
NOTICE_DUE, NOTICE_POSTED, NOTICE_LISTED = "due", "posted", "listed"


@dataclass
class Feed:
    id: int
    guild_id: int | None
    url: str
    url_key: str
    title: str | None
    site_url: str | None
    kind: str | None
    interval_minutes: int
    backfill: int
    etag: str | None
    last_modified: str | None
    added_by: str
    added_at: str
    last_poll_at: str | None
    last_status: str | None
    last_success_at: str | None
    last_new_entry_at: str | None
    next_poll_at: str | None
    last_error: str | None
    failures: int
    gone_since: str | None
    paused_at: str | None
    paused_reason: str | None
    notice: str | None
    notice_message_id: int | None
    removed_at: str | None

    @property
    def name(self) -> str:
        return self.title or self.url

    @property
    def first_poll(self) -> bool:
        """No poll has read the feed yet (failed ones do not count): backfill applies."""
        return self.last_success_at is None


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _feed_list(rows: list[dict]) -> list[Feed]:
    return [Feed(**row) for row in rows]


def feed(store: Store, feed_id: int) -> Feed | None:
    row = sql.followed_feed(store, feed_id)
    return Feed(**row) if row else None


def feeds_of(store: Store, guild_id: int | None) -> list[Feed]:
    """The feeds a server follows, or (None) the command line's."""
    return _feed_list(sql.feeds_of(store, guild_id))


def all_feeds(store: Store) -> list[Feed]:
    return _feed_list(sql.all_feeds(store))


def find_feed(store: Store, guild_id: int | None, given: str) -> Feed:
    """A server's feed by its number or its url, or FeedError listing what there is."""
    given = given.strip().removeprefix("#")
    candidates = feeds_of(store, guild_id)
    for candidate in candidates:
        if given == str(candidate.id) or normalised_url(given) == candidate.url_key:
            return candidate
    where = "this server" if guild_id is not None else "the command line"
    raise FeedError(
        f"No feed “{given}” is followed by {where}; "
        + ("`/feed list` shows them." if guild_id is not None else "`feeds list` shows them.")
    )


def add_feed(
    store: Store,
    *,
    guild_id: int | None,
    url: str,
    title: str | None,
    site_url: str | None,
    kind: str,
    actor: str,
    backfill: int = DEFAULT_BACKFILL,
    interval_minutes: int = DEFAULT_INTERVAL_MINUTES,
    now: datetime | None = None,
) -> Feed:
    """Follow a checked feed; its first poll is due at once."""
    if not MIN_INTERVAL_MINUTES <= interval_minutes <= MAX_INTERVAL_MINUTES:
        raise FeedError(
            f"A feed is polled every {MIN_INTERVAL_MINUTES} to "
            f"{MAX_INTERVAL_MINUTES} minutes, not {interval_minutes}."
        )
    if not 0 <= backfill <= MAX_BACKFILL:
        raise FeedError(
            f"backfill is how many of the feed's current entries to store now: "
            f"0 to {MAX_BACKFILL}, not {backfill}."
        )
    key = normalised_url(url)
    with store.write():
        existing = _feed_list(sql.feeds_following(store, guild_id, url))
        if existing:
            raise FeedError(f"{existing[0].name} is already followed here (feed #{existing[0].id}).")
        if guild_id is not None and len(feeds_of(store, guild_id)) >= MAX_FEEDS_PER_SERVER:
            raise FeedError(
                f"This server follows {MAX_FEEDS_PER_SERVER} feeds, the most it may; "
                f"`/feed remove` one first."
            )
        feed_id = sql.insert_feed(
            store,
            {
                "guild_id": guild_id,
                "url": url,
                "url_key": key,
                "title": title,
                "site_url": site_url,
                "kind": kind,
                "interval_minutes": interval_minutes,
                "backfill": backfill,
                "added_by": actor,
                "added_at": utc_now(),
                "failures": 0,
                "next_poll_at": iso(now or datetime.now(UTC)),
            },
        )
        store.record(actor, "feed.add", f"feed:{feed_id}", guild_id, url)
    added = feed(store, feed_id)
    assert added is not None
    return added


def remove_feed(store: Store, *, guild_id: int | None, given: str, actor: str) -> Feed:
    """Stop following a feed; the articles it brought stay."""
    with store.write():
        found = find_feed(store, guild_id, given)
        sql.mark_feed_removed(store, found.id)
        store.record(actor, "feed.remove", f"feed:{found.id}", guild_id, found.url)
    return found


def resume_feed(store: Store, feed_id: int, *, actor: str, now: datetime) -> Feed:
    """Unpause a feed (a moderator asked for a poll): its failures start again from none. A feed
    removed since it was named (by another moderator, or another process) is a FeedError."""
    with store.write():
        found = feed(store, feed_id)
        if found is None:
            raise FeedError(f"Feed #{feed_id} is no longer followed: it was removed meanwhile.")
        if found.paused_at:
            sql.update_feed(
                store,
                feed_id,
                {
                    "paused_at": None,
                    "paused_reason": None,
                    "notice": None,
                    "failures": 0,
                    "gone_since": None,
                    "notice_message_id": None,
                    "next_poll_at": iso(now),
                },
            )
            store.record(actor, "feed.resume", f"feed:{feed_id}", found.guild_id)
        resumed = feed(store, feed_id)  # read inside the transaction: nothing removed it since
    assert resumed is not None
    return resumed


def due_feeds(store: Store, now: datetime) -> list[Feed]:
    """The feeds whose next poll has come, soonest first; paused ones wait for a moderator."""
    return _feed_list(sql.feeds_due(store, iso(now)))


def update_feed(store: Store, feed_id: int, changes: dict, *, audit: str | None = None) -> Feed | None:
    """Write a poll's outcome; `audit` adds a line to the audit log (a new url, a pause)."""
    with store.write():
        sql.update_feed(store, feed_id, changes)
        if audit:
            found = feed(store, feed_id)
            store.record(
                "feeds",
                audit,
                f"feed:{feed_id}",
                found.guild_id if found else None,
                changes.get("paused_reason") or changes.get("url"),
            )
    return feed(store, feed_id)


def url_taken(store: Store, guild_id: int | None, url: str, feed_id: int) -> bool:
    """Whether another feed of the same owner already follows a url (a redirect's target)."""
    return bool(sql.feeds_following(store, guild_id, url, other_than=feed_id))


# Entries --------------------------------------------------------------------------------------


@dataclass
class EntryState:
    """What is known of an entry before it is fetched: stored already (as which article), or
    seen before without an article (its page failed `attempts` times)."""

    article_id: str | None = None
    attempts: int = 0
    seen: bool = False


def entry_states(
    store: Store, feed_id: int, guild_id: int | None, entries: list[tuple[str, str | None]]
) -> dict[str, EntryState]:
    """For each (key, url) of a poll's entries, what the store knows: this feed saw it, another
    feed stored it (same id) or an article has its url, in what this feed's server sees."""
    states = {}
    for key, url in entries:
        row = sql.seen_entry(store, feed_id, key)
        if row and row[0]:
            states[key] = EntryState(row[0], row[1], True)
            continue
        other = sql.article_of_entry(store, key, guild_id)
        if other is None and url:
            other = sql.article_at_url(store, url, guild_id)
        states[key] = EntryState(other, row[1] if row else 0, bool(row))
    return states


def mark_entries(store: Store, feed_id: int, marks: list[tuple[str, str | None, str | None]]) -> None:
    """Remember entries as seen by a feed, with the article each is (None: skipped by backfill)."""
    now = utc_now()
    with store.write():
        for key, url, article_id in marks:
            sql.mark_entry(store, feed_id, key, url, article_id, now)


def entry_failed(store: Store, feed_id: int, key: str, url: str | None, error: str) -> int:
    """Count a failed attempt at an entry's page; returns the attempts so far."""
    with store.write():
        return sql.count_entry_failure(store, feed_id, key, url, error)


def store_entry(
    store: Store, feed_id: int, key: str, article: Article, claims: list[Claim], *, guild_id: int | None
) -> AddResult:
    """Store an entry's article with its claims (or find it is a duplicate), then mark the entry.

    The article is one transaction (`add_article`); marking the entry is another, and a crash
    between the two only means the next poll finds the article by its url or body and marks it.
    """
    result = store.add_article(article, claims, guild_id=guild_id, added_by=f"feed:{feed_id}")
    mark_entries(store, feed_id, [(key, article.url, result.article_id)])
    return result


def pending_notices(store: Store) -> list[Feed]:
    """Paused feeds whose server's moderators have not been told yet."""
    return _feed_list(sql.feeds_with_notice(store, NOTICE_DUE))


def record_notice(store: Store, feed_id: int, status: str, message_id: int | None = None) -> None:
    with store.write():
        sql.update_feed(store, feed_id, {"notice": status, "notice_message_id": message_id})
