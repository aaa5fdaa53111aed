"""An older phone recalled beside the new one: "its predecessor X launched at ...", "the X, the
Y's predecessor, has ...", "the predecessor of the phone comes with ...". What is said of the older
phone is its own (or nobody's when it is not named), never the new phone's, and "it" goes on about
the older phone for the rest of its paragraph until a sentence speaks of what is to come. Own
sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences

NEW, OLD = "Motorola Moto G85", "Motorola Moto G84"


def facts(body: str) -> set[tuple[str, str, str]]:
    return own_sentences.facts(body, "2024-06-01")


def test_an_unnamed_predecessor_of_the_phone_takes_no_value_of_the_new_phone():
    body = (
        "Motorola is set to launch the Moto G85 with 45W charging. "
        "Notably, the predecessor of the handset ships with 33W charging support."
    )
    found = facts(body)
    assert (NEW, "wired_charging", "45 W") in found, found
    assert (NEW, "wired_charging", "33 W") not in found, found


def test_a_name_in_apposition_to_the_new_phones_predecessor_takes_the_values():
    body = (
        "Motorola is set to launch the Moto G85 soon. To recall, the Moto G84, the Moto G85's "
        "predecessor, has a 6.5-inch pOLED display."
    )
    found = facts(body)
    assert (OLD, "display_size", "6.5 in") in found, found
    assert (NEW, "display_size", "6.5 in") not in found, found


def test_it_goes_on_about_the_recalled_phone_until_its_paragraph_ends():
    body = (
        "Motorola is set to launch the Moto G85 soon. For context, its predecessor Moto G84 "
        "launched at Rs 19,999. It comes with a 6.5-inch pOLED display.\n\n"
        "The phone will pack a 5,000mAh battery."
    )
    found = facts(body)
    assert (OLD, "price", "INR 19999") in found, found
    assert (OLD, "display_size", "6.5 in") in found, found
    assert (NEW, "display_size", "6.5 in") not in found, found
    assert (NEW, "battery", "5000 mAh") in found, found
    assert (OLD, "battery", "5000 mAh") not in found, found


def test_a_sentence_about_what_is_to_come_returns_to_the_new_phone():
    body = (
        "Motorola is set to launch the Moto G85 soon. To recall, the Moto G84, the Moto G85's "
        "predecessor, runs on a Snapdragon 695. It will get a 5,000mAh battery."
    )
    found = facts(body)
    assert (NEW, "battery", "5000 mAh") in found, found
    assert (OLD, "battery", "5000 mAh") not in found, found


def test_a_predecessor_named_after_a_comma_is_recalled_too():
    body = (
        "Motorola is set to launch the Moto G85 soon. Its predecessor, the Moto G84, launched at "
        "Rs 19,999. It comes with a 6.5-inch pOLED display."
    )
    found = facts(body)
    assert (OLD, "display_size", "6.5 in") in found, found
    assert (NEW, "display_size", "6.5 in") not in found, found


def test_a_name_after_the_new_phones_possessive_predecessor_takes_the_values():
    body = (
        "Motorola is set to launch the Moto G85 soon. The Moto G85's predecessor, the Moto G84, "
        "had a 6.5-inch pOLED display."
    )
    found = facts(body)
    assert (OLD, "display_size", "6.5 in") in found, found
    assert (NEW, "display_size", "6.5 in") not in found, found


def test_a_hedged_sentence_returns_to_the_new_phone():
    body = (
        "Motorola is set to launch the Moto G85 soon. Its predecessor, the Moto G84, had a 6.5-inch "
        "pOLED display. It is tipped to pack a 5,000mAh battery."
    )
    found = facts(body)
    assert (NEW, "battery", "5000 mAh") in found, found
    assert (OLD, "battery", "5000 mAh") not in found, found


def test_a_name_in_apposition_to_a_successor_stays_the_topic_after_its_paragraph():
    body = (
        "Motorola launched the Moto G84 last year. The Moto G85, the Moto G84's successor, has a "
        "5,000mAh battery.\n\nThe phone also gets 33W charging."
    )
    found = facts(body)
    assert (NEW, "battery", "5000 mAh") in found, found
    assert (NEW, "wired_charging", "33 W") in found, found
