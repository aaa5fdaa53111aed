"""A launch month in a hedged clause ("could be launched in October") is the next one to come,
though the verb is past in form; a plain past ("launched in October") stays the last one."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

WRITTEN_IN_JUNE = "2021-06-08"


def test_a_hedged_launch_month_is_the_coming_one():
    for hedge in ("could be launched", "might be unveiled", "may be released"):
        body = f"The Realme Narzo 50 {hedge} in November, a tipster says."
        assert values_of(body, "launch_date", WRITTEN_IN_JUNE) == {("Realme Narzo 50", "2021-11")}, hedge


def test_a_plain_past_launch_month_is_the_last_one():
    body = "The Realme Narzo 50 launched in November with a big battery."
    assert values_of(body, "launch_date", WRITTEN_IN_JUNE) == {("Realme Narzo 50", "2020-11")}


def test_could_have_is_no_hedge_of_what_is_to_come():
    body = "The Realme Narzo 50 could have launched in November, had the chips arrived."
    assert values_of(body, "launch_date", WRITTEN_IN_JUNE) == {("Realme Narzo 50", "2020-11")}
