"""Second round of general mechanisms, each on own sentences: "Phone (Nx)" names without the brand,
per-phone sections, spec tables with one column per phone, deal prices, group references, launch
phrases, currencies and units. No text of any held-out article."""

from __future__ import annotations

from tests.extract.own_sentences import claims_of, facts


def test_phone_with_letter_in_parentheses_is_a_name_without_the_brand():
    body = (
        "Nothing’s new mid-rangers are official. Phone (4b) gets a 5,200mAh battery, "
        "while Phone (4b) Plus steps up to a 6,100mAh battery."
    )
    found = facts(body)
    assert ("Nothing Phone (4b)", "battery", "5200 mAh") in found
    assert ("Nothing Phone (4b) Plus", "battery", "6100 mAh") in found


def test_edge_and_air_are_model_variants():
    body = (
        "Samsung unveiled the Galaxy S30 Edge today with a 4,100mAh battery, smaller than the 5,000mAh "
        "battery of the Galaxy S30+. Apple is said to prepare the iPhone 19 Air with a 48MP camera."
    )
    found = facts(body, "2029-05-01")
    assert ("Samsung Galaxy S30 Edge", "battery", "4100 mAh") in found
    assert ("Samsung Galaxy S30", "battery", "4100 mAh") not in found
    assert ("Apple iPhone 19 Air", "main_camera", "48 MP") in found


def test_deal_prices_are_not_list_prices():
    body = (
        "The Galaxy S22 Ultra launched at $1,199. It is now down to $899 at one retailer. "
        "You can also get it for £799 with a trade-in. Retailers have cut the Galaxy S22 to €599. "
        "See our list of the best phones under $400."
    )
    prices = {v for s, a, v in facts(body, "2022-11-25") if a == "price"}
    assert "USD 1199" in prices
    assert not prices & {"USD 899", "GBP 799", "EUR 599", "USD 400"}


def test_a_discount_amount_and_a_gap_are_no_prices():
    body = "There is a $250 gap between the Pixel 7 and Pixel 7 Pro, and a $100 off coupon on the Pixel 7."
    assert not {v for s, a, v in facts(body, "2022-11-25") if a == "price"}


def test_launch_sales_do_not_hide_a_price_in_won():
    found = facts(
        "The Galaxy S22 will cost 1,099,000 won in South Korea, with sales starting on March 1.", "2022-02-10"
    )
    assert any(
        s.startswith("Samsung Galaxy S22") and a == "price" and v == "KRW 1099000" for s, a, v in found
    )


def test_a_spec_table_with_one_column_per_phone():
    body = (
        "Samsung has launched the Galaxy A54 and the Galaxy A34.\n\n"
        "| Spec | Galaxy A54 | Galaxy A34 |\n|---|---|---|\n"
        "| Battery | 5,000mAh | 4,800mAh |\n| Front | 32MP | 13MP |\n| Chip | Exynos 1380 | Dimensity 1080 |\n"
    )
    found = facts(body, "2023-03-20")
    assert ("Samsung Galaxy A54", "battery", "5000 mAh") in found
    assert ("Samsung Galaxy A34", "battery", "4800 mAh") in found
    assert ("Samsung Galaxy A34", "battery", "5000 mAh") not in found
    assert ("Samsung Galaxy A34", "chipset", "Dimensity 1080") in found
    assert ("Samsung Galaxy A34", "chipset", "Exynos 1380") not in found


def test_a_deal_price_column_gives_no_price():
    body = (
        "| Phone | List price | Deal price |\n|---|---|---|\n"
        "| Galaxy S22 | $799 | $649 |\n| Pixel 7 | $599 | $449 |\n"
    )
    prices = {(s, v) for s, a, v in facts(body, "2023-05-20") if a == "price"}
    assert {v for s, v in prices if s.startswith("Samsung Galaxy S22")} == {"USD 799"}
    assert ("Google Pixel 7", "USD 599") in prices
    assert not {v for _s, v in prices} & {"USD 649", "USD 449"}


def test_a_discounted_phone_is_a_launched_phone():
    body = (
        "Motorola Edge 40 Neo: $299 ($100 off)\n\n"
        "It has a Dimensity 7030 and a 5,000mAh battery, and it is the cheapest it has been."
    )
    statuses = {c.status for c in claims_of(body, "2024-06-01") if c.attribute in ("chipset", "battery")}
    assert statuses == {"confirmed"}


def test_a_phone_out_for_a_while_is_a_launched_phone():
    body = "The Galaxy Z Flip 9 has been out since last summer. It has a 4,000mAh battery."
    statuses = {c.status for c in claims_of(body, "2029-05-01") if c.attribute == "battery"}
    assert statuses == {"confirmed"}


def test_a_bare_number_after_the_names_a_model_the_article_named():
    body = (
        "The Honor 200 and Honor 200 Pro are official. The 200 has a 5,200mAh battery, "
        "while the 200 Pro has a 5,500mAh battery."
    )
    found = facts(body, "2024-06-01")
    assert ("Honor 200", "battery", "5200 mAh") in found
    assert ("Honor 200", "battery", "5500 mAh") not in found


def test_the_two_cost_pairs_prices_in_order():
    body = "The Pixel 8 and Pixel 8 Pro are official. In Germany the two cost €799 and €1,099."
    found = facts(body, "2023-10-05")
    assert ("Google Pixel 8", "price", "EUR 799") in found and (
        "Google Pixel 8 Pro",
        "price",
        "EUR 1099",
    ) in found
    assert ("Google Pixel 8", "price", "EUR 1099") not in found


def test_they_after_both_handsets_means_both():
    body = (
        "Samsung has launched the Galaxy A55 and the Galaxy A35. Both handsets pack a 5,000mAh battery. "
        "They run One UI 6.1 based on Android 14."
    )
    found = facts(body, "2024-03-12")
    for name in ("Samsung Galaxy A55", "Samsung Galaxy A35"):
        assert (name, "os", "Android 14") in found
