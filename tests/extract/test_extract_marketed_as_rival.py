"""'The X was marketed as the Y's rival': a possessive after the name that follows 'marketed as'
names something of the Y (its rival, its successor), not another name of the X, and the X keeps
its own values. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts


def test_a_possessive_after_marketed_as_is_no_other_name():
    found = facts(
        "The Redmi Note 15 arrives next week. The Redmi Note 15 was marketed as the Galaxy A26’s rival. "
        "It packs a 5,500mAh battery.",
        "2025-06-01",
    )
    assert ("Xiaomi Redmi Note 15", "battery", "5500 mAh") in found, found
    assert not any(a == "alias" for _s, a, _v in found), found


def test_sold_as_the_rivals_competitor_keeps_the_phones_values():
    found = facts(
        "The Nord CE 5 was sold as the Nothing Phone 3a's competitor. The Nord CE 5 has a 6.7-inch display.",
        "2025-06-01",
    )
    assert found == {("OnePlus Nord CE 5", "display_size", "6.7 in")}, found


def test_a_closing_quote_after_the_other_name_is_no_possessive():
    found = facts(
        "The Redmi K70 is here. The Redmi K70 will be launched as the ‘Poco F6 Pro’ in India. It has a 5,000mAh battery.",
        "2024-05-01",
    )
    assert ("Xiaomi Poco F6 Pro", "alias", "Xiaomi Redmi K70") in found, found
