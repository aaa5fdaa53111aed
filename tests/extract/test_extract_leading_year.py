"""A year that opens the sentence ("Last year, ...", "In 2022, ...") is the year of the months and
days it names without one: last year's launch "in November" is not this November."""

from __future__ import annotations

from tests.extract.own_sentences import values_of

PUBLISHED = "2024-10-20"


def test_last_year_leading_the_sentence_dates_a_bare_month():
    body = "Last year, Samsung launched the Galaxy S23 FE in November."
    assert values_of(body, "launch_date", PUBLISHED) == {("Samsung Galaxy S23 FE", "2023-11")}


def test_a_leading_year_dates_a_day_named_without_one():
    body = "In 2022, Google unveiled the Pixel 7 on December 6 at a small event."
    assert values_of(body, "launch_date", PUBLISHED) == {("Google Pixel 7", "2022-12-06")}


def test_a_month_without_a_leading_year_keeps_the_article_year():
    body = "Samsung will launch the Galaxy S24 FE in November, a report says."
    assert values_of(body, "launch_date", PUBLISHED) == {("Samsung Galaxy S24 FE", "2024-11")}
