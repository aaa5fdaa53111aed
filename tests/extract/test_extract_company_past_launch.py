"""A launch told in the past tense is a phone's: when the sentence names no phone the extractor
knows, the date goes to no one rather than to the maker. A maker's launch to come keeps its date."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2024-09-10"


def test_a_past_launch_of_an_unnamed_phone_is_not_the_makers():
    body = "Vivo said that its Y-line, which was launched in March, has sold very well."
    assert values_of(body, "launch_date", PUBLISHED) == set()


def test_a_makers_event_to_come_keeps_its_date():
    body = "Vivo will launch its next flagship phones in China on October 14."
    assert values_of(body, "launch_date", PUBLISHED) == {("vivo", "2024-10-14")}
