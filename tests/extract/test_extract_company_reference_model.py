"""'the upcoming Lava Agni 5G smartphone': a model named between the brand and the noun of a
company reference ('the upcoming Lava smartphone') is the phone, not the company. Own sentences,
no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_model_between_the_brand_and_the_noun_is_the_phone():
    found = values_of(
        "The upcoming Lava Agni 5G smartphone is tipped to launch in India in October.",
        "launch_date",
        "2024-09-10",
    )
    assert found == {("Lava Agni 5G", "2024-10")}, found


def test_a_network_word_between_the_brand_and_the_noun_is_still_the_company():
    found = values_of(
        "The upcoming Lava 5G smartphone is tipped to launch in India in October.",
        "launch_date",
        "2024-09-10",
    )
    assert found == {("Lava", "2024-10")}, found
