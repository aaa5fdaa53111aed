"""A phone named after a comparison word with a describing word or two between ("succeeds the
popular X", "than the hugely successful X") is still the compared phone: 'it' in the sentences
after is the new phone, not the old one. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def facts(body: str) -> set[tuple[str, str, str]]:
    return own_sentences.facts(body, "2025-03-01")


def test_a_described_predecessor_does_not_take_the_new_phones_specs():
    body = (
        "The Galaxy A56 succeeds the hugely popular Galaxy A55 from Samsung. "
        "The smartphone features a metal frame. It sports a 6.7-inch AMOLED panel."
    )
    found = facts(body)
    assert ("Samsung Galaxy A56", "display_size", "6.7 in") in found, found
    assert not any(subject == "Samsung Galaxy A55" for subject, _a, _v in found), found


def test_one_describing_word_after_the_determiner_keeps_the_comparison():
    found = facts("The Redmi Note 14 replaces the popular Redmi Note 13. It packs a 5,500mAh battery.")
    assert ("Xiaomi Redmi Note 14", "battery", "5500 mAh") in found, found
    assert not any("Note 13" in subject for subject, _a, _v in found), found
