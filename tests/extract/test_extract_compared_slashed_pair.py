"""'Charging jumped from 65W wired / 50W wireless, now 90W wired and 66W wireless': the values of a
slashed pair after the comparison words are both the older figures; only the new pair is the
phone's. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

SENTENCE = (
    "Charging on the Honor Magic 9 Pro reportedly jumped from 65W wired / 50W wireless, now reaching "
    "90W wired and 66W wireless."
)


def test_the_second_value_of_a_compared_slashed_pair_is_compared_too():
    assert values_of(SENTENCE, "wireless_charging", "2030-01-10") == {("Honor Magic 9 Pro", "66 W")}


def test_the_first_value_of_the_pair_was_compared_already():
    assert values_of(SENTENCE, "wired_charging", "2030-01-10") == {("Honor Magic 9 Pro", "90 W")}
