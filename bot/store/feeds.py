"""The SQL of feeds: the feeds followed, each one's poll state, and the entries each has seen.

`bot.feeds.subscriptions` decides what may be followed and what a poll changes; every statement
it needs is a named function here. A feed is returned as its row (a dict of its columns), and
only while it is followed: a removed feed's row stays for the audit log and is never read
again. Writes run inside the caller's `store.write()` transaction.
"""

from __future__ import annotations

from typing import cast

from bot.store import Store, normalised_url, utc_now

# Feeds -----------------------------------------------------------------------------------------


def _followed(store: Store, where: str, params: list) -> list[dict]:
    """The followed feeds matching `where`, oldest first: the one query every lookup shares."""
    return list(
        store.db.query(f"SELECT * FROM feeds WHERE removed_at IS NULL AND {where} ORDER BY id", params)
    )


def followed_feed(store: Store, feed_id: int) -> dict | None:
    """A followed feed's row by its number; None once it is removed (or was never there)."""
    found = _followed(store, "id = ?", [feed_id])
    return found[0] if found else None


def feeds_of(store: Store, guild_id: int | None) -> list[dict]:
    """The feeds a server follows, or (None) the command line's."""
    return _followed(store, "guild_id IS ?", [guild_id])


def all_feeds(store: Store) -> list[dict]:
    """Every followed feed, of every server and the command line."""
    return _followed(store, "1", [])


def feeds_following(
    store: Store, guild_id: int | None, url: str, *, other_than: int | None = None
) -> list[dict]:
    """The feeds of one owner that follow a url (by its normalised form), but `other_than`: a
    url is followed once per server, and a redirect may not lead onto another feed's url."""
    if other_than is None:
        return _followed(store, "guild_id IS ? AND url_key = ?", [guild_id, normalised_url(url)])
    return _followed(
        store, "guild_id IS ? AND url_key = ? AND id != ?", [guild_id, normalised_url(url), other_than]
    )


def feeds_due(store: Store, moment: str) -> list[dict]:
    """The feeds not paused whose next poll is at `moment` (ISO 8601, UTC) or before, soonest
    first; a feed with no next poll yet is due at once."""
    return list(
        store.db.query(
            "SELECT * FROM feeds WHERE removed_at IS NULL AND paused_at IS NULL "
            "AND (next_poll_at IS NULL OR next_poll_at <= ?) ORDER BY next_poll_at, id",
            [moment],
        )
    )


def feeds_with_notice(store: Store, notice: str) -> list[dict]:
    """The feeds whose pause notice stands at `notice` (due: the moderators are still to be told)."""
    return _followed(store, "notice = ?", [notice])


def insert_feed(store: Store, row: dict) -> int:
    """A new feed; its number."""
    return cast(int, store.db.table("feeds").insert(row).last_pk)


def update_feed(store: Store, feed_id: int, changes: dict) -> None:
    """Change a feed's columns (a poll's outcome, a pause, a resume, its notice)."""
    store.db.table("feeds").update(feed_id, changes)


def mark_feed_removed(store: Store, feed_id: int) -> None:
    """Stop following a feed; its row stays for the audit log, its entries for the articles."""
    store.db.table("feeds").update(feed_id, {"removed_at": utc_now()})


# Entries ---------------------------------------------------------------------------------------


def seen_entry(store: Store, feed_id: int, key: str) -> tuple[str | None, int] | None:
    """What a feed remembers of an entry: (the article it became or None, failed attempts at its
    page), or None when the feed never saw it."""
    return store.db.execute(
        "SELECT article_id, attempts FROM feed_entries WHERE feed_id = ? AND entry_key = ?",
        [feed_id, key],
    ).fetchone()


def article_of_entry(store: Store, key: str, guild_id: int | None) -> str | None:
    """The article another feed stored for an entry of this id, if a server (or, None, the
    command line) sees it: two feeds carrying one story store it once."""
    row = store.db.execute(
        "SELECT fe.article_id FROM feed_entries fe JOIN articles a ON a.id = fe.article_id "
        "WHERE fe.entry_key = ? AND (a.guild_id IS NULL OR a.guild_id IS ?) LIMIT 1",
        [key, guild_id],
    ).fetchone()
    return row[0] if row else None


def article_at_url(store: Store, url: str, guild_id: int | None) -> str | None:
    """The article stored from a url (by its normalised form) that a server sees, if any: an
    entry linking a page already added by hand is not fetched again."""
    row = store.db.execute(
        "SELECT id FROM articles WHERE url_key = ? AND (guild_id IS NULL OR guild_id IS ?) LIMIT 1",
        [normalised_url(url), guild_id],
    ).fetchone()
    return row[0] if row else None


def mark_entry(
    store: Store, feed_id: int, key: str, url: str | None, article_id: str | None, now: str
) -> None:
    """Remember an entry as seen by a feed, with its article; seen again, an entry keeps the
    article it has when this one is None (skipped)."""
    store.db.execute(
        "INSERT INTO feed_entries (feed_id, entry_key, url_key, article_id, attempts, "
        "seen_at) VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (feed_id, entry_key) DO UPDATE "
        "SET article_id = coalesce(excluded.article_id, article_id)",
        [feed_id, key, normalised_url(url), article_id, now],
    )


def count_entry_failure(store: Store, feed_id: int, key: str, url: str | None, error: str) -> int:
    """Count one more failed attempt at an entry's page, with its error; the attempts so far."""
    store.db.execute(
        "INSERT INTO feed_entries (feed_id, entry_key, url_key, attempts, last_error, seen_at) "
        "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (feed_id, entry_key) DO UPDATE "
        "SET attempts = attempts + 1, last_error = excluded.last_error",
        [feed_id, key, normalised_url(url), error, utc_now()],
    )
    return store.db.execute(
        "SELECT attempts FROM feed_entries WHERE feed_id = ? AND entry_key = ?", [feed_id, key]
    ).fetchone()[0]
