""" "the 4G variant", "the 5G model": a network word with a reference noun after it is the member of
the family in force that carries that word; without the noun ("the 5G network") it refers to no
phone. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences

PAIR = "Samsung will sell the Galaxy A72 5G and the Galaxy A72 4G side by side. "


def test_the_4g_variant_takes_its_own_price():
    body = PAIR + "The Galaxy A72 5G variant could cost $500, while the 4G variant could start at $450."
    assert own_sentences.values_of(body, "price", "2021-02-01") == {
        ("Samsung Galaxy A72 5G", "USD 500"),
        ("Samsung Galaxy A72 4G", "USD 450"),
    }


def test_the_5g_model_leads_a_sentence_of_its_own():
    body = PAIR + "The 4G model is said to pack a 4,500mAh cell. The 5G model gets a 5,000mAh one."
    assert own_sentences.values_of(body, "battery", "2021-02-01") == {
        ("Samsung Galaxy A72 4G", "4500 mAh"),
        ("Samsung Galaxy A72 5G", "5000 mAh"),
    }


def test_the_5g_network_is_no_phone():
    body = PAIR + "The Galaxy A72 4G misses the 5G network but gets a 5,000mAh battery."
    assert own_sentences.values_of(body, "battery", "2021-02-01") == {("Samsung Galaxy A72 4G", "5000 mAh")}
