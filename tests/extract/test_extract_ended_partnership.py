"""'since its tie-up with Hasselblad came to an end', 'after it parted ways with Zeiss': an optics
brand of a partnership that is over is no camera partner; a partnership still on is one. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_an_ended_partnership_gives_no_partner():
    found = values_of(
        "The OnePlus 14 uses a new in-house imaging engine, built since the partnership with Hasselblad came to an end.",
        "camera_partner",
    )
    assert found == set(), found


def test_a_parted_partner_gives_no_partner():
    found = values_of(
        "Vivo built its own imaging brand for the Vivo X300 after it parted ways with Zeiss.",
        "camera_partner",
    )
    assert found == set(), found


def test_a_running_partnership_still_gives_the_partner():
    found = values_of(
        "The OnePlus 14 cameras are tuned in partnership with Hasselblad.",
        "camera_partner",
    )
    assert found == {("OnePlus 14", "Hasselblad")}, found
