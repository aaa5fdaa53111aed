"""'better than the $399 Galaxy A35': a figure right before a compared phone's name describes that
phone; it is not the sentence's own phone's value. A figure with words between it and the compared
name stays the sentence's. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_price_right_before_a_rival_is_not_the_subjects():
    found = values_of("The Poco F6 costs $449 and aims to challenge the $399 Galaxy A35.", "price")
    assert found == {("Xiaomi Poco F6", "USD 449")}, found


def test_a_battery_right_before_a_compared_phone_is_not_the_subjects():
    found = values_of("The Poco F6 lasts longer than the 5,000mAh Galaxy A35 in our tests.", "battery")
    assert ("Xiaomi Poco F6", "5000 mAh") not in found, found


def test_a_figure_apart_from_the_compared_name_stays_the_subjects():
    found = values_of("The Poco F6 packs a 5,000mAh cell, more than the Galaxy A35 offers.", "battery")
    assert found == {("Xiaomi Poco F6", "5000 mAh")}, found
