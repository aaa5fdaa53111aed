"""'33w fast charging': a charging figure with a lower-case 'w' glued on is watts, as '33W' is;
a spaced lower-case 'w' stays no unit. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_a_glued_lower_case_w_is_a_wired_charging_figure():
    found = values_of("The Poco X6 gets a 5,100mAh cell with 45w fast charging.", "wired_charging")
    assert found == {("Xiaomi Poco X6", "45 W")}, found


def test_a_glued_lower_case_w_is_a_wireless_charging_figure():
    found = values_of("The Poco X6 also takes 10w wireless charging.", "wireless_charging")
    assert found == {("Xiaomi Poco X6", "10 W")}, found


def test_a_spaced_lower_case_w_is_no_unit():
    found = values_of("The Poco X6 charging test ran 45 w in the lab.", "wired_charging")
    assert found == set(), found
