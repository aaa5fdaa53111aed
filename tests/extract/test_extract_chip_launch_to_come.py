"""A chip's launch still to come ("the Dimensity 9400, which is expected to be announced next
month") dates the chip, not the phone that will use it; the phone's own launch date stays."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2024-09-10"


def test_a_chip_expected_to_be_announced_dates_no_phone_launch():
    body = (
        "The Oppo Find X8 will arrive in China on October 24. "
        "The phone will run the Dimensity 9400, which is expected to be announced by MediaTek later this month."
    )
    assert values_of(body, "launch_date", PUBLISHED) == {("Oppo Find X8", "2024-10-24")}


def test_a_soc_to_be_unveiled_after_a_comma_dates_no_phone_launch():
    body = (
        "The Vivo X200 showed up in a benchmark database with the Dimensity 9400 SoC, that should be "
        "unveiled later this month, hinting at its speed."
    )
    assert values_of(body, "launch_date", PUBLISHED) == set()


def test_the_phone_expected_to_be_unveiled_keeps_its_date():
    body = "The Oppo Find X8, which should be unveiled next month, will use the Dimensity 9400."
    assert values_of(body, "launch_date", PUBLISHED) == {("Oppo Find X8", "2024-10")}
