"""`/sources`, `/claim` and `/search`: articles, one claim's history, full-text search."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import claim, run_query, search, sources
from tests.answers.conftest import PIXEL, Said, Written, put, restore, retract


def test_sources_lists_each_article_newest_first_with_its_claim_count(pixel_store):
    answer = sources(pixel_store, PIXEL)
    published = [item.published for item in answer.items]
    assert published == sorted(published, reverse=True)
    counts = {item.article: item.claims for item in answer.items}
    expected = dict(
        pixel_store.db.execute(
            "SELECT article_id, count(*) FROM claims c JOIN subjects s ON s.id = c.subject_id "
            "WHERE s.kind != 'company' GROUP BY article_id"
        ).fetchall()
    )
    assert counts == expected
    assert all(item.quote and item.published for item in answer.items)


def test_a_claim_shows_its_history_and_stays_visible_when_retracted(store):
    claim_id = put(
        store,
        Written(
            "mine",
            "2031-01-01",
            said=[Said("OnePlus 15", "battery", "6000 mAh", "rumored", "A 6000 mAh cell is rumored.")],
        ),
        guild_id=3,
    )[0]
    retract(store, claim_id, actor="alice", reason="wrong phone")
    answer = claim(store, claim_id, guild_id=3)
    assert answer.ok and answer.items[0].retracted
    assert [entry["action"] for entry in answer.items[0].history] == ["claim.retract"]
    assert answer.items[0].history[0]["actor"] == "alice"
    restore(store, claim_id, actor="bob")
    restored = run_query(store, f"/claim #{claim_id}", guild_id=3).items[0]
    assert not restored.retracted
    assert [(entry["action"], entry["actor"]) for entry in restored.history] == [
        ("claim.retract", "alice"),
        ("claim.restore", "bob"),
    ]


def test_a_claim_of_another_guild_is_not_found(store):
    claim_id = put(
        store,
        Written(
            "theirs",
            "2031-01-01",
            said=[Said("OnePlus 15", "battery", "6000 mAh", "rumored", "A 6000 mAh cell is rumored.")],
        ),
        guild_id=3,
    )[0]
    assert not claim(store, claim_id, guild_id=4).ok
    assert not claim(store, "twelve").ok


def test_search_finds_quotes_and_articles(pixel_store):
    answer = search(pixel_store, "megapixel")
    assert answer.ok and answer.items
    assert all("megapixel" in item.quote.lower() for item in answer.items)
    answer = search(pixel_store, "other news")
    assert any(item.kind == "article" for item in answer.items)


def test_search_does_not_show_another_guilds_articles(store):
    put(
        store,
        Written(
            "secret",
            "2031-01-01",
            said=[Said("OnePlus 15", "battery", "6000 mAh", "rumored", "A zygomorphic cell is rumored.")],
        ),
        guild_id=5,
    )
    assert search(store, "zygomorphic", guild_id=5).items
    assert not search(store, "zygomorphic", guild_id=6).items


# Searching only reads the store, so one store can serve every generated input.
READ_ONLY = settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=200
)


@READ_ONLY
@given(text=st.text())
def test_search_never_raises_whatever_is_typed(pixel_store, text):
    answer = search(pixel_store, text)
    assert answer.ok or answer.error


@READ_ONLY
@given(text=st.text(alphabet='"*^():-+ ANDORNEAR{}', max_size=30))
def test_search_never_raises_on_fts_syntax(pixel_store, text):
    assert search(pixel_store, text).to_json()["command"] == "search"


@READ_ONLY
@given(
    command=st.sampled_from(["spec", "timeline", "sources", "claim", "search", "nope"]),
    text=st.text(max_size=40),
)
def test_no_typed_command_raises(pixel_store, command, text):
    answer = run_query(pixel_store, f"/{command} {text}")
    assert answer.ok or answer.error


@pytest.mark.parametrize("typed", ["²", "#³", "9" * 30])
def test_a_claim_number_that_is_no_claim_number_is_refused_plainly(store, typed):
    answer = claim(store, typed)
    assert not answer.ok and "not a claim number" in answer.error
