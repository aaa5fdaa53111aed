"""Reading claims with their receipts, seen through one guild's eyes.

Every answer reads claims here, as `ClaimRow`s; the SQL, and with it the one visibility rule
(`bot.store.answers.visible_to`: public or the guild's own, not removed, not retracted), is the
store's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.answers.model import Item
from bot.answers.sourcing import source_name
from bot.store import Store
from bot.store import answers as sql


@dataclass(slots=True)
class ClaimRow:
    """A claim as an answer needs it: what it says, about what, and where it was said (the
    columns of `bot.store.answers.CLAIM_COLUMNS`)."""

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
    outlet: str | None

    @property
    def source_name(self) -> str:
        """The article as a reader names it (see `wording.source_name`)."""
        return source_name(title=self.title, outlet=self.outlet, url=self.url, article=self.article)

    def item(self, **extra) -> Item:
        """An answer item carrying this claim's receipt."""
        return Item(
            quote=self.quote,
            article=self.article,
            source=self.source,
            published=self.published,
            claim_id=self.claim_id,
            url=self.url,
            source_name=self.source_name,
            **extra,
        )


def _claim_rows(rows: Iterable[tuple]) -> list[ClaimRow]:
    return [ClaimRow(*row) for row in rows]


def claims_about(
    store: Store, subject_ids: Iterable[int], guild_id: int | None, attributes: Iterable[str] | None = None
) -> list[ClaimRow]:
    """The visible claims about these subjects, optionally only of some attributes."""
    return _claim_rows(sql.claims_about(store, subject_ids, guild_id, attributes))


def company_context(
    store: Store,
    company_id: int,
    subject_ids: Iterable[int],
    guild_id: int | None,
    attributes: Iterable[str] | None = None,
) -> list[ClaimRow]:
    """The visible claims about a company made in articles that speak of these subjects."""
    return _claim_rows(sql.company_context(store, company_id, subject_ids, guild_id, attributes))


def claims_by_id(store: Store, claim_ids: Iterable[int], guild_id: int | None) -> list[ClaimRow]:
    """The visible claims with these ids, with their receipts."""
    return _claim_rows(sql.claims_by_id(store, claim_ids, guild_id))


def latest_claims(store: Store, guild_id: int | None, limit: int) -> list[ClaimRow]:
    """The visible claims of the most recently published articles, newest first."""
    return _claim_rows(sql.latest_claims(store, guild_id, limit))


def claims_between(
    store: Store, first_id: int, last_id: int, guild_id: int | None, *, subject_id: int | None = None
) -> list[ClaimRow]:
    """The visible claims with ids from `first_id` to `last_id` (of one subject, when given), in
    the order they were added: what a digest covers."""
    return _claim_rows(sql.claims_between(store, first_id, last_id, guild_id, subject_id=subject_id))


def claim_with_retraction(store: Store, claim_id: int, guild_id: int | None) -> tuple[ClaimRow, tuple] | None:
    """A claim whose article the guild sees, retracted or not, with (retracted_at, retracted_by,
    reason): `/claim` shows a retracted claim too, marked."""
    found = sql.claim_with_retraction(store, claim_id, guild_id)
    return None if found is None else (ClaimRow(*found[:-3]), tuple(found[-3:]))


def claims_matching(store: Store, fts_query: str, guild_id: int | None, limit: int) -> list[ClaimRow]:
    """The visible claims whose quote matches a full-text query, best first."""
    return _claim_rows(sql.claims_matching(store, fts_query, guild_id, limit))
