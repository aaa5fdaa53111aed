"""'A camera bar packing triple optics': 'optics' after a count word counts the rear cameras as
'cameras' does. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_count_word_before_optics_is_the_camera_count():
    found = values_of(
        "The Nokia X40 is official. Its camera bar packs triple optics.", "camera_count", "2030-01-10"
    )
    assert found == {("Nokia X40", "3")}, found


def test_optics_without_a_count_word_count_nothing():
    found = values_of("The Nokia X40 is official. Its optics come from Zeiss.", "camera_count", "2030-01-10")
    assert found == set(), found
