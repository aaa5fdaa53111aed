"""More variant words after a model number ('Slim', 'Smart', 'RSR'), and 'Turbo' as a series word
before one ("Redmi Turbo 4"): the phone named keeps its whole name, and a 'Turbo' after a number
stays a variant ("Redmi Note 12 Turbo")."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def _owner(body: str) -> set[str]:
    return {subject for subject, _value in values_of(body, "battery")}


def test_slim_smart_and_rsr_models_keep_their_names():
    assert _owner("The Galaxy S26 Slim packs a 4,000mAh battery.") == {"Samsung Galaxy S26 Slim"}
    assert _owner("The Honor 400 Smart packs a 5,200mAh battery.") == {"Honor 400 Smart"}
    assert _owner("The Honor Magic 8 RSR packs a 5,800mAh battery.") == {"Honor Magic 8 RSR"}


def test_turbo_leads_a_series_and_ends_a_variant():
    assert _owner("The Redmi Turbo 5 Pro packs a 7,000mAh battery.") == {"Xiaomi Redmi Turbo 5 Pro"}
    assert _owner("The Redmi Note 15 Turbo packs a 6,000mAh battery.") == {"Xiaomi Redmi Note 15 Turbo"}
