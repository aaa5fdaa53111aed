"""A single letter joined by a hyphen to the word before it ("USB-C.", "Type-C.") is no initial: its
dot ends the sentence, so the next sentence is quoted and read on its own. Own sentences, no text
of any real article."""

from __future__ import annotations

from bot.extract.sentences import split_sentences
from tests.extract import own_sentences


def test_a_hyphenated_letter_before_a_dot_ends_its_sentence():
    body = "The Pixel 9 charges over USB-C. Its rival gets a bigger cell."
    assert [body[s:e] for s, e, _ in split_sentences(body)] == [
        "The Pixel 9 charges over USB-C.",
        "Its rival gets a bigger cell.",
    ]


def test_an_initial_still_does_not_end_a_sentence():
    body = "Analyst J. Doe expects the phone in May."
    assert [body[s:e] for s, e, _ in split_sentences(body)] == [body]


def test_the_claim_after_it_quotes_its_own_sentence():
    body = "The Google Pixel 9 uses USB-C. Leakers say it has a 4,700mAh battery."
    quotes = {c.quote for c in own_sentences.claims_of(body, "2024-08-20") if c.attribute == "battery"}
    assert quotes == {"Leakers say it has a 4,700mAh battery."}, quotes
