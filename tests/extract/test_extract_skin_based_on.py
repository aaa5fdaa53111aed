"""A skin named without its version is the phone's when 'based on' Android follows it, also after
a closing quote or a comma ('"HyperOS" based on Android 15', 'One UI, based on Android 15').
Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def skins(body: str) -> set[tuple[str, str]]:
    return values_of(body, "ui", "2025-02-20")


def test_a_quoted_skin_based_on_android_is_the_phones():
    found = skins('The Xiaomi 15 runs Xiaomi\'s new "HyperOS" based on Android 15.')
    assert found == {("Xiaomi 15", "HyperOS")}, found


def test_a_skin_then_a_comma_and_based_on_is_the_phones():
    found = skins("The Galaxy A56 ships with One UI, based on Android 15.")
    assert found == {("Samsung Galaxy A56", "One UI")}, found


def test_a_skin_named_for_itself_is_no_claim():
    assert skins("HyperOS's new launcher is based on a grid of widgets.") == set()


def test_a_skin_called_a_ui_or_skin_before_based_on_is_the_phones():
    found = skins("The Nord CE 5 will run the OxygenOS UI based on the Android 15 operating system.")
    assert found == {("OnePlus Nord CE 5", "OxygenOS")}, found
    found = skins("The Galaxy A56 gets the One UI skin based on Android 15.")
    assert found == {("Samsung Galaxy A56", "One UI")}, found
