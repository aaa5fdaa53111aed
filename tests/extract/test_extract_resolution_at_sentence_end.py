"""'... a resolution of 1220x2712.': a width-by-height resolution that ends its sentence is read
as one; the full stop after it is punctuation, not a decimal part. A decimal after the figure
('2712.5') still makes it no resolution. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_resolution_before_the_full_stop_is_read():
    found = values_of("The Honor 90 has a display with a resolution of 1200x2664.", "display_resolution")
    assert found == {("Honor 90", "2664x1200")}, found


def test_a_resolution_before_a_comma_is_read():
    found = values_of(
        "The Honor 90 screen packs more dots at 2664x1200, and it is brighter too.", "display_resolution"
    )
    assert found == {("Honor 90", "2664x1200")}, found


def test_a_figure_with_a_decimal_after_it_is_no_resolution():
    found = values_of("The Honor 90 has a display rated 1200x2664.5 in the listing.", "display_resolution")
    assert found == set(), found
