"""'The X was announced on May 9': a passive announcement dates the phone's launch as 'announced
the X' does; 'it was announced that ...' is the report of something else. Own sentences, no text
of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_phone_that_was_announced_on_a_day_launched_then():
    found = values_of(
        "The Redmi Note 14 was announced in China on the 26th of September.", "launch_date", "2024-10-10"
    )
    assert found == {("Xiaomi Redmi Note 14", "2024-09-26")}, found


def test_phones_that_were_announced_together():
    found = values_of(
        "Nokia has two new phones. The Nokia G42 and Nokia C32 were announced on 28 June.",
        "launch_date",
        "2023-07-10",
    )
    assert found == {("Nokia G42", "2023-06-28"), ("Nokia C32", "2023-06-28")}, found


def test_an_announcement_that_reports_something_else_dates_no_launch():
    found = values_of(
        "It was announced that the Nokia G42 gets a camera update on 28 June.", "launch_date", "2023-06-10"
    )
    assert found == set(), found
