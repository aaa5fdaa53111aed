"""The claim store: one SQLite file, managed with sqlite-utils.

Articles, the subjects they speak of, their claims, aliases, digest subscriptions and deliveries,
leases on once-only work, and an audit log of who did what. The schema is versioned with
`PRAGMA user_version`; opening an older file runs the missing migrations in order and keeps
every row.

One writer and many readers: a `Store` is the writing connection, and every write transaction
takes SQLite's write lock when it begins (`BEGIN IMMEDIATE`), so two writers queue for at most
`busy_timeout` seconds instead of one failing at once when its read turns into a write.
`Store.reader()` opens another connection that only reads: in WAL mode it sees the last commit and
never waits for a writer. SQLite's failures (a busy, full, read-only, damaged or foreign file) are
turned into a `StoreError` whose message is one sentence a person can act on.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit, urlunsplit

import sqlite_utils

from bot.errors import UserError
from bot.models import Article, Claim
from bot.names import name_key

BUSY_TIMEOUT = 10.0  # seconds a write waits for another writer before it gives up
# Errors of the code, not of the file or the disk: they keep their own type and traceback.
PROGRAMMING_ERRORS = (
    sqlite3.IntegrityError,
    sqlite3.ProgrammingError,
    sqlite3.InterfaceError,
    sqlite3.DataError,
)


def utc_now() -> str:
    """Now, in UTC, as the store writes moments: ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def normalised_url(url: str | None) -> str | None:
    """A url without fragment, default ports, `www.` or a trailing slash, for duplicate checks."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "https", host, path, parts.query, ""))


def _schema_v1(db: sqlite_utils.Database) -> None:
    """The first schema: articles, subjects, aliases, claims, digests."""
    db.table("articles").create(
        {
            "id": str,
            "url": str,
            "url_key": str,
            "title": str,
            "outlet": str,
            "published": str,
            "published_basis": str,
            "body": str,
            "sha256": str,
            "guild_id": int,
            "added_by": str,
            "added_at": str,
            "removed_at": str,
            "removed_by": str,
        },
        pk="id",
    )
    db.table("subjects").create(
        {"id": int, "name": str, "key": str, "brand": str, "kind": str},
        pk="id",
        not_null={"name", "key", "kind"},
    )
    db.table("claims").create(
        {
            "id": int,
            "article_id": str,
            "subject_id": int,
            "attribute": str,
            "value": str,
            "status": str,
            "quote": str,
            "start": int,
            "end": int,
            "mention": str,
            "created_at": str,
            "retracted_at": str,
            "retracted_by": str,
            "reason": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("subject_id", "subjects", "id")],
    )
    db.table("aliases").create(
        {"id": int, "alias": str, "key": str, "subject_id": int, "claim_id": int},
        pk="id",
        foreign_keys=[("subject_id", "subjects", "id"), ("claim_id", "claims", "id")],
    )
    db.table("subscriptions").create(
        {
            "id": int,
            "guild_id": int,
            "channel_id": int,
            "cadence": str,
            "time": str,
            "timezone": str,
            "device": str,
            "created_by": str,
            "created_at": str,
            "last_claim_id": int,
            "failing_reason": str,
            "failing_since": str,
            "removed_at": str,
        },
        pk="id",
    )
    db.table("deliveries").create(
        {
            "id": int,
            "subscription_id": int,
            "window": str,
            "claims_from": int,
            "claims_through": int,
            "status": str,
            "message_ids": str,
            "attempts": int,
            "last_error": str,
            "created_at": str,
            "posted_at": str,
        },
        pk="id",
        foreign_keys=[("subscription_id", "subscriptions", "id")],
    )
    db.table("subjects").create_index(["key"], unique=True)
    db.table("articles").create_index(["sha256"])
    db.table("articles").create_index(["url_key"])
    db.table("claims").create_index(["subject_id", "attribute"])
    db.table("claims").create_index(["article_id"])
    db.table("aliases").create_index(["key"])
    db.table("aliases").create_index(["subject_id"])
    db.table("deliveries").create_index(["subscription_id", "window"], unique=True)


def _schema_v2(db: sqlite_utils.Database) -> None:
    """Full-text search on article bodies and claim quotes, and the audit log."""
    db.table("articles").enable_fts(["title", "body"], create_triggers=True, tokenize="porter")
    db.table("claims").enable_fts(["quote"], create_triggers=True, tokenize="porter")
    db.table("audit").create(
        {"id": int, "at": str, "guild_id": int, "actor": str, "action": str, "target": str, "detail": str},
        pk="id",
    )
    db.table("audit").create_index(["target"])


def _schema_v3(db: sqlite_utils.Database) -> None:
    """Indexes for answering fast on a big store.

    `/spec` tallies a device's claims from one index (subject, attribute, value, status, article,
    retraction) and checks each article's visibility and date from another, never reading a
    quote or a body it does not show; "the latest reports" reads articles by date.
    """
    db.table("claims").create_index(
        ["subject_id", "attribute", "value", "status", "article_id", "retracted_at"],
        index_name="idx_claims_tally",
        if_not_exists=True,
    )
    db.table("articles").create_index(
        ["id", "removed_at", "guild_id", "published"], index_name="idx_articles_visible", if_not_exists=True
    )
    db.table("articles").create_index(["published"], if_not_exists=True)


def _schema_v4(db: sqlite_utils.Database) -> None:
    """What `/spec` needs of a claim's article, copied onto the claim, and one index to count it.

    Checking each claim's article for visibility and date cost ~1.3 µs a claim, and a heavy device
    has thousands. So every claim carries its article's `published`, `guild_id` and whether it is
    removed (`article_removed`), kept equal to the article's by triggers: filled when a claim is
    inserted (or moved to another article), rewritten when an article is removed, restored,
    redated or given another guild. `idx_claims_value_groups` orders a subject's claims by value
    group (attribute, value as compared, denial) and, within one, by weight (confirmed, date, id),
    so the tally streams through one index without sorting and reads each group's weightiest
    claim from its end; it starts like the two indexes it replaces.

    The full-text trigger on claims re-indexed the quote on every update; it now fires only when
    the quote (or the id) changes, so copying article fields does not rewrite the search index.
    """
    db.execute("DROP TRIGGER IF EXISTS claims_au")
    db.execute(
        "CREATE TRIGGER claims_au AFTER UPDATE OF id, quote ON claims BEGIN "
        "INSERT INTO claims_fts (claims_fts, rowid, quote) "
        "VALUES ('delete', old.rowid, old.quote); "
        "INSERT INTO claims_fts (rowid, quote) VALUES (new.rowid, new.quote); END"
    )
    db.execute("ALTER TABLE claims ADD COLUMN published TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN guild_id INTEGER")
    db.execute("ALTER TABLE claims ADD COLUMN article_removed INTEGER NOT NULL DEFAULT 0")
    copy = (
        "UPDATE claims SET (published, guild_id, article_removed) = "
        "(SELECT a.published, a.guild_id, a.removed_at IS NOT NULL FROM articles a "
        "WHERE a.id = claims.article_id)"
    )
    db.execute(copy)
    for event in ("INSERT", "UPDATE OF article_id"):
        name = "claims_copy_article_on_" + event.split()[0].lower()
        db.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON claims BEGIN {copy} WHERE claims.id = new.id; END"
        )
    db.execute(
        "CREATE TRIGGER articles_copy_to_claims "
        "AFTER UPDATE OF published, guild_id, removed_at ON articles BEGIN "
        "UPDATE claims SET published = new.published, guild_id = new.guild_id, "
        "article_removed = new.removed_at IS NOT NULL WHERE article_id = new.id; END"
    )
    db.execute("DROP INDEX IF EXISTS idx_claims_tally")
    db.execute("DROP INDEX IF EXISTS idx_claims_subject_id_attribute")
    db.execute(
        "CREATE INDEX idx_claims_value_groups ON claims (subject_id, attribute, "
        "lower(trim(value)), status = 'denied', status = 'confirmed', published, id, "
        "article_id, guild_id, article_removed, retracted_at, status, value)"
    )


def _schema_v5(db: sqlite_utils.Database) -> None:
    """`names_version`: counters the triggers raise, so readers keep what they worked out (the
    name index, a second to build on a big store) while articles are added, instead of working
    it out again after every commit.

    `added` counts new subjects, which the index takes in without reading the others again;
    `changed` counts every other change of a name: a subject changed or deleted, any alias,
    and the standing of an alias claim (retracted, article removed, guild). `hidden` counts
    changes that can hide a claim from a guild (retracted, article removed, guild or subject
    changed, deleted): while it stands still, a subject a guild could see stays visible.
    """
    db.execute(
        "CREATE TABLE names_version (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "added INTEGER NOT NULL, changed INTEGER NOT NULL, hidden INTEGER NOT NULL)"
    )
    db.execute("INSERT INTO names_version (id, added, changed, hidden) VALUES (1, 0, 0, 0)")
    db.execute(
        "CREATE TRIGGER subjects_names_insert AFTER INSERT ON subjects "
        "BEGIN UPDATE names_version SET added = added + 1; END"
    )
    changed = "UPDATE names_version SET changed = changed + 1"
    for table, event in (
        ("subjects", "UPDATE"),
        ("subjects", "DELETE"),
        ("aliases", "INSERT"),
        ("aliases", "UPDATE"),
        ("aliases", "DELETE"),
    ):
        db.execute(
            f"CREATE TRIGGER {table}_names_{event.lower()} AFTER {event} ON {table} BEGIN {changed}; END"
        )
    db.execute(
        f"CREATE TRIGGER claims_names_alias AFTER UPDATE OF retracted_at, article_removed, "
        f"guild_id, attribute ON claims WHEN new.attribute = 'alias' OR "
        f"old.attribute = 'alias' BEGIN {changed}; END"
    )
    hidden = "UPDATE names_version SET hidden = hidden + 1"
    db.execute(
        f"CREATE TRIGGER claims_hidden_update AFTER UPDATE OF retracted_at, "
        f"article_removed, guild_id, subject_id ON claims WHEN "
        f"(old.retracted_at IS NULL AND new.retracted_at IS NOT NULL) "
        f"OR new.article_removed > old.article_removed "
        f"OR old.guild_id IS NOT new.guild_id OR old.subject_id IS NOT new.subject_id "
        f"BEGIN {hidden}; END"
    )
    db.execute(f"CREATE TRIGGER claims_hidden_delete AFTER DELETE ON claims BEGIN {hidden}; END")


def _schema_v6(db: sqlite_utils.Database) -> None:
    """News feeds a server (or, with no guild, the command line) follows, and the entries seen.

    A feed row carries what polite polling needs between polls (the validators for a conditional
    GET, when to poll next, how many polls in a row failed, since when it has been gone) and why
    it is paused, with whether the moderators were told. An entry row remembers each entry of a
    feed once (by its id, else its url), and the article it became, so a re-dated or re-ordered
    feed adds nothing; `attempts` counts entries whose linked page could not be fetched yet.
    """
    db.table("feeds").create(
        {
            "id": int,
            "guild_id": int,
            "url": str,
            "url_key": str,
            "title": str,
            "site_url": str,
            "kind": str,
            "interval_minutes": int,
            "backfill": int,
            "etag": str,
            "last_modified": str,
            "added_by": str,
            "added_at": str,
            "last_poll_at": str,
            "last_status": str,
            "last_success_at": str,
            "last_new_entry_at": str,
            "next_poll_at": str,
            "last_error": str,
            "failures": int,
            "gone_since": str,
            "paused_at": str,
            "paused_reason": str,
            "notice": str,
            "notice_message_id": int,
            "removed_at": str,
        },
        pk="id",
        defaults={"failures": 0},
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_feeds_followed ON feeds (coalesce(guild_id, 0), url_key) "
        "WHERE removed_at IS NULL"
    )
    db.table("feeds").create_index(["next_poll_at"])
    db.table("feed_entries").create(
        {
            "id": int,
            "feed_id": int,
            "entry_key": str,
            "url_key": str,
            "article_id": str,
            "attempts": int,
            "last_error": str,
            "seen_at": str,
        },
        pk="id",
        foreign_keys=[("feed_id", "feeds", "id")],
        defaults={"attempts": 0},
    )
    db.table("feed_entries").create_index(["feed_id", "entry_key"], unique=True)
    db.table("feed_entries").create_index(["entry_key"])
    db.table("feed_entries").create_index(["article_id"])


def _schema_v7(db: sqlite_utils.Database) -> None:
    """Leases (bot/leases.py), for work that one of several processes does, and who posted each
    delivery (`posted_by`, the lease owner), so a delivery finished by another process says so."""
    db.table("leases").create(
        {"name": str, "owner": str, "expires_at": float, "taken_at": str},
        pk="name",
        not_null={"owner", "expires_at"},
    )
    db.execute("ALTER TABLE deliveries ADD COLUMN posted_by TEXT")


def _schema_v8(db: sqlite_utils.Database) -> None:
    """`command_syncs`: the hash of the command tree last synced to each place (an application's
    global commands, or one server's), so the bot syncs only when its commands changed: Discord
    rate-limits command creation, and its own examples advise against syncing on every start."""
    db.execute(
        "CREATE TABLE command_syncs (scope TEXT PRIMARY KEY, payload_hash TEXT NOT NULL, "
        "synced_at TEXT NOT NULL)"
    )


def _schema_v9(db: sqlite_utils.Database) -> None:
    """`answers_version.revised`: a counter the triggers raise on every change to a stored claim
    or article other than adding one (a retraction, a removal, a redate, a deletion), so a reader
    keeps the counts it worked out for the devices a commit did not touch.

    A commit that only adds articles is told apart by the counter standing still: the answers it
    can change are those about the subjects of the claims added (ids above the last one read),
    and a reader forgets only those. An ingest commits every few milliseconds, and emptying
    every answer's counts on each commit made a heavy device cost its full count (15 ms) on
    nearly every `/spec` asked during an ingest. A claim's copies of its article's date, guild
    and removal (`_schema_v4`) are not counted on the claim: they change when a claim is added
    (counted by its id) or when its article changes (counted on the article).
    """
    db.execute(
        "CREATE TABLE answers_version (id INTEGER PRIMARY KEY CHECK (id = 1), revised INTEGER NOT NULL)"
    )
    db.execute("INSERT INTO answers_version (id, revised) VALUES (1, 0)")
    revised = "UPDATE answers_version SET revised = revised + 1"
    claim_columns = (
        'id, article_id, subject_id, attribute, value, status, quote, start, "end", mention, '
        "created_at, retracted_at, retracted_by, reason"
    )
    for name, event in (
        ("claims_revised_update", f"UPDATE OF {claim_columns} ON claims"),
        ("claims_revised_delete", "DELETE ON claims"),
        ("articles_revised_update", "UPDATE ON articles"),
        ("articles_revised_delete", "DELETE ON articles"),
    ):
        db.execute(f"CREATE TRIGGER {name} AFTER {event} BEGIN {revised}; END")


def _schema_v10(db: sqlite_utils.Database) -> None:
    """`idx_claims_retracted`: the retracted claims of a subject, with their articles.

    A company's claims count for a device only when made in an article that speaks of the
    device's family. SQLite listed those articles by reading every claim of the family again (a
    third of a heavy phone's `/spec`); they are now the articles of the family's visible claims,
    which the tally has read already, and of its retracted claims, which this index lists. It
    holds only retracted claims, so it is small and costs nothing when a claim is added.
    `_schema_v12` keeps the company's groups themselves and drops it.
    """
    db.execute(
        "CREATE INDEX idx_claims_retracted ON claims (subject_id, article_id) WHERE retracted_at IS NOT NULL"
    )


def _schema_v11(db: sqlite_utils.Database) -> None:
    """`value_groups`: `/spec`'s tally of the claims every guild sees, kept by triggers.

    `/spec` adds up a device's claims by value group (`bot.store.answers.value_group_sums`);
    for a heavy phone and its series that was 9,000 claims read and grouped each time it was
    counted (10 ms of a cold `/spec`, and most answers during an ingest are counted cold). The
    groups of the claims seen by everyone (public, not retracted, article not removed) are now
    kept in this table, one row a (subject, attribute, value key, denial) with the articles of
    its claims, the newest date and the weightiest claim, exactly as the query made them; a
    guild's own claims are few and still added up as it asks. A trigger counts a group again
    whenever one of its claims is added, changed (retracted, its article removed, redated or
    moved to a guild: the article's copies on the claim change) or deleted: the group's claims
    only, read from `idx_claims_value_groups` (an ingest of 1,000 articles costs no measurable CPU more).
    """
    from bot.store.answers import create_value_groups

    create_value_groups(db)


def _schema_v12(db: sqlite_utils.Database) -> None:
    """`context_groups`: the company's claims that count for a subject, added up and kept.

    A company's claims count for a device only when made in an article that speaks of the device
    or its series (`bot.store.answers.value_group_sums`). For a busy device that meant adding up,
    at every cold `/spec`, the hundreds of its maker's claims in its articles out of the
    thousands of that maker (a third to a half of the answer, 2.5 to 5 ms on the 106k-article
    store). Their value groups are now kept, one row a (subject, company, group), by triggers
    (`bot.store.answers.create_context_groups`), as `value_groups` keeps a subject's own.
    The triggers find the subjects of an article's claims through `idx_claims_article_subject`,
    which also serves every lookup by article that `idx_claims_article_id` did; that index, and
    `idx_claims_retracted` (which listed the articles the query-time count needed), are dropped.

    `idx_articles_receipts` holds what a receipt shows of an article (date, outlet, title, url):
    the 150 receipts of a busy device's `/spec` were 150 reads of article rows, each on its own
    page beside the body; from the index they cost a third less.
    """
    from bot.store.answers import create_context_groups

    db.execute("CREATE INDEX idx_articles_receipts ON articles (id, published, outlet, title, url)")
    db.execute("CREATE INDEX idx_claims_article_subject ON claims (article_id, subject_id)")
    db.execute("DROP INDEX IF EXISTS idx_claims_article_id")
    db.execute("DROP INDEX IF EXISTS idx_claims_retracted")
    create_context_groups(db)


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _schema_v1,
    _schema_v2,
    _schema_v3,
    _schema_v4,
    _schema_v5,
    _schema_v6,
    _schema_v7,
    _schema_v8,
    _schema_v9,
    _schema_v10,
    _schema_v11,
    _schema_v12,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(UserError, RuntimeError):
    """The store cannot be used as asked (a user error on the command line; in Discord the
    maintainer is told of it, since members cannot fix the store)."""


class StoreBusy(StoreError):
    """Another writer kept the store locked for longer than the busy timeout; nothing was written."""


class StoreFull(StoreError):
    """The disk (or the store's size limit) is full: no further article can be stored."""


def _read_only_place(path: Path) -> bool:
    """Whether the store file, or the folder it is (to be) made in, cannot be written."""
    folder = path.parent if path.parent.exists() else path.parent.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        pass
    return not os.access(path if path.exists() else folder, os.W_OK) or _immutable(path, folder)


def _immutable(path: Path, folder: Path) -> bool:
    """The immutable flag (`chattr +i`) stops even root, which `os.access` does not see."""
    try:
        import fcntl
        import struct
    except ImportError:  # not a Unix system: no such flag
        return False

    get_flags, immutable = 0x80086601, 0x10  # FS_IOC_GETFLAGS, FS_IMMUTABLE_FL
    for candidate in (path, folder):
        try:
            descriptor = os.open(candidate, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            flags = struct.unpack("l", fcntl.ioctl(descriptor, get_flags, struct.pack("l", 0)))[0]
        except OSError:
            flags = 0
        finally:
            os.close(descriptor)
        if flags & immutable:
            return True
    return False


def store_error(error: BaseException, path: Path, busy_timeout: float = BUSY_TIMEOUT) -> StoreError:
    """One sentence for what SQLite (or the file system) said about the store at `path`."""
    if isinstance(error, StoreError):
        return error
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StoreBusy(
            f"the store {path} was kept locked by another program writing to it for "
            f"more than {busy_timeout:g} s; nothing was written, try again"
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StoreFull(
            f"the disk holding the store {path} is full; free some space (nothing half-written was kept)"
        )
    if path.is_dir():
        return StoreError(f"{path} is a folder; give the store's file, e.g. {path / 'claims.db'}")
    if name.startswith("SQLITE_READONLY") or (
        (name.startswith("SQLITE_CANTOPEN") or isinstance(error, PermissionError)) and _read_only_place(path)
    ):
        return StoreError(
            f"the store {path} is read-only (the file, its folder or the disk it is "
            f"on); Receipts needs to write to it"
        )
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        return StoreError(f"{path} is not a Receipts store: the file is not an SQLite database")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return StoreError(
            f"the store {path} is damaged (truncated or corrupted); restore it from "
            f"a backup or give another --db"
        )
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(
            f"the store {path} cannot be opened; check that its folder exists and can be written"
        )
    return StoreError(f"the store {path} cannot be used: {text}")


class WriterDatabase(sqlite_utils.Database):
    """sqlite-utils' Database whose outermost `atomic()` takes the write lock when it begins.

    A deferred transaction that reads first (the duplicate check) and writes after gets
    SQLITE_BUSY at once, whatever the busy timeout, when another writer committed in between;
    `BEGIN IMMEDIATE` waits for the lock instead. SQLite's errors leave as `StoreError`.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, busy_timeout: float):
        super().__init__(conn)
        self.store_path = path
        self.busy_timeout = busy_timeout

    @contextmanager
    def atomic(self) -> Iterator[WriterDatabase]:
        """One transaction, begun IMMEDIATE (see the class); nested calls join the outer one."""
        try:
            if self.conn.in_transaction:
                with super().atomic():
                    yield self
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.conn.rollback()
                raise
            self.conn.commit()
        except PROGRAMMING_ERRORS:
            raise
        except sqlite3.DatabaseError as error:
            raise store_error(error, self.store_path, self.busy_timeout) from error


def migrate(db: sqlite_utils.Database, up_to: int = SCHEMA_VERSION) -> int:
    """Run the migrations this file lacks, each in its own transaction; returns the version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"this store was made by a newer Receipts (schema {version}); "
            f"this one knows schema {SCHEMA_VERSION}"
        )
    for number in range(version + 1, up_to + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
    return max(version, up_to)


@dataclass
class AddResult:
    article_id: str
    claims: int = 0
    duplicate_of: str | None = None

    @property
    def stored(self) -> bool:
        """Whether the article was stored (not a duplicate of one already there)."""
        return self.duplicate_of is None


@dataclass
class RedateResult:
    article_id: str
    was: str | None
    published: str | None
    claims_before: int
    claims: int


class Store:
    """A claim store in one SQLite file (WAL mode, foreign keys on)."""

    db: sqlite_utils.Database  # a WriterDatabase, or a plain one in a reader

    def __init__(self, path: str | Path, *, busy_timeout: float = BUSY_TIMEOUT):
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = WriterDatabase(self._connect(), self.path, busy_timeout)
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA foreign_keys=ON")
                self.db.execute("PRAGMA synchronous=NORMAL")
                migrate(self.db)
            except BaseException:
                self.db.close()
                raise
        except (sqlite3.Error, OSError) as error:
            raise store_error(error, self.path, busy_timeout) from error

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(str(self.path), timeout=self.busy_timeout, check_same_thread=False)

    def reader(self) -> Store:
        """Another connection to this store, for reading only (answers, autocomplete).

        In WAL mode it reads the last committed state while a write is under way, and never
        waits for it; `PRAGMA query_only` makes any write through it an error.
        """
        reading = Store.__new__(Store)
        reading.path, reading.busy_timeout = self.path, self.busy_timeout
        try:
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")
        except sqlite3.Error as error:
            raise store_error(error, self.path, self.busy_timeout) from error
        reading.db = sqlite_utils.Database(conn)
        return reading

    def write(self):
        """One write transaction, holding the write lock from its start (see `WriterDatabase`)."""
        return self.db.atomic()

    def close(self) -> None:
        """Close the store's connection."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        """The schema version the file is at (`PRAGMA user_version`)."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def is_empty(self) -> bool:
        """Whether the store holds no article yet (a new store gets the seeds)."""
        return self.db.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1

    # Articles ---------------------------------------------------------------------------------

    def find_duplicate(self, article: Article, guild_id: int | None = None) -> str | None:
        """The id of a stored article with the same body or url visible in the same scope."""
        row = self.db.execute(
            "SELECT id FROM articles WHERE (sha256 = ? OR (url_key IS NOT NULL AND url_key = ?)) "
            "AND (guild_id IS NULL OR guild_id IS ?) LIMIT 1",
            [article.sha256, normalised_url(article.url), guild_id],
        ).fetchone()
        return row[0] if row else None

    def _free_article_id(self, article_id: str, sha256: str) -> str:
        """The article's id, with a piece of its hash added when another article has it."""
        if not self.db.table("articles").count_where("id = ?", [article_id]):
            return article_id
        return f"{article_id}-{sha256[:10]}"

    def add_article(
        self, article: Article, claims: Iterable[Claim], *, guild_id: int | None = None, added_by: str = "cli"
    ) -> AddResult:
        """Store an article and all its claims in one transaction: all of it, or nothing."""
        with self.write():
            duplicate = self.find_duplicate(article, guild_id)
            if duplicate:
                return AddResult(article_id=duplicate, duplicate_of=duplicate)
            article_id = self._free_article_id(article.id, article.sha256)
            now = utc_now()
            self._insert(
                "articles",
                {
                    "id": article_id,
                    "url": article.url,
                    "url_key": normalised_url(article.url),
                    "title": article.title,
                    "outlet": article.outlet,
                    "published": article.published,
                    "published_basis": article.published_basis,
                    "body": article.body,
                    "sha256": article.sha256,
                    "guild_id": guild_id,
                    "added_by": added_by,
                    "added_at": now,
                },
            )
            count = 0
            for claim in claims:
                self._insert_claim(article_id, claim, now)
                count += 1
            self.record(added_by, "article.add", f"article:{article_id}", guild_id, f"{count} claims")
        return AddResult(article_id=article_id, claims=count)

    def redate_article(
        self, article: Article, claims: Iterable[Claim], *, actor: str, guild_id: int | None = None
    ) -> RedateResult:
        """Give a stored article another date and replace its claims with `claims` (extracted
        against that date), in one transaction, audited.

        A claim read again with the same attribute, value and quote keeps its retraction, so a
        moderator's correction survives; its id is new (the claims are new rows).
        """
        with self.write():
            row = self.article(article.id)
            if row is None:
                raise StoreError(f"no article {article.id} is stored")
            if row["sha256"] != article.sha256:
                raise StoreError(f"article {article.id} changed while its claims were read again; try again")
            retracted = {
                (attribute, value, start, end): (at, by, reason)
                for attribute, value, start, end, at, by, reason in self.db.execute(
                    'SELECT attribute, value, start, "end", retracted_at, retracted_by, reason '
                    "FROM claims WHERE article_id = ? AND retracted_at IS NOT NULL",
                    [article.id],
                )
            }
            before = self.db.execute(
                "SELECT count(*) FROM claims WHERE article_id = ?", [article.id]
            ).fetchone()[0]
            self.db.execute(
                "DELETE FROM aliases WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)",
                [article.id],
            )
            self.db.execute("DELETE FROM claims WHERE article_id = ?", [article.id])
            self.db.execute(
                "UPDATE articles SET published = ?, published_basis = ? WHERE id = ?",
                [article.published, article.published_basis, article.id],
            )
            now = utc_now()
            count = 0
            for claim in claims:
                claim_id = self._insert_claim(article.id, claim, now)
                kept = retracted.get((claim.attribute, claim.value, claim.start, claim.end))
                if kept:
                    self.db.execute(
                        "UPDATE claims SET retracted_at = ?, retracted_by = ?, reason = ? WHERE id = ?",
                        [*kept, claim_id],
                    )
                count += 1
            self.record(
                actor,
                "article.redate",
                f"article:{article.id}",
                guild_id,
                f"{article.published} (was {row['published'] or 'unknown'}, "
                f"{row['published_basis']}); claims read again: {before} -> {count}",
            )
        return RedateResult(article.id, row["published"], article.published, before, count)

    def _insert_claim(self, article_id: str, claim: Claim, now: str) -> int:
        subject_id = self._subject_id(claim.subject, claim.subject_kind, claim.brand)
        claim_id = self._insert(
            "claims",
            {
                "article_id": article_id,
                "subject_id": subject_id,
                "attribute": claim.attribute,
                "value": claim.value,
                "status": claim.status,
                "quote": claim.quote,
                "start": claim.start,
                "end": claim.end,
                "mention": claim.mention,
                "created_at": now,
            },
        )
        if claim.attribute == "alias":
            self._insert(
                "aliases",
                {
                    "alias": claim.value,
                    "key": name_key(claim.value),
                    "subject_id": subject_id,
                    "claim_id": claim_id,
                },
            )
        return claim_id

    def _insert(self, table: str, row: dict) -> int:
        """One row by plain SQL: sqlite-utils' insert re-reads the schema on every call, which
        made storing an article cost more than extracting it."""
        columns = ", ".join(f'"{column}"' for column in row)
        marks = ", ".join("?" * len(row))
        cursor = self.db.conn.execute(
            f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values())
        )
        return cast(int, cursor.lastrowid)

    def _subject_id(self, name: str, kind: str, brand: str | None) -> int:
        """The id of the subject with this name, made when it is new (inside add_article's
        transaction)."""
        key = name_key(name)
        row = self.db.execute("SELECT id FROM subjects WHERE key = ?", [key]).fetchone()
        if row:
            return row[0]
        return self._insert("subjects", {"name": name, "key": key, "brand": brand, "kind": kind})

    def article(self, article_id: str) -> dict | None:
        """An article's row by its id, or None."""
        rows = list(self.db.table("articles").rows_where("id = ?", [article_id]))
        return rows[0] if rows else None

    # The audit log ----------------------------------------------------------------------------

    def record(
        self, actor: str, action: str, target: str, guild_id: int | None = None, detail: str | None = None
    ) -> None:
        """Add a line to the audit log: who did what, to what, when (in the caller's transaction,
        when there is one)."""
        with self.db.atomic():
            self._insert(
                "audit",
                {
                    "at": utc_now(),
                    "guild_id": guild_id,
                    "actor": actor,
                    "action": action,
                    "target": target,
                    "detail": detail,
                },
            )

    def history(self, target: str) -> list[dict]:
        """The audit log of one target (`claim:12`, `article:x`), oldest first."""
        return list(self.db.table("audit").rows_where("target = ?", [target], order_by="id"))
