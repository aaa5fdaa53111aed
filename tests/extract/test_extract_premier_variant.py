""" "Premier" is a variant word like "Ultra": part of a model's name ("Note 60 Premier") and, after
"the", a reference to that member of the family in force ("the Premier model", "the Premier").
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences

FAMILY = "The Infinix Note 60 lineup has a Note 60, a Note 60 Pro and an Infinix Note 60 Premier. "


def test_the_premier_model_is_the_premier_member_of_the_family():
    body = (
        FAMILY
        + "The Infinix Note 60 Pro has a 6.78-inch screen, while the Premier model has a 6.9-inch AMOLED screen."
    )
    assert own_sentences.values_of(body, "display_size", "2025-02-15") == {
        ("Infinix Note 60 Pro", "6.78 in"),
        ("Infinix Note 60 Premier", "6.9 in"),
    }


def test_the_bare_premier_is_that_member_too():
    body = FAMILY + "The Premier gets a 5,500mAh battery, and the Infinix Note 60 Pro gets a 5,000mAh one."
    assert own_sentences.values_of(body, "battery", "2025-02-15") == {
        ("Infinix Note 60 Premier", "5500 mAh"),
        ("Infinix Note 60 Pro", "5000 mAh"),
    }
