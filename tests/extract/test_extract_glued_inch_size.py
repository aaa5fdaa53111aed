"""'a display that is 6.7in': a decimal size with 'in' glued on is inches wherever the sentence
puts the screen word (the preposition 'in' is never glued to a number); '6.7 in the' with a space
stays none. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_glued_inch_size_after_its_screen_word_is_a_display_size():
    found = values_of(
        "The iPhone 16 Plus gets a Super Retina XDR screen that measures 6.7in.", "display_size"
    )
    assert found == {("Apple iPhone 16 Plus", "6.7 in")}, found


def test_a_spaced_in_after_a_number_is_no_size():
    found = values_of("The iPhone 16 Plus scored 6.7 in the battery test of the screen.", "display_size")
    assert found == set(), found
