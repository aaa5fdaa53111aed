"""Reading articles: header forms, the seed form, and refusing what is not an article."""

import pytest

from bot.articles import ArticleError, decode_article_bytes, parse_article


def test_header_fields_are_read_and_unknown_keys_ignored():
    article = parse_article(
        "url: https://news.example/a\ndate: 2023-02-01\ntitle: A phone\noutlet: Example\n"
        "author: Someone\n\nThe body starts here.",
        "a1",
    )
    assert (article.url, article.published, article.title, article.outlet) == (
        "https://news.example/a",
        "2023-02-01",
        "A phone",
        "Example",
    )
    assert article.published_basis == "header"
    assert article.body == "The body starts here."


def test_header_date_that_does_not_parse_counts_as_missing():
    article = parse_article("date: unknown\ntitle: T\n\nNo date anywhere in this text.", "a2")
    assert article.published is None
    assert article.published_basis.startswith("unknown")


def test_seed_form_date_prefix_is_taken_off_the_body():
    article = parse_article(" date 2021-11-05 The Pixel 6 Pro launched.", "a3")
    assert article.published == "2021-11-05"
    assert article.body == "The Pixel 6 Pro launched."


def test_a_paragraph_that_looks_like_a_header_stays_in_the_body():
    text = "Update: the phone is delayed.\n\nMore text follows."
    assert parse_article(text, "a4").body == text


def test_same_text_with_other_white_space_has_the_same_hash():
    one = parse_article("The  Galaxy S24\nis out.", "x")
    two = parse_article("The Galaxy S24 is out.  ", "y")
    assert one.sha256 == two.sha256


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("caf\u00e9 latte".encode("latin-1"), "UTF-8"),
        (b"x" * 1_000_001, "at most"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, message):
    with pytest.raises(ArticleError, match=message):
        decode_article_bytes(data, "upload.txt")


def test_html_is_turned_into_its_article_text():
    html = (
        "<html><head><title>Pixel news</title></head><body><nav>Menu Home About</nav>"
        "<article><h1>Pixel 8 leak</h1><p>"
        + "The Google Pixel 8 Pro is said to have a 50MP main camera. " * 5
        + "</p></article></body></html>"
    )
    text = decode_article_bytes(html.encode(), "page.html")
    assert "50MP main camera" in text
    assert "<p>" not in text


# Issue 10, point 11: header forms that were lost or silently dropped -------------------------


def test_header_lines_without_a_blank_line_after_them_are_still_the_header():
    article = parse_article(
        "url: https://news.example/pixel-leak\ndate: 2023-03-04\n"
        "The Google Pixel 8 Pro is said to have a 50MP main camera.",
        "h1",
    )
    assert (article.url, article.published) == ("https://news.example/pixel-leak", "2023-03-04")
    assert article.body.startswith("The Google Pixel 8 Pro")


def test_a_header_date_that_is_no_calendar_day_is_refused_as_not_a_date():
    with pytest.raises(ArticleError, match=r"2022-02-30.*not a date"):
        parse_article("date: 2022-02-30\n\nThe Pixel 8 is out.", "h2")


def test_a_utf16_file_with_its_byte_order_mark_is_read():
    text = "title: A phone\n\nThe Galaxy S24 has a 6.2-inch display, café owners say."
    for encoding in ("utf-16", "utf-16-be"):
        data = text.encode(encoding)
        if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = b"\xfe\xff" + data
        assert decode_article_bytes(data, "upload.txt") == text


# Issue 10, point 6: header dates outside a sane range are refused --------------------------


@pytest.mark.parametrize("header", ["9999-12-31", "1999-12-31"])
def test_a_header_date_outside_the_sane_range_is_refused(header):
    with pytest.raises(ArticleError, match=header):
        parse_article(f"date: {header}\n\nThe Galaxy S24 launches next Monday.", "h3")


def test_a_header_date_a_year_and_more_ahead_is_refused_and_one_within_a_year_is_kept():
    from datetime import date, timedelta

    soon = (date.today() + timedelta(days=300)).isoformat()
    assert parse_article(f"date: {soon}\n\nThe Galaxy S24 is out.", "h4").published == soon
    late = (date.today() + timedelta(days=400)).isoformat()
    with pytest.raises(ArticleError, match=late):
        parse_article(f"date: {late}\n\nThe Galaxy S24 is out.", "h5")
