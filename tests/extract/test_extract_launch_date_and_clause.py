"""'The X went on sale in March 2023, and the Y will follow a month earlier': a launch date belongs
to the phone of its own clause; a clause after ', and' that names another phone is another clause,
as one after 'but' or 'while' is. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_date_stays_with_the_phone_of_its_clause():
    found = values_of(
        "The Honor 200 is on its way. The Honor 100 was released in China in November 2023, "
        "and the Honor 200 will come sooner in its cycle.",
        "launch_date",
    )
    assert found == {("Honor 100", "2023-11")}, found


def test_each_clause_keeps_its_own_date():
    found = values_of(
        "Honor released the Honor 100 in November 2023, and the Honor 200 in May 2024.", "launch_date"
    )
    assert found == {("Honor 100", "2023-11"), ("Honor 200", "2024-05")}, found
