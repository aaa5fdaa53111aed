"""Issue 10, points 3 and 6 in Discord: answers never wait for a write or an extraction, and a
moderator corrects an article's date with its claims re-read.

The slow extraction and the long write are real ones held open by the test (on a thread event, so
nothing here depends on timing); the question is sent while they are held, and must be answered
before they are let go.
"""

from __future__ import annotations

import asyncio
import threading

from bot import ingest
from tests.e2e.helpers import ANSWER_TIMEOUT, answer_message, ask, embed_text, paste_article, run_command
from tests.fakediscord.messages import EPHEMERAL

HOLD_AT_MOST = 20.0  # seconds; the test fails long before, this only bounds a broken run
ARTICLE = (
    "The {device} will launch next Monday, a reliable tipster says. It is also said to "
    "pack 12GB of RAM and a 6.7-inch display."
)


def busiest_device(store) -> str:
    return store.db.execute(
        "SELECT s.name FROM claims c JOIN subjects s ON s.id = c.subject_id "
        "WHERE s.kind = 'device' GROUP BY s.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]


async def spec_and_autocomplete_answer(world, device: str) -> None:
    a = world.a
    answer = await asyncio.wait_for(ask(world.fake, a, a.member, "spec", {"device": device}), ANSWER_TIMEOUT)
    assert device in embed_text(answer)
    typed = await world.fake.send_autocomplete(
        a.id, a.general.id, a.member.id, "spec", {"device": device[:4]}, focused="device"
    )
    offered = (await world.fake.wait_for_callback(typed, timeout=ANSWER_TIMEOUT)).data["choices"]
    assert offered, "autocomplete offered nothing while the store was busy"


async def test_spec_and_autocomplete_answer_while_an_article_is_being_extracted(world, reader, monkeypatch):
    device = busiest_device(reader)
    started, release = threading.Event(), threading.Event()
    real_extract = ingest.extract

    def slow_extract(article):
        started.set()
        release.wait(HOLD_AT_MOST)
        return real_extract(article)

    monkeypatch.setattr(ingest, "extract", slow_extract)
    pasting = asyncio.create_task(
        paste_article(
            world.fake, world.a, ARTICLE.format(device="Pixel 9"), title="slow one", published="2023-01-10"
        )
    )
    try:
        assert await asyncio.to_thread(started.wait, ANSWER_TIMEOUT), "extraction never started"
        await spec_and_autocomplete_answer(world, device)
        assert not pasting.done()
    finally:
        release.set()
    reply = await asyncio.wait_for(pasting, ANSWER_TIMEOUT)
    assert "Added" in embed_text(reply)


async def test_spec_and_autocomplete_answer_while_a_write_holds_the_store(world, reader):
    device = busiest_device(reader)
    started, release = threading.Event(), threading.Event()

    def long_write(store):
        with store.write():
            store.record("test", "test.hold", "store:held")
            started.set()
            release.wait(HOLD_AT_MOST)

    writing = asyncio.create_task(world.bot.run_store(long_write))
    try:
        assert await asyncio.to_thread(started.wait, ANSWER_TIMEOUT), "the write never started"
        await spec_and_autocomplete_answer(world, device)
        assert not writing.done()
    finally:
        release.set()
    await asyncio.wait_for(writing, ANSWER_TIMEOUT)


async def test_a_moderator_redates_an_article_and_its_claims_are_read_again(world, reader):
    a = world.a
    reply = await paste_article(
        world.fake,
        a,
        ARTICLE.format(device="Nothing Phone 4"),
        title="Nothing Phone 4 leak",
        published="2023-01-10",
    )
    assert reply["flags"] & EPHEMERAL
    (article_id,) = reader.db.execute("SELECT id FROM articles WHERE guild_id = ?", [a.id]).fetchone()
    (launch_before,) = reader.db.execute(
        "SELECT value FROM claims WHERE article_id = ? AND attribute = 'launch_date'", [article_id]
    ).fetchone()

    again = await paste_article(
        world.fake,
        a,
        ARTICLE.format(device="Nothing Phone 4"),
        title="Nothing Phone 4 leak",
        published="2023-01-10",
    )
    assert "/article redate" in embed_text(again)

    record, _ = await run_command(
        world.fake, a, a.moderator, "article redate", {"article": article_id, "date": "2023-02-14"}
    )
    answer = await answer_message(world.fake, record)
    assert answer["flags"] & EPHEMERAL and "2023-02-14" in embed_text(answer)
    published, basis = reader.db.execute(
        "SELECT published, published_basis FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    assert (published, basis) == ("2023-02-14", "moderator")
    (launch_after,) = reader.db.execute(
        "SELECT value FROM claims WHERE article_id = ? AND attribute = 'launch_date'", [article_id]
    ).fetchone()
    assert launch_after != launch_before
    assert {
        row[0] for row in reader.db.execute("SELECT published FROM claims WHERE article_id = ?", [article_id])
    } == {"2023-02-14"}
    assert reader.history(f"article:{article_id}")[-1]["action"] == "article.redate"

    record, _ = await run_command(
        world.fake,
        world.b,
        world.b.moderator,
        "article redate",
        {"article": article_id, "date": "2023-03-01"},
    )
    refusal = await answer_message(world.fake, record)
    assert "No article" in refusal["content"]
