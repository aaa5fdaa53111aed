"""'As for the X, ...', 'Coming to the X, ...': a name right after such a lead at a sentence's
start is what the sentence and the ones after it are about, not the object of a preposition.
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_as_for_the_phone_makes_it_the_topic_of_the_next_sentences():
    body = (
        "The Find X8 Pro and Find X8 are official. The Find X8 Pro is the star, and the Find X8 Pro gets a 5,910mAh battery. "
        "As for the Find X8, there are a few cuts. The display shrinks to 6.59 inches. "
        "You also get a 5,630mAh battery."
    )
    assert values_of(body, "battery", "2024-10-24") == {
        ("Oppo Find X8 Pro", "5910 mAh"),
        ("Oppo Find X8", "5630 mAh"),
    }
    assert values_of(body, "display_size", "2024-10-24") == {("Oppo Find X8", "6.59 in")}


def test_coming_to_the_phone_leads_the_same_way():
    body = (
        "The Find X8 Pro and Find X8 are official. The Find X8 Pro is the star, and the Find X8 Pro gets a 5,910mAh battery. "
        "Coming to the Find X8, things are a little different. It packs a 5,630mAh battery."
    )
    assert values_of(body, "battery", "2024-10-24") == {
        ("Oppo Find X8 Pro", "5910 mAh"),
        ("Oppo Find X8", "5630 mAh"),
    }
