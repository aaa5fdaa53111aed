"""The SQL of moderation: a server's articles and claims, read and changed on its moderators' word.

`bot.moderation` decides who may do what; every statement it needs is a named function here.
Writes run inside the caller's `store.write()` transaction, beside the audit record.
"""

from __future__ import annotations

from bot.store import Store, utc_now


def article_claims(store: Store, article_id: str) -> list[tuple]:
    """An article's claims as (id, subject, attribute, value, status), in the order found."""
    return store.db.execute(
        "SELECT c.id, s.name, c.attribute, c.value, c.status FROM claims c "
        "JOIN subjects s ON s.id = c.subject_id WHERE c.article_id = ? ORDER BY c.id",
        [article_id],
    ).fetchall()


def claim_with_owner(store: Store, claim_id: int) -> tuple | None:
    """A claim as (id, article id, retracted_at, the guild of its article), if it exists."""
    return store.db.execute(
        "SELECT c.id, c.article_id, c.retracted_at, a.guild_id FROM claims c "
        "JOIN articles a ON a.id = c.article_id WHERE c.id = ?",
        [claim_id],
    ).fetchone()


def guild_articles(store: Store, guild_id: int) -> list[tuple]:
    """A server's articles, newest first, removed ones included: (id, title, url, published,
    published_basis, claims not retracted, added_by, added_at, removed_at)."""
    return store.db.execute(
        "SELECT a.id, a.title, a.url, a.published, a.published_basis, "
        "(SELECT count(*) FROM claims c WHERE c.article_id = a.id AND c.retracted_at IS NULL), "
        "a.added_by, a.added_at, a.removed_at FROM articles a WHERE a.guild_id = ? "
        "ORDER BY a.added_at DESC, a.rowid DESC",
        [guild_id],
    ).fetchall()


def guild_article_ids(store: Store, guild_id: int, fragment: str, limit: int) -> list[str]:
    """A server's article ids whose id or title contains a fragment, newest first."""
    rows = store.db.execute(
        "SELECT id FROM articles WHERE guild_id = ? AND (id LIKE ? OR title LIKE ?) "
        "ORDER BY added_at DESC LIMIT ?",
        [guild_id, f"%{fragment}%", f"%{fragment}%", limit],
    ).fetchall()
    return [row[0] for row in rows]


def mark_article_removed(store: Store, article_id: str, actor: str) -> None:
    """Soft-remove an article: its claims stop counting (the triggers copy it to them)."""
    store.db.table("articles").update(article_id, {"removed_at": utc_now(), "removed_by": actor})


def clear_article_removed(store: Store, article_id: str) -> None:
    """Undo a removal."""
    store.db.table("articles").update(article_id, {"removed_at": None, "removed_by": None})


def mark_claim_retracted(store: Store, claim_id: int, actor: str, reason: str) -> None:
    """Retract a claim, keeping who did it and why."""
    store.db.table("claims").update(
        claim_id, {"retracted_at": utc_now(), "retracted_by": actor, "reason": reason}
    )


def clear_claim_retracted(store: Store, claim_id: int) -> None:
    """Undo a retraction."""
    store.db.table("claims").update(claim_id, {"retracted_at": None, "retracted_by": None, "reason": None})


def confirm_article_date(store: Store, article_id: str, published: str) -> None:
    """The article's date as a moderator's: it no longer asks to be confirmed."""
    store.db.table("articles").update(article_id, {"published": published, "published_basis": "moderator"})
