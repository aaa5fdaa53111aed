"""Moderator actions: who may act, on what, and that every action is in the audit log."""

from __future__ import annotations

from datetime import date

import pytest
from bot_test_helpers import article_text, stored_article

from bot import moderation
from bot.moderation import ActionRefused
from commands.render.articles import article_added_pages, article_list_pages

HOME, OTHER = 111, 222
MOD = moderation.actor_name(42)


def visible_claims(store, guild_id):
    return {
        row[0]
        for row in store.db.execute(
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id "
            "WHERE c.retracted_at IS NULL AND a.removed_at IS NULL "
            "AND (a.guild_id IS NULL OR a.guild_id = ?)",
            [guild_id],
        )
    }


@pytest.mark.parametrize(
    "manage_messages, manage_guild, administrator, allowed",
    [
        (True, False, False, True),
        (False, True, False, True),
        (False, False, True, True),
        (False, False, False, False),
    ],
)
def test_moderators_have_manage_messages_or_manage_server(
    manage_messages, manage_guild, administrator, allowed
):
    assert (
        moderation.is_moderator(
            manage_messages=manage_messages, manage_guild=manage_guild, administrator=administrator
        )
        is allowed
    )


def test_an_article_added_in_a_server_is_seen_only_there(store):
    added = moderation.add_article(
        store, article_text(extra="Home news."), guild_id=HOME, actor=MOD, name="leak.txt"
    )
    assert added.article_id == "leak" and not added.duplicate
    assert store.article("leak")["guild_id"] == HOME
    assert [a.article_id for a in moderation.list_articles(store, HOME)] == ["leak"]
    assert moderation.list_articles(store, OTHER) == []
    assert store.history("article:leak")[0]["actor"] == MOD


def test_the_same_article_in_another_server_is_not_a_duplicate_of_the_first(store):
    text = article_text(extra="Shared story.")
    moderation.add_article(store, text, guild_id=HOME, actor=MOD)
    again = moderation.add_article(store, text, guild_id=OTHER, actor=MOD)
    assert not again.duplicate
    assert moderation.add_article(store, text, guild_id=OTHER, actor=MOD).duplicate


def test_ids_come_from_the_file_the_url_or_the_title():
    sha = "ab" * 32
    assert moderation.article_id_for(sha, name="My Leak.TXT") == "my-leak"
    assert moderation.article_id_for(sha, url="https://x.example/news/pixel-7-leak/") == "pixel-7-leak"
    assert moderation.article_id_for(sha, title="Pixel 7: all we know") == "pixel-7-all-we-know"
    assert moderation.article_id_for(sha, name="!!!") == sha[:16]


def test_an_undated_article_shows_its_date_needs_confirming_and_a_moderator_sets_it(store):
    added = moderation.add_article(store, article_text(date=None), guild_id=HOME, actor=MOD, title="Undated")
    assert added.published is None and added.date_needs_confirming
    with pytest.raises(ActionRefused, match="No date was found"):
        moderation.set_article_date(store, added.article_id, None, guild_id=HOME, actor=MOD)
    fixed = moderation.set_article_date(store, added.article_id, "2022-06-29", guild_id=HOME, actor=MOD)
    assert (fixed.published, fixed.published_basis) == ("2022-06-29", "moderator")
    assert not fixed.date_needs_confirming
    assert store.history(f"article:{added.article_id}")[-1]["action"] == "article.redate"


def test_an_inferred_date_can_be_confirmed(store):
    body = "The Contoso X2 teaser went up today.\n\n— Contoso (@contoso) May 23, 2022\n\nMore to come."
    added = moderation.add_article(store, body, guild_id=HOME, actor=MOD, title="Teaser")
    assert added.published == "2022-05-23" and added.published_basis.startswith("inferred")
    assert added.date_needs_confirming
    confirmed = moderation.set_article_date(store, added.article_id, None, guild_id=HOME, actor=MOD)
    assert (confirmed.published, confirmed.published_basis) == ("2022-05-23", "moderator")
    assert store.history(f"article:{added.article_id}")[-1]["action"] == "article.date.confirm"


def test_the_moderators_date_wins_over_the_articles(store):
    added = moderation.add_article(
        store, article_text(date="2023-01-10"), guild_id=HOME, actor=MOD, published="2023-01-09"
    )
    assert (added.published, added.published_basis) == ("2023-01-09", "moderator")


@pytest.mark.parametrize("typed", ["yesterday-ish", "2999-01-01"])
def test_unreadable_and_future_dates_are_refused(typed):
    with pytest.raises(ActionRefused, match="not a date|future"):
        moderation.parse_date_option(typed, today=date(2024, 1, 1))


def test_empty_text_is_refused_with_a_message(store):
    with pytest.raises(ActionRefused, match="no text"):
        moderation.add_article(store, "title: x\n\n   ", guild_id=HOME, actor=MOD)


def test_remove_and_restore_an_article(store):
    claims = stored_article(store, "mine", guild_id=HOME)
    removed = moderation.remove_article(store, "mine", guild_id=HOME, actor=MOD, reason="spam")
    assert removed.removed_at and not set(claims) & visible_claims(store, HOME)
    with pytest.raises(ActionRefused, match="already removed"):
        moderation.remove_article(store, "mine", guild_id=HOME, actor=MOD)
    moderation.restore_article(store, "mine", guild_id=HOME, actor=MOD)
    assert set(claims) <= visible_claims(store, HOME)
    assert [row["action"] for row in store.history("article:mine")] == [
        "article.add",
        "article.remove",
        "article.restore",
    ]
    assert store.history("article:mine")[1]["detail"] == "spam"


def test_a_moderator_cannot_touch_another_servers_articles_or_claims(store):
    theirs = stored_article(store, "theirs", guild_id=OTHER)
    with pytest.raises(ActionRefused, match="No article `theirs` was added in this server"):
        moderation.remove_article(store, "theirs", guild_id=HOME, actor=MOD)
    with pytest.raises(ActionRefused, match="No claim"):
        moderation.retract_claim(store, theirs[0], guild_id=HOME, actor=MOD, reason="wrong")
    with pytest.raises(ActionRefused):
        moderation.set_article_date(store, "theirs", "2022-01-01", guild_id=HOME, actor=MOD)
    assert set(theirs) <= visible_claims(store, OTHER)
    assert [row["action"] for row in store.history("article:theirs")] == ["article.add"]


def test_shared_articles_are_changed_only_from_the_command_line(store):
    shared = stored_article(store, "seed")
    with pytest.raises(ActionRefused, match="shared by every server"):
        moderation.remove_article(store, "seed", guild_id=HOME, actor=MOD)
    with pytest.raises(ActionRefused, match="shared by every server"):
        moderation.retract_claim(store, shared[0], guild_id=HOME, actor=MOD, reason="wrong")


def test_retract_and_restore_a_claim(store):
    claims = stored_article(store, "mine", guild_id=HOME)
    with pytest.raises(ActionRefused, match="reason"):
        moderation.retract_claim(store, claims[0], guild_id=HOME, actor=MOD, reason="  ")
    moderation.retract_claim(store, claims[0], guild_id=HOME, actor=MOD, reason="misread")
    assert claims[0] not in visible_claims(store, HOME)
    row = store.db["claims"].get(claims[0])
    assert (row["retracted_by"], row["reason"]) == (MOD, "misread")
    with pytest.raises(ActionRefused, match="already retracted"):
        moderation.retract_claim(store, claims[0], guild_id=HOME, actor=MOD, reason="again")
    moderation.restore_claim(store, claims[0], guild_id=HOME, actor=MOD)
    assert claims[0] in visible_claims(store, HOME)
    with pytest.raises(ActionRefused, match="not retracted"):
        moderation.restore_claim(store, claims[0], guild_id=HOME, actor=MOD)
    assert [(r["action"], r["actor"], r["guild_id"]) for r in store.history(f"claim:{claims[0]}")] == [
        ("claim.retract", MOD, HOME),
        ("claim.restore", MOD, HOME),
    ]


def test_autocomplete_offers_only_this_servers_articles(store):
    stored_article(store, "home-one", guild_id=HOME)
    stored_article(store, "other-one", guild_id=OTHER)
    stored_article(store, "seed-one")
    assert moderation.own_article_ids(store, HOME, "one") == ["home-one"]


def embed_chars(embed):
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
    )


def test_a_long_article_list_pages_within_discords_limits(store):
    for number in range(120):
        stored_article(
            store,
            f"home-{number:03d}-{'long-name-' * 3}",
            guild_id=HOME,
            url=f"https://news.example/{number}",
        )
    pages = article_list_pages(moderation.list_articles(store, HOME))
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert len(page) <= 10 and sum(embed_chars(e) for e in page) <= 6000
        assert all(len(e.get("description", "")) <= 4096 for e in page)
        assert page[-1]["footer"]["text"].endswith(f"page {number}/{len(pages)}")
    listed = "".join(e["description"] for page in pages for e in page)
    assert all(f"home-{number:03d}" in listed for number in range(120))


def test_the_added_reply_shows_the_claims_and_the_date_used(store):
    added = moderation.add_article(
        store, article_text(extra="Reply."), guild_id=HOME, actor=MOD, url="https://news.example/x2"
    )
    [page] = article_added_pages(added)
    text = str(page)
    assert "2023-01-10" in text and "from the article" in text
    assert page[0]["author"]["name"] == f"Added {added.article_id}"
    assert all(f"#{claim.claim_id}" in text for claim in added.claims)


def test_a_pasted_url_with_a_password_is_stored_without_it(store):
    added = moderation.add_article(
        store,
        article_text("Contoso Y7"),
        guild_id=HOME,
        actor=MOD,
        url="https://alice:s3cret@news.example/pixel-9",
    )
    assert added.url == "https://news.example/pixel-9"
    stored = store.db.execute("SELECT group_concat(url) FROM articles").fetchone()[0]
    assert "s3cret" not in stored and "alice" not in stored


@pytest.mark.parametrize("junk", ["\x00", "\ufffd" * 6])
def test_pasted_text_that_looks_binary_is_refused(store, junk):
    with pytest.raises(ActionRefused, match="binary"):
        moderation.add_article(store, article_text("Contoso Y8", extra=junk * 3), guild_id=HOME, actor=MOD)
    assert store.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


@pytest.mark.parametrize("number", [2**63 - 1, 2**63, 10**30])
def test_a_claim_number_past_the_store_integers_is_no_claim_of_this_server(store, number):
    stored_article(store, "mine", guild_id=HOME)
    with pytest.raises(ActionRefused, match="No claim"):
        moderation.retract_claim(store, number, guild_id=HOME, actor=MOD, reason="wrong")
    with pytest.raises(ActionRefused, match="No claim"):
        moderation.restore_claim(store, number, guild_id=HOME, actor=MOD)
    assert store.history(f"claim:{number}") == []
