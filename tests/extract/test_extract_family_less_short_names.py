"""'the Galaxy Z Flip6 and Z Fold6' in an article that names the 'Galaxy Z Fold6' elsewhere: a
phone may be named again without its brand's family word ('Galaxy'), as it may without the brand;
the short name had been no phone. A one-word rest ('S24') is left to the brand-less model pattern.
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_name_without_its_family_word_is_the_phone_named_in_full():
    found = values_of(
        "The Z Fold6 is priced at $1,899 in the US. Samsung also showed the Galaxy Z Fold6 in Paris.",
        "price",
    )
    assert found == {("Samsung Galaxy Z Fold6", "USD 1899")}, found


def test_the_short_name_takes_its_values_from_the_phone_named_last():
    found = values_of(
        "Samsung sells the Galaxy Z Flip6 beside the Galaxy S24. The Z Flip6 packs a 4,000mAh battery.",
        "battery",
    )
    assert found == {("Samsung Galaxy Z Flip6", "4000 mAh")}, found
