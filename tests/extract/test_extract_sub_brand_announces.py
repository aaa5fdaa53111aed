"""A maker's sub-brand ("Poco", "iQOO", "Redmi": a family word of the brand) opening a sentence
with a launch verb speaks for the maker: the launch date it gives is confirmed, as when the
maker's own name opens the sentence. A sentence hedged by a cue keeps its cue."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of

PUBLISHED = "2024-11-20"


def _launch_statuses(body: str) -> set[tuple[str, str, str]]:
    return {
        (c.subject, c.value, c.status) for c in claims_of(body, PUBLISHED) if c.attribute == "launch_date"
    }


def test_a_sub_brand_that_will_launch_a_phone_confirms_the_date():
    body = "Poco will launch the Poco X7 Pro in India on January 9."
    assert _launch_statuses(body) == {("Xiaomi Poco X7 Pro", "2025-01-09", "confirmed")}


def test_a_sub_brand_that_has_fixed_the_launch_date_confirms_it():
    body = "Redmi has fixed the launch date of the Redmi Note 14 Pro as December 9."
    assert _launch_statuses(body) == {("Xiaomi Redmi Note 14 Pro", "2024-12-09", "confirmed")}


def test_a_hedged_sub_brand_sentence_stays_rumored():
    body = "iQOO will reportedly launch the iQOO 13 in India on December 3."
    assert _launch_statuses(body) == {("vivo iQOO 13", "2024-12-03", "rumored")}
