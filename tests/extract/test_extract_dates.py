"""Publication dates: header forms, the seed form, and dates inferred from the text."""

from __future__ import annotations

from bot.articles import parse_article
from bot.extract import extract
from bot.extract.dates import infer_published, parse_header_date


def test_header_date_forms_and_unknown_keys():
    article = parse_article(
        "url: https://x.example/a\ndate: June 29, 2022\nauthor: someone\n\nBody text.", "a"
    )
    assert (article.published, article.published_basis) == ("2022-06-29", "header")
    assert article.body == "Body text."


def test_unparseable_header_date_is_missing_and_inferred_instead():
    text = (
        "date: unknown\ntitle: t\n\nA post.\n\n— Samsung Mobile (@SamsungMobile) January 17, 2023\n\n"
        "More text."
    )
    article = parse_article(text, "a")
    assert article.published == "2023-01-17"
    assert article.published_basis.startswith("inferred:")
    assert parse_header_date("unknown") is None
    assert parse_header_date("") is None


def test_seed_form():
    article = parse_article(" date 2022-05-24 Xiaomi and Leica today announced a partnership.", "s")
    assert article.published == "2022-05-24"
    assert article.body.startswith("Xiaomi")


def test_weekday_with_day_number_read_against_posts():
    body = (
        "Apple announced this Tuesday (7) its new phones.\n\nA post.\n\n— Apple (@Apple) March 6, 2023\n\n"
        "Another.\n\n— Tim Cook (@tim_cook) March 1, 2023"
    )
    published, basis = infer_published(body)
    assert published == "2023-03-07"
    assert basis.startswith("inferred:") and "Tuesday (7)" in basis


def test_latest_post_date_without_other_clues():
    body = "Text.\n\n— Google (@Google) May 10, 2023\n\nText.\n\n— Google (@Google) May 11, 2023"
    assert infer_published(body) == ("2023-05-11", "inferred: the latest quoted post is dated May 11, 2023")


def test_today_with_a_year_from_context():
    published, basis = infer_published("OnePlus said today, July 4 that the OnePlus 11 sold out in 2023.")
    assert published == "2023-07-04"
    assert basis.startswith("inferred:")


def test_no_date_at_all_is_null_with_a_reason():
    published, basis = infer_published("Lei Jun showed the 12S and a 6 on stage.")
    assert published is None
    assert basis.startswith("unknown:")


# --- dateparser on the phrases that need the publication date ---------------------------------


def test_relative_phrases_are_read_by_dateparser_against_the_publication_date():
    from datetime import date

    from bot.extract.dates import _dateparse, _relative

    base = date(2023, 11, 20)
    assert _relative("January 17", base, "future") == date(2024, 1, 17)
    assert _relative("November 13", base, "past") == date(2023, 11, 13)
    assert _relative("November 1", base, "future") == date(2023, 11, 1)  # a few weeks late: same year
    assert _dateparse("next month", base, "current_period", "relative-time") == date(2023, 12, 1)
    assert _dateparse("Friday", base, "future", "absolute-time") == date(2023, 11, 24)
    _dateparse.cache_clear()
    _relative("March 3", base, "future")
    _relative("March 3", base, "future")
    assert _dateparse.cache_info().hits >= 1  # memoised on (phrase, publication date)


def test_day_and_month_without_a_year_keep_day_precision():
    from bot.extract.pipeline import run_pipeline
    from bot.models import Article

    body = "Vivo will launch the X200 Pro on January 9, and sales start in February."
    claims = run_pipeline(Article(id="t", body=body, published="2023-11-20", published_basis="header"))
    values = {c.value for c in claims if c.attribute == "launch_date"}
    assert "2024-01-09" in values
    assert all(len(v) in (4, 7, 10) for v in values)


def test_the_strptime_shortcut_answers_as_dateparser_does():
    from datetime import date

    from bot.extract.dates import _NOT_READ, MONTHS, _dateparse_slow, _strptime_like_dateparser

    for base in (date(2022, 3, 1), date(2023, 12, 31), date(2024, 2, 29), date(2025, 7, 15)):
        for month in MONTHS[::2]:
            for phrase, forms in (
                (month, ("%B",)),
                (f"{month} 2026", ("%B %Y",)),
                (f"{month} 9", ("%B %d",)),
                (f"{month} 30", ("%B %d",)),
                (f"{month} 28 2027", ("%B %d %Y",)),
            ):
                fast = _strptime_like_dateparser(phrase, base, forms)
                if fast is not _NOT_READ:
                    assert fast == _dateparse_slow(phrase, base, "current_period", "absolute-time", forms), (
                        phrase
                    )
    assert _strptime_like_dateparser("February 29", date(2023, 5, 1), ("%B %d",)) is _NOT_READ


def test_next_month_and_today_arithmetic_answers_as_dateparser_does():
    from datetime import date, timedelta

    from bot.extract.dates import _dateparse_slow, _shift_month

    for base in (date(2022, 1, 31), date(2023, 12, 15), date(2024, 2, 29), date(2025, 10, 31)):
        for word, months in (("next", 1), ("this", 0)):
            parsed = _dateparse_slow(f"{word} month", base, "current_period", "relative-time")
            assert (parsed.year, parsed.month) == _shift_month(base, months)
        assert _dateparse_slow("today", base, "current_period", "relative-time") == base
        assert _dateparse_slow("tomorrow", base, "current_period", "relative-time") == base + timedelta(
            days=1
        )


def test_an_address_with_a_date_path_dates_an_undated_article():
    text = (
        "url: https://phones.example/2021/11/04/moto-g-stylus-renders/\ntitle: t\n\n"
        "The Moto G Stylus will ship with a 5,000mAh battery."
    )
    article = parse_article(text, "a")
    assert article.published == "2021-11-04"
    assert article.published_basis.startswith("inferred:") and "2021/11/04" in article.published_basis


def test_an_address_with_a_time_stamp_dates_an_undated_article():
    text = (
        "url: https://news.example/tech/realme-unveils-narzo-phone20230615104512/\n\n"
        "Realme unveiled the Narzo 60 with a 6.43-inch display."
    )
    article = parse_article(text, "a")
    assert article.published == "2023-06-15"
    assert article.published_basis.startswith("inferred:")


def test_an_address_with_a_date_segment_dates_an_undated_article():
    assert (
        infer_published("Body.", "https://news.example/tech/20240117/galaxy-s24-launch.html")[0]
        == "2024-01-17"
    )


def test_an_address_date_that_is_no_calendar_day_or_a_bare_number_is_ignored():
    for url in (
        "https://x.example/2021/13/45/a",
        "https://x.example/story/4326129",
        "https://x.example/a-20219999123456",
        "https://x.example/id/20221399/",
        "https://x.example/p/120220309/",
    ):
        published, basis = infer_published("Lei Jun showed the 12S and a 6 on stage.", url)
        assert published is None and basis.startswith("unknown")


def test_a_dateline_without_a_year_takes_the_year_of_the_text():
    body = (
        "Seoul [South Korea], October 3 (Agency): Samsung has put the Galaxy A35 on sale. "
        "The phone follows the 2023 model and the Galaxy A25 of 2023."
    )
    published, basis = infer_published(body)
    assert published == "2023-10-03"
    assert basis.startswith("inferred:") and "October 3" in basis


def test_a_header_date_wins_over_the_address():
    article = parse_article("url: https://x.example/2020/01/02/a\ndate: 2020-01-05\n\nBody.", "a")
    assert (article.published, article.published_basis) == ("2020-01-05", "header")


def test_the_dateline_day_is_not_the_launch_day_the_sentence_names():
    text = (
        "url: https://news.example/oppo-launches-find-n3-20231019101010/\n\n"
        "Beijing [China], October 19 (Agency): Oppo launched the Find N3 on October 17 with a 4,805mAh battery."
    )
    claims = extract(parse_article(text, "a"))
    assert {c.value for c in claims if c.attribute == "launch_date"} == {"2023-10-17"}
    assert [c for c in claims if c.attribute == "battery"]


def test_the_dateline_day_is_the_launch_day_when_the_sentence_names_no_other_day():
    text = (
        "date: 2023-10-19\n\nBeijing, October 19 (Agency) – Oppo on Thursday launched the Find N3, "
        "its new foldable."
    )
    claims = extract(parse_article(text, "a"))
    assert {c.value for c in claims if c.attribute == "launch_date"} == {"2023-10-19"}
