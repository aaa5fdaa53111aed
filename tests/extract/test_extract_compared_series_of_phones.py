"""'... a successor to the X series of phones that were launched in May': a relative clause after a
compared name and 'of <noun>' tells of the compared phones; its date is not the sentence's phone's.
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_date_in_a_compared_series_relative_clause_is_not_the_subjects():
    found = values_of(
        "The Honor 500 is tipped to arrive next spring as a successor to the Honor 400 series of phones that "
        "were launched by Honor in May.",
        "launch_date",
        "2030-09-01",
    )
    assert ("Honor 500", "2030-05") not in found and ("Honor 500", "2031-05") not in found, found
