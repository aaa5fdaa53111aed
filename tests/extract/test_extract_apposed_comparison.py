"""'cheaper than its pricier sibling, the X': a name in apposition to the noun after a comparison
word is the compared phone; it does not become the phone the next sentences are about. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_phone_in_apposition_after_than_is_compared_and_keeps_the_topic():
    found = values_of(
        "The Pixel 9a is coming soon. The Pixel 9a will cost less than its pricier sibling, the Pixel 9. "
        "Leaked renders show a flat back. A tipster says the handset will get a 120Hz OLED panel.",
        "refresh_rate",
    )
    assert found == {("Google Pixel 9a", "120 Hz")}, found


def test_a_phone_in_apposition_without_a_comparison_word_is_still_named():
    found = values_of(
        "The Pixel 9a is coming soon. Google also sells its pricier sibling, the Pixel 9. "
        "The Pixel 9 has a 120Hz OLED panel.",
        "refresh_rate",
    )
    assert found == {("Google Pixel 9", "120 Hz")}, found


def test_a_phone_in_apposition_after_from_is_not_compared():
    found = values_of(
        "Vivo shared a teaser from its upcoming flagship, the vivo X300. The phone will get a 120Hz OLED panel.",
        "refresh_rate",
    )
    assert found == {("vivo X300", "120 Hz")}, found
