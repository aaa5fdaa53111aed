"""Reading claims with their receipts, seen through one guild's eyes.

Every answer reads claims here, so the visibility rule lives in one place: an article is seen by a
guild when it is public (guild_id IS NULL) or that guild's own, and was not removed; a claim is
seen when its article is and it was not retracted. A claim carries copies of its article's guild,
date and removal (kept equal by the store's triggers), so its visibility is read without its
article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.answers.model import Item
from bot.store import Store

# One positional parameter, the guild id.
VISIBLE_ARTICLE = "a.removed_at IS NULL AND (a.guild_id IS NULL OR a.guild_id = ?)"


def visible_claim(alias: str) -> str:
    """Whether the claim named `alias` is seen by the guild (one positional parameter)."""
    return (f"{alias}.retracted_at IS NULL AND {alias}.article_removed = 0 "
            f"AND ({alias}.guild_id IS NULL OR {alias}.guild_id = ?)")


VISIBLE_CLAIM = visible_claim("c")
CLAIM_COLUMNS = ("c.id, c.subject_id, s.name, c.attribute, c.value, c.status, c.quote, c.mention, "
                 "a.id, coalesce(a.outlet, a.title, a.url, a.id), a.url, a.published, a.title")
CLAIM_FROM = ("claims c JOIN articles a ON a.id = c.article_id "
              "JOIN subjects s ON s.id = c.subject_id")


@dataclass(slots=True)
class ClaimRow:
    """A claim as an answer needs it: what it says, about what, and where it was said."""

    claim_id: int
    subject_id: int
    subject: str
    attribute: str
    value: str
    status: str
    quote: str
    mention: str | None
    article: str
    source: str
    url: str | None
    published: str | None
    title: str | None

    def item(self, **extra) -> Item:
        """An answer item carrying this claim's receipt."""
        return Item(quote=self.quote, article=self.article, source=self.source,
                    published=self.published, claim_id=self.claim_id, url=self.url, **extra)


def placeholders(count: int) -> str:
    return ",".join("?" * count)


def claims_about(store: Store, subject_ids: Iterable[int], guild_id: int | None,
                 attributes: Iterable[str] | None = None) -> list[ClaimRow]:
    """The visible claims about these subjects, optionally only of some attributes."""
    ids = list(subject_ids)
    if not ids:
        return []
    sql = (f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} "
           f"WHERE c.subject_id IN ({placeholders(len(ids))}) AND {VISIBLE_CLAIM}")
    params: list = [*ids, guild_id]
    wanted = list(attributes or ())
    if wanted:
        sql += f" AND c.attribute IN ({placeholders(len(wanted))})"
        params += wanted
    return [ClaimRow(*row) for row in store.db.execute(sql, params)]


def company_context(store: Store, company_id: int, subject_ids: Iterable[int],
                    guild_id: int | None, attributes: Iterable[str] | None = None
                    ) -> list[ClaimRow]:
    """The visible claims about a company made in articles that speak of these subjects."""
    ids = list(subject_ids)
    sql = (f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.subject_id = ? AND c.article_id IN "
           f"(SELECT article_id FROM claims WHERE subject_id IN ({placeholders(len(ids))})) "
           f"AND {VISIBLE_CLAIM}")
    params: list = [company_id, *ids, guild_id]
    wanted = list(attributes or ())
    if wanted:
        sql += f" AND c.attribute IN ({placeholders(len(wanted))})"
        params += wanted
    return [ClaimRow(*row) for row in store.db.execute(sql, params)]


def claims_by_id(store: Store, claim_ids: Iterable[int], guild_id: int | None) -> list[ClaimRow]:
    """The visible claims with these ids, with their receipts."""
    ids = list(claim_ids)
    if not ids:
        return []
    sql = (f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} "
           f"WHERE c.id IN ({placeholders(len(ids))}) AND {VISIBLE_CLAIM}")
    return [ClaimRow(*row) for row in store.db.execute(sql, [*ids, guild_id])]


def latest_claims(store: Store, guild_id: int | None, limit: int) -> list[ClaimRow]:
    """The visible claims of the most recently published articles, newest first."""
    sql = (f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE {VISIBLE_CLAIM} "
           "ORDER BY a.published DESC, c.id DESC LIMIT ?")
    return [ClaimRow(*row) for row in store.db.execute(sql, [guild_id, limit])]


def subject_is_visible(store: Store, subject_id: int, guild_id: int | None) -> bool:
    """Whether the guild can see at least one claim about this subject."""
    row = store.db.execute(
        f"SELECT EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = ? AND {VISIBLE_CLAIM})",
        [subject_id, guild_id]).fetchone()
    return bool(row[0])


def claims_between(store: Store, first_id: int, last_id: int, guild_id: int | None, *,
                   subject_id: int | None = None) -> list[ClaimRow]:
    """The visible claims with ids from `first_id` to `last_id` (of one subject, when given), in
    the order they were added: what a digest covers."""
    sql = (f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id BETWEEN ? AND ? "
           f"AND {VISIBLE_CLAIM}")
    params: list = [first_id, last_id, guild_id]
    if subject_id is not None:
        sql += " AND c.subject_id = ?"
        params.append(subject_id)
    return [ClaimRow(*row) for row in store.db.execute(sql + " ORDER BY c.id", params)]
