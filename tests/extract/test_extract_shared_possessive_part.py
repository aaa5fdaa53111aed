"""'The X mimics the Y's display': a part the sentence's phone takes over from another phone's
possessive (context.json sharing_verbs) is its own as well as the other phone's. Own sentences,
no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_part_taken_over_from_another_phone_is_the_subjects_too():
    found = values_of(
        "The Galaxy A36 is here. The Galaxy A36 mimics the Galaxy A56's 6.7-inch AMOLED screen.",
        "display_size",
        published="2025-03-10",
    )
    assert ("Samsung Galaxy A36", "6.7 in") in found, found


def test_a_reference_that_borrows_a_part_takes_it():
    found = values_of(
        "The Galaxy A36 is here. It borrows the Galaxy A56's 50MP main camera.",
        "main_camera",
        published="2025-03-10",
    )
    assert ("Samsung Galaxy A36", "50 MP") in found, found


def test_a_possessive_after_another_verb_stays_the_owners():
    found = values_of(
        "The Galaxy A36 is here. Reviewers praised the Galaxy A56's 50MP main camera.",
        "main_camera",
        published="2025-03-10",
    )
    assert ("Samsung Galaxy A36", "50 MP") not in found, found
