"""'The bundled chargers can output 33W. They also support 65W over USB PD': a leading 'they' after a
sentence about plural products that are no phones (chargers, earbuds) stands for them, not for the
phone or series the article is about. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_they_after_chargers_is_no_phone():
    found = values_of(
        "The Galaxy S25 series will launch soon. The Galaxy S25 will support 25W charging. "
        "The certified chargers can output 15W and 25W. They also support 65W via USB PD.",
        "wired_charging",
    )
    assert ("Samsung Galaxy S25", "65 W") not in found, found
    assert not any(subject.endswith("series") for subject, _ in found), found


def test_they_after_phones_is_still_the_phones():
    found = values_of(
        "The Galaxy S25 and Galaxy S25+ will launch soon. They will support 45W charging.",
        "wired_charging",
    )
    assert found == {("Samsung Galaxy S25", "45 W"), ("Samsung Galaxy S25+", "45 W")}, found
