"""Sixth round of general mechanisms, each on own sentences: a maker's model-line word between
its name and the number ("Lava Agni 2", "Micromax In 2c"). No text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of, facts


def test_a_catalogue_model_line_word_is_part_of_the_name():
    body = (
        "Lava has cut the price of the Lava Agni 2 in India. "
        "The Lava Agni 2 packs a 4,700mAh battery with 66W charging."
    )
    found = facts(body, "2023-09-10")
    assert ("Lava Agni 2", "battery", "4700 mAh") in found, found
    assert not any(s in ("Lava", "Lava 2") for s, _a, _v in found), found


def test_a_line_word_names_the_catalogue_phone_so_its_plain_specs_are_confirmed():
    body = "The HTC Desire 22 Pro is now on sale. The HTC Desire 22 Pro has a 4,520mAh battery."
    claims = [c for c in claims_of(body, "2022-09-01") if c.attribute == "battery"]
    assert [(c.subject, c.status) for c in claims] == [("HTC Desire 22 Pro", "confirmed")], claims


def test_a_brandless_mention_keeps_the_line_word():
    body = (
        "Micromax has a new budget phone, the Micromax In 2c, with a 5,000mAh battery. "
        "The In 2c gets a 6.52-inch display."
    )
    found = facts(body, "2022-05-01")
    assert ("Micromax In 2c", "display_size", "6.52 in") in found, found


def test_a_line_word_of_another_brand_names_nothing():
    body = "Samsung In 10 days will open its new store. The Galaxy S24 has a 4,000mAh battery."
    found = facts(body)
    assert not any("In 10" in s for s, _a, _v in found), found
    assert ("Samsung Galaxy S24", "battery", "4000 mAh") in found, found


def test_a_line_word_before_a_series_word_is_part_of_the_name():
    body = (
        "Vivo is readying a new foldable. The Vivo X Flip 2 is tipped to pack a 4,400mAh battery, "
        "and the Vivo X Flip 2 may get 80W charging."
    )
    found = facts(body)
    assert ("vivo X Flip 2", "battery", "4400 mAh") in found, found
    assert ("vivo X Flip 2", "wired_charging", "80 W") in found, found


def test_a_month_of_last_year_is_the_year_before_the_articles():
    body = "The Redmi Note 14 Pro launched in March last year with a 5,100mAh battery."
    found = facts(body, "2025-09-10")
    assert ("Xiaomi Redmi Note 14 Pro", "launch_date", "2024-03") in found or (
        "Redmi Note 14 Pro",
        "launch_date",
        "2024-03",
    ) in found, found
    assert not any(a == "launch_date" and v == "2025-03" for _s, a, v in found), found


def test_a_date_joined_to_an_older_phone_by_from_is_that_phones():
    body = (
        "The Moto G86 is coming to replace the Moto G85 from June last year, and the new phone "
        "will launch in India next month."
    )
    found = facts(body, "2025-07-10")
    assert ("Motorola Moto G85", "launch_date", "2024-06") in found, found
    assert not any(s.endswith("G86") and v == "2024-06" for s, a, v in found if a == "launch_date"), found


def test_a_chip_joined_to_powered_belongs_to_the_phone_named_next():
    body = (
        "The Galaxy S26 series that includes the Snapdragon 8 Elite-powered Galaxy S26 Ultra and the "
        "Exynos 2600-powered Galaxy S26 is tipped to arrive in February."
    )
    found = facts(body)
    assert ("Samsung Galaxy S26 Ultra", "chipset", "Snapdragon 8 Elite") in found, found
    assert ("Samsung Galaxy S26", "chipset", "Exynos 2600") in found, found
    assert not any(s.endswith("series") and a == "chipset" for s, a, _v in found), found


def test_another_name_in_brackets_after_or_is_an_alias_not_a_second_phone():
    body = "The Galaxy S25 FE (or Galaxy S25 Lite) will sport a 6.7-inch display. It gets a 4,900mAh battery."
    found = facts(body)
    assert ("Samsung Galaxy S25 FE", "alias", "Samsung Galaxy S25 Lite") in found, found
    assert ("Samsung Galaxy S25 FE", "battery", "4900 mAh") in found, found
    assert not any(s.endswith("Lite") for s, _a, _v in found), found


def test_a_lower_case_led_name_in_brackets_is_an_alias_too():
    body = (
        "The iQOO 13 Pro (or iQOO 13 Legend) is tipped to pack a 6,100mAh battery. Its screen is 6.8 inches."
    )
    found = facts(body)
    assert any(a == "alias" and v.endswith("iQOO 13 Legend") for _s, a, v in found), found
    assert not any(s.endswith("iQOO 13") for s, _a, _v in found), found


def test_a_figure_or_a_catalogue_phone_in_brackets_is_no_alias():
    found = facts("The Pixel 7 comes with 8GB (or 12GB) of RAM. The Galaxy S22 (or Galaxy S22+) is on sale.")
    assert not any(a == "alias" for _s, a, _v in found), found


def test_a_phone_that_already_used_a_part_is_not_the_phone_the_article_is_about():
    body = (
        "Honor is said to be working on its first flip phone. A tipster claims the device will get a "
        "4,500mAh battery and a 50MP main camera.\n\n"
        "The same sensor was already used on the Honor Magic5 Pro, says the tipster."
    )
    found = facts(body)
    assert not any(s == "Honor Magic5 Pro" and a == "battery" for s, a, _v in found), found
    assert any(a == "battery" and v == "4500 mAh" for _s, a, v in found), found


def test_a_sentence_led_by_to_the_front_speaks_of_the_front_camera():
    body = (
        "The Moto G85 gets a 50MP main camera. To the front, the Moto G85 features a 32MP shooter "
        "in a waterdrop notch."
    )
    found = facts(body)
    assert ("Motorola Moto G85", "front_camera", "32 MP") in found, found


def test_a_clause_led_by_at_the_front_wins_over_a_wide_angle_word():
    body = (
        "The Moto G85 has a dual camera setup with a 50MP main camera, and at the front, there is "
        "a 16MP wide-angle lens."
    )
    found = facts(body)
    assert ("Motorola Moto G85", "front_camera", "16 MP") in found, found
    assert ("Motorola Moto G85", "main_camera", "16 MP") not in found, found
    assert ("Motorola Moto G85", "main_camera", "50 MP") in found, found


def test_an_ltpo_screen_without_a_panel_word_is_the_display_type_ltpo():
    body = "The Galaxy Z Fold 7 is said to pack an LTPO main foldable display with a 120Hz refresh rate."
    found = facts(body)
    assert ("Samsung Galaxy Z Fold 7", "display_type", "LTPO") in found, found


def test_ltpo_next_to_a_panel_word_stays_one_type():
    found = facts("The Pixel 9 Pro gets a 6.3-inch LTPO OLED display. The Pixel 9 has an AMOLED LTPO screen.")
    types = sorted(v for _s, a, v in found if a == "display_type")
    assert types == ["AMOLED", "LTPO OLED"], found


def test_a_rumour_told_of_it_after_an_older_launched_phone_is_the_new_phones():
    body = (
        "Vivo is readying the Vivo X Fold 4. The Vivo X Fold 4 is said to weigh under 240 grams. "
        "The Vivo X Fold2, by contrast, is 268 grams heavy. It is rumoured to get 120W wired charging."
    )
    found = facts(body)
    assert ("vivo X Fold 4", "wired_charging", "120 W") in found, found
    assert not any(s == "vivo X Fold2" for s, _a, _v in found), found


def test_a_plain_fact_told_of_it_after_an_older_phone_stays_the_older_phones():
    body = (
        "Vivo is readying the Vivo X Fold 4. The Vivo X Fold 4 is said to weigh under 240 grams. "
        "The Vivo X Fold2, by contrast, weighs 279 grams. It has a 4,800mAh battery."
    )
    found = facts(body)
    assert ("vivo X Fold2", "battery", "4800 mAh") in found, found


def test_a_sentence_led_by_another_product_gives_the_phone_nothing():
    body = (
        "The Xiaomi 15 may get a 5,400mAh battery. The tablet might use a Snapdragon 8s Gen 3 "
        "chip. Its companion smartwatch may get a 500mAh cell."
    )
    found = facts(body)
    assert ("Xiaomi 15", "battery", "5400 mAh") in found, found
    assert not any(a == "chipset" for _s, a, _v in found), found
    assert ("Xiaomi 15", "battery", "500 mAh") not in found, found


def test_a_quarter_or_a_half_of_a_year_gives_no_launch_date():
    for when in ("in the first quarter of next year", "in Q1 2025", "in the second half of 2025"):
        found = facts(f"The Vivo X Fold 4 will launch {when}, a tipster says.")
        assert not any(a == "launch_date" for _s, a, _v in found), (when, found)
    found = facts("The Vivo X Fold 4 will launch in early 2025, a tipster says.")
    assert ("vivo X Fold 4", "launch_date", "2025") in found, found


_TWO_LAUNCHED = (
    "Xiaomi could bring two phones to India in June. The Xiaomi 13 and Xiaomi 13 Pro feature curved "
    "screens. The handsets bear a 6.73-inch display. They pack a 4,820mAh battery."
)


def test_a_plural_reference_to_a_phone_on_sale_keeps_its_plain_specs_confirmed():
    claims = [c for c in claims_of(_TWO_LAUNCHED, "2023-05-10") if c.attribute == "display_size"]
    assert claims and all(c.status == "confirmed" for c in claims), claims


def test_a_plural_reference_after_two_phones_named_together_is_to_both():
    found = facts(_TWO_LAUNCHED, "2023-05-10")
    for phone in ("Xiaomi 13", "Xiaomi 13 Pro"):
        assert (phone, "display_size", "6.73 in") in found, found
        assert (phone, "battery", "4820 mAh") in found, found


def test_a_plural_reference_in_a_later_paragraph_does_not_reach_back_to_the_pair():
    body = (
        "The Xiaomi 13 and Xiaomi 13 Pro feature curved screens.\n\n"
        "Xiaomi also sells the Xiaomi 12T. The phones in its budget range pack a 5,000mAh battery."
    )
    found = facts(body, "2023-05-10")
    assert ("Xiaomi 13", "battery", "5000 mAh") not in found, found


def test_a_new_market_launch_keeps_the_known_specs_confirmed_and_its_forecasts_rumored():
    body = (
        "Xiaomi will launch the Xiaomi 13 Pro in India next week. The Xiaomi 13 Pro packs a 4,820mAh "
        "battery and a 6.73-inch screen. The Xiaomi 13 Pro will get a price of Rs 79,999 there."
    )
    status = {c.attribute: c.status for c in claims_of(body, "2023-02-20")}
    assert status["battery"] == "confirmed", status
    assert status["display_size"] == "confirmed", status
    assert status["price"] == "rumored", status


def test_a_launch_to_come_in_the_month_the_catalogue_announces_keeps_specs_rumored():
    body = "Xiaomi will launch the Xiaomi 13 Pro next week. The Xiaomi 13 Pro packs a 4,820mAh battery."
    status = {c.attribute: c.status for c in claims_of(body, "2022-12-02")}
    assert status["battery"] == "rumored", status


def test_a_phone_named_with_its_brand_may_be_named_again_without_it():
    body = (
        "Xiaomi sells the Xiaomi Mix Fold and the Xiaomi 11 Ultra in China. "
        "The Mix Fold packs a 5,020mAh battery whereas the 11 Ultra has a 5,000mAh one."
    )
    found = {(s, v) for s, a, v in facts(body, "2021-06-10") if a == "battery"}
    assert ("Xiaomi Mi Mix Fold", "5020 mAh") in found, found
    assert ("Xiaomi Mi 11 Ultra", "5020 mAh") not in found, found


def test_what_a_memory_card_or_virtual_ram_adds_is_not_the_phones_memory():
    body = (
        "The Infinix Hot 50 has 8GB of RAM and 128GB of storage. Its RAM is virtually expandable by "
        "16GB, and its storage is expandable to 1TB with a microSD card."
    )
    found = {(a, v) for _s, a, v in facts(body)}
    assert ("ram", "8 GB") in found and ("storage", "128 GB") in found, found
    assert ("ram", "16 GB") not in found and ("storage", "1 TB") not in found, found


def test_expandable_storage_of_a_size_is_still_the_phones():
    found = facts("The Galaxy M35 comes with expandable storage of 256GB and 8GB RAM.")
    assert ("Samsung Galaxy M35", "storage", "256 GB") in found, found


def test_this_week_gives_no_month_when_the_rest_of_the_week_runs_into_the_next():
    body = "Tecno will launch the Tecno Spark 40 in India this week, the company says."
    assert not any(a == "launch_date" for _s, a, _v in facts(body, "2029-01-30")), "Tuesday, Jan 30"
    found = facts(body, "2029-01-16")
    assert ("Tecno Spark 40", "launch_date", "2029-01") in found, found


def test_a_hedge_after_a_contrast_does_not_govern_the_values_before_it():
    body = (
        "Honor has launched the Honor 300 in China. It packs a 5,300mAh battery with 100W charging, "
        "but the phone could arrive in India with a smaller cell."
    )
    status = {c.attribute: c.status for c in claims_of(body, "2024-12-05")}
    assert status["battery"] == "confirmed", status
    assert status["wired_charging"] == "confirmed", status


def test_a_hedge_after_the_value_in_the_same_clause_still_governs_it():
    body = "The Honor 300 Pro's 5,300mAh battery is tipped to support 100W charging."
    status = {c.attribute: c.status for c in claims_of(body, "2024-12-05")}
    assert status["battery"] == "rumored", status


def test_the_rumours_that_came_before_do_not_hedge_what_follows():
    body = (
        "After months of leaks and speculations, Xiaomi has shown the Xiaomi 13. "
        "The device is powered by the Snapdragon 8 Gen 2 chipset."
    )
    status = {c.attribute: c.status for c in claims_of(body, "2022-12-12")}
    assert status["chipset"] == "confirmed", status


def test_a_phone_that_is_finally_official_is_launched():
    body = "The Xiaomi 15 is finally official. The device is powered by the Snapdragon 8 Elite chipset."
    status = {c.attribute: c.status for c in claims_of(body, "2024-10-29")}
    assert status["chipset"] == "confirmed", status


def test_a_launch_today_is_not_hedged_by_a_clause_after_the_name_and_makes_the_phone_launched():
    body = (
        "Sony phones cost a lot. Today, the company is announcing the Xperia 10 VI, a cheaper model "
        "some buyers might look at.\n\nThe Xperia 10 VI has a 5,000mAh battery."
    )
    claims = {c.attribute: c for c in claims_of(body, "2024-05-15")}
    assert claims["launch_date"].value == "2024-05-15", claims
    assert claims["launch_date"].status == "confirmed", claims
    assert claims["battery"].status == "confirmed", claims


def test_a_phone_a_part_is_also_used_in_is_that_phones_own_subject():
    body = (
        "Samsung has two new phones on sale. The Exynos 1480 chip is also used in the Galaxy A55, "
        "which gets a 5,000mAh battery."
    )
    found = facts(body, "2024-10-10")
    assert ("Samsung Galaxy A55", "battery", "5000 mAh") in found, found
