"""Any text gives claims whose quotes are verbatim slices of the body, and never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.articles import parse_article
from bot.extract import extract
from bot.extract.dates import infer_published, parse_header_date
from bot.extract.pipeline import run_pipeline
from bot.extract.sentences import split_sentences
from bot.models import Article

WORDS = [
    "Xiaomi",
    "12S",
    "Ultra",
    "Galaxy",
    "S23",
    "iPhone",
    "14",
    "Pro",
    "Max",
    "Pixel",
    "7",
    "the",
    "it",
    "rumored",
    "not",
    "July",
    "4",
    "Monday",
    "(23)",
    "50MP",
    "main",
    "camera",
    "120W",
    "wireless",
    "12GB",
    "RAM",
    "256GB",
    "storage",
    "$799",
    "CNY",
    "5,999",
    "Snapdragon",
    "8+",
    "Gen",
    "1",
    "6.7-inch",
    "AMOLED",
    "120Hz",
    "5,000mAh",
    "Android",
    "13",
    "MIUI",
    "14",
    "Leica",
    "with",
    "partnership",
    ".",
    ",",
    "\n",
    "\n\n",
    "- ",
    "—",
    "(@Xiaomi)",
    "May",
    "23,",
    "2022",
    "formerly",
    "known",
    "as",
    "“",
    "”",
    "'s",
    "compared",
    "to",
    "than",
    "today,",
    "next",
    "month",
    "launch",
    "could",
    "expected",
    "\x00",
    "\x1b",
    "\u200b",
    "İ",
    "ß",
    "🙂",
    "\t",
]


def check(body: str, published: str | None = "2022-06-29") -> None:
    article = Article(id="prop", body=body, published=published, published_basis="header")
    # The unguarded path: `extract` turns a crash into no claims (logged) for production; here a
    # crash must fail the test.
    claims = run_pipeline(article)
    assert [(c.subject, c.attribute, c.value, c.start) for c in claims] == [
        (c.subject, c.attribute, c.value, c.start) for c in extract(article)
    ]
    for claim in claims:
        assert claim.quote == body[claim.start : claim.end]
        assert 0 <= claim.start < claim.end <= len(body)
        assert claim.subject and claim.attribute and claim.value
        assert claim.status in ("confirmed", "rumored", "speculated", "denied")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_any_text(body):
    check(body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=120), st.sampled_from([None, "2022-06-29", "2023-12-31"]))
def test_phone_like_text(words, published):
    check(" ".join(words), published)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_dates_and_sentences_never_raise(text):
    infer_published(text)
    parse_header_date(text)
    for start, end, _item in split_sentences(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_parse_article_then_extract(text):
    try:
        article = parse_article(text, "prop")
    except ValueError:
        return
    for claim in run_pipeline(article):
        assert claim.quote == article.body[claim.start : claim.end]


def test_one_huge_line_without_sentence_ends():
    body = ("the Xiaomi 12S Ultra has a 50MP main camera and 120W charging and " * 16000)[:1_000_000]
    claims = run_pipeline(Article(id="big", body=body, published="2022-06-29", published_basis="header"))
    assert claims
    for claim in claims[:200]:
        assert claim.quote == body[claim.start : claim.end]
        assert claim.end - claim.start <= 1200


def test_control_characters_and_empty_bodies():
    for body in ["", " ", "\n\n\n", "\x00\x01\x02", "....", "— (@x) May 99, 2022", "\u2028\u2029"]:
        check(body)
