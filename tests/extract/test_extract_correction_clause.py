"""A denial of earlier reports ("contrary to leaks of", "unlike the rumours that") denies the
values of its own clause; the value the sentence then states is not denied."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def statuses(body: str) -> dict[str, str]:
    return {c.value: c.status for c in claims_of(body) if c.attribute in ("chipset", "battery")}


def test_unlike_the_rumours_denies_the_rumoured_value_and_confirms_the_announced_one():
    body = (
        "Unlike earlier rumours claiming that the Honor Magic 6 would run on the Snapdragon 8 Gen 2, "
        "the company announced that the Snapdragon 8 Gen 3 powers the phone."
    )
    assert statuses(body) == {"Snapdragon 8 Gen 2": "denied", "Snapdragon 8 Gen 3": "confirmed"}


def test_the_value_after_a_correction_clause_is_not_denied():
    body = "Contrary to earlier leaks suggesting a 6,000mAh cell, the Honor Magic 6 ships with a 5,600mAh battery."
    found = statuses(body)
    assert found["6000 mAh"] == "denied"
    assert found["5600 mAh"] != "denied"


def test_a_correction_without_its_object_still_states_the_value():
    body = "The Honor Magic 6 ships with a 5,600mAh battery, contrary to earlier reports."
    assert statuses(body)["5600 mAh"] != "denied"
