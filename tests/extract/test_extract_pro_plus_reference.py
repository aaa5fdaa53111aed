"""'the Pro Plus variant' is the family's Pro+ (the word written out), not its Pro: the reference
read 'Pro' and the Pro+'s values went to the Pro. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_pro_plus_variant_is_the_pro_plus():
    found = values_of(
        "Xiaomi has launched the Redmi Note 12 Pro and the Redmi Note 12 Pro+. "
        "The Pro Plus variant supports 120W charging, while the Pro variant makes do with 67W charging.",
        "wired_charging",
        "2023-01-10",
    )
    assert found == {("Xiaomi Redmi Note 12 Pro+", "120 W"), ("Xiaomi Redmi Note 12 Pro", "67 W")}, found
