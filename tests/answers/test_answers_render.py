"""Renderers: Discord pages within every embed limit, the terminal at 80 columns, JSON."""

from __future__ import annotations

import json

from rich.console import Console

from bot.answers import run_query, spec
from bot.answers.render_terminal import print_answer
from commands.render.answers import to_discord_pages
from commands.render.embeds import (
    DESCRIPTION_LIMIT,
    EMBEDS_PER_MESSAGE,
    FOOTER_LIMIT,
    MESSAGE_EMBED_CHARS,
    TITLE_LIMIT,
    embed_length,
    escape,
    shorten,
)
from tests.answers.conftest import PIXEL, Said, Written, put

PHONE = "Samsung Galaxy Z Fold 9"


def long_sentence(number: int, length: int) -> str:
    start = f"Report {number}: the {PHONE} is said to have {number} GB of RAM, "
    words = "and *markdown* [chars] `like` these > keep coming " * (length // 40 + 1)
    return (start + words)[: length - 1] + "."


def many_claims_answer(store, count: int = 200, length: int = 1000):
    put(
        store,
        Written(
            "long",
            "2031-04-01",
            outlet="Long Reads",
            url="https://long.example/a",
            said=[
                Said(PHONE, "ram", f"{number} GB", "rumored", long_sentence(number, length))
                for number in range(count)
            ],
        ),
    )
    return spec(store, PHONE)


def check_limits(page: list[dict]) -> None:
    assert 1 <= len(page) <= EMBEDS_PER_MESSAGE
    assert sum(embed_length(embed) for embed in page) <= MESSAGE_EMBED_CHARS
    for embed in page:
        assert len(embed.get("title", "")) <= TITLE_LIMIT
        assert len(embed.get("description", "")) <= DESCRIPTION_LIMIT
        assert len(embed.get("footer", {}).get("text", "")) <= FOOTER_LIMIT
        assert len(embed.get("fields", [])) <= 25


def test_a_long_answer_becomes_pages_within_every_limit(store):
    answer = many_claims_answer(store)
    assert len(answer.lines) == 200
    pages = to_discord_pages(answer)
    assert len(pages) > 1
    for page in pages:
        check_limits(page)
    descriptions = [embed["description"] for page in pages for embed in page]
    for line in answer.lines:
        holding = [text for text in descriptions if f"claim #{line.claim_id}\n" in text + "\n"]
        assert len(holding) == 1, "each line is on exactly one page, never split"
        assert escape(line.quote) in holding[0], "a 1,000-character quote is shown whole"


def test_a_quote_too_long_for_any_description_is_shortened_with_an_ellipsis(store):
    answer = many_claims_answer(store, count=2, length=9000)
    pages = to_discord_pages(answer)
    for page in pages:
        check_limits(page)
    text = "\n".join(embed["description"] for page in pages for embed in page)
    assert "…”" in text
    assert all(f"claim #{line.claim_id}" in text for line in answer.lines)


def test_pages_are_numbered_and_link_their_sources(store):
    pages = to_discord_pages(many_claims_answer(store))
    assert pages[0][0]["title"].endswith(f"(1/{len(pages)})")
    assert "](https://long.example/a)" in pages[0][0]["description"]
    assert pages[-1][-1]["footer"]["text"].endswith(f"page {len(pages)} of {len(pages)}")


def test_a_failure_is_one_embed_with_the_suggestions(pixel_store):
    pages = to_discord_pages(run_query(pixel_store, "/spec Pixel 11"))
    assert len(pages) == 1 and len(pages[0]) == 1
    assert PIXEL in pages[0][0]["description"]


def test_the_terminal_answer_fits_80_columns_and_shows_every_receipt(pixel_store):
    console = Console(width=80, record=True, color_system=None)
    answer = spec(pixel_store, PIXEL)
    print_answer(answer, console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    flat = " ".join(text.split())
    for line in answer.lines:
        assert " ".join(line.quote.split()) in flat
        assert line.published in flat and line.source_name in flat


def test_the_terminal_prints_quotes_as_written(store):
    put(
        store,
        Written(
            "brackets",
            "2031-01-01",
            said=[Said(PHONE, "ram", "8 GB", "rumored", "A [bold]8 GB[/bold] option is rumored.")],
        ),
    )
    console = Console(width=80, record=True, color_system=None)
    print_answer(spec(store, PHONE), console)
    assert "[bold]8 GB[/bold]" in console.export_text()


def test_json_is_serialisable_for_every_command(pixel_store):
    for text in (
        "/spec 11 Pro",
        "/timeline 11 Pro",
        "/timeline",
        "/sources 11 Pro",
        "/claim 1",
        "/search camera",
        "/spec nothing such",
    ):
        json.dumps(run_query(pixel_store, text).to_json())


def test_quoted_text_cannot_become_markdown_a_mention_or_a_new_line():
    quoted = "# Big\n> news: **8 GB** ||spoiler|| ~~no~~ `code` [link](https://x.example) <@123>"
    escaped = escape(quoted)
    assert "\n" not in escaped
    for mark in ("#", ">", "*", "|", "~", "`", "[", "]", "(", ")", "<"):
        assert all(escaped[at - 1] == "\\" for at, char in enumerate(escaped) if char == mark)
    assert escaped.replace("\\", "") == " ".join(quoted.split())


def test_shortening_never_leaves_an_escape_without_its_character():
    cut = shorten(escape("ab" + "*" * 40), 60)
    assert len(cut) <= 60 and cut.endswith("\\*…")


# The receipt line (issue 11, point 1) ------------------------------------------------------------

TRACKED = "https://www.news.example/story/fold-9-leak?utm_source=rssfeed&id=7&utm_medium=feed&fbclid=x"
CLEAN = "https://www.news.example/story/fold-9-leak?id=7"


def receipt_answer(store, **header):
    put(
        store,
        Written(
            "fold-leak",
            "2031-05-02",
            **header,
            said=[Said(PHONE, "battery", "5000 mAh", "rumored", f"The {PHONE} gets a 5,000mAh battery.")],
        ),
    )
    return spec(store, PHONE)


def discord_receipt(answer) -> str:
    [[embed]] = to_discord_pages(answer)
    return next(line for line in embed["description"].split("\n") if line.startswith("— "))


def terminal_text(answer) -> str:
    console = Console(width=200, record=True, color_system=None)
    print_answer(answer, console)
    return console.export_text()


def test_the_receipt_names_the_title_first_and_links_it_once_without_tracking(store):
    answer = receipt_answer(store, title="Fold 9 battery leak", outlet="News Example", url=TRACKED)
    [line] = answer.lines
    receipt = discord_receipt(answer)
    assert receipt == f"— [Fold 9 battery leak]({CLEAN}) · 2031-05-02 · claim #{line.claim_id}"
    text = terminal_text(answer)
    assert f"— Fold 9 battery leak · 2031-05-02 · claim #{line.claim_id}" in text
    assert text.count("news.example") == 1 and CLEAN in text and "utm_" not in text
    assert "fold-leak" not in receipt and "fold-leak" not in text  # the file id: there is better


def test_without_a_title_the_outlet_then_the_site_names_the_source(store):
    with_outlet = receipt_answer(store, outlet="News Example", url=TRACKED)
    assert discord_receipt(with_outlet).startswith(f"— [News Example]({CLEAN}) · ")


def test_with_only_a_url_the_site_names_the_source_and_the_url_shows_once(store):
    answer = receipt_answer(store, url=TRACKED)
    assert discord_receipt(answer).startswith(f"— [news.example]({CLEAN}) · ")
    text = terminal_text(answer)
    assert "— news.example · 2031-05-02" in text and text.count(CLEAN) == 1


def test_an_article_with_nothing_better_is_named_by_its_id(store):
    answer = receipt_answer(store)
    assert discord_receipt(answer).startswith("— fold\\-leak · 2031-05-02 · claim #")
    assert "— fold-leak · 2031-05-02 · claim #" in terminal_text(answer)


def test_the_json_answer_keeps_the_contracts_fields(store):
    answer = receipt_answer(store, title="Fold 9 battery leak", url=TRACKED)
    [item] = answer.to_json()["lines"]
    assert "source_name" not in item and item["source"] == "Fold 9 battery leak"
    assert item["article"] == "fold-leak"
