"""Seventh round of general mechanisms, each on own sentences: "Plus" spelled out where the
catalogue writes "+". No text of any real article."""

from __future__ import annotations

from bot.extract.pipeline import analyse
from bot.models import Article
from tests.extract.own_sentences import claims_of, facts


def mentions_of(body: str, published: str = "2025-11-01"):
    return analyse(Article(id="g7", body=body, published=published, published_basis="header")).mentions


def test_plus_spelled_out_names_the_catalogues_plus_phone():
    body = (
        "Motorola has opened sales of the Motorola One Fusion Plus in Europe. "
        "The Motorola One Fusion Plus packs a 5,000mAh battery and a 6.5-inch display. "
        "Its sibling, the Motorola G8, has a 4,000mAh battery."
    )
    found = facts(body, "2020-07-01")
    assert ("Motorola One Fusion+", "battery", "5000 mAh") in found, found
    assert ("Motorola One Fusion+", "display_size", "6.5 in") in found, found
    assert not any(s.endswith("G8") and v == "5000 mAh" for s, _a, v in found), found


def test_a_spelled_out_plus_with_a_year_in_the_catalogue_is_the_latest_by_the_date():
    body = "The vivo X Fold Plus is official. The vivo X Fold Plus has a 4,730mAh battery."
    found = facts(body, "2022-10-01")
    assert ("vivo X Fold+", "battery", "4730 mAh") in found, found


def test_a_catalogue_name_written_with_plus_keeps_its_plus():
    body = "The Apple iPhone 14 Plus is on sale now. The iPhone 14 Plus has a 6.7-inch display."
    found = facts(body, "2022-10-01")
    assert ("Apple iPhone 14 Plus", "display_size", "6.7 in") in found, found


def test_a_family_word_the_catalogue_does_not_write_is_left_out_of_the_name():
    body = (
        "Motorola has started sales of the Moto Edge 30 Pro in India. "
        "The Moto Edge 30 Pro has a 6.7-inch display and a 4,800mAh battery."
    )
    found = facts(body, "2022-04-01")
    assert ("Motorola Edge 30 Pro", "battery", "4800 mAh") in found, found
    assert not any(s.startswith("Motorola Moto Edge") for s, _a, _v in found), found


def test_a_family_word_the_catalogue_writes_stays_in_the_name():
    body = "The Moto G72 goes on sale today. The Moto G72 packs a 5,000mAh battery."
    found = facts(body, "2022-10-01")
    assert ("Motorola Moto G72", "battery", "5000 mAh") in found, found


def test_a_short_member_name_after_a_chip_name_means_the_member():
    body = (
        "Xiaomi has announced the Redmi Note 14 series, with the Redmi Note 14, Redmi Note 14 Pro "
        "and Redmi Note 14 Pro+. The Pro+ adds a Dimensity 7300 Ultra and a 5,200mAh battery, while "
        "the Pro houses a Snapdragon 7s Gen 3 and a 5,000mAh battery."
    )
    found = facts(body, "2024-09-20")
    assert ("Xiaomi Redmi Note 14 Pro", "chipset", "Snapdragon 7s Gen 3") in found, found
    assert ("Xiaomi Redmi Note 14 Pro", "battery", "5000 mAh") in found, found
    assert ("Xiaomi Redmi Note 14 Pro+", "chipset", "Dimensity 7300 Ultra") in found, found
    assert not any(s.endswith("Pro+") and v in ("5000 mAh", "Snapdragon 7s Gen 3") for s, _a, v in found)


def test_a_chips_number_is_no_phone_of_the_brand():
    body = (
        "Apple is said to test the iPhone 17 Pro.\n\nSpecs:\n- Snapdragon 8 Plus Gen 1\n- 50MP main camera\n"
    )
    found = facts(body, "2025-03-01")
    assert ("Apple iPhone 17 Pro", "main_camera", "50 MP") in found, found
    assert not any("iPhone 8 Plus" in s for s, _a, _v in found), found


def test_a_plural_member_name_means_each_member_with_the_word():
    body = (
        "Xiaomi has announced the Redmi Note 14 series, with the Redmi Note 14, Redmi Note 14 Pro and "
        "Redmi Note 14 Pro+. The Pro models get a 200MP main camera and a 6.67-inch AMOLED display."
    )
    found = facts(body, "2024-09-20")
    for member in ("Xiaomi Redmi Note 14 Pro", "Xiaomi Redmi Note 14 Pro+"):
        assert (member, "main_camera", "200 MP") in found, found
        assert (member, "display_size", "6.67 in") in found, found
    assert ("Xiaomi Redmi Note 14", "main_camera", "200 MP") not in found, found


def test_a_plural_member_name_is_of_the_articles_own_family_first():
    body = (
        "The iPhone 18 Pro and iPhone 18 Pro Max are said to arrive in September. "
        "Last year the iPhone 17 Pro and iPhone 17 Pro Max got a new vapour chamber. "
        "This year the Pro models may move to a 5,000mAh battery."
    )
    found = facts(body, "2026-03-01")
    assert ("Apple iPhone 18 Pro", "battery", "5000 mAh") in found, found
    assert ("Apple iPhone 18 Pro Max", "battery", "5000 mAh") in found, found
    assert not any("17" in s and v == "5000 mAh" for s, _a, v in found), found


def test_a_resolution_with_a_glued_pixel_unit_is_read():
    body = "The Honor 90 Pro is official. The Honor 90 Pro has a 6.78-inch OLED panel at 1224x2700px."
    found = facts(body, "2023-06-01")
    assert ("Honor 90 Pro", "display_resolution", "2700x1224") in found, found


def test_chips_a_chip_is_measured_against_are_not_the_phones():
    body = (
        "The Realme GT 7 is official. It runs the Dimensity 8400, which sits just below the maker's "
        "top chip – the Dimensity 9400 - in the lineup. The chip is said to be on par with the "
        "Snapdragon 8 Gen 2 and the Snapdragon 8 Gen 1. Early scores show a 15 percent (single-core) "
        "gain over the Dimensity 8300 chipset."
    )
    chips = {v for s, a, v in facts(body, "2025-04-01") if a == "chipset"}
    assert chips == {"Dimensity 8400"}, chips


def test_a_chip_the_phone_is_powered_by_stays_its_own():
    body = "The Realme GT 7 is official. The Realme GT 7 is powered by the Dimensity 8400 chipset."
    found = facts(body, "2025-04-01")
    assert ("Realme GT 7", "chipset", "Dimensity 8400") in found, found


def test_the_from_value_of_a_change_in_ing_form_is_the_older_phones():
    body = (
        "The Pixel 10 Pro is said to be growing from 6.1 inches all the way to 6.3 inches. "
        "Its battery is said to be rising from 4,500mAh to 4,900mAh."
    )
    found = facts(body, "2025-04-01")
    assert ("Google Pixel 10 Pro", "display_size", "6.3 in") in found, found
    assert ("Google Pixel 10 Pro", "battery", "4900 mAh") in found, found
    assert not any(v in ("6.1 in", "4500 mAh") for _s, _a, v in found), found


def test_a_rumour_in_a_later_clause_does_not_hedge_the_launch_reported():
    body = (
        "In March, Honor took the wraps off its Honor 500 series in China, sparking rumors of a wider "
        "release. The Honor 500 Pro packs a 5,200mAh battery."
    )
    claims = [c for c in claims_of(body, None) if c.attribute == "battery"]
    assert [(c.subject, c.status) for c in claims] == [("Honor 500 Pro", "confirmed")], claims


def test_a_hedged_launch_stays_a_rumour():
    body = (
        "Honor is rumored to have taken the wraps off its Honor 600 series, sparking rumors of a wider "
        "release. The Honor 600 Pro packs a 5,300mAh battery."
    )
    claims = [c for c in claims_of(body, None) if c.attribute == "battery"]
    assert [c.status for c in claims] != ["confirmed"], claims


def test_a_maker_that_confirmed_a_part_earlier_confirms_it():
    body = (
        "The Nothing Phone (4) is coming. The company previously confirmed a Snapdragon 8 Elite "
        "chip for the Nothing Phone (4), and it may be priced near 900 euros in Europe."
    )
    claims = {c.attribute: c.status for c in claims_of(body, "2026-06-01")}
    assert claims.get("chipset") == "confirmed", claims
    assert claims.get("price") == "speculated", claims


def test_a_flattened_table_row_gives_each_column_its_cell_alike_or_not():
    body = (
        "Samsung is said to be readying two phones.\n\n"
        "Spec sheet Galaxy S26 Galaxy S26+ Refresh rate 120Hz 120Hz Processor Exynos 2600 Exynos 2600 "
        "Storage 128GB/256GB 256GB/512GB Battery 4,300mAh 4,900mAh\n"
    )
    found = facts(body, "2025-11-01")
    for phone, storage, battery in (
        ("Samsung Galaxy S26", "256 GB", "4300 mAh"),
        ("Samsung Galaxy S26+", "512 GB", "4900 mAh"),
    ):
        assert (phone, "refresh_rate", "120 Hz") in found, found
        assert (phone, "chipset", "Exynos 2600") in found, found
        assert (phone, "storage", storage) in found, found
        assert (phone, "battery", battery) in found, found
    assert ("Samsung Galaxy S26", "storage", "512 GB") not in found, found


def test_a_flattened_row_cut_short_is_the_first_columns():
    body = "A quick look.\n\nPixel 10 Pixel 9 Chip Tensor G5 Tensor G4 Battery 4,970mAh"
    found = facts(body, "2025-08-01")
    assert ("Google Pixel 10", "battery", "4970 mAh") in found, found
    assert not any(s == "Google Pixel 9" and a == "battery" for s, a, _v in found), found


def test_two_names_back_to_back_are_two_phones():
    body = "A quick look at two phones.\n\nGalaxy S26 Galaxy S26+ Pixel 10 Pixel 9\n"
    subjects = {m.subject for m in mentions_of(body)}
    assert {"Samsung Galaxy S26", "Samsung Galaxy S26+", "Google Pixel 10", "Google Pixel 9"} <= subjects


def test_a_misspelt_variant_after_a_model_is_still_read():
    body = "The Galaxy S26 Ulta is tipped to pack a 5,000mAh battery."
    found = facts(body, "2025-11-01")
    assert ("Samsung Galaxy S26 Ultra", "battery", "5000 mAh") in found, found


def test_a_flattened_camera_row_is_read_by_its_label_before_the_cells():
    body = (
        "A quick look at two phones.\n\n"
        "Spec sheet Galaxy S26 Galaxy S26+ Ultrawide camera 12MP 12MP Optical zoom 3x 3x "
        "Battery 4,300mAh 4,900mAh\n"
    )
    found = facts(body, "2025-11-01")
    assert ("Samsung Galaxy S26", "ultrawide_camera", "12 MP") in found, found
    assert ("Samsung Galaxy S26+", "ultrawide_camera", "12 MP") in found, found
    assert not any(a == "telephoto_camera" for _s, a, _v in found), found


def test_inch_marks_after_a_screen_label_are_display_sizes():
    body = (
        "A quick look at two phones.\n\n"
        'Spec sheet Galaxy S26 Galaxy S26+ Screen size 6.2" 6.7" Battery 4,300mAh 4,900mAh\n'
    )
    found = facts(body, "2025-11-01")
    assert ("Samsung Galaxy S26", "display_size", "6.2 in") in found, found
    assert ("Samsung Galaxy S26+", "display_size", "6.7 in") in found, found


def test_a_phone_the_topic_is_put_ahead_of_is_no_topic():
    body = (
        "Samsung is preparing the Galaxy S26 Ultra. A leak says the S26 Ultra gets a camera upgrade, "
        "which could place it ahead of the Pixel 10 Pro and Pixel 10 Pro XL.\n\nThe highlight? A 200MP main camera."
    )
    found = facts(body, "2025-09-01")
    assert ("Samsung Galaxy S26 Ultra", "main_camera", "200 MP") in found, found
    assert not any(s.startswith("Google") for s, _a, _v in found), found


def test_ahead_of_a_phones_launch_is_a_time_not_a_rival():
    body = (
        "The Galaxy S26 Ultra has cleared certification ahead of the Galaxy S26 Ultra launch on February 25."
    )
    found = facts(body, "2026-02-01")
    assert ("Samsung Galaxy S26 Ultra", "launch_date", "2026-02-25") in found, found


def test_a_charging_word_a_few_words_before_the_watts_makes_them_charging():
    body = "The Realme GT 8 Pro is official. Its cheaper sibling cuts the charging speeds down to 'only' 45W."
    found = facts(body, "2025-10-01")
    assert any(a == "wired_charging" and v == "45 W" for _s, a, v in found), found


def test_the_phones_a_new_one_is_among_the_successors_to_are_compared():
    body = (
        "The Galaxy S27+ should debut early next year, among the successors to the Galaxy "
        "S26 phones that launched in February."
    )
    found = facts(body, "2026-09-01")
    assert any(s == "Samsung Galaxy S27+" and a == "launch_date" for s, a, _v in found), found
    assert not any("S26" in s and v.startswith("2027") for s, _a, v in found), found


def test_a_videos_resolution_is_not_the_displays():
    body = (
        "The Pixel 10 Pro has a 6.3-inch QHD+ display. Its camera shoots 4K videos and full HD "
        "slow-mo videos at 240fps."
    )
    found = facts(body, "2025-08-01")
    assert ("Google Pixel 10 Pro", "display_resolution", "1440p") in found, found
    assert ("Google Pixel 10 Pro", "display_resolution", "1080p") not in found, found
