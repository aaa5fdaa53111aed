"""A model named without its brand takes the brand of the phone named last, unless the catalogue
knows the model only for another brand the article names: "the A54" after a Xiaomi phone is still
Samsung's, not an unknown "Xiaomi A54" that is dropped and leaves its values to the topic. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def test_a_brandless_model_takes_the_named_brand_whose_catalogue_has_it():
    body = (
        "The Samsung Galaxy S23 Ultra will take on the Xiaomi 13 Pro. "
        "Meanwhile, the A54 has a 5,000mAh battery."
    )
    found = own_sentences.facts(body, "2023-04-05")
    assert ("Samsung Galaxy A54", "battery", "5000 mAh") in found, found
    assert ("Samsung Galaxy S23 Ultra", "battery", "5000 mAh") not in found, found


def test_the_last_named_brand_still_wins_when_its_catalogue_has_the_model():
    body = (
        "The OnePlus 11 goes up against the Google Pixel 7 Pro. "
        "The Xiaomi 12T ships with a 5,000mAh battery. The 7 Pro runs Android 13."
    )
    found = own_sentences.facts(body, "2023-04-05")
    assert ("Google Pixel 7 Pro", "os", "Android 13") in found, found
