"""'The 4G variant of the X', 'the Pro model of the X': a variant word with its noun, then 'of'
and a phone's name, is that phone's member with the word; the name after 'of' is part of the
reference, no subject of its own. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

ARTICLE = (
    "Huawei will bring the P40 to Europe soon. The 4G variant of the Huawei P40, meanwhile, "
    "went on sale in Spain at EUR 599 for the 6GB + 128GB model and EUR 699 for the "
    "8GB + 256GB model."
)


def test_the_prices_go_to_the_network_member():
    found = values_of(ARTICLE, "price", published="2020-06-01")
    assert found == {("Huawei P40 4G", "EUR 599"), ("Huawei P40 4G", "EUR 699")}, found


def test_the_memory_goes_to_the_network_member():
    found = values_of(ARTICLE, "storage", published="2020-06-01")
    assert found == {("Huawei P40 4G", "256 GB")}, found


def test_a_variant_model_of_a_named_family():
    found = values_of(
        "Google teased its Pixel 8 series. The Pro model of the Pixel 8 packs a 5,050mAh battery.",
        "battery",
        published="2023-09-20",
    )
    assert found == {("Google Pixel 8 Pro", "5050 mAh")}, found
