"""'the Pro' refers to the article's own family (the one named most so far) when the article
named that family's Pro before, not to a same-brand phone of another year named last in passing
('as on last year's X 12S Ultra'). With no own member of that name, the family named last still
gives it. Own sentences, no text of any real article."""

from __future__ import annotations

from tests.extract.own_sentences import values_of


def test_the_pro_after_a_passing_older_phone_is_the_articles_pro():
    body = (
        "The Vivo X300 series is official. The Vivo X300 Pro leads the Vivo X300 series, "
        "with the same periscope idea as the Vivo X100 Pro. On the front, the Pro has a 50MP selfie camera."
    )
    assert values_of(body, "front_camera", "2025-10-14") == {("vivo X300 Pro", "50 MP")}


def test_the_pro_model_after_an_older_ultra_is_the_articles_pro():
    body = (
        "The Vivo X90 and Vivo X90 Pro are here. The Vivo X90 Pro gets a 6.78-inch display, "
        "and it has the same main sensor as the Vivo X80 Ultra. The Pro model also packs a 4,870mAh battery."
    )
    assert values_of(body, "battery", "2022-11-22") == {("vivo X90 Pro", "4870 mAh")}


def test_with_no_own_member_of_that_name_the_family_named_last_gives_it():
    body = (
        "The Vivo X300 is official. It is cheaper than the Galaxy S25 and Galaxy S25 Ultra. "
        "The Ultra has a 5,000mAh battery."
    )
    assert values_of(body, "battery", "2025-10-14") == {("Samsung Galaxy S25 Ultra", "5000 mAh")}


def test_an_older_phone_that_leads_its_sentence_keeps_the_reference():
    body = (
        "The Vivo X90 and Vivo X90 Pro are official. The Vivo X90 Pro has a 4,870mAh battery and the Vivo X90 Pro "
        "charges at 120W. Then came a recap. The Vivo X80 Pro got a 4,700mAh battery. The Pro also got 80W charging."
    )
    found = values_of(body, "wired_charging", "2022-11-22")
    assert found == {("vivo X90 Pro", "120 W"), ("vivo X80 Pro", "80 W")}, found
