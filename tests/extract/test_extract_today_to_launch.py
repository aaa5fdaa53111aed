"""'The maker took the stage today to unveil the X': 'today' right before 'to' and the launch
verb dates the launch on the article's day, as 'today unveiled' does. Own sentences, no text of
any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_today_before_an_infinitive_launch_verb_is_the_launch_day():
    found = values_of("Nokia went on stage today to unveil the Nokia X40.", "launch_date", "2030-05-14")
    assert found == {("Nokia X40", "2030-05-14")}, found


def test_today_without_a_launch_verb_after_it_dates_nothing():
    found = values_of("Nokia went on stage today to talk about the Nokia X40.", "launch_date", "2030-05-14")
    assert found == set(), found
