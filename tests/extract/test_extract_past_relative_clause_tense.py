"""'... would be the X model that was launched in Brazil in April': a relative clause in the past
has its own tense, so a month in it is the past one even in a sentence about what is to come.
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

SENTENCE = (
    "The launch could take place in July, and the phone would be the Moto G84 model that was launched "
    "in Brazil in April."
)


def test_a_month_in_a_past_relative_clause_is_the_last_one():
    assert ("Motorola Moto G84", "2024-04") in values_of(SENTENCE, "launch_date", "2024-06-20")


def test_a_month_to_come_outside_the_clause_stays_to_come():
    found = values_of(
        "The Moto G84 model that was shown in Brazil could launch in July.", "launch_date", "2024-08-20"
    )
    assert found == {("Motorola Moto G84", "2025-07")}, found
