"""'priced at $199-$219, which is roughly between Rs 16,500 and Rs 18,200': a price range converted
into another currency is no price of its own, as one converted amount is not. Own sentences, no
text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_converted_range_is_no_price():
    found = values_of(
        "The Spark 30 5G is tipped to cost $199-$219, which is roughly between Rs 16,500 and Rs 18,200 in India.",
        "price",
    )
    assert found == {("Tecno Spark 30 5G", "USD 199"), ("Tecno Spark 30 5G", "USD 219")}, found


def test_a_range_of_its_own_stays_a_price():
    found = values_of(
        "In India, the Tecno Spark 30 5G will cost between Rs 16,500 and Rs 18,200.",
        "price",
    )
    assert found == {("Tecno Spark 30 5G", "INR 16500"), ("Tecno Spark 30 5G", "INR 18200")}, found
