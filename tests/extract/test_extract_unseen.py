"""Mechanisms found on a second set of real articles the extractor was not tuned on, each on own
sentences (other phones, other words): rebadged phones, a chip's own sentences, brands of names
said with a maker's possessive, roles written after a camera figure, comparisons with other phones,
past dates of other events and a maker's own listing. No text of any article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2025-03-01", title: str | None = None):
    return extract(Article(id="u1", body=body, published=published, published_basis="header", title=title))


def facts(
    body: str, published: str | None = "2025-03-01", title: str | None = None
) -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published, title)}


def test_a_rebadged_phone_is_an_alias_and_keeps_the_values():
    body = (
        "Realme has a new mid-ranger coming. The Realme GT 7T is reportedly a rebadged OnePlus Ace 5V. "
        "It is said to offer a 6.8-inch screen and a 7,000mAh battery."
    )
    found = facts(body)
    assert ("Realme GT 7T", "alias", "OnePlus Ace 5V") in found
    assert ("Realme GT 7T", "battery", "7000 mAh") in found


def test_a_rebadged_phone_with_the_other_name_after_it_in_the_same_sentence():
    body = (
        "Motorola's Moto G86, on the other hand, is tipped to be a 'rebranded' Lenovo K15 Turbo. "
        "Expected specs include a 5,600mAh cell and 33W charging."
    )
    found = facts(body)
    assert any(s == "Motorola Moto G86" and a == "alias" and "K15 Turbo" in v for s, a, v in found)
    assert ("Motorola Moto G86", "battery", "5600 mAh") in found
    assert not any("K15" in s for s, a, v in found)


def test_a_rebranded_version_named_before_the_phone():
    body = "Said to be a rebranded version of Oppo's K13 Turbo, the OnePlus Nord 6 may feature a 6,500mAh battery."
    found = facts(body)
    assert any(s == "OnePlus Nord 6" and a == "alias" and "K13 Turbo" in v for s, a, v in found)
    assert ("OnePlus Nord 6", "battery", "6500 mAh") in found


def test_a_brandless_name_keeps_the_brand_the_article_gave_it():
    body = (
        "Meizu has set a date for its next flagship launch. The M30 series will use a new silicon-carbon cell. "
        "Meanwhile, Xiaomi is also expected to unveil the Xiaomi 17 in the same week. "
        "Meizu's M30 lineup should have two models: M30 and M30 Pro. "
        "The M30 and M30 Pro are tipped to ship with a 7,200mAh battery."
    )
    found = facts(body)
    assert not any(s.startswith("Xiaomi M30") for s, a, v in found)
    assert ("Meizu M30", "battery", "7200 mAh") in found
    assert ("Meizu M30 Pro", "battery", "7200 mAh") in found


def test_a_chips_own_sentences_give_it_to_no_phone():
    body = (
        "Xiaomi will launch the Xiaomi 16 Pro in November with the Snapdragon 8 Elite. "
        "Samsung, meanwhile, has scheduled an event where it will show the Galaxy S27. "
        "Word has it that the Exynos 2700 will be 20 percent faster than Apple's A20. "
        "The Exynos 2700 is said to be built on a 2nm node and will have ten cores."
    )
    found = facts(body)
    assert ("Xiaomi 16 Pro", "chipset", "Snapdragon 8 Elite") in found
    assert not any(a == "chipset" and v == "Exynos 2700" for s, a, v in found)
    assert not any(s == "Xiaomi 16 Pro" and v == "Exynos 2700" for s, a, v in found)


def test_a_chip_sentence_that_names_the_phone_after_the_chip_still_counts():
    body = "The Dimensity 9600 is expected to power the Oppo Find X10 when it launches."
    assert ("Oppo Find X10", "chipset", "Dimensity 9600") in facts(body)


def test_other_phones_named_generically_take_no_value():
    body = (
        "The Moto G95 charges at 45W. That is slow next to the 120W charging some rival phones offer, "
        "and other handsets with a 7,000mAh battery last longer."
    )
    found = facts(body)
    assert ("Motorola Moto G95", "wired_charging", "45 W") in found
    assert ("Motorola Moto G95", "wired_charging", "120 W") not in found
    assert ("Motorola Moto G95", "battery", "7000 mAh") not in found


def test_a_value_in_comparison_or_being_replaced_is_not_the_phones():
    body = (
        "The Pixel 11 Pro gets 37W charging, which looks modest in comparison to 90W on several rivals. "
        "Its new 50MP ultrawide will replace the current 48 MP ultrawide of the Pixel 10 Pro. "
        "Its Tensor G6 should be just as fast as the Snapdragon 8 Elite."
    )
    found = facts(body)
    assert ("Google Pixel 11 Pro", "wired_charging", "37 W") in found
    assert ("Google Pixel 11 Pro", "wired_charging", "90 W") not in found
    assert ("Google Pixel 11 Pro", "ultrawide_camera", "50 MP") in found
    assert ("Google Pixel 11 Pro", "ultrawide_camera", "48 MP") not in found
    assert ("Google Pixel 11 Pro", "chipset", "Snapdragon 8 Elite") not in found


def test_a_chip_paired_with_memory_is_the_phones_configuration():
    body = "Honor launched the Honor 400 Pro today. The Snapdragon 8 Gen 3 is coupled with 16GB of RAM and 1TB of storage."
    found = facts(body)
    assert ("Honor 400 Pro", "ram", "16 GB") in found
    assert ("Honor 400 Pro", "storage", "1 TB") in found


def test_camera_roles_written_in_brackets_after_the_figure():
    body = (
        "The Redmi Note 15 Pro is tipped to carry a 108MP (HM6, f/1.7) + 12MP (OV13B, macro-free ultrawide) "
        "+ 10MP (JN5, 3x telephoto) triple unit on the back."
    )
    found = facts(body)
    assert ("Xiaomi Redmi Note 15 Pro", "main_camera", "108 MP") in found
    assert ("Xiaomi Redmi Note 15 Pro", "ultrawide_camera", "12 MP") in found
    assert ("Xiaomi Redmi Note 15 Pro", "telephoto_camera", "10 MP") in found
    assert ("Xiaomi Redmi Note 15 Pro", "ultrawide_camera", "10 MP") not in found
    assert ("Xiaomi Redmi Note 15 Pro", "camera_count", "3") in found


def test_a_date_ahead_of_a_launch_is_another_events():
    body = (
        "The Realme 16 Pro goes on sale next week. Realme's CEO toured the new factory in March 2024, "
        "ahead of the Realme 14 Pro launch. Engineers tested the cooling system in May 2024 prior to the "
        "Realme 15 Pro launch."
    )
    found = facts(body, "2025-09-01")
    assert not any(a == "launch_date" and v in ("2024-03", "2024-05") for s, a, v in found)


def test_the_other_models_are_not_the_topic():
    body = (
        "Xiaomi will launch the Redmi 15C in Europe on October 3. The phone joins the two other models "
        "that were unveiled in Asia in June."
    )
    found = facts(body, "2025-09-01")
    assert ("Xiaomi Redmi 15C", "launch_date", "2025-10-03") in found
    assert ("Xiaomi Redmi 15C", "launch_date", "2025-06") not in found


def test_a_launch_date_stays_in_its_clause():
    body = (
        "The Galaxy A37 was released in Europe in March but the Galaxy A57 has not been launched there yet."
    )
    found = facts(body, "2025-09-01")
    assert ("Samsung Galaxy A57", "launch_date", "2025-03") not in found


def test_a_phone_listed_on_its_makers_own_site_has_confirmed_specs():
    body = (
        "Vivo is set to unveil the vivo Y400 and vivo Y400 Pro next week. "
        "The vivo Y400 and vivo Y400 Pro now appear listed on the vivo India website. "
        "The base model is listed with 128GB and 256GB storage options, while the Pro model gets a 512GB variant."
    )
    statuses = {(c.subject, c.attribute, c.value): c.status for c in claims_of(body, "2025-06-01")}
    assert statuses.get(("vivo Y400", "storage", "256 GB")) == "confirmed"
    assert statuses.get(("vivo Y400 Pro", "storage", "512 GB")) == "confirmed"


def test_a_retailer_listing_confirms_nothing():
    body = (
        "Vivo is set to unveil the vivo Y400 next week. The vivo Y400 is listed on Flipkart ahead of launch, "
        "with 256GB of storage."
    )
    statuses = {(c.subject, c.attribute, c.value): c.status for c in claims_of(body, "2025-06-01")}
    assert statuses.get(("vivo Y400", "storage", "256 GB")) != "confirmed"


def test_last_years_phone_does_not_become_the_topic():
    body = (
        "Google has announced the Pixel 10 Pro. It has a 6.3-inch display. "
        "Last year's Pixel 9 Pro brought a new telephoto design, and a refined version is found on the Pixel 10 Pro. "
        "Around the back sits a triple camera array."
    )
    found = facts(body, "2025-08-21")
    assert ("Google Pixel 10 Pro", "camera_count", "3") in found
    assert ("Google Pixel 9 Pro", "camera_count", "3") not in found


def test_a_camera_setup_for_named_phones_is_theirs():
    body = (
        "The iPhone 18 Pro gets a new 48MP telephoto. Analysts say Apple keeps the same dual camera setup "
        "for the iPhone 18 and iPhone 18 Plus."
    )
    found = facts(body, "2026-03-01")
    assert ("Apple iPhone 18", "camera_count", "2") in found
    assert ("Apple iPhone 18 Plus", "camera_count", "2") in found
    assert ("Apple iPhone 18 Pro", "camera_count", "2") not in found


def test_a_sentence_about_one_camera_gives_its_role_to_the_figure():
    body = (
        "The Moto G100 has a 6.7-inch screen. The selfie camera is tipped to be upgraded to a 50-megapixel sensor "
        "with autofocus. The telephoto lens is said to rely on a 10-megapixel sensor."
    )
    found = facts(body)
    assert ("Motorola Moto G100", "front_camera", "50 MP") in found
    assert ("Motorola Moto G100", "telephoto_camera", "10 MP") in found


def test_a_launch_date_goes_to_the_phone_named_not_to_the_lineup():
    body = (
        "Honor launched the Honor 500 last month. Now there is talk of adding the Honor 500 Ultra to the "
        "lineup, with reports pointing to a June 2026 launch."
    )
    found = facts(body, "2026-02-10")
    assert ("Honor 500 Ultra", "launch_date", "2026-06") in found
    assert ("Honor 500", "launch_date", "2026-06") not in found


def test_a_skin_that_carries_no_version_number():
    body = "The Moto G77 will run Android 15 with Motorola's Hello UI on top, the company said."
    assert ("Motorola Moto G77", "ui", "Hello UI") in facts(body)


def test_an_omnivision_sensor_named_without_the_maker():
    body = "The Honor 600 Pro is tipped to use an OV50H main sensor and a 12MP ultrawide camera."
    assert ("Honor 600 Pro", "camera_sensor", "OmniVision OV50H") in facts(body)
    assert not any(
        a == "camera_sensor"
        for s, a, v in facts("Honor's OV50 report says the Honor 600 Pro has 12GB of RAM.")
    )


def test_a_makers_optics_partnership_in_a_phones_article_is_the_phones():
    body = (
        "A new photo shows the Honor 700 Ultra from the back. The camera ring carries a Zeiss logo, "
        "pointing to a continued partnership between Honor and the German optics firm."
    )
    found = facts(body)
    assert ("Honor 700 Ultra", "camera_partner", "Zeiss") in found


def test_a_chips_own_sentence_names_it_again_for_the_phone_that_has_it():
    body = (
        "The Pixel 11 will use the Tensor G6, a report says. Meanwhile, Samsung will show the Galaxy S27. "
        "The Tensor G6 is said to be built on a 2nm node."
    )
    quotes = {
        c.quote for c in claims_of(body) if c.subject == "Google Pixel 11" and c.value == "Google Tensor G6"
    }
    assert any("2nm node" in q for q in quotes)
    assert not any(c.subject == "Samsung Galaxy S27" and c.attribute == "chipset" for c in claims_of(body))


def test_the_three_phones_are_each_of_the_three_named():
    body = (
        "Realme confirmed the date on which Realme 17, Realme 17 Pro and Realme 17 Pro+ will be unveiled. "
        "The three phones will make their debut on August 12."
    )
    found = facts(body, "2026-08-01")
    for name in ("Realme 17", "Realme 17 Pro", "Realme 17 Pro+"):
        assert (name, "launch_date", "2026-08-12") in found


def test_a_phone_said_not_to_be_rebadged_has_no_alias():
    body = "The Poco F9 is not a rebadged Redmi K90, the company insists. It has a 7,500mAh battery."
    found = facts(body)
    assert not any(a == "alias" for s, a, v in found)


def test_a_listing_on_the_makers_site_with_a_possessive():
    body = (
        "Samsung will unveil the Galaxy A77 soon. The Galaxy A77 has been listed on Samsung's website "
        "with 256GB of storage."
    )
    statuses = {(c.subject, c.attribute, c.value): c.status for c in claims_of(body, "2025-06-01")}
    assert statuses.get(("Samsung Galaxy A77", "storage", "256 GB")) == "confirmed"


def test_a_value_shared_with_most_phones_is_still_the_phones():
    body = "The Galaxy A27 has a 5,000mAh battery like most phones in its class, and a 120Hz display."
    found = facts(body)
    assert ("Samsung Galaxy A27", "battery", "5000 mAh") in found


def test_a_role_in_brackets_after_the_figures_noun():
    body = "The Vivo Y500's 50MP main camera on the back is joined by two 2MP units (macro and depth)."
    found = facts(body)
    assert ("vivo Y500", "main_camera", "50 MP") in found
    assert ("vivo Y500", "main_camera", "2 MP") not in found


def test_dual_rear_facing_cameras_are_counted():
    body = "The Nothing Phone (5) has dual rear-facing cameras and a 32MP selfie camera."
    assert ("Nothing Phone (5)", "camera_count", "2") in facts(body)


def test_an_ultra_wide_angle_lens_is_the_ultrawide():
    body = "The Moto G66 pairs a 50MP main sensor with an 8MP sensor behind an ultra-wide-angle lens."
    found = facts(body)
    assert ("Motorola Moto G66", "ultrawide_camera", "8 MP") in found
    assert ("Motorola Moto G66", "main_camera", "8 MP") not in found


def test_a_large_figure_before_a_hyphenated_camera_system_is_the_main_camera():
    body = "The Honor 450 is expected to bring a 200MP triple-camera system."
    found = facts(body)
    assert ("Honor 450", "main_camera", "200 MP") in found
    assert ("Honor 450", "camera_count", "3") in found


def test_a_trio_of_rear_sensors_is_three_cameras():
    body = "The Galaxy S27 Ultra keeps a trio of rear sensors beside its periscope."
    assert ("Samsung Galaxy S27 Ultra", "camera_count", "3") in facts(body)


def test_motorolas_china_skin_is_a_ui():
    body = "The Moto X60 runs Motorola's MyUI 6.0 in China."
    assert ("Motorola Moto X60", "ui", "MyUI 6.0") in facts(body)


def test_a_phone_whose_release_has_happened_is_launched():
    body = (
        "The gap between the budget line and the flagships is smaller than ever with the release of the "
        "Galaxy A58. The Galaxy A58 uses the Exynos 1680 chip."
    )
    statuses = {(c.subject, c.attribute, c.value): c.status for c in claims_of(body, "2027-04-01")}
    assert statuses.get(("Samsung Galaxy A58", "chipset", "Exynos 1680")) == "confirmed"


def test_a_release_still_ahead_is_no_launch():
    body = "Fans are waiting for the release of the Galaxy A58. The Galaxy A58 uses the Exynos 1680 chip."
    statuses = {(c.subject, c.attribute, c.value): c.status for c in claims_of(body, "2027-04-01")}
    assert statuses.get(("Samsung Galaxy A58", "chipset", "Exynos 1680")) != "confirmed"
