"""A comparison that leads the sentence ("Unlike the X, the Y ...") ends at its comma: the name
after it is the sentence's subject and takes the sentence's values."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_name_after_a_leading_unlike_takes_the_value():
    body = "Unlike the Redmi Note 12, the Redmi Note 13 ships with a 5,100mAh battery."
    assert values_of(body, "battery") == {("Xiaomi Redmi Note 13", "5100 mAh")}


def test_names_listed_after_than_stay_compared():
    body = "The Redmi Note 13 is lighter than the Redmi Note 12, the Redmi Note 11 and others, and has a 5,100mAh battery."
    assert values_of(body, "battery") == {("Xiaomi Redmi Note 13", "5100 mAh")}
