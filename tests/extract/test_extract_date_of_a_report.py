"""'Earlier this week, a tipster claimed that Honor could soon launch the X': a date that opens its
sentence, before a report verb after its comma, is when the report came, not the launch it
reports. A launch verb right after the opening date ('On Monday, Honor launched the X') and a date
after the report verb keep their launch dates. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_an_opening_date_of_a_report_is_no_launch_date():
    found = values_of(
        "Earlier this week, a tipster claimed that Honor could soon launch a phone called the Honor 300.",
        "launch_date",
    )
    assert found == set(), found


def test_a_date_after_the_report_verb_is_the_launch_date():
    found = values_of("On Monday, a leaker said Honor will launch the Honor 300 on June 20.", "launch_date")
    assert found == {("Honor 300", "2024-06-20")}, found


def test_an_opening_date_of_a_launch_stays():
    found = values_of("On Monday, Honor launched the Honor 300 in China.", "launch_date")
    assert found == {("Honor 300", "2024-05-27")}, found
