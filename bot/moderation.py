"""What moderators may do, and doing it: adding, removing and restoring articles, retracting claims.

Moderators are members with Manage Messages or Manage Server. A server only ever acts on what it
added itself: an article added in a server belongs to it, is seen only there, and only its
moderators can remove it or retract its claims. The seeds and articles added from the command line
belong to no server; they are shared by all and changed only from the command line, so one server's
moderator cannot change what another server sees. Every action is written to the audit log, in the
same transaction as the change it records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from bot.answers.claim import SQLITE_MAX_INTEGER
from bot.articles import (
    ARTICLE_SUFFIXES,
    MAX_ARTICLE_BYTES,
    ArticleError,
    check_publication_date,
    parse_article,
    read_date,
)
from bot.errors import UserError
from bot.ingest import extract_claims, redated
from bot.models import Article, Claim
from bot.store import Store
from bot.store import moderation as sql

MODERATOR_PERMISSIONS = ("Manage Messages", "Manage Server")
ARTICLE_ID_LENGTH = 40
NOT_MODERATOR = (
    f"Only moderators ({' or '.join(MODERATOR_PERMISSIONS)} for the whole server, "
    f"through a role) can use this command. Ask one of your server's moderators."
)


class ActionRefused(UserError):
    """A moderator action that cannot be done, with a message saying why and what to do."""


def is_moderator(*, manage_messages: bool, manage_guild: bool, administrator: bool = False) -> bool:
    """The runtime rule behind every moderator command; a server's command overrides cannot widen it."""
    return manage_messages or manage_guild or administrator


def actor_name(user_id: int) -> str:
    """How a Discord user is named in `added_by`, `removed_by` and the audit log."""
    return f"discord:{user_id}"


def parse_date_option(text: str, today: date | None = None) -> str:
    """An ISO date from what a moderator typed, refused when it is unreadable, in the future or
    before 2000."""
    text = text.strip()
    try:
        parsed = read_date(text)
    except ArticleError as error:
        raise ActionRefused(f"{error}.") from None
    if date.fromisoformat(parsed) > (today or date.today()) + timedelta(days=1):
        raise ActionRefused(f"{parsed} is in the future; give the date the article was published.")
    try:
        check_publication_date(parsed, today)
    except ArticleError as error:
        raise ActionRefused(f"{error}.") from None
    return parsed


def check_attachment(filename: str, size: int) -> None:
    """Refuse an attached file by its name and size, before it is downloaded."""
    if not filename.lower().endswith(ARTICLE_SUFFIXES):
        raise ActionRefused(
            f"{filename} is not an article file; attach a "
            f"{', '.join(ARTICLE_SUFFIXES)} file, or paste the text instead."
        )
    if size > MAX_ARTICLE_BYTES:
        raise ActionRefused(
            f"{filename} is {size:,} bytes; an article may be at most "
            f"{MAX_ARTICLE_BYTES:,} bytes. Attach the article alone, as text."
        )


def article_id_for(
    sha256: str, *, name: str | None = None, url: str | None = None, title: str | None = None
) -> str:
    """A readable article id: the file name, the url's last part or the title, else the hash."""
    url_name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] if url else ""
    for candidate in (name and PurePosixPath(name).stem, url_name, title):
        slug = re.sub(r"[^0-9a-z]+", "-", (candidate or "").lower()).strip("-")
        if slug:
            return slug[:ARTICLE_ID_LENGTH].strip("-")
    return sha256[:16]


@dataclass
class FoundClaim:
    claim_id: int
    subject: str
    attribute: str
    value: str
    status: str


@dataclass
class ArticleAdded:
    """What a moderator is shown after adding an article: the claims found and the date used."""

    article_id: str
    title: str | None
    url: str | None
    published: str | None
    published_basis: str | None
    claims: list[FoundClaim] = field(default_factory=list)
    duplicate: bool = False
    redated_from: str | None = None  # the date it had, when a moderator has just corrected it

    @property
    def date_needs_confirming(self) -> bool:
        """The date was inferred (or not found): a moderator should confirm it or set it."""
        return self.published_basis not in ("header", "moderator")


@dataclass
class ArticleSummary:
    article_id: str
    title: str | None
    url: str | None
    published: str | None
    published_basis: str | None
    claims: int
    added_by: str | None
    added_at: str | None
    removed_at: str | None


def _found_claims(store: Store, article_id: str) -> list[FoundClaim]:
    return [FoundClaim(*row) for row in sql.article_claims(store, article_id)]


def _added(
    store: Store, article_id: str, duplicate: bool = False, redated_from: str | None = None
) -> ArticleAdded:
    row = store.article(article_id)
    assert row is not None
    return ArticleAdded(
        article_id,
        row["title"],
        row["url"],
        row["published"],
        row["published_basis"],
        _found_claims(store, article_id),
        duplicate,
        redated_from,
    )


def read_given_article(
    text: str,
    *,
    name: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> Article:
    """The article a moderator gave (pasted, attached or fetched), not yet extracted or stored.

    `name` is the attached file's name, which the id is made from; `published`, when given, is the
    date the moderator typed and wins over the article's own.
    """
    published = parse_date_option(published) if published and published.strip() else None
    try:
        article = parse_article(
            text,
            "pending",
            url=url or None,
            title=title or None,
            published=published,
            published_basis="moderator" if published else None,
        )
    except ArticleError as error:
        raise ActionRefused(f"{error}; check what you pasted or attached.") from None
    article.id = article_id_for(article.sha256, name=name, url=article.url, title=article.title)
    return article


def read_claims(article: Article) -> list[Claim]:
    """The claims of an article a moderator gave, or why they could not be read."""
    try:
        return extract_claims(article)
    except ArticleError as error:
        raise ActionRefused(f"{error}. Check the article's text and date.") from None


def store_given_article(
    store: Store, article: Article, claims: list[Claim], *, guild_id: int, actor: str
) -> ArticleAdded:
    """Store an article a moderator gave, with its claims, for the server (or find it stored)."""
    result = store.add_article(article, claims, guild_id=guild_id, added_by=actor)
    return _added(store, result.article_id, duplicate=not result.stored)


def add_article(
    store: Store,
    text: str,
    *,
    guild_id: int,
    actor: str,
    name: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> ArticleAdded:
    """Read, extract and store an article a moderator gave, in one call (the bot does the three
    steps apart, so that extraction holds no lock)."""
    article = read_given_article(text, name=name, url=url, title=title, published=published)
    return store_given_article(store, article, read_claims(article), guild_id=guild_id, actor=actor)


def article_to_redate(store: Store, article_id: str, published: str, *, guild_id: int) -> Article:
    """This server's article as it reads with the date a moderator gave (checked), to extract."""
    row = _own_article(store, article_id, guild_id)
    return redated(row, parse_date_option(published))


def store_redated(
    store: Store, article: Article, claims: list[Claim], *, guild_id: int, actor: str
) -> ArticleAdded:
    """Give this server's article its new date and the claims read against it, audited."""
    with store.write():
        _own_article(store, article.id, guild_id)  # still this server's, in the same transaction
        result = store.redate_article(article, claims, actor=actor, guild_id=guild_id)
    return _added(store, article.id, redated_from=result.was or "unknown")


def redate_article(
    store: Store, article_id: str, published: str, *, guild_id: int, actor: str
) -> ArticleAdded:
    """Correct the date of this server's article and read its claims again against it."""
    article = article_to_redate(store, article_id, published, guild_id=guild_id)
    return store_redated(store, article, read_claims(article), guild_id=guild_id, actor=actor)


def _own_article(store: Store, article_id: str, guild_id: int) -> dict:
    """The article if this server added it; another server's article is reported as not found."""
    row = store.article(article_id.strip())
    if row is None or (row["guild_id"] is not None and row["guild_id"] != guild_id):
        raise ActionRefused(
            f"No article `{article_id}` was added in this server; `/article list` shows the ones that were."
        )
    if row["guild_id"] is None:
        raise ActionRefused(
            f"`{article_id}` is shared by every server (a seed or an article "
            f"added from the command line); it can only be changed from the "
            f"command line by the bot's maintainer."
        )
    return row


def _own_claim(store: Store, claim_id: int, guild_id: int) -> dict:
    if not 0 < claim_id <= SQLITE_MAX_INTEGER:  # SQLite cannot even be asked about such a number
        raise ActionRefused(f"No claim #{claim_id} comes from an article added in this server.")
    row = sql.claim_with_owner(store, claim_id)
    if row is None or (row[3] is not None and row[3] != guild_id):
        raise ActionRefused(f"No claim #{claim_id} comes from an article added in this server.")
    if row[3] is None:
        raise ActionRefused(
            f"Claim #{claim_id} comes from an article shared by every server; "
            f"it can only be retracted from the command line."
        )
    return {"id": row[0], "article_id": row[1], "retracted_at": row[2]}


def list_articles(store: Store, guild_id: int) -> list[ArticleSummary]:
    """The articles this server added, newest first, removed ones included (they can be restored)."""
    return [ArticleSummary(*row) for row in sql.guild_articles(store, guild_id)]


def own_article_ids(store: Store, guild_id: int, fragment: str, limit: int = 25) -> list[str]:
    """This server's article ids containing a fragment, newest first (for autocomplete)."""
    return sql.guild_article_ids(store, guild_id, fragment, limit)


def remove_article(
    store: Store, article_id: str, *, guild_id: int, actor: str, reason: str | None = None
) -> ArticleSummary:
    """Soft-remove an article: its claims stop counting everywhere, and it can be restored."""
    with store.write():
        row = _own_article(store, article_id, guild_id)
        if row["removed_at"]:
            raise ActionRefused(f"`{row['id']}` is already removed; `/article restore` brings it back.")
        sql.mark_article_removed(store, row["id"], actor)
        store.record(actor, "article.remove", f"article:{row['id']}", guild_id, reason)
    return _summary(store, row["id"])


def restore_article(store: Store, article_id: str, *, guild_id: int, actor: str) -> ArticleSummary:
    """Undo a removal: the article's claims count again."""
    with store.write():
        row = _own_article(store, article_id, guild_id)
        if not row["removed_at"]:
            raise ActionRefused(f"`{row['id']}` is not removed; there is nothing to restore.")
        sql.clear_article_removed(store, row["id"])
        store.record(actor, "article.restore", f"article:{row['id']}", guild_id)
    return _summary(store, row["id"])


def _summary(store: Store, article_id: str) -> ArticleSummary:
    row = store.article(article_id)
    assert row is not None
    return next(
        summary for summary in list_articles(store, row["guild_id"]) if summary.article_id == article_id
    )


def retract_claim(store: Store, claim_id: int, *, guild_id: int, actor: str, reason: str) -> None:
    """Retract one claim of this server's articles: it stops counting, with the reason kept."""
    reason = reason.strip()
    if not reason:
        raise ActionRefused("Give a reason for the retraction; it is kept with the claim.")
    with store.write():
        claim = _own_claim(store, claim_id, guild_id)
        if claim["retracted_at"]:
            raise ActionRefused(
                f"Claim #{claim_id} is already retracted; `/moderate-claim restore` brings it back."
            )
        sql.mark_claim_retracted(store, claim_id, actor, reason)
        store.record(actor, "claim.retract", f"claim:{claim_id}", guild_id, reason)


def restore_claim(store: Store, claim_id: int, *, guild_id: int, actor: str) -> None:
    """Undo a retraction."""
    with store.write():
        claim = _own_claim(store, claim_id, guild_id)
        if not claim["retracted_at"]:
            raise ActionRefused(f"Claim #{claim_id} is not retracted; there is nothing to restore.")
        sql.clear_claim_retracted(store, claim_id)
        store.record(actor, "claim.restore", f"claim:{claim_id}", guild_id)


def set_article_date(
    store: Store, article_id: str, published: str | None, *, guild_id: int, actor: str
) -> ArticleAdded:
    """Fix an article's date as a moderator's: the date given (its claims read again against
    it, see `redate_article`), or (None) the inferred one confirmed."""
    if published is not None:
        return redate_article(store, article_id, published, guild_id=guild_id, actor=actor)
    with store.write():
        row = _own_article(store, article_id, guild_id)
        if not row["published"]:
            raise ActionRefused(
                "No date was found in this article; set one with the "
                "“Set the date” button or `/article redate`."
            )
        sql.confirm_article_date(store, row["id"], row["published"])
        store.record(
            actor,
            "article.date.confirm",
            f"article:{row['id']}",
            guild_id,
            f"{row['published']} (was {row['published_basis']})",
        )
    return _added(store, row["id"])
