"""'Besides the Dimensity 7300 chip, the leaked specs of the X include ...': the phone whose specs
the sentence lists owns a value before it, as 'the 8GB variant of the X' does; the older phone the
sentence before was about does not take it. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_phone_whose_specs_are_listed_owns_a_value_before_it():
    found = values_of(
        "Its bigger sibling, the Redmi Note 13 Pro, went on sale last year. "
        "Besides a Dimensity 7200 chip, the leaked specs of the Redmi Note 14 Pro include a 6.67-inch screen.",
        "chipset",
    )
    assert found == {("Xiaomi Redmi Note 14 Pro", "Dimensity 7200")}, found
