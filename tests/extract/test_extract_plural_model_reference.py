""" "the vanilla models", "the standard versions": a plural reference noun after a model-reference
adjective refers to that member of the family like the singular does ("the vanilla model").
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract import own_sentences

FAMILY = "The Tecno Spark 50 series will include a base Tecno Spark 50, a Spark 50 Pro and a Tecno Spark 50 Premier. "


def test_the_vanilla_models_is_the_base_member():
    body = FAMILY + "The Tecno Spark 50 Pro and the vanilla models will get a 6.7-inch AMOLED screen."
    assert own_sentences.values_of(body, "display_size", "2025-02-15") == {
        ("Tecno Spark 50 Pro", "6.7 in"),
        ("Tecno Spark 50", "6.7 in"),
    }


def test_the_standard_versions_lead_a_sentence_of_their_own():
    body = FAMILY + "The standard versions are said to pack a 5,200mAh cell."
    assert own_sentences.values_of(body, "battery", "2025-02-15") == {("Tecno Spark 50", "5200 mAh")}
