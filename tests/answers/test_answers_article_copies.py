"""Each claim carries copies of its article's date, guild and removal (schema 4), which `/spec`
counts from; the store's triggers must keep them equal to the article's through every change,
and the migration must fill them for claims stored before it."""

from __future__ import annotations

import sqlite_utils

from bot import moderation
from bot.answers import spec
from bot.store import SCHEMA_VERSION, Store, migrate
from tests.answers.conftest import Said, Written, put

PHONE = "Contoso Nova 3"
HOME = 7
MOD = moderation.actor_name(42)


def copies(store: Store) -> dict[int, tuple]:
    """Each claim's copies of its article's fields, beside the article's own."""
    return {
        row[0]: row[1:]
        for row in store.db.execute(
            "SELECT c.id, c.published, c.guild_id, c.article_removed, "
            "a.published, a.guild_id, a.removed_at IS NOT NULL "
            "FROM claims c JOIN articles a ON a.id = c.article_id"
        )
    }


def assert_in_sync(store: Store) -> None:
    for claim_id, (published, guild, removed, *article) in copies(store).items():
        assert (published, guild, removed) == tuple(article), f"claim #{claim_id}"


def current_ram(store: Store, guild_id: int | None = HOME) -> str | None:
    lines = [line for line in spec(store, PHONE, "ram", guild_id=guild_id).lines if line.current]
    return lines[0].value if lines else None


def two_reports(store: Store) -> None:
    put(
        store,
        Written(
            "older",
            "2021-01-05",
            said=[Said(PHONE, "ram", "8 GB", "confirmed", "The Nova 3 has 8 GB of RAM, its maker says.")],
        ),
        guild_id=HOME,
    )
    put(
        store,
        Written(
            "newer",
            "2021-02-05",
            said=[Said(PHONE, "ram", "12 GB", "confirmed", "The Nova 3 ships with 12 GB of RAM.")],
        ),
        guild_id=HOME,
    )


def test_removing_restoring_and_redating_an_article_keeps_its_claims_copies(store):
    two_reports(store)
    assert_in_sync(store)
    assert current_ram(store) == "12 GB"

    moderation.remove_article(store, "newer", guild_id=HOME, actor=MOD)
    assert_in_sync(store)
    assert current_ram(store) == "8 GB"

    moderation.restore_article(store, "newer", guild_id=HOME, actor=MOD)
    assert_in_sync(store)
    assert current_ram(store) == "12 GB"

    # A moderator's redate also reads the claims again (tests/test_cli_errors.py); here the
    # claims are hand-written, so the date is changed as the store's triggers see it.
    store.db["articles"].update("older", {"published": "2021-03-01"})
    assert_in_sync(store)
    assert current_ram(store) == "8 GB", "the redated article is now the newest"


def test_an_article_given_to_another_guild_moves_its_claims_with_it(store):
    two_reports(store)
    store.db["articles"].update("newer", {"guild_id": HOME + 1})
    assert_in_sync(store)
    assert current_ram(store) == "8 GB"
    assert current_ram(store, HOME + 1) == "12 GB"


def test_a_retraction_leaves_the_copies_and_the_search_index_alone(store):
    two_reports(store)
    claim_id = store.db.execute("SELECT id FROM claims WHERE value = '12 GB'").fetchone()[0]
    store.db["claims"].update(claim_id, {"retracted_at": "2021-06-01T00:00:00+00:00"})
    assert_in_sync(store)
    assert current_ram(store) == "8 GB"
    hits = store.db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'ships'")
    assert [row[0] for row in hits] == [claim_id]


def test_the_migration_fills_the_copies_of_claims_stored_before_it(tmp_path):
    path = tmp_path / "v3.db"
    db = sqlite_utils.Database(path)
    migrate(db, up_to=3)
    db["subjects"].insert({"id": 1, "name": PHONE, "key": "contosonova3", "kind": "device"})
    for article_id, published, guild, removed in (
        ("public", "2021-01-05", None, None),
        ("own", "2021-02-05", HOME, None),
        ("gone", "2021-03-05", HOME, "2021-04-01"),
    ):
        db["articles"].insert(
            {
                "id": article_id,
                "published": published,
                "guild_id": guild,
                "removed_at": removed,
                "body": f"Body of {article_id}.",
            }
        )
        db["claims"].insert(
            {
                "article_id": article_id,
                "subject_id": 1,
                "attribute": "ram",
                "value": f"{len(article_id)} GB",
                "status": "confirmed",
                "quote": f"A quote from the {article_id} article.",
            }
        )
    db.close()

    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert sorted(copies(store).values()) == [
            ("2021-01-05", None, 0, "2021-01-05", None, 0),
            ("2021-02-05", HOME, 0, "2021-02-05", HOME, 0),
            ("2021-03-05", HOME, 1, "2021-03-05", HOME, 1),
        ]
        assert current_ram(store) == "3 GB", "the removed article's newer claim does not count"
        assert current_ram(store, None) == "6 GB", "another guild sees only the public article"
        hits = store.db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'quote'")
        assert hits.fetchone()[0] == 3
