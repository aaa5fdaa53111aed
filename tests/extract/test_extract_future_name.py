"""The name a phone is to carry ("the X may reach Europe as the Y", "it was once said to be named
the Y") is an alias of the phone, named or referred to, and the other name takes none
of the sentence's values."""

from __future__ import annotations

from tests.extract.own_sentences import facts, values_of


def test_a_reference_said_to_debut_as_another_name():
    body = (
        "Redmi has teased the Redmi K70 for a January debut. "
        "The handset is said to debut internationally as the Poco F6 Pro."
    )
    assert values_of(body, "alias") == {("Xiaomi Redmi K70", "Xiaomi Poco F6 Pro")}


def test_it_believed_to_be_named_another_name():
    body = (
        "There were many leaks about the Honor 400 before its launch. "
        "For a while it was believed to be named the Honor 300 Ultra."
    )
    assert values_of(body, "alias") == {("Honor 400", "Honor 300 Ultra")}


def test_a_named_phone_expected_to_arrive_as_another_name_keeps_the_values():
    body = "The Realme 14 Pro is expected to arrive in India as the Realme P3 Pro with a 6,000mAh battery."
    got = facts(body)
    assert ("Realme 14 Pro", "alias", "Realme P3 Pro") in got
    assert values_of(body, "battery") == {("Realme 14 Pro", "6000 mAh")}


def test_launching_as_the_first_phone_of_a_kind_is_no_name():
    body = "The Realme 14 Pro is expected to launch as the first phone with a cold-sensitive colour change."
    assert values_of(body, "alias") == set()


def test_a_name_that_goes_on_into_a_noun_phrase_is_no_new_name():
    lead = "Samsung is readying the Galaxy S25 FE. "
    for sentence in (
        "It will launch as the Galaxy S25 series' most affordable model.",
        "It is expected to launch as the Galaxy S24 FE successor.",
        "The phone will arrive as the Galaxy S24 FE's successor.",
    ):
        assert values_of(lead + sentence, "alias") == set(), sentence


def test_the_phones_own_name_with_a_network_suffix_is_no_alias():
    body = "Samsung is readying the Galaxy S25 FE. It will launch in India as the Galaxy S25 FE 5G."
    assert values_of(body, "alias") == set()
