"""A value followed by "for the X" is the X's, as "found in the X" already was: listed sizes and
prices ("6.2 inches for the A, 6.7 inches for the B") each go to the phone named after them, not
to the phone named before them. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def facts(body: str, published: str = "2025-01-10") -> set[tuple[str, str, str]]:
    return own_sentences.facts(body, published)


def test_values_listed_with_for_go_to_the_phone_after_each():
    body = (
        "Samsung is readying three phones. The screens are said to measure 6.2 inches for the "
        "Galaxy S25, 6.7 inches for the Galaxy S25+ and 6.9 inches for the Galaxy S25 Ultra."
    )
    found = {(s, v) for s, a, v in facts(body) if a == "display_size"}
    assert found == {
        ("Samsung Galaxy S25", "6.2 in"),
        ("Samsung Galaxy S25+", "6.7 in"),
        ("Samsung Galaxy S25 Ultra", "6.9 in"),
    }, found


def test_a_price_for_the_phone_named_after_it_is_that_phones():
    body = (
        "Google announced the Pixel 9 and the Pixel 9 Pro today. "
        "Prices start at $799 for the Pixel 9 Pro and $649 for the Pixel 9."
    )
    found = {(s, v) for s, a, v in facts(body, "2024-08-13") if a == "price"}
    assert ("Google Pixel 9 Pro", "USD 799") in found, found
    assert ("Google Pixel 9", "USD 649") in found, found
    assert ("Google Pixel 9", "USD 799") not in found, found


def test_for_before_a_word_that_names_no_phone_changes_nothing():
    body = "The OnePlus 13 costs $899 for the base model, with a 6,000mAh battery."
    found = facts(body, "2025-01-07")
    assert ("OnePlus 13", "price", "USD 899") in found, found


def prices(body: str, published: str = "2024-05-01") -> set[tuple[str, str]]:
    return {(s, v) for s, a, v in facts(body, published) if a == "price"}


def test_a_price_said_before_cheaper_than_a_rival_is_the_phones_own():
    found = prices("The Galaxy A35 launched at $399 — a full $50 cheaper than the Galaxy A55.")
    assert found == {("Samsung Galaxy A35", "USD 399")}, found


def test_a_price_after_cheaper_than_is_the_rivals_and_no_claim():
    assert prices("The Galaxy A35 is cheaper than the $449 Galaxy A55.") == set()


def test_values_joined_by_slashes_all_go_to_the_phone_after_them():
    found = prices(
        "Prices should stay where they were: $799 / £799 for the Pixel 9 and $999 / £999 for the Pixel 9 Pro."
    )
    assert found == {
        ("Google Pixel 9", "USD 799"),
        ("Google Pixel 9", "GBP 799"),
        ("Google Pixel 9 Pro", "USD 999"),
        ("Google Pixel 9 Pro", "GBP 999"),
    }, found


def test_a_second_amount_without_its_currency_keeps_it_when_paired_respectively():
    found = prices(
        "The base variants of the Galaxy M36 and Galaxy F36 are priced at Rs 17,999 and 16,999 respectively.",
        "2025-07-20",
    )
    assert found == {("Samsung Galaxy M36", "INR 17999"), ("Samsung Galaxy F36", "INR 16999")}, found


def test_a_bare_number_after_a_price_is_no_price_without_respectively():
    found = prices("The Galaxy M36 costs Rs 17,999 and 16,999 people bought it.", "2025-07-20")
    assert found == {("Samsung Galaxy M36", "INR 17999")}, found


def test_a_value_for_a_series_named_after_it_is_the_series():
    found = facts(
        "The Galaxy S26 FE may use an Exynos 2500. Samsung went with the Snapdragon 8 Elite chip for the "
        "Galaxy S26 series, so the FE could differ.",
        "2025-06-20",
    )
    chips = {(s, v) for s, a, v in found if a == "chipset"}
    assert chips == {
        ("Samsung Galaxy S26 FE", "Exynos 2500"),
        ("Samsung Galaxy S26 series", "Snapdragon 8 Elite"),
    }, chips
