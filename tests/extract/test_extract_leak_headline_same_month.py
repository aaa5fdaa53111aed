"""A phone the catalogue lists as announced in the article's own month may have been announced
after the article: under a headline that tells of a leak or a launch to come, its plain specs stay
rumored; under another headline, or when the phone was announced in an earlier month, they are
confirmed as before. Own sentences, no text of any real article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article

BODY = "The Huawei P60 Pro packs a 4,815mAh battery and supports 88W charging."


def statuses(url: str, published: str) -> set[tuple[str, str, str]]:
    article = Article(id="t", body=BODY, published=published, published_basis="header", url=url)
    return {(c.subject, c.attribute, c.status) for c in extract(article)}


def test_a_leak_headline_in_the_month_of_the_announcement_keeps_specs_rumored():
    got = statuses("https://news.example/huawei-p60-pro-battery-charging-leak-40211", "2023-03-09")
    assert got == {
        ("Huawei P60 Pro", "battery", "rumored"),
        ("Huawei P60 Pro", "wired_charging", "rumored"),
    }


def test_a_plain_headline_in_that_month_keeps_specs_confirmed():
    got = statuses("https://news.example/huawei-p60-pro-battery-and-charging-40211", "2023-03-09")
    assert got == {
        ("Huawei P60 Pro", "battery", "confirmed"),
        ("Huawei P60 Pro", "wired_charging", "confirmed"),
    }


def test_a_leak_headline_months_after_the_announcement_keeps_specs_confirmed():
    got = statuses("https://news.example/huawei-p60-pro-battery-charging-leak-40211", "2023-06-09")
    assert got == {
        ("Huawei P60 Pro", "battery", "confirmed"),
        ("Huawei P60 Pro", "wired_charging", "confirmed"),
    }
