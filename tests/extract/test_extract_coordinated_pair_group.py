"""'Orders for the X and Y grew. The company launched the devices on ...': two phones joined by
'and' are the pair a plural reference after them stands for, also where they follow a preposition
(they had only counted as a group in the sentence's subject); the value had gone to one of them.
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_devices_after_a_pair_in_object_position_are_both():
    found = values_of(
        "Honor saw strong demand for the Honor 200 and Honor 200 Pro this month. "
        "The phones come with 12GB of RAM.",
        "ram",
    )
    assert found == {("Honor 200", "12 GB"), ("Honor 200 Pro", "12 GB")}, found


def test_the_pair_said_together_wins_over_a_name_apart():
    found = values_of(
        "Next to last year's pair (Honor 100 and Honor 100 Pro), Honor drew twice the orders for "
        "the Honor 200 and Honor 200 Pro. The handsets pack 5,200mAh batteries.",
        "battery",
    )
    assert found == {("Honor 200", "5200 mAh"), ("Honor 200 Pro", "5200 mAh")}, found
