"""'It succeeds... the chip is the successor to the Exynos 2200': a value after 'successor to' or 'an
upgrade over' is the older part compared, not the phone's. Own sentences, no text of any real
article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_chip_after_successor_to_is_no_chip_of_the_phone():
    found = values_of(
        "The Galaxy S24 runs on the Exynos 2400. The chip is the successor to the previous-generation Exynos 2200.",
        "chipset",
    )
    assert found == {("Samsung Galaxy S24", "Exynos 2400")}, found


def test_a_battery_after_upgrade_over_is_no_battery_of_the_phone():
    found = values_of(
        "The Galaxy S24 packs a 4,000mAh cell, a modest upgrade over the 3,900mAh unit of old.",
        "battery",
    )
    assert found == {("Samsung Galaxy S24", "4000 mAh")}, found
