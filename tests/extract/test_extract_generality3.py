"""Third round of general mechanisms, each on own sentences: names written longer or in another
case than the catalogue's, launches reported of a referred-to phone, flattened comparison tables,
siblings' values, month-and-year launch phrases, model numbers. No text of any real article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article
from tests.extract.own_sentences import claims_of, facts


def test_a_capitalised_family_word_typed_with_one_capital_is_the_family():
    found = facts("The iQoo 9 packs a 4,700mAh battery, and the Iqoo 10 gets a 4,800mAh one.", "2022-08-01")
    assert ("vivo iQOO 9", "battery", "4700 mAh") in found, found
    assert ("vivo iQOO 10", "battery", "4800 mAh") in found, found


def test_play_after_the_model_is_part_of_the_name():
    body = (
        "Tecno is bringing the Tecno Spark 9 Play to Kenya next week. "
        "Its Spark 9 Play packs a 5,000mAh battery and a 6.6-inch screen."
    )
    found = facts(body, "2022-08-01")
    assert ("Tecno Spark 9 Play", "battery", "5000 mAh") in found, found
    assert not any(s == "Tecno Spark 9" for s, _a, _v in found), found


def test_a_launch_reported_of_the_phone_referred_to_confirms_its_specs():
    body = (
        "A report says Motorola will bring the Moto G99 Play to Europe on June 20. "
        "The handset was already introduced in Brazil and it ships with Android 14. "
        "It packs a 6.5-inch display and a 5,000mAh battery."
    )
    claims = claims_of(body, "2024-06-01")
    status = {(c.attribute, c.value): c.status for c in claims if c.subject == "Motorola Moto G99 Play"}
    assert status.get(("os", "Android 14")) == "confirmed", claims
    assert status.get(("battery", "5000 mAh")) == "confirmed", claims


def test_a_launch_still_to_come_of_the_phone_referred_to_keeps_its_specs_rumored():
    body = (
        "A report says Motorola will bring the Moto G99 Play to Europe on June 20. "
        "It will be introduced with Android 14 and a 5,000mAh battery."
    )
    status = {
        (c.attribute, c.value): c.status for c in claims_of(body) if c.subject == "Motorola Moto G99 Play"
    }
    assert status.get(("battery", "5000 mAh")) == "rumored", status


GLUED_TABLE = (
    "Samsung is expected to unveil the Galaxy A55 soon. Here is how it compares.\n\n"
    "Galaxy A55 (leaked)Galaxy A54\n"
    "Price$479$449\n"
    "Display6.7 inches6.4 inches\n"
    "ChipsetExynos 1480Exynos 1380\n"
    "Selfie camera32MP12MP\n"
    "BatteryTBA5,000mAh\n"
    "Charging45W25W\n\n"
    "We will know more at launch."
)


def test_a_run_together_table_gives_each_cell_to_its_column_phone():
    found = facts(GLUED_TABLE, "2024-02-01")
    assert ("Samsung Galaxy A55", "display_size", "6.7 in") in found, found
    assert ("Samsung Galaxy A54", "display_size", "6.4 in") in found, found
    assert ("Samsung Galaxy A55", "chipset", "Exynos 1480") in found, found
    assert ("Samsung Galaxy A54", "chipset", "Exynos 1380") in found, found
    assert ("Samsung Galaxy A55", "front_camera", "32 MP") in found, found
    assert ("Samsung Galaxy A54", "front_camera", "12 MP") in found, found
    assert ("Samsung Galaxy A54", "battery", "5000 mAh") in found, found
    assert ("Samsung Galaxy A55", "battery", "5000 mAh") not in found, found
    assert ("Samsung Galaxy A55", "wired_charging", "45 W") in found, found
    assert ("Samsung Galaxy A54", "wired_charging", "25 W") in found, found


def test_a_run_together_table_header_cue_is_its_column_s_only():
    status = {(c.subject, c.attribute): c.status for c in claims_of(GLUED_TABLE, "2024-02-01")}
    assert status[("Samsung Galaxy A55", "wired_charging")] == "rumored"
    assert status[("Samsung Galaxy A54", "wired_charging")] == "confirmed"


def test_siblings_named_in_one_sentence_keep_their_own_values():
    body = (
        "Leaked figures cover the Galaxy S40 range. The entry Galaxy S40 is tipped for a 4,100mAh "
        "cell, a step up from the old model, whereas the Galaxy S40+ moves up to 4,900mAh and the "
        "Ultra tops the range at 5,200mAh."
    )
    found = facts(body, "2029-10-01")
    assert ("Samsung Galaxy S40", "battery", "4100 mAh") in found, found
    assert ("Samsung Galaxy S40 Ultra", "battery", "5200 mAh") in found, found
    assert ("Samsung Galaxy S40+", "battery", "4900 mAh") in found, found
    assert not {("Samsung Galaxy S40", "battery", v) for v in ("5200 mAh", "4900 mAh")} & found, found


def test_a_variant_named_alone_later_is_the_family_s_variant():
    body = (
        "The Xiaomi 19 and Xiaomi 19 Pro are tipped for a December launch. "
        "The Ultra is expected to follow with a 6,000mAh battery."
    )
    found = facts(body, "2029-10-01")
    assert ("Xiaomi 19 Ultra", "battery", "6000 mAh") in found, found
    assert ("Xiaomi 19 Pro", "battery", "6000 mAh") not in found, found


def test_a_value_supported_on_a_phone_named_after_it_is_that_phone_s():
    body = (
        "Certification papers name the OnePlus 19, OnePlus 19R and OnePlus 19 Pro. "
        "The papers show 80W charging support on the regular OnePlus 19, as on the OnePlus 18."
    )
    found = facts(body, "2029-09-15")
    assert ("OnePlus 19", "wired_charging", "80 W") in found, found
    assert ("OnePlus 19 Pro", "wired_charging", "80 W") not in found, found


def test_it_after_a_series_in_its_sentence_is_the_series():
    body = (
        "The Pixel 12 Pro packs a 5,100mAh battery. "
        "Google has said nothing about the Pixel 14 series so far, but one leaker claims it will "
        "arrive in August next year."
    )
    found = facts(body, "2029-09-15")
    assert ("Google Pixel 12 Pro", "launch_date", "2030-08") not in found, found
    assert any(s.startswith("Google Pixel 14") and a == "launch_date" and v == "2030-08" for s, a, v in found)


def test_model_numbers_listed_respectively_are_aliases_of_each_phone():
    body = (
        "A certification site lists the Galaxy S30, Galaxy S30+ and Galaxy S30 Ultra under the "
        "model numbers SM-S9310, SM-S9360 and SM-S9380 respectively. "
        "The SM-S9380 is said to have a 5,000mAh battery."
    )
    claims = claims_of(body, "2029-09-15")
    aliases = {(c.subject, c.value, c.status) for c in claims if c.attribute == "alias"}
    assert ("Samsung Galaxy S30", "SM-S9310", "rumored") in aliases, aliases
    assert ("Samsung Galaxy S30+", "SM-S9360", "rumored") in aliases, aliases
    assert ("Samsung Galaxy S30 Ultra", "SM-S9380", "rumored") in aliases, aliases
    assert not any("SM-" in c.subject for c in claims), claims


def test_a_model_number_after_a_phone_in_its_clause_is_its_alias():
    body = (
        "The OnePlus 19 is listed as model number PKX110, whereas the OnePlus 19R goes by CPH2699 "
        "in the same database."
    )
    aliases = {(c.subject, c.value) for c in claims_of(body, "2029-09-15") if c.attribute == "alias"}
    assert aliases == {("OnePlus 19", "PKX110"), ("OnePlus 19R", "CPH2699")}, aliases


def test_a_wattage_of_a_wireless_charging_clause_is_wireless():
    found = facts("The Pixel 12 gets Qi2 wireless charging which delivers 23W speeds.", "2029-09-15")
    assert ("Google Pixel 12", "wireless_charging", "23 W") in found, found
    assert ("Google Pixel 12", "wired_charging", "23 W") not in found, found


def test_all_three_models_are_the_family_named_before_when_no_three_were_named_together():
    body = (
        "The Xiaomi 21 series is coming next year. Meanwhile the Xiaomi 20 packs a 5,400mAh battery, "
        "whereas the Xiaomi 20 Pro packs a 5,500mAh one. The Xiaomi 20 Ultra houses a 6,000mAh battery. "
        "All three models support 50W wireless charging."
    )
    found = facts(body, "2029-09-15")
    for phone in ("Xiaomi 20", "Xiaomi 20 Pro", "Xiaomi 20 Ultra"):
        assert (phone, "wireless_charging", "50 W") in found, found
    assert not any(s.startswith("Xiaomi 21") and a == "wireless_charging" for s, a, _v in found), found


def test_a_catalogue_name_longer_than_the_model_pattern_reads_wins():
    found = facts(
        "Sony's Xperia Z5 Compact packs a 2,700mAh battery; the Samsung Galaxy S5 Active gets 2,800mAh.",
        "2016-01-10",
    )
    assert ("Sony Xperia Z5 Compact", "battery", "2700 mAh") in found, found
    assert ("Samsung Galaxy S5 Active", "battery", "2800 mAh") in found, found
    assert not any(s in ("Sony Xperia Z5", "Samsung Galaxy S5") for s, _a, _v in found), found


def test_a_skin_the_phone_runs_is_its_ui_without_a_version():
    found = facts(
        "Out of the box, the Oppo Find X10 ships with ColorOS. "
        "Oppo also showed HarmonyOS's rival features and says ColorOS's gallery app is new.",
        "2029-09-15",
    )
    assert ("Oppo Find X10", "ui", "ColorOS") in found, found
    assert not any(a == "ui" and v != "ColorOS" for _s, a, v in found), found
    assert len([1 for _s, a, _v in found if a == "ui"]) == 1, found


def test_to_be_revealed_on_a_date_is_a_launch_date():
    found = facts("The Zenfone 14 series should be revealed in Taipei on March 3.", "2029-01-20")
    assert ("Asus Zenfone 14 series", "launch_date", "2029-03-03") in found, found


def test_a_hedge_two_words_before_a_confirmation_word_hedges_it():
    claims = claims_of("The Nothing Phone (9) could possibly be announced on October 2.", "2029-09-15")
    status = {(c.attribute, c.value): c.status for c in claims}
    assert status.get(("launch_date", "2029-10-02")) not in (None, "confirmed"), claims


def test_a_value_found_in_the_current_phone_is_that_phone_s():
    body = (
        "A Snapdragon 8 Gen 3 is tipped for the Nokia X99, and reviewers liked the Snapdragon 8 Gen 1 "
        "found in the current Nokia X98."
    )
    found = facts(body, "2024-03-01")
    assert ("Nokia X99", "chipset", "Snapdragon 8 Gen 3") in found, found
    assert ("Nokia X99", "chipset", "Snapdragon 8 Gen 1") not in found, found


def test_values_similar_to_a_sibling_s_and_joined_to_them_are_not_the_phone_s():
    body = (
        "The Realme 30 is tipped to use a new Dimensity 8450 chip. Its 5G support is similar to "
        "the Dimensity 8350 and Dimensity 8400 chips."
    )
    chips = {v for _s, a, v in facts(body, "2029-09-15") if a == "chipset"}
    assert chips == {"Dimensity 8450"}, chips


def test_a_figure_for_selfies_is_the_front_camera():
    found = facts(
        "A 32-megapixel camera for selfies sits in the punch hole of the Redmi Note 19.", "2029-09-15"
    )
    assert any(a == "front_camera" and v == "32 MP" for _s, a, v in found), found


def test_an_apple_chip_named_without_its_edition_is_a_chipset():
    found = facts(
        "Apple's iPhone 19 will use Apple's next-generation A23 chip, and the iPhone 19e the older A21 "
        "chipset, while the Galaxy A23 processor stays the same.",
        "2029-03-01",
    )
    assert ("Apple iPhone 19", "chipset", "Apple A23") in found, found
    assert any(a == "chipset" and v == "Apple A21" for _s, a, v in found), found
    assert not any(s.startswith("Samsung") and a == "chipset" for s, a, _v in found), found
    old = facts("The iPhone 13 mini runs on the Apple A15 chipset.", "2021-10-01")
    assert ("Apple iPhone 13 mini", "chipset", "Apple A15 Bionic") in old, old


def test_a_model_number_in_a_sentence_naming_one_phone_after_it_is_that_phone_s():
    body = (
        "A benchmark lists model number 2409ABC1G with a Snapdragon 8s Gen 4; our guess is that this "
        "is the Poco F8."
    )
    aliases = {(c.subject, c.value) for c in claims_of(body, "2029-09-15") if c.attribute == "alias"}
    assert aliases == {("Xiaomi Poco F8", "2409ABC1G")}, aliases


def test_a_codename_given_with_the_phone_is_its_alias():
    body = "The Pixel 12a with the codename Marlin2 scored 1,500 points in a benchmark run."
    aliases = {(c.subject, c.value) for c in claims_of(body, "2029-09-15") if c.attribute == "alias"}
    assert ("Google Pixel 12a", "Marlin2") in aliases, aliases


def test_a_headline_saying_fully_revealed_reports_a_launch():
    article = Article(
        id="g3",
        title="Xperia 12 V Fully Revealed: 6.1-Inch Display, 5,000mAh Battery",
        body="Sony has lifted the lid on the Xperia 12 V. The Xperia 12 V packs a 5,000mAh battery.",
        published="2029-05-10",
        published_basis="header",
    )
    status = {(c.subject, c.attribute): c.status for c in extract(article)}
    assert status.get(("Sony Xperia 12 V", "battery")) == "confirmed", status


def test_phones_the_article_does_not_name_take_no_values_of_the_phone_it_is_about():
    body = (
        "Tecno will launch the Tecno Pova 9 in Nigeria next week. It is also working on two 5G "
        "smartphones for later this year. The two smartphones are said to cost over $300, and they "
        "should use MediaTek silicon. It is rumoured that both these smartphones pack the Dimensity "
        "7400. The Pova 9 packs a 6,000mAh battery."
    )
    found = facts(body, "2029-05-01")
    assert ("Tecno Pova 9", "battery", "6000 mAh") in found, found
    assert not any(a in ("price", "chipset") for _s, a, _v in found), found


def test_last_week_and_next_week_are_launch_months():
    launched = facts("Motorola launched the Moto Edge 70 in Brazil last week.", "2029-09-03")
    assert ("Motorola Moto Edge 70", "launch_date", "2029-08") in launched, launched
    coming = facts("Motorola will launch the Moto Edge 70 in Brazil next week.", "2029-09-27")
    assert ("Motorola Moto Edge 70", "launch_date", "2029-10") in coming, coming


def test_a_quoted_name_after_is_is_a_codename_only_where_code_names_are_spoken_of():
    body = (
        "In the firmware code, the Pixel 14 is “tigris” and the Pixel 14 Pro is “leo”. "
        "Our reviewer says the Pixel 13 is “stunning” in daylight."
    )
    aliases = {(c.subject, c.value) for c in claims_of(body, "2029-09-15") if c.attribute == "alias"}
    assert aliases == {("Google Pixel 14", "tigris"), ("Google Pixel 14 Pro", "leo")}, aliases


def test_a_launch_date_the_maker_confirms_in_the_next_sentence_is_confirmed():
    confirmed = claims_of(
        "The Xiaomi 20 Ultra arrives on May 12. Xiaomi has confirmed the launch in a blog post.",
        "2029-05-01",
    )
    assert {c.status for c in confirmed if c.attribute == "launch_date"} == {"confirmed"}, confirmed
    hedged = claims_of(
        "The Xiaomi 20 Ultra arrives on May 12. A tipster says the launch could slip.",
        "2029-05-01",
    )
    assert {c.status for c in hedged if c.attribute == "launch_date"} == {"rumored"}, hedged


def test_a_confirmation_of_another_launch_date_does_not_confirm_this_one():
    claims = claims_of(
        "The Xiaomi 20 Ultra will launch on May 12. Xiaomi has confirmed that the Xiaomi 20 Pro will "
        "launch on June 2.",
        "2029-05-01",
    )
    status = {(c.subject, c.value): c.status for c in claims if c.attribute == "launch_date"}
    assert status.get(("Xiaomi 20 Ultra", "2029-05-12")) == "rumored", status


def test_bank_offers_and_effective_prices_are_no_list_prices():
    body = (
        "The Nord CE9 costs ₹26,999 in India. Bank offers of up to ₹2,500 apply, and the Nord CE9 also "
        "gets a ₹1,500 bank discount, so its effective price starts at ₹24,999."
    )
    prices = {v for _s, a, v in facts(body, "2029-07-01") if a == "price"}
    assert prices == {"INR 26999"}, prices


def test_a_starting_price_of_a_base_model_and_its_variant_is_the_base_model_s():
    body = "In China, the Honor 300 and Honor 300 Pro are now on sale, with prices that start at CNY 2,999."
    prices = {(s, v) for s, a, v in facts(body, "2029-07-01") if a == "price"}
    assert prices == {("Honor 300", "CNY 2999")}, prices
