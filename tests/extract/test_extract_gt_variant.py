"""'GT' after a model number is a variant word ("Redmi K50 GT", "Poco X6 GT"), like 'Pro' or
'Ultra': the phone named is the GT model, not the base model it would otherwise be cut to."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_gt_model_takes_its_own_value():
    assert values_of("The Redmi K50 GT packs a 4,700mAh battery.", "battery") == {
        ("Xiaomi Redmi K50 GT", "4700 mAh")
    }


def test_the_base_model_and_the_gt_model_are_two_phones():
    body = "The Poco X6 and the Poco X6 GT pack 5,100mAh batteries."
    assert values_of(body, "battery") == {("Xiaomi Poco X6", "5100 mAh"), ("Xiaomi Poco X6 GT", "5100 mAh")}


def test_gt_as_a_series_word_before_the_number_is_unchanged():
    assert values_of("The Realme GT 6 packs a 5,500mAh battery.", "battery") == {("Realme GT 6", "5500 mAh")}
