"""'a 360Hz touch sampling rate and a 144Hz refresh rate': a figure named a refresh rate is one,
though the touch-sampling words of the figure before it are near; 'a touch sampling rate of 360Hz'
stays none. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_refresh_rate_after_a_sampling_rate_is_found():
    found = values_of(
        "The Moto G85 has a 6.7-inch display with a 360Hz touch sampling rate and a 144Hz refresh rate.",
        "refresh_rate",
    )
    assert found == {("Motorola Moto G85", "144 Hz")}, found


def test_a_sampling_rate_is_still_no_refresh_rate():
    found = values_of(
        "The Moto G85 has a 6.7-inch display with a touch sampling rate of 360Hz.",
        "refresh_rate",
    )
    assert found == set(), found
