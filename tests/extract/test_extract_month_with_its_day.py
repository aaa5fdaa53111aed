"""'It will arrive in mid-March ... The X launches on March 12': a launch month is dropped when the
article gives the same phone's day in that month, as a year alone is when it gives a month. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_month_gives_way_to_a_day_in_it():
    found = values_of(
        "Poco has confirmed that the Poco X7 will arrive in India in mid-March. "
        "The Poco X7 is set to launch on March 12 in India.",
        "launch_date",
        "2025-02-20",
    )
    assert found == {("Xiaomi Poco X7", "2025-03-12")}, found


def test_a_month_of_another_phone_stays():
    found = values_of(
        "The Poco X7 is set to launch on March 12 in India. The Poco F7 is tipped to launch in March too.",
        "launch_date",
        "2025-02-20",
    )
    assert found == {("Xiaomi Poco X7", "2025-03-12"), ("Xiaomi Poco F7", "2025-03")}, found
