"""'... alongside the $349 Moto G85, which offers ...': an amount between a determiner and a
phone's name is that phone's price, even in a long sentence with no price word; the sentence's
subject does not take it. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

ARTICLE = (
    "The Moto G95 is official. It is not the only handset Motorola brought to the event, as it stood on "
    "stage next to the $349 Moto G85, which offers a similar design, a little less power, and a somewhat "
    "smaller body."
)


def test_an_attributive_amount_is_the_named_phones_price():
    assert values_of(ARTICLE, "price", "2030-01-10") == {("Motorola Moto G85", "USD 349")}


def test_an_attributive_spec_value_is_the_named_phones():
    found = values_of(
        "The Moto G95 is official. It sits above the 6,000mAh Moto G85 in the range.", "battery", "2030-01-10"
    )
    assert found == {("Motorola Moto G85", "6000 mAh")}, found
