"""A model number written with its maker's name ("with model number Oppo PKX110") is still the
phone's model number: an alias of the phone named before it."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_model_number_after_the_makers_name_is_an_alias():
    body = "The Oppo Find X9, with model number Oppo PKX110, has been spotted on a benchmark site."
    assert values_of(body, "alias") == {("Oppo Find X9", "PKX110")}


def test_a_model_number_without_the_makers_name_still_is_one():
    body = "The Oppo Find X9, with model number PKX110, has been spotted on a benchmark site."
    assert values_of(body, "alias") == {("Oppo Find X9", "PKX110")}
