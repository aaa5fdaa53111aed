"""Mechanisms that must hold on articles nobody here has seen: names glued to their family word,
the topic kept through prepositional mentions, per-model references, "respectively", aliases,
bare camera bullets, spec lists without a name, deals and comparison articles. Own sentences only."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2023-03-01"):
    return extract(Article(id="g", body=body, published=published, published_basis="header"))


def facts(body: str, published: str | None = "2023-03-01") -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published)}


def subjects_of(body: str, attribute: str, published: str | None = "2023-03-01") -> set[str]:
    return {c.subject for c in claims_of(body, published) if c.attribute == attribute}


def test_family_word_glued_to_the_number_is_a_name():
    found = facts("Oppo has launched the Reno10 Pro in China. The Reno10 Pro has a 4,600mAh battery.")
    assert any(s.endswith("Reno10 Pro") and a == "battery" and v == "4600 mAh" for s, a, v in found)


def test_a_name_after_a_preposition_does_not_take_the_topic():
    body = ("The Motorola Edge 40 uses a new 50MP sensor, which doubles the light intake of the Motorola Edge 30’s "
            "camera. Under the hood is a Dimensity 8020 with 8GB of RAM. The battery is 4,400mAh.")
    assert subjects_of(body, "battery") == {"Motorola Edge 40"}
    assert subjects_of(body, "chipset") == {"Motorola Edge 40"}


def test_a_name_after_like_a_shrunken_does_not_take_the_topic():
    body = ("The Galaxy A54 looks like a shrunken Galaxy S23. It has a 5,000mAh battery.")
    assert subjects_of(body, "battery") == {"Samsung Galaxy A54"}
