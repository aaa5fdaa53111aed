"""A phone described as a pared-down version of another ("a toned-down version of the X", "a
cheaper version of the X") is not the X: the X is compared, and the values said after it stay
with the phone the sentences are about."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_phone_after_a_watered_down_version_sentence_is_the_topic():
    body = (
        "Samsung is readying the Galaxy S24 FE. It will be a watered-down version of the Galaxy S24 Ultra. "
        "The phone may pack a 4,700mAh battery."
    )
    assert values_of(body, "battery") == {("Samsung Galaxy S24 FE", "4700 mAh")}


def test_a_clause_after_a_toned_down_version_keeps_the_topic():
    body = (
        "Samsung is readying the Galaxy S24 FE. It is a toned-down version of the Galaxy S24 Ultra, "
        "and it gets a 6.7-inch screen."
    )
    assert values_of(body, "display_size") == {("Samsung Galaxy S24 FE", "6.7 in")}


def test_the_fuller_phone_takes_no_value_of_the_cheaper_version():
    body = "The Galaxy S24 FE is a cheaper version of the Galaxy S24 Ultra with a 4,700mAh battery."
    assert ("Samsung Galaxy S24 Ultra", "4700 mAh") not in values_of(body, "battery")
