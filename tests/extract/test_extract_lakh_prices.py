"""'Rs 1.29 lakh': an Indian price written in lakhs (a hundred thousand) is the multiplied amount
in rupees, the decimal part included; the price had been read as Rs 1.29 and dropped as too small.
A lakh without a currency ('2 lakh units') stays no price. Own sentences, no text of any real
article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_price_in_lakhs_is_multiplied():
    found = values_of("The Vivo X Fold3 Pro costs Rs 1.29 lakh in India.", "price")
    assert found == {("vivo X Fold3 Pro", "INR 129000")}, found


def test_both_ends_of_a_range_in_lakhs():
    found = values_of("The Vivo X Fold3 Pro is priced between ₹1.2 lakh and ₹1.45 Lakhs.", "price")
    assert found == {("vivo X Fold3 Pro", "INR 120000"), ("vivo X Fold3 Pro", "INR 145000")}, found


def test_a_lakh_without_a_currency_is_no_price():
    found = values_of("The Vivo X Fold3 Pro sold 2 lakh units in its first sale.", "price")
    assert found == set(), found
