"""'Android 14 with HIOS 14': a skin written in capitals is still that skin, named as its maker
spells it. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_skin_in_capitals_is_the_skin():
    found = values_of("The Tecno Spark 30 runs Android 14 with HIOS 14 on top.", "ui", "2024-09-01")
    assert found == {("Tecno Spark 30", "HiOS 14")}, found


def test_a_two_word_skin_in_capitals_keeps_its_canonical_name():
    found = values_of("The Realme 14 Pro ships with REALME UI 6 out of the box.", "ui", "2025-01-20")
    assert found == {("Realme 14 Pro", "Realme UI 6")}, found
