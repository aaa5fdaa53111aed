"""Second round of general mechanisms, each on own sentences: "Phone (Nx)" names without the brand,
per-phone sections, spec tables with one column per phone, deal prices, group references, launch
phrases, currencies and units. No text of any held-out article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2024-06-01"):
    return extract(Article(id="g2", body=body, published=published, published_basis="header"))


def facts(body: str, published: str | None = "2024-06-01") -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published)}


def test_phone_with_letter_in_parentheses_is_a_name_without_the_brand():
    body = ("Nothing’s new mid-rangers are official. Phone (4b) gets a 5,200mAh battery, "
            "while Phone (4b) Plus steps up to a 6,100mAh battery.")
    found = facts(body)
    assert ("Nothing Phone (4b)", "battery", "5200 mAh") in found
    assert ("Nothing Phone (4b) Plus", "battery", "6100 mAh") in found


def test_edge_and_air_are_model_variants():
    body = ("Samsung unveiled the Galaxy S30 Edge today with a 4,100mAh battery, smaller than the 5,000mAh "
            "battery of the Galaxy S30+. Apple is said to prepare the iPhone 19 Air with a 48MP camera.")
    found = facts(body, "2029-05-01")
    assert ("Samsung Galaxy S30 Edge", "battery", "4100 mAh") in found
    assert ("Samsung Galaxy S30", "battery", "4100 mAh") not in found
    assert ("Apple iPhone 19 Air", "main_camera", "48 MP") in found
