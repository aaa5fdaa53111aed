"""'a MediaTek Dimensity 7300 Energy chip': the makers' editions of a Dimensity chip ('Ultimate',
'Energy', as 'Ultra' and 'Max') are part of its name. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_an_energy_edition_is_part_of_the_chip_name():
    found = values_of("The Moto G86 runs on a MediaTek Dimensity 7300 Energy chip.", "chipset")
    assert found == {("Motorola Moto G86", "Dimensity 7300 Energy")}, found


def test_an_ultimate_edition_is_part_of_the_chip_name():
    found = values_of("The Moto G86 runs on a MediaTek Dimensity 7300 Ultimate chip.", "chipset")
    assert found == {("Motorola Moto G86", "Dimensity 7300 Ultimate")}, found
