"""'The X gets A, whereas the Y may get B, both with C': the closing 'both with' clause gives its
value to each phone the sentence named. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_closing_both_clause_is_each_phones():
    found = values_of(
        "The Galaxy S25 is tipped to pack a 4,000mAh cell, whereas the Galaxy S25+ may get a 4,900mAh cell, "
        "both with support for 45W wired charging.",
        "wired_charging",
    )
    assert found == {("Samsung Galaxy S25", "45 W"), ("Samsung Galaxy S25+", "45 W")}, found


def test_the_values_before_the_clause_keep_their_phones():
    found = values_of(
        "The Galaxy S25 is tipped to pack a 4,000mAh cell, whereas the Galaxy S25+ may get a 4,900mAh cell, "
        "both with support for 45W wired charging.",
        "battery",
    )
    assert found == {("Samsung Galaxy S25", "4000 mAh"), ("Samsung Galaxy S25+", "4900 mAh")}, found
