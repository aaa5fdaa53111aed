"""Launch dates as real articles write them, and dates of other things that are no launch:
a weekday in a past-tense report, a postponed launch, "last month", an event with its year,
a chip's launch, mass production, a maker's habit. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.extract.pipeline import run_pipeline
from bot.models import Article


def launch_dates(body: str, published: str | None = "2023-08-01") -> set[tuple[str, str]]:
    article = Article(id="t", body=body, published=published, published_basis="header")
    return {(c.subject, c.value) for c in run_pipeline(article) if c.attribute == "launch_date"}


def test_a_weekday_in_a_past_tense_report_is_the_last_such_day():
    # 2023-08-03 is a Thursday: "on Tuesday" is 2023-08-01.
    found = launch_dates("Xiaomi unveiled the Xiaomi Mix Fold 3 at its event on Tuesday.", "2023-08-03")
    assert found == {("Xiaomi Mix Fold 3", "2023-08-01")}


def test_a_weekday_spoken_of_as_coming_is_the_next_such_day():
    found = launch_dates("Xiaomi will unveil the Xiaomi Mix Fold 3 at its event on Tuesday.", "2023-08-03")
    assert found == {("Xiaomi Mix Fold 3", "2023-08-08")}


def test_a_postponed_launch_is_dated_by_its_new_month():
    found = launch_dates(
        "A new report says the launch of the Honor Magic V2 was pushed back from July to September."
    )
    assert ("Honor Magic V2", "2023-09") in found
    assert ("Honor Magic V2", "2023-07") not in found


def test_introduced_last_month():
    found = launch_dates("The Honor Magic V2 was introduced in China last month.", "2023-08-20")
    assert found == {("Honor Magic V2", "2023-07")}


@pytest.mark.parametrize("event", ["MWC 2024", "Mobile World Congress (MWC) 2024", "CES 2024"])
def test_a_launch_at_an_event_with_its_year(event):
    found = launch_dates(f"The Honor Magic V2 will be launched in Europe at {event}.", "2023-11-20")
    assert found == {("Honor Magic V2", "2024")}


def test_coming_out_is_a_launch():
    found = launch_dates("The Honor Magic V2 is set to come out later this year, a report says.")
    assert found == {("Honor Magic V2", "2023")}


def test_a_maker_that_announced_the_phone_today():
    found = launch_dates("Nothing today announced the Nothing Phone (2), its second phone.", "2023-07-11")
    assert found == {("Nothing Phone (2)", "2023-07-11")}


def test_a_chip_launch_is_not_the_phone_launch():
    found = launch_dates(
        "The Asus ROG Phone 8 will use the Snapdragon 8 Gen 3. This chipset is expected to be "
        "launched in October at Qualcomm's summit."
    )
    assert found == set()


def test_mass_production_is_not_a_launch():
    found = launch_dates(
        "Oppo is preparing mass production of the Oppo Find X7 in November, for a launch next year."
    )
    assert ("Oppo Find X7", "2023-11") not in found
    assert ("Oppo Find X7", "2024") in found


def test_a_makers_habit_is_no_launch_date():
    found = launch_dates(
        "The Apple iPhone 15 is near. Apple has released phones in September since it launched "
        "the iPhone 4S and tends to ship them a week later.",
        "2023-08-01",
    )
    assert not [f for f in found if f[1].startswith(("2022-09", "2023-09"))]


def test_production_before_a_launch_with_its_own_date():
    found = launch_dates(
        "Oppo is gearing up for mass production of its new phones in November, for a "
        "January 2024 launch of the Oppo Find X7."
    )
    assert ("Oppo Find X7", "2024-01") in found
    assert ("Oppo Find X7", "2023-11") not in found


def test_an_event_year_next_to_the_word_event_only_is_no_launch_year():
    found = launch_dates("The Honor Magic V2 was shown at MWC 2023 (a four-day event).", "2023-08-01")
    assert ("Honor Magic V2", "2023") not in found


def test_a_cancelled_launch_event_is_no_launch_date():
    found = launch_dates(
        "Motorola called off the Moto X40 launch event earlier this month over a dispute.", "2023-08-20"
    )
    assert found == set()


def test_a_past_showcase_is_no_launch():
    found = launch_dates(
        "The Redmi K70 was showcased back in March alongside the Redmi K70 Pro.", "2023-08-01"
    )
    assert found == set()


@pytest.mark.parametrize(
    "clause",
    [
        "the Dimensity 9200, which was announced in November",
        "the Dimensity 9200 chip, launched in November by MediaTek",
        "the Dimensity 9200 SoC that MediaTek unveiled in November",
    ],
)
def test_a_chip_launched_in_a_relative_clause_is_not_the_phone(clause):
    found = launch_dates(f"The vivo X90 uses {clause}.", "2023-02-01")
    assert found == set()


def test_a_phone_launching_with_a_chip_keeps_its_date():
    found = launch_dates("The vivo X90 with the Dimensity 9200 launches on February 10.", "2023-02-01")
    assert found == {("vivo X90", "2023-02-10")}


def test_a_phone_that_arrived_back_in_a_month_was_launched_then():
    found = launch_dates("The Redmi K70 is not new: it arrived in China back in March.", "2023-08-01")
    assert {value for _subject, value in found} == {"2023-03"}


def test_each_clause_keeps_its_own_tense():
    found = launch_dates(
        "Realme launched the Realme 11 Pro in June, and the Realme 12 Pro will follow in January.",
        "2023-10-10",
    )
    assert ("Realme 11 Pro", "2023-06") in found
    assert ("Realme 12 Pro", "2024-01") in found


@pytest.mark.parametrize("phrase", ["last Tuesday", "this Tuesday"])
def test_a_past_weekday_with_last_or_this(phrase):
    # 2023-08-03 is a Thursday: the Tuesday before is 2023-08-01.
    found = launch_dates(f"Xiaomi unveiled the Xiaomi Mix Fold 3 {phrase}.", "2023-08-03")
    assert found == {("Xiaomi Mix Fold 3", "2023-08-01")}
