"""'It shared the stage with the $349 X': the verb 'shared' is no stock 'shares' (a price
exclusion); the amount next to it is still a price. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_an_amount_after_the_verb_shared_is_a_price():
    found = values_of(
        "The Moto G95 is official. Motorola shared the stage with the $349 Moto G85 at the event.",
        "price",
        "2030-01-10",
    )
    assert found == {("Motorola Moto G85", "USD 349")}, found


def test_an_amount_of_shares_is_still_no_price():
    found = values_of(
        "The Moto G95 is official. Motorola sold $400 shares of its stock after the event.",
        "price",
        "2030-01-10",
    )
    assert found == set(), found
