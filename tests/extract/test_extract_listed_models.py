"""'the X, Y and Z models': a plural noun after the last of several names counts the models
named; it does not make the last one a series ('the Pixel 9 models' after one name still names
the series). Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def chip_owners(body: str) -> set[str]:
    return {subject for subject, _value in values_of(body, "chipset", "2025-05-20")}


def test_models_after_a_list_of_names_is_no_series():
    owners = chip_owners("The Galaxy S26 and Galaxy S26 Ultra models will use the Exynos 2600 chip.")
    assert owners == {"Samsung Galaxy S26", "Samsung Galaxy S26 Ultra"}, owners


def test_models_after_one_name_is_its_series():
    assert chip_owners("The Galaxy S26 models will use the Exynos 2600 chip.") == {
        "Samsung Galaxy S26 series"
    }
