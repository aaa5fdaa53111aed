"""'They' and 'these phones' right after a sentence that named several phones together refer to
all of them, not only to the last one named. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def chip_owners(body: str) -> set[str]:
    return {subject for subject, _value in values_of(body, "chipset", "2025-05-20")}


def test_they_after_two_phones_named_together_is_both():
    owners = chip_owners(
        "The Galaxy S26 and Galaxy S26 Ultra will launch in January. They are said to use the Exynos 2600."
    )
    assert owners == {"Samsung Galaxy S26", "Samsung Galaxy S26 Ultra"}, owners


def test_these_phones_after_a_list_is_every_phone_of_it():
    owners = chip_owners(
        "Samsung will launch the Galaxy S26, the Galaxy S26+ and the Galaxy S26 Ultra in January. "
        "These phones are tipped to run on the Exynos 2600."
    )
    assert owners == {"Samsung Galaxy S26", "Samsung Galaxy S26+", "Samsung Galaxy S26 Ultra"}, owners


def test_they_after_a_comparison_stays_with_the_phone():
    owners = chip_owners(
        "The Galaxy S26 Ultra beats the Galaxy S25 Ultra. They are said to use the Exynos 2600."
    )
    assert owners == {"Samsung Galaxy S26 Ultra"}, owners
