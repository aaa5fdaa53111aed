"""Moderator commands from the user's side: who may use them, and what one server sees of another.

The moderator commands are read from the tree the bot synced to the fake, so a command added
later is covered without touching this file.
"""

from __future__ import annotations

from bot.store import Store
from tests.e2e.helpers import (
    ANSWER_TIMEOUT,
    answer_message,
    ask,
    assert_receipts_are_true,
    embed_text,
    paste_article,
    receipts_of,
    run_command,
)
from tests.fakediscord import Permission
from tests.fakediscord.messages import EPHEMERAL

NOT_MODERATOR = "Only moderators"
ARTICLE = (
    "The {device} will come with a 5000mAh battery, a reliable tipster says. "
    "It is also said to pack 12GB of RAM and a 6.7-inch display."
)
SUB_COMMAND, SUB_COMMAND_GROUP, STRING, INTEGER, CHANNEL = 1, 2, 3, 4, 7


def moderator_commands(fake) -> list[tuple[str, list[dict]]]:
    """(path, option schema) of every leaf command under a top-level command members don't see
    by default."""
    found = []

    def walk(path, options):
        subcommands = [o for o in options if o["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP)]
        if not subcommands:
            found.append((path, options))
        for option in subcommands:
            walk(f"{path} {option['name']}", option.get("options") or [])

    for command in fake.commands[None]:
        if command["default_member_permissions"] is not None:
            walk(command["name"], command.get("options") or [])
    return found


def snapshot(store: Store) -> dict[str, list]:
    """Everything a moderator command may change."""
    tables = ("articles", "claims", "subscriptions", "deliveries", "audit")
    return {table: store.db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in tables}


async def own_article(world, server, device: str) -> tuple[str, list[int]]:
    """An article the server's moderator pasted: its id and its claim ids (from the store)."""
    reply = await paste_article(
        world.fake, server, ARTICLE.format(device=device), title=f"{device} leak", published="2023-01-10"
    )
    assert reply["flags"] & EPHEMERAL
    (article_id,) = world.bot.store.db.execute(
        "SELECT id FROM articles WHERE guild_id = ? ORDER BY added_at DESC LIMIT 1", [server.id]
    ).fetchone()
    assert article_id in embed_text(reply)
    claim_ids = [
        row[0]
        for row in world.bot.store.db.execute(
            "SELECT id FROM claims WHERE article_id = ? ORDER BY id", [article_id]
        )
    ]
    return article_id, claim_ids


async def test_a_member_is_refused_every_moderator_command_even_when_the_server_shows_it(world, reader):
    a = world.a
    article_id, claim_ids = await own_article(world, a, "Nothing Phone 3")
    assert claim_ids, "the pasted article gave no claims to retract"
    _, subscribed = await run_command(
        world.fake,
        a,
        a.moderator,
        "digest subscribe",
        {"channel": a.general.id, "cadence": "daily", "time": "09:00", "timezone": "UTC"},
    )
    assert subscribed.data["flags"] & EPHEMERAL and NOT_MODERATOR not in subscribed.data["content"]
    for top in {c["name"] for c in world.fake.commands[None] if c["default_member_permissions"]}:
        a.guild.show_command(top)  # a server admin showed it to everyone
    values = {
        "article": article_id,
        "id": claim_ids[0],
        "channel": a.general.id,
        "reason": "wrong",
        "time": "10:00",
        "timezone": "UTC",
        "url": "https://example.com/a",
        "date": "2023-01-11",
        "feed": "1",
    }
    before = snapshot(reader)

    commands = moderator_commands(world.fake)
    assert {path.split()[0] for path, _ in commands} == {"article", "moderate-claim", "digest", "feed"}
    for path, schema in commands:
        options = {}
        for option in schema:
            if option.get("choices"):
                options[option["name"]] = option["choices"][0]["value"]
            elif option.get("required") or option["name"] in values:
                options[option["name"]] = values[option["name"]]
        record, callback = await run_command(world.fake, a, a.member, path, options)
        assert callback.type == 4, f"/{path} was not refused: {callback}"
        assert callback.data["flags"] & EPHEMERAL, f"/{path} refused in public"
        assert NOT_MODERATOR in callback.data["content"], (path, callback.data)
        for option in schema:
            if option.get("autocomplete"):
                typed = await world.fake.send_autocomplete(
                    a.id, a.general.id, a.member.id, path, {option["name"]: ""}, focused=option["name"]
                )
                offered = (await world.fake.wait_for_callback(typed)).data["choices"]
                if option["name"] == "article":
                    assert offered == [], f"/{path} shows a member the server's articles"
    assert snapshot(reader) == before


async def test_an_article_pasted_in_a_server_shows_its_claims_in_spec_there(world, reader):
    article_id, claim_ids = await own_article(world, world.a, "Nothing Phone 5")
    assert claim_ids, "no claims were found in the pasted article"
    (device,) = reader.db.execute(
        "SELECT s.name FROM claims c JOIN subjects s ON s.id = c.subject_id WHERE c.id = ?", [claim_ids[0]]
    ).fetchone()
    stored = reader.db.execute(
        "SELECT c.id, c.attribute FROM claims c JOIN subjects s ON s.id = c.subject_id "
        "WHERE c.article_id = ? AND s.name = ?",
        [article_id, device],
    ).fetchall()

    answer = await ask(world.fake, world.a, world.a.member, "spec", {"device": device})
    shown = {receipt.claim_id for receipt in assert_receipts_are_true(answer, reader)}
    assert {claim_id for claim_id, _ in stored} <= shown
    assert all(receipt.date == "2023-01-10" for receipt in receipts_of(answer))


def what_b_sees(message: dict, asked: dict) -> tuple[str, set[int]]:
    """The text of an answer without the words asked (answers echo them), and its claim ids."""
    text = embed_text(message)
    for value in asked.values():
        text = text.replace(str(value), "")
    no_answer = message["embeds"] and message["embeds"][0].get("title") == "No answer"
    shown = set() if no_answer else {receipt.claim_id for receipt in receipts_of(message)}
    return text, shown


async def test_server_b_never_sees_an_article_pasted_in_server_a(world, reader):
    article_id, claim_ids = await own_article(world, world.a, "Nothing Phone 9")
    assert claim_ids, "no claims were found in the pasted article"
    (device,) = reader.db.execute(
        "SELECT s.name FROM claims c JOIN subjects s ON s.id = c.subject_id WHERE c.id = ?", [claim_ids[0]]
    ).fetchone()
    (quote,) = reader.db.execute("SELECT quote FROM claims WHERE id = ?", [claim_ids[0]]).fetchone()
    word = max((w for w in quote.split() if w.isalpha()), key=len)
    a, b = world.a, world.b

    for name, options in (
        ("spec", {"device": device}),
        ("sources", {"device": device}),
        ("search", {"text": device}),
        ("search", {"text": word}),
        ("timeline", {}),
    ):
        seen_in_a = await ask(world.fake, a, a.member, name, options)
        seen_in_b = await ask(world.fake, b, b.member, name, options)
        if name != "timeline":  # the latest news may be the seeds' if they are dated later
            assert set(claim_ids) & what_b_sees(seen_in_a, options)[1], (name, options)
        text, shown = what_b_sees(seen_in_b, options)
        assert not set(claim_ids) & shown, (name, options)
        assert device not in text and article_id not in text, (name, options, text)

    listed_in_b = await ask(world.fake, b, b.moderator, "article list")
    assert article_id not in str(listed_in_b["embeds"])
    assert article_id in str((await ask(world.fake, a, a.moderator, "article list"))["embeds"])

    typed = await world.fake.send_autocomplete(
        b.id, b.general.id, b.member.id, "spec", {"device": device}, focused="device"
    )
    offered = (await world.fake.wait_for_callback(typed, timeout=ANSWER_TIMEOUT)).data["choices"]
    assert device not in [choice["name"] for choice in offered]

    removed, callback = await run_command(
        world.fake, b, b.moderator, "article remove", {"article": article_id, "reason": "not ours"}
    )
    refusal = await answer_message(world.fake, removed)
    assert refusal["flags"] & EPHEMERAL and "No article" in refusal["content"]
    assert reader.article(article_id)["removed_at"] is None


async def test_manage_messages_in_one_channel_does_not_make_a_server_moderator(world, reader):
    """Every moderator action changes the whole server (its articles, claims and digests), so a
    channel overwrite granting Manage Messages there is not enough, even where the server shows
    the commands to everyone."""
    a = world.a
    article_id, claim_ids = await own_article(world, a, "Nothing Phone 7")
    assert claim_ids, "the pasted article gave no claims to retract"
    _, subscribed = await run_command(
        world.fake,
        a,
        a.moderator,
        "digest subscribe",
        {"channel": a.general.id, "cadence": "daily", "time": "09:00", "timezone": "UTC"},
    )
    assert NOT_MODERATOR not in subscribed.data["content"]
    desk = a.guild.add_channel("news-desk")
    desk.set_overwrite(a.member, allow=Permission.MANAGE_MESSAGES | Permission.MANAGE_GUILD)
    for top in ("article", "moderate-claim", "digest"):
        a.guild.show_command(top)
    before = snapshot(reader)

    for path, options in (
        ("article remove", {"article": article_id, "reason": "mine now"}),
        ("moderate-claim retract", {"id": claim_ids[0], "reason": "mine now"}),
        ("digest unsubscribe", {"channel": a.general.id}),
    ):
        record, callback = await run_command(world.fake, a, a.member, path, options, channel=desk)
        assert callback.type == 4 and callback.data["flags"] & EPHEMERAL, (path, callback)
        assert NOT_MODERATOR in callback.data["content"], (path, callback.data)
    assert snapshot(reader) == before

    # The same member, given Manage Messages server-wide, may.
    a.guild.roles[a.guild.id].permissions |= Permission.MANAGE_MESSAGES
    await world.fake.dispatch(
        "GUILD_ROLE_UPDATE", {"guild_id": str(a.id), "role": a.guild.roles[a.guild.id].payload()}
    )
    record, callback = await run_command(
        world.fake,
        a,
        a.member,
        "moderate-claim retract",
        {"id": claim_ids[0], "reason": "misread"},
        channel=desk,
    )
    assert "is retracted" in (await answer_message(world.fake, record))["content"]


async def test_a_claim_number_past_the_store_integers_is_answered_plainly(world):
    a = world.a
    for path, options in (
        ("moderate-claim retract", {"id": 2**63, "reason": "wrong"}),
        ("moderate-claim restore", {"id": 2**64 + 5}),
    ):
        record, _ = await run_command(world.fake, a, a.moderator, path, options)
        answer = await answer_message(world.fake, record)
        assert answer["flags"] & EPHEMERAL and "No claim" in answer["content"], (path, answer)
    answer = await ask(world.fake, a, a.member, "claim", {"id": 2**63})
    assert "Something went wrong" not in embed_text(answer) and "claim" in embed_text(answer)
