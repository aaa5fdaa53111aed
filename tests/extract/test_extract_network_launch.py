"""'Even though the operator launched 5G in 2023, ...': a launch word whose object is a network
generation dates the network's launch, not a phone's. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_networks_launch_dates_no_phone():
    found = values_of(
        "The Moto G85 5G is on sale in Kenya. Even though Safaricom launched 5G in 2023, coverage is thin, "
        "so it is a bet on the future.",
        "launch_date",
        "2024-09-01",
    )
    assert found == set(), found


def test_a_phones_launch_in_the_same_sentence_keeps_its_date():
    found = values_of(
        "Safaricom launched 5G in 2023, and the Moto G85 5G launched in May 2024.",
        "launch_date",
        "2024-09-01",
    )
    assert found == {("Motorola Moto G85 5G", "2024-05")}, found
