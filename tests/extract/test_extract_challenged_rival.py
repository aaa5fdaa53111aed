"""'set to challenge the $449 Galaxy A55': a phone the sentence's subject challenges is a rival,
compared, not the sentence's subject, also with a figure between the article and its name; its
values had gone to the rival. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import facts


def test_a_challenged_phone_takes_none_of_the_values():
    found = facts(
        "The Poco F6 arrived this week. It aims to challenge the Galaxy A55 with a 5,000mAh battery "
        "and 90W charging."
    )
    assert not {f for f in found if f[0] == "Samsung Galaxy A55"}, found
    assert ("Xiaomi Poco F6", "wired_charging", "90 W") in found, found


def test_a_rival_with_a_figure_before_its_name_is_compared():
    found = facts(
        "The Poco F6 arrived this week. The phone challenges the 2024 Galaxy A55 with 90W charging "
        "and a 6.67-inch screen."
    )
    assert not {f for f in found if f[0] == "Samsung Galaxy A55"}, found
