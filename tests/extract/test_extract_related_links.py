"""A link to another article left in the text ("Also Read - <its headline>", "Read more: ...")
names other phones: they never become the topic that "it" and "the smartphone" go on about, and
the headline's values and dates are no claim. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def facts(body: str) -> set[tuple[str, str, str]]:
    return own_sentences.facts(body, "2024-04-10")


def test_the_phone_of_a_linked_headline_does_not_take_the_next_sentences_specs():
    body = (
        "Motorola will launch the Moto G84 next week. Also Read - Galaxy A55 review: a safe pick\n\n"
        "It is tipped to pack a 5,000mAh battery and 30W charging."
    )
    found = facts(body)
    assert ("Motorola Moto G84", "battery", "5000 mAh") in found, found
    assert not any(s == "Samsung Galaxy A55" for s, _a, _v in found), found


def test_a_linked_headlines_values_and_dates_are_no_claim():
    body = (
        "The Moto G84 is official with a 6.5-inch pOLED screen.\n"
        "ALSO READ: Galaxy A35 with 50MP camera to launch on April 20\n"
        "The phone costs Rs 19,999."
    )
    found = facts(body)
    assert not any(v == "50 MP" for _s, _a, v in found), found
    assert not any(a == "launch_date" for _s, a, _v in found), found


def test_read_more_with_a_colon_is_a_link_too():
    body = (
        "Nothing teased the Phone (3a) today. Read more: Pixel 8a gets a price cut\n"
        "The handset should run a Snapdragon 7s Gen 3."
    )
    found = facts(body)
    assert not any(s.startswith("Google") for s, _a, _v in found), found


def test_the_words_in_a_sentence_without_a_dash_or_colon_are_no_link():
    body = "We also read the fine print: the Moto G84 gets a 5,000mAh battery."
    assert ("Motorola Moto G84", "battery", "5000 mAh") in facts(body)


def test_a_hyphenated_word_after_a_lead_is_no_link():
    body = "Its related-party supplier says the Moto G84 gets a 5,000mAh battery."
    assert ("Motorola Moto G84", "battery", "5000 mAh") in facts(body)


def test_a_link_in_brackets_ends_at_its_closing_bracket():
    body = (
        "Motorola will launch the Moto G84 soon (Also Read: Galaxy A16 review with a 50MP camera) "
        "and it is tipped to have a 5,000mAh battery."
    )
    found = facts(body)
    assert ("Motorola Moto G84", "battery", "5000 mAh") in found, found
    assert not any(v == "50 MP" for _s, _a, v in found), found


def test_also_check_and_dont_miss_lead_links_too():
    for lead in ("Also Check:", "Don't miss -"):
        body = (
            f"Motorola will launch the Moto G84 soon. {lead} Galaxy A16 review with a 50MP camera\n"
            "It is tipped to have a 5,000mAh battery."
        )
        found = facts(body)
        assert ("Motorola Moto G84", "battery", "5000 mAh") in found, (lead, found)
        assert not any(v == "50 MP" for _s, _a, v in found), (lead, found)


def test_a_lead_word_inside_a_hyphenated_word_is_no_link():
    body = "The Moto G84 has a battery-related: 5,000mAh cell, we hear."
    assert ("Motorola Moto G84", "battery", "5000 mAh") in facts(body)
