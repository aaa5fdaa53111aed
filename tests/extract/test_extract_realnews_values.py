"""Numbers in the forms real articles write them: resolution words with a hyphen or run together,
a conversion written after a comma, two charging figures for two models in one sentence,
spec sheets that put the label before the value. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.extract.pipeline import run_pipeline
from bot.models import Article


def claims_of(body: str, published: str | None = "2023-08-01"):
    return run_pipeline(Article(id="t", body=body, published=published, published_basis="header"))


def facts(body: str, published: str | None = "2023-08-01") -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published)}


@pytest.mark.parametrize(
    "words, value",
    [
        ("full-HD+", "1080p"),
        ("FullHD+", "1080p"),
        ("Full HD+", "1080p"),
        ("full HD", "1080p"),
        ("QHD+", "1440p"),
        ("2K", "1440p"),
        ("HD+", "720p"),
    ],
)
def test_resolution_words_in_their_written_forms(words, value):
    found = facts(f"The Motorola Edge 40 Neo has a 6.55-inch {words} pOLED display.")
    resolutions = {v for s, a, v in found if a == "display_resolution"}
    assert resolutions == {value}


def test_a_one_and_a_half_k_panel_has_no_resolution_form():
    found = facts("The Motorola Edge 40 Neo has a 6.55-inch pOLED display with a 1.5K resolution.")
    assert not [f for f in found if f[1] == "display_resolution"]


def test_a_conversion_written_after_a_comma_is_no_price():
    found = facts(
        "The Honor Magic6 Pro went on sale in China at CNY 5,699, roughly ₹66,000 or $790, "
        "while the Honor Magic6 costs CNY 4,399, about ₹51,000."
    )
    prices = {(s, v) for s, a, v in found if a == "price"}
    assert ("Honor Magic6 Pro", "CNY 5699") in prices
    assert ("Honor Magic6", "CNY 4399") in prices
    assert not [p for p in prices if not p[1].startswith("CNY")]


@pytest.mark.parametrize("gap", [", which translates to roughly ", ", or about ", " (approx. ", ", i.e. "])
def test_conversion_phrasings(gap):
    found = facts(f"The Honor Magic6 Pro starts at $1,099{gap}₹91,000 in the US.")
    assert {v for s, a, v in found if a == "price"} == {"USD 1099"}


def test_an_approximate_price_alone_is_still_a_price():
    found = facts("The Honor Magic6 Pro will cost approximately ₹69,999 in India.")
    assert ("Honor Magic6 Pro", "price", "INR 69999") in found


def test_two_charging_figures_for_two_models_in_one_sentence():
    found = facts(
        "According to a certification listing, the Realme GT5 Pro supports 150W fast charging, "
        "whereas the Realme GT5 will top out at 100W."
    )
    assert ("Realme GT5 Pro", "wired_charging", "150 W") in found
    assert ("Realme GT5", "wired_charging", "100 W") in found


@pytest.mark.parametrize(
    "body",
    [
        "Huawei Nova 12 Ultra key specs: Chipset Kirin 9000SL RAM 12GB Storage 1TB Battery 4,600 mAh",
        "Huawei Nova 12 Ultra key specs:\nRAM 12GB.\nStorage 1TB.",
        "On the Huawei Nova 12 Ultra, the RAM will be 12GB and 1TB of internal storage.",
    ],
)
def test_memory_labels_before_their_values(body):
    found = facts(body)
    assert ("Huawei Nova 12 Ultra", "ram", "12 GB") in found
    assert ("Huawei Nova 12 Ultra", "storage", "1 TB") in found


def test_memory_values_before_their_labels_are_unchanged():
    found = facts("The Huawei Nova 12 Ultra ships with 12GB RAM 512GB storage.")
    assert ("Huawei Nova 12 Ultra", "ram", "12 GB") in found
    assert ("Huawei Nova 12 Ultra", "storage", "512 GB") in found


def test_inbuilt_memory_is_storage():
    found = facts("The Honor 90 is said to come with 256GB and 512GB of inbuilt memory.")
    assert ("Honor 90", "storage", "512 GB") in found


def test_a_bare_bracketed_amount_in_another_currency_is_a_conversion():
    found = facts("The Honor Magic6 Pro has a starting price of 5,699 yuan ($790.12).")
    assert ("Honor Magic6 Pro", "price", "CNY 5699") in found
    assert not [f for f in found if f[1] == "price" and f[2].startswith("USD")]


def test_two_list_prices_in_brackets_of_the_same_currency_stay():
    found = facts("The Honor Magic6 Pro costs $1,099 (the 512GB model $1,199).")
    assert ("Honor Magic6 Pro", "price", "USD 1099") in found


@pytest.mark.parametrize("size", ["6.7″", '6.7"', "6.7''", "6.7’’", "6.7-inch", "6.7 inches"])
def test_display_sizes_in_their_written_forms(size):
    found = facts(f"The Motorola Edge 40 Neo has a {size} pOLED display.")
    assert ("Motorola Edge 40 Neo", "display_size", "6.7 in") in found


def test_two_apostrophes_after_a_number_without_a_screen_word_are_no_size():
    found = facts("The Motorola Edge 40 Neo weighs 6.7'' less than you think, they say.")
    assert not [f for f in found if f[1] == "display_size"]
