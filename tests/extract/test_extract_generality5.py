"""Fifth round of general mechanisms, each on own sentences (no text of any real article)."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of, facts


def test_a_series_word_between_the_family_and_the_number_is_part_of_the_name():
    body = (
        "The OnePlus Nord CE 4 will reportedly ship with a 5,500mAh battery. "
        "The handset may also get a 6.67-inch screen."
    )
    found = facts(body)
    assert ("OnePlus Nord CE 4", "battery", "5500 mAh") in found, found
    assert ("OnePlus Nord CE 4", "display_size", "6.67 in") in found, found
    assert not any(s == "OnePlus" for s, _a, _v in found), found


def test_other_makers_series_words_name_their_phones():
    found = facts(
        "The HTC Desire 24 Pro is tipped to pack a 4,800mAh cell. "
        "Separately, the vivo NEX 4 could feature a 120Hz panel."
    )
    assert ("HTC Desire 24 Pro", "battery", "4800 mAh") in found, found
    assert ("vivo NEX 4", "refresh_rate", "120 Hz") in found, found


def test_an_older_phone_in_apposition_to_its_predecessor_takes_its_own_values():
    body = (
        "The Realme 14 Pro is tipped to pack a 6,000mAh battery. "
        "Its predecessor, the Realme 13 Pro, runs on a Snapdragon 7s Gen 2 chip. "
        "The predecessor, Realme 13 Pro, also has a 6.7-inch panel."
    )
    found = facts(body)
    assert ("Realme 14 Pro", "battery", "6000 mAh") in found, found
    assert not any(s == "Realme 14 Pro" and a in ("chipset", "display_size") for s, a, _v in found), found
    assert ("Realme 13 Pro", "display_size", "6.7 in") in found, found


def test_a_value_said_to_be_like_the_predecessors_stays_the_new_phones():
    found = facts("The Realme 14 Pro will get a 6.7-inch panel like its predecessor, the Realme 13 Pro.")
    assert ("Realme 14 Pro", "display_size", "6.7 in") in found, found
    assert not any(s == "Realme 13 Pro" for s, _a, _v in found), found


def test_two_values_offered_as_an_open_question_give_no_claim():
    body = (
        "The Moto G86 is tipped to pack a 5,200mAh battery. "
        "We do not know yet whether Motorola will pick an LCD screen or an OLED screen for it. "
        "It remains to be seen if the handset ships with 8GB or 12GB of RAM."
    )
    found = facts(body)
    assert ("Motorola Moto G86", "battery", "5200 mAh") in found, found
    assert not any(a in ("display_type", "ram") for _s, a, _v in found), found


def test_two_values_joined_by_or_without_a_question_are_still_claims():
    found = facts("The Moto G86 will come in 8GB or 12GB RAM options and gets an OLED screen.")
    assert ("Motorola Moto G86", "ram", "12 GB") in found, found
    assert ("Motorola Moto G86", "display_type", "OLED") in found, found


def test_a_skin_without_version_laid_on_top_of_android_is_the_phones():
    found = facts(
        "The Zenfone 12 is expected to pack a 5,500mAh cell. "
        "Android 15 (with the ZenUI on top of it) should be preinstalled on the handset."
    )
    assert ("Asus Zenfone 12", "ui", "ZenUI") in found, found
    assert ("Asus Zenfone 12", "os", "Android 15") in found, found


def test_a_skin_named_for_itself_is_no_claim():
    found = facts("The Zenfone 12 is expected to pack a 5,500mAh cell. ZenUI on its own has few fans.")
    assert not any(a == "ui" for _s, a, _v in found), found


def test_a_variant_named_after_a_ram_figure_is_ram_too():
    found = facts(
        "The Red Magic 11 Pro is expected to pack a 7,000mAh cell. "
        "Leaks point to at least 12GB of RAM, with a 24GB model also likely to be sold."
    )
    assert ("ZTE Red Magic 11 Pro", "ram", "24 GB") in found, found


def test_a_storage_sized_variant_after_a_ram_figure_stays_storage():
    found = facts("The Red Magic 11 Pro could get 16GB of RAM, with a 512GB variant on top.")
    assert ("ZTE Red Magic 11 Pro", "ram", "16 GB") in found, found
    assert ("ZTE Red Magic 11 Pro", "storage", "512 GB") in found, found


def test_one_figure_said_of_two_listed_cameras_is_each_ones():
    found = facts(
        "The Pixel 10a is tipped to use two 48MP sensors (main and ultra-wide) on the back. "
        "The Pixel 10 gets dual 50MP primary and telephoto cameras."
    )
    assert ("Google Pixel 10a", "main_camera", "48 MP") in found, found
    assert ("Google Pixel 10a", "ultrawide_camera", "48 MP") in found, found
    assert ("Google Pixel 10", "telephoto_camera", "50 MP") in found, found


def test_a_figure_before_another_figure_is_not_shared():
    found = facts("The Pixel 10a gets two 48MP and 13MP ultrawide cameras.")
    assert ("Google Pixel 10a", "ultrawide_camera", "48 MP") not in found, found


def test_a_camera_count_of_image_sensors():
    found = facts(
        "Leaked renders show a camera island on the back of the Pixel 10a that houses three image sensors."
    )
    assert ("Google Pixel 10a", "camera_count", "3") in found, found


def test_a_name_in_apposition_to_its_successor_becomes_the_topic():
    body = (
        "Oppo shipped the Oppo Reno 13 in January. "
        "It has barely been two months and the first details of its successor, the Oppo Reno 14, have leaked. "
        "This upcoming handset may get a 6.6-inch screen. "
        "It is said to pack a 6,200mAh battery."
    )
    found = facts(body)
    assert ("Oppo Reno 14", "display_size", "6.6 in") in found, found
    assert ("Oppo Reno 14", "battery", "6200 mAh") in found, found
    assert not any(s == "Oppo Reno 13" and a in ("display_size", "battery") for s, a, _v in found), found


def status_of(body: str, subject: str, attribute: str) -> set[str]:
    return {c.status for c in claims_of(body) if c.subject == subject and c.attribute == attribute}


def test_a_leaks_evidence_that_confirms_a_spec_makes_it_rumored():
    body = (
        "Fresh renders of the Moto G96 have leaked. "
        "The lettering around the lens module confirms that the Moto G96 packs a 50MP main camera. "
        "A benchmark listing also confirmed that the Moto G96 has 12GB of RAM."
    )
    assert status_of(body, "Motorola Moto G96", "main_camera") == {"rumored"}
    assert status_of(body, "Motorola Moto G96", "ram") == {"rumored"}


def test_the_maker_or_an_official_source_confirming_stays_confirmed():
    body = (
        "Motorola has confirmed that the Moto G96 gets a 5,500mAh battery. "
        "The official teaser video confirms the 6.7-inch screen of the Moto G96."
    )
    assert status_of(body, "Motorola Moto G96", "battery") == {"confirmed"}
    assert status_of(body, "Motorola Moto G96", "display_size") == {"confirmed"}


def test_the_maker_sharing_an_invitation_in_a_participle_clause_confirms_the_date():
    body = (
        "Asus may be ready to show its next gaming phone early this year, "
        "with the company sharing an invitation to a ROG Phone 10 event scheduled for April 20."
    )
    assert status_of(body, "Asus ROG Phone 10", "launch_date") == {"confirmed"}


def test_a_hedged_launch_without_the_maker_sharing_anything_stays_a_guess():
    body = "Asus may launch the ROG Phone 10 on April 20."
    statuses = status_of(body, "Asus ROG Phone 10", "launch_date")
    assert statuses and statuses <= {"speculated", "rumored"}, statuses


def test_more_series_words_of_catalogue_names():
    found = facts(
        "The Tecno Pop 9 is said to get a 5,000mAh cell. "
        "Meanwhile, the Lava Yuva 4 could pack a 6.56-inch screen. "
        "The Galaxy Xcover 7 is tipped to come with a 4,050mAh battery."
    )
    assert ("Tecno Pop 9", "battery", "5000 mAh") in found, found
    assert ("Lava Yuva 4", "display_size", "6.56 in") in found, found
    assert ("Samsung Galaxy Xcover 7", "battery", "4050 mAh") in found, found


def test_a_model_number_with_an_x_is_a_name_where_the_catalogue_knows_it():
    found = facts(
        "The Xiaomi 12X is tipped to pack a 4,500mAh battery. "
        "The Honor 10X Lite gets a 5,000mAh cell. "
        "The Honor 200 offers 3x optical zoom."
    )
    assert ("Xiaomi 12X", "battery", "4500 mAh") in found, found
    assert ("Honor 10X Lite", "battery", "5000 mAh") in found, found
    assert not any(s.startswith("Honor 3") for s, _a, _v in found), found


def test_a_brandless_name_of_two_series_words_keeps_the_brand_it_was_named_with():
    body = (
        "The Galaxy Z Flip 7 will reportedly ship with a 4,300mAh battery, up from the Galaxy Z Flip 6. "
        "Rivals like the Honor Magic V5 support 66W charging.\n\n"
        "The Z Flip 6 started at $1,099, and the Z Flip 7 may cost more."
    )
    found = facts(body)
    assert ("Samsung Galaxy Z Flip 6", "price", "USD 1099") in found, found
    assert not any(s.startswith("Honor") and a == "price" for s, a, _v in found), found


def test_a_price_in_a_currency_named_with_its_country_and_its_conversion():
    body = (
        "Honor on Friday launched the Honor Magic V5 in China. "
        "The foldable costs 8,999 Chinese yuan ($1,250) for the base model."
    )
    found = facts(body)
    assert ("Honor Magic V5", "price", "CNY 8999") in found, found
    assert not any(a == "price" and v.startswith("USD") for _s, a, v in found), found


def test_a_currency_of_another_country_is_not_read_as_its_namesake():
    found = facts("The Honor Magic V5 costs 9,999 Hong Kong dollars in the city.")
    assert not any(a == "price" and v.startswith("USD") for _s, a, v in found), found


def test_a_weekday_before_the_launch_verb_dates_the_launch():
    # 2025-03-04 is a Tuesday.
    found = facts(
        "Oppo on Tuesday launched the Oppo Find N5 in China. It packs a 5,600mAh battery.", "2025-03-04"
    )
    assert ("Oppo Find N5", "launch_date", "2025-03-04") in found, found
    found = facts(
        "On Monday, Oppo unveiled the Oppo Find N5 in China. It packs a 5,600mAh battery.", "2025-03-04"
    )
    assert ("Oppo Find N5", "launch_date", "2025-03-03") in found, found


def test_a_weekday_far_from_the_launch_verb_dates_nothing():
    found = facts(
        "On Monday, Oppo said in a statement to investors that its sales grew, and it launched the Oppo Find N5.",
        "2025-03-04",
    )
    assert not any(a == "launch_date" and v == "2025-03-03" for _s, a, v in found), found


def test_a_weekday_before_a_past_launch_verb_is_not_read_as_next_week():
    # 2025-03-06 is a Thursday.
    found = facts(
        "Vivo on Thursday unveiled the Vivo X300 Ultra, weeks before Apple is expected to release a rival.",
        "2025-03-06",
    )
    assert ("vivo X300 Ultra", "launch_date", "2025-03-06") in found, found
    assert not any(a == "launch_date" and v == "2025-03-13" for _s, a, v in found), found


def test_a_phone_named_in_a_since_clause_does_not_take_the_topic():
    body = (
        "The Pixel 10a will reportedly use the Tensor G5 chip, a first for the line, "
        "since the Pixel 9a made do with an older chip. "
        "The phone is also tipped to get a 6.3-inch screen."
    )
    found = facts(body)
    assert ("Google Pixel 10a", "display_size", "6.3 in") in found, found
    assert not any(s == "Google Pixel 9a" and a == "display_size" for s, a, _v in found), found


def test_charging_figures_with_a_decimal():
    found = facts(
        "The Pixel 10a is said to get 23W wired and 7.5W wireless charging. The Galaxy A17 supports 22.5W charging."
    )
    assert ("Google Pixel 10a", "wireless_charging", "7.5 W") in found, found
    assert ("Google Pixel 10a", "wired_charging", "23 W") in found, found
    assert ("Samsung Galaxy A17", "wired_charging", "22.5 W") in found, found


def test_a_launch_date_said_of_a_phone_launching_alongside_another_is_both_phones():
    found = facts(
        "The Nord 5 will be launched in India on July 8 together with the OnePlus Nord CE 5. It has a 6,800mAh cell."
    )
    assert ("OnePlus Nord 5", "launch_date", "2024-07-08") in found, found
    assert ("OnePlus Nord CE 5", "launch_date", "2024-07-08") in found, found


def resolutions(body: str) -> set[str]:
    return {v for _s, a, v in facts(body) if a == "display_resolution"}


def test_pixels_written_with_thousands_separators_are_a_resolution():
    assert resolutions("The Redmi Note 15 sports a 6.67-inch 1.5K (1,220x2,712 pixels) AMOLED screen.") == {
        "2712x1220"
    }
    assert resolutions("The Redmi Note 15 has a display with a resolution of 1,220 x 2,712 pixels.") == {
        "2712x1220"
    }


def test_pixels_glossing_a_named_resolution_are_the_same_resolution():
    assert resolutions("The Honor 400 has a 6.55-inch full-HD+ (1,200 x 2,664 pixels) panel.") == {"1080p"}
    assert resolutions("The Honor 400 sports a 6.7-inch full-HD+ (1200x2664 pixels) OLED display.") == {
        "1080p"
    }


def test_a_rumour_the_maker_shot_down_is_denied():
    body = "Nothing's boss has shot down rumours that the Nothing Phone (4) would use a 144Hz panel."
    assert status_of(body, "Nothing Phone (4)", "refresh_rate") == {"denied"}


def test_a_value_stated_contrary_to_earlier_reports_is_the_corrected_one_not_denied():
    body = (
        "The Nothing Phone (4) is tipped to pack a 5,500mAh battery. "
        "The Nothing Phone (4) will use a 6.6-inch panel, contrary to earlier reports."
    )
    assert status_of(body, "Nothing Phone (4)", "display_size") == {"rumored"}
    denied = "Contrary to earlier reports of a 7-inch panel, the Nothing Phone (4) keeps a 6.6-inch screen."
    assert "denied" in status_of(denied, "Nothing Phone (4)", "display_size")


def test_the_makers_executive_named_by_title_confirms():
    body = "Speaking at an event, the OnePlus CEO said the OnePlus 15 will pack a 7,300mAh battery."
    assert status_of(body, "OnePlus 15", "battery") == {"confirmed"}


def test_a_sentence_ending_with_a_max_model_ends_there():
    claims = claims_of(
        "The iPhone 17 Pro gets a 6.3-inch screen, and so does the iPhone 17 Pro Max. "
        "The iPhone 17 Air is said to pack a 2,800mAh battery."
    )
    battery = [c for c in claims if c.attribute == "battery"]
    assert battery and all(c.quote.startswith("The iPhone 17 Air") for c in battery), battery


def test_a_lower_case_max_abbreviation_does_not_end_a_sentence():
    claims = claims_of("The iPhone 17 Air charges at max. 20W wired. It also gets a 6.6-inch screen.")
    wired = [c for c in claims if c.attribute == "wired_charging"]
    assert wired and wired[0].quote.startswith("The iPhone 17 Air charges"), wired


def test_a_bare_both_before_a_verb_stands_for_the_pair_just_named():
    body = (
        "The Galaxy Z Fold 8 and Galaxy Z Flip 8 will use the same hinge. "
        "Both are expected to launch in July. Both will reportedly pack a 12GB RAM option."
    )
    found = facts(body)
    for phone in ("Samsung Galaxy Z Fold 8", "Samsung Galaxy Z Flip 8"):
        assert (phone, "launch_date", "2024-07") in found, found
        assert (phone, "ram", "12 GB") in found, found


def test_a_choice_regardless_of_which_is_no_open_question():
    found = facts("Regardless of whether you pick 8GB or 12GB of RAM, the Moto G86 gets 256GB of storage.")
    assert ("Motorola Moto G86", "ram", "12 GB") in found, found


def test_the_makers_own_teaser_that_confirms_stays_confirmed():
    body = "Motorola's teaser video confirms that the Moto G96 will get a 50MP main camera."
    assert status_of(body, "Motorola Moto G96", "main_camera") == {"confirmed"}
