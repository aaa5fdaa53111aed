"""'The Dimensity 8400, on the other hand, brings ...': a sentence led by a chip, with an aside
between commas before its verb, is about the chip; it gives the chip to no other phone than the
one the article gave it to. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

ARTICLE = (
    "The Poco X9 Pro is official with the Dimensity 8400 chip. It is a follow-up to the Poco X8 Pro, which "
    "used the Dimensity 8300. Unlike that chip, the Dimensity 8400 is built on a 4nm process. "
    "The Poco X8 Pro sold well in India. "
    "The Dimensity 8400, on the other hand, brings eight big cores and a faster GPU."
)


def test_a_chip_sentence_with_an_aside_gives_the_chip_to_no_other_phone():
    found = values_of(ARTICLE, "chipset", "2030-01-10")
    assert ("Xiaomi Poco X8 Pro", "Dimensity 8400") not in found, found


def test_the_phone_the_article_gave_the_chip_to_keeps_it():
    assert ("Xiaomi Poco X9 Pro", "Dimensity 8400") in values_of(ARTICLE, "chipset", "2030-01-10")
