"""'6GB RAM in the entry model, 16GB of top option': an amount named as a variant ('of top option',
'in the top variant') right after a RAM figure of its sentence is RAM too, and the largest is the
phone's. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_an_amount_of_the_top_option_after_ram_is_ram():
    found = values_of(
        "The Honor 90 will likely come with 8GB of RAM in the base model and 16GB of top option.",
        "ram",
    )
    assert found == {("Honor 90", "16 GB")}, found


def test_an_amount_in_the_top_variant_after_ram_is_ram():
    found = values_of(
        "The Honor 90 will likely come with 8GB of RAM in the base model and 16GB in the top variant.",
        "ram",
    )
    assert found == {("Honor 90", "16 GB")}, found
