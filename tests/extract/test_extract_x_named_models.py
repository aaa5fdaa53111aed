"""A model named with a capital X glued to its number ("Hot 60X", "12X"), and a brand-less model
its maker's own sentence names ("Tecno has teased its Pova 9X"), are phones: their specs never go
to the company. A zoom factor ("10x", "100X Space Zoom") stays no phone. Own sentences, no text of
any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def subjects(body: str, attribute: str) -> set[str]:
    return {s for s, a, _v in own_sentences.facts(body, "2025-03-01") if a == attribute}


def test_a_number_with_a_capital_x_after_a_brand_is_a_model():
    body = "The Infinix Hot 60X will ship with a 6,200mAh battery."
    assert subjects(body, "battery") == {"Infinix Hot 60X"}


def test_a_number_with_a_capital_x_after_a_brand_word_alone_is_a_model():
    body = "Leaks say the Realme 16X carries a 6,000mAh cell and 45W charging."
    assert subjects(body, "battery") == {"Realme 16X"}


def test_a_brandless_x_model_later_keeps_the_phone_named_with_its_brand():
    body = (
        "The Infinix Hot 60X is due next week. Under the hood, the Hot 60X will use a Dimensity 7300 chipset."
    )
    assert subjects(body, "chipset") == {"Infinix Hot 60X"}


def test_a_zoom_factor_is_no_model():
    body = "Samsung 100X Space Zoom returns this year. It has a 5,000mAh battery."
    assert "Samsung 100X" not in subjects(body, "battery")


def test_a_model_after_its_in_the_makers_sentence_is_that_makers_phone():
    body = "Tecno has confirmed the launch of its Pova 9X next month. The phone packs a 6,500mAh battery."
    assert subjects(body, "battery") == {"Tecno Pova 9X"}


def test_a_model_after_the_in_a_sentence_the_maker_leads_is_that_makers_phone():
    body = "Infinix is teasing the Zero 50X on social media. The handset gets a 5,800mAh battery."
    assert subjects(body, "battery") == {"Infinix Zero 50X"}


def test_a_possessive_maker_names_its_phone():
    body = "Infinix's Smart 20X packs a 5,300mAh battery."
    assert subjects(body, "battery") == {"Infinix Smart 20X"}


def test_a_model_its_maker_names_before_a_non_phone_noun_is_no_phone():
    body = "Sony is launching the A9 camera next week. It has a 3,000mAh battery."
    assert "Sony A9" not in subjects(body, "battery")
