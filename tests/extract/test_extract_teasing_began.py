"""'Nokia began teasing the launch of the phone on 12 May': the date is when the teasing began,
not the launch's; a teaser of the launch day itself still dates it. Own sentences, no text of any
real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_day_teasing_began_is_no_launch_date():
    found = values_of(
        "The Nokia X40 arrives in Ghana tomorrow. Nokia began teasing the launch of the phone on its "
        "Facebook page on 12 May.",
        "launch_date",
        "2030-05-20",
    )
    assert ("Nokia X40", "2030-05-12") not in found, found


def test_a_teased_launch_day_is_still_the_launch_date():
    found = values_of("Nokia teased the launch of the Nokia X40 on 28 May.", "launch_date", "2030-05-20")
    assert found == {("Nokia X40", "2030-05-28")}, found
