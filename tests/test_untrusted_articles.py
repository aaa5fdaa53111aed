"""Text from outside that must not carry secrets or binary data into the store."""

import pytest

from bot.articles import ArticleError, decode_article_bytes, parse_article

SECRET_URL = "https://alice:s3cret@news.example/leak?page=2#top"


@pytest.mark.parametrize(
    "url",
    [SECRET_URL, "https://alice@news.example/leak?page=2#top", "https://a:b@c@news.example/leak?page=2#top"],
)
def test_a_user_name_and_password_are_taken_out_of_a_header_url(url):
    article = parse_article(f"url: {url}\ndate: 2024-05-01\n\nThe phone has a big battery.", "a")
    assert article.url == "https://news.example/leak?page=2#top"


def test_a_user_name_and_password_are_taken_out_of_a_url_given_with_the_text():
    article = parse_article("The phone has a big battery.", "a", url=SECRET_URL)
    assert article.url == "https://news.example/leak?page=2#top"


def test_a_url_with_an_at_sign_only_in_its_path_is_kept():
    url = "https://news.example/people/@alice/post?by=bob@mail"
    assert parse_article("The phone has a big battery.", "a", url=url).url == url


@pytest.mark.parametrize(
    "text",
    [
        "The phone has a big battery.\x00\x00\x13\x07 and more",
        "The phone has a big battery. \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\x13\ufffd",
        "date: 2024-05-01\n\nThe phone \ufffd\ufffd\ufffd\ufffd has a big battery.",
    ],
)
def test_text_that_looks_binary_is_refused_however_it_arrives(text):
    with pytest.raises(ArticleError, match="binary"):
        parse_article(text, "a")


def test_a_few_stray_replacement_characters_are_kept():
    article = parse_article("The caf\ufffd sells the phone for \ufffd\ufffd500.", "a")
    assert "\ufffd" in article.body


def test_a_file_of_replacement_characters_is_binary():
    with pytest.raises(ArticleError, match="binary"):
        decode_article_bytes(("\ufffd" * 40 + " text").encode(), "upload.txt")
