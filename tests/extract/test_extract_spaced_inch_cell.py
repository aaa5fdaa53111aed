"""'Display 6.5 " (16.5 cm), ...': a display row's first cell may keep a space before its inch
sign; it is that column's size, and the next column's size stays the next phone's. Without it the
row had one size, given to the first column. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

TABLE = (
    "Here is how the two compare.\n\n"
    "Phone Honor 200 Nothing Phone 2 Processor Snapdragon 7 Gen 3 Snapdragon 8+ Gen 1 "
    'Display 6.5 " (16.5 cm), 120 Hz OLED, 1080 x 2400 pixels, 6.7 inches Battery 5200 mAh 4700 mAh\n'
)


def test_a_spaced_inch_cell_is_its_columns_size():
    found = values_of(TABLE, "display_size")
    assert ("Honor 200", "6.5 in") in found, found
    assert ("Honor 200", "6.7 in") not in found, found


def test_a_spaced_quote_outside_a_display_row_is_no_size():
    found = values_of('The Honor 200 box says 6 " in big letters on its side.', "display_size")
    assert found == set(), found
