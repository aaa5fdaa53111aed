"""The status of launched and not-yet-launched phones as real articles write them: a headline that
says the phone was revealed, a launched series' members, a "series" named after a model, an
upcoming launch of a phone sold elsewhere, conditional hedges. Sentences written for these tests."""

from __future__ import annotations

from bot.extract.pipeline import run_pipeline
from bot.models import Article


def claims_of(
    body: str, published: str | None = "2023-08-01", title: str | None = None, url: str | None = None
):
    article = Article(id="t", body=body, published=published, published_basis="header", title=title, url=url)
    return run_pipeline(article)


def status_of(claims, subject: str, attribute: str) -> set[str]:
    return {c.status for c in claims if c.subject == subject and c.attribute == attribute}


def test_a_headline_saying_the_phone_was_revealed_makes_its_plain_specs_confirmed():
    body = (
        "Nothing has kept its yearly rhythm. The Nothing Phone (2a) brings a 6.7-inch AMOLED panel "
        "and a 5,000mAh battery."
    )
    claims = claims_of(body, published=None, title="Nothing Phone (2a) Unveiled With A New Glyph Look")
    assert status_of(claims, "Nothing Phone (2a)", "battery") == {"confirmed"}


def test_a_launch_headline_read_from_the_address():
    body = "The Nothing Phone (2a) brings a 6.7-inch AMOLED panel and a 5,000mAh battery."
    claims = claims_of(
        body, published=None, url="https://news.example/nothing-phone-2a-launched-in-india-price-specs-88412"
    )
    assert status_of(claims, "Nothing Phone (2a)", "battery") == {"confirmed"}


def test_a_leak_headline_keeps_plain_specs_rumored():
    body = "The Nothing Phone (2a) brings a 6.7-inch AMOLED panel and a 5,000mAh battery."
    for title in (
        "Nothing Phone (2a) specs revealed in a leak",
        "Nothing Phone (2a) launch date revealed",
        "Nothing Phone (2a) set to launch next week",
    ):
        claims = claims_of(body, published="2024-02-01", title=title)
        assert status_of(claims, "Nothing Phone (2a)", "battery") == {"rumored"}, title


def test_an_older_model_in_a_launch_headline_is_not_the_launched_one():
    body = (
        "The Xiaomi 13T follows the Xiaomi 13T Pro. The Xiaomi 13T Pro has a 5,000mAh battery, "
        "as does the Xiaomi 13T."
    )
    claims = claims_of(body, published=None, title="Xiaomi 13T Pro launched with a 144Hz screen")
    assert status_of(claims, "Xiaomi 13T Pro", "battery") == {"confirmed"}
    assert status_of(claims, "Xiaomi 13T", "battery") != {"confirmed"}


def test_specs_given_to_a_series_whose_members_were_introduced_are_confirmed():
    body = (
        "The Realme GT5 series will go on sale worldwide in March. "
        "The Realme GT5 and Realme GT5 Pro were introduced in China last month. "
        "They run on Realme UI 5.0 and are powered by the Snapdragon 8 Gen 3."
    )
    claims = claims_of(body, published="2024-01-10")
    chips = {c.status for c in claims if c.attribute == "chipset"}
    assert chips == {"confirmed"}


def test_a_launched_model_named_with_the_word_series_takes_in_its_members():
    body = (
        "Vivo launched three models of its long-awaited Vivo X100 smartphone series on Monday.\n"
        "Vivo X100 Ultra\nBattery 5,500mAh."
    )
    claims = claims_of(body, published="2024-05-14")
    assert status_of(claims, "vivo X100 Ultra", "battery") == {"confirmed"}


def test_conditional_hedges_keep_an_announced_phone_rumored():
    body = (
        "Assuming the Indian OnePlus 11R matches the Chinese model, buyers would get a 5,000mAh battery. "
        "If it turns out true, the OnePlus 11R will also bring 100W charging."
    )
    claims = claims_of(body, published="2023-02-01")
    assert status_of(claims, "OnePlus 11R", "battery") <= {"rumored", "speculated"}
    assert status_of(claims, "OnePlus 11R", "wired_charging") <= {"rumored", "speculated"}
    assert status_of(claims, "OnePlus 11R", "battery") and status_of(claims, "OnePlus 11R", "wired_charging")


def test_a_phone_sold_elsewhere_whose_launch_here_is_still_coming_keeps_plain_specs_rumored():
    body = (
        "OnePlus is all set to launch the OnePlus 11R in India next week. "
        "The OnePlus 11R will get a triple rear camera setup."
    )
    claims = claims_of(body, published="2023-02-01")
    assert status_of(claims, "OnePlus 11R", "camera_count") == {"rumored"}


def test_a_phone_sold_earlier_without_an_upcoming_launch_keeps_its_catalogue_status():
    body = "The OnePlus 11R has a triple rear camera setup."
    claims = claims_of(body, published="2023-06-01")
    assert status_of(claims, "OnePlus 11R", "camera_count") == {"confirmed"}


def test_a_phone_under_review_in_the_headline_is_launched():
    claims = claims_of(
        "The Honor X9b packs a 5,800mAh battery.",
        published="2024-02-15",
        title="Honor X9b review: a battery champion",
    )
    assert status_of(claims, "Honor X9b", "battery") == {"confirmed"}


def test_a_maker_that_launches_or_takes_the_wraps_off_the_phone():
    for verb in ("took the wraps off", "launches", "announces"):
        claims = claims_of(
            f"Honor today {verb} the Honor X9b. It packs a 5,800mAh battery.", published="2024-02-15"
        )
        assert status_of(claims, "Honor X9b", "battery") == {"confirmed"}, verb


def test_more_ways_of_saying_the_phone_was_launched():
    for verb in (
        "made its debut in China",
        "was released in China",
        "arrived in India",
        "became official",
        "hit the shelves",
    ):
        claims = claims_of(f"The Honor X9b {verb}. It packs a 5,800mAh battery.", published="2024-02-15")
        assert status_of(claims, "Honor X9b", "battery") == {"confirmed"}, verb
