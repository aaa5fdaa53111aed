"""Mechanisms found on a second set of real articles the extractor was not tuned on, each on own
sentences (other phones, other words): rebadged phones, a chip's own sentences, brands of names
said with a maker's possessive, roles written after a camera figure, comparisons with other phones,
past dates of other events and a maker's own listing. No text of any article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2025-03-01", title: str | None = None):
    return extract(Article(id="u1", body=body, published=published, published_basis="header", title=title))


def facts(body: str, published: str | None = "2025-03-01", title: str | None = None) -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published, title)}


def test_a_rebadged_phone_is_an_alias_and_keeps_the_values():
    body = ("Realme has a new mid-ranger coming. The Realme GT 7T is reportedly a rebadged OnePlus Ace 5V. "
            "It is said to offer a 6.8-inch screen and a 7,000mAh battery.")
    found = facts(body)
    assert ("Realme GT 7T", "alias", "OnePlus Ace 5V") in found
    assert ("Realme GT 7T", "battery", "7000 mAh") in found


def test_a_rebadged_phone_with_the_other_name_after_it_in_the_same_sentence():
    body = ("Motorola's Moto G86, on the other hand, is tipped to be a 'rebranded' Lenovo K15 Turbo. "
            "Expected specs include a 5,600mAh cell and 33W charging.")
    found = facts(body)
    assert any(s == "Motorola Moto G86" and a == "alias" and "K15 Turbo" in v for s, a, v in found)
    assert ("Motorola Moto G86", "battery", "5600 mAh") in found
    assert not any("K15" in s for s, a, v in found)


def test_a_rebranded_version_named_before_the_phone():
    body = ("Said to be a rebranded version of Oppo's K13 Turbo, the OnePlus Nord 6 may feature a 6,500mAh battery.")
    found = facts(body)
    assert any(s == "OnePlus Nord 6" and a == "alias" and "K13 Turbo" in v for s, a, v in found)
    assert ("OnePlus Nord 6", "battery", "6500 mAh") in found


def test_a_brandless_name_keeps_the_brand_the_article_gave_it():
    body = ("Meizu has set a date for its next flagship launch. The M30 series will use a new silicon-carbon cell. "
            "Meanwhile, Xiaomi is also expected to unveil the Xiaomi 17 in the same week. "
            "Meizu's M30 lineup should have two models: M30 and M30 Pro. "
            "The M30 and M30 Pro are tipped to ship with a 7,200mAh battery.")
    found = facts(body)
    assert not any(s.startswith("Xiaomi M30") for s, a, v in found)
    assert ("Meizu M30", "battery", "7200 mAh") in found
    assert ("Meizu M30 Pro", "battery", "7200 mAh") in found
