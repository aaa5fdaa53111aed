"""'128GB of storage that can be expanded up to 2TB': the card's amount after an expansion word is
no storage of the phone, also when no storage word follows the amount (it took the role from the
sentence's word 'storage'). Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_an_expandable_amount_without_its_own_role_word_is_no_storage():
    found = values_of(
        "The Redmi 13C ships with 6GB RAM and 128GB storage which can be further expanded up to 2TB.",
        "storage",
    )
    assert found == {("Xiaomi Redmi 13C", "128 GB")}, found


def test_a_large_amount_in_a_storage_sentence_is_still_storage():
    found = values_of(
        "The Redmi 13C comes in a 1TB storage variant as well.",
        "storage",
    )
    assert found == {("Xiaomi Redmi 13C", "1 TB")}, found
