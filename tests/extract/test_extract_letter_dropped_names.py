"""'the Galaxy Fold 6' in an article about the 'Galaxy Z Fold6': a name the catalogue does not know,
written as another device of the article with a one-letter word inside it left out, is that
device; its values had gone to a phone of its own. A name the catalogue knows, or a letter that
ends the model ('Xperia 10 V'), keeps its own phone. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_name_without_its_series_letter_is_the_device_named_with_it():
    found = values_of(
        "Samsung showed the Galaxy Z Fold6 in July. The Galaxy Fold 6 is priced at Rs 1,64,999 in India.",
        "price",
    )
    assert found == {("Samsung Galaxy Z Fold6", "INR 164999")}, found


def test_another_brand_with_a_letter_inside_its_name():
    found = values_of(
        "Honor teased the Honor Magic V Flip 2 this week. The Honor Magic Flip 2 packs a 5,500mAh battery.",
        "battery",
    )
    assert found == {("Honor Magic V Flip 2", "5500 mAh")}, found


def test_a_catalogue_name_keeps_its_phone():
    found = values_of(
        "Sony unveiled the Xperia 10 V today. The older Sony Xperia 10 had a 2,870mAh battery.", "battery"
    )
    assert ("Sony Xperia 10 V", "2870 mAh") not in found, found
