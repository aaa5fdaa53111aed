"""'It gets the same chip found in the Y': a phone named after a link word ('in', 'inside', 'on',
'as') that follows 'same' is named in passing, so the part and what the sentence says after it are
the sentence's own phone's. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

ARTICLE = (
    "The Moto G99 is official. Not only does it get the same Dimensity 7300 chip found in the Moto G84, "
    "but it also has a 64MP main camera."
)


def test_the_same_part_found_in_another_phone_is_the_sentences_own():
    assert values_of(ARTICLE, "chipset") == {("Motorola Moto G99", "Dimensity 7300")}


def test_a_reference_after_the_passing_name_stays_with_the_own_phone():
    assert values_of(ARTICLE, "main_camera") == {("Motorola Moto G99", "64 MP")}


def test_the_same_part_inside_the_base_model():
    found = values_of(
        "The Galaxy A36 has arrived. It packs the same 6.7-inch panel inside the base Galaxy A56.",
        "display_size",
        published="2025-03-10",
    )
    assert found == {("Samsung Galaxy A36", "6.7 in")}, found
