"""A launch told in the present tense on the day it happens ("Today, Nokia is announcing the G42",
"Asus unveils the Zenfone 11 today"), in the opening paragraph of an article dated in its header:
the phone launched on the article's date. Own sentences, no text of any real article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def launch_dates(body: str, basis: str = "header") -> set[tuple[str, str]]:
    claims = extract(Article(id="today", body=body, published="2023-09-14", published_basis=basis))
    return {(c.subject, c.value) for c in claims if c.attribute == "launch_date"}


def test_a_phone_announced_today_in_the_present_tense_launches_on_the_articles_date():
    body = (
        "Budget phones rarely get much attention. Today, Nokia is announcing the Nokia G42, a phone "
        "that keeps its repairable back.\n\n"
        "The Nokia G42 has a 5,000mAh battery."
    )
    assert ("Nokia G42", "2023-09-14") in launch_dates(body)


def test_a_maker_that_unveils_a_phone_today_launches_it_on_the_articles_date():
    body = "Asus unveils the Asus Zenfone 10 today with a 5.9-inch screen. It has a 4,300mAh battery."
    assert ("Asus Zenfone 10", "2023-09-14") in launch_dates(body)


def test_the_present_tense_without_today_gives_no_launch_date():
    body = "Nokia is announcing the Nokia G42 at an event. The Nokia G42 has a 5,000mAh battery."
    assert launch_dates(body) == set()


def test_announcing_today_that_a_phone_will_come_gives_it_no_launch_date():
    body = "Today, Nokia is announcing that the Nokia G42 will arrive in stores. It has a 5,000mAh battery."
    assert launch_dates(body) == set()


def test_an_article_dated_only_by_inference_gives_no_launch_date_from_today():
    body = "Today, Nokia is announcing the Nokia G42. The Nokia G42 has a 5,000mAh battery."
    assert launch_dates(body, basis="inferred: test") == set()
