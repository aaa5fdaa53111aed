"""A charging figure whose own noun comes first ("45W fast charging and wireless charging") is the
wired figure: the "wireless" after the conjunction names another feature, given no figure here."""

from __future__ import annotations

from tests.extract.own_sentences import facts


def test_fast_charging_and_wireless_charging_keeps_the_figure_wired():
    body = (
        "The Honor Magic 6 Pro is tipped to get a 5,600mAh cell with 80W fast charging and wireless charging."
    )
    got = facts(body)
    assert ("Honor Magic 6 Pro", "wired_charging", "80 W") in got
    assert not {f for f in got if f[1] == "wireless_charging"}


def test_charging_plus_wireless_support_keeps_the_figure_wired():
    body = "The Honor Magic 6 Pro offers 66W charging, plus wireless support."
    assert {f for f in facts(body) if "charging" in f[1]} == {("Honor Magic 6 Pro", "wired_charging", "66 W")}


def test_a_wireless_figure_stays_wireless():
    body = "The Honor Magic 6 Pro supports 50W wireless charging and reverse charging."
    assert {f for f in facts(body) if "charging" in f[1]} == {
        ("Honor Magic 6 Pro", "wireless_charging", "50 W")
    }
