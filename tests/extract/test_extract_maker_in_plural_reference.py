"""A plural reference that names the maker ("these Samsung phones", "both Oppo handsets") refers to
the phones named before, like "these phones"; the maker is a word of it, not the subject. After a
sentence about a pair, such a reference goes on with the same pair."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_these_maker_phones_in_the_next_paragraph_go_on_with_the_pair():
    body = (
        "The Oppo Find X8 Pro and the Oppo Find X8 Ultra look alike. "
        "These phones are believed to run the Dimensity 9400.\n\n"
        "These Oppo phones could also carry 6,000mAh batteries."
    )
    assert values_of(body, "battery") == {
        ("Oppo Find X8 Pro", "6000 mAh"),
        ("Oppo Find X8 Ultra", "6000 mAh"),
    }


def test_both_maker_handsets_take_the_value_each():
    body = (
        "Samsung is readying the Galaxy S25+ and the Galaxy S25 Ultra. "
        "Both Samsung handsets are tipped to pack 12GB of RAM."
    )
    assert values_of(body, "ram") == {
        ("Samsung Galaxy S25+", "12 GB"),
        ("Samsung Galaxy S25 Ultra", "12 GB"),
    }
