"""'three 48MP cameras': a camera figure between a count word and its plural camera noun is said
of each of the cameras. The count is the phone's camera count and the figure its main camera's; a
figure of a few of the cameras after another figure ('a 64MP main and two 2MP cameras') counts
none, and a selfie pair stays the front camera's. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts


def test_a_counted_figure_gives_the_count_and_the_main_camera():
    found = facts("The Honor 90 comes with three 48MP cameras.")
    assert {("Honor 90", "camera_count", "3"), ("Honor 90", "main_camera", "48 MP")} <= found, found


def test_a_small_counted_figure_is_the_main_camera_too():
    found = facts("Around the back, the Honor 90 carries dual 16-megapixel rear cameras.")
    assert {("Honor 90", "camera_count", "2"), ("Honor 90", "main_camera", "16 MP")} <= found, found


def test_a_counted_figure_after_another_counts_none():
    found = facts("The Honor 90 gets a 64MP main camera and two 2MP cameras.")
    assert ("Honor 90", "camera_count", "2") not in found, found
    assert ("Honor 90", "main_camera", "2 MP") not in found, found


def test_a_counted_selfie_figure_is_no_rear_count():
    found = facts("The Honor 90 has two 16MP selfie cameras.")
    assert ("Honor 90", "camera_count", "2") not in found, found
    assert ("Honor 90", "main_camera", "16 MP") not in found, found
