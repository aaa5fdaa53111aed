"""The claim store: one SQLite file, managed with sqlite-utils.

Articles, the subjects they speak of, their claims, aliases, digest subscriptions and deliveries,
leases on once-only work, and an audit log of who did what. The schema is versioned with
`PRAGMA user_version`; opening an older file runs the missing migrations in order and keeps
every row.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import sqlite_utils

from bot.models import Article, Claim


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def subject_key(name: str) -> str:
    """The form names are compared in: case, spaces and punctuation forgiven."""
    return re.sub(r"[^0-9a-z+]+", "", name.lower())


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
    db["articles"].create({
        "id": str, "url": str, "url_key": str, "title": str, "outlet": str, "published": str,
        "published_basis": str, "body": str, "sha256": str, "guild_id": int, "added_by": str,
        "added_at": str, "removed_at": str, "removed_by": str,
    }, pk="id")
    db["subjects"].create({"id": int, "name": str, "key": str, "brand": str, "kind": str},
                          pk="id", not_null={"name", "key", "kind"})
    db["claims"].create({
        "id": int, "article_id": str, "subject_id": int, "attribute": str, "value": str,
        "status": str, "quote": str, "start": int, "end": int, "mention": str, "created_at": str,
        "retracted_at": str, "retracted_by": str, "reason": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id"), ("subject_id", "subjects", "id")])
    db["aliases"].create({"id": int, "alias": str, "key": str, "subject_id": int, "claim_id": int},
                         pk="id", foreign_keys=[("subject_id", "subjects", "id"),
                                                ("claim_id", "claims", "id")])
    db["subscriptions"].create({
        "id": int, "guild_id": int, "channel_id": int, "cadence": str, "time": str,
        "timezone": str, "device": str, "created_by": str, "created_at": str,
        "last_claim_id": int, "failing_reason": str, "failing_since": str, "removed_at": str,
    }, pk="id")
    db["deliveries"].create({
        "id": int, "subscription_id": int, "window": str, "claims_from": int,
        "claims_through": int, "status": str, "message_ids": str, "attempts": int,
        "last_error": str, "created_at": str, "posted_at": str,
    }, pk="id", foreign_keys=[("subscription_id", "subscriptions", "id")])
    db["subjects"].create_index(["key"], unique=True)
    db["articles"].create_index(["sha256"])
    db["articles"].create_index(["url_key"])
    db["claims"].create_index(["subject_id", "attribute"])
    db["claims"].create_index(["article_id"])
    db["aliases"].create_index(["key"])
    db["aliases"].create_index(["subject_id"])
    db["deliveries"].create_index(["subscription_id", "window"], unique=True)


def _schema_v2(db: sqlite_utils.Database) -> None:
    """Full-text search on article bodies and claim quotes, and the audit log."""
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="porter")
    db["claims"].enable_fts(["quote"], create_triggers=True, tokenize="porter")
    db["audit"].create({"id": int, "at": str, "guild_id": int, "actor": str, "action": str,
                        "target": str, "detail": str}, pk="id")
    db["audit"].create_index(["target"])


def _schema_v3(db: sqlite_utils.Database) -> None:
    """Indexes for answering fast on a big store.

    `/spec` tallies a device's claims from one index (subject, attribute, value, status, article,
    retraction) and checks each article's visibility and date from another, never reading a
    quote or a body it does not show; "the latest reports" reads articles by date.
    """
    db["claims"].create_index(["subject_id", "attribute", "value", "status", "article_id",
                               "retracted_at"], index_name="idx_claims_tally", if_not_exists=True)
    db["articles"].create_index(["id", "removed_at", "guild_id", "published"],
                                index_name="idx_articles_visible", if_not_exists=True)
    db["articles"].create_index(["published"], if_not_exists=True)


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
    db.execute("CREATE TRIGGER claims_au AFTER UPDATE OF id, quote ON claims BEGIN "
               "INSERT INTO claims_fts (claims_fts, rowid, quote) "
               "VALUES ('delete', old.rowid, old.quote); "
               "INSERT INTO claims_fts (rowid, quote) VALUES (new.rowid, new.quote); END")
    db.execute("ALTER TABLE claims ADD COLUMN published TEXT")
    db.execute("ALTER TABLE claims ADD COLUMN guild_id INTEGER")
    db.execute("ALTER TABLE claims ADD COLUMN article_removed INTEGER NOT NULL DEFAULT 0")
    copy = ("UPDATE claims SET (published, guild_id, article_removed) = "
            "(SELECT a.published, a.guild_id, a.removed_at IS NOT NULL FROM articles a "
            "WHERE a.id = claims.article_id)")
    db.execute(copy)
    for event in ("INSERT", "UPDATE OF article_id"):
        name = "claims_copy_article_on_" + event.split()[0].lower()
        db.execute(f"CREATE TRIGGER {name} AFTER {event} ON claims BEGIN "
                   f"{copy} WHERE claims.id = new.id; END")
    db.execute("CREATE TRIGGER articles_copy_to_claims "
               "AFTER UPDATE OF published, guild_id, removed_at ON articles BEGIN "
               "UPDATE claims SET published = new.published, guild_id = new.guild_id, "
               "article_removed = new.removed_at IS NOT NULL WHERE article_id = new.id; END")
    db.execute("DROP INDEX IF EXISTS idx_claims_tally")
    db.execute("DROP INDEX IF EXISTS idx_claims_subject_id_attribute")
    db.execute("CREATE INDEX idx_claims_value_groups ON claims (subject_id, attribute, "
               "lower(trim(value)), status = 'denied', status = 'confirmed', published, id, "
               "article_id, guild_id, article_removed, retracted_at, status, value)")


def _schema_v5(db: sqlite_utils.Database) -> None:
    """Leases (bot/leases.py), for work that one of several processes does, and who posted each
    delivery (`posted_by`, the lease owner), so a delivery finished by another process says so."""
    db["leases"].create({"name": str, "owner": str, "expires_at": float, "taken_at": str},
                        pk="name", not_null={"owner", "expires_at"})
    db.execute("ALTER TABLE deliveries ADD COLUMN posted_by TEXT")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_schema_v1, _schema_v2,
                                                                   _schema_v3, _schema_v4,
                                                                   _schema_v5)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database, up_to: int = SCHEMA_VERSION) -> int:
    """Run the migrations this file lacks, each in its own transaction; returns the version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(f"this store was made by a newer Receipts (schema {version}); "
                         f"this one knows schema {SCHEMA_VERSION}")
    for number in range(version + 1, up_to + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
    return max(version, up_to)


class StoreError(RuntimeError):
    """The store cannot be used as asked."""


class WriterDatabase(sqlite_utils.Database):
    """sqlite-utils' database whose write transactions take the write lock when they begin.

    A plain `BEGIN` reads first and asks for the lock at its first write; in WAL mode SQLite
    answers that with SQLITE_BUSY at once, whatever the busy timeout, when another connection
    (another bot process on the store) committed in between. `BEGIN IMMEDIATE` waits instead.
    """

    @contextmanager
    def atomic(self) -> Iterator[WriterDatabase]:
        if self.conn.in_transaction:
            with super().atomic():  # a savepoint inside the open transaction
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


@dataclass
class AddResult:
    article_id: str
    claims: int = 0
    duplicate_of: str | None = None

    @property
    def stored(self) -> bool:
        return self.duplicate_of is None


class Store:
    """A claim store in one SQLite file (WAL mode, foreign keys on)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
        self.db = WriterDatabase(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        migrate(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def is_empty(self) -> bool:
        return self.db.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1

    # Articles ---------------------------------------------------------------------------------

    def find_duplicate(self, article: Article, guild_id: int | None = None) -> str | None:
        """The id of a stored article with the same body or url visible in the same scope."""
        row = self.db.execute(
            "SELECT id FROM articles WHERE (sha256 = ? OR (url_key IS NOT NULL AND url_key = ?)) "
            "AND (guild_id IS NULL OR guild_id IS ?) LIMIT 1",
            [article.sha256, normalised_url(article.url), guild_id]).fetchone()
        return row[0] if row else None

    def _free_article_id(self, article_id: str, sha256: str) -> str:
        """The article's id, with a piece of its hash added when another article has it."""
        if not self.db["articles"].count_where("id = ?", [article_id]):
            return article_id
        return f"{article_id}-{sha256[:10]}"

    def add_article(self, article: Article, claims: Iterable[Claim], *, guild_id: int | None = None,
                    added_by: str = "cli") -> AddResult:
        """Store an article and all its claims in one transaction: all of it, or nothing."""
        with self.db.atomic():
            duplicate = self.find_duplicate(article, guild_id)
            if duplicate:
                return AddResult(article_id=duplicate, duplicate_of=duplicate)
            article_id = self._free_article_id(article.id, article.sha256)
            now = utc_now()
            self._insert("articles", {
                "id": article_id, "url": article.url, "url_key": normalised_url(article.url),
                "title": article.title, "outlet": article.outlet, "published": article.published,
                "published_basis": article.published_basis, "body": article.body,
                "sha256": article.sha256, "guild_id": guild_id, "added_by": added_by,
                "added_at": now,
            })
            count = 0
            for claim in claims:
                self._insert_claim(article_id, claim, now)
                count += 1
            self.record(added_by, "article.add", f"article:{article_id}", guild_id,
                        f"{count} claims")
        return AddResult(article_id=article_id, claims=count)

    def _insert_claim(self, article_id: str, claim: Claim, now: str) -> int:
        subject_id = self._subject_id(claim.subject, claim.subject_kind, claim.brand)
        claim_id = self._insert("claims", {
            "article_id": article_id, "subject_id": subject_id, "attribute": claim.attribute,
            "value": claim.value, "status": claim.status, "quote": claim.quote,
            "start": claim.start, "end": claim.end, "mention": claim.mention, "created_at": now,
        })
        if claim.attribute == "alias":
            self._insert("aliases", {"alias": claim.value, "key": subject_key(claim.value),
                                     "subject_id": subject_id, "claim_id": claim_id})
        return claim_id

    def _insert(self, table: str, row: dict) -> int:
        """One row by plain SQL: sqlite-utils' insert re-reads the schema on every call, which
        made storing an article cost more than extracting it."""
        columns = ", ".join(f'"{column}"' for column in row)
        marks = ", ".join("?" * len(row))
        cursor = self.db.conn.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})',
                                      list(row.values()))
        return cursor.lastrowid

    def _subject_id(self, name: str, kind: str, brand: str | None) -> int:
        """The id of the subject with this name, made when it is new (inside add_article's
        transaction)."""
        key = subject_key(name)
        row = self.db.execute("SELECT id FROM subjects WHERE key = ?", [key]).fetchone()
        if row:
            return row[0]
        return self._insert("subjects", {"name": name, "key": key, "brand": brand, "kind": kind})

    def article(self, article_id: str) -> dict | None:
        rows = list(self.db["articles"].rows_where("id = ?", [article_id]))
        return rows[0] if rows else None

    # The audit log ----------------------------------------------------------------------------

    def record(self, actor: str, action: str, target: str, guild_id: int | None = None,
               detail: str | None = None) -> None:
        """Add a line to the audit log: who did what, to what, when (in the caller's transaction,
        when there is one)."""
        with self.db.atomic():
            self._insert("audit", {"at": utc_now(), "guild_id": guild_id, "actor": actor,
                                   "action": action, "target": target, "detail": detail})

    def history(self, target: str) -> list[dict]:
        return list(self.db["audit"].rows_where("target = ?", [target], order_by="id"))
