"""'a 6.6-inch sAMOLED screen': the short form of Super AMOLED is an AMOLED panel. Own sentences, no
text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_samoled_is_an_amoled_panel():
    found = values_of("The Galaxy M35 features a 6.6-inch sAMOLED screen.", "display_type")
    assert found == {("Samsung Galaxy M35", "AMOLED")}, found
