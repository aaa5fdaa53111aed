"""A launch date in a sentence the phone's maker opens with its launch verb ("Motorola will launch
the X on July 10") is the maker's own word: confirmed, where no cue of the sentence hedges it.
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def launch_statuses(body: str) -> set[tuple[str, str, str]]:
    return {
        (c.subject, c.value, c.status)
        for c in own_sentences.claims_of(body, "2024-07-01")
        if c.attribute == "launch_date"
    }


def test_a_launch_date_the_maker_opens_with_will_launch_is_confirmed():
    body = "Motorola will launch the Moto G85 in India on July 10. It will have a 5,000mAh battery."
    assert launch_statuses(body) == {("Motorola Moto G85", "2024-07-10", "confirmed")}


def test_a_report_cue_keeps_the_date_rumored():
    body = "Motorola will launch the Moto G85 in India on July 10, according to a report."
    assert launch_statuses(body) == {("Motorola Moto G85", "2024-07-10", "rumored")}


def test_a_sentence_the_phone_opens_is_unchanged():
    body = "The Moto G85 will launch in India on July 10."
    assert launch_statuses(body) == {("Motorola Moto G85", "2024-07-10", "rumored")}


def test_another_makers_sentence_confirms_nothing_of_the_phone():
    body = "Samsung will launch its own phone on July 10, weeks after the Moto G85 went on sale."
    assert ("Motorola Moto G85", "2024-07-10", "confirmed") not in launch_statuses(body)
