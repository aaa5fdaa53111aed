"""'... what might be the price of the X, when it launches on February 7': a ', when it launches
on ...' clause takes the launch as given; the guess before it hedges the price, not the launch
date. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of

LEAD = "The OnePlus 11 is already on sale in China. "


def _date_statuses(body: str) -> set[str]:
    return {c.status for c in claims_of(LEAD + body, "2023-01-06") if c.attribute == "launch_date"}


def test_a_launch_in_a_when_clause_is_not_the_guess_before_it():
    found = _date_statuses(
        "We will look at what might be the price of the OnePlus 11 in India, when it launches on February 7."
    )
    assert found == {"confirmed"}, found


def test_a_hedged_launch_itself_stays_hedged():
    assert _date_statuses("The OnePlus 11 might launch in India on February 7.") == {"speculated"}
