"""The terminal shows what Discord shows beyond answers, from the same data: a server's article
list (`python -m bot articles`) and a digest preview (`python -m bot digest-preview`)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot_test_helpers import stored_article

from bot import digests, moderation
from bot.store import Store
from commands.render.articles import article_list_pages
from commands.render.digests import digest_pages
from tests.conftest import run_cli

HOME, CHANNEL = 111, 999
URL = "https://www.news.example/x2-leak?utm_source=feed"


def store_with_a_digest(path):
    with Store(path) as store:
        stored_article(store, "x2-news", guild_id=HOME, url=URL)
        digests.subscribe(
            store,
            guild_id=HOME,
            channel_id=CHANNEL,
            cadence="daily",
            at="09:00",
            zone="UTC",
            device=None,
            actor="discord:1",
            now=datetime(2024, 5, 6, tzinfo=UTC),
        )
        stored_article(store, "y7-news", guild_id=HOME, device="Contoso Y7")
        return (moderation.list_articles(store, HOME), digests.preview(store, guild_id=HOME))


def test_the_article_list_shows_what_discord_shows(tmp_path):
    db = tmp_path / "claims.db"
    articles, _ = store_with_a_digest(db)
    done = run_cli("--db", str(db), "articles", "--guild", str(HOME))
    assert done.returncode == 0, done.stderr
    [[embed]] = article_list_pages(articles)
    assert f"({len(articles)})" in embed["author"]["name"] and f"({len(articles)})" in done.stdout
    for article in articles:
        assert article.article_id in done.stdout and article.article_id in embed["description"]
        assert f"{article.claims} claims" in done.stdout
    assert done.stdout.count("news.example/x2-leak") == 1 and "utm_" not in done.stdout


def test_the_digest_preview_shows_what_discord_shows(tmp_path):
    db = tmp_path / "claims.db"
    _, [digest] = store_with_a_digest(db)
    done = run_cli("--db", str(db), "digest-preview", "--guild", str(HOME))
    assert done.returncode == 0, done.stderr
    shown = "".join(embed["description"] for page in digest_pages(digest) for embed in page)
    for group in digest.groups:
        assert group.subject in done.stdout
        for claim in group.claims:
            assert f"claim #{claim.claim_id}" in done.stdout and f"claim #{claim.claim_id}" in shown
            assert claim.source_name in done.stdout
    assert "x2-news" not in done.stdout  # added before the subscription: not in its digest


def test_a_server_without_digests_is_told_so(tmp_path):
    done = run_cli("--db", str(tmp_path / "claims.db"), "--no-seeds", "digest-preview", "--guild", "5")
    assert done.returncode == 1 and "no digest" in done.stderr and "Traceback" not in done.stderr
