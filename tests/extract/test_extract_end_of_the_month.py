""" "By the end of the month" is the end of the article's month: a launch date of that month, as
"by the end of this month" is; "the end of the month of June" stays June's."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2025-04-08"


def test_by_the_end_of_the_month_is_this_month():
    body = "The Oppo Find X8 Ultra is tipped to launch by the end of the month."
    assert values_of(body, "launch_date", PUBLISHED) == {("Oppo Find X8 Ultra", "2025-04")}


def test_the_end_of_the_month_of_a_named_month_is_that_month():
    body = "The Oppo Find X8 Ultra is tipped to launch by the end of the month of June."
    assert values_of(body, "launch_date", PUBLISHED) == {("Oppo Find X8 Ultra", "2025-06")}
