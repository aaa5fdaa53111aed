"""A sentence that opens on a condition about what the phone is ("If this is indeed a renamed X,
...", "If that is the case, ...") gives speculated specs, even right after an official
confirmation of something else. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def statuses(body: str) -> dict[str, str]:
    return {c.attribute: c.status for c in claims_of(body, "2025-05-20")}


def test_specs_under_a_condition_on_the_phones_identity_are_speculated():
    found = statuses(
        "The Galaxy M56 landing page is now live on Amazon, confirming the launch on June 2. "
        "If this is indeed a renamed Galaxy F56, the Galaxy M56 will feature an Exynos 1480 chip."
    )
    assert found["chipset"] == "speculated", found
    assert found["launch_date"] == "confirmed", found


def test_if_that_is_the_case_hedges_like_if_true():
    found = statuses(
        "The Galaxy M56 may be a renamed Galaxy F56. If that is the case, the Galaxy M56 will "
        "feature an Exynos 1480 chip."
    )
    assert found["chipset"] == "speculated", found
