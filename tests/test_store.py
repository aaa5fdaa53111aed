"""The claim store: duplicates, all-or-nothing articles, migrations, search."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.models import Article, Claim
from bot.store import SCHEMA_VERSION, Store

FIXTURES = Path(__file__).parent / "fixtures"


def make_article(article_id="art1", body=None, url=None, published="2023-01-10"):
    body = body or "The Contoso X2 has a 6.7-inch display. It also packs a 5000mAh battery."
    from bot.articles import normalised_body_hash

    return Article(
        id=article_id,
        body=body,
        url=url,
        published=published,
        published_basis="header",
        sha256=normalised_body_hash(body),
    )


def claims_for(article, count=2):
    attributes = ["display_size", "battery", "ram", "storage", "chipset"]
    return [
        Claim(
            article=article.id,
            subject="Contoso X2",
            attribute=attributes[i % 5],
            value=f"{i} unit",
            status="rumored",
            quote=article.body[:10],
            start=0,
            end=10,
            published=article.published,
            published_basis="header",
        )
        for i in range(count)
    ]


def counts(store):
    return {table: store.db[table].count for table in ("articles", "claims", "subjects")}


def test_store_is_in_wal_mode_at_the_current_schema(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version == SCHEMA_VERSION


def test_an_article_and_its_claims_are_stored_together(store):
    article = make_article()
    result = store.add_article(article, claims_for(article, 3))
    assert result.stored and result.claims == 3
    assert counts(store) == {"articles": 1, "claims": 3, "subjects": 1}
    assert store.history(f"article:{result.article_id}")[0]["action"] == "article.add"


def test_the_same_body_twice_is_a_duplicate_stored_once(store):
    first = make_article("one")
    again = make_article("two", body="  " + first.body.replace(" ", "  ") + "\n")
    store.add_article(first, claims_for(first))
    result = store.add_article(again, claims_for(again))
    assert result.duplicate_of == "one" and not result.stored
    assert counts(store)["articles"] == 1 and counts(store)["claims"] == 2


def test_the_same_url_twice_is_a_duplicate_even_with_another_body(store):
    store.add_article(make_article("one", url="https://www.news.example/a/"), [])
    result = store.add_article(
        make_article("two", body="Different text.", url="https://news.example/a#comments"), []
    )
    assert result.duplicate_of == "one"


def test_a_server_article_is_no_duplicate_of_another_servers(store):
    article = make_article()
    store.add_article(article, [], guild_id=1)
    assert store.add_article(article, [], guild_id=2).stored
    assert not store.add_article(article, [], guild_id=1).stored


def test_another_article_with_a_used_id_gets_its_own_id(store):
    store.add_article(make_article("same"), [])
    result = store.add_article(make_article("same", body="Another body entirely."), [])
    assert result.stored and result.article_id != "same"


def test_a_failure_between_claims_leaves_no_partial_article(store, monkeypatch):
    article = make_article()
    original = Store._insert_claim
    calls = []

    def failing_after_one(self, *args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk unplugged between claims")
        return original(self, *args)

    monkeypatch.setattr(Store, "_insert_claim", failing_after_one)
    with pytest.raises(RuntimeError):
        store.add_article(article, claims_for(article, 4))
    assert counts(store) == {"articles": 0, "claims": 0, "subjects": 0}
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    monkeypatch.setattr(Store, "_insert_claim", original)
    assert store.add_article(article, claims_for(article, 4)).claims == 4


def test_a_process_killed_in_the_middle_of_an_article_leaves_nothing_of_it(tmp_path):
    db_path = tmp_path / "killed.db"
    child = textwrap.dedent(f"""
        import os, signal
        from bot.store import Store
        from tests.test_store import make_article, claims_for
        store = Store({str(db_path)!r})
        store.add_article(make_article("kept"), [])
        original = Store._insert_claim
        calls = []
        def killed_after_two(self, *args):
            calls.append(1)
            if len(calls) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            return original(self, *args)
        Store._insert_claim = killed_after_two
        article = make_article("lost", body="Another article, never finished.")
        store.add_article(article, claims_for(article, 5))
    """)
    done = subprocess.run(
        [sys.executable, "-c", child],
        cwd=Path(__file__).parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -9, done.stderr
    with Store(db_path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [row["id"] for row in store.db["articles"].rows] == ["kept"]
        assert store.db["claims"].count == 0


def test_a_first_schema_file_is_upgraded_with_every_row(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text())
    before = {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("articles", "claims", "subjects", "subscriptions")
    }
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        after = {table: store.db[table].count for table in before}
        assert after == before and all(after.values())
        word = store.db.execute("SELECT quote FROM claims").fetchone()[0].split()[-1].strip(".")
        assert (
            store.db.execute("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?", [word]).fetchone()[0]
            == 1
        )
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_search_index_follows_new_articles(store):
    article = make_article(body="A periscope zoom lens tops the Contoso X2.")
    store.add_article(article, [])
    hits = store.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'periscope'")
    assert len(hits.fetchall()) == 1


def test_a_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    from bot.store import StoreError

    with pytest.raises(StoreError, match="newer"):
        Store(path)
