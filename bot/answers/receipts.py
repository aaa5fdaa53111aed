"""Reading claims with their receipts, seen through one guild's eyes.

Every answer reads claims here, so the visibility rule lives in one place, `visible_to`: an
article is seen by a guild when it is public (guild_id IS NULL) or that guild's own, and was not
removed; a claim is seen when its article is and it was not retracted. A claim carries copies of
its article's guild, date and removal (kept equal by the store's triggers), so its visibility is
read without its article. Queries are built as `Sql` pieces, each with its own parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.answers.model import Item
from bot.answers.sourcing import source_name
from bot.store import Store


@dataclass(frozen=True)
class Sql:
    """SQL text with the parameters of its `?`s: pieces joined with `+` keep every parameter
    beside its placeholder, so no condition depends on where it sits in a query."""

    text: str
    params: tuple = ()

    def __add__(self, other: Sql | str) -> Sql:
        other = other if isinstance(other, Sql) else Sql(other)
        return Sql(self.text + other.text, self.params + other.params)

    def __radd__(self, other: str) -> Sql:
        return Sql(other) + self


def visible_to(guild_id: int | None, *, claim: str | None = None, article: str | None = None) -> Sql:
    """The visibility rule, the one place it is written: what the guild sees.

    Of an article (`article` its alias): public (guild_id IS NULL) or the guild's own, and not
    removed. Of a claim (`claim` its alias): its article is seen and it was not retracted; the
    claim's copies of its article's guild and removal are read, not the article.
    """
    if claim is not None:
        return Sql(
            f"{claim}.retracted_at IS NULL AND {claim}.article_removed = 0 "
            f"AND ({claim}.guild_id IS NULL OR {claim}.guild_id = ?)",
            (guild_id,),
        )
    return Sql(
        f"{article}.removed_at IS NULL AND ({article}.guild_id IS NULL OR {article}.guild_id = ?)",
        (guild_id,),
    )


def in_list(column: str, values: Iterable) -> Sql:
    """`column IN (?, ...)` with its values."""
    values = tuple(values)
    return Sql(f"{column} IN ({placeholders(len(values))})", values)


def read_claims(store: Store, query: Sql) -> list[ClaimRow]:
    """The claim rows a query built from `CLAIM_COLUMNS` and `CLAIM_FROM` returns."""
    return [ClaimRow(*row) for row in store.db.execute(query.text, query.params)]


CLAIM_COLUMNS = (
    "c.id, c.subject_id, s.name, c.attribute, c.value, c.status, c.quote, c.mention, "
    "a.id, coalesce(a.outlet, a.title, a.url, a.id), a.url, a.published, a.title, "
    "a.outlet"
)
CLAIM_FROM = "claims c JOIN articles a ON a.id = c.article_id JOIN subjects s ON s.id = c.subject_id"


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


def placeholders(count: int) -> str:
    """`?, ?, ?` for `count` values."""
    return ",".join("?" * count)


def claims_about(
    store: Store, subject_ids: Iterable[int], guild_id: int | None, attributes: Iterable[str] | None = None
) -> list[ClaimRow]:
    """The visible claims about these subjects, optionally only of some attributes."""
    ids = list(subject_ids)
    if not ids:
        return []
    query = (
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE "
        + in_list("c.subject_id", ids)
        + " AND "
        + visible_to(guild_id, claim="c")
    )
    wanted = list(attributes or ())
    if wanted:
        query += " AND " + in_list("c.attribute", wanted)
    return read_claims(store, query)


def company_context(
    store: Store,
    company_id: int,
    subject_ids: Iterable[int],
    guild_id: int | None,
    attributes: Iterable[str] | None = None,
) -> list[ClaimRow]:
    """The visible claims about a company made in articles that speak of these subjects."""
    query = (
        Sql(
            f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.subject_id = ? AND "
            f"c.article_id IN (SELECT article_id FROM claims WHERE ",
            (company_id,),
        )
        + in_list("subject_id", subject_ids)
        + ") AND "
        + visible_to(guild_id, claim="c")
    )
    wanted = list(attributes or ())
    if wanted:
        query += " AND " + in_list("c.attribute", wanted)
    return read_claims(store, query)


def claims_by_id(store: Store, claim_ids: Iterable[int], guild_id: int | None) -> list[ClaimRow]:
    """The visible claims with these ids, with their receipts."""
    ids = list(claim_ids)
    if not ids:
        return []
    return read_claims(
        store,
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE "
        + in_list("c.id", ids)
        + " AND "
        + visible_to(guild_id, claim="c"),
    )


def latest_claims(store: Store, guild_id: int | None, limit: int) -> list[ClaimRow]:
    """The visible claims of the most recently published articles, newest first."""
    return read_claims(
        store,
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE "
        + visible_to(guild_id, claim="c")
        + Sql(" ORDER BY a.published DESC, c.id DESC LIMIT ?", (limit,)),
    )


def subject_is_visible(store: Store, subject_id: int, guild_id: int | None) -> bool:
    """Whether the guild can see at least one claim about this subject."""
    query = (
        Sql("SELECT EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = ? AND ", (subject_id,))
        + visible_to(guild_id, claim="c")
        + ")"
    )
    return bool(store.db.execute(query.text, query.params).fetchone()[0])


def claims_between(
    store: Store, first_id: int, last_id: int, guild_id: int | None, *, subject_id: int | None = None
) -> list[ClaimRow]:
    """The visible claims with ids from `first_id` to `last_id` (of one subject, when given), in
    the order they were added: what a digest covers."""
    query = Sql(
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id BETWEEN ? AND ? AND ", (first_id, last_id)
    ) + visible_to(guild_id, claim="c")
    if subject_id is not None:
        query += Sql(" AND c.subject_id = ?", (subject_id,))
    return read_claims(store, query + " ORDER BY c.id")


def claim_with_retraction(store: Store, claim_id: int, guild_id: int | None) -> tuple[ClaimRow, tuple] | None:
    """A claim whose article the guild sees, retracted or not, with (retracted_at, retracted_by,
    reason): `/claim` shows a retracted claim too, marked."""
    query = Sql(
        f"SELECT {CLAIM_COLUMNS}, c.retracted_at, c.retracted_by, c.reason "
        f"FROM {CLAIM_FROM} WHERE c.id = ? AND ",
        (claim_id,),
    ) + visible_to(guild_id, article="a")
    found = store.db.execute(query.text, query.params).fetchone()
    return None if found is None else (ClaimRow(*found[:-3]), tuple(found[-3:]))


def claims_matching(store: Store, fts_query: str, guild_id: int | None, limit: int) -> list[ClaimRow]:
    """The visible claims whose quote matches a full-text query, best first."""
    return read_claims(
        store,
        Sql(
            f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} JOIN claims_fts "
            f"ON claims_fts.rowid = c.id WHERE claims_fts MATCH ? AND ",
            (fts_query,),
        )
        + visible_to(guild_id, claim="c")
        + Sql(" ORDER BY claims_fts.rank LIMIT ?", (limit,)),
    )


def articles_matching(
    store: Store, fts_query: str, guild_id: int | None, limit: int, snippet_words: int
) -> list[tuple]:
    """The visible articles whose title or body matches a full-text query, best first: (id,
    source, url, published, title, outlet, the passage around the words)."""
    query = (
        Sql(
            "SELECT a.id, coalesce(a.outlet, a.title, a.url, a.id), a.url, a.published, a.title, "
            f"a.outlet, snippet(articles_fts, 1, '', '', '…', {snippet_words}) FROM articles_fts "
            f"JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND ",
            (fts_query,),
        )
        + visible_to(guild_id, article="a")
        + Sql(" ORDER BY articles_fts.rank LIMIT ?", (limit,))
    )
    return store.db.execute(query.text, query.params).fetchall()
