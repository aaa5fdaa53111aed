"""Mechanisms that must hold on articles nobody here has seen: names glued to their family word,
the topic kept through prepositional mentions, per-model references, "respectively", aliases,
bare camera bullets, spec lists without a name, deals and comparison articles. Own sentences only."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2023-03-01"):
    return extract(Article(id="g", body=body, published=published, published_basis="header"))


def facts(body: str, published: str | None = "2023-03-01") -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published)}


def subjects_of(body: str, attribute: str, published: str | None = "2023-03-01") -> set[str]:
    return {c.subject for c in claims_of(body, published) if c.attribute == attribute}


def test_family_word_glued_to_the_number_is_a_name():
    found = facts("Oppo has launched the Reno10 Pro in China. The Reno10 Pro has a 4,600mAh battery.")
    assert any(s.endswith("Reno10 Pro") and a == "battery" and v == "4600 mAh" for s, a, v in found)


def test_a_name_after_a_preposition_does_not_take_the_topic():
    body = (
        "The Motorola Edge 40 uses a new 50MP sensor, which doubles the light intake of the Motorola Edge 30’s "
        "camera. Under the hood is a Dimensity 8020 with 8GB of RAM. The battery is 4,400mAh."
    )
    assert subjects_of(body, "battery") == {"Motorola Edge 40"}
    assert subjects_of(body, "chipset") == {"Motorola Edge 40"}


def test_a_name_after_like_a_shrunken_does_not_take_the_topic():
    body = "The Galaxy A54 looks like a shrunken Galaxy S23. It has a 5,000mAh battery."
    assert subjects_of(body, "battery") == {"Samsung Galaxy A54"}


def test_the_pro_and_the_regular_model_are_family_members():
    body = (
        "The Galaxy S23 and Galaxy S23 Ultra will use the Snapdragon 8 Gen 2, with the Ultra getting "
        "12GB of RAM and the regular model 8GB, according to a leak."
    )
    found = facts(body, "2022-01-10")
    assert ("Samsung Galaxy S23 Ultra", "ram", "12 GB") in found
    assert ("Samsung Galaxy S23", "ram", "8 GB") in found
    assert ("Samsung Galaxy S23", "ram", "12 GB") not in found


def test_prices_given_in_order_pair_with_the_devices():
    body = "The Galaxy S23 and Galaxy S23+ are official. In Germany they cost €849 and €1,049."
    found = facts(body, "2022-02-10")
    assert ("Samsung Galaxy S23", "price", "EUR 849") in found
    assert ("Samsung Galaxy S23+", "price", "EUR 1049") in found
    assert ("Samsung Galaxy S23", "price", "EUR 1049") not in found


def test_respectively_pairs_values_in_order():
    body = "The Galaxy S23 and Galaxy S23+ pack 3,700mAh and 4,500mAh batteries respectively."
    found = facts(body, "2022-02-10")
    assert ("Samsung Galaxy S23", "battery", "3700 mAh") in found
    assert ("Samsung Galaxy S23+", "battery", "4500 mAh") in found
    assert ("Samsung Galaxy S23", "battery", "4500 mAh") not in found


def test_both_keeps_both_values_for_each_device():
    body = (
        "The Galaxy S23 has 8GB of RAM, while the Galaxy S23+ has 8GB too. "
        "Both use the Exynos 2200 in Europe and the Snapdragon 8 Gen 2 elsewhere."
    )
    found = facts(body, "2022-02-10")
    for phone in ("Samsung Galaxy S23", "Samsung Galaxy S23+"):
        assert (phone, "chipset", "Exynos 2200") in found
        assert (phone, "chipset", "Snapdragon 8 Gen 2") in found


def test_both_pro_models_take_only_the_pro_members():
    body = (
        "Xiaomi has launched the Redmi Note 12 Pro and Redmi Note 12 Pro+ in India, alongside the cheaper "
        "Redmi Note 12. Both Pro models get a 6.67-inch AMOLED display."
    )
    assert subjects_of(body, "display_size", "2023-01-10") == {
        "Xiaomi Redmi Note 12 Pro",
        "Xiaomi Redmi Note 12 Pro+",
    }


def test_the_two_smaller_models_without_a_pair_named_together():
    body = (
        "Samsung unveiled the Galaxy S23 series today.\n\nGalaxy S23 Ultra\n\nThe Galaxy S23 Ultra has a 5,000mAh "
        "battery.\n\nGalaxy S23 and S23+\n\nThe Galaxy S23 gets 8GB of RAM. The S23+ is bigger. "
        "The two smaller models share a triple camera with a 50MP main sensor."
    )
    assert subjects_of(body, "main_camera", "2022-02-10") == {"Samsung Galaxy S23", "Samsung Galaxy S23+"}


def test_preorder_and_update_dates_are_no_launch_dates():
    body = (
        "Apple unveiled the iPhone 14 Pro today. Pre-orders begin Friday, September 9. "
        "The phone ships with iOS 16, which arrives as a free update on September 12."
    )
    assert not [
        c
        for c in claims_of(body, "2022-09-07")
        if c.attribute == "launch_date" and c.value in ("2022-09-09", "2022-09-12")
    ]


def test_renamed_without_to_or_as_gives_an_alias():
    found = facts("Xiaomi’s Redmi K60 will be renamed Poco F5 Pro for global markets, a listing shows.")
    assert any(a == "alias" and "Poco F5 Pro" in s and "K60" in v for s, a, v in found)
