"""A launch still to come does not make a phone launched: "the season goes on with the launch of
the X next week" (a release phrase after a future verb) and "the maker announced that the X will be
launched on ..." (an announcement whose clause is a launch to come) leave the X's plain specs
rumored. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences

SPECS = "\n\nThe Honor Magic9 has a 6.31-inch screen and a 5,800mAh battery."


def statuses(body: str) -> set[tuple[str, str, str]]:
    return {
        (c.subject, c.attribute, c.status)
        for c in own_sentences.claims_of(body, "2026-03-02")
        if c.attribute in ("display_size", "battery")
    }


def test_a_release_phrase_after_a_future_verb_is_no_launch():
    body = "The flagship season will go on with the launch of the Honor Magic9 next week." + SPECS
    assert statuses(body) == {
        ("Honor Magic9", "display_size", "rumored"),
        ("Honor Magic9", "battery", "rumored"),
    }


def test_a_release_phrase_of_the_past_still_makes_the_phone_launched():
    body = "Prices of older flagships fell with the launch of the Honor Magic9." + SPECS
    assert statuses(body) == {
        ("Honor Magic9", "display_size", "confirmed"),
        ("Honor Magic9", "battery", "confirmed"),
    }


def test_an_announcement_of_a_launch_to_come_is_no_launch():
    body = (
        "In a post on its blog, Honor announced that the Honor Magic9 will be launched on March 20." + SPECS
    )
    assert statuses(body) == {
        ("Honor Magic9", "display_size", "rumored"),
        ("Honor Magic9", "battery", "rumored"),
    }


def test_an_announcement_that_the_phone_is_out_still_makes_it_launched():
    body = "Honor announced that the Honor Magic9 is now official in Europe." + SPECS
    assert statuses(body) == {
        ("Honor Magic9", "display_size", "confirmed"),
        ("Honor Magic9", "battery", "confirmed"),
    }
