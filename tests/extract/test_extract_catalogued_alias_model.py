"""'The X (aka Edge 30 Pro)': another name given without its brand and not led by a short prefix
and a digit is still the same maker's model when the catalogue knows it; the sentences after it
keep the phone named first. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts

PUBLISHED = "2022-01-10"


def test_a_catalogued_model_after_aka_is_another_name():
    found = facts(
        "Motorola readies the Edge 30 Pro (aka Edge X30) for Europe. The handset packs a 4,800mAh battery.",
        PUBLISHED,
    )
    assert ("Motorola Edge 30 Pro", "alias", "Motorola Edge X30") in found, found
    assert ("Motorola Edge 30 Pro", "battery", "4800 mAh") in found, found


def test_the_other_name_takes_no_values_of_its_own():
    found = facts(
        "Motorola readies the Edge X30 (aka Edge 30 Pro) for Europe. The handset packs a 4,800mAh battery.",
        PUBLISHED,
    )
    assert ("Motorola Edge X30", "alias", "Motorola Edge 30 Pro") in found, found
    assert not [f for f in found if f[0] == "Motorola Edge 30 Pro"], found


def test_an_unknown_model_after_aka_is_no_alias():
    found = facts(
        "Motorola readies the Edge X30 (aka Edge 99 Turbo) for Europe. The handset packs a 4,800mAh battery.",
        PUBLISHED,
    )
    assert not [f for f in found if f[1] == "alias"], found
