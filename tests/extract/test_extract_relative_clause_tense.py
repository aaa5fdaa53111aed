"""A date inside a relative clause opened after a comma ("the X, which was unveiled in China in
October, will launch in India ...") takes that clause's tense, not the sentence's: a past month
stays in the past year, and the main clause's date keeps its own."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2024-11-20"


def test_a_past_relative_clause_dates_the_past_launch():
    body = "The Vivo X200 Pro, which was unveiled in China in October, will launch in India on December 12."
    assert values_of(body, "launch_date", PUBLISHED) == {
        ("vivo X200 Pro", "2024-10"),
        ("vivo X200 Pro", "2024-12-12"),
    }


def test_a_future_relative_clause_after_a_past_main_clause():
    body = "The Vivo X200 Pro was unveiled in China in October, which will be followed by an India launch in January."
    assert ("vivo X200 Pro", "2024-10") in values_of(body, "launch_date", PUBLISHED)
