"""'A Racing Edition version of the X': an edition named before 'of' and its phone is a device of
its own, the phone's name with the edition's words; what the sentence says goes to it, not to
the phone it is an edition of. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts

ARTICLE = (
    "Oppo will unveil the Find X9 next week. Oppo is also tipped to launch a Racing Edition version of "
    "the Find X9 later in 2031, which will use a 200MP main camera."
)


def test_the_edition_takes_the_sentences_values():
    found = facts(ARTICLE, "2030-10-10")
    assert ("Oppo Find X9 Racing Edition", "main_camera", "200 MP") in found, found
    assert ("Oppo Find X9 Racing Edition", "launch_date", "2031") in found, found


def test_the_phone_it_is_an_edition_of_takes_none_of_them():
    found = facts(ARTICLE, "2030-10-10")
    assert ("Oppo Find X9", "main_camera", "200 MP") not in found, found
    assert ("Oppo Find X9", "launch_date", "2031") not in found, found


def test_the_edition_of_the_phone_without_a_noun():
    found = facts("Oppo showed the Explorer Edition of the Find X9, with a 6,000mAh battery.", "2030-10-10")
    assert ("Oppo Find X9 Explorer Edition", "battery", "6000 mAh") in found, found
