"""'24MP on the X and 12MP on the Y': a value shortly before 'on the <phone>' is that phone's,
as one before 'found in the X' or 'for the X' is, whatever the sentence's subject. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_each_value_goes_to_the_phone_after_it():
    found = values_of(
        "The Galaxy A56 and Galaxy A36 are official. On the front, you get 24MP on the Galaxy A56 and 8MP on the Galaxy A36.",
        "front_camera",
        "2025-03-02",
    )
    assert found == {("Samsung Galaxy A56", "24 MP"), ("Samsung Galaxy A36", "8 MP")}, found


def test_a_battery_offered_on_each_phone_is_that_phones():
    found = values_of(
        "The Galaxy A56 and Galaxy A36 are official. Samsung offers a 5,000mAh battery on the Galaxy A36 and a 5,100mAh one on the Galaxy A56.",
        "battery",
        "2025-03-02",
    )
    assert found == {("Samsung Galaxy A36", "5000 mAh"), ("Samsung Galaxy A56", "5100 mAh")}, found
