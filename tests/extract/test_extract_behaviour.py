"""The extractor on varied sentences: other brands, lists, prices, denials, comparisons, typos."""

from __future__ import annotations

import pytest

from bot.extract import extract
from bot.models import Article


def claims_of(body: str, published: str | None = "2023-02-01"):
    article = Article(id="t", body=body, published=published, published_basis="header")
    return extract(article)


def facts(body: str, published: str | None = "2023-02-01") -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published)}


def status_of(body: str, attribute: str, value: str, published: str | None = "2023-02-01") -> set[str]:
    return {c.status for c in claims_of(body, published) if c.attribute == attribute and c.value == value}


@pytest.mark.parametrize(
    "text, subject",
    [
        ("The Galaxy S23 Ultra has a 5,000mAh battery.", "Samsung Galaxy S23 Ultra"),
        ("The iPhone 14 Pro Max has a 4,323mAh battery.", "Apple iPhone 14 Pro Max"),
        ("The Pixel 7 Pro has a 5,000mAh battery.", "Google Pixel 7 Pro"),
        ("The OnePlus 11 has a 5,000mAh battery.", "OnePlus 11"),
        ("The Nothing Phone (1) has a 4,500mAh battery.", "Nothing Phone (1)"),
        ("The Redmi Note 12S has a 5,000mAh battery.", "Xiaomi Redmi Note 12S"),
        ("The Mi 11 Ultra has a 5,000mAh battery.", "Xiaomi Mi 11 Ultra"),
        ("The vivo X90 Pro has a 4,870mAh battery.", "vivo X90 Pro"),
        ("The Honor Magic5 Pro has a 5,100mAh battery.", "Honor Magic5 Pro"),
    ],
)
def test_devices_of_many_brands_get_canonical_names(text, subject):
    assert {c.subject for c in claims_of(text) if c.attribute == "battery"} == {subject}


def test_rumored_device_not_in_catalogue_is_found():
    found = facts("Leaks suggest the Galaxy S25 Ultra will pack a 200MP main camera.")
    assert ("Samsung Galaxy S25 Ultra", "main_camera", "200 MP") in found


def test_brandless_mentions_take_the_article_brand_and_typos_are_tolerated():
    body = (
        "Xiaomi is preparing the Xiaomi 13 Ultra. The 13 UItra is said to use a 1-inch sensor "
        "and a 5,000mAh battery. The 13 Pro gets 120W charging."
    )
    found = facts(body)
    assert ("Xiaomi 13 Ultra", "battery", "5000 mAh") in found
    assert ("Xiaomi 13 Pro", "wired_charging", "120 W") in found


def test_pronouns_follow_the_topic():
    found = facts("Google unveiled the Pixel 7 Pro. It has a 6.7-inch display. The phone runs Android 13.")
    assert ("Google Pixel 7 Pro", "display_size", "6.7 in") in found
    assert ("Google Pixel 7 Pro", "os", "Android 13") in found


def test_comparisons_do_not_swap_specs():
    body = "The Pixel 7 has a 4,355mAh battery, compared to the Pixel 6's 4,614mAh."
    found = facts(body)
    assert ("Google Pixel 7", "battery", "4355 mAh") in found
    assert not any(value == "4614 mAh" for _s, _a, value in found)
    assert not any(subject == "Google Pixel 6" for subject, _a, _v in found)


def test_compared_device_never_becomes_the_topic():
    body = "The Galaxy S23 Ultra is an upgrade over the S22 Ultra. It has a 200MP main camera."
    found = facts(body)
    assert ("Samsung Galaxy S23 Ultra", "main_camera", "200 MP") in found
    assert not any("S22" in subject for subject, _a, _v in found)


def test_two_devices_in_one_sentence():
    body = "The Galaxy S23 Ultra has a 200MP camera, while the iPhone 14 Pro has a 48MP camera."
    found = facts(body)
    assert ("Samsung Galaxy S23 Ultra", "main_camera", "200 MP") in found
    assert ("Apple iPhone 14 Pro", "main_camera", "48 MP") in found
    assert ("Samsung Galaxy S23 Ultra", "main_camera", "48 MP") not in found


def test_bullet_list_under_a_device():
    body = (
        "Leaked OnePlus 12 specifications:\n- 6.82-inch LTPO AMOLED display\n- Snapdragon 8 Gen 3\n"
        "- 16GB RAM and 512GB storage\n- 5,400mAh battery with 100W wired and 50W wireless charging\n"
        "- 50MP main, 48MP ultrawide and 64MP periscope telephoto cameras\n- Android 14 with ColorOS 14"
    )
    found = facts(body)
    for fact in [
        ("display_size", "6.82 in"),
        ("display_type", "LTPO AMOLED"),
        ("chipset", "Snapdragon 8 Gen 3"),
        ("ram", "16 GB"),
        ("storage", "512 GB"),
        ("battery", "5400 mAh"),
        ("wired_charging", "100 W"),
        ("wireless_charging", "50 W"),
        ("main_camera", "50 MP"),
        ("ultrawide_camera", "48 MP"),
        ("telephoto_camera", "64 MP"),
        ("os", "Android 14"),
        ("ui", "ColorOS 14"),
    ]:
        assert ("OnePlus 12",) + fact in found, fact
    assert status_of(body, "battery", "5400 mAh") == {"rumored"}


def test_price_table_and_memory_pairs():
    body = "Xiaomi 13 Pro prices in China:\n- 8/128GB: CNY 4,999\n- 12GB + 512GB: CNY 6,299"
    found = facts(body)
    assert ("Xiaomi 13 Pro", "price", "CNY 4999") in found
    assert ("Xiaomi 13 Pro", "price", "CNY 6299") in found
    assert ("Xiaomi 13 Pro", "ram", "12 GB") in found
    assert ("Xiaomi 13 Pro", "storage", "512 GB") in found


def test_ram_and_storage_with_memory_types_keep_the_largest():
    found = facts("The Galaxy S23 comes with 8GB or 12 GB of LPDDR5 RAM/512 GB of UFS 3.1 storage.")
    assert ("Samsung Galaxy S23", "ram", "12 GB") in found
    assert ("Samsung Galaxy S23", "storage", "512 GB") in found
    assert ("Samsung Galaxy S23", "ram", "8 GB") not in found


@pytest.mark.parametrize(
    "phrase",
    ["Snapdragon 8 Plus Gen 1", "Snapdragon 8+ Gen 1", "Snapdragon 8 Gen 1+", "Snapdagon 8 Gen 1+", "SM8475"],
)
def test_chipset_spellings_normalise_to_the_catalogue(phrase):
    assert ("Xiaomi 12T Pro", "chipset", "Snapdragon 8+ Gen 1") in facts(
        f"The Xiaomi 12T Pro uses the {phrase}."
    )


def test_denials_and_corrections():
    body = "The Nothing Phone (2) will use a 50MP main sensor, not the 200MP sensor as first thought."
    assert status_of(body, "main_camera", "200 MP") == {"denied"}
    assert status_of(body, "main_camera", "50 MP") != {"denied"}
    assert status_of("The Pixel 8 won't support 45W charging.", "wired_charging", "45 W") == {"denied"}


def test_status_follows_the_clause_cue():
    body = (
        "Samsung officially confirmed the Galaxy S24 will have a 6.2-inch display, "
        "and a tipster claims it will pack a 4,000mAh battery. We're anticipating 25W charging."
    )
    assert status_of(body, "display_size", "6.2 in") == {"confirmed"}
    assert status_of(body, "battery", "4000 mAh") == {"rumored"}
    assert status_of(body, "wired_charging", "25 W") == {"speculated"}


def test_recently_announced_chip_is_not_an_official_claim():
    body = "The Vivo X80 Pro is expected to be powered by the recently announced Dimensity 9000 chipset."
    assert status_of(body, "chipset", "Dimensity 9000", published="2022-03-01") == {"rumored"}


def test_series_claims_stay_on_the_series():
    body = "The Pixel 8 series could feature the Tensor G3 chip."
    assert ("Google Pixel 8 series", "chipset", "Google Tensor G3") in facts(body)


def test_camera_counts_and_partners():
    body = "In recent years, Vivo and OnePlus have partnered with Zeiss and Hasselblad. The Oppo Find X6 Pro has a triple rear camera."
    found = facts(body)
    assert ("vivo", "camera_partner", "Zeiss") in found
    assert ("OnePlus", "camera_partner", "Hasselblad") in found
    assert ("vivo", "camera_partner", "Hasselblad") not in found
    assert ("Oppo Find X6 Pro", "camera_count", "3") in found


def test_alias_claims():
    body = "The Galaxy S23 Ultra (codenamed “Diamond”) and the OnePlus 11R (previously known as the OnePlus Ace 2) are close."
    found = facts(body)
    assert ("OnePlus 11R", "alias", "OnePlus Ace 2") in found
    assert ("Samsung Galaxy S23 Ultra", "alias", "Diamond") in found


def test_launch_dates_keep_their_precision_and_ignore_names():
    assert ("Samsung Galaxy S23", "launch_date", "2023-02-01") in facts(
        "Samsung will unveil the Galaxy S23 on Wednesday, February 1.", published="2023-01-20"
    )
    assert ("Apple iPhone 15", "launch_date", "2023-09") in facts(
        "The iPhone 15 is expected to launch in September this year.", published="2023-05-10"
    )
    assert ("Google Pixel 8", "launch_date", "2023-10") in facts(
        "The Pixel 8 will launch early next month.", published="2023-09-12"
    )
    no_dates = facts(
        "Lei Jun said the 12S will launch with a 6.7-inch screen and a 6 in the name.", published="2022-06-01"
    )
    assert not any(attribute == "launch_date" for _s, attribute, _v in no_dates)


def test_no_claims_without_subjects_or_values():
    assert claims_of("Nothing to see here. We all love phones.") == []
    assert claims_of("") == []


def test_possessive_value_of_a_compared_brandless_model_is_dropped():
    body = (
        "Samsung unveiled the Galaxy S23 Ultra. Its 200MP main camera is an upgrade over the S22 Ultra's "
        "108MP sensor, and the S19 Pro's 12MP one."
    )
    found = facts(body)
    assert ("Samsung Galaxy S23 Ultra", "main_camera", "200 MP") in found
    assert not any(value in ("108 MP", "12 MP") for _s, _a, value in found)
