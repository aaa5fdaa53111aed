"""A series noun joined to the model by a hyphen ('its 15-series phones') names the series, as
with a space; the maker does not take the series' launch. Own sentences, no real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts


def test_a_hyphenated_series_takes_its_launch_date():
    found = facts(
        "Xiaomi has confirmed that its 15-series smartphones will launch globally on March 2.", "2025-02-20"
    )
    assert found == {("Xiaomi 15 series", "launch_date", "2025-03-02")}, found
