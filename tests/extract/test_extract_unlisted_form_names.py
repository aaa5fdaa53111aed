"""A new phone the catalogue does not list yet, named by its brand, one of the brand's family words
and one or two variant words ("Xiaomi Mix Flip", "Tecno Phantom Ultimate"), is a phone: its specs
no longer go to the company or to an older phone the article named. A name that goes on (a series
noun, a number) is not read so. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def subjects(body: str, attribute: str) -> set[str]:
    return {s for s, a, _v in own_sentences.facts(body, "2024-06-10") if a == attribute}


def test_brand_family_and_variant_words_name_a_new_phone():
    body = "Xiaomi is readying the Xiaomi Mix Flip. The handset gets a 4,780mAh battery."
    assert subjects(body, "battery") == {"Xiaomi Mix Flip"}


def test_a_single_variant_word_after_the_family_is_enough():
    body = "Tecno showed the Tecno Phantom Ultimate concept; the device gets a 4,000mAh cell."
    assert subjects(body, "battery") == {"Tecno Phantom Ultimate"}


def test_a_series_noun_after_the_words_is_no_phone():
    body = "Samsung's Galaxy Ultra lineup grows. The handset gets a 4,000mAh battery."
    assert not any(s.startswith("Samsung Galaxy Ultra") for s in subjects(body, "battery"))
