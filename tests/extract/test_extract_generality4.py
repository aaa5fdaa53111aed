"""Fourth round of general mechanisms, each on own sentences: another name said of a referred-to
phone, a predecessor's launch, a launch announced in the opening sentence, the high-end and base
variants of two siblings, wireless charging figures, euro prices, benchmark comparisons. No text of
any real article."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article
from tests.extract.own_sentences import claims_of, facts


def test_the_launch_of_a_phone_said_to_be_a_rebadged_other_is_the_phones():
    body = (
        "The Poco F9 has shown up in a certification database. "
        "The listing says the Poco F9 gets a 5,500mAh battery. "
        "Besides, the device is believed to be a rebadged Redmi K80, and is said to arrive in September."
    )
    found = facts(body)
    assert ("Xiaomi Poco F9", "launch_date", "2024-09") in found or (
        "Poco F9",
        "launch_date",
        "2024-09",
    ) in found, found
    assert not any(s.endswith("K80") and a == "launch_date" for s, a, _v in found), found


def test_a_launch_dated_after_the_older_phone_a_new_one_succeeds_is_not_the_new_ones():
    body = (
        "Tecno has a new budget phone, the Tecno Spark 30, with a 5,000mAh battery. "
        "The handset is the successor to the Tecno Spark 20 launched in 2023."
    )
    found = facts(body)
    assert not any(s == "Tecno Spark 30" and a == "launch_date" for s, a, _v in found), found


def test_a_phone_launched_in_the_opening_paragraph_takes_the_articles_date():
    body = (
        "Honor keeps its release pace up. Having shown a new tablet, Honor has now launched the Honor 200 "
        "and the Honor 200 Pro in China.\n\n"
        "The Honor 200 Pro packs a 5,200mAh battery."
    )
    found = facts(body, "2024-05-27")
    assert ("Honor 200", "launch_date", "2024-05-27") in found, found
    assert ("Honor 200 Pro", "launch_date", "2024-05-27") in found, found


def test_an_article_without_a_header_date_gives_no_launch_date_from_has_launched():
    body = "Honor has now launched the Honor 200 in China. It packs a 5,200mAh battery."
    claims = extract(Article(id="g4", body=body, published="2024-05-27", published_basis="inferred: test"))
    assert not any(c.attribute == "launch_date" for c in claims), claims


def test_a_hedged_opening_launch_gives_no_launch_date():
    body = "Honor may have launched the Honor 200 in China, a leaker says. It packs a 5,200mAh battery."
    assert not any(a == "launch_date" for _s, a, _v in facts(body, "2024-05-27"))


def test_the_high_end_variant_among_two_siblings_is_the_higher_one():
    body = (
        "Oppo has unveiled the Oppo Find X9 and the Oppo Find X9 Pro. "
        "Their batteries differ, with the top-end model carrying a bigger 5,910mAh cell and "
        "the base Find X9 making do with a 5,630mAh battery."
    )
    found = facts(body)
    assert ("Oppo Find X9 Pro", "battery", "5910 mAh") in found, found
    assert ("Oppo Find X9", "battery", "5910 mAh") not in found, found
    assert ("Oppo Find X9", "battery", "5630 mAh") in found, found


def test_the_higher_end_variant_with_one_phone_named_refers_to_nothing_new():
    body = "Oppo has unveiled the Oppo Find X9. The higher-end variant packs a 5,910mAh battery."
    found = facts(body)
    assert not any(s.endswith("Pro") for s, _a, _v in found), found


def test_wireless_charging_support_at_a_figure_is_wireless_charging():
    body = (
        "Xiaomi has introduced the Xiaomi 17 and the Xiaomi 17 Ultra. Both handsets offer 90W fast "
        "charging, though only the Xiaomi 17 Ultra gets wireless charging support at 80W."
    )
    found = facts(body)
    assert ("Xiaomi 17 Ultra", "wireless_charging", "80 W") in found, found
    assert not any(a == "wired_charging" and v == "80 W" for _s, a, v in found), found
    assert not any(s == "Xiaomi 17" and a == "wireless_charging" for s, a, _v in found), found


def test_a_price_in_euros_where_the_phone_is_sold_in_european_markets():
    body = "The Moto G75 went on sale in European markets for EUR 299, or about Rs 27,000."
    found = facts(body)
    assert ("Motorola Moto G75", "price", "EUR 299") in found, found


def test_a_regional_price_guess_does_not_make_a_launched_phones_specs_a_guess():
    body = (
        "The Moto G75 debuted in Europe in August with Android 14.\n\n"
        "In India, it might cost under Rs 20,000. It packs a Snapdragon 6 Gen 3 chipset, which many "
        "makers use in phones of that price."
    )
    status = {(c.attribute, c.value): c.status for c in claims_of(body, "2024-10-01")}
    assert status.get(("chipset", "Snapdragon 6 Gen 3")) == "confirmed", status


def test_a_role_word_right_after_a_figure_is_that_figures_not_the_next_ones():
    body = "Around the back, the Oppo A98 is said to carry a 64MP wide sensor together with 5MP and 2MP helper lenses."
    found = facts(body)
    assert ("Oppo A98", "main_camera", "64 MP") in found, found
    assert ("Oppo A98", "main_camera", "5 MP") not in found, found


def test_a_role_word_before_a_figure_in_a_spec_row_is_still_its_role():
    body = "The Oppo A98 spec sheet: Rear: 64MP wide, 8MP ultra-wide (112 degrees) Selfie camera: 32MP"
    assert ("Oppo A98", "front_camera", "32 MP") in facts(body)


def test_a_model_named_with_a_filler_before_series_is_the_series():
    body = (
        "After weeks of teasers, the Honor Magic 8 flagship series is now official in China. "
        "Both models pack a 6,000mAh battery."
    )
    assert ("Honor Magic 8 series", "battery", "6000 mAh") in facts(body)


PAGE_ARTICLE = (
    "Samsung will soon bring the Galaxy M56 to India, and the company has already set up a dedicated "
    "page on {owner} website. The page lists its full specifications.\n\n"
    "The Galaxy M56 packs a 5,000mAh battery and a 6.7-inch display."
)


def test_a_phone_with_a_page_on_its_makers_site_has_confirmed_specs():
    status = {(c.attribute, c.value): c.status for c in claims_of(PAGE_ARTICLE.format(owner="its India"))}
    assert status.get(("battery", "5000 mAh")) == "confirmed", status


def test_a_page_on_a_retailers_site_does_not_confirm_the_specs():
    status = {(c.attribute, c.value): c.status for c in claims_of(PAGE_ARTICLE.format(owner="a retailer's"))}
    assert status.get(("battery", "5000 mAh")) == "rumored", status


OLDER_PHONE = "Tecno has a new budget phone, the Tecno Spark 30, with a 5,000mAh battery. {sentence}"


def test_a_launch_said_of_the_phone_a_new_one_replaces_or_of_its_predecessor_is_not_the_new_ones():
    for sentence in (
        "It replaces the Spark 20, which was introduced in 2023.",
        "It succeeds the Tecno Spark 20 unveiled in 2023.",
        "Its predecessor, the Spark 20, debuted in 2023.",
        "Its predecessor was launched in 2023.",
    ):
        found = facts(OLDER_PHONE.format(sentence=sentence))
        assert not any(s == "Tecno Spark 30" and a == "launch_date" for s, a, _v in found), (sentence, found)


def test_the_successors_own_launch_is_still_its_launch():
    for sentence in (
        "The successor to the Spark 20 will launch in September.",
        "Unlike the previous generation, the Tecno Spark 30 launches in September.",
    ):
        found = facts(OLDER_PHONE.format(sentence=sentence))
        assert ("Tecno Spark 30", "launch_date", "2024-09") in found, (sentence, found)


def test_a_renamed_other_after_a_reference_takes_none_of_the_values():
    body = "The Poco F9 has shown up online. The handset, reportedly a renamed Redmi K80, may launch in September."
    found = facts(body)
    assert not any(s.endswith("K80") for s, _a, _v in found), found
    assert any(a == "launch_date" and v == "2024-09" for _s, a, v in found), found


def test_wireless_charging_support_of_up_to_a_figure_is_wireless_charging():
    body = "Only the Xiaomi 17 Ultra offers wireless charging support of up to 80W."
    assert ("Xiaomi 17 Ultra", "wireless_charging", "80 W") in facts(body)


def test_the_top_end_variant_of_a_phone_is_a_configuration_of_that_phone():
    body = (
        "Vivo has launched the Vivo X300 and the Vivo X300 Pro. "
        "The top-end variant of the Vivo X300 gets 16GB of RAM."
    )
    found = facts(body)
    assert ("vivo X300", "ram", "16 GB") in found, found
    assert ("vivo X300 Pro", "ram", "16 GB") not in found, found


def test_a_phone_that_has_been_launched_is_launched_and_its_specs_confirmed():
    body = "The Nokia G42 has been introduced in Europe. It packs a 5,000mAh battery."
    status = {(c.attribute, c.value): c.status for c in claims_of(body, "2024-06-20")}
    assert status.get(("launch_date", "2024-06-20")) == "confirmed", status
    assert status.get(("battery", "5000 mAh")) == "confirmed", status


def test_a_phone_that_will_have_been_launched_is_not_launched_yet():
    body = "The Nokia G42 will have been introduced in Europe by July. It packs a 5,000mAh battery."
    status = {(c.attribute, c.value): c.status for c in claims_of(body, "2024-06-20")}
    assert status.get(("battery", "5000 mAh")) == "rumored", status


def test_a_unit_glued_to_its_figure_ends_a_sentence():
    from bot.extract.sentences import split_sentences

    body = "The Moto G75 charges at 30W. The Moto G85 supports 5G. A. Smith reviewed both."
    ends = [body[s:e] for s, e, _item in split_sentences(body)]
    assert ends[:2] == ["The Moto G75 charges at 30W.", "The Moto G85 supports 5G."], ends


def test_the_latter_and_the_former_are_the_two_phones_named_last():
    body = (
        "The Galaxy M36 is expected to arrive as a follow-up to the Galaxy M35. "
        "The latter currently sells for Rs. 19,999, and the former could cost about the same."
    )
    found = facts(body)
    assert ("Samsung Galaxy M35", "price", "INR 19999") in found, found
    assert ("Samsung Galaxy M36", "price", "INR 19999") not in found, found


def test_both_before_a_spec_verb_is_the_two_phones_named_before():
    body = (
        "The Moto G75 has a 6.7-inch screen, while the Moto G85 gets a 6.6-inch one. "
        "Both refresh at up to 144Hz and weigh under 190 grams."
    )
    found = facts(body)
    assert ("Motorola Moto G75", "refresh_rate", "144 Hz") in found, found
    assert ("Motorola Moto G85", "refresh_rate", "144 Hz") in found, found


def test_has_announced_something_else_about_a_phone_gives_it_no_launch_date():
    for body in (
        "Samsung has announced that the Galaxy S27 will arrive soon in India.",
        "Samsung has announced the launch date of the Galaxy S27 in India.",
        "Samsung has launched a new colour of the Galaxy S26 in India.",
        "Samsung has unveiled the Galaxy S27's design in a teaser.",
    ):
        found = facts(body, "2025-01-10")
        assert ("Samsung Galaxy S27", "launch_date", "2025-01-10") not in found, (body, found)
        assert ("Samsung Galaxy S26", "launch_date", "2025-01-10") not in found, (body, found)


def test_the_top_variant_among_siblings_is_a_configuration_not_the_higher_sibling():
    body = (
        "Samsung has unveiled the Samsung Galaxy S27 and the Samsung Galaxy S27+. "
        "The Galaxy S27 starts at $799, and the top variant with 512GB storage costs $919."
    )
    found = facts(body)
    assert ("Samsung Galaxy S27+", "storage", "512 GB") not in found, found
