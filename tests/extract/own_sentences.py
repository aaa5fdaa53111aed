"""Extraction of the tests' own sentences: one article of a body and a header date, its claims,
and their (subject, attribute, value) facts. The shape every sentence test of the extractor reads."""

from __future__ import annotations

from bot.extract import extract
from bot.models import Article, Claim

DEFAULT_PUBLISHED = "2024-06-01"


def claims_of(body: str, published: str | None = DEFAULT_PUBLISHED) -> list[Claim]:
    return extract(Article(id="own", body=body, published=published, published_basis="header"))


def facts(body: str, published: str | None = DEFAULT_PUBLISHED) -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in claims_of(body, published)}


def values_of(body: str, attribute: str, published: str | None = DEFAULT_PUBLISHED) -> set[tuple[str, str]]:
    """The (subject, value) pairs of one attribute."""
    return {(c.subject, c.value) for c in claims_of(body, published) if c.attribute == attribute}
