"""'..., the company said on Tuesday' in an undated report whose latest full date falls on that
Tuesday: the report was written that day, so its publication date is inferred as it. A weekday
that does not fit the latest date, or a text with no full date, still gives no date. Own
sentences, no text of any real article."""

from __future__ import annotations

from bot.extract.dates import infer_published

REPORT = (
    "Honor sold out its first batch of the Honor Magic 6 in two hours, the company said on {weekday}. "
    "Open sales began on {day}, and a second batch follows next week."
)


def test_a_reported_weekday_that_fits_the_latest_date_dates_the_report():
    published, basis = infer_published(REPORT.format(weekday="Tuesday", day="March 5, 2024"))
    assert published == "2024-03-05", (published, basis)
    assert basis.startswith("inferred:") and "said on Tuesday" in basis, basis


def test_a_weekday_that_does_not_fit_gives_no_date():
    published, _basis = infer_published(REPORT.format(weekday="Friday", day="March 5, 2024"))
    assert published is None, published


def test_no_full_date_gives_no_date():
    published, _basis = infer_published(REPORT.format(weekday="Tuesday", day="March 5"))
    assert published is None, published
