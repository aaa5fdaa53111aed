"""'the not-so-fresh Snapdragon 7 Gen 1': a 'not' joined by hyphens to the adjective after it makes
an adjective, no denial; 'not the 108MP sensor' still denies. Own sentences, no text of any real
article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of


def _statuses(body: str, attribute: str) -> set[tuple[str, str]]:
    return {(c.value, c.status) for c in claims_of(body, "2024-03-01") if c.attribute == attribute}


def test_a_hyphenated_not_is_no_denial():
    found = _statuses(
        "Samsung has launched the Galaxy A35. Powering the Galaxy A35 is the not-so-fresh Exynos 1380 chip.",
        "chipset",
    )
    assert found == {("Exynos 1380", "confirmed")}, found


def test_a_plain_not_still_denies():
    found = _statuses(
        "Samsung has launched the Galaxy A35. The Galaxy A35 uses the Exynos 1380, not the Exynos 1480.",
        "chipset",
    )
    assert ("Exynos 1480", "denied") in found, found
