"""Every public slash command, sent as an interaction by a member, answers in time with receipts.

The questions are made from the seeded store (its busiest device, one of its claims, a word of a
quote), so they hold whatever the seeds and the extractor find.
"""

from __future__ import annotations

import pytest

from bot.models import Article, Claim
from bot.store import Store
from tests.e2e.helpers import (
    ANSWER_TIMEOUT,
    DISCORD_DEADLINE,
    answer_message,
    assert_receipts_are_true,
    run_command,
)
from tests.fakediscord.messages import EPHEMERAL

AUTOCOMPLETE_RESULT = 8
CHOICE_LIMIT = 25
NEXT_PAGE = "▶"


def busiest_device(store: Store) -> tuple[str, str]:
    """The shared device with the most claims, and its most claimed attribute."""
    return store.db.execute(
        "SELECT s.name, c.attribute FROM claims c JOIN subjects s ON s.id = c.subject_id "
        "JOIN articles a ON a.id = c.article_id WHERE s.kind = 'device' AND a.guild_id IS NULL "
        "AND c.attribute != 'alias' GROUP BY s.id, c.attribute "
        "ORDER BY count(*) OVER (PARTITION BY s.id) DESC, count(*) DESC LIMIT 1"
    ).fetchone()


def a_claim(store: Store) -> tuple[int, str]:
    """A shared claim of the busiest device, and the longest word of its quote."""
    device, _ = busiest_device(store)
    claim_id, quote = store.db.execute(
        "SELECT c.id, c.quote FROM claims c JOIN subjects s ON s.id = c.subject_id "
        "WHERE s.name = ? ORDER BY c.id LIMIT 1",
        [device],
    ).fetchone()
    words = [word for word in quote.split() if word.isalpha()]
    return claim_id, max(words, key=len)


QUESTIONS = {
    "spec": lambda store: ("spec", {"device": busiest_device(store)[0]}),
    "spec with an attribute": lambda store: (
        "spec",
        {"device": busiest_device(store)[0], "attribute": busiest_device(store)[1]},
    ),
    "timeline of a device": lambda store: ("timeline", {"subject": busiest_device(store)[0]}),
    "timeline of the latest news": lambda store: ("timeline", {}),
    "sources": lambda store: ("sources", {"device": busiest_device(store)[0]}),
    "search": lambda store: ("search", {"text": a_claim(store)[1]}),
    "claim": lambda store: ("claim", {"id": a_claim(store)[0]}),
}


def public_commands(fake) -> set[str]:
    """The synced commands any member sees: no default_member_permissions."""
    return {
        command["name"] for command in fake.commands[None] if command["default_member_permissions"] is None
    }


async def test_the_questions_cover_every_public_command(world, reader):
    asked = {QUESTIONS[question](reader)[0] for question in QUESTIONS}
    assert asked == public_commands(world.fake)


def next_page_button(message: dict) -> str | None:
    for row in message.get("components") or []:
        for component in row.get("components") or []:
            if component.get("label") == NEXT_PAGE and not component.get("disabled"):
                return component["custom_id"]
    return None


@pytest.mark.parametrize("question", QUESTIONS)
async def test_a_public_command_answers_in_time_with_a_quote_a_source_and_a_date_on_every_line(
    world, reader, question
):
    name, options = QUESTIONS[question](reader)
    record, _ = await run_command(world.fake, world.a, world.a.member, name, options)
    assert record.latency < DISCORD_DEADLINE
    message = await answer_message(world.fake, record)
    assert not message["flags"] & EPHEMERAL, "an answer is for the whole channel"
    assert message["embeds"][0].get("title") != "No answer", message["embeds"]
    assert_receipts_are_true(message, reader)

    pages = 1
    while (button := next_page_button(message)) is not None:
        pressed = await world.fake.press_button(int(message["id"]), button, world.a.member.id)
        turned = await world.fake.wait_for_callback(pressed, timeout=ANSWER_TIMEOUT)
        assert turned.type == 7 and pressed.latency < DISCORD_DEADLINE
        assert_receipts_are_true(message, reader)  # the message, edited in place
        pages += 1
        assert pages <= 50, "the pages never end"


def store_devices(store: Store, names: list[str]) -> None:
    """Shared articles with one claim each, so that many subjects can be offered."""
    for number, name in enumerate(names):
        body = f"The {name} will come with a 5000mAh battery, a leak says."
        article = Article(
            id=f"many-{number}",
            body=body,
            title=f"{name} leak",
            published="2023-01-10",
            published_basis="header",
            sha256=f"many{number}",
        )
        claim = Claim(
            article=article.id,
            subject=name,
            attribute="battery",
            value="5000 mAh",
            status="rumored",
            quote=body,
            start=0,
            end=len(body),
            published=article.published,
            published_basis="header",
        )
        assert store.add_article(article, [claim], added_by="test").stored


def autocomplete_options(fake) -> list[tuple[str, str, bool]]:
    """(command path, option, for moderators) of every option the synced tree autocompletes."""
    found = []

    def walk(command, path, options, moderators):
        for option in options:
            if option["type"] in (1, 2):
                walk(command, f"{path} {option['name']}", option.get("options") or [], moderators)
            elif option.get("autocomplete"):
                found.append((path, option["name"], moderators))

    for command in fake.commands[None]:
        walk(
            command,
            command["name"],
            command.get("options") or [],
            command["default_member_permissions"] is not None,
        )
    return found


async def test_autocomplete_answers_at_most_25_choices_for_every_option(world, reader):
    typed = "Contoso Z"
    store_devices(reader, [f"{typed}{number}" for number in range(40)])
    options = autocomplete_options(world.fake)
    assert {path for path, _, _ in options} >= {"spec", "timeline", "sources"}
    for path, option, moderators in options:
        server = world.a
        user = server.moderator if moderators else server.member
        for text in ("", typed, "x"):
            record = await world.fake.send_autocomplete(
                server.id, server.general.id, user.id, path, {option: text}, focused=option
            )
            callback = await world.fake.wait_for_callback(record, timeout=ANSWER_TIMEOUT)
            assert callback.type == AUTOCOMPLETE_RESULT and record.latency < DISCORD_DEADLINE
            choices = callback.data["choices"]
            assert len(choices) <= CHOICE_LIMIT, (path, option, text)
            if option in ("device", "subject") and text == typed:
                assert choices, (path, option)
                assert all(choice["name"].startswith(typed) for choice in choices), choices
