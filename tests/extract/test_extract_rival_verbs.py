"""A phone named as the object of a rivalry or succession verb ("will challenge the X", "undercuts
the X", "follows the X", "locks horns with the X", "goes head-to-head with the X") is compared:
"the phone" in the sentences after it stays the phone the sentence is about."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2024-09-01"


def test_the_phone_after_a_rival_verb_is_the_subject():
    lead = "Honor is readying a new flagship. The Honor Magic 7 Pro "
    for verb in (
        "will challenge",
        "will undercut",
        "follows",
        "will lock horns with",
        "will go head-to-head with",
    ):
        body = lead + verb + " the Galaxy S24 Ultra. The phone may get a 5,850mAh cell."
        assert values_of(body, "battery", PUBLISHED) == {("Honor Magic 7 Pro", "5850 mAh")}, verb
