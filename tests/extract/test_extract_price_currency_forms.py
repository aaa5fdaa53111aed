"""'CN¥6,499': the yuan written with the country's letters before the yen sign is a price in CNY,
in a sentence and in a configuration row ('X Pro: 16GB/1TB (CN¥6,499)'). Own sentences, no text
of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def prices(body: str) -> set[tuple[str, str]]:
    return values_of(body, "price", "2025-10-01")


def test_a_configuration_row_with_a_cn_yen_price():
    found = prices(
        "The Honor Magic 8 series will launch soon. A leak gave the alleged prices:\n\n"
        "Honor Magic 8 Pro: 16GB/1TB (CN¥6499)\n\nHonor Magic 8: 12GB/256GB (CN¥4,299)\n"
    )
    assert found == {("Honor Magic 8 Pro", "CNY 6499"), ("Honor Magic 8", "CNY 4299")}, found


def test_a_cn_yen_price_in_a_sentence():
    assert prices("The Honor Magic 8 is said to cost CN¥ 3,999 at launch.") == {("Honor Magic 8", "CNY 3999")}
