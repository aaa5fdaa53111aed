""" "Xiaomi's latest flagship is here": a launch sentence whose subject is a maker's phone named
without its name stands for the maker's phone the article is about, which is then launched and
its plain specs confirmed. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of

ARTICLE = (
    "Xiaomi Civi 9 vs. Xiaomi Civi 8: the comparison\n\n"
    "Xiaomi's latest phone is here! The Xiaomi Civi 9 is a slim phone with a bright screen.\n\n"
    "Xiaomi Civi 9 Xiaomi Civi 8 Display 6.55-inch AMOLED 6.55-inch AMOLED Battery 5,500mAh 4,700mAh"
)


def _status(subject: str, attribute: str) -> set[str]:
    return {
        c.status
        for c in claims_of(ARTICLE, "2030-03-01")
        if c.subject == subject and c.attribute == attribute
    }


def test_the_makers_phone_the_article_is_about_is_launched():
    assert _status("Xiaomi Civi 9", "battery") == {"confirmed"}


def test_a_hedged_launch_of_the_makers_phone_launches_nothing():
    body = ARTICLE.replace("Xiaomi's latest phone is here!", "Xiaomi's latest phone may be here soon.")
    found = {
        c.status
        for c in claims_of(body, "2030-03-01")
        if c.subject == "Xiaomi Civi 9" and c.attribute == "battery"
    }
    assert found == {"rumored"}, found
