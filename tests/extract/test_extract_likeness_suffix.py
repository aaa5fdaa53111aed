"""A phone named with a likeness suffix ("a Galaxy S24-like camera bar", "an iPhone 15-esque
notch") lends a design: it is compared, not the phone the sentences after it are about."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_phone_after_a_like_design_is_still_the_topic():
    body = (
        "Leaked renders show the Moto G86 with a Galaxy S24-like camera bar. "
        "The phone may pack a 5,200mAh battery."
    )
    assert values_of(body, "battery") == {("Motorola Moto G86", "5200 mAh")}


def test_an_esque_design_gives_the_compared_phone_no_value():
    body = "The Moto G86 has an iPhone 15-esque flat frame and a 6.7-inch panel."
    assert values_of(body, "display_size") == {("Motorola Moto G86", "6.7 in")}
