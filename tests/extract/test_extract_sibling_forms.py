"""A foldable's sibling the catalogue does not list yet: beside a number-less catalogue name that
ends in a form word ("Pixel Fold"), the same words with another form word ("Pixel Flip") name a
phone, so its specs no longer go to an older sibling the article names or to the company. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def subjects(body: str, attribute: str) -> set[str]:
    return {s for s, a, _v in own_sentences.facts(body, "2024-10-01") if a == attribute}


def test_a_flip_beside_a_catalogued_fold_is_a_phone_of_its_own():
    body = (
        "Google already sells the Pixel Fold. Now the Google Pixel Flip has surfaced in a leak, "
        "and the handset is said to pack a 4,100mAh battery."
    )
    assert subjects(body, "battery") == {"Google Pixel Flip"}


def test_the_sibling_named_again_without_its_brand_keeps_its_specs():
    body = (
        "The Google Pixel Flip is coming. Reports claim the Pixel Flip will use a Tensor G4 chip "
        "and 12GB of RAM."
    )
    assert subjects(body, "ram") == {"Google Pixel Flip"}


def test_the_catalogued_name_itself_is_unchanged():
    body = "The Google Pixel Fold has a 4,821mAh battery."
    assert subjects(body, "battery") == {"Google Pixel Fold"}
