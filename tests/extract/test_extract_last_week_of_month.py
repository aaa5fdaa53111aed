""" "The last week of May" names a week of May, not the week before the article: the launch is
May's, and no month a week before the publication date is claimed."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_last_week_of_a_month_is_that_month():
    body = "A tipster says the Nothing Phone 3 will launch in the last week of March."
    assert values_of(body, "launch_date", "2025-03-04") == {("Nothing Phone 3", "2025-03")}


def test_last_week_alone_still_dates_the_week_before():
    body = "The Nothing Phone 3 was launched last week in London."
    assert values_of(body, "launch_date", "2025-03-04") == {("Nothing Phone 3", "2025-02")}
