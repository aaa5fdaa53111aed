"""'a 6.58″ flat 1.5K display': a size written with the inch mark is a display size when its screen
word follows within three words, a resolution with a point ('1.5K') among them; a point that ends
the sentence still ends the words. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def sizes(body: str) -> set[tuple[str, str]]:
    return values_of(body, "display_size", "2025-10-01")


def test_an_inch_mark_size_before_a_resolution_with_a_point():
    assert sizes("The Honor Magic 8 could offer a 6.58″ flat 1.5K display.") == {("Honor Magic 8", "6.58 in")}
    assert sizes('The Honor Magic 8 gets a 6.3" 2.5K OLED screen.') == {("Honor Magic 8", "6.3 in")}


def test_a_sentence_end_after_the_size_ends_the_words():
    assert sizes("The Honor Magic 8 is a 6.8″ phone. Display quality is great.") == set()
