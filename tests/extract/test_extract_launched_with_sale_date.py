"""'Nokia has launched the G42 in India. ... on sale from July 15': a perfect launch verb in the
opening paragraph dates the launch to the article's day, also when the article gives a later day of
the phone (its sale). Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_launch_reported_today_keeps_its_date_beside_a_later_sale_date():
    found = values_of(
        "Nokia has launched the Nokia G42 in India at an aggressive price.\n\n"
        "The Nokia G42 will go on sale via Amazon starting July 15, 2024.",
        "launch_date",
        "2024-07-08",
    )
    assert ("Nokia G42", "2024-07-08") in found, found


def test_an_earlier_date_of_the_phone_still_wins():
    found = values_of(
        "Nokia has launched the Nokia G42 in India at an aggressive price.\n\n"
        "The Nokia G42 was launched in Europe on June 27, 2024.",
        "launch_date",
        "2024-07-08",
    )
    assert ("Nokia G42", "2024-07-08") not in found, found
