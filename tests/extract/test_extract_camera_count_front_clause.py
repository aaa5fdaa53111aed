"""A camera count in a clause led by "At the front," or "For selfies," counts the selfie cameras:
the rear camera count (CLAIMS.md) is not taken from it."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_dual_camera_module_at_the_front_is_no_rear_count():
    body = "At the front, the Galaxy A56 might carry a dual-camera module led by a 24MP wide shooter."
    assert values_of(body, "camera_count") == set()


def test_for_selfies_a_twin_camera_setup_is_no_rear_count():
    body = "The Galaxy A56 has triple cameras on the back. For selfies, it gets a twin camera setup."
    assert values_of(body, "camera_count") == {("Samsung Galaxy A56", "3")}
