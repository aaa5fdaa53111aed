"""Who a value belongs to, the way real articles write it: names without numbers or with a year,
specs said of the company, parts named like phones, older and compared phones, flattened tables.
Sentences written for these tests (other phones, other words than any article read)."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2023-06-01", title: str | None = None):
    article = Article(id="t", body=body, title=title, published=published, published_basis="header")
    return extract(article)


def facts(
    body: str, published: str | None = "2023-06-01", title: str | None = None
) -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published, title)}


def subjects_of(body: str, attribute: str, **kw) -> set[str]:
    return {c.subject for c in claims_of(body, **kw) if c.attribute == attribute}


# -- names the model pattern cannot read ------------------------------------------------------


def test_a_catalogue_model_named_by_a_year_is_a_device():
    body = "Motorola finally put the Razr 2022 on sale. The foldable ships with a 3,500mAh cell inside, the phone's battery."
    assert subjects_of(body, "battery") == {"Motorola Razr 2022"}


def test_a_catalogue_model_without_a_number_is_a_device():
    body = "Shoppers can now order the Pixel Fold. The Pixel Fold carries a 4,800mAh battery and a 7.6-inch inner screen."
    assert ("Google Pixel Fold", "battery", "4800 mAh") in facts(body)
    assert ("Google Pixel Fold", "display_size", "7.6 in") in facts(body)


def test_a_name_the_catalogue_repeats_by_year_is_the_latest_by_the_article_date():
    body = "Apple's cheapest handset, the iPhone SE, now comes with 256GB of storage at the top."
    assert subjects_of(body, "storage", published="2022-04-02") == {"Apple iPhone SE (2022)"}
    assert subjects_of(body, "storage", published="2020-06-10") == {"Apple iPhone SE (2020)"}


def test_a_name_the_catalogue_repeats_by_year_is_the_first_when_none_is_out_by_the_article_date():
    # A leak written before the first one was announced speaks of that first one, not the last.
    body = "Leaked renders suggest the Moto G Stylus will pack a 4,000mAh cell and 4GB of memory."
    assert subjects_of(body, "battery", published="2019-12-20") == {"Motorola Moto G Stylus"}
    assert subjects_of(body, "battery", published="2021-03-15") == {"Motorola Moto G Stylus (2021)"}


def test_a_heading_word_is_not_a_misspelt_variant():
    body = "Motorola Razr 2022 Price and Specifications\n\nThe Motorola Razr 2022 runs on a 3,500mAh battery."
    assert subjects_of(body, "battery") == {"Motorola Razr 2022"}


def test_like_its_predecessor_does_not_make_the_next_name_a_comparison():
    body = "Just like its predecessor, the Galaxy Z Flip5 relies on a 3,700mAh battery."
    assert subjects_of(body, "battery") == {"Samsung Galaxy Z Flip5"}


# -- specs given to the company -----------------------------------------------------------------


def test_a_spec_given_to_the_company_goes_to_the_device_the_article_is_about():
    body = (
        "Leaks keep coming for the Galaxy S25 Edge. Samsung is said to fit a 3,900mAh battery, and "
        "Samsung will reportedly keep 25W charging."
    )
    found = facts(body)
    assert ("Samsung Galaxy S25 Edge", "battery", "3900 mAh") in found
    assert ("Samsung Galaxy S25 Edge", "wired_charging", "25 W") in found
    assert not {f for f in found if f[0] == "Samsung"}


def test_the_brands_next_phone_is_the_articles_device_of_that_brand():
    body = (
        "The Find X8 Ultra keeps showing up in leaks. Oppo's next flagship is tipped to carry a "
        "6,100mAh battery."
    )
    assert subjects_of(body, "battery") == {"Oppo Find X8 Ultra"}


def test_the_title_names_the_device_when_the_body_only_names_the_company():
    body = "A tipster has shared new details. Honor will reportedly use a 5,850mAh battery this time."
    assert subjects_of(body, "battery", title="Honor Magic7 Pro specs leak ahead of launch") == {
        "Honor Magic7 Pro"
    }


def test_an_optics_partner_goes_to_the_phone_the_clause_names():
    body = "The vivo X200 Pro ships with a camera system co-engineered with Zeiss."
    assert subjects_of(body, "camera_partner") == {"vivo X200 Pro"}


def test_an_optics_partner_of_both_models_goes_to_each():
    body = (
        "Xiaomi showed the Xiaomi 14 and the Xiaomi 14 Pro. Both models get cameras developed in "
        "partnership with Leica."
    )
    assert subjects_of(body, "camera_partner") == {"Xiaomi 14", "Xiaomi 14 Pro"}


def test_a_maker_said_to_partner_with_optics_in_a_sentence_naming_nothing_is_the_topic():
    body = "Honor is getting ready to unveil the Honor Magic7 series. The Chinese maker has teamed up with Zeiss for it."
    assert subjects_of(body, "camera_partner") == {"Honor Magic7 series"}


def test_a_lost_space_after_a_name_does_not_change_the_name():
    body = "Renders of the Xiaomi 14 Ultrawhose back is round show a 5,180mAh battery in the spec sheet."
    assert subjects_of(body, "battery") == {"Xiaomi 14 Ultra"}


# -- flattened comparison tables --------------------------------------------------------------

_FLAT_TABLE = (
    "Pixel 9 Pro vs Pixel 8 Pro specs Google Pixel 9 Pro (rumored) Google Pixel 8 Pro "
    "Screen: 6.3-inch OLED 6.7-inch OLED Chipset: Tensor G4 Tensor G3 "
    "Cameras: 50MP main, 48MP ultra-wide 50MP main, 48MP ultra-wide "
    "Memory: 16GB RAM 12GB RAM Battery: 4,700mAh 5,050mAh Charging: 27W wired 30W wired"
)


def test_a_flattened_two_column_table_gives_each_value_to_its_columns_phone():
    found = facts(_FLAT_TABLE, published="2024-07-01")
    for fact in [
        ("Google Pixel 9 Pro", "display_size", "6.3 in"),
        ("Google Pixel 8 Pro", "display_size", "6.7 in"),
        ("Google Pixel 9 Pro", "chipset", "Google Tensor G4"),
        ("Google Pixel 8 Pro", "chipset", "Google Tensor G3"),
        ("Google Pixel 9 Pro", "battery", "4700 mAh"),
        ("Google Pixel 8 Pro", "battery", "5050 mAh"),
        ("Google Pixel 9 Pro", "ram", "16 GB"),
        ("Google Pixel 8 Pro", "ram", "12 GB"),
        ("Google Pixel 9 Pro", "wired_charging", "27 W"),
        ("Google Pixel 8 Pro", "wired_charging", "30 W"),
    ]:
        assert fact in found
    assert ("Google Pixel 8 Pro", "battery", "4700 mAh") not in found
    assert ("Google Pixel 9 Pro", "ram", "12 GB") not in found


def test_a_chip_number_before_a_table_label_is_no_camera_count():
    found = facts("Chipset: Snapdragon 8 Gen 2 Rear cameras: 50MP main Battery: 5,000mAh on the Galaxy S23+.")
    assert not {f for f in found if f[1] == "camera_count"}


# -- the device previous sentences were about ---------------------------------------------------


def test_a_roman_numeral_model_ends_its_sentence():
    body = "Sony has put the Xperia 10 V next to the Xperia 1 V. The handset packs a 5,000mAh battery."
    assert subjects_of(body, "battery", published="2023-06-01") == {"Sony Xperia 10 V"}


def test_the_same_part_as_a_described_other_phone_is_a_comparison():
    body = (
        "The Galaxy S24 FE gets the same Exynos 2400e chip as the costlier Galaxy S24+, and it "
        "comes with 8GB of RAM."
    )
    assert subjects_of(body, "ram", published="2024-10-01") == {"Samsung Galaxy S24 FE"}


def test_a_quoted_other_name_after_or_is_an_alias():
    body = 'Sony has announced the Xperia 10 VI, or "Xperia 10 Mark 6," this week.'
    assert ("Sony Xperia 10 VI", "alias", "Sony Xperia 10 Mark 6") in facts(body, published="2024-05-20")


def test_a_sentence_naming_nothing_under_a_series_topic_is_about_the_articles_member():
    body = (
        "Sony keeps the look of the Xperia 10 series for another year. The new model gets a 50MP "
        "main camera. Sony also keeps an 8MP selfie camera."
    )
    found = facts(body, published="2024-05-20", title="Sony Xperia 10 VI announced")
    assert ("Sony Xperia 10 VI", "main_camera", "50 MP") in found
    assert ("Sony Xperia 10 VI", "front_camera", "8 MP") in found


def test_a_reference_that_opens_the_sentence_keeps_the_topic_over_names_after_it():
    body = (
        "The Galaxy A56 showed up on Geekbench. The handset should sit below the Galaxy S25 and "
        "Galaxy S25+ in the range. It is said to use an Exynos 1580 chip."
    )
    assert subjects_of(body, "chipset", published="2025-01-10") == {"Samsung Galaxy A56"}


def test_the_configuration_of_an_older_phone_is_that_phones_and_the_next_sentence_follows_it():
    body = (
        "The Pixel 9a is expected next spring. Back then, the 8GB + 256GB version of the Pixel 8a "
        "sold for $559. The phone also came with a 4,492mAh battery."
    )
    found = facts(body, published="2025-01-10")
    assert ("Google Pixel 8a", "storage", "256 GB") in found
    assert ("Google Pixel 8a", "battery", "4492 mAh") in found
    assert not {f for f in found if f[0] == "Google Pixel 9a" and f[1] in ("storage", "battery")}


def test_the_phone_followed_by_a_number_is_a_name_not_a_reference():
    body = (
        "Nothing Phone 3 leaks are here. The Nothing Phone (2) shipped with 12GB of RAM. "
        "The leak says the Phone 3 gets 16GB of RAM."
    )
    found = facts(body, published="2025-05-01")
    assert ("Nothing Phone 3", "ram", "16 GB") in found
    assert ("Nothing Phone (2)", "ram", "16 GB") not in found


def test_a_lead_in_ending_with_a_colon_names_what_its_list_is_about():
    body = (
        "The Huawei Mate 70 leaked with a 5,700mAh battery. A retailer lists the prices of the Huawei "
        "Mate 70 Pro as follows:\n\n12GB + 256GB = 6499 yuan\n\n12GB + 512GB = 6999 yuan"
    )
    assert subjects_of(body, "price", published="2024-11-01") == {"Huawei Mate 70 Pro"}


def test_cmf_phones_are_nothings():
    assert subjects_of("The CMF Phone 2 Pro has a 5,000mAh battery.", "battery") == {
        "Nothing CMF Phone 2 Pro"
    }


def test_a_series_word_before_a_brandless_model_is_part_of_its_name():
    body = (
        "Xiaomi has teased the Redmi Note 11 Pro+. The Note 11 Pro will offer 67W charging. "
        "The Note 11 series will launch in China on October 28."
    )
    found = facts(body, published="2021-10-20")
    assert ("Xiaomi Redmi Note 11 Pro", "wired_charging", "67 W") in found
    assert ("Xiaomi Redmi Note 11 series", "launch_date", "2021-10-28") in found
    found = facts(
        "Motorola revealed that its next Edge 60 series phone gets 90W charging.", published="2025-04-01"
    )
    assert ("Motorola Edge 60 series", "wired_charging", "90 W") in found


def test_a_model_the_article_named_with_its_brand_needs_no_the():
    body = (
        "The vivo X200 is official in China. The vivo X200 Pro gets a 6,000mAh battery. "
        "As X200 is smaller, it carries a 5,800mAh battery."
    )
    found = facts(body, published="2024-10-20")
    assert ("vivo X200", "battery", "5800 mAh") in found
    assert ("vivo X200 Pro", "battery", "5800 mAh") not in found


def test_a_list_joined_by_a_comma_and_and_is_one_coordination():
    body = "The Galaxy A35, Galaxy A55, and Galaxy A25 are expected to be announced on March 11."
    assert subjects_of(body, "launch_date", published="2024-03-01") == {
        "Samsung Galaxy A35",
        "Samsung Galaxy A55",
        "Samsung Galaxy A25",
    }


def test_the_articles_device_after_a_preposition_becomes_the_topic_when_nothing_else_is_the_subject():
    body = (
        "The Motorola Edge 60 Pro launched last month. Today the brand teased the design of the "
        "Motorola Edge 60 Ultra. The handset has a 5,100mAh battery."
    )
    assert subjects_of(
        body, "battery", published="2025-04-20", title="Motorola Edge 60 Ultra design teased"
    ) == {"Motorola Edge 60 Ultra"}


# -- parts named like phones, older and compared phones -----------------------------------------


def test_a_panel_or_chip_named_by_its_maker_is_no_phone():
    body = (
        "The vivo X200 Ultra is coming. It will use a Samsung M14 AMOLED panel with a 2K resolution, "
        "and the Apple A18 chip is no match for it."
    )
    found = facts(body, published="2025-03-01")
    assert ("vivo X200 Ultra", "display_type", "AMOLED") in found
    assert not {f for f in found if f[0].startswith(("Samsung", "Apple"))}


def test_a_phone_in_a_bracket_closed_before_the_value_is_an_aside():
    body = (
        "The Pixel 8a is equipped with a 64MP main camera (up from 12 megapixels on the Pixel 7), a 13MP "
        "ultra-wide sensor and a 13MP selfie camera."
    )
    found = facts(body, published="2024-05-10")
    assert ("Google Pixel 8a", "ultrawide_camera", "13 MP") in found
    assert ("Google Pixel 8a", "front_camera", "13 MP") in found
    assert not {f for f in found if f[0] == "Google Pixel 7"}


def test_a_makers_phone_named_after_the_values_takes_them():
    body = (
        "The Galaxy S24 FE launched last year. Now a Samsung-made handset with an Exynos 2500 chip "
        "and 12GB of RAM has appeared, most likely the Galaxy S25 FE."
    )
    found = facts(body, published="2025-06-01")
    assert ("Samsung Galaxy S25 FE", "chipset", "Exynos 2500") in found
    assert not {f for f in found if f[0] == "Samsung Galaxy S24 FE" and f[1] in ("chipset", "ram")}


def test_in_the_other_phone_owns_only_the_value_just_before_it():
    body = (
        "The Galaxy A56 is official. Although the Exynos 1580 chip may look like a small step from "
        "the Snapdragon 7s Gen 2 in the Galaxy A55, it should last longer."
    )
    found = facts(body, published="2025-03-02")
    assert ("Samsung Galaxy A55", "chipset", "Exynos 1580") not in found


def test_a_part_heading_for_a_phone_gives_it_its_values():
    body = (
        "The Galaxy S26 Ultra is expected in January. A battery numbered EB-BS947 has a rated capacity of "
        "4,755mAh, and is heading for the Galaxy S26+."
    )
    assert subjects_of(body, "battery", published="2025-10-01") == {"Samsung Galaxy S26+"}


def test_a_value_found_in_another_phone_is_that_phones_and_it_does_not_become_the_topic():
    body = (
        "Realme will fit a 7,000mAh battery in the Realme GT 7 Pro, beating the 5,800mAh cell found "
        "in the Realme GT 6 and most rivals. We can also expect 120W charging like the GT 6, as well "
        "as a 50MP periscope camera."
    )
    found = facts(body, published="2024-10-01")
    assert ("Realme GT 7 Pro", "battery", "5800 mAh") not in found
    assert ("Realme GT 7 Pro", "telephoto_camera", "50 MP") in found
    assert not {f for f in found if f[0] == "Realme GT 6" and f[1] == "telephoto_camera"}


def test_names_after_in_line_with_are_comparisons():
    body = (
        "The Pixel 9 Pro gets a 48MP periscope camera. That is more in line with what the Galaxy S24 "
        "or iPhone 15 Pro offers. It also packs a 4,700mAh battery."
    )
    assert subjects_of(body, "battery", published="2024-08-01") == {"Google Pixel 9 Pro"}


def test_each_value_belongs_to_the_phone_it_is_said_of():
    body = (
        "Last year OnePlus introduced its Ace 3 series. The OnePlus Ace 4 Pro is next. "
        "As Ace 3 has a 5,500mAh battery, Ace 4 may have a 6,100mAh battery."
    )
    found = facts(body, published="2024-10-01")
    assert ("OnePlus Ace 4 Pro", "battery", "5500 mAh") not in found
    assert ("OnePlus Ace 4", "battery", "6100 mAh") in found


def test_a_phone_in_a_relative_clause_after_the_value_is_an_aside():
    body = (
        "The vivo X200 Ultra leaked again, a year after the vivo X100 Ultra. Sony's LYT-818 sensor, "
        "which X100 Ultra got, may be present in X200 Ultra as well."
    )
    assert subjects_of(body, "camera_sensor", published="2025-02-01") == {"vivo X200 Ultra"}


def test_a_compared_value_pairs_with_no_device():
    body = "The Galaxy S25 and Galaxy S25+ are tipped to get a battery of 4,000mAh, compared to 3,900mAh."
    found = facts(body, published="2024-12-01")
    assert ("Samsung Galaxy S25+", "battery", "4000 mAh") in found
    assert ("Samsung Galaxy S25+", "battery", "3900 mAh") not in found


def test_the_series_a_new_one_overtakes_is_no_topic():
    body = (
        "Honor is all set to launch the Honor Magic7 series this week, overtaking the Magic6 series. "
        "The Chinese maker has teamed up with Zeiss for it."
    )
    assert subjects_of(body, "camera_partner", published="2024-10-20") == {"Honor Magic7 series"}


def test_a_short_name_drops_the_letter_the_article_wrote_before_it():
    body = (
        "Samsung showed the Galaxy Z Flip 5 and Galaxy Z Fold 5. Although the Flip 5 keeps its "
        "3,700mAh battery, it gets a bigger cover screen."
    )
    assert subjects_of(body, "battery", published="2023-07-27") == {"Samsung Galaxy Z Flip 5"}


def test_an_optics_brands_powered_cameras_or_logo_is_a_partnership():
    body = (
        "Xiaomi has shown the Xiaomi 14 and the Xiaomi 14 Pro. Both models carry a Leica-powered "
        "triple camera. The Leica logo sits on the camera island of the Xiaomi 14 Pro."
    )
    found = facts(body, published="2023-10-27")
    assert ("Xiaomi 14", "camera_partner", "Leica") in found
    assert ("Xiaomi 14 Pro", "camera_partner", "Leica") in found


def test_a_predecessor_named_without_its_name_keeps_its_values():
    body = (
        "The Galaxy Z Flip7 runs on an Exynos 2500. Last year's model made do with a Snapdragon 8 Gen 3. "
        "Its predecessor also had a 4,000mAh battery."
    )
    found = facts(body, published="2025-07-10")
    assert ("Samsung Galaxy Z Flip7", "chipset", "Exynos 2500") in found
    assert not {f for f in found if f[2] in ("Snapdragon 8 Gen 3", "4000 mAh")}


def test_the_values_in_a_compared_phones_relative_clause_are_that_phones():
    body = (
        "The Honor 400 Pro costs £699.99, the same price as the Honor 200 Pro, which launched last "
        "June at £699.99 with a 50MP telephoto camera."
    )
    assert ("Honor 400 Pro", "telephoto_camera", "50 MP") not in facts(body, published="2025-06-01")


def test_a_two_letter_model_named_before_needs_no_brand():
    body = (
        "OnePlus launched the OnePlus Nord CE4 and the OnePlus Nord 4. In India, the CE4 packs a "
        "5,500mAh battery, while the Nord 4 gets 5,500mAh too."
    )
    assert "OnePlus Nord CE4" in subjects_of(body, "battery", published="2024-07-20")


def test_past_but_the_sentence_is_about_its_own_subject_again():
    body = "The Find X8 Pro will share the Ultra's 6.82-inch panel, but with a smaller 5,910mAh battery."
    found = facts("Oppo has teased the Find X8 Ultra. " + body, published="2025-04-01")
    assert ("Oppo Find X8 Pro", "battery", "5910 mAh") in found
    assert ("Oppo Find X8 Ultra", "battery", "5910 mAh") not in found


def test_a_brand_less_model_after_a_makers_possessive_is_that_makers():
    body = "The vivo X100 Pro is here. Xiaomi's 13 Ultra, launched in April, has a 4,900mAh battery."
    found = facts(body, published="2023-11-20")
    assert ("Xiaomi 13 Ultra", "battery", "4900 mAh") in found
    assert not {f for f in found if f[0] == "Xiaomi"}


def test_the_salience_stage_alone_names_the_title_device_first_then_the_most_named():
    from bot.extract.pipeline import analyse

    body = (
        "The Galaxy S24 is cheaper. The Galaxy S25 gets a new chip, and the Galaxy S25 is lighter. "
        "Samsung also sells the Galaxy S25."
    )
    doc = analyse(
        Article(id="t", body=body, published="2025-02-01", published_basis="header"), until="salience"
    )
    assert doc.salient.main.subject == "Samsung Galaxy S25"
    assert doc.claims == []  # the later stages have not run
    titled = analyse(
        Article(
            id="t", body=body, title="Galaxy S24 price cut", published="2025-02-01", published_basis="header"
        ),
        until="salience",
    )
    assert titled.salient.main.subject == "Samsung Galaxy S24"
    assert titled.salient.device_of("Samsung").subject == "Samsung Galaxy S24"
