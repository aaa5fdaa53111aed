"""A reference that speaks of a phone still to come ("the upcoming phone", "the new handset"),
said while the sentences were about an older phone the article reports launched, is the phone the
article is about, not the older one."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2024-09-01"


def test_the_upcoming_phone_after_a_launched_predecessor_is_the_new_one():
    body = (
        "The Honor Magic 7 Pro is coming soon. The Honor Magic 6 Pro, which launched last year, "
        "featured a 5,600mAh battery. The upcoming phone is tipped to get a 5,850mAh cell."
    )
    assert values_of(body, "battery", PUBLISHED) == {
        ("Honor Magic 6 Pro", "5600 mAh"),
        ("Honor Magic 7 Pro", "5850 mAh"),
    }


def test_a_plain_reference_after_the_launched_phone_stays_with_it():
    body = (
        "The Honor Magic 7 Pro is coming soon. The Honor Magic 6 Pro, which launched last year, "
        "featured a 5,600mAh battery. The phone also had a 6.8-inch screen."
    )
    assert values_of(body, "display_size", PUBLISHED) == {("Honor Magic 6 Pro", "6.8 in")}
