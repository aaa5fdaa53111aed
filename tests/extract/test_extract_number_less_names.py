"""A brand followed by a catalogue name with no model number ("Tecno Phantom X", "OnePlus Ace") is
that phone, not the company; and the words that only look like such a name stay what they are.
Sentences written for these tests (other phones, other words than any article read)."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2023-06-01"):
    article = Article(id="t", body=body, title=None, published=published, published_basis="header")
    return extract(article)


def subjects_of(body: str, attribute: str, **kw) -> set[str]:
    return {c.subject for c in claims_of(body, **kw) if c.attribute == attribute}


# -- the names the model pattern cannot read ------------------------------------------------


def test_a_brand_and_series_words_that_form_a_catalogue_name_are_that_phone():
    body = "Reviewers liked how the Infinix Zero Ultra handles heat; it draws on a 4,500mAh cell."
    assert subjects_of(body, "battery", published="2022-10-20") == {"Infinix Zero Ultra"}


def test_the_longest_catalogue_name_wins():
    body = "Realme GT Neo Flash buyers get 65W charging out of the box."
    assert subjects_of(body, "wired_charging", published="2021-06-01") == {"Realme GT Neo Flash"}
    shorter = "Realme GT Neo buyers get 50W charging out of the box."
    assert subjects_of(shorter, "wired_charging", published="2021-06-01") == {"Realme GT Neo"}


def test_a_name_written_without_the_catalogues_network_word_is_that_phone():
    body = "In India the OnePlus Nord CE sells with 30W charging and a 4,500mAh battery."
    assert subjects_of(body, "battery", published="2021-07-01") == {"OnePlus Nord CE 5G"}


def test_a_network_word_the_catalogue_does_not_write_is_part_of_the_name():
    body = "The Realme GT Neo 5G is powered by a Dimensity 1200 chip."
    assert subjects_of(body, "chipset", published="2021-04-01") == {"Realme GT Neo"}


def test_a_name_written_without_a_leading_family_word_is_the_catalogues_phone():
    body = "The Xiaomi Mix Alpha wraps a 4,050mAh battery in a glass shell."
    assert subjects_of(body, "battery", published="2019-10-01") == {"Xiaomi Mi Mix Alpha"}


def test_a_possessive_brand_before_the_name_still_names_the_phone():
    body = "OnePlus's Ace is fitted with a 4,500mAh battery and 150W charging."
    assert subjects_of(body, "battery") == {"OnePlus Ace"}


def test_a_name_after_a_sibling_of_the_same_brand_is_a_phone_of_that_brand():
    body = "The vivo X Flip and X Fold+ both arrive with 120Hz screens."
    assert subjects_of(body, "refresh_rate", published="2023-04-25") == {"vivo X Flip", "vivo X Fold+"}


def test_a_name_of_several_years_is_the_latest_by_the_article_date():
    body = "The Motorola Edge uses a 6.7-inch screen refreshed at 144Hz."
    assert subjects_of(body, "refresh_rate", published="2021-09-01") == {"Motorola Edge (2021)"}
    assert subjects_of(body, "refresh_rate", published="2022-10-01") == {"Motorola Edge (2022)"}


def test_the_company_takes_no_value_said_of_a_number_less_phone():
    body = "The OnePlus Ace Pro has a 6.7-inch panel. OnePlus fits it with a 4,800mAh battery."
    found = {(c.subject, c.attribute) for c in claims_of(body, published="2022-08-10")}
    assert ("OnePlus Ace Pro", "battery") in found
    assert ("OnePlus Ace Pro", "display_size") in found
    assert not {f for f in found if f[0] == "OnePlus"}


# -- false friends ------------------------------------------------------------------------------


def test_a_series_named_by_its_number_less_words_is_no_phone():
    for body in (
        "Every Realme Narzo series phone gets a 6,000mAh battery this year.",
        "The OnePlus Ace lineup is said to move to 100W charging.",
        "Motorola Edge phones will all get 68W charging, the report adds.",
    ):
        subjects = {c.subject for c in claims_of(body)}
        assert not {
            s for s in subjects if s in ("Realme Narzo", "OnePlus Ace") or s.startswith("Motorola Edge (")
        }, body


def test_a_line_used_before_a_device_noun_is_no_phone():
    body = "The next OnePlus Ace phone will have a 6.74-inch screen with a 120Hz refresh rate."
    assert "OnePlus Ace" not in {c.subject for c in claims_of(body)}


def test_a_longer_name_the_catalogue_does_not_know_is_not_its_shorter_phone():
    body = "The Realme GT Master Explorer Edition uses a 4,500mAh battery."
    assert "Realme GT Master" not in {c.subject for c in claims_of(body, published="2021-08-01")}


def test_an_old_phones_generic_name_is_no_phone_in_a_recent_article():
    body = "Apple iPhone owners get iOS 18 this autumn, while Google Pixel owners get Android 15."
    subjects = {c.subject for c in claims_of(body, published="2024-06-10")}
    assert subjects and not subjects & {"Apple iPhone", "Google Pixel"}
    old = "The Google Pixel packs a 2,770mAh battery and a 5-inch screen."
    assert subjects_of(old, "battery", published="2016-10-20") == {"Google Pixel"}


def test_a_name_in_lower_case_the_catalogue_writes_capitalised_is_no_name():
    body = "Let Honor play its part: a 3,750mAh battery is what the company promises."
    assert "Honor Play" not in subjects_of(body, "battery", published="2018-07-01")
    assert subjects_of("The Honor Play has a 3,750mAh battery.", "battery", published="2018-07-01") == {
        "Honor Play"
    }
