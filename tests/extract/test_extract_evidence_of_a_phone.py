"""Evidence that names its phone ("a benchmark listing for the Moto G96 confirmed ...", "the box of
the Moto G96 confirms ...") confirms like the bare evidence does: a leak, so the value is rumored;
the maker's own listing still confirms. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def status_of(body: str, attribute: str) -> set[str]:
    return {c.status for c in own_sentences.claims_of(body) if c.attribute == attribute}


def test_a_benchmark_listing_for_the_phone_confirming_a_chip_is_a_leak():
    body = "Fresh details keep coming. A benchmark listing for the Moto G96 confirmed a Dimensity 7400 chip."
    assert status_of(body, "chipset") == {"rumored"}


def test_the_box_of_the_phone_confirming_a_battery_is_a_leak():
    body = "A retail box of the Moto G96 seen online confirms a 5,500mAh battery."
    assert status_of(body, "battery") == {"rumored"}


def test_the_makers_own_listing_for_the_phone_still_confirms():
    body = "The official listing for the Moto G96 on the company site confirmed a 5,500mAh battery."
    assert status_of(body, "battery") == {"confirmed"}
