"""'Motorola has now confirmed the launch date of its next phone. ... The Moto G85 will arrive on
January 9': a launch date with no cue of its own is the date the phone's maker confirmed in an
earlier sentence (one that gives no date itself). Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def _launch_statuses(body: str) -> set[tuple[str, str, str]]:
    return {
        (c.subject, c.value, c.status) for c in claims_of(body, "2024-12-20") if c.attribute == "launch_date"
    }


def test_a_date_the_maker_confirmed_before_is_confirmed():
    found = _launch_statuses(
        "Motorola has now confirmed the launch date of its next phone in India. "
        "It will take on rivals from Realme.\n\nThe Moto G85 will arrive on January 9 in India."
    )
    assert found == {("Motorola Moto G85", "2025-01-09", "confirmed")}, found


def test_another_makers_confirmation_does_not_confirm_it():
    found = _launch_statuses(
        "Realme has now confirmed the launch date of its next phone in India. "
        "It will take on rivals from Motorola.\n\nThe Moto G85 will arrive on January 9 in India."
    )
    assert found == {("Motorola Moto G85", "2025-01-09", "rumored")}, found
