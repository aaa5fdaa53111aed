"""A count of some of the cameras ("the other two cameras", "the remaining three lenses") says
which cameras a sentence speaks of, not how many the phone has."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_other_two_cameras_are_no_count():
    body = "The Galaxy A56 gets a 50MP main camera. The other two cameras are said to be an ultrawide and a macro."
    assert values_of(body, "camera_count") == set()


def test_the_remaining_lenses_leave_the_real_count():
    body = "The Galaxy A56 will sport four cameras on the back. The remaining three lenses sit beside the main one."
    assert values_of(body, "camera_count") == {("Samsung Galaxy A56", "4")}
