"""A near-square width x height ('2184 x 1968 pixels', a foldable's inner screen) is a display
resolution where the sentence names a screen, and nothing elsewhere. Own sentences only."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def resolutions(body: str) -> set[tuple[str, str]]:
    return values_of(body, "display_resolution", "2025-02-20")


def test_a_foldables_near_square_inner_screen_has_its_resolution():
    found = resolutions("The Galaxy Z Fold 7 inner display has 2184 x 1968 pixels.")
    assert found == {("Samsung Galaxy Z Fold 7", "2184x1968")}, found


def test_a_near_square_size_without_a_screen_word_is_no_resolution():
    assert resolutions("The Galaxy Z Fold 7 camera shoots 2184 x 1968 stills.") == set()
