"""The SQL of answers: the claims an answer reads with their receipts, the names the name index
keeps, and the value groups `/spec` counts, every one seen through one guild's eyes.

The visibility rule is written once, in `visible_to`: an article is seen by a guild when it is
public (guild_id IS NULL) or that guild's own, and was not removed; a claim is seen when its
article is and it was not retracted. A claim carries copies of its article's guild, date and
removal (kept equal by the store's triggers, `_schema_v4`), so its visibility is read without its
article. Queries are built as `Sql` pieces, each with its own parameters, so no condition depends
on where its `?` sits. `bot.answers` turns the rows into answers; every statement it needs is a
named function here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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


def placeholders(count: int) -> str:
    """`?, ?, ?` for `count` values."""
    return ",".join("?" * count)


def rows(store: Store, query: Sql) -> list[tuple]:
    """What a query returns."""
    return store.db.execute(query.text, query.params).fetchall()


# Claims with their receipts ---------------------------------------------------------------------

# The columns of a claim row, in the order of `bot.answers.receipts.ClaimRow`: what the claim
# says, about what, and where it was said.
CLAIM_COLUMNS = (
    "c.id, c.subject_id, s.name, c.attribute, c.value, c.status, c.quote, c.mention, "
    "a.id, coalesce(a.outlet, a.title, a.url, a.id), a.url, a.published, a.title, "
    "a.outlet"
)
CLAIM_FROM = "claims c JOIN articles a ON a.id = c.article_id JOIN subjects s ON s.id = c.subject_id"
# Claims looked up by id read their article's receipt from `idx_articles_receipts` alone, not
# from the article's row beside its body (`_schema_v12`); SQLite would take the primary key.
CLAIMS_BY_ID_FROM = CLAIM_FROM.replace("articles a ON", "articles a INDEXED BY idx_articles_receipts ON")


def _only_attributes(attributes: Iterable[str] | None) -> Sql:
    """` AND c.attribute IN (...)` when some attributes are asked for, else nothing."""
    wanted = list(attributes or ())
    return " AND " + in_list("c.attribute", wanted) if wanted else Sql("")


def claims_about(
    store: Store, subject_ids: Iterable[int], guild_id: int | None, attributes: Iterable[str] | None = None
) -> list[tuple]:
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
    return rows(store, query + _only_attributes(attributes))


def company_context(
    store: Store,
    company_id: int,
    subject_ids: Iterable[int],
    guild_id: int | None,
    attributes: Iterable[str] | None = None,
) -> list[tuple]:
    """The visible claims about a company made in articles that speak of these subjects: what a
    company said counts for a device only where the device was spoken of."""
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
    return rows(store, query + _only_attributes(attributes))


def claims_by_id(store: Store, claim_ids: Iterable[int], guild_id: int | None) -> list[tuple]:
    """The visible claims with these ids, with their receipts."""
    ids = list(claim_ids)
    if not ids:
        return []
    return rows(
        store,
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIMS_BY_ID_FROM} WHERE "
        + in_list("c.id", ids)
        + " AND "
        + visible_to(guild_id, claim="c"),
    )


def latest_claims(store: Store, guild_id: int | None, limit: int) -> list[tuple]:
    """The visible claims of the most recently published articles, newest first."""
    return rows(
        store,
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE "
        + visible_to(guild_id, claim="c")
        + Sql(" ORDER BY a.published DESC, c.id DESC LIMIT ?", (limit,)),
    )


def subject_is_visible(store: Store, subject_id: int, guild_id: int | None) -> bool:
    """Whether the guild can see at least one claim about this subject: a subject with none is
    no name to offer it."""
    query = (
        Sql("SELECT EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = ? AND ", (subject_id,))
        + visible_to(guild_id, claim="c")
        + ")"
    )
    return bool(rows(store, query)[0][0])


def claims_between(
    store: Store, first_id: int, last_id: int, guild_id: int | None, *, subject_id: int | None = None
) -> list[tuple]:
    """The visible claims with ids from `first_id` to `last_id` (of one subject, when given), in
    the order they were added: what a digest covers."""
    query = Sql(
        f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id BETWEEN ? AND ? AND ", (first_id, last_id)
    ) + visible_to(guild_id, claim="c")
    if subject_id is not None:
        query += Sql(" AND c.subject_id = ?", (subject_id,))
    return rows(store, query + " ORDER BY c.id")


def claim_with_retraction(store: Store, claim_id: int, guild_id: int | None) -> tuple | None:
    """A claim whose article the guild sees, retracted or not, as its claim row followed by
    (retracted_at, retracted_by, reason): `/claim` shows a retracted claim too, marked."""
    query = Sql(
        f"SELECT {CLAIM_COLUMNS}, c.retracted_at, c.retracted_by, c.reason "
        f"FROM {CLAIM_FROM} WHERE c.id = ? AND ",
        (claim_id,),
    ) + visible_to(guild_id, article="a")
    found = rows(store, query)
    return found[0] if found else None


def claims_matching(store: Store, fts_query: str, guild_id: int | None, limit: int) -> list[tuple]:
    """The visible claims whose quote matches a full-text query, best first."""
    return rows(
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
    return rows(
        store,
        Sql(
            "SELECT a.id, coalesce(a.outlet, a.title, a.url, a.id), a.url, a.published, a.title, "
            f"a.outlet, snippet(articles_fts, 1, '', '', '…', {snippet_words}) FROM articles_fts "
            f"JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND ",
            (fts_query,),
        )
        + visible_to(guild_id, article="a")
        + Sql(" ORDER BY articles_fts.rank LIMIT ?", (limit,)),
    )


# Names, for the name index ----------------------------------------------------------------------


def subjects_newest_first(store: Store) -> list[tuple]:
    """Every subject as (id, name, key, kind, brand), the most recently added first."""
    return store.db.execute("SELECT id, name, key, kind, brand FROM subjects ORDER BY id DESC").fetchall()


def subjects_after(store: Store, subject_id: int) -> list[tuple]:
    """The subjects added after `subject_id`, as (id, name, key, kind, brand), oldest first: what
    a kept name index takes in without reading the others again."""
    return store.db.execute(
        "SELECT id, name, key, kind, brand FROM subjects WHERE id > ? ORDER BY id", [subject_id]
    ).fetchall()


def alias_links(store: Store) -> list[tuple]:
    """Every alias as (alias, subject id, claim id, the claim's guild, whether the claim stands):
    the name index decides per guild which of them it sees, without a query per guild."""
    return store.db.execute(
        "SELECT l.alias, l.subject_id, l.claim_id, c.guild_id, "
        "c.retracted_at IS NULL AND c.article_removed = 0 FROM aliases l "
        "JOIN claims c ON c.id = l.claim_id"
    ).fetchall()


def store_stamp(store: Store) -> tuple[int, int]:
    """Changes whenever this store's content may have changed, by any connection
    (`PRAGMA data_version` for the others, `total_changes` for this one)."""
    data_version = store.db.execute("PRAGMA data_version").fetchone()[0]
    return data_version, store.db.conn.total_changes


def names_stamp(store: Store) -> tuple[tuple[int, int], int]:
    """((subjects added, other name changes), changes that hid a claim): see `_schema_v5`."""
    added, changed, hidden = store.db.execute("SELECT added, changed, hidden FROM names_version").fetchone()
    return (added, changed), hidden


def answers_revised(store: Store) -> int:
    """How many times a stored claim or article was changed other than added (`_schema_v9`):
    while it stands still, only the subjects of new claims can answer differently."""
    return store.db.execute("SELECT revised FROM answers_version").fetchone()[0]


def last_claim_id(store: Store) -> int:
    """The id of the claim added last (0 for none): claims added after it are new to a reader."""
    return store.db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]


def subjects_of_claims_after(store: Store, claim_id: int) -> tuple[set[int], int]:
    """The subjects of the claims added after `claim_id`, and the id of the last of them (or
    `claim_id` when none was added), read together so no claim falls between the two."""
    subjects, last = set(), claim_id
    for subject_id, added in store.db.execute("SELECT subject_id, id FROM claims WHERE id > ?", [claim_id]):
        subjects.add(subject_id)
        last = max(last, added)
    return subjects, last


# /spec's value groups ---------------------------------------------------------------------------


def value_group_sums(
    store: Store,
    subjects: Iterable[tuple[int, int]],
    company: tuple[int, int] | None,
    guild_id: int | None,
    attributes: Iterable[str] | None,
) -> list[tuple]:
    """The visible claims of some subjects, added up by value group, in SQL: only the few rows per
    group come back, not the thousands of claims of a heavy device.

    `subjects` are (subject id, scope rank); `company` is (company id, scope rank), whose claims
    count only when made in an article that speaks of one of the subjects. Each row is (scope
    rank, attribute, value key, denial, the list of the article of each claim, newest date, the
    weightiest claim as "<confirmed 0|1><published> <id:012>"); a value said of several subjects
    comes once for each.
    """
    subjects = list(subjects)
    wanted = list(attributes or ())
    parts = [_subject_sums(scope_rank, sid, guild_id, wanted) for sid, scope_rank in subjects]
    if company is not None:
        parts.append(_context_sums(company, [sid for sid, _ in subjects], guild_id, wanted))
    query = parts[0]
    for part in parts[1:]:
        query += " UNION ALL " + part
    return _with_article_lists(rows(store, query))


def _with_article_lists(sums: list[tuple]) -> list[tuple]:
    """The sums with their JSON lists of articles read, all in one `json.loads` (a call for each
    of a heavy device's hundreds of groups cost more than reading them)."""
    lists = json.loads("[" + ",".join(row[4] for row in sums) + "]")
    return [(*row[:4], articles, *row[5:]) for row, articles in zip(sums, lists, strict=True)]


def _context_sums(
    company: tuple[int, int], subject_ids: list[int], guild_id: int | None, wanted: list[str]
) -> Sql:
    """The sums of a company's visible claims made in articles that speak of the subjects: the
    kept groups of the claims everyone sees (`context_groups`, a row for each subject), and the
    guild's own claims added up as asked."""
    company_id, scope_rank = company
    kept = (
        Sql(
            f"SELECT {scope_rank}, c.attribute, c.value_key, c.denial, c.articles, c.newest, c.weightiest "
            "FROM context_groups c WHERE c.company_id = ? AND ",
            (company_id,),
        )
        + in_list("c.subject_id", subject_ids)
        + _only_attributes(wanted)
    )
    if guild_id is None:
        return kept

    def own_in_family_article(claim: str) -> Sql:
        return (
            Sql(
                f"{claim}.subject_id = ? AND {claim}.guild_id = ? AND EXISTS (SELECT 1 FROM claims f "
                f"WHERE f.article_id = {claim}.article_id AND ",
                (company_id, guild_id),
            )
            + in_list("f.subject_id", subject_ids)
            + ")"
        )

    return kept + " UNION ALL " + _value_group_sums(scope_rank, own_in_family_article, guild_id, wanted)


def _subject_sums(scope_rank: int, subject_id: int, guild_id: int | None, wanted: list[str]) -> Sql:
    """The sums of one subject's visible claims: the kept groups of the claims everyone sees
    (`value_groups`), and the guild's own claims added up as asked. A group with claims of both
    kinds comes twice, which the caller merges as it merges the groups of several subjects."""
    kept = Sql(
        f"SELECT {scope_rank}, c.attribute, c.value_key, c.denial, c.articles, c.newest, c.weightiest "
        "FROM value_groups c WHERE c.subject_id = ?",
        (subject_id,),
    ) + _only_attributes(wanted)
    if guild_id is None:
        return kept
    own = _value_group_sums(
        scope_rank,
        lambda claim: Sql(f"{claim}.subject_id = ? AND {claim}.guild_id = ?", (subject_id, guild_id)),
        guild_id,
        wanted,
    )
    return kept + " UNION ALL " + own


def _value_group_sums(
    scope_rank: int, claims_of: Callable[[str], Sql], guild_id: int | None, wanted: list[str]
) -> Sql:
    """The SQL adding up the visible claims that `claims_of` (a claim alias) chooses, by value
    group (see `value_group_sums`): for the few claims of a company's context or of a guild."""
    return (
        f"SELECT {scope_rank}, c.attribute, lower(trim(c.value)), c.status = 'denied', "
        f"json_group_array(c.article_id), max(c.published), max({_weight('c')}) FROM claims c "
        "WHERE "
        + claims_of("c")
        + " AND "
        + visible_to(guild_id, claim="c")
        + _only_attributes(wanted)
        + " GROUP BY 2, 3, 4"
    )


_CONTEXT_GROUP_COLUMNS = "subject_id, company_id, attribute, value_key, denial, articles, newest, weightiest"
_CHANGED_CLAIM = (
    "UPDATE OF id, article_id, subject_id, attribute, value, status, published, guild_id, "
    "article_removed, retracted_at ON claims"
)


_VALUE_GROUP_COLUMNS = "subject_id, attribute, value_key, denial, articles, newest, weightiest"


def _seen_by_everyone() -> str:
    """`visible_to` a guild of none (the claims every guild sees), without parameters, for the
    triggers' SQL."""
    return visible_to(None, claim="c").text.replace("?", "NULL")


def _value_group_sums_by_subject() -> str:
    """The start of the query adding up claims by subject and value group, as `value_groups`
    keeps them; the caller adds the conditions after its WHERE."""
    return (
        f"SELECT c.subject_id, c.attribute, lower(trim(c.value)), c.status = 'denied', "
        f"json_group_array(c.article_id), max(c.published), max({_weight('c')}) FROM claims c WHERE "
    )


def count_value_groups(db) -> None:
    """Fill `value_groups` from every claim (it was empty): what the triggers then keep."""
    db.execute(
        f"INSERT INTO value_groups ({_VALUE_GROUP_COLUMNS}) {_value_group_sums_by_subject()}"
        f"{_seen_by_everyone()} GROUP BY 1, 2, 3, 4"
    )


def create_value_groups(db) -> None:
    """Make `value_groups` (see `_schema_v11`), fill it, and add the triggers that keep it.

    Its rows are what `_value_group_sums` gives for the claims `visible_to` every guild (no
    guild's own), one subject at a time; a group is counted again from its claims whenever one
    of them is added, changed or deleted, so the table stays equal to counting afresh.
    """
    db.execute(
        "CREATE TABLE value_groups (subject_id INTEGER NOT NULL, attribute TEXT, value_key TEXT, "
        "denial INTEGER, articles TEXT NOT NULL, newest TEXT, weightiest TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_value_groups ON value_groups (subject_id, attribute, value_key, denial)")
    count_value_groups(db)
    columns, sums, everyone = _VALUE_GROUP_COLUMNS, _value_group_sums_by_subject(), _seen_by_everyone()

    def recount(row: str) -> str:
        group = (
            f"subject_id = {row}.subject_id AND attribute IS {row}.attribute "
            f"AND value_key IS lower(trim({row}.value)) AND denial IS ({row}.status = 'denied')"
        )
        claims = (
            f"c.subject_id = {row}.subject_id AND c.attribute IS {row}.attribute "
            f"AND lower(trim(c.value)) IS lower(trim({row}.value)) "
            f"AND (c.status = 'denied') IS ({row}.status = 'denied')"
        )
        return (
            f"DELETE FROM value_groups WHERE {group}; "
            f"INSERT INTO value_groups ({columns}) {sums}{claims} AND {everyone} GROUP BY 1, 2, 3, 4;"
        )

    # a claim whose group stays (a retraction, its article's copies) has its group counted once;
    # one moved to another group (a new subject, value or status) has both counted. A new claim
    # is counted here too: every insert is followed by the update that copies its article's
    # fields onto it (`_schema_v4`), so a trigger on inserts would count its group twice.
    changed = _CHANGED_CLAIM
    same_group = (
        "old.subject_id = new.subject_id AND old.attribute IS new.attribute "
        "AND lower(trim(old.value)) IS lower(trim(new.value)) "
        "AND (old.status = 'denied') IS (new.status = 'denied')"
    )
    db.execute(
        f"CREATE TRIGGER value_groups_update AFTER {changed} WHEN {same_group} BEGIN {recount('new')} END"
    )
    db.execute(
        f"CREATE TRIGGER value_groups_move AFTER {changed} WHEN NOT ({same_group}) "
        f"BEGIN {recount('old')} {recount('new')} END"
    )
    db.execute(f"CREATE TRIGGER value_groups_delete AFTER DELETE ON claims BEGIN {recount('old')} END")
    db.execute(
        "CREATE INDEX idx_claims_guild_own ON claims (subject_id, guild_id) WHERE guild_id IS NOT NULL"
    )


def _is_company(subject: str) -> str:
    return f"(SELECT kind FROM subjects WHERE id = {subject}) = 'company'"


def _speaks_of(article: str, subject: str) -> str:
    """Whether the article has a claim of the subject, in any state: a company's claim counts for
    the subject there. Whether it is seen is the company claim's own visibility, which is its
    article's, so the subject's claim need not be visible (a retracted one still speaks)."""
    return f"EXISTS (SELECT 1 FROM claims x WHERE x.article_id = {article} AND x.subject_id = {subject})"


def _context_sums_of(speaker: str) -> str:
    """The start of the query adding up a company's claims (`c`) as `context_groups` keeps them
    for the subject `speaker`; the caller adds the FROM clause's rest and the conditions."""
    return (
        f"SELECT {speaker}, c.subject_id, c.attribute, lower(trim(c.value)), c.status = 'denied', "
        f"json_group_array(c.article_id), max(c.published), max({_weight('c')}) FROM "
    )


def count_context_groups(db) -> None:
    """Fill `context_groups` from every claim (it was empty): what the triggers then keep."""
    db.execute(
        f"INSERT INTO context_groups ({_CONTEXT_GROUP_COLUMNS}) {_context_sums_of('f.subject_id')}"
        "claims c JOIN (SELECT DISTINCT x.article_id, x.subject_id FROM claims x JOIN subjects s "
        "ON s.id = x.subject_id AND s.kind != 'company') f ON f.article_id = c.article_id "
        f"WHERE {_is_company('c.subject_id')} AND {_seen_by_everyone()} GROUP BY 1, 2, 3, 4, 5"
    )


def create_context_groups(db) -> None:
    """Make `context_groups` (see `_schema_v12`), fill it, and add the triggers that keep it.

    Its rows are, for each subject that is not a company and each company, the value groups of
    the company's claims everyone sees made in an article with a claim of the subject, as
    `_value_group_sums` adds them up. A row changes when a claim of its company changes (the
    group counted again for every subject of that claim's article) or when a subject first
    speaks in an article, or stops (every group of a company's claims in that article counted
    again for the subject).
    """
    db.execute(
        "CREATE TABLE context_groups (subject_id INTEGER NOT NULL, company_id INTEGER NOT NULL, "
        "attribute TEXT, value_key TEXT, denial INTEGER, articles TEXT NOT NULL, newest TEXT, "
        "weightiest TEXT NOT NULL)"
    )
    db.execute(
        "CREATE INDEX idx_context_groups ON context_groups "
        "(subject_id, company_id, attribute, value_key, denial)"
    )
    count_context_groups(db)
    columns, everyone = _CONTEXT_GROUP_COLUMNS, _seen_by_everyone()

    def recount_for_company_claim(row: str) -> str:
        group = (
            f"attribute IS {row}.attribute AND value_key IS lower(trim({row}.value)) "
            f"AND denial IS ({row}.status = 'denied')"
        )
        claims = (
            f"c.subject_id = {row}.subject_id AND c.attribute IS {row}.attribute "
            f"AND lower(trim(c.value)) IS lower(trim({row}.value)) "
            f"AND (c.status = 'denied') IS ({row}.status = 'denied')"
        )
        speakers = (
            f"(SELECT DISTINCT x.subject_id FROM claims x WHERE x.article_id = {row}.article_id "
            f"AND NOT {_is_company('x.subject_id')}) f"
        )
        return (
            f"DELETE FROM context_groups WHERE company_id = {row}.subject_id AND {group} AND subject_id IN "
            f"(SELECT subject_id FROM claims WHERE article_id = {row}.article_id); "
            f"INSERT INTO context_groups ({columns}) {_context_sums_of('f.subject_id')}{speakers} "
            f"JOIN claims c ON {claims} WHERE {everyone} AND {_speaks_of('c.article_id', 'f.subject_id')} "
            "GROUP BY 1, 2, 3, 4, 5;"
        )

    def recount_for_speaker(row: str) -> str:
        speaker = f"{row}.subject_id"
        groups_here = (
            "(SELECT DISTINCT g.subject_id AS company_id, g.attribute AS attribute, "
            "lower(trim(g.value)) AS value_key, g.status = 'denied' AS denial FROM claims g "
            f"WHERE g.article_id = {row}.article_id AND {_is_company('g.subject_id')}) g"
        )
        claims = (
            "c.subject_id = g.company_id AND c.attribute IS g.attribute "
            "AND lower(trim(c.value)) IS g.value_key AND (c.status = 'denied') IS g.denial"
        )
        return (
            f"DELETE FROM context_groups WHERE subject_id = {row}.subject_id AND EXISTS (SELECT 1 FROM "
            f"claims g WHERE g.article_id = {row}.article_id AND g.subject_id = context_groups.company_id "
            "AND g.attribute IS context_groups.attribute "
            "AND lower(trim(g.value)) IS context_groups.value_key "
            "AND (g.status = 'denied') IS context_groups.denial); "
            f"INSERT INTO context_groups ({columns}) {_context_sums_of(speaker)}{groups_here} "
            f"JOIN claims c ON {claims} WHERE {everyone} AND {_speaks_of('c.article_id', speaker)} "
            "GROUP BY 1, 2, 3, 4, 5;"
        )

    stays = (
        "old.subject_id = new.subject_id AND old.article_id = new.article_id "
        "AND old.attribute IS new.attribute AND lower(trim(old.value)) IS lower(trim(new.value)) "
        "AND (old.status = 'denied') IS (new.status = 'denied')"
    )
    moved = "(old.subject_id != new.subject_id OR old.article_id != new.article_id)"
    still_speaks = _speaks_of("old.article_id", "old.subject_id")
    # as for `value_groups`, a new claim is counted by the update that copies its article's
    # fields onto it; a subject speaking in an article is known at the insert itself
    for name, event, when, body in (
        (
            "context_company_new",
            _CHANGED_CLAIM,
            _is_company("new.subject_id"),
            recount_for_company_claim("new"),
        ),
        (
            "context_company_old",
            _CHANGED_CLAIM,
            f"{_is_company('old.subject_id')} AND NOT ({stays})",
            recount_for_company_claim("old"),
        ),
        (
            "context_company_delete",
            "DELETE ON claims",
            _is_company("old.subject_id"),
            recount_for_company_claim("old"),
        ),
        (
            "context_speaker_insert",
            "INSERT ON claims",
            f"NOT {_is_company('new.subject_id')} AND NOT EXISTS (SELECT 1 FROM claims x WHERE "
            "x.article_id = new.article_id AND x.subject_id = new.subject_id AND x.id != new.id)",
            recount_for_speaker("new"),
        ),
        (
            "context_speaker_joined",
            "UPDATE OF subject_id, article_id ON claims",
            f"{moved} AND NOT {_is_company('new.subject_id')}",
            recount_for_speaker("new"),
        ),
        (
            "context_speaker_left",
            "UPDATE OF subject_id, article_id ON claims",
            f"{moved} AND NOT {_is_company('old.subject_id')} AND NOT {still_speaks}",
            recount_for_speaker("old"),
        ),
        (
            "context_speaker_delete",
            "DELETE ON claims",
            f"NOT {_is_company('old.subject_id')} AND NOT {still_speaks}",
            recount_for_speaker("old"),
        ),
    ):
        db.execute(f"CREATE TRIGGER {name} AFTER {event} WHEN {when} BEGIN {body} END")


def _weight(claim: str) -> str:
    """A claim's weight as text that sorts like (confirmed, published, id): the space after the
    date sorts below any character of a date, so an undated claim weighs least, as in a tuple."""
    return (
        f"({claim}.status = 'confirmed') || coalesce({claim}.published, '') || ' ' "
        f"|| printf('%012d', {claim}.id)"
    )
