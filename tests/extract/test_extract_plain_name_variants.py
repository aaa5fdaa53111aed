"""A catalogue name without a number ("Pixel Fold", "Redmi Note") followed by capitalised variant
words ("Pixel Fold Pro", "Redmi Note Explorer Edition") names the longer phone, not the shorter
catalogue one: a rival compared in passing ("beating the X Discovery Edition that ...")
then keeps its relative clause's values. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences


def test_variant_words_after_a_plain_name_make_the_longer_phone():
    found = own_sentences.facts("The Google Pixel Fold Pro is said to pack a 5,000mAh battery.", "2024-01-05")
    assert found == {("Google Pixel Fold Pro", "battery", "5000 mAh")}, found


def test_a_compared_rival_with_variant_words_keeps_its_relative_clause():
    body = "The OnePlus 12 tops the charts, beating the Redmi Note Discovery Edition that refills at 210W."
    found = own_sentences.facts(body, "2023-11-05")
    assert ("OnePlus 12", "wired_charging", "210 W") not in found, found


def test_the_plain_name_alone_is_unchanged():
    found = own_sentences.facts("The Google Pixel Fold has a 4,821mAh battery.", "2024-01-05")
    assert found == {("Google Pixel Fold", "battery", "4821 mAh")}, found
