"""A past launch told with a phrase of its own ("made its debut", "introduced") puts the sentence in
the past: a month named in it is the last one, not next year's."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2024-11-20"


def test_made_its_debut_in_a_month_is_the_past_month():
    body = "The Vivo X200 Pro made its debut in China in October and is now headed to India."
    assert values_of(body, "launch_date", PUBLISHED) == {("vivo X200 Pro", "2024-10")}


def test_introduced_in_a_month_is_the_past_month():
    body = "Vivo introduced the Vivo X200 Pro in China in September, and the phone is now coming to India."
    assert values_of(body, "launch_date", PUBLISHED) == {("vivo X200 Pro", "2024-09")}


def test_went_official_is_a_launch_of_the_past_month():
    body = "The Vivo X200 Pro went official in China in September."
    assert values_of(body, "launch_date", PUBLISHED) == {("vivo X200 Pro", "2024-09")}
