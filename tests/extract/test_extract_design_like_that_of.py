"""A phone named after "to that of" ("a look close to that of the X and the Y") is compared, not
the article's phone: "the handset" in the sentences after it stays the phone the article is about."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_handset_after_a_design_compared_to_that_of_two_phones_is_the_topic():
    body = (
        "Motorola has teased the Moto G85 for an August debut.\n\n"
        "The Moto G85 will get a look close to that of the Moto G84 and Moto G84 Power units. "
        "The handset carries a 50-megapixel main camera. "
        "A fresh leak says the handset packs a 5,000mAh battery."
    )
    assert values_of(body, "main_camera") == {("Motorola Moto G85", "50 MP")}
    assert values_of(body, "battery") == {("Motorola Moto G85", "5000 mAh")}


def test_specs_compared_to_those_of_an_older_phone_stay_with_the_new_one():
    body = (
        "The Honor 300 keeps camera rings identical to those of the Honor 200 and Honor 200 Pro. "
        "The phone is said to pack a 5,300mAh cell."
    )
    assert values_of(body, "battery") == {("Honor 300", "5300 mAh")}
